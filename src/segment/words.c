/*
 * words.c - the words on either side of a candidate boundary: the
 * token before a period (is it an abbreviation, a number, an initial?) and
 * the word after the white space (capitalized? a sentence starter?). Both
 * look at most SEG_MAX_WORD bytes away, so pass 2 stays linear.
 */
#include <string.h>

#include "segment/internal.h"

static uint32_t at(const seg_scan *s, size_t i, size_t *l)
{
	unsigned char b = (unsigned char)s->t[i];
	*l = 1;
	return b < 128 ? b : seg_decode(s->t + i, s->be - i, l);
}

static bool wordish(int cc)
{
	return cc == CC_UPPER || cc == CC_LOWER || cc == CC_CASELESS ||
	       cc == CC_MARK || cc == CC_DIGIT;
}

void precis__seg_next_word(const seg_scan *s, size_t k, seg_word *w)
{
	size_t p = k, l;
	memset(w, 0, sizeof *w);
	w->cc = CC_OTHER;
	/* A dash opens a line of dialogue or a news item ("-- La actriz"),
	 * or goes on with the sentence ("бар? — деді"); the word says which. */
	while (p < s->be && (seg_flags(s->r, at(s, p, &l)) & SC_DASH)) {
		w->dash = true;
		p += l;
	}
	if (w->dash && p < s->be && s->t[p] == ' ')
		p++;
	/* Opening quotes, brackets and dots come before the word itself:
	 * "(«Айқын»", "¡Muy", "...en toen". */
	while (p < s->be) {
		uint32_t cp = at(s, p, &l);
		unsigned f = seg_flags(s->r, cp);
		if (cp != '.' && !(f & (SC_OPEN | SC_INVERTED | SC_ELLIPSIS |
					SC_INVISIBLE)))
			break;
		p += l;
		/* French spacing: "« Tu es" */
		if ((f & SC_OPEN) && p + 1 < s->be && s->t[p] == ' ' &&
		    s->t[p + 1] != ' ')
			p++;
	}
	w->lo = w->hi = p;
	if (p == s->be)
		return;
	w->cc = precis__seg_cclass(at(s, p, &l));
	while (p < s->be && p - w->lo < SEG_MAX_WORD &&
	       wordish(precis__seg_cclass(at(s, p, &l))))
		p += l;
	w->hi = p;
	w->dot = p < s->be && s->t[p] == '.';
}

bool precis__seg_word_in(const seg_scan *s, const seg_word *w, int set)
{
	return w->hi > w->lo &&
	       precis__seg_lookup(s->r, set, s->t + w->lo, w->hi - w->lo) != 0;
}

/* ---- the token before a period ------------------------------------------ */

void precis__seg_prev_token(const seg_scan *s, size_t i, seg_tok *tk)
{
	size_t lo = i, l;
	tk->longtok = false;
	while (lo > s->unit) {
		size_t p = seg_prev(s->t, s->unit, lo);
		if (precis__seg_space_at(s, p, &l))
			break;
		if (i - p > SEG_MAX_WORD) {
			tk->longtok = true;
			break;
		}
		lo = p;
	}
	size_t hi = i;
	while (lo < hi && (seg_flags(s->r, at(s, lo, &l)) &
			   (SC_OPEN | SC_INVERTED | SC_INVISIBLE)))
		lo += l;
	while (hi > lo) {
		size_t p = seg_prev(s->t, lo, hi);
		if (!(seg_flags(s->r, at(s, p, &l)) & (SC_CLOSE | SC_INVISIBLE)))
			break;
		hi = p;
	}
	tk->lo = lo;
	tk->hi = hi;
}

static bool has(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, needle, m) == 0)
			return true;
	return false;
}

static bool is_number(const seg_scan *s, const seg_tok *tk)
{
	size_t p = tk->lo, l;
	uint32_t cp = at(s, p, &l);
	if (cp == '+' || cp == '-' || (precis__uc_class(cp) & PRECIS__UC_CURRENCY))
		p += l;
	if (p >= tk->hi || precis__seg_cclass(at(s, p, &l)) != CC_DIGIT)
		return false;
	for (; p < tk->hi; p += l) {
		cp = at(s, p, &l);
		if (precis__seg_cclass(cp) != CC_DIGIT &&
		    (cp == 0 || cp >= 128 || !strchr(",.'/:-", (int)cp)))
			return false;
	}
	return true;
}

static bool is_roman(const seg_scan *s, const seg_tok *tk)
{
	size_t n = tk->hi - tk->lo;
	if (n == 0 || n > 7)
		return false;
	for (size_t i = tk->lo; i < tk->hi; i++)
		if (!strchr("IVXLCDM", s->t[i]) || s->t[i] == '\0')
			return false;
	return true;
}

