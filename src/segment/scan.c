/*
 * scan.c - pass 2 over a block: finds the terminators and decides,
 * for each, whether a sentence ends after it (and its closing quotes).
 * The rules follow the Golden Rules of sentence boundaries (see
 * shared/eval/sbd): abbreviations, initials, numbers, ellipses, quotes and
 * brackets, lists, URLs and the scraped-text "region.CNN reports".
 */
#include <string.h>

#include "segment/internal.h"

static void add_cut(seg_scan *s, size_t pos, int *rc)
{
	if (*rc != 0 || pos <= s->unit || pos >= s->be)
		return;
	if (PRECIS__VEC_RESERVE(&s->cuts, s->cuts.n + 1) != 0) {
		*rc = PRECIS_ERR_NOMEM;
		return;
	}
	s->cuts.v[s->cuts.n++] = pos;
	s->unit = pos;
}

static uint32_t at(const seg_scan *s, size_t i, size_t *l)
{
	unsigned char b = (unsigned char)s->t[i];
	*l = 1;
	return b < 128 ? b : seg_decode(s->t + i, s->be - i, l);
}

/* Is the character at j a closing quote or bracket? Characters that also
 * open (" ' » “) close only where pass 1 matched them. */
static bool closer_at(const seg_scan *s, size_t j, size_t *l)
{
	uint32_t cp = at(s, j, l);
	unsigned f = seg_flags(s->r, cp);
	if (!(f & SC_CLOSE))
		return false;
	return !(f & SC_OPEN) || precis__seg_is_close(s, j);
}

/* Is the " at q the last of the block, so that it opens no quote? */
static bool last_straight_quote(const seg_scan *s, size_t q)
{
	return s->t[q] == '"' &&
	       memchr(s->t + q + 1, '"', s->be - q - 1) == NULL;
}

/* A closing quote after a space ("Ja. »", "'Stop!' \""), itself followed by
 * white space: *l spans both. A " between spaces that no later " closes
 * closes the sentence before it ("une bête ! " Les serveuses"; UD fr). */
static bool spaced_closer(const seg_scan *s, size_t j, size_t *l)
{
	size_t a, b, c;
	if (!precis__seg_space_at(s, j, &a) || j + a >= s->be)
		return false;
	if (last_straight_quote(s, j + a))
		b = 1;
	else if (!precis__seg_is_close(s, j + a) || !closer_at(s, j + a, &b))
		return false;
	*l = a + b;
	return j + *l == s->be || precis__seg_space_at(s, j + *l, &c);
}

/* The bytes from p that are dots or ellipses ("...", "…"). */
static size_t dots_at(const seg_scan *s, size_t p)
{
	size_t q = p, l;
	while (q < s->be && (s->t[q] == '.' || (seg_flags(s->r, at(s, q, &l)) &
						 SC_ELLIPSIS)))
		q += s->t[q] == '.' ? 1 : l;
	return q - p;
}

/*
 * A reference mark or an omission mark after a terminator, with or
 * without a space before it ("in Dulwich. [17] Placed", "elegies.[25]",
 * "[a]", "[3, 4]", "Bell. […] For"): it belongs to the sentence before
 * (UD GUM). Inside the brackets: digits, lower-case letters, commas,
 * dashes and spaces, a digit or a single letter among them; or only dots.
 * White space or the end must follow; *l spans it.
 */
static bool reference(const seg_scan *s, size_t j, size_t *l)
{
	const char *t = s->t;
	size_t p = j + (t[j] == ' '), digits = 0, letters = 0;
	if (p + 2 >= s->be || t[p] != '[')
		return false;
	size_t q = p + 1 + dots_at(s, p + 1);
	for (bool omission = q > p + 1; !omission && q < s->be && q - p <= 20 &&
					t[q] != ']'; q++) {
		unsigned char c = (unsigned char)t[q];
		digits += c >= '0' && c <= '9';
		letters += c >= 'a' && c <= 'z';
		if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
		    c != ',' && c != '-' && c != ' ')
			return false;
	}
	if (q >= s->be || t[q] != ']' || q == p + 1 || t[p + 1] == ' ' ||
	    (digits == 0 && letters > 1))
		return false;
	*l = q + 1 - j;
	return q + 1 == s->be || precis__seg_space_at(s, q + 1, &digits);
}

/* A bare footnote number after a terminator, before a sentence starter
 * ("minority rights. 4 Even though"; UD GUM): *l spans " 4". */
