/*
 * strtab.h - string interning: each distinct byte string gets a dense id
 * (0, 1, 2, ...), so later stages compare and index integers, not strings.
 * Open addressing over a power-of-two table; the strings live in one pool.
 */
#ifndef PRECIS_STRTAB_H
#define PRECIS_STRTAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct precis__strtab {
	uint32_t *slots;  /* id + 1, 0 = empty */
	size_t nslots;
	size_t *off;      /* pool offset of string id */
	uint32_t *len;    /* length of string id */
	uint64_t *hash;   /* hash of string id, to rehash without rereading */
	size_t n, cap;    /* strings held, capacity of off/len/hash */
	char *pool;
	size_t pool_n, pool_cap;
} precis__strtab;

/* An empty table (all zero is valid too). */
void precis__strtab_init(precis__strtab *t);
void precis__strtab_clear(precis__strtab *t); /* frees everything */

/* The id of s[0, n), adding it when new (*added = 1). Negative on OOM. */
int64_t precis__strtab_intern(precis__strtab *t, const char *s, size_t n,
			      int *added);
/* Forgets the strings of ids n and up, the last added (undoing them). */
void precis__strtab_truncate(precis__strtab *t, size_t n);
/* The id of s[0, n), or -1 when absent. */
int64_t precis__strtab_find(const precis__strtab *t, const char *s, size_t n);
/* The string with id `id` (not NUL-terminated) and its length. */
const char *precis__strtab_get(const precis__strtab *t, uint32_t id,
			       size_t *len);

#endif
