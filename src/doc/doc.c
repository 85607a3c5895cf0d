/*
 * doc.c - building a document: bytes -> checked text -> units -> terms.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/text.h"
#include "context/ctx.h"
#include "doc/doc.h"

/* A headline is short: longer first lines are more likely a lead paragraph
 * that lost its final period. */
#define TITLE_MAX_WORDS 30

/* Maps context term ids to dense local ids through a scratch table. */
typedef struct localmap {
	uint32_t *of; /* context id -> local id + 1 */
	size_t cap;
} localmap;

static int localize(precis_doc *d, localmap *m, precis__terms *t, size_t from)
{
	for (size_t i = from; i < t->n; i++) {
		uint32_t g = t->v[i];
		if (g >= m->cap) {
			size_t old = m->cap;
			if (precis__grow((void **)&m->of, &m->cap, (size_t)g + 1,
					 sizeof *m->of) != 0)
				return PRECIS_ERR_NOMEM;
			memset(m->of + old, 0, (m->cap - old) * sizeof *m->of);
		}
		if (m->of[g] == 0) {
			if (d->nterms + 1 > d->global_cap &&
			    precis__grow((void **)&d->global, &d->global_cap,
					 d->nterms + 1, sizeof *d->global) != 0)
				return PRECIS_ERR_NOMEM;
			d->global[d->nterms] = g;
			m->of[g] = (uint32_t)++d->nterms;
		}
		t->v[i] = m->of[g] - 1;
	}
	return 0;
}