static bool footnote(const seg_scan *s, size_t j, size_t *l)
{
	size_t q = j + 1;
	while (q < s->be && q - j <= 3 && s->t[q] >= '0' && s->t[q] <= '9')
		q++;
	if (q == j + 1 || q - j > 3 || q + 1 >= s->be || s->t[q] != ' ')
		return false;
	seg_word w;
	precis__seg_next_word(s, q + 1, &w);
	*l = q - j;
	return w.lo == q + 1 && precis__seg_word_in(s, &w, SET_STARTER);
}

/* Skips closing quotes and brackets after a terminator ("great.”",
 * "RR. »") and a reference mark; *had tells whether there were any. */
static size_t closers(const seg_scan *s, size_t j, bool *had)
{
	size_t l;
	*had = false;
	while (j < s->be) {
		uint32_t cp = at(s, j, &l);
		if (seg_flags(s->r, cp) & SC_INVISIBLE) {
			j += l;
		} else if ((cp == '[' || cp == ' ') && reference(s, j, &l)) {
			j += l;
		} else if (cp == ' ' && footnote(s, j, &l)) {
			j += l;
			break;
		} else if (closer_at(s, j, &l)) {
			j += l;
			*had = true;
		} else if (spaced_closer(s, j, &l)) {
			j += l; /* French spacing: « … », or a stray space */
			*had = true;
		} else {
			break;
		}
	}
	return j;
}

static bool capital(int cc)
{
	return cc == CC_UPPER || cc == CC_CASELESS;
}

static bool wordish_cp(const seg_scan *s, size_t p)
{
	size_t l;
	int cc = precis__seg_cclass(at(s, p, &l));
	return cc == CC_UPPER || cc == CC_LOWER || cc == CC_CASELESS || cc == CC_MARK;
}

/* After the closers at j: is a word next, past white space? */
static bool word_next(const seg_scan *s, size_t j, seg_word *w)
{
	size_t l;
	if (j >= s->be || !precis__seg_space_at(s, j, &l))
		return false;
	size_t k = precis__seg_skip_space(s, j);
	if (k >= s->be)
		return false;
	precis__seg_next_word(s, k, w);
	return (!w->dash || capital(w->cc)) && !precis__seg_protected(s, j);
}

/* ---- periods ------------------------------------------------------------ */

/* An abbreviation that may end a sentence (U.S., a.m., an initial) ends
 * one before a sentence starter, or before a title ("6 P.M. Mr. Smith")
 * once the sentence is more than an opening phrase ("At 5 a.m. Mr."). */
static bool ender_ends(const seg_scan *s, const seg_tok *tk, const seg_word *w)
{
	if (precis__seg_word_in(s, w, SET_STARTER))
		return true;
	if (!w->dot || w->hi == w->lo ||
	    precis__seg_lookup(s->r, SET_ABBR, s->t + w->lo, w->hi - w->lo) != AB_TITLE)
		return false;
	return precis__seg_words_before(s, tk->lo, 3) >= 3;
}

/* Is t[lo, hi) two capitals or more and no lower-case letter? */
static bool in_capitals(const seg_scan *s, size_t lo, size_t hi)
{
	size_t caps = 0;
	for (size_t p = lo; p < hi; p++) {
		unsigned char k = s->r->byteclass[(unsigned char)s->t[p]];
		if (k & SB_LOWER)
			return false;
		caps += (k & SB_UPPER) != 0;
	}
	return caps >= 2;
}

/* A title in text set in capitals: "OF GEN. ELIZABETH PRELOGAR". */
static bool capital_title(const seg_scan *s, const seg_tok *tk,
			  const seg_word *w)
{
	return in_capitals(s, tk->lo, tk->hi) && in_capitals(s, w->lo, w->hi) &&
	       precis__seg_lookup_as(s->r, SET_ABBR, s->t + tk->lo,
				     tk->hi - tk->lo, true) == AB_TITLE;
}

