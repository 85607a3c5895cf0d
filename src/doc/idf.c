/*
 * idf.c - background IDF models: build, merge, load, write, look up.
 *
 * File format (text, UTF-8):
 *   precis-idf<TAB>1<TAB><language><TAB><documents>
 *   <term><TAB><df>            one line per term, sorted by term bytes
 * Terms are Snowball stems of folded words, as tokenize.c makes them, so a
 * model only serves the language it was built for.
 *
 * Counts are whole numbers up to 2^53, the range in which a double holds
 * every integer: past it, adding one document no longer changes the count,
 * and a model claiming more (1e20 documents) is damaged, not large. A
 * loaded model is one precis could have written: at least one document,
 * each term in 1 to `documents` of them, each term once, its bytes UTF-8
 * without NUL or control characters. Anything else is refused with its
 * line rather than weighed silently (a term in more documents than there
 * are would get the idf of a stopword, a repeated one the sum of its
 * counts).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/strtab.h"
#include "base/text.h"
#include "context/ctx.h"
#include "context/lang.h"
#include "doc/doc.h"
#include "doc/idf.h"

/* The largest count: 2^53, below which every whole number is a double. */
#define COUNT_MAX 9007199254740992.0

struct precis_idf {
	char language[8];
	double documents;
	precis__strtab terms;
	double *df;
	size_t df_cap;
};

double precis__idf_value(double n, double df)
{
	/* A hand-made model may claim more documents for a term than in all;
	 * such a term is simply in every document. */
	if (df > n)
		df = n;
	return log((1.0 + n) / (1.0 + df)) + 1.0;
}

static precis_idf *idf_alloc(const char *language)
{
	precis_idf *m = calloc(1, sizeof *m);
	if (m != NULL)
		snprintf(m->language, sizeof m->language, "%s", language);
	return m;
}

int precis_idf_new(precis_idf **out, const precis_ctx *ctx, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || ctx == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = idf_alloc(ctx->lang.info->code);
	return *out ? 0 : precis__fail(err, PRECIS_ERR_NOMEM, NULL);
}

void precis_idf_free(precis_idf *m)
{
	if (m == NULL)
		return;
	precis__strtab_clear(&m->terms);
	free(m->df);
	free(m);
}

/*
 * Room for term s[0, n) and its count (0 when new): its id, or
 * PRECIS_ERR_NOMEM. Room for the count is made before the term is
 * interned, so a failure never leaves a term without one.
 */
static int64_t term_slot(precis_idf *m, const char *s, size_t n)
{
	if (precis__grow((void **)&m->df, &m->df_cap, m->terms.n + 1,
			 sizeof *m->df) != 0)
		return PRECIS_ERR_NOMEM;
	int added;
	int64_t id = precis__strtab_intern(&m->terms, s, n, &added);
	if (id >= 0 && added)
		m->df[id] = 0;
	return id < 0 ? PRECIS_ERR_NOMEM : id;
}

static int count_fail(precis_error *err, int rc)
{
	return rc == PRECIS_ERR_LIMIT ? precis__fail(err, rc, "count too large")
				      : precis__fail(err, rc, NULL);
}

/* Counts to add: a document's distinct terms (1 each) or a model's. */
typedef struct source {
	const precis__strtab *tab; /* the terms' strings */
	const uint32_t *ids;       /* term i is ids[i] in tab; NULL: i */
	const precis_idf *model;   /* its counts; NULL: 1 each */
	size_t n;
	double documents;
} source;

static const char *source_term(const source *src, size_t i, size_t *len,
			       double *df)
{
	uint32_t id = src->ids ? src->ids[i] : (uint32_t)i;
	*df = src->model ? src->model->df[id] : 1.0;
	return precis__strtab_get(src->tab, id, len);
}

