/*
 * strtab.c - string interning with open addressing (linear probing).
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/strtab.h"

void precis__strtab_init(precis__strtab *t)
{
	memset(t, 0, sizeof *t);
}

void precis__strtab_clear(precis__strtab *t)
{
	free(t->slots);
	free(t->off);
	free(t->len);
	free(t->hash);
	free(t->pool);
	memset(t, 0, sizeof *t);
}

static int64_t probe(const precis__strtab *t, const char *s, size_t n,
		     uint64_t h, size_t *slot)
{
	size_t mask = t->nslots - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint32_t v = t->slots[i];
		if (v == 0) {
			*slot = i;
			return -1;
		}
		uint32_t id = v - 1;
		if (t->hash[id] == h && t->len[id] == n &&
		    memcmp(t->pool + t->off[id], s, n) == 0)
			return id;
	}
}

static int rehash(precis__strtab *t)
{
	size_t ns = t->nslots ? t->nslots * 2 : 64;
	uint32_t *slots = calloc(ns, sizeof *slots);
	if (slots == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = (size_t)t->hash[id] & (ns - 1);
		while (slots[i] != 0)
			i = (i + 1) & (ns - 1);
		slots[i] = (uint32_t)id + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
	return 0;
}

int64_t precis__strtab_find(const precis__strtab *t, const char *s, size_t n)
{
	if (t->nslots == 0)
		return -1;
	size_t slot;
	return probe(t, s, n, precis__hash(s, n), &slot);
}

static int append(precis__strtab *t, const char *s, size_t n, uint64_t h)
{
	size_t cap = t->cap;
	if (t->n + 1 > cap) {
		size_t c1 = cap, c2 = cap, c3 = cap;
		if (precis__grow((void **)&t->off, &c1, t->n + 1, sizeof *t->off) ||
		    precis__grow((void **)&t->len, &c2, t->n + 1, sizeof *t->len) ||
		    precis__grow((void **)&t->hash, &c3, t->n + 1, sizeof *t->hash))
			return PRECIS_ERR_NOMEM;
		t->cap = c1 < c2 ? (c1 < c3 ? c1 : c3) : (c2 < c3 ? c2 : c3);
	}
	if (precis__grow((void **)&t->pool, &t->pool_cap, t->pool_n + n + 1, 1))
		return PRECIS_ERR_NOMEM;
	memcpy(t->pool + t->pool_n, s, n);
	t->pool[t->pool_n + n] = '\0';
	t->off[t->n] = t->pool_n;
	t->len[t->n] = (uint32_t)n;
	t->hash[t->n] = h;
	t->pool_n += n + 1;
	return 0;
}

int64_t precis__strtab_intern(precis__strtab *t, const char *s, size_t n,
			      int *added)
{
	if (added != NULL)
		*added = 0;
	if (n > UINT32_MAX || t->n >= UINT32_MAX - 1)
		return PRECIS_ERR_NOMEM;
	/* Keep the load factor under 1/2 so probes stay short. */
	if ((t->n + 1) * 2 > t->nslots && rehash(t) != 0)
		return PRECIS_ERR_NOMEM;
	uint64_t h = precis__hash(s, n);
	size_t slot;
	int64_t id = probe(t, s, n, h, &slot);
	if (id >= 0)
		return id;
	if (append(t, s, n, h) != 0)
		return PRECIS_ERR_NOMEM;
	t->slots[slot] = (uint32_t)t->n + 1;
	if (added != NULL)
		*added = 1;
	return (int64_t)t->n++;
}

void precis__strtab_truncate(precis__strtab *t, size_t n)
{
	/* A string was probed in past slots only older strings held (a
	 * rehash reinserts in id order), so taking out the newest never cuts
	 * the probe sequence of a string that stays. */
	while (t->n > n) {
		uint32_t id = (uint32_t)--t->n;
		size_t mask = t->nslots - 1, i = (size_t)t->hash[id] & mask;
		while (t->slots[i] != id + 1)
			i = (i + 1) & mask;
		t->slots[i] = 0;
		t->pool_n = t->off[id];
	}
}

const char *precis__strtab_get(const precis__strtab *t, uint32_t id,
			       size_t *len)
{
	if (len != NULL)
		*len = t->len[id];
	return t->pool + t->off[id];
}
