/*
 * html_guard.c - preparing the UTF-8 for gumbo: bounded depth, less work.
 *
 * gumbo 0.10.1 is quadratic in nesting depth: each start tag checks "p in
 * button scope" by walking the stack of open elements, each character token
 * looks for the last active formatting element in that stack, and each new
 * attribute is compared with all earlier ones. 10,000 nested <div>s take
 * 0.15 s, 100,000 take 38 s. So before gumbo sees the page, this pass
 * tokenizes it (comments, raw text, tags and attributes as the HTML5
 * tokenizer does), keeps an approximate stack of open elements, and turns
 * every start tag that would open an element deeper than the limit into a
 * bogus comment of the same length ("<!      >"), and blanks every
 * attribute past the 64th of a tag. Offsets do not move. Not spaces for
 * whole tags: white space is text, and text makes gumbo reopen every
 * formatting element that was closed implicitly ("reconstruct the active
 * formatting elements"), once per blanked tag.
 *
 * That reconstruction also amplifies "<div> <b x=1> </div>" repeated: each
 * text run reopens every formatting element closed implicitly so far, 160
 * bytes of tree per input byte. So when the model closes a formatting
 * element (b, i, font...) implicitly, by another element's end, it turns
 * that element's start tag, already passed, into a comment as well: gumbo
 * then never has a formatting element off the stack to reopen. And at
 * most 8 may be open at once. Formatting only styles text; the extraction
 * loses nothing.
 *
 * The stack mirrors the tree builder's main rules (implied ends of p, li,
 * dd/dt, buttons, headings, options and table parts; end tags honoured only
 * in scope; formatting elements, which the list of active formatting
 * elements may reopen, counted apart). Where it must guess it errs high: a
 * depth estimated too high only blanks tags of pathological pages, one
 * estimated too low would let the quadratic cases through.
 *
 * The same pass cuts out the bodies of <script>, <style>, <iframe>,
 * <noembed> and <noframes> (keeping their tags), which gumbo would
 * tokenize character by character only for us to drop: on the tuning pages
 * they are 56% of the bytes, and cutting them doubles the throughput.
 * JSON-LD scripts stay. The buffer is compacted in place and the cuts are
 * recorded, so offsets in it map back to the decoded text.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

#define LIMIT_MIN 16
#define LIMIT_MAX 1024
#define MAX_ATTRS 64
#define MAX_FORMATTING 8

enum {
	F_VOID = 1 << 0,     /* never on the stack */
	F_FMT = 1 << 1,      /* formatting element that can pile up */
	F_MARKER = 1 << 2,   /* puts a marker on the formatting list */
	F_SCOPE = 1 << 3,    /* boundary of "has an element in scope" */
	F_CLOSES_P = 1 << 4, /* start tag closes an open <p> */
	F_HEADING = 1 << 5,
	F_BREAKOUT = 1 << 6, /* start tag leaves svg/math for HTML */
	F_RAW = 1 << 7,      /* content is text to the end tag */
	F_SPECIAL = 1 << 8,  /* "special" category of HTML5 8.2.3.2 */
	F_TABLE = 1 << 9,    /* table part with its own implied ends */
	F_NOPUSH = 1 << 10,  /* html/head/body: opened once, not nested */
	F_INTEGR = 1 << 11,  /* svg/math integration point: HTML inside */
	F_ANCHOR = 1 << 12,  /* a, nobr: a new one closes the old one */
};

