/*
 * strtab.c - string interning with open addressing: linear probing over a
 * power-of-two slot array kept at most half full. A slot holds id + 1 and
 * the hash's high half, so a probe that misses never touches a string.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/strtab.h"

#define TAG 0xFFFFFFFF00000000ull

void precis__strtab_init(precis__strtab *t)
{
	memset(t, 0, sizeof *t);
}

void precis__strtab_clear(precis__strtab *t)
{
	free(t->v);
	free(t->pool);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

void precis__strtab_reset(precis__strtab *t)
{
	t->n = 0;
	t->pool_n = 0;
	if (t->slots != NULL)
		memset(t->slots, 0, t->nslots * sizeof *t->slots);
}

static uint64_t slot_value(uint64_t hash, size_t id)
{
	return (hash & TAG) | (uint64_t)(id + 1);
}

static int same(const precis__strtab *t, uint32_t id, const char *s, size_t n)
{
	if (t->v[id].len != n)
		return 0;
	const char *b = t->pool + t->v[id].off;
	for (size_t i = 0; i < n; i++) /* short words: no call to memcmp */
		if (b[i] != s[i])
			return 0;
	return 1;
}

int64_t precis__strtab_find_hashed(const precis__strtab *t, const char *s,
				   size_t n, uint64_t hash)
{
	if (t->nslots == 0)
		return -1;
	size_t mask = t->nslots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		uint64_t e = t->slots[i];
		if (e == 0)
			return -1;
		uint32_t id = (uint32_t)e - 1;
		if ((e & TAG) == (hash & TAG) && same(t, id, s, n))
			return id;
	}
}

int64_t precis__strtab_find(const precis__strtab *t, const char *s, size_t n)
{
	return precis__strtab_find_hashed(t, s, n, precis__hash(s, n));
}

static int rehash(precis__strtab *t)
{
	size_t ns = t->nslots ? t->nslots * 2 : 64;
	uint64_t *slots = calloc(ns, sizeof *slots);
	if (slots == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = (size_t)t->v[id].hash & (ns - 1);
		while (slots[i] != 0)
			i = (i + 1) & (ns - 1);
		slots[i] = slot_value(t->v[id].hash, id);
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
	return 0;
}

/* Ids stay below UINT32_MAX - 2 so that callers may keep the top values
 * as markers ("none", "dropped"). */
static int append(precis__strtab *t, const char *s, size_t n, uint64_t hash)
{
	if (t->n >= UINT32_MAX - 2 || n >= UINT32_MAX - t->pool_n)
		return PRECIS_ERR_NOMEM;
	/* 8 bytes of room past the string: precis__strtab_find_padded()
	 * reads its strings 8 bytes at a time. */
	if ((t->pool_n + n + 1 + 8 > t->pool_cap &&
	     precis__grow((void **)&t->pool, &t->pool_cap, t->pool_n + n + 1 + 8, 1)) ||
	    PRECIS__VEC_RESERVE(t, t->n + 1))
		return PRECIS_ERR_NOMEM;
	memcpy(t->pool + t->pool_n, s, n);
	memset(t->pool + t->pool_n + n, 0, 1 + 8);
	t->v[t->n] = (precis__str){ hash, (uint32_t)t->pool_n, (uint32_t)n };
	t->pool_n += n + 1;
	t->n++;
	return 0;
}

int64_t precis__strtab_intern_hashed(precis__strtab *t, const char *s,
				     size_t n, uint64_t hash, int *added)
{
	if (added != NULL)
		*added = 0;
	int64_t found = precis__strtab_find_hashed(t, s, n, hash);
	if (found >= 0)
		return found;
	if ((t->n + 1) * 2 > t->nslots && rehash(t) != 0)
		return PRECIS_ERR_NOMEM;
	if (append(t, s, n, hash) != 0)
		return PRECIS_ERR_NOMEM;
	size_t mask = t->nslots - 1, i = (size_t)hash & mask;
	while (t->slots[i] != 0)
		i = (i + 1) & mask;
	t->slots[i] = slot_value(hash, t->n - 1);
	if (added != NULL)
		*added = 1;
	return (int64_t)t->n - 1;
}

int64_t precis__strtab_intern(precis__strtab *t, const char *s, size_t n,
			      int *added)
{
	return precis__strtab_intern_hashed(t, s, n, precis__hash(s, n), added);
}

void precis__strtab_truncate(precis__strtab *t, size_t n)
{
	/* A string was probed in past slots only older strings held (a
	 * rehash reinserts in id order), so taking out the newest never cuts
	 * the probe sequence of a string that stays. */
	while (t->n > n) {
		size_t id = --t->n, mask = t->nslots - 1;
		uint64_t want = slot_value(t->v[id].hash, id);
		size_t i = (size_t)t->v[id].hash & mask;
		while (t->slots[i] != want)
			i = (i + 1) & mask;
		t->slots[i] = 0;
		t->pool_n = t->v[id].off;
	}
}
