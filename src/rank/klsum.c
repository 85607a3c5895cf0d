/*
 * klsum.c - KL-Sum, Haghighi & Vanderwende (2009), "Exploring content models
 * for multi-document summarization": greedily add the sentence that makes
 * the summary's unigram distribution P_S closest to the document's P_D,
 * i.e. that minimizes KL(P_D || P_S). The pick order becomes the scores.
 *
 * P_S is smoothed additively (counts + DELTA over the document's terms) so
 * that a document word the summary lacks costs much but not infinitely.
 * Since KL(P_D || P_S) = sum P_D log P_D - sum_w P_D(w) log P_S(w), and only
 * a candidate's own words and the summary length change P_S, each
 * candidate's effect is computed from its own terms: O(its length).
 */
#include <math.h>
#include <stdlib.h>

#include "base/internal.h"
#include "rank/rank.h"

#define DELTA 0.01
#define LOGS 256 /* counts whose log(count + DELTA) is tabulated */

typedef struct kl_state {
	const precis__rank_input *in;
	const double *pd;  /* P_D per term */
	double *c;         /* summary counts per term */
	double ns;         /* summary length in terms */
	double *cs;        /* scratch: a candidate's counts per term */
	double logs[LOGS]; /* log(k + DELTA): counts are whole numbers, and
			      log() was most of the run time */
} kl_state;

static double log_count(const kl_state *s, double count)
{
	return count < LOGS ? s->logs[(size_t)count] : log(count + DELTA);
}

/* How much adding unit u lowers KL(P_D || P_S): larger is better. */
static double gain(kl_state *s, size_t u)
{
	const precis_doc *d = s->in->doc;
	const precis__svec *v = &s->in->vecs->v[u];
	size_t n;
	const uint32_t *t = precis__doc_terms(d, u, &n);
	for (size_t j = 0; j < n; j++)
		s->cs[t[j]] += 1.0;
	double g = 0.0, vd = DELTA * (double)d->nterms;
	for (size_t j = 0; j < v->n; j++) {
		uint32_t w = v->id[j];
		g += s->pd[w] * (log_count(s, s->c[w] + s->cs[w]) -
				 log_count(s, s->c[w]));
		s->cs[w] = 0.0;
	}
	return g - (log(s->ns + (double)n + vd) - log(s->ns + vd));
}

static void add(kl_state *s, size_t u)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(s->in->doc, u, &n);
	for (size_t j = 0; j < n; j++)
		s->c[t[j]] += 1.0;
	s->ns += (double)n;
}

/* The greedy order over the candidates; rest gets the last gains. */
static size_t greedy(kl_state *s, const size_t *cand, size_t m, size_t *order,
		     unsigned char *taken, double *rest)
{
	size_t limit = m < PRECIS__ORDER_MAX ? m : PRECIS__ORDER_MAX, k;
	for (k = 0; k < limit; k++) {
		size_t best = m;
		double bg = 0.0;
		for (size_t j = 0; j < m; j++) {
			if (taken[j])
				continue;
			double g = gain(s, cand[j]);
			rest[cand[j]] = g;
			if (best == m || g > bg) {
				best = j;
				bg = g;
			}
		}
		taken[best] = 1;
		order[k] = cand[best];
		add(s, cand[best]);
	}
	return k;
}

int precis__rank_klsum(const precis__rank_input *in, double *scores,
		       precis_error *err)
{
	const precis_doc *d = in->doc;
	size_t un = d->units.n ? d->units.n : 1, nt = d->nterms ? d->nterms : 1;
	double *pd = malloc(nt * sizeof *pd), *rest = calloc(un, sizeof *rest);
	double *c = calloc(nt, sizeof *c), *cs = calloc(nt, sizeof *cs);
	size_t *cand = malloc(un * sizeof *cand), *order = malloc(un * sizeof *order);
	unsigned char *taken = calloc(un, 1);
	int rc = PRECIS_ERR_NOMEM;
	if (pd && rest && c && cs && cand && order && taken) {
		size_t total = precis__doc_counts(d, pd);
		for (size_t t = 0; t < d->nterms; t++)
			pd[t] /= total ? (double)total : 1.0;
		kl_state s = { in, pd, c, 0.0, cs, { 0 } };
		for (size_t k = 0; k < LOGS; k++)
			s.logs[k] = log((double)k + DELTA);
		size_t m = precis__eligible_list(in, cand);
		size_t k = greedy(&s, cand, m, order, taken, rest);
		rc = precis__scores_from_order(in, order, k, rest, scores);
	}
	free(pd);
	free(rest);
	free(c);
	free(cs);
	free(cand);
	free(order);
	free(taken);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