#define S F_SPECIAL
#define CP (F_CLOSES_P | F_SPECIAL)
#define B F_BREAKOUT
static const uint16_t flags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = S | F_SCOPE | F_NOPUSH,
	[GUMBO_TAG_HEAD] = S | B | F_NOPUSH, [GUMBO_TAG_BODY] = S | B | F_NOPUSH,
	[GUMBO_TAG_TITLE] = S | F_RAW | F_SCOPE | F_INTEGR,
	[GUMBO_TAG_BASE] = S | F_VOID, [GUMBO_TAG_LINK] = S | F_VOID,
	[GUMBO_TAG_META] = S | F_VOID | B, [GUMBO_TAG_STYLE] = S | F_RAW,
	[GUMBO_TAG_SCRIPT] = S | F_RAW, [GUMBO_TAG_NOSCRIPT] = S,
	[GUMBO_TAG_TEMPLATE] = S | F_MARKER | F_SCOPE,
	[GUMBO_TAG_ARTICLE] = CP, [GUMBO_TAG_SECTION] = CP,
	[GUMBO_TAG_NAV] = CP, [GUMBO_TAG_ASIDE] = CP,
	[GUMBO_TAG_H1] = CP | F_HEADING | B, [GUMBO_TAG_H2] = CP | F_HEADING | B,
	[GUMBO_TAG_H3] = CP | F_HEADING | B, [GUMBO_TAG_H4] = CP | F_HEADING | B,
	[GUMBO_TAG_H5] = CP | F_HEADING | B, [GUMBO_TAG_H6] = CP | F_HEADING | B,
	[GUMBO_TAG_HGROUP] = CP, [GUMBO_TAG_HEADER] = CP,
	[GUMBO_TAG_FOOTER] = CP, [GUMBO_TAG_ADDRESS] = CP,
	[GUMBO_TAG_P] = CP | B, [GUMBO_TAG_HR] = CP | F_VOID | B,
	[GUMBO_TAG_PRE] = CP | B, [GUMBO_TAG_BLOCKQUOTE] = CP | B,
	[GUMBO_TAG_OL] = CP | B, [GUMBO_TAG_UL] = CP | B,
	[GUMBO_TAG_LI] = CP | B, [GUMBO_TAG_DL] = CP | B,
	[GUMBO_TAG_DT] = CP | B, [GUMBO_TAG_DD] = CP | B,
	[GUMBO_TAG_FIGURE] = CP, [GUMBO_TAG_FIGCAPTION] = CP,
	[GUMBO_TAG_MAIN] = CP, [GUMBO_TAG_DIV] = CP | B,
	[GUMBO_TAG_A] = F_ANCHOR, [GUMBO_TAG_NOBR] = F_ANCHOR | B,
	[GUMBO_TAG_EM] = F_FMT | B, [GUMBO_TAG_STRONG] = F_FMT | B,
	[GUMBO_TAG_SMALL] = F_FMT | B, [GUMBO_TAG_S] = F_FMT | B,
	[GUMBO_TAG_CODE] = F_FMT | B, [GUMBO_TAG_I] = F_FMT | B,
	[GUMBO_TAG_B] = F_FMT | B, [GUMBO_TAG_U] = F_FMT | B,
	[GUMBO_TAG_BIG] = F_FMT | B, [GUMBO_TAG_STRIKE] = F_FMT | B,
	[GUMBO_TAG_TT] = F_FMT | B, [GUMBO_TAG_FONT] = F_FMT,
	[GUMBO_TAG_SUB] = B, [GUMBO_TAG_SUP] = B, [GUMBO_TAG_VAR] = B,
	[GUMBO_TAG_RUBY] = B, [GUMBO_TAG_SPAN] = B,
	[GUMBO_TAG_BR] = S | F_VOID | B, [GUMBO_TAG_WBR] = S | F_VOID,
	[GUMBO_TAG_IMAGE] = F_VOID, [GUMBO_TAG_IMG] = S | F_VOID | B,
	[GUMBO_TAG_IFRAME] = S | F_RAW, [GUMBO_TAG_EMBED] = S | F_VOID | B,
	[GUMBO_TAG_OBJECT] = S | F_MARKER | F_SCOPE,
	[GUMBO_TAG_PARAM] = S | F_VOID, [GUMBO_TAG_SOURCE] = S | F_VOID,
	[GUMBO_TAG_TRACK] = S | F_VOID, [GUMBO_TAG_AREA] = S | F_VOID,
	[GUMBO_TAG_MI] = F_SCOPE | F_INTEGR, [GUMBO_TAG_MO] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_MN] = F_SCOPE | F_INTEGR, [GUMBO_TAG_MS] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_MTEXT] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_ANNOTATION_XML] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_FOREIGNOBJECT] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_DESC] = F_SCOPE | F_INTEGR,
	[GUMBO_TAG_TABLE] = CP | F_SCOPE | F_TABLE | B,
	[GUMBO_TAG_CAPTION] = S | F_MARKER | F_SCOPE,
	[GUMBO_TAG_COLGROUP] = S, [GUMBO_TAG_COL] = S | F_VOID,
	[GUMBO_TAG_TBODY] = S | F_TABLE, [GUMBO_TAG_THEAD] = S | F_TABLE,
	[GUMBO_TAG_TFOOT] = S | F_TABLE, [GUMBO_TAG_TR] = S | F_TABLE,
	[GUMBO_TAG_TD] = S | F_MARKER | F_SCOPE | F_TABLE,
	[GUMBO_TAG_TH] = S | F_MARKER | F_SCOPE | F_TABLE,
	[GUMBO_TAG_FORM] = CP, [GUMBO_TAG_FIELDSET] = CP,
	[GUMBO_TAG_INPUT] = S | F_VOID, [GUMBO_TAG_BUTTON] = S,
	[GUMBO_TAG_SELECT] = S, [GUMBO_TAG_TEXTAREA] = S | F_RAW,
	[GUMBO_TAG_KEYGEN] = F_VOID, [GUMBO_TAG_DETAILS] = CP,
	[GUMBO_TAG_SUMMARY] = CP, [GUMBO_TAG_MENU] = CP | B,
	[GUMBO_TAG_MENUITEM] = F_VOID, [GUMBO_TAG_APPLET] = S | F_MARKER | F_SCOPE,
	[GUMBO_TAG_BASEFONT] = S | F_VOID, [GUMBO_TAG_BGSOUND] = S | F_VOID,
	[GUMBO_TAG_DIR] = CP, [GUMBO_TAG_FRAME] = S | F_VOID,
	[GUMBO_TAG_FRAMESET] = S, [GUMBO_TAG_NOFRAMES] = S | F_RAW,
	[GUMBO_TAG_ISINDEX] = S | F_VOID, [GUMBO_TAG_LISTING] = CP | B,
	[GUMBO_TAG_XMP] = CP | F_RAW, [GUMBO_TAG_NOEMBED] = S | F_RAW,
	[GUMBO_TAG_PLAINTEXT] = CP, [GUMBO_TAG_CENTER] = CP | B,
	[GUMBO_TAG_MARQUEE] = S | F_MARKER | F_SCOPE,
};
#undef S
#undef CP
#undef B

