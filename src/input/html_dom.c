/*
 * html_dom.c - parsing with gumbo, and the flat node array the other stages
 * walk.
 *
 * Memory: every block gumbo allocates goes through dom_alloc, which puts it
 * on one doubly linked list and counts it against a limit. The tree is then
 * freed by walking that list, never by gumbo_destroy_output, which recurses
 * once per nesting level (a 100,000-deep tree needs ~10 MB of C stack).
 * gumbo 0.10.1 does not check what its allocator returns, so when the limit
 * is reached or malloc fails, dom_alloc longjmps back to
 * precis__html_dom_parse, which frees the list and reports
 * PRECIS__HTML_ERR_NOMEM. Jumping out is safe because gumbo holds nothing
 * but memory, all of it on the list.
 *
 * The flat array lists the tree in preorder, so a subtree is a range
 * [i, nodes[i].end) and a parent always precedes its children: bottom-up
 * passes are one reverse loop, and no walk needs recursion.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

struct precis__html_block_hdr {
	precis__html_block_hdr *prev, *next;
	size_t size;
	max_align_t data[]; /* keeps the payload maximally aligned */
};

static void *dom_alloc(void *ud, size_t size)
{
	precis__html_dom *d = ud;
	precis__html_block_hdr *h = NULL;
	if (size <= d->limit - d->live && size < SIZE_MAX - sizeof(*h))
		h = malloc(sizeof(*h) + size);
	if (!h)
		longjmp(*(jmp_buf *)d->jump, 1);
	h->prev = NULL;
	h->next = d->blocks;
	h->size = size;
	if (d->blocks)
		d->blocks->prev = h;
	d->blocks = h;
	d->live += size;
	return h->data;
}

static void dom_dealloc(void *ud, void *p)
{
	precis__html_dom *d = ud;
	if (!p)
		return;
	precis__html_block_hdr *h =
		(precis__html_block_hdr *)((char *)p - offsetof(precis__html_block_hdr, data));
	if (h->prev)
		h->prev->next = h->next;
	else
		d->blocks = h->next;
	if (h->next)
		h->next->prev = h->prev;
	d->live -= h->size;
	free(h);
}

static void free_blocks(precis__html_dom *d)
{
	precis__html_block_hdr *h = d->blocks;
	while (h) {
		precis__html_block_hdr *next = h->next;
		free(h);
		h = next;
	}
	d->blocks = NULL;
	d->live = 0;
	d->out = NULL;
}

/* ------------------------------------------------------------ flattening */

typedef struct {
	const GumboNode *node;
	uint32_t flat, next;
} frame;

static const GumboVector *children_of(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		return &n->v.element.children;
	if (n->type == GUMBO_NODE_DOCUMENT)
		return &n->v.document.children;
	return NULL;
}

static int append(precis__html_dom *d, size_t *cap, const GumboNode *g,
		  uint32_t parent)
{
	if (d->nnodes == *cap) {
		size_t c = *cap ? *cap * 2 : 1024;
		if (c > UINT32_MAX - 1)
			return PRECIS__HTML_ERR_NOMEM;
		precis__html_node *n = realloc(d->nodes, c * sizeof(*n));
		if (!n)
			return PRECIS__HTML_ERR_NOMEM;
		d->nodes = n;
		*cap = c;
	}
	precis__html_node *n = &d->nodes[d->nnodes];
	n->g = g;
	n->parent = parent;
	n->end = (uint32_t)d->nnodes + 1;
	if (g->type == GUMBO_NODE_DOCUMENT)
		n->tag = PRECIS__HTML_TAG_DOC;
	else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
		n->tag = (uint16_t)g->v.element.tag;
	else
		n->tag = PRECIS__HTML_TAG_TEXT;
	uint16_t pd = d->nnodes ? d->nodes[parent].depth : 0;
	n->depth = pd == UINT16_MAX ? pd : (uint16_t)(pd + 1);
	d->nnodes++;
	return 0;
}

