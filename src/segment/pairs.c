/*
 * pairs.c - pass 1 over a block: matches quotes and brackets (a
 * terminator inside a short matched pair ends no sentence: "(He was an
 * engineer.) at", „Prieskumy … váhu. V podstate …“) and finds list markers
 * ("1.) The first item 2.) The second item", "• 9. … • 10. …").
 */
#include <stdlib.h>
#include <string.h>

#include "segment/internal.h"

/* Markers of one list further apart than this are not one list. */
#define SEG_LIST_GAP 250

static bool ascii_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Records a candidate; `first` when it opens the block. */
int precis__seg_add_cand(seg_scan *s, size_t cut, size_t skip, unsigned value,
			 int type)
{
	if (s->cand.n > 0 && s->cand.v[s->cand.n - 1].skip == skip)
		return 0; /* seen after its bullet already */
	if (PRECIS__VEC_RESERVE(&s->cand, s->cand.n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	s->cand.v[s->cand.n++] = (seg_cand){ cut, skip, value,
					     (unsigned char)type, cut == s->bs };
	return 0;
}

/* A numbered ("12." "3)" "1.)") or lettered ("b." "c)") list marker at p,
 * followed by a space; `cut` is where its item begins (its bullet). */
static int try_marker(seg_scan *s, size_t p, size_t cut)
{
	const char *t = s->t;
	size_t e = p;
	unsigned v = 0;
	while (e < s->be && e - p < 3 && t[e] >= '0' && t[e] <= '9')
		v = v * 10 + (unsigned)(t[e++] - '0');
	int type = e > p ? CAND_NUMBER : CAND_LETTER;
	if (e == p) {
		unsigned char c = (unsigned char)t[p] | 0x20;
		if (c < 'a' || c > 'z' || p + 2 >= s->be)
			return 0;
		v = c - 'a';
		/* "b." must be lower-case: "E. F. Hutton" are initials. */
		if (t[p + 1] == '.' && (t[p] < 'a' || t[p] > 'z'))
			return 0;
		e = p + 1;
	}
	if (e - p > 2 || e + 1 >= s->be || (t[e] != '.' && t[e] != ')'))
		return 0;
	e += (t[e] == '.' && t[e + 1] == ')') ? 2 : 1;
	if (e >= s->be || !ascii_space(t[e]))
		return 0;
	return precis__seg_add_cand(s, cut, e, v, type);
}

/* A cheap look before try_marker(): a digit, or a letter and ". )". */
static bool maybe_marker(const seg_scan *s, size_t p)
{
	if (p + 2 >= s->be)
		return false;
	unsigned char c = (unsigned char)s->t[p], d = (unsigned char)s->t[p + 1];
	if (c >= '0' && c <= '9')
		return d == '.' || d == ')' || (d >= '0' && d <= '9');
	c |= 0x20;
	return (d == '.' || d == ')') && c >= 'a' && c <= 'z';
}

/* Can a flattened line end at p, the start of a word (flat.c)? A cheap
 * look at its first byte, or at a comma before it. */
static bool flat_lead(const seg_scan *s, size_t p)
{
	unsigned char c = (unsigned char)s->t[p];
	if ((c >= '0' && c <= '9') || c == '*' || c == '=' || c == '_' ||
	    c == '~' || c == '#' || c == '+' || c == '-' || c == ':' || c == ';')
		return true;
	return p >= s->bs + 2 && s->t[p - 2] == ',';
}

/* ---- quotes and brackets ------------------------------------------------ */

static void protect(seg_scan *s, size_t lo, size_t hi)
{
	/* Pairs close inner-first: spans already kept inside this one go. */
	while (s->prot.n > 0 && s->prot.v[s->prot.n - 1].lo > lo)
		s->prot.n--;
	s->prot.v[s->prot.n++] = (seg_span){ lo, hi };
}

/* The flags of the last character before `pos` in the block that is no
 * white space, closer or invisible character; SC_TERM at the start. It
 * looks a few characters back at most, so pass 1 stays linear. */
static unsigned before_flags(const seg_scan *s, size_t pos)
{
	size_t l;
	for (int k = 0; k < 8 && pos > s->bs; k++) {
		pos = seg_prev(s->t, s->bs, pos);
		if (precis__seg_space_at(s, pos, &l))
			continue;
		unsigned f = seg_flags(s->r, seg_decode(s->t + pos, s->be - pos, &l));
		if (!(f & (SC_INVISIBLE | SC_CLOSE)))
			return f;
	}
	return pos > s->bs ? 0 : SC_TERM;
}

/*
 * Does a matched pair keep boundaries out of its inside? Brackets and the
 * CJK quotes always do ("(He was an engineer.) at", 《摔跤吧！爸爸》). A
 * Western quote holds whole sentences, which real text splits (UD: '"We
 * lost. He commits no tort."'), unless it is part of a sentence around it:
 * when it opens inside one ('His mother wrote, "He has … In short, …"') or
 * ends without a terminator („… váhu. V podstate …,“ reagoval).
 */
static bool protects(const seg_scan *s, size_t open, size_t close)
{
	uint32_t c = s->stack[s->depth].close;
	if (c == ')' || c == ']' || c == '}' || c >= 0x3000)
		return true;
	const unsigned ends = SC_TERM | SC_ELLIPSIS;
	return !(before_flags(s, open) & ends) || !(before_flags(s, close) & ends);
}

static int matched(seg_scan *s, size_t k, size_t pos)
{
	size_t open = s->stack[k].pos;
	s->depth = k;
	if (PRECIS__VEC_RESERVE(&s->closes, s->closes.n + 1) != 0 ||
	    PRECIS__VEC_RESERVE(&s->prot, s->prot.n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	s->closes.v[s->closes.n++] = pos;
	if (pos - open <= SEG_MAX_PAIR && protects(s, open, pos))
		protect(s, open, pos);
	return 0;
}

/* What is on either side of a quote at t[i, i + l). */
typedef struct quote_ctx {
	bool space_before, word_before, open_before; /* start counts as space */
	bool space_after, word_after;                 /* end counts as space */
} quote_ctx;

static bool is_word(int cc)
{
	return cc == CC_UPPER || cc == CC_LOWER || cc == CC_CASELESS ||
	       cc == CC_MARK || cc == CC_DIGIT;
}

static quote_ctx around(const seg_scan *s, size_t i, size_t l)
{
	quote_ctx q = { true, false, false, true, false };
	size_t n;
	if (i > s->bs) {
		size_t p = seg_prev(s->t, s->bs, i);
		uint32_t cp = seg_decode(s->t + p, s->be - p, &n);
		q.space_before = precis__seg_space_at(s, p, &n);
		q.word_before = is_word(precis__seg_cclass(cp));
		q.open_before = (seg_flags(s->r, cp) & (SC_OPEN | SC_DASH)) != 0;
	}
	if (i + l < s->be) {
		q.space_after = precis__seg_space_at(s, i + l, &n);
		q.word_after = is_word(precis__seg_cclass(seg_decode(s->t + i + l,
							     s->be - i - l, &n)));
	}
	return q;
}

/*
 * Straight quotes and apostrophes say by their neighbours which way they
 * face: one after a space and before a word opens ("Just), one after a
 * word or a period and before a space closes (this,"). ' and ’ between
 * letters or before one ("Let's", "'90s", "Putin’s") are apostrophes.
 */
static void quote_roles(const seg_scan *s, size_t i, size_t l, uint32_t cp,
			bool *may_open, bool *may_close)
{
	if (cp != '"' && cp != '\'' && cp != 0x2019)
		return;
	quote_ctx q = around(s, i, l);
	bool opens = !q.space_after && (q.space_before || q.open_before);
	bool closes = !q.space_before && !q.word_after;
	if (cp == '"' && !opens && !closes)
		return; /* " between spaces or between letters: either way */
	*may_open = *may_open && opens && (cp == '"' || q.word_after);
	*may_close = *may_close && closes;
}

static int pair_char(seg_scan *s, size_t i, size_t l, uint32_t cp,
		     const seg_special *sp)
{
	bool may_open = (sp->flags & SC_OPEN) != 0;
	bool may_close = (sp->flags & SC_CLOSE) != 0;
	quote_roles(s, i, l, cp, &may_open, &may_close);
	/* A closer matches one of the few innermost open pairs. */
	for (size_t k = s->depth; may_close && k > 0 && s->depth - k < 4; k--)
		if (s->stack[k - 1].close == cp)
			return matched(s, k - 1, i);
	if (may_open && s->depth < SEG_STACK)
		s->stack[s->depth++] = (seg_open){ i, sp->close };
	return 0;
}

/* A bullet counts when it starts the block or follows white space. */
static int bullet(seg_scan *s, size_t i, size_t l)
{
	size_t n;
	if (i > s->bs && !precis__seg_space_at(s, seg_prev(s->t, s->bs, i), &n))
		return 0;
	int rc = precis__seg_add_cand(s, i, i + l, 0, CAND_BULLET);
	size_t p = i + l;
	if (p < s->be && ascii_space(s->t[p]))
		p++;
	return rc != 0 ? rc : p < s->be ? try_marker(s, p, i) : 0;
}

static int special(seg_scan *s, size_t i, size_t l, uint32_t cp)
{
	const seg_special *sp = precis__seg_special_find(s->r, cp);
	if (sp == NULL)
		return 0;
	if (sp->flags & (SC_OPEN | SC_CLOSE))
		return pair_char(s, i, l, cp, sp);
	if (sp->flags & SC_BULLET)
		return bullet(s, i, l);
	if ((sp->flags & SC_SPACE) && i + l < s->be)
		return try_marker(s, i + l, i + l);
	return 0;
}

/* ---- deciding the list markers ------------------------------------------ */

static int accept(seg_scan *s, const seg_cand *c)
{
	if (s->marks.n > 0 && s->marks.v[s->marks.n - 1].cut == c->cut) {
		s->marks.v[s->marks.n - 1].skip = c->skip; /* bullet + number */
		return 0;
	}
	if (PRECIS__VEC_RESERVE(&s->marks, s->marks.n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	s->marks.v[s->marks.n++] = (seg_marker){ c->cut, c->skip };
	return 0;
}

/*
 * A marker is one of a list when the one before it of its type has the
 * value before its own (lettered lists start at "a"); a number opening the
 * block is a list item alone ("1. The first item"); bullets make a list
 * from two on.
 */
static void pick_markers(seg_scan *s, unsigned char *ok)
{
	size_t last[2] = { SIZE_MAX, SIZE_MAX }, bullets = 0;
	unsigned root[2] = { 0, 0 };
	for (size_t i = 0; i < s->cand.n; i++) {
		const seg_cand *c = &s->cand.v[i];
		if (c->type == CAND_BULLET) {
			bullets++;
			continue;
		}
		if (c->type == CAND_CUT) {
			ok[i] = 1;
			continue;
		}
		size_t p = last[c->type];
		bool next = p != SIZE_MAX && c->value == s->cand.v[p].value + 1
			&& c->cut - s->cand.v[p].cut <= SEG_LIST_GAP;
		root[c->type] = next ? root[c->type] : c->value;
		if (next && (c->type == CAND_NUMBER || root[c->type] == 0))
			ok[p] = ok[i] = 1;
		if (c->first && c->type == CAND_NUMBER)
			ok[i] = 1;
		last[c->type] = i;
	}
	for (size_t i = 0; i < s->cand.n; i++)
		if (s->cand.v[i].type == CAND_BULLET && bullets >= 2)
			ok[i] = 1;
}

static int markers(seg_scan *s)
{
	unsigned char small[64];
	unsigned char *ok = s->cand.n <= sizeof small ? small
						      : calloc(s->cand.n, 1);
	if (ok == NULL)
		return PRECIS_ERR_NOMEM;
	memset(ok, 0, s->cand.n <= sizeof small ? sizeof small : 0);
	pick_markers(s, ok);
	int rc = 0;
	for (size_t i = 0; i < s->cand.n && rc == 0; i++)
		if (ok[i])
			rc = accept(s, &s->cand.v[i]);
	if (ok != small)
		free(ok);
	return rc;
}

int precis__seg_pass1(seg_scan *s)
{
	const unsigned char *t = (const unsigned char *)s->t;
	const unsigned char *cls = s->r->byteclass;
	const unsigned want = SB_PAIR | SB_LEAD | SB_SPACE | SB_NL;
	const size_t be = s->be;
	s->prot.n = s->closes.n = s->marks.n = s->cand.n = 0;
	s->depth = 0;
	int rc = try_marker(s, s->bs, s->bs);
	if (rc == 0)
		rc = precis__seg_flat(s, s->bs);
	for (size_t i = s->bs; i < be && rc == 0;) {
		/* The bytes between the ones asked about, in a loop of their
		 * own (a register loop; with the calls around it, twice the
		 * instructions a byte). Runs are a word long: stepping four
		 * bytes at a time cost more than it saved. */
		while (i < be && !(cls[t[i]] & want))
			i++;
		if (i == be)
			return markers(s);
		unsigned k = cls[t[i]];
		if (k & (SB_SPACE | SB_NL)) {
			/* Most spaces come before a word that opens no marker
			 * ("b." "c)") and no flattened line (no comma before
			 * the space): a letter not followed by '.' or ')'. */
			if (++i + 1 < be && (cls[t[i]] & (SB_LOWER | SB_UPPER)) &&
			    t[i + 1] != '.' && t[i + 1] != ')' &&
			    (i < s->bs + 2 || t[i - 2] != ','))
				continue;
			rc = maybe_marker(s, i) ? try_marker(s, i, i) : 0;
			if (rc == 0 && i < be && flat_lead(s, i))
				rc = precis__seg_flat(s, i);
			continue;
		}
		size_t l = 1;
		uint32_t cp = t[i] < 128 ? t[i] : seg_decode(s->t + i, s->be - i, &l);
		rc = special(s, i, l, cp);
		i += l;
	}
	return rc != 0 ? rc : markers(s);
}