typedef struct {
	uint32_t key;    /* GumboTag, or a name hash with the top bit set */
	uint32_t fsave;  /* formatting count when a marker was opened */
	uint8_t foreign; /* an svg/math element */
	size_t start, len; /* its start tag, in the input */
	size_t final;      /* where that tag ends up after compaction */
} entry;

typedef struct {
	char *b;
	size_t n;
	entry *st;
	size_t sp, limit;
	size_t fmt;      /* formatting elements gumbo may reopen */
	size_t blanked;
	size_t kept, w;  /* bytes before `kept` are final; they go to b[w] */
	precis__html_cuts *cuts;
	uint32_t stray[GUMBO_TAG_LAST]; /* commented-out formatting per tag */
	int rc;
} guard;

/* A tag as the tokenizer read it. */
typedef struct {
	size_t start, end;   /* '<' to one past '>' */
	size_t name, nlen;   /* the tag name */
	size_t cut, cut_end; /* attributes past MAX_ATTRS, to blank */
	int self_closing;
} tag;

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

static uint16_t flags_of(uint32_t key)
{
	return key < GUMBO_TAG_LAST ? flags[key] : 0;
}

/* Key of a tag name: gumbo's enum for known tags, a hash otherwise. */
static uint32_t tag_key(const char *p, size_t n)
{
	char low[24];
	if (n && n < sizeof(low)) {
		for (size_t i = 0; i < n; i++)
			low[i] = (char)lower((unsigned char)p[i]);
		GumboTag t = gumbo_tagn_enum(low, (unsigned)n);
		if (t != GUMBO_TAG_UNKNOWN)
			return (uint32_t)t;
	}
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ lower((unsigned char)p[i])) * 16777619u;
	return h | 0x80000000u;
}

