/*
 * html_text.c - the kept nodes as plain text, with pieces mapping it back.
 *
 * Layout rules (CSS normal flow, simplified): runs of white space collapse
 * to one space and vanish at line starts and ends, except inside <pre>;
 * NBSP and the other Unicode spaces are spaces; soft hyphens, zero-width
 * spaces, stray BOMs and control characters vanish. Blocks (p, div, h1,
 * li...) start a new paragraph, separated by one blank line; list items,
 * table rows, nested lists and a single <br> start a new line; two <br>s
 * in a row make a
 * paragraph break, because many pages separate paragraphs that way; table
 * cells are separated by a space.
 *
 * Pieces: each output stretch that is a byte-for-byte copy of contiguous
 * source becomes one piece (extended while both sides stay contiguous);
 * an entity's expansion is a piece of its own. Pieces are first found in
 * the UTF-8 buffer's coordinates, then split where the charset map's runs
 * change width and translated to the original bytes, so that inside every
 * piece the source advances at a constant rate per output byte.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

enum { BRK_NONE, BRK_LINE, BRK_PARA };

typedef struct {
	const precis__html_decoded *dec;
	const precis__html_cuts *cuts;
	size_t glen; /* length of the guarded buffer gumbo parsed */
	char *out;
	size_t len, cap;
	precis__html_piece *pc;
	size_t npc, pcap;
	int brk;     /* pending break before the next text */
	int space;   /* pending space before the next text */
	int space_copy;   /* ...which is one source space, at space_src */
	size_t space_src;
	int pre;     /* depth of <pre>-like elements */
	int br_run;  /* <br>s since the last text */
	int lists;   /* depth of ul/ol/dl */
	size_t base; /* UTF-8 offset of the current text node's source */
	const char *t; /* the current text node's decoded text */
	int rc;
} render;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 256;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			return PRECIS__HTML_ERR_NOMEM;
		c *= 2;
	}
	void *q = realloc(*p, c * size);
	if (!q)
		return PRECIS__HTML_ERR_NOMEM;
	*p = q;
	*cap = c;
	return 0;
}

static void add_piece(render *r, size_t out, size_t olen, size_t src,
		      size_t slen)
{
	if (r->npc) {
		precis__html_piece *l = &r->pc[r->npc - 1];
		if (l->out_off + l->out_len == out && l->src_off + l->src_len == src &&
		    l->out_len == l->src_len && olen == slen) {
			l->out_len += olen;
			l->src_len += slen;
			return;
		}
	}
	if (grow((void **)&r->pc, &r->pcap, r->npc + 1, sizeof(*r->pc))) {
		r->rc = PRECIS__HTML_ERR_NOMEM;
		return;
	}
	r->pc[r->npc++] = (precis__html_piece){out, olen, src, slen};
}

/* Output [out, out+n) is a copy of decoded text [d, d+n): split where the
 * charset map changes widths, so each piece advances uniformly. */
static void map_decoded(render *r, size_t out, size_t n, size_t d)
{
	const precis__html_decoded *dec = r->dec;
	size_t k = dec->nruns > 1 ? precis__html_run_at(dec, d) : 0;
	while (n && !r->rc) {
		size_t stop = k + 1 < dec->nruns ? dec->runs[k + 1].dst : SIZE_MAX;
		size_t m = stop - d < n ? stop - d : n;
		size_t s0 = precis__html_decoded_src(dec, d);
		add_piece(r, out, m, s0, precis__html_decoded_src(dec, d + m) - s0);
		out += m, d += m, n -= m, k++;
	}
}

/* Decoded offset just past guarded byte at-1 (ends never jump a cut). */
static size_t cut_end(const render *r, size_t at)
{
	return at ? precis__html_cut_src(r->cuts, at - 1) + 1
		  : precis__html_cut_src(r->cuts, 0);
}

/* Output [out, out+olen) came from guarded [g, g+glen): in source terms.
 * A copy (olen == glen) is split at cuts and charset runs and maps byte
 * for byte; anything else (an entity) is one piece. */