static int flatten(precis__html_dom *d)
{
	size_t cap = 0, scap = 256, sp = 0;
	frame *st = malloc(scap * sizeof(*st));
	if (!st || append(d, &cap, d->out->document, 0)) {
		free(st);
		return PRECIS__HTML_ERR_NOMEM;
	}
	st[sp++] = (frame){d->out->document, 0, 0};
	while (sp) {
		frame *top = &st[sp - 1];
		const GumboVector *kids = children_of(top->node);
		if (!kids || top->next >= kids->length) {
			d->nodes[top->flat].end = (uint32_t)d->nnodes;
			sp--;
			continue;
		}
		const GumboNode *c = kids->data[top->next++];
		if (c->type == GUMBO_NODE_COMMENT)
			continue;
		uint32_t idx = (uint32_t)d->nnodes;
		if (append(d, &cap, c, top->flat))
			goto nomem;
		if (!children_of(c))
			continue;
		if (sp == scap) {
			frame *s = realloc(st, scap * 2 * sizeof(*s));
			if (!s)
				goto nomem;
			st = s;
			scap *= 2;
		}
		st[sp++] = (frame){c, idx, 0};
	}
	free(st);
	return 0;
nomem:
	free(st);
	return PRECIS__HTML_ERR_NOMEM;
}

int precis__html_dom_parse(precis__html_dom *dom, const char *utf8,
			   size_t len, size_t limit)
{
	jmp_buf jb;
	memset(dom, 0, sizeof(*dom));
	if (len >= UINT32_MAX) /* gumbo keeps offsets in unsigned int */
		return PRECIS__HTML_ERR_LIMIT;
	dom->limit = limit;
	dom->len = len;
	dom->jump = &jb;
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = dom_alloc;
	opt.deallocator = dom_dealloc;
	opt.userdata = dom;
	/* Each recorded error copies the stack of open elements: quadratic
	 * memory on deep pages, and nobody reads them. */
	opt.max_errors = 0;
	if (setjmp(jb)) {
		free_blocks(dom);
		dom->jump = NULL;
		return PRECIS__HTML_ERR_NOMEM;
	}
	dom->out = gumbo_parse_with_options(&opt, utf8, len);
	dom->jump = NULL;
	int rc = flatten(dom);
	if (rc)
		precis__html_dom_free(dom);
	return rc;
}

void precis__html_dom_free(precis__html_dom *dom)
{
	if (!dom)
		return;
	free_blocks(dom);
	free(dom->nodes);
	memset(dom, 0, sizeof(*dom));
}

/* ---------------------------------------------------------------- helpers */

const char *precis__html_attr(const precis__html_node *n, const char *name)
{
	if (n->g->type != GUMBO_NODE_ELEMENT && n->g->type != GUMBO_NODE_TEMPLATE)
		return NULL;
	const GumboAttribute *a = gumbo_get_attribute(&n->g->v.element.attributes,
						      name);
	return a ? a->value : NULL;
}

enum { K_BLOCK = 1, K_DROP = 2 };

/* How text rendering treats each element; unknown (custom) elements are
 * blocks: they are mostly layout wrappers (<amp-story>, <bsp-...>). */