/* ----------------------------------------------------------- the stack */

static int foreign_now(const guard *g)
{
	if (!g->sp)
		return 0;
	const entry *e = &g->st[g->sp - 1];
	return e->foreign && !(flags_of(e->key) & F_INTEGR);
}

static void comment_out(guard *g, size_t from, size_t to);

/* Comments out an open formatting element's start tag (see above). */
static void forget_start(guard *g, const entry *e)
{
	size_t at = e->start >= g->kept ? e->start : e->final;
	comment_out(g, at, at + e->len);
	g->stray[e->key]++;
	if (g->fmt)
		g->fmt--;
}

/* Pops entries down to index `at`; the one at `expl` (or none) is closed
 * by its own end tag, the others implicitly. */
static void pop_to_x(guard *g, size_t at, size_t expl)
{
	while (g->sp > at) {
		const entry *e = &g->st[--g->sp];
		uint16_t f = flags_of(e->key);
		if ((f & F_MARKER) && g->fmt > e->fsave)
			g->fmt = e->fsave;
		if ((f & F_FMT) && !e->foreign && g->sp != expl)
			forget_start(g, e);
	}
}

static void pop_to(guard *g, size_t at)
{
	pop_to_x(g, at, SIZE_MAX);
}

/* Index + 1 of the topmost `key` not hidden behind a stopping element. */
static size_t find(const guard *g, uint32_t key, uint16_t stop)
{
	for (size_t i = g->sp; i > 0; i--) {
		uint32_t k = g->st[i - 1].key;
		if (k == key)
			return i;
		if (flags_of(k) & stop)
			return 0;
	}
	return 0;
}

/* "In table scope": only html, table and template hide an element. */
static size_t find_table(const guard *g, uint32_t key)
{
	for (size_t i = g->sp; i > 0; i--) {
		uint32_t k = g->st[i - 1].key;
		if (k == key)
			return i;
		if (k == GUMBO_TAG_HTML || k == GUMBO_TAG_TEMPLATE ||
		    (k == GUMBO_TAG_TABLE && key != GUMBO_TAG_TABLE))
			return 0;
	}
	return 0;
}

/* Whether a special element lies above stack index `at`. */
static int special_above(const guard *g, size_t at)
{
	for (size_t i = at; i < g->sp; i++)
		if (flags_of(g->st[i].key) & F_SPECIAL)
			return 1;
	return 0;
}

/* Closes a formatting element the way the adoption agency changes the
 * stack's height: all of it when nothing special is above, else nothing. */
static void close_formatting(guard *g, uint32_t key)
{
	size_t at = find(g, key, F_MARKER);
	if (at && !special_above(g, at))
		pop_to_x(g, at - 1, at - 1);
}

/* The nearest table part decides what a new one closes. */
static size_t table_implied(const guard *g, uint32_t k)
{
	for (size_t i = g->sp; i > 0; i--) {
		uint32_t e = g->st[i - 1].key;
		if (e == GUMBO_TAG_HTML || e == GUMBO_TAG_TEMPLATE ||
		    e == GUMBO_TAG_CAPTION)
			return 0;
		if (k == GUMBO_TAG_TABLE) {
			if (e == GUMBO_TAG_TD || e == GUMBO_TAG_TH)
				return 0; /* a table in a cell nests */
			if (e == GUMBO_TAG_TABLE)
				return i; /* a table in a table closes it */
			continue;
		}
		if (e == GUMBO_TAG_TABLE)
			return 0;
		if (k == GUMBO_TAG_TD || k == GUMBO_TAG_TH) {
			if (e == GUMBO_TAG_TD || e == GUMBO_TAG_TH)
				return i;
			if (e == GUMBO_TAG_TR)
				return 0;
		} else if (k == GUMBO_TAG_TR) {
			if (e == GUMBO_TAG_TR)
				return i;
		} else if (e == GUMBO_TAG_TBODY || e == GUMBO_TAG_THEAD ||
			   e == GUMBO_TAG_TFOOT) {
			return i;
		}
	}
	return 0;
}