static bool period_ends(const seg_scan *s, size_t i, bool had,
			const seg_word *w)
{
	seg_tok tk;
	precis__seg_prev_token(s, i, &tk);
	if (capital_title(s, &tk, w))
		return false;
	switch (precis__seg_classify(s, &tk)) {
	case AB_TITLE:
	case TK_ROMAN:
		return false;
	case AB_PLAIN:
		return capital(w->cc);
	case AB_ENDER:
		return ender_ends(s, &tk, w);
	case TK_NUMBER: /* "12. Juni", "10. pokus", "im 6. Stock" are
			 * ordinals; a number opening a unit numbers a section
			 * ("858. Comprensorio"); where numbers take no ordinal
			 * period, a lower-case word after one starts a sentence
			 * ("at 303-832-8160. they haven't"; UD EWT, it ISDT) */
		return (capital(w->cc) || w->cc == CC_DIGIT ||
			(w->cc == CC_LOWER && !had &&
			 !(s->r->options & OPT_ORDINAL_DOTS))) &&
		       !precis__seg_word_in(s, w, SET_MONTH) &&
		       precis__seg_words_before(s, tk.lo, 1) > 0 &&
		       !precis__seg_prev_word_in(s, tk.lo, SET_ARTICLE);
	default: /* a lower-case word ends a sentence, unless after a quote */
		return capital(w->cc) || w->cc == CC_DIGIT ||
		       (w->cc == CC_LOWER && !had);
	}
}

/* Is the word at i a common top-level domain, "Com" of "Newsfeed.Com"
 * (UD EWT), in any case and followed by no further letter? Not "net":
 * "Net" opens sentences ("region.Net gains rose"). */
static bool domain_at(const seg_scan *s, size_t i)
{
	static const char tld[][4] = { "com", "org", "edu", "gov" };
	if (s->be - i < 3 ||
	    (s->be - i > 3 && (s->r->byteclass[(unsigned char)s->t[i + 3]] &
			       (SB_UPPER | SB_LOWER | SB_DIGIT))))
		return false;
	for (size_t k = 0; k < sizeof tld / sizeof tld[0]; k++) {
		size_t n = 0;
		while (n < 3 && (s->t[i + n] | 0x20) == tld[k][n])
			n++;
		if (n == 3)
			return true;
	}
	return false;
}

/* "region.CNN reports", "1,000.That is": a period between a word and a
 * capital, in a token that is no URL, e-mail, domain (Newsfeed.Com) or
 * abbreviation (Ph.D.). */
static bool glued_ends(const seg_scan *s, size_t i)
{
	size_t l, lo = i, hi = i + 1;
	if (precis__seg_cclass(at(s, hi, &l)) != CC_UPPER ||
	    (hi + l < s->be && s->t[hi + l] == '.') || domain_at(s, hi))
		return false;
	while (hi < s->be && hi - i < SEG_MAX_WORD && !precis__seg_space_at(s, hi, &l))
		hi += l;
	seg_tok whole;
	precis__seg_prev_token(s, i, &whole);
	whole.longtok = whole.longtok || hi - i >= SEG_MAX_WORD;
	whole.hi = hi;
	while (whole.hi > whole.lo && s->t[whole.hi - 1] == '.')
		whole.hi--;
	if (precis__seg_classify(s, &whole) != TK_WORD)
		return false;
	seg_tok part = whole;
	part.hi = i;
	for (lo = i; lo > whole.lo && s->t[lo - 1] != '.'; lo--)
		;
	part.lo = lo;
	int kind = precis__seg_classify(s, &part);
	if (kind == TK_NUMBER)
		return true;
	if (kind == AB_TITLE)
		return false; /* "St.John" */
	size_t letters = 0;
	bool low = false;
	for (size_t p = part.lo; p < part.hi; p += l) {
		int cc = precis__seg_cclass(at(s, p, &l));
		letters += cc == CC_UPPER || cc == CC_LOWER;
		low = low || cc == CC_LOWER;
	}
	return letters >= 2 && low && !precis__seg_protected(s, i + 1);
}

/* Is the token that ends at i an address: ASCII without white space,
 * holding "://" or "@" or starting "www." (looked at 256 bytes back)? A
 * period of the token looked at before ends the look, so that a long
 * token of periods is read once. */
static bool address_before(seg_scan *s, size_t i)
{
	const char *t = s->t;
	size_t p = i;
	bool mark = false, known = false;
	while (p > s->unit && i - p < 256) {
		unsigned char c = (unsigned char)t[p - 1];
		if (c >= 128 || (s->r->byteclass[c] & (SB_SPACE | SB_NL)))
			break;
		mark = mark || c == '@' || (c == ':' && p + 1 < i && t[p] == '/' &&
					    t[p + 1] == '/');
		p--;
		if (p == s->addr_at) {
			known = true;
			break;
		}
	}
	mark = mark || (known && s->addr_mark) ||
	       (!known && i - p > 4 && memcmp(t + p, "www.", 4) == 0);
	s->addr_at = i;
	s->addr_mark = mark;
	return mark;
}

