/*
 * decode.c - the source bytes as UTF-8 (decode.h).
 *
 * Malformed input policy: without `lenient`, the first byte that is not
 * valid in the encoding fails the document with its source offset, so the
 * user learns where and can name the right encoding; with it, each bad
 * sequence becomes U+FFFD (a maximal subpart, as Unicode recommends for
 * UTF-8; one code unit for UTF-16 and UTF-32; one byte for iconv's).
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/internal.h"
#include "base/text.h"
#include "input/decode.h"

#define REPLACEMENT "\xEF\xBF\xBD"

typedef struct sink {
	char *buf;
	size_t len, cap;
} sink;

static int put(sink *k, const char *s, size_t n)
{
	if (precis__grow((void **)&k->buf, &k->cap, k->len + n + 1, 1) != 0)
		return PRECIS_ERR_NOMEM;
	memcpy(k->buf + k->len, s, n);
	k->len += n;
	k->buf[k->len] = '\0';
	return 0;
}

/* One decoded character (or a replacement, cp UINT32_MAX) of `slen`
 * source bytes into the text and the encoding map. */
static int emit(precis__utf8 *d, sink *k, uint32_t cp, size_t slen)
{
	char b[4];
	size_t n = cp == UINT32_MAX ? 3 : precis__utf8_encode(cp, b);
	if (put(k, cp == UINT32_MAX ? REPLACEMENT : b, n) != 0 ||
	    precis__encmap_add(&d->enc, n, slen) != 0)
		return PRECIS_ERR_NOMEM;
	d->repairs += cp == UINT32_MAX;
	return 0;
}

static int bad(precis_error *err, size_t at, const char *what)
{
	return precis__fail_at(err, PRECIS_ERR_UTF8, at, "invalid %s", what);
}

/* ---- UTF-16 and UTF-32, by their byte order marks ------------------------ */

static uint32_t unit16(const unsigned char *s, int be)
{
	return be ? (uint32_t)s[0] << 8 | s[1] : (uint32_t)s[1] << 8 | s[0];
}

/* The character at s (n bytes left) and its length in bytes; 0 bytes
 * when it is malformed (a lone surrogate, an odd last byte). */
static size_t utf16_char(const unsigned char *s, size_t n, int be, uint32_t *cp)
{
	if (n < 2)
		return 0;
	uint32_t u = unit16(s, be);
	if (u < 0xD800 || u > 0xDFFF) {
		*cp = u;
		return 2;
	}
	if (u > 0xDBFF || n < 4)
		return 0;
	uint32_t v = unit16(s + 2, be);
	if (v < 0xDC00 || v > 0xDFFF)
		return 0;
	*cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
	return 4;
}

static size_t utf32_char(const unsigned char *s, size_t n, int be, uint32_t *cp)
{
	if (n < 4)
		return 0;
	uint32_t c = be ? (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3]
			: (uint32_t)s[3] << 24 | (uint32_t)s[2] << 16 | (uint32_t)s[1] << 8 | s[0];
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return 4;
}

static int decode_wide(precis__utf8 *d, const unsigned char *s, size_t len,
		       size_t bom, int width, int be, int lenient,
		       precis_error *err)
{
	sink k = { 0 };
	d->enc.base = bom;
	d->enc.converted = 1;
	int rc = put(&k, "", 0);
	for (size_t i = bom; rc == 0 && i < len;) {
		uint32_t cp = 0;
		size_t n = width == 2 ? utf16_char(s + i, len - i, be, &cp)
				      : utf32_char(s + i, len - i, be, &cp);
		if (n == 0 && !lenient) {
			rc = bad(err, i, width == 2 ? "UTF-16" : "UTF-32");
			break;
		}
		size_t step = n ? n : (len - i < (size_t)width ? len - i : (size_t)width);
		rc = emit(d, &k, n ? cp : UINT32_MAX, step);
		i += step;
	}
	if (rc == PRECIS_ERR_NOMEM)
		precis__fail(err, rc, NULL);
	d->owned = k.buf;
	d->text = k.buf;
	d->len = k.len;
	return rc;
}

/* ---- iconv -------------------------------------------------------------- */

/* Converts one character at s (n bytes left): *used source bytes, or 0
 * bytes used when the bytes there are invalid. Feeding a byte at a time
 * until iconv produces a character gives each character's exact source
 * length, which the offset map needs. */
static int iconv_char(iconv_t cd, const char *s, size_t n, char *out,
		      size_t *olen, size_t *used)
{
	for (size_t want = 1; want <= n && want <= 16; want++) {
		char *in = (char *)s, *o = out;
		size_t il = want, ol = 32;
		size_t r = iconv(cd, &in, &il, &o, &ol);
		if (r != (size_t)-1) {
			*olen = (size_t)(o - out);
			*used = want - il;
			return 0;
		}
		/* An incomplete character (EINVAL) leaves the shift state as
		 * it was: a reset here would forget an escape sequence
		 * before it (ISO-2022-JP's ESC $ B). */
		if (errno != EINVAL)
			break;
	}
	*used = 0;
	return 0;
}

/* Appends iconv's output for one source character of `slen` bytes: one
 * or more UTF-8 characters, the first of which carries the source bytes. */
