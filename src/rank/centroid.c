/*
 * centroid.c - MEAD's centroid method for a single document, Radev, Jing,
 * Styś & Tam (2004), "Centroid-based summarization of multiple documents":
 *
 *   score(s_i) = C_i + w_p P_i + w_f F_i - w_r R_i
 *
 * C_i: the sum of the centroid values of the sentence's words, where the
 * centroid keeps the words whose tf*idf is high (here: at least KEEP times
 * the highest); P_i: position, (n - i + 1) / n for the i-th of n sentences;
 * F_i: overlap (inner product of term counts) with the first sentence;
 * R_i: MEAD's cross-sentence redundancy, 2 * shared words / (words of both),
 * against the most similar sentence already picked, which makes the method
 * greedy: the pick order becomes the scores. C and F are divided by their
 * maxima so that all four features lie in [0, 1] and the weights
 * (centroid-position, centroid-first, centroid-redundancy) compare.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "rank/rank.h"

#define KEEP 0.1

typedef struct mead {
	const precis__rank_input *in;
	const size_t *cand;
	size_t m;
	double *base; /* per candidate: C + w_p P + w_f F */
	double *pen;  /* per candidate: max R against the picks so far */
} mead;

/*
 * Distinct terms a shares with the pick whose terms are set in `mark`:
 * a lookup per term of a, where merging the two lists cost a compare and
 * a branch per term of both, for every candidate after every pick.
 */
static size_t shared(const precis__svec *a, const unsigned char *mark)
{
	size_t c = 0;
	for (size_t i = 0; i < a->n; i++)
		c += mark[a->id[i]];
	return c;
}

/* C_i over the candidates, into c[] (not yet normalized). */
static void centroid_scores(const mead *s, double *cv, double *c)
{
	const precis_doc *d = s->in->doc;
	precis__doc_counts(d, cv);
	double top = 0.0;
	for (size_t t = 0; t < d->nterms; t++) {
		cv[t] *= s->in->idf[t];
		top = cv[t] > top ? cv[t] : top;
	}
	for (size_t t = 0; t < d->nterms; t++)
		cv[t] = cv[t] >= KEEP * top ? cv[t] : 0.0;
	for (size_t k = 0; k < s->m; k++) {
		const precis__svec *v = &s->in->vecs->v[s->cand[k]];
		c[k] = 0.0;
		for (size_t j = 0; j < v->n; j++)
			c[k] += cv[v->id[j]];
	}
}

/* F_i: inner product of term counts with the first sentence. */
static double first_overlap(const precis_doc *d, size_t first, size_t u,
			    double *tf)
{
	size_t n, m;
	const uint32_t *a = precis__doc_terms(d, first, &n);
	const uint32_t *b = precis__doc_terms(d, u, &m);
	double dot = 0.0;
	for (size_t j = 0; j < n; j++)
		tf[a[j]] += 1.0;
	for (size_t j = 0; j < m; j++)
		dot += tf[b[j]];
	for (size_t j = 0; j < n; j++)
		tf[a[j]] = 0.0;
	return dot;
}

static void base_scores(mead *s, double *scratch, double *f)
{
	const precis_doc *d = s->in->doc;
	const double *p = s->in->params;
	centroid_scores(s, scratch, s->base);
	for (size_t t = 0; t < d->nterms; t++)
		scratch[t] = 0.0;
	double cmax = 0.0, fmax = 0.0;
	for (size_t k = 0; k < s->m; k++) {
		f[k] = first_overlap(d, s->cand[0], s->cand[k], scratch);
		cmax = s->base[k] > cmax ? s->base[k] : cmax;
		fmax = f[k] > fmax ? f[k] : fmax;
	}
	for (size_t k = 0; k < s->m; k++) {
		double pos = (double)(s->m - k) / (double)s->m;
		double c = cmax > 0 ? s->base[k] / cmax : 0.0;
		double first = fmax > 0 ? f[k] / fmax : 0.0;
		s->base[k] = c + p[PRECIS_PARAM_CENTROID_POSITION] * pos +
			     p[PRECIS_PARAM_CENTROID_FIRST] * first;
	}
}

/* Greedy MEAD reranking; rest gets the last penalized scores. */
static size_t rerank(mead *s, size_t *order, unsigned char *taken, double *rest,
		     unsigned char *mark)
{
	const precis__svec *v = s->in->vecs->v;
	double wr = s->in->params[PRECIS_PARAM_CENTROID_REDUNDANCY];
	size_t limit = s->m < PRECIS__ORDER_MAX ? s->m : PRECIS__ORDER_MAX, k;
	for (k = 0; k < limit; k++) {
		size_t best = s->m;
		for (size_t j = 0; j < s->m; j++) {
			double sc = s->base[j] - wr * s->pen[j];
			rest[s->cand[j]] = sc;
			if (!taken[j] && (best == s->m || sc > rest[s->cand[best]]))
				best = j;
		}
		taken[best] = 1;
		order[k] = s->cand[best];
		const precis__svec *b = &v[s->cand[best]];
		for (size_t j = 0; j < b->n; j++)
			mark[b->id[j]] = 1;
		for (size_t j = 0; j < s->m; j++) {
			const precis__svec *a = &v[s->cand[j]];
			double r = a->n + b->n ? 2.0 * (double)shared(a, mark) /
							 (double)(a->n + b->n)
					       : 0.0;
			s->pen[j] = r > s->pen[j] ? r : s->pen[j];
		}
		for (size_t j = 0; j < b->n; j++)
			mark[b->id[j]] = 0;
	}
	return k;
}

int precis__rank_centroid(const precis__rank_input *in, double *scores,
			  precis_error *err)
{
	const precis_doc *d = in->doc;
	size_t un = d->units.n ? d->units.n : 1, nt = d->nterms ? d->nterms : 1;
	size_t *cand = malloc(un * sizeof *cand), *order = malloc(un * sizeof *order);
	double *base = malloc(un * sizeof *base), *pen = calloc(un, sizeof *pen);
	double *f = malloc(un * sizeof *f), *rest = calloc(un, sizeof *rest);
	double *scratch = malloc(nt * sizeof *scratch);
	unsigned char *taken = calloc(un, 1), *mark = calloc(nt, 1);
	int rc = PRECIS_ERR_NOMEM;
	if (cand && order && base && pen && f && rest && scratch && taken && mark) {
		mead s = { in, cand, precis__eligible_list(in, cand), base, pen };
		size_t k = 0;
		if (s.m > 0) {
			base_scores(&s, scratch, f);
			k = rerank(&s, order, taken, rest, mark);
		}
		rc = precis__scores_from_order(in, order, k, rest, scores);
	}
	free(cand);
	free(order);
	free(base);
	free(pen);
	free(f);
	free(rest);
	free(scratch);
	free(taken);
	free(mark);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
