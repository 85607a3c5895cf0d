/*
 * segment.c - paragraphs, lines and units. The input is cut into lines; a
 * blank line ends a paragraph; consecutive lines of a paragraph form one
 * block when they belong together (see joins()), otherwise each line is a
 * block of its own, so a line without terminal punctuation (a headline, a
 * list item, "Tags:") is a unit of its own. Each block is scanned by
 * pairs.c and scan.c, and the pieces between the cuts
 * become units, trimmed, with noise (no letter or digit at all) dropped
 * or, for a lossless split, kept as units of its own kind.
 */
#include <stdlib.h>
#include <string.h>

#include "segment/internal.h"

typedef struct line {
	size_t lo, hi; /* content, without the line break and a CR before it */
	size_t next;   /* start of the next line */
} line;

static line line_at(const char *t, size_t len, size_t pos)
{
	const char *nl = memchr(t + pos, '\n', len - pos);
	line ln = { pos, nl ? (size_t)(nl - t) : len, 0 };
	ln.next = nl ? ln.hi + 1 : len;
	if (ln.hi > ln.lo && t[ln.hi - 1] == '\r')
		ln.hi--;
	return ln;
}

/* White space of any kind, and invisible format characters. */
static bool blankish(const precis__segrules *r, const char *t, size_t i,
		     size_t end, size_t *l)
{
	unsigned char b = (unsigned char)t[i];
	*l = 1;
	if (b < 128)
		return (r->byteclass[b] & (SB_SPACE | SB_NL)) != 0;
	uint32_t cp = seg_decode(t + i, end - i, l);
	return (seg_flags(r, cp) & (SC_SPACE | SC_INVISIBLE)) != 0;
}

static size_t skip_blank(const precis__segrules *r, const char *t, size_t i,
			 size_t end)
{
	size_t l;
	while (i < end && blankish(r, t, i, end, &l))
		i += l;
	return i;
}

/* The position after the last non-blank character of t[lo, hi). */
static size_t trim_end(const precis__segrules *r, const char *t, size_t lo,
		       size_t hi)
{
	size_t l;
	while (hi > lo) {
		size_t p = seg_prev(t, lo, hi);
		if (!blankish(r, t, p, hi, &l))
			break;
		hi = p;
	}
	return hi;
}

/* ---- joining lines ------------------------------------------------------ */

/* Does the line start a list item ("- ", "* ", a bullet, "1.", "2)")? */
static bool list_line(const precis__segrules *r, const char *t, line ln)
{
	size_t i = skip_blank(r, t, ln.lo, ln.hi), l;
	if (i + 1 < ln.hi && (t[i] == '-' || t[i] == '*') && t[i + 1] == ' ')
		return true;
	if (i < ln.hi && (seg_flags(r, seg_decode(t + i, ln.hi - i, &l)) &
			  SC_BULLET))
		return true;
	size_t d = i;
	while (d < ln.hi && d - i < 3 && t[d] >= '0' && t[d] <= '9')
		d++;
	return d > i && d < ln.hi && (t[d] == '.' || t[d] == ')');
}

static bool ends_open_cjk(const char *t, size_t lo, size_t hi)
{
	if (hi <= lo)
		return false;
	size_t l, p = seg_prev(t, lo, hi);
	uint32_t c = seg_decode(t + p, hi - p, &l);
	return (c >= 0x3041 && c <= 0x309F) || c == 0x3001 || c == 0xFF0C;
}

/*
 * Lines join when the text is hard-wrapped (PRECIS__SEG_JOIN_LINES, but not
 * before a list item), when a line ends in a space and the next goes on in
 * lower case ("It was a cold \nnight"), and, where the language asks, when
 * a Japanese or Chinese line breaks after a particle or a comma.
 */
static bool joins(const precis__segrules *r, const char *t, line prev,
		  line next, unsigned flags)
{
	size_t i = skip_blank(r, t, next.lo, next.hi), l;
	if (i == next.hi || prev.hi == prev.lo)
		return false;
	if (flags & PRECIS__SEG_JOIN_LINES)
		return !list_line(r, t, next);
	uint32_t first = seg_decode(t + i, next.hi - i, &l);
	char last = t[prev.hi - 1];
	if ((last == ' ' || last == '\t') && precis__seg_cclass(first) == CC_LOWER)
		return true;
	return (r->options & OPT_JOIN_CJK_LINES) && precis__seg_is_cjk(first) &&
	       ends_open_cjk(t, prev.lo, trim_end(r, t, prev.lo, prev.hi));
}

/* ---- units -------------------------------------------------------------- */

typedef struct emitter {
	const precis__segrules *r;
	const char *t;
	precis__units *out;
	size_t para;    /* index of the current paragraph */
	bool para_used; /* it holds a unit other than noise already */
	bool keep;      /* PRECIS__SEG_KEEP_NOISE */
} emitter;

static bool has_alnum(const char *t, size_t lo, size_t hi)
{
	for (size_t i = lo, l; i < hi; i += l) {
		int cc = precis__seg_cclass(seg_decode(t + i, hi - i, &l));
		if (cc == CC_UPPER || cc == CC_LOWER || cc == CC_CASELESS ||
		    cc == CC_DIGIT)
			return true;
	}
	return false;
}