/*
 * Adds every count of `src` or none: the terms are interned first (new ones
 * at 0) and every sum is checked before one changes, so running out of
 * memory or past COUNT_MAX leaves the model as it was, fit to use. A term's
 * count never passes the documents' (each source's does not).
 */
static int add_source(precis_idf *m, const source *src)
{
	size_t old = m->terms.n, len;
	double df;
	int rc = m->documents + src->documents <= COUNT_MAX ? 0 : PRECIS_ERR_LIMIT;
	for (size_t i = 0; i < src->n && rc == 0; i++) {
		const char *s = source_term(src, i, &len, &df);
		int64_t id = term_slot(m, s, len);
		if (id < 0)
			rc = (int)id;
		else if (m->df[id] + df > COUNT_MAX)
			rc = PRECIS_ERR_LIMIT;
	}
	if (rc != 0) {
		precis__strtab_truncate(&m->terms, old);
		return rc;
	}
	for (size_t i = 0; i < src->n; i++) {
		const char *s = source_term(src, i, &len, &df);
		m->df[precis__strtab_find(&m->terms, s, len)] += df;
	}
	m->documents += src->documents;
	return 0;
}

int precis_idf_add(precis_idf *m, const precis_ctx *ctx, const precis_doc *d,
		   precis_error *err)
{
	precis__clear(err);
	if (m == NULL || ctx == NULL || d == NULL || d->split_only)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (strcmp(m->language, ctx->lang.info->code) != 0)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "model is for '%s', context for '%s'",
				    m->language, ctx->lang.info->code);
	/* Local ids are exactly the document's distinct terms. */
	source src = { &ctx->terms, d->global, NULL, d->nterms, 1.0 };
	int rc = add_source(m, &src);
	return rc != 0 ? count_fail(err, rc) : 0;
}

int precis_idf_merge(precis_idf *into, const precis_idf *from,
		     precis_error *err)
{
	precis__clear(err);
	if (into == NULL || from == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (strcmp(into->language, from->language) != 0)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "cannot merge a '%s' model into a '%s' model",
				    from->language, into->language);
	source src = { &from->terms, NULL, from, from->terms.n, from->documents };
	int rc = add_source(into, &src);
	return rc != 0 ? count_fail(err, rc) : 0;
}

double precis_idf_documents(const precis_idf *m)
{
	return m ? m->documents : 0;
}

size_t precis_idf_terms(const precis_idf *m)
{
	return m ? m->terms.n : 0;
}

const char *precis_idf_language(const precis_idf *m)
{
	return m ? m->language : NULL;
}

typedef struct entry {
	const char *s;
	size_t n;
	double df;
} entry;

static int by_term(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, n);
	return c != 0 ? c : (x->n > y->n) - (x->n < y->n);
}

static int write_line(precis_write_fn write, void *payload, const char *s,
		      size_t n, double df)
{
	char num[40];
	int k = snprintf(num, sizeof num, "\t%.17g\n", df);
	return write(payload, s, n) || write(payload, num, (size_t)k);
}