/* A start tag's implied end tags (the "in body" and table rules). */
static void implied_ends(guard *g, uint32_t k)
{
	uint16_t f = flags_of(k);
	size_t at = 0;
	if (f & F_CLOSES_P) {
		at = find(g, GUMBO_TAG_P, F_SCOPE);
		if (at)
			pop_to(g, at - 1);
	}
	if (k == GUMBO_TAG_LI) {
		at = find(g, GUMBO_TAG_LI, F_SCOPE);
		if (at && find(g, GUMBO_TAG_OL, F_SCOPE) < at &&
		    find(g, GUMBO_TAG_UL, F_SCOPE) < at)
			pop_to(g, at - 1);
	} else if (k == GUMBO_TAG_DD || k == GUMBO_TAG_DT) {
		size_t a1 = find(g, GUMBO_TAG_DD, F_SCOPE);
		size_t a2 = find(g, GUMBO_TAG_DT, F_SCOPE);
		at = a1 > a2 ? a1 : a2;
		if (at && find(g, GUMBO_TAG_DL, F_SCOPE) < at)
			pop_to(g, at - 1);
	} else if ((f & F_HEADING) && g->sp &&
		   (flags_of(g->st[g->sp - 1].key) & F_HEADING)) {
		pop_to(g, g->sp - 1);
	} else if (k == GUMBO_TAG_OPTION || k == GUMBO_TAG_OPTGROUP) {
		if (g->sp && g->st[g->sp - 1].key == GUMBO_TAG_OPTION)
			pop_to(g, g->sp - 1);
	} else if (k == GUMBO_TAG_BUTTON) {
		at = find(g, GUMBO_TAG_BUTTON, F_SCOPE);
		if (at)
			pop_to(g, at - 1);
	} else if (f & F_TABLE) {
		at = table_implied(g, k);
		if (at)
			pop_to(g, at - 1);
	} else if (f & F_ANCHOR) {
		close_formatting(g, k);
	}
}

static void blank(guard *g, size_t from, size_t to)
{
	memset(g->b + from, ' ', to - from);
}

/* Overwrites the tag [from, to) ("<...>", at least 3 bytes) with a bogus
 * comment "<!   >" of the same length. */
static void comment_out(guard *g, size_t from, size_t to)
{
	blank(g, from + 2, to - 1);
	g->b[from] = '<';
	g->b[from + 1] = '!';
	g->b[to - 1] = '>';
}

static void start_tag(guard *g, const tag *t)
{
	uint32_t k = tag_key(g->b + t->name, t->nlen);
	uint16_t f = flags_of(k);
	int foreign = foreign_now(g);
	if (t->cut < t->cut_end)
		blank(g, t->cut, t->cut_end);
	if (foreign && (f & F_BREAKOUT)) {
		while (g->sp && g->st[g->sp - 1].foreign)
			pop_to(g, g->sp - 1);
		foreign = 0;
	}
	int svg = k == GUMBO_TAG_SVG || k == GUMBO_TAG_MATH;
	int html = !foreign && !svg;
	if (html && (f & (F_VOID | F_RAW | F_NOPUSH))) {
		implied_ends(g, k);
		return; /* raw text elements close at their end tag */
	}
	if (!html && t->self_closing)
		return;
	/* Decide before the implied ends: gumbo will not see a blanked tag,
	 * so it must not close anything in our model either. */
	int fmt = html && (f & F_FMT);
	if (g->sp + g->fmt >= g->limit || (fmt && g->fmt >= MAX_FORMATTING)) {
		comment_out(g, t->start, t->end);
		g->blanked++;
		return;
	}
	if (html)
		implied_ends(g, k);
	g->st[g->sp++] = (entry){k, (uint32_t)g->fmt, (uint8_t)(foreign || svg),
				 t->start, t->end - t->start,
				 t->start - (g->kept - g->w)};
	if (fmt)
		g->fmt++;
}