static int tokenize_units(precis_doc *d, precis_ctx *ctx, localmap *m,
			  precis__terms *t, precis_error *err)
{
	size_t n = d->units.n;
	d->words = calloc(n + 1, sizeof *d->words);
	d->term_off = calloc(n + 1, sizeof *d->term_off);
	if (d->words == NULL || d->term_off == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	for (size_t i = 0; i < n; i++) {
		size_t from = t->n, words;
		int rc = precis__tokenize(ctx, d->text, d->units.v[i].start,
					  d->units.v[i].end, t, &words, err);
		if (rc != 0)
			return rc;
		if (words > UINT32_MAX || t->n > UINT32_MAX) /* doc.h: 32 bits */
			return precis__fail(err, PRECIS_ERR_LIMIT,
					    "more than 2^32 words in a sentence or terms in all");
		if (localize(d, m, t, from) != 0)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		d->words[i] = (uint32_t)words;
		d->term_off[i + 1] = (uint32_t)t->n;
	}
	return 0;
}

/* The first unit is the headline when it is a short standalone line. Out
 * of memory fails the document: a headline without its terms would weigh
 * differently from the same document built again. */
static int detect_title(precis_doc *d, precis_error *err)
{
	if (d->units.n < 2 || d->units.v[0].kind != PRECIS_UNIT_LINE)
		return 0;
	if (d->words[0] < 2 || d->words[0] > TITLE_MAX_WORDS)
		return 0;
	size_t n;
	const uint32_t *t = precis__doc_terms(d, 0, &n);
	d->title_terms = malloc((n ? n : 1) * sizeof *t);
	if (d->title_terms == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	if (n > 0) /* t is NULL in a document without terms */
		memcpy(d->title_terms, t, n * sizeof *t);
	d->ntitle_terms = n;
	d->has_title = 1;
	d->title_unit = 0;
	d->title_off = d->units.v[0].start;
	d->title_len = d->units.v[0].end - d->units.v[0].start;
	return 0;
}

/* A given title: its terms that also occur in the body. */
static int given_title(precis_doc *d, precis_ctx *ctx, const char *title,
		       const localmap *m, precis_error *err)
{
	size_t tl = strlen(title), words;
	precis__terms t = { 0 };
	d->title_text = malloc(tl + 1);
	if (d->title_text == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	memcpy(d->title_text, title, tl + 1);
	if (!precis__utf8_valid(title, tl, NULL))
		return 0; /* an unreadable title is no title */
	int rc = precis__tokenize(ctx, title, 0, tl, &t, &words, err);
	if (rc == 0 && t.n > 0) {
		size_t k = 0;
		for (size_t i = 0; i < t.n; i++)
			if (t.v[i] < m->cap && m->of[t.v[i]] != 0)
				t.v[k++] = m->of[t.v[i]] - 1;
		d->title_terms = t.v;
		d->ntitle_terms = k;
		d->has_title = 1;
		d->title_unit = (size_t)-1;
		d->title_len = tl;
		return 0;
	}
	free(t.v);
	return rc;
}

/* The unit holding the title span the input stage found (a Markdown
 * heading, an HTML title), as the document's headline. Out of memory
 * fails, as in detect_title(). */
static int marked_title(precis_doc *d, precis_error *err)
{
	size_t lo = d->input.title_off, hi = lo + d->input.title_len;
	size_t first = d->units.n, last = 0, nterms = 0, words = 0;
	for (size_t i = 0; i < d->units.n; i++) {
		const precis__unit *u = &d->units.v[i];
		if (u->end <= lo || u->start >= hi)
			continue;
		size_t n;
		precis__doc_terms(d, i, &n);
		first = first < i ? first : i;
		last = i;
		nterms += n;
		words += d->words[i];
	}
	if (first == d->units.n || words == 0)
		return 0; /* a heading without words is no headline */
	if ((d->title_terms = malloc((nterms ? nterms : 1) * sizeof *d->title_terms)) == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	for (size_t i = first, k = 0; i <= last; i++) {
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		if (n > 0)
			memcpy(d->title_terms + k, t, n * sizeof *t);
		k += n;
	}
	d->ntitle_terms = nterms;
	d->has_title = 1;
	d->title_unit = first;
	d->title_off = d->units.v[first].start;
	d->title_len = d->units.v[last].end - d->title_off;
	return 0;
}

/* A split-only document's marked title: the span only. */
static void marked_span(precis_doc *d)
{
	size_t lo = d->input.title_off, hi = lo + d->input.title_len;
	for (size_t i = 0; i < d->units.n; i++) {
		if (d->units.v[i].end <= lo || d->units.v[i].start >= hi)
			continue;
		if (!d->has_title) {
			d->has_title = 1;
			d->title_unit = i;
			d->title_off = d->units.v[i].start;
		}
		d->title_len = d->units.v[i].end - d->title_off;
	}
}

static int tokenize_all(precis_doc *d, precis_ctx *ctx, const char *title,
			precis_error *err)
{
	localmap m = { ctx->local_of, ctx->local_cap };
	precis__terms t = { 0 };
	int rc = tokenize_units(d, ctx, &m, &t, err);
	d->terms = t.v;
	if (rc == 0 && title != NULL)
		rc = given_title(d, ctx, title, &m, err);
	else if (rc == 0 && d->input.has_title)
		rc = marked_title(d, err);
	else if (rc == 0)
		rc = detect_title(d, err);
	/* Every entry set has its term in d->global (localize() records it
	 * first): clearing those leaves the map all zero for the next. */
	for (size_t i = 0; i < d->nterms; i++)
		m.of[d->global[i]] = 0;
	ctx->local_of = m.of;
	ctx->local_cap = m.cap;
	return rc;
}

static int build(precis_doc *d, precis_ctx *ctx, const char *data, size_t len,
		 const precis_read_options *o, precis_error *err)
{
	precis__input_opts io = {
		o->format, (o->flags & PRECIS_DOC_JOIN_LINES) ? PRECIS_WRAP_JOIN : o->wrap,
		o->name, o->encoding, (o->flags & PRECIS_DOC_LENIENT) != 0,
		PRECIS__WIDTH_ESTIMATE, 0, (o->flags & PRECIS_DOC_BORROW) != 0
	};
	int rc = precis__input_read(&d->input, data, len, &io, err);
	if (rc != 0)
		return rc;
	d->text = d->input.text;
	d->len = d->input.len;
	d->repairs = d->input.utf8.repairs;
	/* Joined lines are the input stage's business: only noise is asked. */
	rc = precis__segment(ctx->lang.rules, d->text, d->len,
			     precis__seg_flags(o->flags & PRECIS_DOC_KEEP_NOISE),
			     &d->units, err);
	if (rc != 0)
		return rc;
	d->nparagraphs = d->units.paragraphs;
	d->language = precis_ctx_language(ctx);
	d->split_only = (o->flags & (PRECIS_DOC_SPLIT_ONLY | PRECIS_DOC_KEEP_NOISE)) != 0;
	const char *title = o->title;
	if (d->split_only) { /* no terms: the title is kept as text only */
		if (title != NULL && (d->title_text = strdup(title)) == NULL)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		if (title == NULL && d->input.has_title)
			marked_span(d);
		return 0;
	}
	return tokenize_all(d, ctx, title, err);
}

void precis_read_options_init(precis_read_options *o)
{
	if (o != NULL)
		*o = (precis_read_options)PRECIS_READ_OPTIONS_INIT;
}

int precis_doc_read(precis_doc **out, precis_ctx *ctx, const char *data,
		    size_t len, const precis_read_options *o, precis_error *err)
{
	precis__clear(err);
	precis_read_options defaults = PRECIS_READ_OPTIONS_INIT;
	if (o == NULL)
		o = &defaults;
	if (out == NULL || ctx == NULL || (data == NULL && len > 0))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	if (o->version != PRECIS_READ_OPTIONS_VERSION)
		return precis__fail(err, PRECIS_ERR_ARG, "read options version %u not supported",
				    o->version);
	precis_doc *d = calloc(1, sizeof *d);
	if (d == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = build(d, ctx, data ? data : "", len, o, err);
	if (rc != 0) {
		precis_doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int precis_doc_new(precis_doc **out, precis_ctx *ctx, const char *text,
		   size_t len, const char *title, unsigned flags,
		   precis_error *err)
{
	precis_read_options o = PRECIS_READ_OPTIONS_INIT;
	o.format = PRECIS_INPUT_TEXT;
	o.wrap = PRECIS_WRAP_KEEP;
	o.title = title;
	o.flags = flags;
	return precis_doc_read(out, ctx, text, len, &o, err);
}

void precis_doc_free(precis_doc *d)
{
	if (d == NULL)
		return;
	precis__input_free(&d->input);
	precis__units_free(&d->units);
	free(d->words);
	free(d->term_off);
	free(d->terms);
	free(d->global);
	free(d->title_terms);
	free(d->title_text);
	free(d);
}

const char *precis_doc_text(const precis_doc *d, size_t *len)
{
	if (len != NULL)
		*len = d ? d->len : 0;
	return d ? d->text : NULL;
}

size_t precis_doc_repairs(const precis_doc *d)
{
	return d ? d->repairs : 0;
}

size_t precis_doc_sentence_count(const precis_doc *d)
{
	return d ? d->units.n : 0;
}

int precis_doc_sentence(const precis_doc *d, size_t i, precis_sentence *out)
{
	if (d == NULL || out == NULL || i >= d->units.n)
		return PRECIS_ERR_ARG;
	const precis__unit *u = &d->units.v[i];
	out->offset = u->start;
	out->length = u->end - u->start;
	out->paragraph = u->paragraph;
	out->kind = u->kind;
	out->words = d->words ? d->words[i] : 0;
	precis__input_source_span(&d->input, u->start, u->end - u->start,
				  &out->source_offset, &out->source_length);
	return 0;
}

int precis_doc_format(const precis_doc *d)
{
	return d ? d->input.format : PRECIS_INPUT_TEXT;
}

int precis_doc_source_span(const precis_doc *d, size_t offset, size_t length,
			   size_t *src_offset, size_t *src_length)
{
	if (d == NULL || offset > d->len || length > d->len - offset)
		return PRECIS_ERR_ARG;
	size_t s, n;
	precis__input_source_span(&d->input, offset, length, &s, &n);
	if (src_offset != NULL)
		*src_offset = s;
	if (src_length != NULL)
		*src_length = n;
	return 0;
}

const char *precis_doc_given_title(const precis_doc *d)
{
	return d ? d->title_text : NULL;
}

int precis_doc_title(const precis_doc *d, size_t *offset, size_t *length)
{
	if (d == NULL || !d->has_title || d->title_text != NULL)
		return 0;
	if (offset != NULL)
		*offset = d->title_off;
	if (length != NULL)
		*length = d->title_len;
	return 1;
}
