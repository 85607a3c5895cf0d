/*
 * strtab.h - string interning: each distinct byte string gets a dense id
 * (0, 1, 2, ...), so later stages compare and index integers, not strings.
 * The one interner of the library: the context's stem cache and terms,
 * stopword sets, IDF models and ROUGE's vocabularies all use it.
 */
#ifndef PRECIS_BASE_STRTAB_H
#define PRECIS_BASE_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct precis__str {
	uint64_t hash;     /* precis__hash of the string */
	uint32_t off, len; /* pool[off, off + len), NUL after it */
} precis__str;

typedef struct precis__strtab {
	precis__str *v;   /* by id */
	size_t n, cap;
	char *pool;       /* every string, NUL-terminated, back to back */
	size_t pool_n, pool_cap;
	uint64_t *slots;  /* 0: empty, else the hash's high half | id + 1 */
	size_t nslots;    /* a power of two, at least twice n */
} precis__strtab;

/* An empty table (all zero is valid too). */
void precis__strtab_init(precis__strtab *t);
/* Frees everything; the table is empty and usable again. */
void precis__strtab_clear(precis__strtab *t);
/* Forgets every string but keeps the memory, for a table refilled often. */
void precis__strtab_reset(precis__strtab *t);

/* The id of s[0, n), adding it when new (*added = 1 when not NULL).
 * PRECIS_ERR_NOMEM (negative) when out of memory or past 2^32 strings or
 * pool bytes. `hash` must be precis__hash(s, n); callers that scanned the
 * string already pass it to the _hashed form. (A table whose owner hashes
 * every string of it its own way may use the _hashed forms with that hash:
 * the stem cache in doc/tokenize.c.) */
int64_t precis__strtab_intern(precis__strtab *t, const char *s, size_t n,
			      int *added);
int64_t precis__strtab_intern_hashed(precis__strtab *t, const char *s,
				     size_t n, uint64_t hash, int *added);
/* The id of s[0, n), or -1 when absent. */
int64_t precis__strtab_find(const precis__strtab *t, const char *s, size_t n);
int64_t precis__strtab_find_hashed(const precis__strtab *t, const char *s,
				   size_t n, uint64_t hash);
/* Whether the first `bytes` (1 to 7) bytes in memory of the 8 loaded into
 * `diff` (the xor of two loads) are zero: the bytes past them differ
 * freely. */
static inline int precis__same_head(uint64_t diff, size_t bytes)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (diff << (8 * (8 - bytes))) == 0;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (diff >> (8 * (8 - bytes))) == 0;
#else
	unsigned char d[8];
	memcpy(d, &diff, 8);
	for (size_t j = 0; j < bytes; j++)
		if (d[j] != 0)
			return 0;
	return 1;
#endif
}

/*
 * precis__strtab_find_hashed() for a caller whose s has at least 8
 * readable bytes past s[n - 1] (the tokenizer's word buffers): strings
 * compare 8 bytes at a time, and the pool keeps 8 bytes of room past its
 * last string for it. Inline: it runs for nearly every word of a text.
 */
static inline int64_t precis__strtab_find_padded(const precis__strtab *t,
						 const char *s, size_t n,
						 uint64_t hash)
{
	if (t->nslots == 0)
		return -1;
	const uint64_t tag = hash & 0xFFFFFFFF00000000ull;
	size_t mask = t->nslots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		uint64_t e = t->slots[i];
		if (e == 0)
			return -1;
		uint32_t id = (uint32_t)e - 1;
		if ((e & 0xFFFFFFFF00000000ull) != tag || t->v[id].len != n)
			continue;
		const char *b = t->pool + t->v[id].off;
		size_t k = 0;
		uint64_t x, y;
		for (; k + 8 <= n; k += 8) {
			memcpy(&x, b + k, 8);
			memcpy(&y, s + k, 8);
			if (x != y)
				break;
		}
		if (k + 8 <= n)
			continue;
		if (k == n)
			return id;
		memcpy(&x, b + k, 8);
		memcpy(&y, s + k, 8);
		if (precis__same_head(x ^ y, n - k))
			return id;
	}
}

/* Forgets the strings of ids n and up, the last added (undoing them). */
void precis__strtab_truncate(precis__strtab *t, size_t n);

/* The string with id `id` (NUL-terminated) and its length (when not NULL);
 * borrowed until the next intern. */
static inline const char *precis__strtab_get(const precis__strtab *t,
					     uint32_t id, size_t *len)
{
	if (len != NULL)
		*len = t->v[id].len;
	return t->pool + t->v[id].off;
}

#endif