/*
 * A period inside an address (URL, e-mail): where flattened web text runs
 * lines together, the address ends one when a capitalized word or another
 * address follows ("…Boone@accenture.com Our web address is", "…big.html
 * http://…"; UD EWT). The scan resumes after the address, or at the
 * terminator that ends it; elsewhere after the period.
 */
static size_t address(seg_scan *s, size_t i, int *rc)
{
	size_t hi = i + 1;
	if (!address_before(s, i))
		return i + 1;
	while (hi < s->be && hi - i < 256 && (unsigned char)s->t[hi] < 128 &&
	       !(s->r->byteclass[(unsigned char)s->t[hi]] & (SB_SPACE | SB_NL)))
		hi++;
	if (hi == i + 1)
		return hi; /* the address stops at a non-ASCII character */
	size_t last = hi - 1; /* ASCII */
	unsigned char c = (unsigned char)s->t[last];
	if (s->r->byteclass[c] & SB_STOP)
		return last; /* "…/employeemeeting. Constance," */
	if (!(s->r->byteclass[c] & (SB_DIGIT | SB_UPPER | SB_LOWER)) &&
	    c != '/' && c != '>')
		return hi;
	size_t k = precis__seg_skip_space(s, hi);
	/* "-- Name <name@host>  Tue, 14 Oct": an address in angle brackets
	 * set off by a wider gap is a field of a signature or a header line,
	 * which goes on; flattened lines are joined by one space. */
	if (c == '>' && k > hi + 1)
		return hi;
	if (k > hi && k < s->be) {
		seg_word w;
		precis__seg_next_word(s, k, &w);
		if ((w.lo == k && capital(w.cc)) || (s->be - k > 4 &&
		    (memcmp(s->t + k, "http", 4) == 0 || memcmp(s->t + k, "www.", 4) == 0)))
			add_cut(s, k, rc);
	}
	return hi;
}

/* A word glued to a terminator at j, no space between: two letters or
 * more, the first a capital when `cap` ("...Iguazu"), then white space or
 * the end; after a word of two lower-case letters or more ("talk?they").
 * A URL's query ("search?q=x") has no white space after its word. */
static bool glued_word(const seg_scan *s, size_t j, bool cap)
{
	seg_word w;
	if (j >= s->be || j == s->bs)
		return false;
	precis__seg_next_word(s, j, &w);
	size_t l;
	if (w.lo != j || (cap ? !capital(w.cc) : w.cc != CC_LOWER && !capital(w.cc)) ||
	    w.hi - w.lo < 2 || (w.hi < s->be && !precis__seg_space_at(s, w.hi, &l)))
		return false;
	size_t p = j;
	while (p > s->bs && !(s->r->byteclass[(unsigned char)s->t[p - 1]] &
			      (SB_LOWER | SB_SPACE)) && j - p < 8)
		p--;
	return p >= s->bs + 2 && (s->r->byteclass[(unsigned char)s->t[p - 1]] & SB_LOWER) &&
	       (s->r->byteclass[(unsigned char)s->t[p - 2]] & SB_LOWER);
}

/* Does a lower-case word of two letters or more end just before i? */
static bool lower_word_before(const seg_scan *s, size_t i)
{
	size_t p = i, l;
	while (p > s->unit && i - p < SEG_MAX_WORD) {
		size_t q = seg_prev(s->t, s->unit, p);
		if (!wordish_cp(s, q))
			break;
		p = q;
	}
	return p < i && i - p >= 2 &&
	       precis__seg_cclass(at(s, p, &l)) == CC_LOWER;
}

/* Unspaced dots: "that.... She" ends, "mean...see" and "[...]" do not;
 * three dots end a sentence only before a capital. */
static size_t dots(seg_scan *s, size_t i, size_t n_end, size_t n, int *rc)
{
	size_t j = n_end;
	bool had;
	seg_word w;
	if (i > s->bs && (s->t[i - 1] == '[' || s->t[i - 1] == '(') &&
	    j < s->be && (s->t[j] == ']' || s->t[j] == ')'))
		return j; /* an omission mark, not an ellipsis */
	j = closers(s, j, &had);
	if (word_next(s, j, &w) &&
	    (capital(w.cc) || (n != 3 && w.cc == CC_DIGIT)))
		add_cut(s, j, rc);
	else if (!had && glued_word(s, j, true))
		add_cut(s, j, rc); /* "a country....Iguazu is" */
	return j;
}