/* "U.S", "a.m", "Ph.D", "т.г": parts of one to three letters. */
static bool short_parts(const seg_scan *s, const seg_tok *tk)
{
	size_t letters = 0, dots = 0, l;
	for (size_t p = tk->lo; p < tk->hi; p += l) {
		uint32_t cp = at(s, p, &l);
		int cc = precis__seg_cclass(cp);
		if (cp == '.') {
			if (letters == 0)
				return false;
			dots++;
			letters = 0;
		} else if (cc != CC_MARK && ++letters > 3) {
			return false;
		} else if (cc == CC_DIGIT || cc == CC_OTHER) {
			return false;
		}
	}
	return dots > 0 && letters > 0;
}

/*
 * Initials spaced out ("z. B", "s. r. o", "т. б") are looked up as one key,
 * "z.B": the single letter before the period and those before it that end
 * in ". ".
 */
static int letter_chain(const seg_scan *s, const seg_tok *tk)
{
	char key[48];
	size_t n = tk->hi - tk->lo, lo = tk->lo;
	memcpy(key + sizeof key - n, s->t + lo, n);
	for (int k = 0; k < 6 && lo >= s->unit + 3 && s->t[lo - 1] == ' ' &&
			s->t[lo - 2] == '.'; k++) {
		size_t p = seg_prev(s->t, s->unit, lo - 2), l;
		if (p > s->unit && !precis__seg_space_at(s, p - 1, &l))
			break;
		if (n + (lo - 1 - p) > sizeof key)
			break;
		int cc = precis__seg_cclass(at(s, p, &l));
		if (cc != CC_UPPER && cc != CC_LOWER && cc != CC_CASELESS)
			break;
		memcpy(key + sizeof key - n - (lo - 1 - p), s->t + p, lo - 1 - p);
		n += lo - 1 - p; /* the letter and its period */
		lo = p;
	}
	int kind = precis__seg_lookup(s->r, SET_ABBR, key + sizeof key - n, n);
	return kind != AB_NONE ? kind : AB_ENDER;
}

static bool single_letter(const seg_scan *s, const seg_tok *tk)
{
	size_t l;
	if (tk->hi == tk->lo)
		return false;
	int cc = precis__seg_cclass(at(s, tk->lo, &l));
	return tk->lo + l == tk->hi &&
	       (cc == CC_UPPER || cc == CC_LOWER || cc == CC_CASELESS);
}

/* An abbreviation behind an elided article or preposition: "dell'art.",
 * "l’av." (Italian, French). The kind of the part after the apostrophe. */
static int elided(const seg_scan *s, const seg_tok *tk)
{
	for (size_t p = tk->hi; p > tk->lo + 1;) {
		size_t q = seg_prev(s->t, tk->lo, p), l;
		uint32_t cp = at(s, q, &l);
		if (cp == '\'' || cp == 0x2019)
			return p < tk->hi ? precis__seg_lookup(s->r, SET_ABBR, s->t + p,
							    tk->hi - p) : AB_NONE;
		p = q;
	}
	return AB_NONE;
}

int precis__seg_classify(const seg_scan *s, const seg_tok *tk)
{
	const char *w = s->t + tk->lo;
	size_t n = tk->hi - tk->lo;
	if (n == 0)
		return TK_WORD;
	if (tk->longtok || memchr(w, '@', n) != NULL || has(w, n, "://") ||
	    (n > 4 && memcmp(w, "www.", 4) == 0))
		return TK_URL;
	if (is_number(s, tk))
		return TK_NUMBER;
	if ((s->r->options & OPT_ROMAN_ORDINALS) && is_roman(s, tk))
		return TK_ROMAN;
	if (single_letter(s, tk))
		return letter_chain(s, tk);
	int kind = precis__seg_lookup(s->r, SET_ABBR, w, n);
	if (kind == AB_NONE)
		kind = elided(s, tk);
	if (kind != AB_NONE)
		return kind;
	return short_parts(s, tk) ? AB_ENDER : TK_WORD;
}

bool precis__seg_prev_word_in(const seg_scan *s, size_t pos, int set)
{
	size_t hi = pos, l;
	while (hi > s->unit && precis__seg_space_at(s, seg_prev(s->t, s->unit, hi), &l))
		hi = seg_prev(s->t, s->unit, hi);
	size_t lo = hi;
	while (lo > s->unit && hi - lo < SEG_MAX_WORD) {
		size_t p = seg_prev(s->t, s->unit, lo);
		if (!wordish(precis__seg_cclass(at(s, p, &l))))
			break;
		lo = p;
	}
	return lo < hi && (lo == s->unit || !wordish(precis__seg_cclass(
			   at(s, seg_prev(s->t, s->unit, lo), &l)))) &&
	       precis__seg_lookup(s->r, set, s->t + lo, hi - lo) != 0;
}

size_t precis__seg_words_before(const seg_scan *s, size_t pos, size_t max)
{
	size_t n = 0, l;
	bool in_word = false;
	while (pos > s->unit && n < max) {
		pos = seg_prev(s->t, s->unit, pos);
		bool sp = precis__seg_space_at(s, pos, &l);
		if (!sp && !in_word)
			n++;
		in_word = !sp;
	}
	return n;
}