int precis_idf_write(const precis_idf *m, precis_write_fn write,
		     void *payload, precis_error *err)
{
	precis__clear(err);
	if (m == NULL || write == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (m->documents == 0) /* no load would take it */
		return precis__fail(err, PRECIS_ERR_EMPTY, "the model counts no document");
	char head[96];
	int k = snprintf(head, sizeof head, "precis-idf\t1\t%s\t%.17g\n",
			 m->language, m->documents);
	if (write(payload, head, (size_t)k) != 0)
		return precis__fail(err, PRECIS_ERR_IO, "write failed");
	entry *e = malloc((m->terms.n ? m->terms.n : 1) * sizeof *e);
	if (e == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	for (size_t id = 0; id < m->terms.n; id++) {
		e[id].s = precis__strtab_get(&m->terms, (uint32_t)id, &e[id].n);
		e[id].df = m->df[id];
	}
	/* Sorted, so equal models write equal files whatever the input order. */
	qsort(e, m->terms.n, sizeof *e, by_term);
	int rc = 0;
	for (size_t i = 0; i < m->terms.n && rc == 0; i++)
		if (write_line(write, payload, e[i].s, e[i].n, e[i].df) != 0)
			rc = precis__fail(err, PRECIS_ERR_IO, "write failed");
	free(e);
	return rc;
}

static int parse_fail(precis_error *err, size_t line, const char *what)
{
	precis__fail(err, PRECIS_ERR_PARSE, "%s", what);
	if (err != NULL)
		err->line = line;
	return PRECIS_ERR_PARSE;
}

/* A whole count in [lo, COUNT_MAX] ending exactly at `end`. */
static int parse_count(const char *s, const char *end, double lo, double *out)
{
	char buf[40];
	size_t n = (size_t)(end - s);
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *stop;
	double v = strtod(buf, &stop);
	if (*stop != '\0' || !(v >= lo && v <= COUNT_MAX) || v != floor(v))
		return -1;
	*out = v;
	return 0;
}

enum { HEAD_BAD = -1, HEAD_NOMEM = -2, HEAD_COUNT = -3 };

static int parse_header(const char *s, const char *end, precis_idf **out)
{
	static const char magic[] = "precis-idf\t1\t";
	size_t ml = sizeof magic - 1;
	if ((size_t)(end - s) <= ml || memcmp(s, magic, ml) != 0)
		return HEAD_BAD;
	s += ml;
	const char *tab = memchr(s, '\t', (size_t)(end - s));
	double docs;
	char lang[16];
	if (tab == NULL || tab == s || tab - s >= (ptrdiff_t)sizeof lang)
		return HEAD_BAD;
	memcpy(lang, s, (size_t)(tab - s));
	lang[tab - s] = '\0';
	/* Any spelling of a language precis knows ("de", "German") becomes its
	 * code, so a context of that language accepts the model; a NUL inside
	 * or an unknown name is no language. */
	const precis__lang_info *li = precis__lang_find(lang);
	if (li == NULL || strlen(lang) != (size_t)(tab - s))
		return HEAD_BAD;
	if (parse_count(tab + 1, end, 1, &docs) != 0)
		return HEAD_COUNT;
	*out = idf_alloc(li->code);
	if (*out == NULL)
		return HEAD_NOMEM;
	(*out)->documents = docs;
	return 0;
}

/* A term as precis writes one: UTF-8 without control characters (a NUL
 * or a line break could never come out of the tokenizer). */
static int term_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return precis__utf8_valid(s, n, NULL);
}

/* Line `line`, "term<TAB>df": the term's count, refused unless it is a
 * new, well-formed term in 1 to m->documents documents. */
static int parse_line(precis_idf *m, const char *p, const char *e,
		      size_t line, precis_error *err)
{
	const char *tab = memchr(p, '\t', (size_t)(e - p));
	double df;
	if (tab == NULL || tab == p || parse_count(tab + 1, e, 0, &df) != 0)
		return parse_fail(err, line, "expected 'term<TAB>count', a whole count");
	size_t n = (size_t)(tab - p);
	if (!term_ok(p, n))
		return parse_fail(err, line, "a term must be UTF-8 without control characters");
	if (df < 1 || df > m->documents)
		return parse_fail(err, line, "a term's count must be from 1 to the document count");
	size_t before = m->terms.n;
	int64_t id = term_slot(m, p, n);
	if (id < 0)
		return precis__fail(err, (int)id, NULL);
	if (m->terms.n == before)
		return parse_fail(err, line, "the term is listed twice");
	m->df[id] = df;
	return 0;
}

static int parse_body(precis_idf *m, const char *p, const char *end,
		      precis_error *err)
{
	for (size_t line = 2; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		int rc = parse_line(m, p, e, line, err);
		if (rc != 0)
			return rc;
		p = e + 1;
	}
	return 0;
}

int precis_idf_load(precis_idf **out, const char *data, size_t len,
		    precis_error *err)
{
	precis__clear(err);
	if (out == NULL || (data == NULL && len > 0))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	if (len == 0)
		return parse_fail(err, 1, "not a precis IDF model (bad header)");
	const char *end = data + len, *nl = memchr(data, '\n', len);
	const char *he = nl ? nl : end;
	precis_idf *m = NULL;
	int rc = parse_header(data, he, &m);
	if (rc == HEAD_NOMEM)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	if (rc == HEAD_COUNT)
		return parse_fail(err, 1, "the document count must be a whole number "
					  "from 1 to 2^53");
	if (rc != 0)
		return parse_fail(err, 1, "not a precis IDF model (bad header)");
	rc = parse_body(m, nl ? nl + 1 : end, end, err);
	if (rc != 0) {
		precis_idf_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

int precis_ctx_set_idf(precis_ctx *ctx, const precis_idf *m, precis_error *err)
{
	precis__clear(err);
	if (ctx == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (m != NULL && strcmp(m->language, ctx->lang.info->code) != 0)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "IDF model is for '%s', text is '%s'",
				    m->language, ctx->lang.info->code);
	ctx->idf = m;
	ctx->idf_known = 0; /* cached weights belonged to the old model */
	return 0;
}

/* The background idf of context term g, looked up in the model. */
static double lookup(const precis_ctx *ctx, uint32_t g)
{
	size_t n;
	const char *s = precis__strtab_get(&ctx->terms, g, &n);
	int64_t id = precis__strtab_find(&ctx->idf->terms, s, n);
	return precis__idf_value(ctx->idf->documents, id >= 0 ? ctx->idf->df[id] : 0);
}

/* The same, cached per context. Without memory for the cache the term is
 * looked up each time: slower, but the weight must not change. */
static double background(precis_ctx *ctx, uint32_t g)
{
	if (g < ctx->idf_known)
		return ctx->idf_cache[g];
	if (precis__grow((void **)&ctx->idf_cache, &ctx->idf_cache_cap,
			 (size_t)g + 1, sizeof *ctx->idf_cache) != 0)
		return lookup(ctx, g);
	for (size_t t = ctx->idf_known; t <= g; t++)
		ctx->idf_cache[t] = lookup(ctx, (uint32_t)t);
	ctx->idf_known = (size_t)g + 1;
	return ctx->idf_cache[g];
}

void precis__idf_fill(const precis_ctx *cctx, const precis_doc *d, size_t skip,
		      double *idf, uint32_t *last)
{
	precis_ctx *ctx = (precis_ctx *)cctx; /* the cache is not observable */
	if (ctx->idf != NULL) {
		for (size_t t = 0; t < d->nterms; t++)
			idf[t] = background(ctx, d->global[t]);
		return;
	}
	/* last[t] = 1 + the last unit that counted t: repeats within a unit
	 * count once without sorting. */
	memset(idf, 0, d->nterms * sizeof *idf);
	memset(last, 0, d->nterms * sizeof *last);
	size_t units = 0;
	for (size_t i = 0; i < d->units.n; i++) {
		if (i == skip)
			continue;
		units++;
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		for (size_t j = 0; j < n; j++)
			if (last[t[j]] != i + 1) {
				last[t[j]] = (uint32_t)(i + 1);
				idf[t[j]] += 1.0;
			}
	}
	/* Most terms are in a unit or two: their weights are computed once
	 * per document (the same expression, so the same values). */
	double small[16];
	for (size_t df = 0; df < sizeof small / sizeof *small; df++)
		small[df] = precis__idf_value((double)units, (double)df);
	for (size_t t = 0; t < d->nterms; t++)
		idf[t] = idf[t] < 16 ? small[(size_t)idf[t]]
				     : precis__idf_value((double)units, idf[t]);
}
