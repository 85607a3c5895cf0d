/*
 * flat.c - pass 1's look for the ends of lines that were flattened: e-mail
 * and web text copied onto one line, where the lines of a header or a
 * signature run on without terminal punctuation (UD EWT: "Kay Mann
 * 04/26/2001 07:17 AM Will you be providing…", "Graae. *** Bush also",
 * "Best regards, Debra"). Four structures end such a line: a time stamp,
 * a separator, an emoticon and a salutation. Each is found at the start of a word and
 * looked at over a few bytes, so pass 1 stays linear; each becomes a cut
 * mark (CAND_CUT) that pass 2 cuts at like a list marker.
 */
#include <string.h>

#include "segment/internal.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits at p, at least lo and at most hi of them: the position after
 * them, or 0. */
static size_t digits(const seg_scan *s, size_t p, size_t lo, size_t hi)
{
	size_t q = p;
	while (q < s->be && q - p < hi && digit(s->t[q]))
		q++;
	return q - p >= lo && (q == s->be || !digit(s->t[q])) ? q : 0;
}

/* "04/26/2001 07:17 AM", "3/9/2005 11:16:00 PM", "04/25/01 12:42:55": the
 * position after the stamp (which white space or the end follows), or 0. */
static size_t stamp_end(const seg_scan *s, size_t p)
{
	const char *t = s->t;
	static const unsigned char parts[][3] = {
		{ 1, 2, '/' }, { 1, 2, '/' }, { 2, 4, ' ' }, { 1, 2, ':' }, { 2, 2, 0 }
	};
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		p = digits(s, p, parts[k][0], parts[k][1]);
		if (p == 0 || (parts[k][2] && (p >= s->be || t[p] != parts[k][2])))
			return 0;
		p += parts[k][2] != 0;
	}
	if (p + 2 < s->be && t[p] == ':' && digit(t[p + 1]) && digit(t[p + 2]))
		p += 3; /* seconds */
	if (p + 2 < s->be && t[p] == ' ' && ((t[p + 1] | 0x20) == 'a' ||
	    (t[p + 1] | 0x20) == 'p') && (t[p + 2] | 0x20) == 'm' &&
	    (p + 3 == s->be || t[p + 3] == ' '))
		p += 3; /* AM, PM */
	return p == s->be || t[p] == ' ' ? p : 0;
}

/* The first position from p that is no white space. */
static size_t after_space(const seg_scan *s, size_t p)
{
	return precis__seg_skip_space(s, p);
}

/* The word that ends at hi (after at most SEG_MAX_WORD bytes of letters):
 * its start, or hi when there is none. */
static size_t word_start(const seg_scan *s, size_t hi)
{
	size_t lo = hi, l;
	while (lo > s->bs && hi - lo < SEG_MAX_WORD) {
		size_t q = seg_prev(s->t, s->bs, lo);
		int cc = precis__seg_cclass(seg_decode(s->t + q, s->be - q, &l));
		if (cc != CC_UPPER && cc != CC_LOWER && cc != CC_CASELESS)
			break;
		lo = q;
	}
	return lo;
}

/* Is the word before the white space before p a lower-case word ("on",
 * "at": the stamp goes on a sentence)? */
static bool lower_before(const seg_scan *s, size_t p)
{
	size_t l;
	while (p > s->bs && precis__seg_space_at(s, seg_prev(s->t, s->bs, p), &l))
		p = seg_prev(s->t, s->bs, p);
	size_t lo = word_start(s, p);
	return lo < p &&
	       precis__seg_cclass(seg_decode(s->t + lo, s->be - lo, &l)) == CC_LOWER;
}

/* Is a capitalized word at p? */
static bool capital_at(const seg_scan *s, size_t p)
{
	size_t l;
	if (p >= s->be)
		return false;
	int cc = precis__seg_cclass(seg_decode(s->t + p, s->be - p, &l));
	return cc == CC_UPPER || cc == CC_CASELESS;
}

/* A time stamp on a line of its own, as e-mail headers write them: cut
 * before it after a name, and after it before a capital. */
static int stamp(seg_scan *s, size_t p)
{
	size_t e = stamp_end(s, p);
	if (e == 0)
		return 0;
	int rc = 0;
	if (p > s->bs && !lower_before(s, p))
		rc = precis__seg_add_cand(s, p, e, 0, CAND_CUT);
	size_t k = after_space(s, e);
	if (rc == 0 && capital_at(s, k))
		rc = precis__seg_add_cand(s, k, k, 0, CAND_CUT);
	return rc;
}

