/*
 * features.c - the learned scorer's per-sentence and per-document
 * features (features.h). Each is cheap and bounded, so one linear model
 * can weigh them across documents of any length: graph scores are scaled
 * to mean 1 and also given as ranks, lengths are in units of a typical
 * news sentence (25 words, tfidf's length target).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "rank/features.h"

static const char *const names[PRECIS__NFEAT] = {
	"rank1", "rank2", "rank3", "position", "relative", "paragraph",
	"centroid", "centroid-rank", "lexrank", "lexrank-rank", "textrank",
	"textrank-rank", "title", "words", "excess", "short", "novelty",
	"freq", "freq-rank", "quote", "digit", "question",
};

static const char *const dnames[PRECIS__NDFEAT] = {
	"doc-sentences", "doc-words", "doc-lead-central", "doc-lead-title",
	"doc-title", "doc-spread", "doc-digits", "doc-lead-words",
	"doc-lead-textrank",
};

const char *precis__feat_name(size_t f)
{
	return f < PRECIS__NFEAT ? names[f] : NULL;
}

const char *precis__dfeat_name(size_t f)
{
	return f < PRECIS__NDFEAT ? dnames[f] : NULL;
}

static int find(const char *const *v, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], s, len) == 0)
			return (int)i;
	return -1;
}

int precis__feat_find(const char *s, size_t len)
{
	return find(names, PRECIS__NFEAT, s, len);
}

int precis__dfeat_find(const char *s, size_t len)
{
	return find(dnames, PRECIS__NDFEAT, s, len);
}

/* The work space of one document. */
typedef struct fwork {
	const precis__rank_input *in;
	size_t *list;   /* eligible units in order */
	size_t ne;
	double *tmp;    /* per unit */
	double *counts; /* per term */
} fwork;

#define X(u, f) x[(u) * PRECIS__NFEAT + (f)]

/* An eligible unit's score, sorted best first, ties by position. */
typedef struct ranked {
	double s;
	size_t k;
} ranked;

static int by_score(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? 1 : -1;
	return (x->k > y->k) - (x->k < y->k);
}

/* X(u, f) = 1 for the best of tmp[] over the eligible units, 0 worst. */
static int put_rank(fwork *w, double *x, size_t f)
{
	ranked *r = malloc((w->ne ? w->ne : 1) * sizeof *r);
	if (r == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t k = 0; k < w->ne; k++)
		r[k] = (ranked){ w->tmp[w->list[k]], k };
	qsort(r, w->ne, sizeof *r, by_score);
	for (size_t j = 0; j < w->ne; j++)
		X(w->list[r[j].k], f) =
			w->ne > 1 ? 1.0 - (double)j / (double)(w->ne - 1) : 1.0;
	free(r);
	return 0;
}

/* Scale tmp[] over the eligible units to mean 1 into feature f. */
static void put_mean1(fwork *w, double *x, size_t f)
{
	double sum = 0;
	for (size_t k = 0; k < w->ne; k++)
		sum += w->tmp[w->list[k]];
	for (size_t k = 0; k < w->ne; k++)
		X(w->list[k], f) = sum > 0 ? w->tmp[w->list[k]] * (double)w->ne / sum : 1.0;
}

static int want(const unsigned char *need, size_t f)
{
	return need == NULL || need[f];
}