static int add_output(precis__utf8 *d, sink *k, const char *out, size_t olen,
		      size_t slen)
{
	if (put(k, out, olen) != 0)
		return PRECIS_ERR_NOMEM;
	for (size_t j = 0; j < olen;) {
		size_t l = precis__utf8_len((unsigned char)out[j]);
		if (precis__encmap_add(&d->enc, l, j == 0 ? slen : 0) != 0)
			return PRECIS_ERR_NOMEM;
		j += l;
	}
	return 0;
}

static int decode_iconv(precis__utf8 *d, const char *s, size_t len,
			const char *encoding, int lenient, precis_error *err)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return precis__fail(err, PRECIS_ERR_ARG, "unknown encoding '%s'", encoding);
	sink k = { 0 };
	size_t carry = 0; /* source bytes that produced no character yet */
	int rc = put(&k, "", 0);
	d->enc.converted = 1;
	for (size_t i = 0; rc == 0 && i < len;) {
		char out[32];
		size_t olen = 0, used;
		iconv_char(cd, s + i, len - i, out, &olen, &used);
		if (used == 0 && !lenient) {
			rc = precis__fail_at(err, PRECIS_ERR_UTF8, i, "invalid %s", encoding);
			break;
		}
		if (used == 0) {
			rc = emit(d, &k, UINT32_MAX, 1 + carry);
			carry = 0;
			i++;
			continue;
		}
		rc = add_output(d, &k, out, olen, used + carry);
		carry = olen > 0 ? 0 : carry + used; /* a shift sequence, say */
		i += used;
	}
	iconv_close(cd);
	if (rc == PRECIS_ERR_NOMEM)
		precis__fail(err, rc, NULL);
	d->owned = k.buf;
	d->text = k.buf;
	d->len = k.len;
	return rc;
}

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Copies s[bom, len) with each maximal invalid subpart replaced by U+FFFD;
 * the pieces map around every replacement. */
static int repair(precis__utf8 *d, const char *s, size_t len, size_t bom)
{
	const unsigned char *u = (const unsigned char *)s;
	sink k = { 0 };
	int rc = put(&k, "", 0) || precis__pieces_add(&d->pieces, 0, bom);
	for (size_t i = bom; rc == 0 && i < len;) {
		size_t n = precis__utf8_seq(u + i, len - i);
		if (n > 0) {
			rc = put(&k, s + i, n);
			i += n;
			continue;
		}
		size_t run = precis__utf8_bad_run(u + i, len - i);
		rc = precis__pieces_add(&d->pieces, k.len, i) ||
		     put(&k, REPLACEMENT, 3) ||
		     precis__pieces_add(&d->pieces, k.len, i + run);
		d->repairs++;
		i += run;
	}
	d->owned = k.buf;
	d->text = k.buf;
	d->len = k.len;
	return rc ? PRECIS_ERR_NOMEM : 0;
}

static int decode_utf8(precis__utf8 *d, const char *s, size_t len, int lenient,
		       int nobom, precis_error *err)
{
	size_t bom = nobom ? 0 : precis__bom_len(s, len), at;
	if (precis__utf8_valid(s + bom, len - bom, &at)) {
		d->text = s + bom;
		d->len = len - bom;
		return bom ? precis__pieces_add(&d->pieces, 0, bom) : 0;
	}
	if (!lenient)
		return bad(err, bom + at, "UTF-8");
	int rc = repair(d, s, len, bom);
	return rc != 0 ? precis__fail(err, rc, NULL) : 0;
}

static int is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

int precis__decode(precis__utf8 *d, const char *src, size_t len,
		   const char *encoding, int lenient, precis_error *err)
{
	const unsigned char *u = (const unsigned char *)src;
	memset(d, 0, sizeof *d);
	if (encoding != NULL && !is_utf8_name(encoding))
		return decode_iconv(d, src, len, encoding, lenient, err);
	if (encoding == NULL && len >= 4 && memcmp(u, "\xFF\xFE\0\0", 4) == 0)
		return decode_wide(d, u, len, 4, 4, 0, lenient, err);
	if (encoding == NULL && len >= 4 && memcmp(u, "\0\0\xFE\xFF", 4) == 0)
		return decode_wide(d, u, len, 4, 4, 1, lenient, err);
	if (encoding == NULL && len >= 2 && (u[0] == 0xFF && u[1] == 0xFE))
		return decode_wide(d, u, len, 2, 2, 0, lenient, err);
	if (encoding == NULL && len >= 2 && (u[0] == 0xFE && u[1] == 0xFF))
		return decode_wide(d, u, len, 2, 2, 1, lenient, err);
	return decode_utf8(d, src, len, lenient, 0, err);
}

int precis__decode_continued(precis__utf8 *d, const char *src, size_t len,
			     int lenient, precis_error *err)
{
	memset(d, 0, sizeof *d);
	return decode_utf8(d, src, len, lenient, 1, err);
}

size_t precis__decode_map(const precis__utf8 *d, size_t u, size_t clen,
			  size_t *end)
{
	size_t s, slen = clen;
	if (d->enc.converted)
		s = precis__encmap_map(&d->enc, u, &slen);
	else
		s = precis__pieces_map(&d->pieces, u);
	if (end != NULL)
		*end = s + slen;
	return s;
}

void precis__decode_free(precis__utf8 *d)
{
	free(d->owned);
	precis__pieces_free(&d->pieces);
	precis__encmap_free(&d->enc);
	memset(d, 0, sizeof *d);
}
