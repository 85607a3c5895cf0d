/*
 * eval.c - per-pair scores of an evaluation and ROUGE-1.5.5's
 * averages. What 1.5.5 prints as Average_R/P/F is not the mean of the
 * per-pair scores but the mean of r bootstrap resample means: resample i
 * (i = 0..r-1) seeds Perl's rand with srand(i) and draws n pairs, index
 * floor(n * rand()), over its evaluations in sorted id order (its ids are
 * numbers in input order, so: input order). Each resample mean is the sum
 * of the drawn (rounded) scores in draw order over n; the resample means
 * are sorted, summed in that order and divided by r. The confidence bounds
 * interpolate the sorted means at delta = r * ((100 - c) / 2) / 100.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

struct precis_rouge_eval {
	size_t nmetrics;
	precis_rouge_score *v; /* n * nmetrics */
	size_t n, cap;
	size_t *id_off;        /* offset of pair i's id in ids */
	size_t id_cap;
	char *ids;
	size_t nids, ids_cap;
};

int precis_rouge_eval_new(precis_rouge_eval **out, const precis_rouge *rouge,
			  precis_error *err)
{
	precis__clear(err);
	*out = NULL;
	if (rouge == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "missing ROUGE context");
	precis_rouge_eval *ev = calloc(1, sizeof *ev);
	if (ev == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	ev->nmetrics = rouge->nmetrics;
	*out = ev;
	return 0;
}

void precis_rouge_eval_free(precis_rouge_eval *ev)
{
	if (ev == NULL)
		return;
	free(ev->v);
	free(ev->id_off);
	free(ev->ids);
	free(ev);
}

size_t precis_rouge_eval_metric_count(const precis_rouge_eval *ev)
{
	return ev != NULL ? ev->nmetrics : 0;
}

size_t precis_rouge_eval_count(const precis_rouge_eval *ev)
{
	return ev ? ev->n : 0;
}

const char *precis_rouge_eval_id(const precis_rouge_eval *ev, size_t i)
{
	return ev && i < ev->n ? ev->ids + ev->id_off[i] : NULL;
}

const precis_rouge_score *precis_rouge_eval_scores(const precis_rouge_eval *ev,
						   size_t i)
{
	return ev && i < ev->n ? ev->v + i * ev->nmetrics : NULL;
}

int precis_rouge_eval_add_scores(precis_rouge_eval *ev, const char *id,
				 const precis_rouge_score *scores,
				 precis_error *err)
{
	precis__clear(err);
	if (ev == NULL || scores == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "missing argument");
	size_t k = ev->nmetrics, idn = id ? strlen(id) : 0;
	size_t cap = ev->cap;
	if (precis__grow((void **)&ev->v, &cap, (ev->n + 1) * k + 1,
			 sizeof *ev->v) != 0 ||
	    precis__grow((void **)&ev->id_off, &ev->id_cap, ev->n + 1,
			 sizeof *ev->id_off) != 0 ||
	    precis__grow((void **)&ev->ids, &ev->ids_cap, ev->nids + idn + 1,
			 1) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	ev->cap = cap;
	memcpy(ev->v + ev->n * k, scores, k * sizeof *scores);
	memcpy(ev->ids + ev->nids, id ? id : "", idn + 1);
	ev->id_off[ev->n++] = ev->nids;
	ev->nids += idn + 1;
	return 0;
}

int precis_rouge_eval_add(precis_rouge_eval *ev, precis_rouge *rouge,
			  const char *id, const char *cand, size_t cand_len,
			  const char *const *refs, const size_t *ref_lens,
			  size_t nrefs, precis_error *err)
{
	precis__clear(err);
	if (ev == NULL || rouge == NULL || rouge->nmetrics != ev->nmetrics)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "ROUGE context does not match the set");
	precis_rouge_score s[ROUGE_MAX_METRICS];
	int rc = precis_rouge_score_pair(rouge, cand, cand_len, refs, ref_lens,
					 nrefs, s, err);
	return rc ? rc : precis_rouge_eval_add_scores(ev, id, s, err);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The 3 * nmetrics values (R, P, F of each metric) of pair i. */
static double value(const precis_rouge_eval *ev, size_t i, size_t j)
{
	const precis_rouge_score *s = &ev->v[i * ev->nmetrics + j / 3];
	return j % 3 == 0 ? s->r : j % 3 == 1 ? s->p : s->f;
}

/* Values per pair, padded to a multiple of 12 (one pass of accumulators). */
#define PAD12(n) (((n) + 11) / 12 * 12)

/* vals[i * PAD12(nv) + j]: value j (R, P, F of each metric) of pair i. */
static double *pack(const precis_rouge_eval *ev)
{
	size_t nv = 3 * ev->nmetrics, w = PAD12(nv);
	double *vals = calloc((ev->n ? ev->n : 1) * w, sizeof *vals);
	for (size_t i = 0; vals != NULL && i < ev->n; i++)
		for (size_t j = 0; j < nv; j++)
			vals[i * w + j] = value(ev, i, j);
	return vals;
}

/* The pairs resample i draws, as Perl's int(rand(n)) after srand(i). */
static void draw(unsigned i, size_t n, size_t *idx)
{
	rouge_rand48 st;
	double dn = (double)n;
	precis__rouge_srand48(&st, i);
	for (size_t k = 0; k < n; k++)
		idx[k] = (size_t)(int64_t)(dn * precis__rouge_drand48(&st));
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* Sums values j..j+11 of the drawn pairs, each in draw order; the rows are
 * drawn at random, so they are fetched a few draws ahead. */
static void sum12(const double *vals, size_t w, const size_t *idx, size_t n,
		  double *out)
{
	double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0;
	double a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
	for (size_t k = 0; k < n; k++) {
		const double *v = vals + idx[k] * w;
		if (k + 8 < n) {
			PREFETCH(vals + idx[k + 8] * w);
			PREFETCH(vals + idx[k + 8] * w + 8);
		}
		a0 += v[0], a1 += v[1], a2 += v[2], a3 += v[3];
		a4 += v[4], a5 += v[5], a6 += v[6], a7 += v[7];
		a8 += v[8], a9 += v[9], a10 += v[10], a11 += v[11];
	}
	double s[12] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11 };
	memcpy(out, s, sizeof s);
}

/*
 * means[j * r + i]: the mean of value j in resample i. Each sum adds the
 * drawn values in draw order, as 1.5.5 does; twelve sums at a time keep
 * independent additions in flight.
 */
static void resample(const precis_rouge_eval *ev, const double *vals,
		     unsigned r, double *means, size_t *idx)
{
	size_t n = ev->n, nv = 3 * ev->nmetrics, w = PAD12(nv);
	double sums[12];
	for (unsigned i = 0; i < r; i++) {
		draw(i, n, idx);
		for (size_t j = 0; j < w; j += 12) {
			sum12(vals + j, w, idx, n, sums);
			for (size_t q = 0; q < 12 && j + q < nv; q++)
				means[(j + q) * r + i] = n > 0 ? sums[q] / (double)n : 0;
		}
	}
}

/* Average and bounds of the sorted resample means m[0, r). */
static void summarize(double *m, unsigned r, double c, double *avg,
		      double *lo, double *hi)
{
	qsort(m, r, sizeof *m, by_value);
	double total = 0;
	for (unsigned i = 0; i < r; i++)
		total += m[i];
	*avg = precis__rouge_round5(total / r);
	double delta = r * ((100 - c) / 2.0) / 100.0;
	double ua = (double)(long long)(r - delta - 1);
	size_t la = (size_t)delta, u = (size_t)ua;
	double frac = r - delta - 1 - ua;
	/* 1.5.5 reads past the end as 0 (Perl's undef). */
#define AT(k) ((k) < r ? m[k] : 0.0)
	*lo = precis__rouge_round5(AT(la) + (AT(la + 1) - AT(la)) * frac);
	*hi = precis__rouge_round5(AT(u) + (AT(u + 1) - AT(u)) * frac);
#undef AT
}

static void plain_means(const precis_rouge_eval *ev, precis_rouge_average *out)
{
	for (size_t m = 0; m < ev->nmetrics; m++) {
		double r = 0, p = 0, f = 0;
		for (size_t i = 0; i < ev->n; i++) {
			r += value(ev, i, 3 * m);
			p += value(ev, i, 3 * m + 1);
			f += value(ev, i, 3 * m + 2);
		}
		double n = ev->n > 0 ? (double)ev->n : 1;
		precis_rouge_average *a = &out[m];
		a->mean_r = precis__rouge_round5(r / n);
		a->mean_p = precis__rouge_round5(p / n);
		a->mean_f = precis__rouge_round5(f / n);
		a->r = a->r_lo = a->r_hi = a->mean_r;
		a->p = a->p_lo = a->p_hi = a->mean_p;
		a->f = a->f_lo = a->f_hi = a->mean_f;
	}
}

int precis_rouge_eval_average(const precis_rouge_eval *ev, unsigned resamples,
			      double confidence, precis_rouge_average *out,
			      precis_error *err)
{
	precis__clear(err);
	if (ev == NULL || out == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "missing argument");
	if (!(confidence >= 0 && confidence <= 100))
		return precis__fail(err, PRECIS_ERR_ARG,
				    "confidence must be within [0, 100]");
	plain_means(ev, out);
	if (resamples == 0)
		return 0;
	size_t nv = 3 * ev->nmetrics;
	double *means = malloc(nv * resamples * sizeof *means);
	size_t *idx = malloc((ev->n ? ev->n : 1) * sizeof *idx);
	double *vals = pack(ev);
	if (means == NULL || idx == NULL || vals == NULL) {
		free(means);
		free(idx);
		free(vals);
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	resample(ev, vals, resamples, means, idx);
	free(vals);
	free(idx);
	for (size_t m = 0; m < ev->nmetrics; m++) {
		precis_rouge_average *a = &out[m];
		double *b = means + 3 * m * resamples;
		summarize(b, resamples, confidence, &a->r, &a->r_lo, &a->r_hi);
		b += resamples;
		summarize(b, resamples, confidence, &a->p, &a->p_lo, &a->p_hi);
		b += resamples;
		summarize(b, resamples, confidence, &a->f, &a->f_lo, &a->f_hi);
	}
	free(means);
	return 0;
}
