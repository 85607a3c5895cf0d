/*
 * html.h - HTML main-content extraction, the library's internal interface
 * (never installed).
 *
 * The pipeline, one file per stage:
 *
 *   bytes --html_sniff.c-->   charset (BOM, <meta> prescan, caller's hint,
 *                             UTF-8 validity, windows-1252)
 *         --html_charset.c--> UTF-8 + a run map back to the source bytes
 *         --html_guard.c-->   the same UTF-8, excess nesting blanked and
 *                             script bodies cut out (with a map)
 *         --html_dom.c-->     gumbo tree (tracked allocator) + flat node array
 *         --html_extract.c--> the article's root and the blocks to keep, from
 *                             html_class.c's attribute signals, checked
 *                             against html_ld.c's JSON-LD articleBody words
 *         --html_text.c-->    text + pieces (output span -> source span),
 *                             with html_align.c aligning decoded text nodes
 *                             to their raw source
 *         --html_title.c-->   the title
 *   html.c drives them and maps output spans to source spans.
 *
 * Conventions: functions return 0 or a negative PRECIS__HTML_ERR_* status;
 * every function that allocates has a matching _free that accepts zeroed or
 * NULL state; nothing prints, exits or keeps global state, so concurrent
 * calls on different inputs are safe.
 */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include <stddef.h>
#include <stdint.h>

#include <gumbo.h>

/* Status codes; the values are those of precis.h's PRECIS_ERR_*. */
#define PRECIS__HTML_ERR_NOMEM (-1) /* out of memory or over max_memory */
#define PRECIS__HTML_ERR_ARG (-2)   /* invalid argument */
#define PRECIS__HTML_ERR_LIMIT (-9) /* input larger than the format allows */

/* ---------------------------------------------------------------- public */

/* One stretch of output text and the source bytes it came from. */
typedef struct {
	size_t out_off, out_len; /* in the extracted text */
	size_t src_off, src_len; /* in the original, undecoded page bytes */
} precis__html_piece;

typedef struct {
	const char *charset; /* caller's charset (HTTP Content-Type), or NULL */
	size_t max_memory;   /* bytes the parse may hold; 0 = default */
	unsigned max_depth;  /* element nesting kept; 0 = default (256) */
} precis__html_options;

#define PRECIS__HTML_OPTIONS_INIT {NULL, 0, 0}

typedef struct precis__html_result_s {
	char *text;                 /* UTF-8, NUL-terminated, "" when none */
	size_t text_len;
	char *title;                /* UTF-8, NUL-terminated, "" when none */
	size_t title_len;
	size_t title_src_off;       /* the element it was read from (<h1>, */
	size_t title_src_len;       /* <meta>, <title>); length 0 if unknown */
	precis__html_piece *pieces; /* sorted by out_off, not overlapping */
	size_t npieces;
	char charset[32];           /* the encoding the page was read as */
} precis__html_result;

/*
 * Extracts the main content and title of `len` bytes of HTML at `page`.
 * `opt` may be NULL. On success *out holds the result (free it with
 * precis__html_result_free); on failure *out is zeroed and the status is
 * PRECIS__HTML_ERR_NOMEM or PRECIS__HTML_ERR_LIMIT (page over 4 GiB).
 */
int precis__html_extract(precis__html_result *out, const char *page,
			 size_t len, const precis__html_options *opt);
void precis__html_result_free(precis__html_result *r);

/*
 * Maps the output span [off, off + len) to the source span it came from.
 * Piece starts map exactly; inside a piece whose source and output lengths
 * differ (entities, collapsed white space) the position is interpolated and
 * clamped to the piece. PRECIS__HTML_ERR_ARG when the span is outside the
 * text or covers no piece.
 */
int precis__html_map(const precis__html_result *r, size_t off, size_t len,
		     size_t *src_off, size_t *src_len);

/* --------------------------------------------------------------- charset */

/*
 * A run of characters that all take `sunit` source bytes and `dunit` UTF-8
 * bytes, starting at `dst` in the UTF-8 and `src` in the source; it ends
 * where the next run starts. dunit is 0 for bytes that decode to nothing
 * (ISO-2022 escapes).
 */
typedef struct {
	size_t dst, src;
	uint8_t dunit, sunit;
} precis__html_run;

typedef struct {
	char *text; /* UTF-8, NUL-terminated, always valid */
	size_t len;
	size_t srclen; /* the source's length */
	precis__html_run *runs;
	size_t nruns, cap;
	char charset[32];
} precis__html_decoded;

/* Encodings the sniffer can return besides iconv names. */
#define PRECIS__HTML_CS_UTF8 "UTF-8"
#define PRECIS__HTML_CS_UTF16LE "UTF-16LE"
#define PRECIS__HTML_CS_UTF16BE "UTF-16BE"
#define PRECIS__HTML_CS_FALLBACK "WINDOWS-1252"

