/*
 * lines.c - one line of plain text and its facts (lines.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/text.h"
#include "base/unicode.h"
#include "input/lines.h"

static size_t cp_at(const char *t, size_t end, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return precis__utf8_decode((const unsigned char *)t + i, end - i, cp);
}

static bool is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B);
}

bool precis__is_bullet(int32_t cp)
{
	return cp == 0x2022 || cp == 0x25CF || cp == 0x25E6 || cp == 0x2023 ||
	       cp == 0x2043 || cp == 0x25AA;
}

/* "- ", "* ", "+ ", a bullet, "12.", "3)", "a)", "(b)": where a list item
 * starts, whatever follows. The kind (PRECIS__MARK_*), *after the offset
 * of what follows the marker and its space. */
static int list_marker(const char *t, size_t i, size_t hi, size_t *after)
{
	int32_t cp;
	size_t l = i < hi ? cp_at(t, hi, i, &cp) : 0;
	*after = i + l + 1;
	if (l == 0)
		return PRECIS__MARK_NONE;
	if ((cp == '-' || cp == 0x2013 || cp == 0x2014) && i + l < hi && t[i + l] == ' ')
		return PRECIS__MARK_DASH;
	if ((cp == '*' || cp == '+') && i + 1 < hi && t[i + 1] == ' ')
		return PRECIS__MARK_BULLET;
	if (precis__is_bullet(cp))
		return i + l < hi && t[i + l] == ' ' ? PRECIS__MARK_BULLET : PRECIS__MARK_NONE;
	size_t d = i + (t[i] == '(');
	size_t k = d;
	while (k < hi && k - d < 3 && t[k] >= '0' && t[k] <= '9')
		k++;
	if (k == d && k < hi && t[k] >= 'a' && t[k] <= 'z')
		k++;
	*after = k + 2;
	return k > d && k + 1 < hi && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' '
		       ? PRECIS__MARK_NUMBER : PRECIS__MARK_NONE;
}

/* Facts of the line's start: indentation, first word, case, list. */
static void start_facts(const char *t, precis__line *ln)
{
	size_t i = ln->lo, col = 0;
	int32_t cp = 0;
	while (i < ln->hi) {
		size_t l = cp_at(t, ln->hi, i, &cp);
		if (!is_space(cp))
			break;
		col = cp == '\t' ? (col / 8 + 1) * 8 : col + 1;
		i += l;
	}
	ln->indent = col;
	ln->blank = i == ln->hi;
	if (ln->blank)
		return;
	unsigned c = precis__uc_class((uint32_t)cp);
	ln->lower = (c & PRECIS__UC_LOWER) != 0;
	ln->upper = (c & PRECIS__UC_UPPER) != 0;
	ln->nospace_start = (c & PRECIS__UC_NOSPACE) != 0;
	ln->quoted = cp == '>';
	size_t j;
	ln->marker = (unsigned char)list_marker(t, i, ln->hi, &j);
	ln->list = ln->marker != PRECIS__MARK_NONE;
	if (ln->list) {
		while (j < ln->hi && t[j] == ' ')
			j++;
		int32_t next = 0;
		if (j < ln->hi)
			cp_at(t, ln->hi, j, &next);
		ln->marker_upper = (precis__uc_class((uint32_t)next) & PRECIS__UC_UPPER) != 0;
	}
	size_t w = 0;
	while (i < ln->hi) {
		size_t l = cp_at(t, ln->hi, i, &cp);
		if (is_space(cp))
			break;
		w++;
		i += l;
	}
	ln->first_word = w;
}

/* Facts of the line's end: terminal punctuation, a hyphen, the script. */
static void end_facts(const char *t, precis__line *ln)
{
	size_t hi = ln->hi;
	while (hi > ln->lo && (t[hi - 1] == ' ' || t[hi - 1] == '\t'))
		hi--;
	size_t p = hi;
	int32_t cp = 0, before = 0;
	/* Closing quotes and brackets after the punctuation do not count. */
	while (p > ln->lo) {
		size_t q = p - 1;
		while (q > ln->lo && ((unsigned char)t[q] & 0xC0) == 0x80)
			q--;
		cp_at(t, hi, q, &cp);
		if (!(cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
		      cp == 0x201D || cp == 0x2019 || cp == 0xBB))
			break;
		p = q;
	}
	if (p == ln->lo)
		return;
	ln->terminal = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
		       cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
	ln->colon = cp == ':' || cp == ';';
	ln->comma = cp == ',' || cp == 0x3001 || cp == 0xFF0C;
	ln->nospace_end = (precis__uc_class((uint32_t)cp) & PRECIS__UC_NOSPACE) != 0;
	size_t hlen = cp == '-' ? 1 : cp == 0x2010 ? 3 : cp == 0xAD ? 2 : 0;
	if (hlen > 0 && hi - ln->lo >= hlen + 2 && p == hi) {
		size_t q = hi - hlen - 1;
		while (q > ln->lo && ((unsigned char)t[q] & 0xC0) == 0x80)
			q--;
		cp_at(t, hi, q, &before);
		if (precis__uc_class((uint32_t)before) & PRECIS__UC_LOWER)
			ln->hyphen = (unsigned char)hlen;
	}
}

