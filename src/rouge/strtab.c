/*
 * strtab.c - interning byte strings to dense ids: the vocabulary of a
 * ROUGE context and its WordNet and stopword tables. Open addressing with
 * linear probing over a power-of-two slot array, at most half full; the
 * caller supplies the hash (precis__hash), computed while it scans a token.
 * A slot holds id + 1 (0: empty) and the hash's high half, so a probe that
 * misses never touches the string.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

static uint64_t slot_value(uint64_t hash, size_t id)
{
	return (hash & 0xFFFFFFFF00000000ull) | (uint64_t)(id + 1);
}

static int rehash(rouge_strtab *t, size_t nslot)
{
	uint64_t *slot = calloc(nslot, sizeof *slot);
	if (slot == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = (size_t)t->v[id].hash & (nslot - 1);
		while (slot[i] != 0)
			i = (i + 1) & (nslot - 1);
		slot[i] = slot_value(t->v[id].hash, id);
	}
	free(t->slot);
	t->slot = slot;
	t->nslot = nslot;
	return 0;
}

static int same(const rouge_strtab *t, uint32_t id, const char *s, size_t len)
{
	const rouge_str *e = &t->v[id];
	if (e->len != len)
		return 0;
	const char *b = t->bytes + e->off;
	for (size_t i = 0; i < len; i++) /* short words: no call to memcmp */
		if (b[i] != s[i])
			return 0;
	return 1;
}

uint32_t precis__rouge_strtab_find(const rouge_strtab *t, const char *s,
				   size_t len, uint64_t hash)
{
	if (t->nslot == 0)
		return ROUGE_NONE;
	size_t i = (size_t)hash & (t->nslot - 1);
	uint64_t tag = hash & 0xFFFFFFFF00000000ull;
	for (uint64_t e; (e = t->slot[i]) != 0; i = (i + 1) & (t->nslot - 1)) {
		uint32_t id = (uint32_t)e - 1;
		if ((e & 0xFFFFFFFF00000000ull) == tag && same(t, id, s, len))
			return id;
	}
	return ROUGE_NONE;
}

static int append(rouge_strtab *t, const char *s, size_t len, uint64_t hash)
{
	if (t->n >= UINT32_MAX - 2 || t->nbytes + len >= UINT32_MAX)
		return PRECIS_ERR_NOMEM;
	if (precis__grow((void **)&t->bytes, &t->bcap, t->nbytes + len + 1, 1) ||
	    PRECIS__VEC_RESERVE(t, t->n + 1))
		return PRECIS_ERR_NOMEM;
	memcpy(t->bytes + t->nbytes, s, len);
	t->v[t->n] = (rouge_str){ hash, (uint32_t)t->nbytes, (uint32_t)len };
	t->nbytes += len;
	t->n++;
	return 0;
}

int precis__rouge_strtab_intern(rouge_strtab *t, const char *s, size_t len,
				uint64_t hash, uint32_t *id)
{
	uint32_t found = precis__rouge_strtab_find(t, s, len, hash);
	if (found != ROUGE_NONE) {
		*id = found;
		return 0;
	}
	if ((t->n + 1) * 2 > t->nslot &&
	    rehash(t, t->nslot ? t->nslot * 2 : 64) != 0)
		return PRECIS_ERR_NOMEM;
	if (append(t, s, len, hash) != 0)
		return PRECIS_ERR_NOMEM;
	size_t i = (size_t)hash & (t->nslot - 1);
	while (t->slot[i] != 0)
		i = (i + 1) & (t->nslot - 1);
	t->slot[i] = slot_value(hash, t->n - 1);
	*id = (uint32_t)t->n - 1;
	return 0;
}

const char *precis__rouge_strtab_str(const rouge_strtab *t, uint32_t id,
				     size_t *len)
{
	*len = t->v[id].len;
	return t->bytes + t->v[id].off;
}

void precis__rouge_strtab_clear(rouge_strtab *t)
{
	t->n = 0;
	t->nbytes = 0;
	if (t->slot != NULL)
		memset(t->slot, 0, t->nslot * sizeof *t->slot);
}

void precis__rouge_strtab_free(rouge_strtab *t)
{
	free(t->v);
	free(t->bytes);
	free(t->slot);
	memset(t, 0, sizeof *t);
}