/* A formatting end tag takes one entry off the list, never one that sits
 * below the innermost marker (those belong to an enclosing cell). */
static void forget_formatting(guard *g)
{
	size_t floor = 0;
	for (size_t i = g->sp; i > 0; i--)
		if (flags_of(g->st[i - 1].key) & F_MARKER) {
			floor = g->st[i - 1].fsave;
			break;
		}
	if (g->fmt > floor)
		g->fmt--;
}

static void end_tag(guard *g, const tag *t)
{
	uint32_t k = tag_key(g->b + t->name, t->nlen);
	uint16_t f = flags_of(k);
	size_t at;
	if (foreign_now(g)) {
		for (size_t i = g->sp; i > 0 && g->st[i - 1].foreign; i--)
			if (g->st[i - 1].key == k) {
				pop_to(g, i - 1);
				return;
			}
	}
	if (f & (F_NOPUSH | F_VOID | F_RAW))
		return;
	if (f & (F_FMT | F_ANCHOR)) {
		if ((f & F_FMT) && g->stray[k] && !find(g, k, F_MARKER)) {
			g->stray[k]--; /* the end of a start tag we commented out */
			return;
		}
		close_formatting(g, k);
		if (f & F_FMT)
			forget_formatting(g);
		return;
	}
	if (f & F_TABLE) {
		at = find_table(g, k);
	} else if (k == GUMBO_TAG_LI) {
		at = find(g, k, F_SCOPE); /* "in list item scope" */
		if (find(g, GUMBO_TAG_UL, F_SCOPE) > at ||
		    find(g, GUMBO_TAG_OL, F_SCOPE) > at)
			at = 0;
	} else if (f & F_SPECIAL) {
		at = find(g, k, F_SCOPE);
	} else {
		at = find(g, k, F_SPECIAL); /* "any other end tag" */
	}
	if (at)
		pop_to(g, at - 1);
}

/* --------------------------------------------------------- tokenizing */

static size_t skip_ws(const guard *g, size_t j)
{
	while (j < g->n && is_ws((unsigned char)g->b[j]))
		j++;
	return j;
}

/* Reads attributes from j to the end of the tag; 0 when the input ends
 * inside the tag (the tokenizer then drops it). */
static int read_attrs(const guard *g, size_t j, tag *t)
{
	unsigned count = 0;
	t->cut = t->cut_end = 0;
	t->self_closing = 0;
	for (;;) {
		j = skip_ws(g, j);
		if (j >= g->n)
			return 0;
		char c = g->b[j];
		if (c == '>' || (c == '/' && j + 1 < g->n && g->b[j + 1] == '>')) {
			t->self_closing = c == '/';
			if (t->cut)
				t->cut_end = j;
			t->end = j + (c == '/' ? 2 : 1);
			return 1;
		}
		if (c == '/') {
			j++;
			continue;
		}
		if (++count == MAX_ATTRS + 1)
			t->cut = j;
		j++; /* a first '=' belongs to the name */
		while (j < g->n && !is_ws((unsigned char)g->b[j]) && g->b[j] != '/' &&
		       g->b[j] != '>' && g->b[j] != '=')
			j++;
		j = skip_ws(g, j);
		if (j >= g->n || g->b[j] != '=')
			continue;
		j = skip_ws(g, j + 1);
		if (j < g->n && (g->b[j] == '"' || g->b[j] == '\'')) {
			const char *q = memchr(g->b + j + 1, g->b[j], g->n - j - 1);
			if (!q)
				return 0;
			j = (size_t)(q - g->b) + 1;
		} else {
			while (j < g->n && !is_ws((unsigned char)g->b[j]) && g->b[j] != '>')
				j++;
		}
	}
}

static size_t read_tag(const guard *g, size_t i, size_t name, tag *t)
{
	size_t j = name;
	while (j < g->n && !is_ws((unsigned char)g->b[j]) && g->b[j] != '/' &&
	       g->b[j] != '>')
		j++;
	t->start = i;
	t->name = name;
	t->nlen = j - name;
	return read_attrs(g, j, t) ? t->end : 0;
}