/* Strips a trailing omission mark ("teaser … meaning. […]"). */
static size_t strip_marks(const emitter *e, size_t lo, size_t hi)
{
	static const char *const marks[] = { "[\xE2\x80\xA6]", "[...]",
					     "(\xE2\x80\xA6)", "(...)" };
	for (bool again = true; again;) {
		again = false;
		/* Every mark ends in ']' or ')': most units end otherwise. */
		if (hi == lo || (e->t[hi - 1] != ']' && e->t[hi - 1] != ')'))
			break;
		for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
			size_t n = strlen(marks[k]);
			if (hi - lo > n && memcmp(e->t + hi - n, marks[k], n) == 0) {
				hi = trim_end(e->r, e->t, lo, hi - n);
				again = true;
			}
		}
	}
	return hi;
}

/* Does t[lo, hi) end in terminal punctuation, closing quotes aside? */
static bool terminated(const emitter *e, size_t lo, size_t hi)
{
	while (hi > lo) {
		size_t p = seg_prev(e->t, lo, hi), l;
		uint32_t cp = seg_decode(e->t + p, hi - p, &l);
		unsigned f = seg_flags(e->r, cp);
		if (f & (SC_TERM | SC_ELLIPSIS))
			return true;
		if (!(f & (SC_CLOSE | SC_INVISIBLE)))
			return false;
		hi = p;
	}
	return false;
}

static int emit(emitter *e, size_t lo, size_t hi, bool line_end)
{
	lo = skip_blank(e->r, e->t, lo, hi);
	hi = trim_end(e->r, e->t, lo, hi);
	if (!e->keep)
		hi = strip_marks(e, lo, hi);
	bool noise = !has_alnum(e->t, lo, hi); /* "+", "***", "[…]" */
	if (lo == hi || (noise && !e->keep))
		return 0;
	if (e->para > UINT32_MAX)
		return PRECIS_ERR_LIMIT; /* precis__unit's paragraph */
	if (PRECIS__VEC_RESERVE(e->out, e->out->n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	bool is_line = line_end && !terminated(e, lo, hi);
	e->out->v[e->out->n++] = (precis__unit){
		lo, hi, (uint32_t)e->para,
		(unsigned char)(noise ? PRECIS_UNIT_NOISE : is_line ? PRECIS_UNIT_LINE
								     : PRECIS_UNIT_SENTENCE)
	};
	e->para_used = e->para_used || !noise;
	return 0;
}

static int block(seg_scan *s, emitter *e, size_t bs, size_t be)
{
	s->bs = bs;
	s->be = be;
	int rc = precis__seg_pass1(s);
	if (rc == 0)
		rc = precis__seg_pass2(s);
	size_t a = bs;
	for (size_t i = 0; i < s->cuts.n && rc == 0; i++) {
		rc = emit(e, a, s->cuts.v[i], false);
		a = s->cuts.v[i];
	}
	return rc != 0 ? rc : emit(e, a, be, true);
}

static void scratch_free(seg_scan *s)
{
	free(s->prot.v);
	free(s->closes.v);
	free(s->marks.v);
	free(s->cand.v);
	free(s->cuts.v);
}

/* Lines from `first` that make one block; *pos moves past them. */
static line gather(const precis__segrules *r, const char *t, size_t len,
		   line first, unsigned flags, size_t *pos)
{
	line blk = first, last = first;
	*pos = first.next;
	while (*pos < len) {
		line nx = line_at(t, len, *pos);
		if (skip_blank(r, t, nx.lo, nx.hi) == nx.hi ||
		    !joins(r, t, last, nx, flags))
			break;
		blk.hi = nx.hi;
		last = nx;
		*pos = nx.next;
	}
	return blk;
}

int precis__segment(const precis__segrules *rules, const char *text,
		    size_t len, unsigned flags, precis__units *out,
		    precis_error *err)
{
	seg_scan s = { .r = rules, .t = text };
	emitter e = { .r = rules, .t = text, .out = out,
		      .keep = (flags & PRECIS__SEG_KEEP_NOISE) != 0 };
	int rc = 0;
	for (size_t pos = 0; pos < len && rc == 0;) {
		line ln = line_at(text, len, pos);
		if (skip_blank(rules, text, ln.lo, ln.hi) == ln.hi) {
			e.para += e.para_used; /* a blank line ends a paragraph */
			e.para_used = false;
			pos = ln.next;
			continue;
		}
		line blk = gather(rules, text, len, ln, flags, &pos);
		rc = block(&s, &e, blk.lo, blk.hi);
	}
	out->paragraphs = e.para + e.para_used;
	scratch_free(&s);
	if (rc == PRECIS_ERR_LIMIT)
		return precis__fail(err, rc, "more than 2^32 paragraphs");
	return rc != 0 ? precis__fail(err, rc, NULL) : 0;
}

/*
 * Where a stream may be cut: no unit spans a blank line and paragraphs only
 * count, so the text before the end of a blank line splits the same alone as
 * inside the whole. Only ASCII white space is trusted here, because the
 * bytes are not yet checked as UTF-8; a blank line of other spaces is merely
 * not a cut, which costs memory, never a different split.
 */
size_t precis__segment_cut(const precis__segrules *r, const char *t,
			   size_t len, size_t *from)
{
	size_t cut = 0, pos = *from;
	for (;;) {
		const char *nl = memchr(t + pos, '\n', len - pos);
		if (nl == NULL)
			break;
		size_t end = (size_t)(nl - t), i = pos;
		while (i < end && (unsigned char)t[i] < 128 &&
		       (r->byteclass[(unsigned char)t[i]] & (SB_SPACE | SB_NL)))
			i++;
		pos = end + 1;
		if (i == end)
			cut = pos;
	}
	*from = pos;
	return cut;
}

void precis__units_free(precis__units *units)
{
	if (units == NULL)
		return;
	free(units->v);
	units->v = NULL;
	units->n = units->cap = 0;
}
