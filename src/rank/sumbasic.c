/*
 * sumbasic.c - SumBasic, Nenkova & Vanderwende (2005), "The impact of
 * frequency on summarization": (1) p(w) = count(w) / N over the document's
 * content words; (2) a sentence weighs the average p of its words; (3) pick
 * the best-weighted sentence among those holding the most probable word;
 * (4) square p of every word of the pick, so words already said lose
 * their pull (the method's redundancy step); (5) repeat. The pick order
 * becomes the scores (precis__scores_from_order).
 */
#include <stdlib.h>

#include "base/internal.h"
#include "rank/rank.h"

/* Step 2: the average word probability of unit u. */
static double weight(const precis_doc *d, size_t u, const double *p)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(d, u, &n);
	double s = 0.0;
	for (size_t j = 0; j < n; j++)
		s += p[t[j]];
	return n ? s / (double)n : 0.0;
}

static int holds(const precis_doc *d, size_t u, uint32_t term)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(d, u, &n);
	for (size_t j = 0; j < n; j++)
		if (t[j] == term)
			return 1;
	return 0;
}

/* Step 3: the most probable word still in a candidate, then the best
 * candidate holding it (the earliest on ties). */
static size_t pick(const precis_doc *d, const size_t *cand, size_t m,
		   const unsigned char *taken, const double *p)
{
	int have = 0;
	uint32_t top = 0;
	for (size_t k = 0; k < m; k++) {
		if (taken[k])
			continue;
		size_t n;
		const uint32_t *t = precis__doc_terms(d, cand[k], &n);
		for (size_t j = 0; j < n; j++)
			if (!have || p[t[j]] > p[top] ||
			    (p[t[j]] == p[top] && t[j] < top)) {
				top = t[j];
				have = 1;
			}
	}
	size_t best = m;
	double bw = -1.0;
	for (size_t k = 0; k < m; k++) {
		if (taken[k] || (have && !holds(d, cand[k], top)))
			continue;
		double w = weight(d, cand[k], p);
		if (w > bw) {
			bw = w;
			best = k;
		}
	}
	return best;
}

/* Step 4: p(w) <- p(w)^2 once for each distinct word of unit u. */
static void square(const precis_doc *d, size_t u, double *p, uint32_t *stamp,
		   uint32_t round)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(d, u, &n);
	for (size_t j = 0; j < n; j++)
		if (stamp[t[j]] != round) {
			stamp[t[j]] = round;
			p[t[j]] *= p[t[j]];
		}
}

int precis__rank_sumbasic(const precis__rank_input *in, double *scores,
			  precis_error *err)
{
	const precis_doc *d = in->doc;
	size_t un = d->units.n ? d->units.n : 1, nt = d->nterms ? d->nterms : 1;
	double *p = malloc(nt * sizeof *p), *rest = calloc(un, sizeof *rest);
	size_t *cand = malloc(un * sizeof *cand), *order = malloc(un * sizeof *order);
	unsigned char *taken = calloc(un, 1);
	uint32_t *stamp = calloc(nt, sizeof *stamp);
	int rc = PRECIS_ERR_NOMEM;
	if (p && rest && cand && order && taken && stamp) {
		size_t total = precis__doc_counts(d, p);
		for (size_t t = 0; t < d->nterms; t++)
			p[t] /= total ? (double)total : 1.0;
		size_t m = precis__eligible_list(in, cand), k = 0;
		size_t limit = m < PRECIS__ORDER_MAX ? m : PRECIS__ORDER_MAX;
		for (; k < limit; k++) {
			size_t b = pick(d, cand, m, taken, p);
			taken[b] = 1;
			order[k] = cand[b];
			square(d, cand[b], p, stamp, (uint32_t)k + 1);
		}
		for (size_t j = 0; j < m; j++)
			rest[cand[j]] = weight(d, cand[j], p);
		rc = precis__scores_from_order(in, order, k, rest, scores);
	}
	free(p);
	free(rest);
	free(cand);
	free(order);
	free(taken);
	free(stamp);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
