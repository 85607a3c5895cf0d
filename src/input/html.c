/*
 * html.c - main-content extraction: the stages in order, and the map from
 * output spans to source spans.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

#define DEFAULT_DEPTH 256
/* gumbo holds about 8-15 bytes per input byte on real pages (nodes,
 * decoded copies of text and attributes): allow 64 per byte plus a floor. */
#define MEMORY_PER_BYTE 64
#define MEMORY_FLOOR ((size_t)256 << 20)

static size_t memory_limit(const precis__html_options *opt, size_t len)
{
	if (opt && opt->max_memory)
		return opt->max_memory;
	if (len > (SIZE_MAX - MEMORY_FLOOR) / MEMORY_PER_BYTE)
		return SIZE_MAX;
	return MEMORY_FLOOR + len * MEMORY_PER_BYTE;
}

static int empty_string(char **p, size_t *len)
{
	*p = malloc(1);
	if (!*p)
		return PRECIS__HTML_ERR_NOMEM;
	**p = '\0';
	*len = 0;
	return 0;
}

/* The source bytes of element `node` (its tags included), so that a title
 * set apart from the text still points into the page. */
static void title_span(precis__html_result *out, const precis__html_dom *dom,
		       size_t node, const precis__html_cuts *cuts,
		       const precis__html_decoded *dec)
{
	if (node == 0 || node >= dom->nnodes ||
	    dom->nodes[node].g->type != GUMBO_NODE_ELEMENT)
		return;
	const GumboElement *e = &dom->nodes[node].g->v.element;
	if (e->original_tag.length == 0)
		return; /* an element the parser made up: no bytes of its own */
	size_t a = e->start_pos.offset;
	size_t b = e->original_end_tag.length ?
		e->end_pos.offset + e->original_end_tag.length :
		a + e->original_tag.length;
	if (b > dom->len || a >= b)
		return;
	size_t s0 = precis__html_decoded_src(dec, precis__html_cut_src(cuts, a));
	size_t s1 = precis__html_decoded_src(dec, precis__html_cut_src(cuts, b));
	if (s1 > s0) {
		out->title_src_off = s0;
		out->title_src_len = s1 - s0;
	}
}

/* Everything after decoding: parse, choose, render, title. */
static int extract_decoded(precis__html_result *out, precis__html_decoded *dec,
			   const precis__html_options *opt)
{
	precis__html_dom dom;
	precis__html_cuts cuts;
	unsigned depth = opt && opt->max_depth ? opt->max_depth : DEFAULT_DEPTH;
	size_t glen = dec->len;
	if (dec->len >= UINT32_MAX)
		return PRECIS__HTML_ERR_LIMIT;
	int rc = precis__html_guard(dec->text, &glen, depth, &cuts, NULL);
	if (rc)
		return rc;
	rc = precis__html_dom_parse(&dom, dec->text, glen,
				    memory_limit(opt, dec->len));
	if (rc) {
		precis__html_cuts_free(&cuts);
		return rc;
	}
	uint8_t *keep = calloc(dom.nnodes, 1);
	size_t root = 0;
	rc = keep ? precis__html_select(&dom, keep, &root) : PRECIS__HTML_ERR_NOMEM;
	if (!rc)
		rc = precis__html_render(&dom, keep, &cuts, dec, out);
	size_t node = 0;
	if (!rc)
		rc = precis__html_title(&dom, root, out, &node);
	if (!rc)
		title_span(out, &dom, node, &cuts, dec);
	free(keep);
	precis__html_dom_free(&dom);
	precis__html_cuts_free(&cuts);
	return rc;
}

int precis__html_extract(precis__html_result *out, const char *page,
			 size_t len, const precis__html_options *opt)
{
	precis__html_decoded dec;
	char cs[32];
	size_t bom;
	memset(out, 0, sizeof(*out));
	if (!page && len)
		return PRECIS__HTML_ERR_ARG;
	if (len >= UINT32_MAX)
		return PRECIS__HTML_ERR_LIMIT;
	if (!page)
		page = "";
	precis__html_sniff((const unsigned char *)page, len,
			   opt ? opt->charset : NULL, cs, &bom);
	int rc = precis__html_decode(&dec, page, len, bom, cs);
	if (!rc) {
		rc = extract_decoded(out, &dec, opt);
		memcpy(out->charset, dec.charset, sizeof(out->charset));
	}
	precis__html_decoded_free(&dec);
	if (!rc && !out->text)
		rc = empty_string(&out->text, &out->text_len);
	if (!rc && !out->title)
		rc = empty_string(&out->title, &out->title_len);
	if (rc)
		precis__html_result_free(out);
	return rc;
}

void precis__html_result_free(precis__html_result *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->title);
	free(r->pieces);
	memset(r, 0, sizeof(*r));
}

/* Index of the first piece ending after `off`. */
static size_t piece_after(const precis__html_result *r, size_t off)
{
	size_t lo = 0, hi = r->npieces;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const precis__html_piece *p = &r->pieces[mid];
		if (p->out_off + p->out_len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Source position of output `off` inside piece p, rounded down or up. */
static size_t inside(const precis__html_piece *p, size_t off, int up)
{
	if (off <= p->out_off)
		return p->src_off;
	uint64_t d = off - p->out_off;
	if (d >= p->out_len)
		return p->src_off + p->src_len;
	uint64_t num = d * (uint64_t)p->src_len;
	uint64_t s = num / p->out_len + (up && num % p->out_len ? 1 : 0);
	return p->src_off + (size_t)(s < p->src_len ? s : p->src_len);
}

int precis__html_map(const precis__html_result *r, size_t off, size_t len,
		     size_t *src_off, size_t *src_len)
{
	if (!r || off > r->text_len || len > r->text_len - off)
		return PRECIS__HTML_ERR_ARG;
	size_t a = piece_after(r, off);
	if (a >= r->npieces || (len && r->pieces[a].out_off >= off + len))
		return PRECIS__HTML_ERR_ARG;
	size_t b = len ? piece_after(r, off + len - 1) : a;
	if (b >= r->npieces || r->pieces[b].out_off >= off + len)
		b = b ? b - 1 : 0; /* the span ends in a gap: its last piece */
	size_t s0 = inside(&r->pieces[a], off, 0);
	size_t s1 = len ? inside(&r->pieces[b], off + len, 1) : s0;
	*src_off = s0;
	*src_len = s1 > s0 ? s1 - s0 : 0;
	return 0;
}
