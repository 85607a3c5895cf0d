/*
 * splitter.c - sentence splitting of a stream. Bytes wait in a buffer until
 * it holds a blank line past SPLIT_CHUNK bytes; the text before that line
 * then goes through the input stage, is segmented and handed out, so memory
 * stays near the chunk size (plus the longest paragraph) however long the
 * input. That is sound for plain UTF-8 text, whose reading is local to a
 * paragraph; Markdown, HTML and other encodings are held whole and read as
 * a document at the end.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/internal.h"
#include "context/ctx.h"
#include "doc/doc.h"
#include "doc/splitter.h"
#include "input/input.h"
#include "input/wrap.h"
#include "segment/segment.h"

/* Large enough that per-chunk overhead vanishes, small enough to stay in
 * cache-friendly territory and to show output early on a slow pipe. */
#define SPLIT_CHUNK ((size_t)1 << 18)
/* Bytes enough to tell the format (the input stage sniffs as much). */
#define SNIFF ((size_t)64 << 10)

struct precis_splitter {
	const precis_ctx *ctx;
	precis_read_options opts;
	char *name, *encoding; /* copies of the options' strings */
	int decided;       /* the format is known: streaming or held */
	int hold;          /* held whole until _finish */
	int width_known;   /* the wrap width is known */
	size_t width;
	char *buf;         /* raw bytes not yet split */
	size_t len, cap;
	size_t scan;       /* resume point of the blank-line scan in buf */
	int line_ended;    /* a line break came since that scan */
	size_t raw;        /* raw input bytes before buf[0] */
	size_t base;       /* text offset of buf[0]: text bytes before it */
	size_t para;       /* paragraphs before buf[0] */
	size_t repairs;
	size_t chunk;      /* bytes to gather before looking for a cut */
	int started;       /* a chunk was split: no BOM from here on */
	int failed;        /* an error ended the stream */
};

static char *dup_or_null(const char *s, int *oom)
{
	if (s == NULL)
		return NULL;
	char *d = malloc(strlen(s) + 1);
	if (d == NULL)
		*oom = 1;
	else
		strcpy(d, s);
	return d;
}

int precis_splitter_read(precis_splitter **out, const precis_ctx *ctx,
			 const precis_read_options *o, precis_error *err)
{
	precis__clear(err);
	precis_read_options defaults = PRECIS_READ_OPTIONS_INIT;
	if (o == NULL)
		o = &defaults;
	if (out == NULL || ctx == NULL || o->version != PRECIS_READ_OPTIONS_VERSION)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = calloc(1, sizeof **out);
	if (*out == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	precis_splitter *sp = *out;
	int oom = 0;
	sp->ctx = ctx;
	sp->opts = *o;
	sp->opts.title = NULL;
	sp->opts.name = sp->name = dup_or_null(o->name, &oom);
	sp->opts.encoding = sp->encoding = dup_or_null(o->encoding, &oom);
	if (o->flags & PRECIS_DOC_JOIN_LINES)
		sp->opts.wrap = PRECIS_WRAP_JOIN;
	sp->chunk = SPLIT_CHUNK;
	if (oom) {
		precis_splitter_free(sp);
		*out = NULL;
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	return 0;
}

int precis_splitter_new(precis_splitter **out, const precis_ctx *ctx,
			unsigned flags, precis_error *err)
{
	precis_read_options o = PRECIS_READ_OPTIONS_INIT;
	o.format = PRECIS_INPUT_TEXT;
	o.wrap = PRECIS_WRAP_KEEP;
	o.flags = flags;
	return precis_splitter_read(out, ctx, &o, err);
}

void precis_splitter_free(precis_splitter *sp)
{
	if (sp == NULL)
		return;
	free(sp->buf);
	free(sp->name);
	free(sp->encoding);
	free(sp);
}

void precis__splitter_chunk(precis_splitter *sp, size_t bytes)
{
	sp->chunk = bytes;
}

size_t precis_splitter_repairs(const precis_splitter *sp)
{
	return sp ? sp->repairs : 0;
}

/* ---- deciding how to read --------------------------------------------- */

static int streams(const precis_splitter *sp, int at_end)
{
	const precis_read_options *o = &sp->opts;
	const unsigned char *b = (const unsigned char *)sp->buf;
	if (o->encoding != NULL && strcasecmp(o->encoding, "UTF-8") != 0 &&
	    strcasecmp(o->encoding, "UTF8") != 0)
		return 0;
	if (o->encoding == NULL && sp->len >= 2 &&
	    ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) ||
	     (sp->len >= 4 && memcmp(b, "\0\0\xFE\xFF", 4) == 0)))
		return 0; /* UTF-16 or UTF-32 */
	if (o->format != PRECIS_INPUT_AUTO)
		return o->format == PRECIS_INPUT_TEXT;
	(void)at_end;
	size_t bom = sp->len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	return precis__input_detect(o->name, sp->buf ? sp->buf + bom : "",
				    sp->len - bom) == PRECIS_INPUT_TEXT;
}