static void map_piece(render *r, size_t out, size_t olen, size_t g,
		      size_t glen)
{
	const precis__html_cuts *c = r->cuts;
	if (olen != glen) {
		size_t s0 = precis__html_decoded_src(r->dec, precis__html_cut_src(c, g));
		size_t s1 = precis__html_decoded_src(r->dec, cut_end(r, g + glen));
		add_piece(r, out, olen, s0, s1 > s0 ? s1 - s0 : 0);
		return;
	}
	size_t k = c->n ? precis__html_cut_at(c, g) : 0;
	while (olen && !r->rc) {
		size_t stop = k + 1 < c->n ? c->v[k + 1].g : SIZE_MAX;
		size_t m = stop - g < olen ? stop - g : olen;
		map_decoded(r, out, m, precis__html_cut_src(c, g));
		out += m, g += m, olen -= m, k++;
	}
}

static void put(render *r, const char *p, size_t n)
{
	if (grow((void **)&r->out, &r->cap, r->len + n + 3, 1)) {
		r->rc = PRECIS__HTML_ERR_NOMEM;
		return;
	}
	memcpy(r->out + r->len, p, n);
	r->len += n;
}

static void map_piece(render *r, size_t out, size_t olen, size_t g,
		      size_t glen);

/* Writes the pending separator before text. A space that copies one
 * source space is mapped too, so a paragraph's words form one piece. */
static void separate(render *r)
{
	if (r->len && r->brk) {
		put(r, "\n\n", r->brk == BRK_PARA ? 2 : 1);
	} else if (r->len && r->space && r->out[r->len - 1] != '\n') {
		put(r, " ", 1);
		if (r->space_copy)
			map_piece(r, r->len - 1, 1, r->space_src, 1);
	}
	r->brk = BRK_NONE;
	r->space = 0;
	r->space_copy = 0;
	r->br_run = 0;
}

enum { C_TEXT, C_SPACE, C_DROP, C_BAD };

/* Classifies the character at p, whose length goes to *k. */
static int char_class(const unsigned char *p, size_t n, size_t *k)
{
	*k = precis__html_utf8_seq(p, n);
	if (!*k) {
		/* Not UTF-8, though the page was decoded: gumbo 0.10 turns a
		 * numeric reference past 2^31 ("&#x5EEEEEEEE;") into a bad
		 * byte. */
		*k = 1;
		return C_BAD;
	}
	unsigned c = p[0];
	if (c < 0x80) {
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
			return C_SPACE;
		return (c < 0x20 || c == 0x7F) ? C_DROP : C_TEXT;
	}
	if (*k < 2)
		return C_TEXT;
	if (c == 0xC2) /* NBSP; C1 controls and the soft hyphen vanish */
		return p[1] == 0xA0 ? C_SPACE
		       : (p[1] < 0xA0 || p[1] == 0xAD) ? C_DROP : C_TEXT;
	if (*k < 3)
		return C_TEXT;
	if (c == 0xE2 && p[1] == 0x80) /* U+2000-200A, 202F; U+200B */
		return (p[2] <= 0x8A || p[2] == 0xAF) ? C_SPACE
		       : p[2] == 0x8B ? C_DROP : C_TEXT;
	if ((c == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) ||
	    (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80))
		return C_SPACE; /* U+205F, U+3000 */
	if (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return C_DROP; /* U+FEFF */
	return C_TEXT;
}

/* Writes text whose source is [u, u+ulen); `exact` when it is a byte copy
 * of that source, else *first records where the output began. */
static void emit(render *r, const char *p, size_t n, size_t u, size_t ulen,
		 int exact, size_t *first)
{
	separate(r);
	size_t o = r->len;
	put(r, p, n);
	if (exact)
		map_piece(r, o, n, u, ulen);
	else if (*first == SIZE_MAX)
		*first = o;
}

/* Renders t[0..n), which came from UTF-8 [u, u+ulen); exact spans have
 * n == ulen and map byte by byte. */
static void text_run(render *r, const char *t, size_t n, size_t u, size_t ulen,
		     int exact)
{
	size_t first = SIZE_MAX, k;
	for (size_t i = 0; i < n && !r->rc; i += k) {
		int cls = char_class((const unsigned char *)t + i, n - i, &k);
		if (cls == C_DROP)
			continue;
		if (cls == C_SPACE && !r->pre) {
			r->space_copy = !r->space && exact && t[i] == ' ';
			r->space_src = u + i;
			r->space = 1;
		} else if (cls == C_SPACE && t[i] == '\n') {
			r->brk = r->brk == BRK_NONE ? BRK_LINE : BRK_PARA;
		} else if (cls == C_SPACE) {
			emit(r, " ", 1, u + i, k, exact && k == 1, &first);
		} else if (cls == C_BAD) {
			emit(r, "\xEF\xBF\xBD", 3, u + i, k, 0, &first);
			if (exact && !r->rc) /* mapped to the byte it replaces */
				map_piece(r, r->len - 3, 3, u + i, k);
		} else {
			size_t j = i + k, k2;
			while (j < n && char_class((const unsigned char *)t + j, n - j, &k2) == C_TEXT)
				j += k2;
			emit(r, t + i, j - i, u + i, j - i, exact, &first);
			k = j - i;
		}
	}
	if (!exact && first != SIZE_MAX)
		map_piece(r, first, r->len - first, u, ulen);
}

static int on_span(void *ctx, const precis__html_span *sp)
{
	render *r = ctx;
	text_run(r, r->t + sp->t, sp->tlen, r->base + sp->s, sp->slen,
		 sp->tlen == sp->slen);
	return r->rc;
}

static void text_node(render *r, const GumboNode *g)
{
	const GumboText *tx = &g->v.text;
	const char *s = tx->original_text.data;
	size_t sn = tx->original_text.length, tn = strlen(tx->text);
	const precis__html_decoded *d = r->dec;
	r->t = tx->text;
	if (!s || s < d->text || sn > r->glen ||
	    s - d->text > (ptrdiff_t)(r->glen - sn)) {
		/* text gumbo made up: map it to where it was inserted */
		size_t at = tx->start_pos.offset < r->glen ? tx->start_pos.offset
							    : r->glen;
		r->base = at;
		text_run(r, tx->text, tn, at, 0, 0);
		return;
	}
	r->base = (size_t)(s - d->text);
	int rc = precis__html_align(tx->text, tn, s, sn, on_span, r);
	if (rc && !r->rc)
		r->rc = rc;
}

static void set_brk(render *r, int level)
{
	if (r->brk < level)
		r->brk = level;
}

static int is_pre(unsigned tag)
{
	return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
	       tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT;
}

/* An element's start or end: the break or space it implies. */
static void boundary(render *r, unsigned tag, int open)
{
	if (tag == GUMBO_TAG_BR) {
		if (open)
			set_brk(r, r->br_run++ ? BRK_PARA : BRK_LINE);
	} else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
		r->space = 1;
	} else if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT ||
		   tag == GUMBO_TAG_DD || tag == GUMBO_TAG_TR) {
		set_brk(r, BRK_LINE);
	} else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
		   tag == GUMBO_TAG_DL) {
		/* a list nested in a list continues it line by line */
		r->lists += open ? 1 : -1;
		set_brk(r, r->lists > (open ? 1 : 0) ? BRK_LINE : BRK_PARA);
	} else if (precis__html_tag_is_block(tag)) {
		set_brk(r, BRK_PARA);
	}
	if (is_pre(tag))
		r->pre += open ? 1 : -1;
}

