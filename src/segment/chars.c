/*
 * chars.c - character classes and small text queries shared by the
 * two scanning passes, and precis_fold_lines().
 */
#include <string.h>

#include "segment/internal.h"

/* Is the character at i white space (any, line breaks included)? */
bool precis__seg_space_at(const seg_scan *s, size_t i, size_t *len)
{
	unsigned char b = (unsigned char)s->t[i];
	*len = 1;
	if (b < 128)
		return (s->r->byteclass[b] & (SB_SPACE | SB_NL)) != 0;
	if (!s->r->lead[b])
		return false;
	uint32_t cp = seg_decode(s->t + i, s->be - i, len);
	return (seg_flags(s->r, cp) & SC_SPACE) != 0;
}

/* The first position from i in the block that is neither white space nor
 * an invisible format character. */
size_t precis__seg_skip_space(const seg_scan *s, size_t i)
{
	while (i < s->be) {
		size_t l;
		if (precis__seg_space_at(s, i, &l)) {
			i += l;
			continue;
		}
		if ((unsigned char)s->t[i] < 128)
			break;
		uint32_t cp = seg_decode(s->t + i, s->be - i, &l);
		if (!(seg_flags(s->r, cp) & SC_INVISIBLE))
			break;
		i += l;
	}
	return i;
}

/* Would a boundary at b fall strictly inside a short quote or bracket? */
bool precis__seg_protected(const seg_scan *s, size_t b)
{
	size_t lo = 0, hi = s->prot.n;
	while (lo < hi) { /* first span with lo >= b */
		size_t mid = lo + (hi - lo) / 2;
		if (s->prot.v[mid].lo < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && b <= s->prot.v[lo - 1].hi;
}

/* Did pass 1 match the quote or bracket at pos as a closer? */
bool precis__seg_is_close(const seg_scan *s, size_t pos)
{
	size_t lo = 0, hi = s->closes.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->closes.v[mid] == pos)
			return true;
		if (s->closes.v[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- folding line breaks ------------------------------------------------ */

static bool fold_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Joins across the break at text[i] (already written: out[0, *o)); returns
 * the position after the white space that follows it. */
static size_t fold_break(const char *text, size_t len, size_t i, char *out,
			 size_t *o)
{
	while (*o > 0 && (out[*o - 1] == ' ' || out[*o - 1] == '\t'))
		(*o)--;
	while (i < len && fold_space(text[i]))
		i++;
	if (*o == 0 || i == len)
		return i;
	size_t l, p = *o - 1;
	while (p > 0 && *o - p < 4 && ((unsigned char)out[p] & 0xC0) == 0x80)
		p--;
	uint32_t before = seg_decode(out + p, *o - p, &l);
	uint32_t after = seg_decode(text + i, len - i, &l);
	if (!(precis__seg_is_cjk(before) && precis__seg_is_cjk(after)))
		out[(*o)++] = ' ';
	return i;
}

size_t precis_fold_lines(const char *text, size_t len, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		const char *cr = memchr(text + i, '\r', (nl ? (size_t)(nl - text)
							    : len) - i);
		size_t end = cr ? (size_t)(cr - text) : nl ? (size_t)(nl - text)
							  : len;
		memmove(out + o, text + i, end - i);
		o += end - i;
		i = end < len ? fold_break(text, len, end, out, &o) : len;
	}
	return o;
}
