/*
 * html_charset.c - decoding a page into UTF-8, with a map back to its bytes.
 *
 * Three decoders, chosen by what the encoding is:
 * - UTF-8 and UTF-16, done here: the first is the common case and must be
 *   fast, the second needs no iconv.
 * - single-byte encodings (windows-125x, ISO-8859-x, KOI8...): iconv
 *   converts each of the 256 byte values once into a table, then the page
 *   is decoded by table lookup;
 * - multi-byte encodings (CP932, EUC-JP, GB18030, Big5, CP949, ISO-2022-JP):
 *   iconv one character at a time (feeding 1, 2, ... bytes until it takes
 *   them), so every character's source position is known; ASCII bytes are
 *   copied directly when the encoding is ASCII-compatible and stateless.
 * The map is a list of runs (see precis__html_run): a run per stretch of
 * characters with the same byte widths, so ASCII-heavy pages need few.
 *
 * Malformed input policy: nothing fails. An invalid or truncated sequence
 * becomes U+FFFD, one per byte that cannot start a character. In UTF-8 a
 * stray byte >= 0x80 reads as its windows-1252 character instead, because
 * the usual cause is a latin-1 page (or paragraph) labelled UTF-8, and
 * "caf\xe9" should read "café". The output is always valid UTF-8.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

/* The longest multi-byte character we try (GB18030 has 4-byte ones). */
#define MAX_SEQ 8

typedef struct {
	char *p;
	size_t len, cap;
} obuf;

static int ob_reserve(obuf *b, size_t extra)
{
	if (b->cap - b->len > extra)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap - b->len <= extra) {
		if (cap > SIZE_MAX / 2)
			return PRECIS__HTML_ERR_NOMEM;
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p)
		return PRECIS__HTML_ERR_NOMEM;
	b->p = p;
	b->cap = cap;
	return 0;
}

static size_t put_cp(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t precis__html_utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	/* Overlong 3/4-byte forms, surrogates, beyond U+10FFFF. */
	if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) ||
	    (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
		return 0;
	return k;
}

/* Length of the leading stretch of ASCII, eight bytes at a time. */
static size_t ascii_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ull)
			break;
		i += 8;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

int precis__html_utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		i += ascii_prefix(p + i, n - i);
		if (i >= n)
			break;
		size_t k = precis__html_utf8_seq(p + i, n - i);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

int precis__html_run_push(precis__html_decoded *d, size_t dst, size_t src,
			  unsigned dunit, unsigned sunit)
{
	if (d->nruns) {
		precis__html_run *r = &d->runs[d->nruns - 1];
		if (r->dunit == dunit && r->sunit == sunit && dunit && sunit &&
		    (dst - r->dst) / dunit == (src - r->src) / sunit &&
		    (dst - r->dst) % dunit == 0 && (src - r->src) % sunit == 0)
			return 0;
	}
	if (d->nruns == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		precis__html_run *r = realloc(d->runs, cap * sizeof(*r));
		if (!r)
			return PRECIS__HTML_ERR_NOMEM;
		d->runs = r;
		d->cap = cap;
	}
	d->runs[d->nruns++] = (precis__html_run){dst, src, (uint8_t)dunit,
						 (uint8_t)sunit};
	return 0;
}

/* windows-1252's 0x80-0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static uint32_t cp1252(unsigned char b)
{
	if (b < 0x80 || b >= 0xA0)
		return b;
	return cp1252_high[b - 0x80] ? cp1252_high[b - 0x80] : 0xFFFD;
}

static int decode_utf8(precis__html_decoded *d, obuf *o,
		       const unsigned char *s, size_t n, size_t base)
{
	size_t i = 0;
	while (i < n) {
		size_t good = i;
		while (good < n) {
			good += ascii_prefix(s + good, n - good);
			size_t k = good < n ? precis__html_utf8_seq(s + good, n - good) : 0;
			if (!k)
				break;
			good += k;
		}
		if (good > i) {
			if (ob_reserve(o, good - i) ||
			    precis__html_run_push(d, o->len, base + i, 1, 1))
				return PRECIS__HTML_ERR_NOMEM;
			memcpy(o->p + o->len, s + i, good - i);
			o->len += good - i;
			i = good;
		}
		if (i >= n)
			break;
		if (ob_reserve(o, 4))
			return PRECIS__HTML_ERR_NOMEM;
		size_t w = put_cp(o->p + o->len, cp1252(s[i]));
		if (precis__html_run_push(d, o->len, base + i, (unsigned)w, 1))
			return PRECIS__HTML_ERR_NOMEM;
		o->len += w;
		i++;
	}
	return 0;
}

static int decode_utf16(precis__html_decoded *d, obuf *o,
			const unsigned char *s, size_t n, size_t base, int be)
{
	for (size_t i = 0; i < n;) {
		if (ob_reserve(o, 4))
			return PRECIS__HTML_ERR_NOMEM;
		uint32_t c = 0xFFFD, u;
		size_t used = n - i < 2 ? n - i : 2;
		if (used == 2) {
			u = be ? (uint32_t)s[i] << 8 | s[i + 1]
			       : (uint32_t)s[i + 1] << 8 | s[i];
			c = u;
			if (u >= 0xDC00 && u < 0xE000) {
				c = 0xFFFD;
			} else if (u >= 0xD800 && u < 0xDC00) {
				c = 0xFFFD;
				if (n - i >= 4) {
					uint32_t l = be ? (uint32_t)s[i + 2] << 8 | s[i + 3]
							: (uint32_t)s[i + 3] << 8 | s[i + 2];
					if (l >= 0xDC00 && l < 0xE000) {
						c = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
						used = 4;
					}
				}
			}
		}
		size_t w = put_cp(o->p + o->len, c);
		if (precis__html_run_push(d, o->len, base + i, (unsigned)w,
					  (unsigned)used))
			return PRECIS__HTML_ERR_NOMEM;
		o->len += w;
		i += used;
	}
	return 0;
}

/* ------------------------------------------------------------- iconv */