typedef struct {
	uint32_t end;
	uint16_t tag;
} open_el;

static int walk(render *r, const precis__html_dom *dom, const uint8_t *keep)
{
	open_el *st = NULL;
	size_t sp = 0, cap = 0;
	for (size_t i = 0; i < dom->nnodes && !r->rc;) {
		const precis__html_node *n = &dom->nodes[i];
		while (sp && i >= st[sp - 1].end)
			boundary(r, st[--sp].tag, 0);
		if (!(keep[i] & PRECIS__HTML_KEEP)) {
			i = n->end;
			continue;
		}
		if (n->tag == PRECIS__HTML_TAG_TEXT) {
			text_node(r, n->g);
			i++;
			continue;
		}
		if (grow((void **)&st, &cap, sp + 1, sizeof(*st))) {
			r->rc = PRECIS__HTML_ERR_NOMEM;
			break;
		}
		boundary(r, n->tag, 1);
		st[sp++] = (open_el){n->end, n->tag};
		i++;
	}
	free(st);
	return r->rc;
}

int precis__html_render(const precis__html_dom *dom, const uint8_t *keep,
			const precis__html_cuts *cuts,
			const precis__html_decoded *dec,
			precis__html_result *res)
{
	render r = {0};
	r.dec = dec;
	r.cuts = cuts;
	r.glen = dom->len;
	put(&r, "", 0);
	if (!r.rc)
		walk(&r, dom, keep);
	if (r.rc) {
		free(r.out);
		free(r.pc);
		return r.rc;
	}
	r.out[r.len] = '\0';
	res->text = r.out;
	res->text_len = r.len;
	res->pieces = r.pc;
	res->npieces = r.npc;
	return 0;
}