/* Offset just past the comment opened at i ("<!--"), ends "-->" or
 * "--!>", or "<!-->" / "<!--->" at once. */
static size_t skip_comment(const guard *g, size_t i)
{
	size_t j = i + 2;
	for (;;) {
		const char *d = precis__html_find(g->b + j, g->n - j, "--", 2);
		if (!d)
			return g->n;
		j = (size_t)(d - g->b);
		if (j + 2 < g->n && g->b[j + 2] == '>')
			return j + 3;
		if (j + 3 < g->n && g->b[j + 2] == '!' && g->b[j + 3] == '>')
			return j + 4;
		j++;
	}
}

static size_t skip_past(const guard *g, size_t i, char c)
{
	const char *p = memchr(g->b + i, c, g->n - i);
	return p ? (size_t)(p - g->b) + 1 : g->n;
}

/* Start of the end tag "</name" closing raw text that starts at i. */
static size_t raw_end(const guard *g, size_t i, size_t name, size_t nlen)
{
	while (i < g->n) {
		const char *p = memchr(g->b + i, '<', g->n - i);
		if (!p)
			return g->n;
		size_t j = (size_t)(p - g->b);
		if (j + 2 + nlen < g->n && g->b[j + 1] == '/') {
			size_t k = 0;
			while (k < nlen && lower((unsigned char)g->b[j + 2 + k]) ==
					   lower((unsigned char)g->b[name + k]))
				k++;
			unsigned char c = (unsigned char)g->b[j + 2 + nlen];
			if (k == nlen && (is_ws(c) || c == '/' || c == '>'))
				return j;
		}
		i = j + 1;
	}
	return g->n;
}

/* Raw text we drop anyway; JSON-LD stays for the extractor to read. */
static int cuttable(const guard *g, uint32_t k, const tag *t)
{
	if (k == GUMBO_TAG_SCRIPT)
		return !precis__html_find(g->b + t->start, t->end - t->start,
					  "ld+json", 7);
	return k == GUMBO_TAG_STYLE || k == GUMBO_TAG_IFRAME ||
	       k == GUMBO_TAG_NOEMBED || k == GUMBO_TAG_NOFRAMES;
}

/* The first run: offset 0 is offset 0 (allocated lazily: cuts->n == 0
 * means the identity). */
static void cut_init(guard *g)
{
	g->kept = g->w = 0;
}

/* Moves the final bytes before `upto` down to their place. */
static void settle(guard *g, size_t upto)
{
	size_t n = upto - g->kept;
	if (g->w != g->kept && n)
		memmove(g->b + g->w, g->b + g->kept, n);
	g->w += n;
	g->kept = upto;
}

/* Removes [a, e) from the buffer, recording where the rest came from. */
static void cut(guard *g, size_t a, size_t e)
{
	if (e - a < 64 || g->rc)
		return; /* not worth a map entry */
	settle(g, a);
	precis__html_cuts *c = g->cuts;
	if (c->n + 2 > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		precis__html_cut *v = realloc(c->v, cap * sizeof(*v));
		if (!v) {
			g->rc = PRECIS__HTML_ERR_NOMEM;
			return;
		}
		c->v = v;
		c->cap = cap;
	}
	if (!c->n)
		c->v[c->n++] = (precis__html_cut){0, 0};
	c->v[c->n++] = (precis__html_cut){g->w, e};
	g->kept = e;
}