typedef struct {
	unsigned char len[256]; /* UTF-8 length, 0 when the byte is invalid */
	char utf8[256][4];
	int single;             /* every byte is a character on its own */
	int ascii;              /* bytes 0x00-0x7F are themselves */
} byte_table;

/*
 * Converts one byte value alone. Returns 1 for a character, 0 for an
 * invalid byte, -1 when the byte starts a longer sequence or changes state
 * (the encoding is not single-byte).
 */
static int convert_byte(iconv_t cd, unsigned char b, char out[4],
			unsigned char *len)
{
	char in = (char)b, buf[16], *ip = &in, *op = buf;
	size_t il = 1, ol = sizeof(buf);
	iconv(cd, NULL, NULL, NULL, NULL);
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	size_t m = sizeof(buf) - ol;
	*len = 0;
	if (r == (size_t)-1)
		return errno == EINVAL ? -1 : 0;
	if (m == 0 || m > 4)
		return -1;
	if (precis__html_utf8_seq((unsigned char *)buf, m) != m)
		return 0;
	memcpy(out, buf, m);
	*len = (unsigned char)m;
	return 1;
}

static void build_table(iconv_t cd, byte_table *t)
{
	t->single = 1;
	t->ascii = 1;
	for (unsigned b = 0; b < 256; b++) {
		int r = convert_byte(cd, (unsigned char)b, t->utf8[b], &t->len[b]);
		if (r < 0)
			t->single = 0;
		if (b < 0x80 && (r != 1 || t->len[b] != 1 ||
				 (unsigned char)t->utf8[b][0] != b))
			t->ascii = 0;
	}
	iconv(cd, NULL, NULL, NULL, NULL);
}

static int decode_table(precis__html_decoded *d, obuf *o, const byte_table *t,
			const unsigned char *s, size_t n, size_t base)
{
	if (ob_reserve(o, n + 16))
		return PRECIS__HTML_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = s[i];
		if (ob_reserve(o, 4))
			return PRECIS__HTML_ERR_NOMEM;
		size_t w = t->len[b];
		if (w)
			memcpy(o->p + o->len, t->utf8[b], w);
		else
			w = put_cp(o->p + o->len, 0xFFFD);
		if ((w != 1 || d->nruns == 0 || d->runs[d->nruns - 1].dunit != 1) &&
		    precis__html_run_push(d, o->len, base + i, (unsigned)w, 1))
			return PRECIS__HTML_ERR_NOMEM;
		o->len += w;
	}
	return 0;
}

/* Appends `m` converted bytes as one character of `used` source bytes. */
static int put_converted(precis__html_decoded *d, obuf *o, const char *buf,
			 size_t m, size_t src, size_t used)
{
	if (ob_reserve(o, m + 4))
		return PRECIS__HTML_ERR_NOMEM;
	size_t at = o->len;
	for (size_t j = 0; j < m;) {
		size_t k = precis__html_utf8_seq((const unsigned char *)buf + j, m - j);
		if (k) {
			memcpy(o->p + o->len, buf + j, k);
			o->len += k;
			j += k;
		} else {
			/* glibc writes valid UTF-8; this is for other iconvs */
			if (ob_reserve(o, m - j + 4))
				return PRECIS__HTML_ERR_NOMEM;
			o->len += put_cp(o->p + o->len, 0xFFFD);
			j++;
		}
	}
	/* w <= 3 * 64 and used <= MAX_SEQ: both fit the run's bytes */
	size_t w = o->len - at;
	return precis__html_run_push(d, at, src, (unsigned)w, (unsigned)used);
}

