/*
 * jsonscan.c - the fast path of JSON Lines records. jansson reads a byte
 * at a time through a stream of callbacks, and on CNN/DailyMail-sized
 * records {"id", "text"} its parser was over a quarter of a batch's run
 * time; a record is nearly all one long string, which this scanner walks
 * in runs of plain bytes and hands to jansson whole. It declines whatever
 * is not a flat object of strings, and every error, so json_loadb still
 * builds every other record and words every message; fuzz_cli_jsonscan
 * checks the two agree on any input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/jsonscan.h"

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* The length of the valid UTF-8 sequence at s (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
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
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d == 16)
			return -1;
		v = v * 16 + d;
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* One escape at s[i] (after the backslash) into o; returns the bytes read
 * or 0 to decline (an unknown escape, \u0000, a lone surrogate). */
static size_t unescape(const char *s, size_t i, size_t n, char *o, size_t *olen)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = i < n && s[i] != '\0' ? strchr(from, s[i]) : NULL;
	if (k != NULL && s[i] != 'u') {
		o[(*olen)++] = to[k - from];
		return 1;
	}
	unsigned c, c2;
	if (i >= n || s[i] != 'u' || n - i < 5 || hex4(s + i + 1, &c) != 0 || c == 0)
		return 0;
	if (c >= 0xDC00 && c <= 0xDFFF)
		return 0;
	if (c < 0xD800 || c > 0xDBFF) {
		*olen += put_utf8(o + *olen, c);
		return 5;
	}
	if (n - i < 11 || s[i + 5] != '\\' || s[i + 6] != 'u' ||
	    hex4(s + i + 7, &c2) != 0 || c2 < 0xDC00 || c2 > 0xDFFF)
		return 0;
	*olen += put_utf8(o + *olen, 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00));
	return 11;
}

/* 1: a byte that ends a run of plain ASCII in a string (a control
 * character, a quote, a backslash, a byte of a UTF-8 sequence). */
static const unsigned char stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Nonzero when one of the 8 bytes of w is a stop byte (a control
 * character, a quote, a backslash or a byte past ASCII): the classic
 * "has a zero byte" tests on w ^ '"', w ^ '\\' and w - 0x20, which never
 * miss one (they may flag a byte after a real stop: the caller then looks
 * byte by byte anyway). */
static uint64_t stops8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
	return (w | ((q - ones) & ~q) | ((b - ones) & ~b) |
		((w - ones * 0x20) & ~w)) & high;
}

/* The string whose opening quote is s[*at]: a new jansson string, *at
 * past the closing quote; NULL to decline. `key` non-NULL: the text goes
 * there instead (NUL-terminated, the caller frees it). */
static json_t *string(const char *s, size_t *at, size_t n, char **key)
{
	size_t i = *at + 1, start = i;
	int escaped = 0;
	const unsigned char *u = (const unsigned char *)s;
	for (;;) {
		/* Eight bytes at a time through the long runs of a text. */
		for (uint64_t w; i + 8 <= n; i += 8) {
			memcpy(&w, u + i, 8);
			if (stops8(w) != 0)
				break;
		}
		while (i < n && !stop[u[i]])
			i++;
		if (i >= n || u[i] < 0x20)
			return NULL;
		if (u[i] == '"')
			break;
		if (u[i] == '\\') {
			escaped = 1;
			i += 2; /* checked when unescaped */
			continue;
		}
		size_t len = utf8_seq(u + i, n - i);
		if (len == 0)
			return NULL;
		i += len;
	}
	*at = i + 1;
	size_t raw = i - start;
	if (!escaped && key == NULL)
		return json_stringn_nocheck(s + start, raw);
	/* An escape never writes more bytes than it reads. */
	char *buf = malloc(raw + 1);
	if (buf == NULL)
		return NULL;
	size_t olen = 0;
	for (size_t j = start; j < i;) {
		const char *bs = memchr(s + j, '\\', i - j);
		size_t plain = bs ? (size_t)(bs - (s + j)) : i - j;
		memcpy(buf + olen, s + j, plain);
		olen += plain;
		j += plain;
		if (j == i)
			break;
		size_t used = unescape(s, j + 1, i, buf, &olen);
		if (used == 0) {
			free(buf);
			return NULL;
		}
		j += 1 + used;
	}
	buf[olen] = '\0';
	if (key != NULL) {
		if (memchr(buf, '\0', olen) != NULL) {
			free(buf);
			return NULL;
		}
		*key = buf;
		return json_null(); /* a non-NULL marker; null is a singleton */
	}
	json_t *v = json_stringn_nocheck(buf, olen);
	free(buf);
	return v;
}

/* One member "key": "value" at s[*at]; 0 added, -1 to decline. */
static int member(json_t *obj, const char *s, size_t *at, size_t n)
{
	char *key = NULL;
	if (*at >= n || s[*at] != '"' || string(s, at, n, &key) == NULL)
		return -1;
	size_t i = skip_ws(s, *at, n);
	json_t *v = NULL;
	if (i < n && s[i] == ':') {
		i = skip_ws(s, i + 1, n);
		if (i < n && s[i] == '"')
			v = string(s, &i, n, NULL);
	}
	int rc = v != NULL && json_object_set_new_nocheck(obj, key, v) == 0 ? 0 : -1;
	if (v != NULL && rc != 0)
		json_decref(v);
	free(key);
	*at = i;
	return rc;
}

json_t *jsonscan_flat(const char *s, size_t n)
{
	size_t i = skip_ws(s, 0, n);
	if (i >= n || s[i] != '{')
		return NULL;
	json_t *obj = json_object();
	if (obj == NULL)
		return NULL;
	i = skip_ws(s, i + 1, n);
	if (i < n && s[i] == '}') {
		i++;
	} else {
		for (;;) {
			if (member(obj, s, &i, n) != 0)
				goto decline;
			i = skip_ws(s, i, n);
			if (i < n && s[i] == '}') {
				i++;
				break;
			}
			if (i >= n || s[i] != ',')
				goto decline;
			i = skip_ws(s, i + 1, n);
		}
	}
	if (skip_ws(s, i, n) == n)
		return obj;
decline:
	json_decref(obj);
	return NULL;
}