/* Handles the markup at b[i] == '<'; returns where to continue. */
static size_t markup(guard *g, size_t i)
{
	tag t;
	unsigned char c1 = i + 1 < g->n ? (unsigned char)g->b[i + 1] : 0;
	unsigned char c2 = i + 2 < g->n ? (unsigned char)g->b[i + 2] : 0;
	if (c1 == '!') {
		if (c2 == '-' && i + 3 < g->n && g->b[i + 3] == '-')
			return skip_comment(g, i + 2);
		return skip_past(g, i, '>'); /* doctype, CDATA, bogus */
	}
	if (c1 == '?')
		return skip_past(g, i, '>');
	if (c1 == '/') {
		if (c2 == '>')
			return i + 3;
		if (!is_alpha(c2))
			return skip_past(g, i, '>');
		if (!read_tag(g, i, i + 2, &t))
			return g->n;
		end_tag(g, &t);
		return t.end;
	}
	if (!is_alpha(c1))
		return i + 1;
	if (!read_tag(g, i, i + 1, &t))
		return g->n;
	int foreign = foreign_now(g);
	start_tag(g, &t);
	uint32_t k = tag_key(g->b + t.name, t.nlen);
	if (foreign && !(flags_of(k) & F_BREAKOUT))
		return t.end;
	if (k == GUMBO_TAG_PLAINTEXT)
		return g->n;
	if (flags_of(k) & F_RAW) {
		size_t e = raw_end(g, t.end, t.name, t.nlen);
		if (cuttable(g, k, &t))
			cut(g, t.end, e);
		return e;
	}
	return t.end;
}

/*
 * gumbo 0.10.1 sums a numeric character reference's digits in an int, so
 * "&#x5EEEEEEEEE" wraps to a negative code point that it writes out as a
 * bad byte, not as the U+FFFD the HTML5 tokenizer prescribes for a value
 * past U+10FFFF. Such a reference's digits are rewritten, in place and at
 * the same length, to a value just past U+10FFFF, which gumbo replaces
 * rightly.
 */
static void tame_references(char *b, size_t n)
{
	for (char *p = memchr(b, '&', n); p; p = memchr(p, '&', (size_t)(b + n - p))) {
		char *d = ++p;
		if (d >= b + n || *d != '#')
			continue;
		d++;
		int hex = d < b + n && (*d == 'x' || *d == 'X');
		d += hex;
		uint32_t v = 0;
		char *e = d;
		for (; e < b + n; e++) {
			unsigned c = (unsigned char)*e, k = c - '0';
			if (hex && k > 9)
				k = (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
			if (k > (hex ? 15u : 9u))
				break;
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + k;
		}
		if (v <= 0x10FFFF)
			continue;
		const char *past = hex ? "110000" : "1114112";
		size_t pl = strlen(past), dl = (size_t)(e - d);
		memset(d, '0', dl - pl); /* dl >= pl: v needs that many digits */
		memcpy(e - pl, past, pl);
		p = e;
	}
}

int precis__html_guard(char *buf, size_t *len, unsigned max_depth,
		       precis__html_cuts *cuts, size_t *blanked)
{
	tame_references(buf, *len);
	guard g = {0};
	g.b = buf;
	g.n = *len;
	g.limit = max_depth < LIMIT_MIN ? LIMIT_MIN
		  : max_depth > LIMIT_MAX ? LIMIT_MAX : max_depth;
	g.st = malloc(g.limit * sizeof(*g.st));
	memset(cuts, 0, sizeof(*cuts));
	if (!g.st)
		return PRECIS__HTML_ERR_NOMEM;
	g.cuts = cuts;
	cut_init(&g);
	size_t i = 0;
	while (i < g.n && !g.rc) {
		const char *p = memchr(buf + i, '<', g.n - i);
		if (!p)
			break;
		i = markup(&g, (size_t)(p - buf));
	}
	free(g.st);
	if (g.rc) {
		precis__html_cuts_free(cuts);
		return g.rc;
	}
	settle(&g, g.n);
	*len = g.w;
	buf[g.w] = '\0';
	if (blanked)
		*blanked = g.blanked;
	return 0;
}

size_t precis__html_cut_at(const precis__html_cuts *c, size_t at)
{
	size_t lo = 0, hi = c->n; /* last cut with v[i].g <= at */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].g <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t precis__html_cut_src(const precis__html_cuts *c, size_t at)
{
	if (!c->n)
		return at;
	const precis__html_cut *k = &c->v[precis__html_cut_at(c, at)];
	return k->d + (at - k->g);
}

void precis__html_cuts_free(precis__html_cuts *c)
{
	if (!c)
		return;
	free(c->v);
	memset(c, 0, sizeof(*c));
}