static size_t columns(const char *t, size_t lo, size_t hi)
{
	size_t col = 0, i = lo;
	/* ASCII without tabs, the common line, is a column a byte. */
	if (!memchr(t + lo, '\t', hi - lo)) {
		while (i + 8 <= hi) {
			uint64_t w;
			memcpy(&w, t + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		col = i - lo;
	}
	for (; i < hi; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == '\t')
			col = (col / 8 + 1) * 8;
		else if ((c & 0xC0) != 0x80)
			col++;
	}
	return col;
}

precis__line precis__line_span(const char *t, size_t len, size_t pos)
{
	precis__line ln;
	memset(&ln, 0, sizeof ln);
	const char *nl = memchr(t + pos, '\n', len - pos);
	ln.lo = pos;
	ln.hi = nl ? (size_t)(nl - t) : len;
	ln.next = nl ? ln.hi + 1 : len;
	if (ln.hi > ln.lo && t[ln.hi - 1] == '\r')
		ln.hi--;
	size_t i = ln.lo;
	while (i < ln.hi && (t[i] == ' ' || t[i] == '\t' || t[i] == '\f' || t[i] == '\v'))
		i++;
	/* Other white space (NBSP, ideographic) is rare: the full facts
	 * decide there. */
	ln.blank = i == ln.hi || ((unsigned char)t[i] >= 0x80 &&
				  (start_facts(t, &ln), ln.blank));
	return ln;
}

/* After dots at i: the rest of the line is more dots and spaces, then a
 * page number (digits or a roman numeral) and the line's end. A run of
 * dots inside running text ("the range of music.... this is") is an
 * ellipsis, not a leader. */
static bool leads_to_page(const char *t, size_t i, size_t hi)
{
	while (i < hi && (t[i] == '.' || t[i] == ' ' || t[i] == '\t'))
		i++;
	size_t start = i;
	while (i < hi && ((t[i] >= '0' && t[i] <= '9') || strchr("ivxlcIVXLC", t[i]) != NULL))
		i++;
	size_t end = i;
	while (i < hi && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
		i++;
	return end > start && end - start <= 6 && i == hi;
}

/* Dot leaders (". . ." or "....") before a page number, or two gaps of
 * 3+ spaces between words: a line laid out in columns, not a line of
 * running text. */
static bool tabular(const char *t, size_t lo, size_t hi)
{
	size_t gaps = 0, run = 0;
	while (lo < hi && (t[lo] == ' ' || t[lo] == '\t'))
		lo++;
	for (size_t i = lo; i < hi; i++) {
		if (i + 4 < hi && t[i] == '.' && ((t[i + 1] == ' ' && t[i + 2] == '.' &&
		    t[i + 3] == ' ' && t[i + 4] == '.') ||
		    (t[i + 1] == '.' && t[i + 2] == '.' && t[i + 3] == '.')) &&
		    leads_to_page(t, i, hi))
			return true;
		if (t[i] == ' ') {
			run++;
			continue;
		}
		gaps += run >= 3 || t[i] == '\t';
		run = 0;
	}
	return gaps >= 2;
}

void precis__line_facts(const char *t, precis__line *ln)
{
	start_facts(t, ln);
	if (!ln->blank)
		ln->tabular = tabular(t, ln->lo, ln->hi);
	if (!ln->blank) {
		size_t hi = ln->hi;
		while (hi > ln->lo && (t[hi - 1] == ' ' || t[hi - 1] == '\t'))
			hi--;
		ln->cols = columns(t, ln->lo, hi);
		end_facts(t, ln);
	}
}

precis__line precis__line_at(const char *t, size_t len, size_t pos)
{
	precis__line ln = precis__line_span(t, len, pos);
	precis__line_facts(t, &ln);
	return ln;
}
