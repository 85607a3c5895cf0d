/*
 * fuzzutil.h - helpers shared by the fuzz targets (header only: each target
 * is one .c plus replay.c or libFuzzer, and uses the public API only).
 */
#ifndef PRECIS_FUZZUTIL_H
#define PRECIS_FUZZUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a crash to the fuzzer) when `cond` is false; kept under NDEBUG. */
#define FUZZ_CHECK(cond)                  \
	do {                              \
		if (!(cond))              \
			abort();          \
	} while (0)

/* A growing byte buffer, usable as a precis_write_fn payload. */
typedef struct fuzz_sink {
	char *buf;
	size_t len, cap;
} fuzz_sink;

static inline int fuzz_sink_write(void *payload, const char *buf, size_t len)
{
	fuzz_sink *s = payload;
	if (len > SIZE_MAX - s->len)
		return -1;
	if (s->len + len > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (cap < s->len + len)
			cap *= 2;
		char *p = realloc(s->buf, cap);
		if (p == NULL)
			return -1;
		s->buf = p;
		s->cap = cap;
	}
	if (len > 0)
		memcpy(s->buf + s->len, buf, len);
	s->len += len;
	return 0;
}

static inline void fuzz_sink_reset(fuzz_sink *s)
{
	s->len = 0;
}

static inline void fuzz_sink_free(fuzz_sink *s)
{
	free(s->buf);
	s->buf = NULL;
	s->len = s->cap = 0;
}

/*
 * Length of the well-formed UTF-8 sequence at s[0, n) (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or 0 when ill-formed.
 * Written independently of the library's checker so that the two can be
 * compared.
 */
static inline size_t fuzz_utf8_seq(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		cp = s[0] & 0x1Fu;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		cp = s[0] & 0x0Fu;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Offset of the first ill-formed byte, or n when s[0, n) is valid UTF-8. */
static inline size_t fuzz_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t k = fuzz_utf8_seq(u + i, n - i);
		if (k == 0)
			return i;
		i += k;
	}
	return n;
}

/* Whether offset `i` of a valid UTF-8 text starts a character (or is its end). */
static inline int fuzz_utf8_boundary(const char *s, size_t n, size_t i)
{
	return i >= n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/*
 * Splits an input into a header of `hsize` option bytes (zero-padded when
 * the input is shorter) and the text after it, whose length goes to *len.
 */
static inline const char *fuzz_header(const uint8_t *data, size_t size,
				      uint8_t *h, size_t hsize, size_t *len)
{
	size_t hn = size < hsize ? size : hsize;
	memset(h, 0, hsize);
	memcpy(h, data, hn);
	*len = size - hn;
	return (const char *)data + hn;
}

#endif /* PRECIS_FUZZUTIL_H */