/* Decides once enough bytes came (or the input ended): a byte order mark
 * takes four, a format to detect SNIFF and a BOM. */
static void decide(precis_splitter *sp, int at_end)
{
	size_t need = sp->opts.format == PRECIS_INPUT_AUTO ? SNIFF + 3 : 4;
	if (sp->decided || (!at_end && sp->len < need))
		return;
	sp->decided = 1;
	sp->hold = !streams(sp, at_end);
}

/* Line breaks in buf[from, len) up to `want`. */
static int breaks_after(const precis_splitter *sp, size_t from, int want)
{
	int n = 0;
	for (size_t i = from; i < sp->len && n < want; i++)
		n += sp->buf[i] == '\n';
	return n;
}

/*
 * The wrap width the whole text gives: it is read from the paragraphs
 * that start in the first PRECIS__WRAP_SAMPLE bytes, so it is known once
 * the buffer holds them and the line after (two line breaks past it).
 */
static int find_width(precis_splitter *sp, int at_end)
{
	if (sp->width_known || sp->opts.wrap != PRECIS_WRAP_AUTO) {
		sp->width_known = 1;
		return 0;
	}
	if (!at_end && (sp->len < PRECIS__WRAP_SAMPLE ||
			breaks_after(sp, PRECIS__WRAP_SAMPLE, 2) < 2))
		return 0;
	/* Decoded as the chunks will be: a named UTF-8 keeps a UTF-16 byte
	 * order mark from switching the encoding. */
	precis__utf8 u;
	int rc = precis__decode(&u, sp->buf ? sp->buf : "", sp->len, sp->opts.encoding,
				1, NULL);
	if (rc != 0)
		return rc;
	sp->width = precis__wrap_width(u.text, u.len);
	sp->width_known = 1;
	precis__decode_free(&u);
	return 0;
}

/* ---- splitting ---------------------------------------------------------- */