/*
 * Chooses the encoding of `p`: a BOM wins (its length goes to *bom), then a
 * <meta> charset in the first bytes, then `hint`, then UTF-8 if the bytes are
 * valid UTF-8, else windows-1252. Labels are normalized the way browsers read
 * them (latin1 is windows-1252, shift_jis is CP932...) and checked with
 * iconv_open; unknown ones are skipped. Writes a NUL-terminated name.
 */
void precis__html_sniff(const unsigned char *p, size_t n, const char *hint,
			char name[32], size_t *bom);
/* Normalizes a charset label into name; 0, or -1 when it is unusable. */
int precis__html_label(const char *label, size_t n, char name[32]);
/* First occurrence of the k bytes `lit` in [p, p+n) (memmem), or NULL. */
const char *precis__html_find(const char *p, size_t n, const char *lit,
			      size_t k);
/* Whether [p, p+n) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int precis__html_utf8_valid(const unsigned char *p, size_t n);
/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid. */
size_t precis__html_utf8_seq(const unsigned char *p, size_t n);

/*
 * Decodes `n` source bytes, whose first `bom` bytes are a byte-order mark,
 * from `charset` into out->text. Never fails on bad bytes: invalid sequences
 * become U+FFFD, and in UTF-8 a stray byte reads as its windows-1252
 * character (the usual mislabelled latin-1 page). An encoding iconv refuses
 * reads as windows-1252. 0 or PRECIS__HTML_ERR_NOMEM.
 */
int precis__html_decode(precis__html_decoded *out, const char *src, size_t n,
			size_t bom, const char *charset);
/* Source offset of UTF-8 offset `dst` (the start of its character). */
size_t precis__html_decoded_src(const precis__html_decoded *d, size_t dst);
/* Index of the run holding UTF-8 offset `dst`. */
size_t precis__html_run_at(const precis__html_decoded *d, size_t dst);
void precis__html_decoded_free(precis__html_decoded *d);
/* Appends a run, merging with the last one when contiguous; 0 or NOMEM. */
int precis__html_run_push(precis__html_decoded *d, size_t dst, size_t src,
			  unsigned dunit, unsigned sunit);

/* ----------------------------------------------------------------- guard */

/* From offset g of the guarded buffer on, offsets are those of the
 * decoded text plus (d - g), up to the next cut. */
typedef struct {
	size_t g, d;
} precis__html_cut;

typedef struct {
	precis__html_cut *v; /* sorted; empty means no cut at all */
	size_t n, cap;
} precis__html_cuts;

/*
 * Prepares decoded UTF-8 for gumbo, in place: blanks (overwrites with
 * spaces) start tags that would nest elements deeper than `max_depth`, and
 * attributes past the 64th of a tag, because gumbo's scope and attribute
 * checks cost time proportional to depth and attribute count (100,000
 * nested <div>s parse in minutes otherwise); and cuts out the bodies of
 * scripts, styles and iframes, recording the cuts. *len shrinks
 * accordingly and buf stays NUL-terminated. 0 or PRECIS__HTML_ERR_NOMEM
 * (cuts then empty); *blanked (may be NULL) counts blanked tags.
 */
int precis__html_guard(char *buf, size_t *len, unsigned max_depth,
		       precis__html_cuts *cuts, size_t *blanked);
/* Decoded-text offset of guarded offset `at`. */
size_t precis__html_cut_src(const precis__html_cuts *c, size_t at);
/* Index of the cut run holding guarded offset `at` (c->n > 0). */
size_t precis__html_cut_at(const precis__html_cuts *c, size_t at);
void precis__html_cuts_free(precis__html_cuts *c);

/* ------------------------------------------------------------------- dom */

/* Node kinds beyond GumboTag values, stored in precis__html_node.tag. */
#define PRECIS__HTML_TAG_TEXT ((uint16_t)(GUMBO_TAG_LAST + 1))
#define PRECIS__HTML_TAG_DOC ((uint16_t)(GUMBO_TAG_LAST + 2))

/* A node of the flattened tree, in document (preorder) order. */
typedef struct {
	const GumboNode *g; /* gumbo's node */
	uint32_t parent;    /* index of the parent; 0 for the root itself */
	uint32_t end;       /* one past the last node of the subtree */
	uint16_t tag;       /* GumboTag, PRECIS__HTML_TAG_TEXT or _DOC */
	uint16_t depth;     /* element depth, saturating at 65535 */
} precis__html_node;

typedef struct precis__html_block_hdr precis__html_block_hdr;

typedef struct {
	GumboOutput *out;
	size_t len;               /* length of the parsed buffer */
	precis__html_node *nodes; /* nodes[0] is the document */
	size_t nnodes;
	/* Allocator state: every gumbo block is on one list, freed at once. */
	precis__html_block_hdr *blocks;
	size_t live, limit;
	void *jump; /* jmp_buf * while gumbo runs */
} precis__html_dom;

/*
 * Parses `len` bytes of UTF-8 (not necessarily NUL-terminated) with gumbo
 * and flattens the tree. Gumbo's allocations go through a tracked allocator
 * limited to `limit` bytes; when it is exhausted (or malloc fails) the parse
 * is abandoned by longjmp and everything freed: gumbo 0.10.1 does not check
 * for allocation failure, so this is the only way to survive it. 0 or
 * PRECIS__HTML_ERR_NOMEM.
 */
