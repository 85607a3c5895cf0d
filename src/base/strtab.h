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
 * string already pass it to the _hashed form. */
int64_t precis__strtab_intern(precis__strtab *t, const char *s, size_t n,
			      int *added);
int64_t precis__strtab_intern_hashed(precis__strtab *t, const char *s,
				     size_t n, uint64_t hash, int *added);
/* The id of s[0, n), or -1 when absent. */
int64_t precis__strtab_find(const precis__strtab *t, const char *s, size_t n);
int64_t precis__strtab_find_hashed(const precis__strtab *t, const char *s,
				   size_t n, uint64_t hash);
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