static const uint8_t kind[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = K_BLOCK, [GUMBO_TAG_HEAD] = K_DROP,
	[GUMBO_TAG_TITLE] = K_DROP, [GUMBO_TAG_BASE] = K_DROP,
	[GUMBO_TAG_LINK] = K_DROP, [GUMBO_TAG_META] = K_DROP,
	[GUMBO_TAG_STYLE] = K_DROP, [GUMBO_TAG_SCRIPT] = K_DROP,
	[GUMBO_TAG_NOSCRIPT] = K_DROP, [GUMBO_TAG_TEMPLATE] = K_DROP,
	[GUMBO_TAG_BODY] = K_BLOCK, [GUMBO_TAG_ARTICLE] = K_BLOCK,
	[GUMBO_TAG_SECTION] = K_BLOCK, [GUMBO_TAG_NAV] = K_BLOCK,
	[GUMBO_TAG_ASIDE] = K_BLOCK, [GUMBO_TAG_H1] = K_BLOCK,
	[GUMBO_TAG_H2] = K_BLOCK, [GUMBO_TAG_H3] = K_BLOCK,
	[GUMBO_TAG_H4] = K_BLOCK, [GUMBO_TAG_H5] = K_BLOCK,
	[GUMBO_TAG_H6] = K_BLOCK, [GUMBO_TAG_HGROUP] = K_BLOCK,
	[GUMBO_TAG_HEADER] = K_BLOCK, [GUMBO_TAG_FOOTER] = K_BLOCK,
	[GUMBO_TAG_ADDRESS] = K_BLOCK, [GUMBO_TAG_P] = K_BLOCK,
	[GUMBO_TAG_HR] = K_BLOCK, [GUMBO_TAG_PRE] = K_BLOCK,
	[GUMBO_TAG_BLOCKQUOTE] = K_BLOCK, [GUMBO_TAG_OL] = K_BLOCK,
	[GUMBO_TAG_UL] = K_BLOCK, [GUMBO_TAG_LI] = K_BLOCK,
	[GUMBO_TAG_DL] = K_BLOCK, [GUMBO_TAG_DT] = K_BLOCK,
	[GUMBO_TAG_DD] = K_BLOCK, [GUMBO_TAG_FIGURE] = K_BLOCK,
	[GUMBO_TAG_FIGCAPTION] = K_BLOCK, [GUMBO_TAG_MAIN] = K_BLOCK,
	[GUMBO_TAG_DIV] = K_BLOCK, [GUMBO_TAG_IFRAME] = K_DROP,
	[GUMBO_TAG_EMBED] = K_DROP, [GUMBO_TAG_OBJECT] = K_DROP,
	[GUMBO_TAG_PARAM] = K_DROP, [GUMBO_TAG_VIDEO] = K_DROP,
	[GUMBO_TAG_AUDIO] = K_DROP, [GUMBO_TAG_SOURCE] = K_DROP,
	[GUMBO_TAG_TRACK] = K_DROP, [GUMBO_TAG_CANVAS] = K_DROP,
	[GUMBO_TAG_MAP] = K_DROP, [GUMBO_TAG_AREA] = K_DROP,
	[GUMBO_TAG_MATH] = K_DROP, [GUMBO_TAG_SVG] = K_DROP,
	[GUMBO_TAG_TABLE] = K_BLOCK, [GUMBO_TAG_CAPTION] = K_BLOCK,
	[GUMBO_TAG_COLGROUP] = K_DROP, [GUMBO_TAG_COL] = K_DROP,
	[GUMBO_TAG_TBODY] = K_BLOCK, [GUMBO_TAG_THEAD] = K_BLOCK,
	[GUMBO_TAG_TFOOT] = K_BLOCK, [GUMBO_TAG_TR] = K_BLOCK,
	[GUMBO_TAG_TD] = K_BLOCK, [GUMBO_TAG_TH] = K_BLOCK,
	[GUMBO_TAG_FORM] = K_BLOCK, [GUMBO_TAG_FIELDSET] = K_BLOCK,
	[GUMBO_TAG_LEGEND] = K_BLOCK, [GUMBO_TAG_INPUT] = K_DROP,
	[GUMBO_TAG_BUTTON] = K_DROP, [GUMBO_TAG_SELECT] = K_DROP,
	[GUMBO_TAG_DATALIST] = K_DROP, [GUMBO_TAG_OPTGROUP] = K_DROP,
	[GUMBO_TAG_OPTION] = K_DROP, [GUMBO_TAG_TEXTAREA] = K_DROP,
	[GUMBO_TAG_KEYGEN] = K_DROP, [GUMBO_TAG_OUTPUT] = K_DROP,
	[GUMBO_TAG_PROGRESS] = K_DROP, [GUMBO_TAG_METER] = K_DROP,
	[GUMBO_TAG_DETAILS] = K_BLOCK, [GUMBO_TAG_SUMMARY] = K_BLOCK,
	[GUMBO_TAG_MENU] = K_BLOCK, [GUMBO_TAG_MENUITEM] = K_DROP,
	[GUMBO_TAG_APPLET] = K_DROP, [GUMBO_TAG_DIR] = K_BLOCK,
	[GUMBO_TAG_FRAME] = K_DROP, [GUMBO_TAG_FRAMESET] = K_DROP,
	[GUMBO_TAG_NOFRAMES] = K_DROP, [GUMBO_TAG_ISINDEX] = K_DROP,
	[GUMBO_TAG_LISTING] = K_BLOCK, [GUMBO_TAG_XMP] = K_BLOCK,
	[GUMBO_TAG_NOEMBED] = K_DROP, [GUMBO_TAG_PLAINTEXT] = K_BLOCK,
	[GUMBO_TAG_CENTER] = K_BLOCK, [GUMBO_TAG_MARQUEE] = K_BLOCK,
	[GUMBO_TAG_MULTICOL] = K_BLOCK, [GUMBO_TAG_UNKNOWN] = K_BLOCK,
};

int precis__html_tag_is_block(unsigned tag)
{
	return tag <= GUMBO_TAG_LAST && (kind[tag] & K_BLOCK);
}

int precis__html_tag_is_dropped(unsigned tag)
{
	return tag <= GUMBO_TAG_LAST && (kind[tag] & K_DROP);
}