/*
 * Spaced dots ". . .": three of them are an ellipsis inside a sentence
 * ("the thing is . . . I didn’t"); four are an ellipsis and a period. When
 * the first dot clings to a word ("compounds. . . . The"), that period ends
 * the sentence and the next one opens with the ellipsis.
 */
static size_t spaced(seg_scan *s, size_t i, int *rc)
{
	size_t p = i, k = 1, l;
	bool had;
	seg_word w;
	while (p + 2 < s->be && s->t[p + 1] == ' ' && s->t[p + 2] == '.') {
		p += 2;
		k++;
	}
	size_t j = closers(s, p + 1, &had);
	bool clings = i > s->bs && !precis__seg_space_at(s, seg_prev(s->t, s->bs, i), &l);
	if (k >= 4 && word_next(s, j, &w) && capital(w.cc))
		add_cut(s, clings ? i + 1 : j, rc);
	return j;
}

static size_t period(seg_scan *s, size_t i, int *rc)
{
	const char *t = s->t;
	size_t e = i + 1, l;
	bool had;
	seg_word w;
	if (e < s->be && t[e] == '.') {
		while (e < s->be && t[e] == '.')
			e++;
		return dots(s, i, e, e - i, rc);
	}
	if (e + 3 < s->be && t[e] == ' ' && t[e + 1] == '.' && t[e + 2] == ' ' &&
	    t[e + 3] == '.')
		return spaced(s, i, rc);
	if (e < s->be && !precis__seg_space_at(s, e, &l) && !closer_at(s, e, &l) &&
	    !reference(s, e, &l)) {
		if (glued_ends(s, i))
			add_cut(s, e, rc);
		return address(s, i, rc);
	}
	size_t j = closers(s, e, &had);
	if (word_next(s, j, &w) && period_ends(s, i, had, &w))
		add_cut(s, j, rc);
	return j;
}

/* ---- other terminators -------------------------------------------------- */

/* Further terminators run together with the first ("?!", "！？"). */
static size_t term_run(const seg_scan *s, size_t j)
{
	size_t l;
	while (j < s->be && (seg_flags(s->r, at(s, j, &l)) &
			     (SC_STOP | SC_STRONG)))
		j += l;
	return j;
}

/* ? ! and a language's other stops (Greek ;, Armenian :). A lower-case
 * word after "!" continues the sentence ("Yahoo! in"), after "?" it does
 * not ("кім? не?"), unless a quote closed in between. */
static size_t stop(seg_scan *s, size_t i, size_t l, uint32_t cp, int *rc)
{
	bool had;
	seg_word w;
	size_t j = closers(s, term_run(s, i + l), &had);
	if (!word_next(s, j, &w)) {
		if (!had && glued_word(s, j, false) && !address_before(s, i))
			add_cut(s, j, rc); /* "recruits foreigners?thanks I've" */
		return j;
	}
	/* A lower-case word after "!" goes on with a name ("Yahoo! in"), not
	 * after a lower-case word ("for no reason! cats react"). */
	if (capital(w.cc) || w.cc == CC_DIGIT ||
	    (w.cc == CC_LOWER && !had && (cp != '!' || lower_word_before(s, i))))
		add_cut(s, j, rc);
	return j;
}

static bool hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* Does a title mark (》〉) close right after the terminators? */
static bool ends_title(const seg_scan *s, size_t j)
{
	size_t l;
	uint32_t cp = j < s->be ? at(s, j, &l) : 0;
	return cp == 0x300B || cp == 0x3009;
}

/* 。！？ and the like end a sentence at once, no space needed, except
 * inside a quote or bracket (《摔跤吧！爸爸》), at the end of a title
 * (《好！》), or before a particle after a closing quote (「はい。」と). */
static size_t strong(seg_scan *s, size_t i, size_t l, int *rc)
{
	bool had;
	size_t k = term_run(s, i + l), j = closers(s, k, &had), m;
	if (j >= s->be || precis__seg_protected(s, j) || ends_title(s, k) ||
	    (had && hiragana(at(s, j, &m))))
		return j;
	add_cut(s, j, rc);
	return j;
}

/* The Arabic comma ends a sentence unless the next word ends with one too
 * ("الدم، والقلب، زرعها": a list of two). */
static size_t comma(seg_scan *s, size_t i, size_t l, uint32_t cp, int *rc)
{
	size_t j = i + l, k = precis__seg_skip_space(s, j), q = k, m;
	if (k == j || k >= s->be || precis__seg_protected(s, j))
		return j;
	while (q < s->be && q - k < SEG_MAX_WORD && !precis__seg_space_at(s, q, &m)) {
		if (at(s, q, &m) == cp)
			return j;
		q += m;
	}
	add_cut(s, j, rc);
	return j;
}