/* Position, paragraph start, length and the surface cues. */
static void simple_features(fwork *w, double *x)
{
	const precis_doc *d = w->in->doc;
	size_t prev_par = (size_t)-1, r = 0;
	for (size_t i = 0; i < d->units.n; i++) {
		int par_first = d->units.v[i].paragraph != prev_par;
		prev_par = d->units.v[i].paragraph;
		if (!w->in->eligible[i])
			continue;
		double words = (double)d->words[i];
		X(i, PRECIS__F_RANK1) = r == 0;
		X(i, PRECIS__F_RANK2) = r == 1;
		X(i, PRECIS__F_RANK3) = r == 2;
		X(i, PRECIS__F_POSITION) = 1.0 / (1.0 + (double)r);
		X(i, PRECIS__F_RELATIVE) = w->ne > 1 ? (double)r / (double)(w->ne - 1) : 0.0;
		X(i, PRECIS__F_PARAGRAPH) = par_first;
		X(i, PRECIS__F_WORDS) = words / 25.0;
		X(i, PRECIS__F_EXCESS) = words > 25.0 ? words / 25.0 - 1.0 : 0.0;
		X(i, PRECIS__F_SHORT) = words < 10.0 ? 1.0 - words / 10.0 : 0.0;
		const char *s = d->text + d->units.v[i].start;
		size_t n = d->units.v[i].end - d->units.v[i].start;
		int quote = 0, digit = 0;
		for (size_t j = 0; j < n; j++) {
			unsigned char c = (unsigned char)s[j];
			quote |= c == '"' || (c == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
					      ((unsigned char)s[j + 2] == 0x9C || (unsigned char)s[j + 2] == 0x9D));
			digit |= c >= '0' && c <= '9';
		}
		size_t e = n;
		while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')' ||
				 (unsigned char)s[e - 1] >= 0x80))
			e--;
		X(i, PRECIS__F_QUOTE) = quote;
		X(i, PRECIS__F_DIGIT) = digit;
		X(i, PRECIS__F_QUESTION) = e > 0 && s[e - 1] == '?';
		r++;
	}
}

/* The tf-idf centroid cosine (as tfidf.c) and its rank. */
static int centroid_features(fwork *w, double *x)
{
	const precis__rank_input *in = w->in;
	const precis_doc *d = in->doc;
	precis__doc_counts(d, w->counts);
	double sq = 0;
	for (size_t t = 0; t < d->nterms; t++) {
		double c = w->counts[t] * in->idf[t];
		sq += c * c;
	}
	double norm = sqrt(sq);
	for (size_t k = 0; k < w->ne; k++) {
		const precis__svec *v = &in->vecs->v[w->list[k]];
		double dot = 0;
		for (size_t j = 0; j < v->n; j++)
			dot += v->w[j] * w->counts[v->id[j]] * in->idf[v->id[j]];
		w->tmp[w->list[k]] = v->norm > 0 && norm > 0 ? dot / (v->norm * norm) : 0.0;
		X(w->list[k], PRECIS__F_CENTROID) = w->tmp[w->list[k]];
	}
	return put_rank(w, x, PRECIS__F_CENTROID_RANK);
}

/* Mean term probability (SumBasic's weight) and the sum (Luhn-like). */
static int freq_features(fwork *w, double *x)
{
	const precis_doc *d = w->in->doc;
	double total = (double)precis__doc_counts(d, w->counts);
	if (total <= 0)
		total = 1;
	for (size_t k = 0; k < w->ne; k++) {
		size_t u = w->list[k], n;
		const uint32_t *t = precis__doc_terms(d, u, &n);
		double sum = 0;
		for (size_t j = 0; j < n; j++)
			sum += w->counts[t[j]] / total;
		X(u, PRECIS__F_FREQ) = n ? sum / (double)n * (double)d->nterms : 0.0;
		w->tmp[u] = sum;
	}
	return put_rank(w, x, PRECIS__F_FREQ_RANK);
}

/* A graph method's scores, scaled to mean 1 and as a rank. */
static int graph_features(fwork *w, double *x, precis__rank_fn fn, size_t f,
			  precis_error *err)
{
	int rc = fn(w->in, w->tmp, err);
	if (rc != 0)
		return rc;
	put_mean1(w, x, f);
	return put_rank(w, x, f + 1);
}

/* Headline overlap (as tfidf.c) and novelty against earlier sentences. */
static void title_novelty(fwork *w, double *x)
{
	const precis_doc *d = w->in->doc;
	for (size_t k = 0; k < w->ne; k++) {
		size_t u = w->list[k], n, hit = 0;
		const uint32_t *t = precis__doc_terms(d, u, &n);
		for (size_t a = 0; d->has_title && a < d->ntitle_terms; a++)
			for (size_t j = 0; j < n; j++)
				if (t[j] == d->title_terms[a]) {
					hit++;
					break;
				}
		X(u, PRECIS__F_TITLE) = d->has_title && d->ntitle_terms
						? (double)hit / (double)d->ntitle_terms : 0.0;
		double top = 0;
		/* Only the few sentences before count: a summary's sentences
		 * are near the top, and this keeps long documents linear. */
		for (size_t j = k > 20 ? k - 20 : 0; j < k; j++) {
			double c = precis__svec_cos(&w->in->vecs->v[w->list[j]],
						    &w->in->vecs->v[u]);
			top = c > top ? c : top;
		}
		X(u, PRECIS__F_NOVELTY) = 1.0 - top;
	}
}