static int hand_out(precis_splitter *sp, const precis__input *in,
		    const precis__units *u, precis_sentence_fn fn, void *arg)
{
	for (size_t i = 0; i < u->n; i++) {
		const precis__unit *x = &u->v[i];
		precis_sentence s = { sp->base + x->start, x->end - x->start,
				      sp->para + x->paragraph, 0, x->kind, 0, 0 };
		precis__input_source_span(in, x->start, x->end - x->start,
					  &s.source_offset, &s.source_length);
		s.source_offset += sp->raw;
		int rc = fn(arg, in->text + x->start, &s);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Drops the first n bytes of the buffer, split now. */
static void consume(precis_splitter *sp, size_t n, size_t text_len,
		    const precis__units *u)
{
	/* The chunk ends in a blank line: the next paragraph is new. */
	sp->para += u->paragraphs;
	sp->base += text_len;
	sp->raw += n;
	sp->started = 1;
	if (sp->len > n)
		memmove(sp->buf, sp->buf + n, sp->len - n);
	sp->len -= n;
	sp->scan = sp->scan > n ? sp->scan - n : 0;
}

/* Reads buf[0, n) through the input stage as plain text, hands its
 * sentences out and drops those bytes. */
static int split_chunk(precis_splitter *sp, size_t n, precis_sentence_fn fn,
		       void *arg, precis_error *err)
{
	precis__input in;
	/* The encoding is UTF-8 here, named or not: named, no BOM may say
	 * otherwise. */
	precis__input_opts io = { PRECIS_INPUT_TEXT, sp->opts.wrap, NULL, sp->opts.encoding,
				  (sp->opts.flags & PRECIS_DOC_LENIENT) != 0,
				  sp->width, sp->started, 0 };
	precis__units u = { 0 };
	int rc = precis__input_read(&in, sp->buf ? sp->buf : "", n, &io, err);
	if (rc == PRECIS_ERR_UTF8 && err != NULL)
		err->offset += sp->raw;
	if (rc == 0)
		rc = precis__segment(sp->ctx->lang.rules, in.text, in.len,
				     precis__seg_flags(sp->opts.flags & PRECIS_DOC_KEEP_NOISE),
				     &u, err);
	if (rc == 0)
		rc = hand_out(sp, &in, &u, fn, arg);
	if (rc == 0) {
		sp->repairs += in.utf8.repairs;
		consume(sp, n, in.len, &u);
	}
	precis__units_free(&u);
	precis__input_free(&in);
	return rc;
}

/* A held input at its end: one document, its sentences handed out. */
static int split_held(precis_splitter *sp, precis_sentence_fn fn, void *arg,
		      precis_error *err)
{
	precis_doc *d;
	precis_read_options o = sp->opts;
	o.flags |= PRECIS_DOC_SPLIT_ONLY;
	int rc = precis_doc_read(&d, (precis_ctx *)sp->ctx, sp->buf, sp->len, &o, err);
	if (rc != 0)
		return rc;
	sp->repairs = d->repairs;
	for (size_t i = 0; rc == 0 && i < d->units.n; i++) {
		precis_sentence s;
		precis_doc_sentence(d, i, &s);
		rc = fn(arg, d->text + s.offset, &s);
	}
	precis_doc_free(d);
	return rc;
}

/*
 * A page break reads the lines around it (page.c): its footer and header
 * (two lines each at most, with blank lines) and the paragraphs on either
 * side, so no cut may fall in there. A cut is safe with no form feed from
 * the third line of text before it to the third line of text after it,
 * and those lines in the buffer. Returns the last safe cut at or before
 * `cut`, 0 when there is none yet.
 */
#define PAGE_LINES 3

static size_t text_lines_after(const precis_splitter *sp, size_t at, size_t *end)
{
	size_t k = 0, p = at;
	while (k < PAGE_LINES) {
		const char *nl = memchr(sp->buf + p, '\n', sp->len - p);
		if (nl == NULL)
			return k;
		size_t q = p;
		while (q < (size_t)(nl - sp->buf) && (sp->buf[q] == ' ' || sp->buf[q] == '\t' ||
						      sp->buf[q] == '\r'))
			q++;
		k += q < (size_t)(nl - sp->buf);
		p = (size_t)(nl - sp->buf) + 1;
	}
	*end = p;
	return k;
}

static size_t text_lines_start(const precis_splitter *sp, size_t at)
{
	size_t k = 0, p = at;
	while (p > 0 && k < PAGE_LINES) {
		size_t s = p - 1;
		while (s > 0 && sp->buf[s - 1] != '\n')
			s--;
		for (size_t q = s; q < p; q++)
			if (sp->buf[q] != ' ' && sp->buf[q] != '\t' && sp->buf[q] != '\r' &&
			    sp->buf[q] != '\n') {
				k++;
				break;
			}
		p = s;
	}
	return p;
}

static size_t safe_cut(const precis_splitter *sp, size_t cut)
{
	while (cut > 0) {
		size_t end, from = text_lines_start(sp, cut);
		if (text_lines_after(sp, cut, &end) == PAGE_LINES &&
		    memchr(sp->buf + from, '\f', end - from) == NULL)
			return cut;
		/* The blank line before the paragraph before. */
		size_t p = cut - 1, c = 0;
		while (p > 0 && c == 0) {
			size_t s = p;
			while (s > 0 && sp->buf[s - 1] != '\n')
				s--;
			int blank = 1;
			for (size_t q = s; q < p; q++)
				blank &= sp->buf[q] == ' ' || sp->buf[q] == '\t' || sp->buf[q] == '\r';
			if (blank && s < cut - 1 && p < cut - 1)
				c = p + 1;
			p = s > 0 ? s - 1 : 0;
		}
		cut = c;
	}
	return 0;
}

int precis_splitter_feed(precis_splitter *sp, const char *data, size_t len,
			 precis_sentence_fn fn, void *arg, precis_error *err)
{
	precis__clear(err);
	if (sp == NULL || fn == NULL || (data == NULL && len > 0) || sp->failed)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (len > SIZE_MAX - sp->len ||
	    precis__grow((void **)&sp->buf, &sp->cap, sp->len + len, 1) != 0) {
		sp->failed = 1;
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	if (len > 0) {
		memcpy(sp->buf + sp->len, data, len);
		sp->line_ended |= memchr(data, '\n', len) != NULL;
	}
	sp->len += len;
	decide(sp, 0);
	int rc = sp->decided && !sp->hold ? find_width(sp, 0) : 0;
	/* The scan resumes at the start of the last line: until that line
	 * ends, scanning again finds nothing, and would read it over and over
	 * (quadratic in a line of megabytes). */
	if (rc != 0 || !sp->decided || sp->hold || !sp->width_known ||
	    sp->len < sp->chunk || !sp->line_ended) {
		sp->failed = rc != 0;
		return rc != 0 ? precis__fail(err, rc, NULL) : 0;
	}
	sp->line_ended = 0;
	size_t cut = precis__segment_cut(sp->ctx->lang.rules, sp->buf, sp->len, &sp->scan);
	if (sp->opts.wrap != PRECIS_WRAP_KEEP)
		cut = safe_cut(sp, cut);
	rc = cut > 0 ? split_chunk(sp, cut, fn, arg, err) : 0;
	sp->failed = rc != 0;
	return rc;
}

int precis_splitter_finish(precis_splitter *sp, precis_sentence_fn fn,
			   void *arg, precis_error *err)
{
	precis__clear(err);
	if (sp == NULL || fn == NULL || sp->failed)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	decide(sp, 1);
	int rc = sp->hold ? 0 : find_width(sp, 1);
	if (rc != 0)
		rc = precis__fail(err, rc, NULL);
	else if (sp->hold)
		rc = split_held(sp, fn, arg, err);
	else
		rc = split_chunk(sp, sp->len, fn, arg, err);
	sp->failed = 1; /* the stream is over either way */
	return rc;
}