/* Does the weak terminator at i come again soon before or after, with no
 * other terminator between ("Terni, azioni 300; Montecatini, azioni
 * 2000; Ilva, azioni 500.")? Then it separates the items of a list. */
static bool weak_list(const seg_scan *s, size_t i, size_t l)
{
	size_t m;
	for (size_t q = i + l; q < s->be && q - i < 48; q += m) {
		unsigned f = seg_flags(s->r, at(s, q, &m));
		if (f & (SC_TERM | SC_WEAK)) {
			if (memcmp(s->t + q, s->t + i, l) == 0)
				return true;
			break;
		}
	}
	for (size_t q = i; q > s->bs && i - q < 48;) {
		q = seg_prev(s->t, s->bs, q);
		if (seg_flags(s->r, at(s, q, &m)) & (SC_TERM | SC_WEAK))
			return memcmp(s->t + q, s->t + i, l) == 0;
	}
	return false;
}

/*
 * A weak terminator ([weak] of the rules: ";" in Romance languages, where
 * the next word is lower case unless a new sentence starts) ends one
 * before a capitalized word, after a few words and not between the short
 * items of a list.
 */
static size_t weak(seg_scan *s, size_t i, size_t l, int *rc)
{
	bool had;
	seg_word w;
	size_t j = closers(s, i + l, &had);
	if (word_next(s, j, &w) && capital(w.cc) &&
	    precis__seg_words_before(s, i, 3) >= 3 && !weak_list(s, i, l))
		add_cut(s, j, rc);
	return j;
}

static size_t terminator(seg_scan *s, size_t i, int *rc)
{
	size_t l;
	uint32_t cp = at(s, i, &l);
	if (cp == '.')
		return period(s, i, rc);
	const seg_special *sp = precis__seg_special_find(s->r, cp);
	unsigned f = sp != NULL ? sp->flags : 0;
	if ((f & SC_ELLIPSIS) && (s->r->byteclass['.'] & SB_STOP)) {
		size_t e = i + l;
		while (e < s->be && (s->t[e] == '.' ||
				     (seg_flags(s->r, at(s, e, &l)) & SC_ELLIPSIS)))
			e += l;
		return dots(s, i, e, 3, rc);
	}
	if (f & SC_STRONG)
		return strong(s, i, l, rc);
	if (f & SC_STOP)
		return stop(s, i, l, cp, rc);
	if (f & SC_COMMA)
		return comma(s, i, l, cp, rc);
	if (f & SC_WEAK)
		return weak(s, i, l, rc);
	return i + l;
}

/* The first byte of t[i, lim) that may end a sentence (or lim). Eight,
 * then four bytes a step: terminators are tens of bytes apart. */
static size_t plain_run(const unsigned char *t, const unsigned char *cls,
			size_t i, size_t lim)
{
	const unsigned stop = SB_STOP | SB_LEAD;
	while (i + 8 <= lim && !((cls[t[i]] | cls[t[i + 1]] | cls[t[i + 2]] |
				  cls[t[i + 3]] | cls[t[i + 4]] | cls[t[i + 5]] |
				  cls[t[i + 6]] | cls[t[i + 7]]) & stop))
		i += 8;
	while (i + 4 <= lim && !((cls[t[i]] | cls[t[i + 1]] | cls[t[i + 2]] |
				  cls[t[i + 3]]) & stop))
		i += 4;
	while (i < lim && !(cls[t[i]] & stop))
		i++;
	return i;
}

int precis__seg_pass2(seg_scan *s)
{
	const unsigned char *t = (const unsigned char *)s->t;
	const unsigned char *cls = s->r->byteclass;
	size_t i = s->bs, m = 0;
	int rc = 0;
	s->cuts.n = 0;
	s->unit = s->bs;
	s->addr_at = SIZE_MAX;
	while (i < s->be && rc == 0) {
		size_t lim = m < s->marks.n ? s->marks.v[m].cut : s->be;
		i = plain_run(t, cls, i, lim);
		if (i >= lim && m < s->marks.n) {
			/* A list item starts here; its marker ends nothing. */
			add_cut(s, lim, &rc);
			if (i < s->marks.v[m].skip)
				i = s->marks.v[m].skip;
			m++;
			continue;
		}
		if (i < s->be)
			i = terminator(s, i, &rc);
	}
	return rc;
}