static void doc_features(fwork *w, const double *x, double *dx)
{
	const precis_doc *d = w->in->doc;
	double words = 0, lmax = 0, lsum = 0, digits = 0;
	for (size_t k = 0; k < w->ne; k++) {
		size_t u = w->list[k];
		words += (double)d->words[u];
		digits += X(u, PRECIS__F_DIGIT);
		double l = X(u, PRECIS__F_LEXRANK);
		lsum += l;
		lmax = l > lmax ? l : lmax;
	}
	size_t first = w->ne ? w->list[0] : 0;
	dx[PRECIS__D_SENTENCES] = log(1.0 + (double)w->ne);
	dx[PRECIS__D_WORDS] = w->ne ? words / (double)w->ne / 25.0 : 0.0;
	dx[PRECIS__D_LEAD_CENTRAL] = w->ne ? X(first, PRECIS__F_CENTROID_RANK) : 0.0;
	dx[PRECIS__D_LEAD_TITLE] = w->ne ? X(first, PRECIS__F_TITLE) : 0.0;
	dx[PRECIS__D_TITLE] = d->has_title;
	dx[PRECIS__D_SPREAD] = lmax > 0 ? lsum / (double)(w->ne ? w->ne : 1) / lmax : 1.0;
	double ne = w->ne ? (double)w->ne : 1.0;
	dx[PRECIS__D_DIGITS] = digits / ne;
	dx[PRECIS__D_LEAD_WORDS] = w->ne ? (double)d->words[first] / 25.0 : 0.0;
	dx[PRECIS__D_LEAD_TEXTRANK] = w->ne ? X(first, PRECIS__F_TEXTRANK_RANK) : 0.0;
}

static int compute(fwork *w, const unsigned char *need, double *x, double *dx,
		   precis_error *err)
{
	int rc = 0;
	simple_features(w, x);
	title_novelty(w, x);
	if (dx || want(need, PRECIS__F_CENTROID) || want(need, PRECIS__F_CENTROID_RANK))
		rc = centroid_features(w, x);
	if (rc == 0 && (want(need, PRECIS__F_FREQ) || want(need, PRECIS__F_FREQ_RANK)))
		rc = freq_features(w, x);
	if (rc == 0 && (dx || want(need, PRECIS__F_LEXRANK) || want(need, PRECIS__F_LEXRANK_RANK)))
		rc = graph_features(w, x, precis__rank_lexrank, PRECIS__F_LEXRANK, err);
	if (rc == 0 && (dx || want(need, PRECIS__F_TEXTRANK) || want(need, PRECIS__F_TEXTRANK_RANK)))
		rc = graph_features(w, x, precis__rank_textrank, PRECIS__F_TEXTRANK, err);
	if (rc == 0 && dx != NULL)
		doc_features(w, x, dx);
	return rc;
}

int precis__features(const precis__rank_input *in, const unsigned char *need,
		     double *x, double *dx, precis_error *err)
{
	const precis_doc *d = in->doc;
	size_t n = d->units.n ? d->units.n : 1;
	fwork w = { in, malloc(n * sizeof(size_t)), 0, malloc(n * sizeof(double)),
		    calloc(d->nterms ? d->nterms : 1, sizeof(double)) };
	int rc = w.list && w.tmp && w.counts ? 0 : PRECIS_ERR_NOMEM;
	if (rc == 0) {
		memset(x, 0, d->units.n * PRECIS__NFEAT * sizeof *x);
		w.ne = precis__eligible_list(in, w.list);
		rc = compute(&w, need, x, dx, err);
	}
	free(w.list);
	free(w.tmp);
	free(w.counts);
	if (rc == PRECIS_ERR_NOMEM)
		return precis__fail(err, rc, NULL);
	return rc;
}