/* One character (or escape sequence) at s[0..n) through iconv. */
static int convert_one(iconv_t cd, precis__html_decoded *d, obuf *o,
		       const unsigned char *s, size_t n, size_t src,
		       size_t *used)
{
	char buf[64];
	for (size_t k = 1; k <= MAX_SEQ && k <= n; k++) {
		char *ip = (char *)s, *op = buf;
		size_t il = k, ol = sizeof(buf);
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		size_t took = k - il, m = sizeof(buf) - ol;
		if (r != (size_t)-1 || took > 0) {
			*used = took;
			return put_converted(d, o, buf, m, src, took);
		}
		if (errno != EINVAL)
			break;
	}
	/* Invalid, or truncated by the end of the input: one U+FFFD. */
	*used = 1;
	return put_converted(d, o, "\xEF\xBF\xBD", 3, src, 1);
}

static int decode_multibyte(iconv_t cd, precis__html_decoded *d, obuf *o,
			    const byte_table *t, const unsigned char *s,
			    size_t n, size_t base)
{
	size_t i = 0;
	while (i < n) {
		if (t->ascii && s[i] < 0x80) {
			size_t k = ascii_prefix(s + i, n - i);
			if (ob_reserve(o, k) ||
			    precis__html_run_push(d, o->len, base + i, 1, 1))
				return PRECIS__HTML_ERR_NOMEM;
			memcpy(o->p + o->len, s + i, k);
			o->len += k;
			i += k;
			continue;
		}
		size_t used = 1;
		if (convert_one(cd, d, o, s + i, n - i, base + i, &used))
			return PRECIS__HTML_ERR_NOMEM;
		i += used;
	}
	char buf[64], *op = buf;
	size_t ol = sizeof(buf);
	iconv(cd, NULL, NULL, &op, &ol); /* flush shift state / lookahead */
	if (ol < sizeof(buf))
		return put_converted(d, o, buf, sizeof(buf) - ol, base + n, 0);
	return 0;
}

static int decode_iconv(precis__html_decoded *d, obuf *o, iconv_t cd,
			const unsigned char *s, size_t n, size_t base)
{
	byte_table *t = malloc(sizeof(*t));
	if (!t)
		return PRECIS__HTML_ERR_NOMEM;
	build_table(cd, t);
	int rc = t->single ? decode_table(d, o, t, s, n, base)
			   : decode_multibyte(cd, d, o, t, s, n, base);
	free(t);
	return rc;
}

/* ------------------------------------------------------------- public */

static int decode_with(precis__html_decoded *d, obuf *o, const char *cs,
		       const unsigned char *s, size_t n, size_t base)
{
	if (!strcmp(cs, PRECIS__HTML_CS_UTF8))
		return decode_utf8(d, o, s, n, base);
	if (!strcmp(cs, PRECIS__HTML_CS_UTF16LE))
		return decode_utf16(d, o, s, n, base, 0);
	if (!strcmp(cs, PRECIS__HTML_CS_UTF16BE))
		return decode_utf16(d, o, s, n, base, 1);
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1) {
		/* unknown to iconv after all (or out of memory): read the
		 * bytes as the fallback encoding, which cannot fail */
		strcpy(d->charset, PRECIS__HTML_CS_FALLBACK);
		cd = iconv_open("UTF-8", PRECIS__HTML_CS_FALLBACK);
		if (cd == (iconv_t)-1)
			return decode_utf8(d, o, s, n, base);
	}
	int rc = decode_iconv(d, o, cd, s, n, base);
	iconv_close(cd);
	return rc;
}

int precis__html_decode(precis__html_decoded *out, const char *src, size_t n,
			size_t bom, const char *charset)
{
	precis__html_decoded d = {0};
	obuf o = {0};
	if (bom > n)
		bom = n;
	snprintf(d.charset, sizeof(d.charset), "%s", charset);
	int rc = ob_reserve(&o, n - bom + 16);
	if (!rc)
		rc = decode_with(&d, &o, d.charset, (const unsigned char *)src + bom,
				 n - bom, bom);
	if (!rc && !d.nruns)
		rc = precis__html_run_push(&d, 0, bom, 1, 1);
	if (!rc)
		rc = ob_reserve(&o, 1);
	if (rc) {
		free(o.p);
		free(d.runs);
		memset(out, 0, sizeof(*out));
		return rc;
	}
	o.p[o.len] = '\0';
	d.text = o.p;
	d.len = o.len;
	d.srclen = n;
	*out = d;
	return 0;
}

size_t precis__html_run_at(const precis__html_decoded *d, size_t dst)
{
	size_t lo = 0, hi = d->nruns; /* last run with runs[i].dst <= dst */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->runs[mid].dst <= dst)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t precis__html_decoded_src(const precis__html_decoded *d, size_t dst)
{
	if (!d->nruns || dst >= d->len)
		return d->srclen;
	const precis__html_run *r = &d->runs[precis__html_run_at(d, dst)];
	if (!r->dunit)
		return r->src;
	return r->src + (dst - r->dst) / r->dunit * r->sunit;
}

void precis__html_decoded_free(precis__html_decoded *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->runs);
	memset(d, 0, sizeof(*d));
}
