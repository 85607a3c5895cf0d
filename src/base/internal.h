/*
 * internal.h - helpers shared by the library's files; never installed.
 * Cross-file internals carry the precis__ prefix so the export regex
 * ('^precis_[a-z]') keeps them out of libprecis's ABI.
 */
#ifndef PRECIS_INTERNAL_H
#define PRECIS_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "precis.h"

#if defined(__GNUC__)
#define PRECIS__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PRECIS__PRINTF(f, a)
#endif

/* Fills `err` (when not NULL) and returns `code`, so callers can `return` it. */
int precis__fail(precis_error *err, int code, const char *fmt, ...)
	PRECIS__PRINTF(3, 4);
/* The same, with the byte offset of the problem. */
int precis__fail_at(precis_error *err, int code, size_t offset,
		    const char *fmt, ...) PRECIS__PRINTF(4, 5);
/* Resets `err` to "no error". */
void precis__clear(precis_error *err);

/*
 * Grows `*buf` (elements of `size` bytes, capacity `*cap`) to hold at least
 * `need` elements, doubling so appends stay amortized O(1). 0 or
 * PRECIS_ERR_NOMEM; on failure *buf is untouched.
 */
int precis__grow(void **buf, size_t *cap, size_t need, size_t size);

/* Typed front-end for precis__grow on a struct { T *v; size_t n, cap; };
 * the room there is is seen inline (`need` is evaluated twice), not with a
 * call per appended element. */
#define PRECIS__VEC_RESERVE(vec, need) \
	((need) <= (vec)->cap ? 0 \
			      : precis__grow((void **)&(vec)->v, &(vec)->cap, (need), \
					     sizeof(*(vec)->v)))

/* 64-bit FNV-1a: stable, fast enough for short keys. */
static inline uint64_t precis__hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

#endif
