/*
 * text.c - UTF-8 checking and repair, and word folding through utf8proc.
 *
 * Malformed input policy: precis_doc_new() rejects invalid UTF-8 with the
 * offset of the first bad byte, or repairs it when lenient. Validation follows
 * RFC 3629 (no overlongs, no surrogates, nothing above U+10FFFF).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/internal.h"
#include "base/text.h"

size_t precis__bom_len(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

size_t precis__utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* > U+10FFFF */
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

int precis__utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* ASCII runs dominate real text: skip them eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		size_t k = precis__utf8_seq(u + i, n - i);
		if (k == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += k;
	}
	return 1;
}

/*
 * Bytes of the maximal invalid subpart at s (at least 1), as Unicode (and
 * WHATWG) count them: a lead byte and the continuation bytes that could
 * still have completed it; a byte that no sequence can start with, or a
 * second byte outside its lead's range (a surrogate, an overlong form), is
 * a subpart of its own.
 */
size_t precis__utf8_bad_run(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else
		return 1;
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 1;
	size_t k = 2;
	while (k < len && k < n && (s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

int precis__utf8_repair(const char *s, size_t n, char **out, size_t *outlen,
			size_t *repairs)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n > (SIZE_MAX - 1) / 3)
		return PRECIS_ERR_NOMEM;
	char *buf = malloc(n * 3 + 1); /* each bad byte may grow to 3 */
	if (buf == NULL)
		return PRECIS_ERR_NOMEM;
	size_t i = 0, o = 0, fixes = 0;
	while (i < n) {
		size_t k = precis__utf8_seq(u + i, n - i);
		if (k > 0) {
			memcpy(buf + o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		memcpy(buf + o, "\xEF\xBF\xBD", 3);
		o += 3;
		i += precis__utf8_bad_run(u + i, n - i);
		fixes++;
	}
	buf[o] = '\0';
	*out = buf;
	*outlen = o;
	*repairs = fixes;
	return 0;
}

size_t precis__utf8_encode(uint32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp,
						  (utf8proc_uint8_t *)out);
	return n > 0 ? (size_t)n : 0;
}

size_t precis__utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

/* The longest word folded, in code points; longer words are cut there. */
#define FOLD_MAX 128

static size_t fold_ascii(const char *w, size_t n, char *out, size_t cap)
{
	if (n > cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return n;
}

size_t precis__fold_word(const char *w, size_t n, char *out, size_t cap)
{
	size_t i = 0;
	while (i < n && (unsigned char)w[i] < 0x80)
		i++;
	if (i == n)
		return fold_ascii(w, n, out, cap);
	/* +1: utf8proc_reencode() writes a NUL after its output. */
	utf8proc_int32_t buf[FOLD_MAX * 4 + 1];
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
				UTF8PROC_CASEFOLD;
	utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)w,
						(utf8proc_ssize_t)n, buf,
						FOLD_MAX * 4, opt);
	if (m < 0 || m > FOLD_MAX * 4)
		return 0;
	for (utf8proc_ssize_t k = 0; k < m; k++)
		if (buf[k] == 0x2019 || buf[k] == 0x2018)
			buf[k] = '\'';
	m = utf8proc_reencode(buf, m, opt);
	if (m < 0 || (size_t)m > cap)
		return 0;
	memcpy(out, buf, (size_t)m);
	return (size_t)m;
}

char *precis_utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
	char *out;
	size_t n, fixes;
	if (s == NULL && len > 0)
		return NULL;
	if (precis__utf8_repair(s ? s : "", len, &out, &n, &fixes) != 0)
		return NULL;
	if (out_len != NULL)
		*out_len = n;
	return out;
}
