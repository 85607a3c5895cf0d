/*
 * edmundson.c - Edmundson (1969), "New methods in automatic extracting":
 * a sentence's weight is a linear combination of four features,
 *
 *   a1 Cue + a2 Key + a3 Title + a4 Location,
 *
 * Cue: bonus words count +1 and stigma words -1 (data/edmundson/, English
 * lists; 0 for other languages); Key: the document frequencies of its
 * frequent words (at least KEY_MIN occurrences); Title: headline words it
 * holds; Location: Edmundson's ordinal rule, sentences of the first and
 * last paragraphs and the first and last sentences of a paragraph (his
 * heading dictionary needs section headings, which news rarely has). Each
 * feature is scaled to at most 1 in magnitude so the weights (edmundson-cue,
 * -key, -title, -location) compare. Edmundson found Cue + Title + Location
 * best and Key harmful, hence the default weights 1, 0, 1, 1.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/resources.h"
#include "doc/tokenize.h"
#include "rank/rank.h"

#define KEY_MIN 2.0

typedef struct cue_list {
	uint32_t *v; /* context term ids, ascending */
	size_t n, cap;
} cue_list;

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Tokenizes a word list (skipping '#' lines) into the context's term ids. */
static int load_list(precis_ctx *ctx, const char *name, cue_list *out,
		     precis_error *err)
{
	const precis__resource *r = precis__resource_find(name);
	if (r == NULL)
		return 0;
	precis__terms terms = { 0 };
	for (size_t at = 0; at < r->len;) {
		const char *nl = memchr(r->data + at, '\n', r->len - at);
		size_t end = nl ? (size_t)(nl - r->data) : r->len, words;
		int rc = r->data[at] == '#' ? 0
			 : precis__tokenize(ctx, r->data, at, end, &terms, &words, err);
		if (rc != 0) {
			free(terms.v);
			return rc;
		}
		at = end + 1;
	}
	qsort(terms.v, terms.n, sizeof *terms.v, cmp_u32);
	out->v = terms.v;
	out->n = terms.n;
	out->cap = terms.cap;
	return 0;
}

static int has(const cue_list *l, uint32_t id)
{
	return l->n && bsearch(&id, l->v, l->n, sizeof id, cmp_u32) != NULL;
}

/* The cue feature of every unit: bonus words minus stigma words. */
static int cue(const precis__rank_input *in, double *out, precis_error *err)
{
	const precis_doc *d = in->doc;
	memset(out, 0, d->units.n * sizeof *out);
	precis_ctx *ctx = in->ctx;
	if (ctx == NULL || strcmp(precis_ctx_language(ctx), "en") != 0)
		return 0;
	cue_list bonus = { 0 }, stigma = { 0 };
	int rc = load_list(ctx, "edmundson/bonus.txt", &bonus, err);
	if (rc == 0)
		rc = load_list(ctx, "edmundson/stigma.txt", &stigma, err);
	for (size_t i = 0; rc == 0 && i < d->units.n; i++) {
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		for (size_t j = 0; j < n; j++)
			out[i] += has(&bonus, d->global[t[j]]) -
				  has(&stigma, d->global[t[j]]);
	}
	free(bonus.v);
	free(stigma.v);
	return rc;
}

/* Key: summed document counts of the unit's frequent words. */
static double key(const precis_doc *d, size_t i, const double *counts)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(d, i, &n);
	double s = 0.0;
	for (size_t j = 0; j < n; j++)
		if (counts[t[j]] >= KEY_MIN)
			s += counts[t[j]];
	return s;
}

/* Title: the unit's words that are headline words. */
static double title(const precis_doc *d, size_t i)
{
	if (!d->has_title || d->ntitle_terms == 0)
		return 0.0;
	size_t n, hit = 0;
	const uint32_t *t = precis__doc_terms(d, i, &n);
	for (size_t j = 0; j < n; j++)
		for (size_t k = 0; k < d->ntitle_terms; k++)
			if (t[j] == d->title_terms[k]) {
				hit++;
				break;
			}
	return (double)hit;
}

/* Location: Edmundson's ordinal features, four in all. */
static double location(const precis_doc *d, size_t i, size_t first_par,
		       size_t last_par)
{
	const precis__unit *u = d->units.v;
	size_t par = u[i].paragraph;
	int first_in = i == 0 || u[i - 1].paragraph != par;
	int last_in = i + 1 == d->units.n || u[i + 1].paragraph != par;
	return (double)((par == first_par) + (par == last_par) + first_in + last_in);
}

/* Divides the eligible entries of f by their largest magnitude. */
static void scale(const precis__rank_input *in, double *f)
{
	double top = 0.0;
	for (size_t i = 0; i < in->doc->units.n; i++) {
		double a = f[i] < 0 ? -f[i] : f[i];
		if (in->eligible[i] && a > top)
			top = a;
	}
	for (size_t i = 0; i < in->doc->units.n; i++)
		f[i] = top > 0 ? f[i] / top : 0.0;
}

static void combine(const precis__rank_input *in, double *c, double *k,
		    double *t, double *l, double *scores)
{
	const double *p = in->params;
	scale(in, c);
	scale(in, k);
	scale(in, t);
	scale(in, l);
	for (size_t i = 0; i < in->doc->units.n; i++)
		scores[i] = !in->eligible[i] ? 0.0
			    : p[PRECIS_PARAM_EDMUNDSON_CUE] * c[i] +
				      p[PRECIS_PARAM_EDMUNDSON_KEY] * k[i] +
				      p[PRECIS_PARAM_EDMUNDSON_TITLE] * t[i] +
				      p[PRECIS_PARAM_EDMUNDSON_LOCATION] * l[i];
}

int precis__rank_edmundson(const precis__rank_input *in, double *scores,
			   precis_error *err)
{
	const precis_doc *d = in->doc;
	size_t un = d->units.n ? d->units.n : 1;
	double *f = malloc(4 * un * sizeof *f);
	double *counts = malloc((d->nterms ? d->nterms : 1) * sizeof *counts);
	int rc = f && counts ? 0 : precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	if (rc == 0)
		rc = cue(in, f, err);
	if (rc == 0) {
		double *k = f + un, *t = f + 2 * un, *l = f + 3 * un;
		size_t first = (size_t)-1, last = 0;
		for (size_t i = 0; i < d->units.n; i++) {
			if (!in->eligible[i])
				continue;
			if (first == (size_t)-1)
				first = d->units.v[i].paragraph;
			last = d->units.v[i].paragraph;
		}
		precis__doc_counts(d, counts);
		for (size_t i = 0; i < d->units.n; i++) {
			k[i] = key(d, i, counts);
			t[i] = title(d, i);
			l[i] = location(d, i, first, last);
		}
		combine(in, f, k, t, l, scores);
	}
	free(f);
	free(counts);
	return rc;
}