int precis__html_dom_parse(precis__html_dom *dom, const char *utf8,
			   size_t len, size_t limit);
void precis__html_dom_free(precis__html_dom *dom);

/* Attribute value of an element node, or NULL. */
const char *precis__html_attr(const precis__html_node *n, const char *name);
/* Whether `tag` starts a new block (paragraph) in rendered text. */
int precis__html_tag_is_block(unsigned tag);
/* Whether an element with `tag` is never rendered (script, svg, forms...). */
int precis__html_tag_is_dropped(unsigned tag);

/* --------------------------------------------------------------- extract */

/* What the extractor decided for each node (one byte per node). */
#define PRECIS__HTML_KEEP 1u /* render this node's text */

/*
 * Chooses the article in `dom` and marks in keep[i] (one byte per node) the
 * nodes whose text is rendered. Writes the index of the article's root to
 * *root (0 when the page has no text). 0 or PRECIS__HTML_ERR_NOMEM.
 */
int precis__html_select(const precis__html_dom *dom, uint8_t *keep,
			size_t *root);

/* What an element's attributes say (html_class.c). */
#define PRECIS__HTML_A_NEG 1u       /* a class/id name of boilerplate */
#define PRECIS__HTML_A_POS 2u       /* a class/id name of content */
#define PRECIS__HTML_A_HIDDEN 4u    /* hidden, aria-hidden, display:none */
#define PRECIS__HTML_A_ROLE_JUNK 8u /* role=navigation, complementary... */
#define PRECIS__HTML_A_ROLE_MAIN 16u /* role=main or article */
#define PRECIS__HTML_A_BODY 32u     /* itemprop=articleBody */

typedef struct {
	uint8_t flags;
	int8_t weight; /* content-like minus boilerplate-like of class, id */
} precis__html_attrs;

/* Reads the signals of an element's attributes in one pass. */
void precis__html_read_attrs(const precis__html_node *n, precis__html_attrs *out);
/* Whether the element is hidden (hidden, aria-hidden, display:none...). */
int precis__html_is_hidden(const precis__html_node *n);

/* ------------------------------------------------------------------- ld */

/* Words of a JSON-LD articleBody, as hashes (html_ld.c). */
typedef struct {
	uint64_t *slot; /* open addressing; 0 = empty */
	size_t cap, distinct;
	size_t words;   /* word count of the body; 0 when none usable */
} precis__html_ldset;

typedef void (*precis__html_word_fn)(void *ctx, uint64_t hash);
/* Calls fn (may be NULL) with the hash of each word of [s, s+n)
 * (lowercased runs of letters, digits, non-ASCII); returns the count. */
size_t precis__html_words(const char *s, size_t n, precis__html_word_fn fn,
			  void *ctx);
/* Reads the longest articleBody of the page's JSON-LD scripts, if it has
 * 80 words or more. 0 or NOMEM. */
int precis__html_ld_read(const precis__html_dom *dom, precis__html_ldset *out);
int precis__html_ld_has(const precis__html_ldset *s, uint64_t h);
void precis__html_ld_free(precis__html_ldset *s);

/* ------------------------------------------------------------ align/text */

/*
 * A stretch of a text node's decoded text and the raw bytes it came from:
 * text [t, t + tlen) came from source [s, s + slen), offsets relative to the
 * node's text and its original_text.
 */
typedef struct {
	size_t t, tlen, s, slen;
} precis__html_span;

/*
 * Aligns decoded text `t` with the raw source `s` it was decoded from
 * (entities, CR LF, ignored tags inside the text node). Calls `emit` for
 * each maximal span, in order; spans cover all of `t`.
 */
typedef int (*precis__html_span_fn)(void *ctx, const precis__html_span *sp);
int precis__html_align(const char *t, size_t tlen, const char *s, size_t slen,
		       precis__html_span_fn emit, void *ctx);

/*
 * Renders the kept nodes of `dom` as text: white space collapsed (kept in
 * <pre>), blocks separated by a blank line, list items and <br> by a line
 * break. Node offsets are in the guarded buffer; pieces come out in the
 * source coordinates, through `cuts` then `dec`. 0 or NOMEM.
 */
int precis__html_render(const precis__html_dom *dom, const uint8_t *keep,
			const precis__html_cuts *cuts,
			const precis__html_decoded *dec,
			precis__html_result *res);

/* Letters and digits of [s, s+n) (non-ASCII bytes kept), ASCII
 * lowercased, into out (NUL-terminated): for comparing titles. */
size_t precis__html_squash(const char *s, size_t n, char *out, size_t cap);

/* Title: <h1> in the article, og:title, <title> minus a site suffix;
 * *node is the element it was read from (0 when none). */
int precis__html_title(const precis__html_dom *dom, size_t root,
		       precis__html_result *res, size_t *node);

#endif