/* A separator: a run of three or more of * = ~ # + between white space
 * ("***", "====="), or of five or more _ or - (shorter ones are a blank to
 * fill in, "nam ___ ەے", or a dash): a unit of its own. */
static int separator(seg_scan *s, size_t p)
{
	const char *t = s->t;
	char c = t[p];
	if (c != '*' && c != '=' && c != '_' && c != '~' && c != '#' && c != '+' &&
	    c != '-')
		return 0;
	size_t e = p;
	while (e < s->be && t[e] == c)
		e++;
	if (e - p < (c == '_' || c == '-' ? 5u : 3u) ||
	    (e < s->be && !precis__seg_space_at(s, e, &(size_t){ 0 })))
		return 0;
	int rc = p > s->bs ? precis__seg_add_cand(s, p, e, 0, CAND_CUT) : 0;
	size_t k = after_space(s, e);
	if (rc == 0 && k < s->be)
		rc = precis__seg_add_cand(s, k, k, 0, CAND_CUT);
	return rc;
}

/* Does a sentence start at p: the block's start, or after a terminator? */
static bool starts_here(const seg_scan *s, size_t p)
{
	size_t l;
	while (p > s->bs && precis__seg_space_at(s, seg_prev(s->t, s->bs, p), &l))
		p = seg_prev(s->t, s->bs, p);
	if (p == s->bs)
		return true;
	size_t q = seg_prev(s->t, s->bs, p);
	return (seg_flags(s->r, seg_decode(s->t + q, s->be - q, &l)) &
		(SC_TERM | SC_ELLIPSIS)) != 0;
}

/*
 * A salutation of one or two words opening a sentence, then a comma and a
 * capital: "Regards, Debra", "Best regards, Debra", "Dear All, My name",
 * "Hi, Yes" — a line of a letter of its own. The words come from the
 * rules' [salutations]; p is the capital, after ", ".
 */
static int salutation(seg_scan *s, size_t p)
{
	if (p < s->bs + 3 || s->t[p - 2] != ',' || !capital_at(s, p))
		return 0;
	size_t hi = p - 2, lo = word_start(s, hi);
	if (lo == hi)
		return 0;
	bool found = precis__seg_lookup(s->r, SET_SALUTE, s->t + lo, hi - lo) != 0;
	if (!starts_here(s, lo)) {
		if (lo < s->bs + 2 || s->t[lo - 1] != ' ')
			return 0;
		size_t lo0 = word_start(s, lo - 1);
		if (lo0 == lo - 1 || !starts_here(s, lo0))
			return 0;
		found = found || precis__seg_lookup(s->r, SET_SALUTE, s->t + lo0,
						    lo - 1 - lo0) != 0;
	}
	return found ? precis__seg_add_cand(s, p, p, 0, CAND_CUT) : 0;
}

/* An emoticon (":)", ":-P", ";-)") ends its sentence like a terminator,
 * before a capital, or before any word when a terminator came before it
 * ("great! :P you get a view"). */
static int emoticon(seg_scan *s, size_t p)
{
	const char *t = s->t;
	size_t e = p + 1;
	if (t[p] != ':' && t[p] != ';' && t[p] != '=')
		return 0;
	if (e < s->be && t[e] == '-')
		e++;
	if (e >= s->be || t[e] == '\0' || !strchr(")(PpDO/|]", t[e]))
		return 0;
	for (char m = t[e]; e < s->be && t[e] == m;)
		e++; /* ":)))" */
	if (e < s->be && t[e] != ' ')
		return 0;
	size_t k = after_space(s, e), l;
	if (k >= s->be || k == e)
		return 0;
	int cc = precis__seg_cclass(seg_decode(t + k, s->be - k, &l));
	if (capital_at(s, k) || ((cc == CC_LOWER || cc == CC_DIGIT) && starts_here(s, p)))
		return precis__seg_add_cand(s, k, k, 0, CAND_CUT);
	return 0;
}

int precis__seg_flat(seg_scan *s, size_t p)
{
	if (p >= s->be)
		return 0;
	char c = s->t[p];
	if (digit(c))
		return stamp(s, p);
	int rc = separator(s, p);
	if (rc == 0 && (c == ':' || c == ';' || c == '='))
		rc = emoticon(s, p);
	return rc == 0 && p >= s->bs + 2 && s->t[p - 2] == ',' ? salutation(s, p) : rc;
}
