/*
 * select.c - greedy selection in score order under a budget, skipping
 * near-duplicates (scraped articles repeat their teaser paragraph).
 *
 * Memory: the candidates are a heap of unit indices popped best first, so
 * a budget of a few sentences orders only the few it looks at (a sorted
 * copy of (unit, score) records and qsort's own copy of it took 32 bytes
 * a unit); the vectors redundancy control compares are the method's when
 * it made every unit's, else made here for the units looked at.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "summary/select.h"

/* Unit a comes before unit b: the higher score, then the earlier unit
 * (the order a sort by (score descending, unit) gives). */
static int before(const double *s, size_t a, size_t b)
{
	if (s[a] != s[b])
		return !(s[a] < s[b]);
	return a < b;
}

static void sift(size_t *h, size_t n, size_t i, const double *s)
{
	for (;;) {
		size_t l = 2 * i + 1, best = i;
		if (l < n && before(s, h[l], h[best]))
			best = l;
		if (l + 1 < n && before(s, h[l + 1], h[best]))
			best = l + 1;
		if (best == i)
			return;
		size_t t = h[i];
		h[i] = h[best];
		h[best] = t;
		i = best;
	}
}

/* The best unit left in heap h[0, *n), taken out. */
static size_t pop(size_t *h, size_t *n, const double *s)
{
	size_t top = h[0];
	h[0] = h[--*n];
	sift(h, *n, 0, s);
	return top;
}

static int by_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

static int same_text(const precis_doc *d, size_t a, size_t b)
{
	const precis__unit *x = &d->units.v[a], *y = &d->units.v[b];
	return x->end - x->start == y->end - y->start &&
	       memcmp(d->text + x->start, d->text + y->start, x->end - x->start) == 0;
}

/* The chosen units' vectors when the method made none: their terms one
 * after another in ids/ws, pick k's from end[k - 1] (0 for the first),
 * and the candidate's after the last. */
typedef struct made {
	const precis__svecs *all; /* every unit's, or NULL */
	const precis_doc *d;
	const double *idf;
	uint32_t *ids;
	double *ws;
	size_t ids_cap, ws_cap;
	size_t *end;
	double *norm;
	size_t end_cap, norm_cap;
	precis__svec cand;
} made;

static precis__svec pick_vec(const made *m, const size_t *picks, size_t k)
{
	if (m->all != NULL)
		return m->all->v[picks[k]];
	size_t from = k ? m->end[k - 1] : 0;
	return (precis__svec){ m->ids + from, m->ws + from, m->end[k] - from,
			       m->norm[k] };
}

/* Makes unit u's vector the candidate, after `chosen` picks' terms. */
static int make_cand(made *m, size_t chosen, size_t u)
{
	if (m->all != NULL) {
		m->cand = m->all->v[u];
		return 0;
	}
	size_t from = chosen ? m->end[chosen - 1] : 0;
	size_t n = m->d->term_off[u + 1] - m->d->term_off[u];
	if (precis__grow((void **)&m->ids, &m->ids_cap, from + n + 1, sizeof *m->ids) ||
	    precis__grow((void **)&m->ws, &m->ws_cap, from + n + 1, sizeof *m->ws) ||
	    precis__grow((void **)&m->end, &m->end_cap, chosen + 1, sizeof *m->end) ||
	    precis__grow((void **)&m->norm, &m->norm_cap, chosen + 1, sizeof *m->norm))
		return PRECIS_ERR_NOMEM;
	m->cand = precis__svec_unit(m->d, u, m->idf, m->ids + from, m->ws + from);
	return 0;
}

/* The candidate becomes pick `chosen`. */
static void keep_cand(made *m, size_t chosen)
{
	if (m->all != NULL)
		return;
	m->end[chosen] = (chosen ? m->end[chosen - 1] : 0) + m->cand.n;
	m->norm[chosen] = m->cand.norm;
}

static int redundant(const made *m, const size_t *picks, size_t n, size_t u,
		     double limit)
{
	for (size_t k = 0; k < n; k++) {
		if (same_text(m->d, picks[k], u))
			return 1;
		precis__svec a = pick_vec(m, picks, k);
		if (precis__svec_cos(&a, &m->cand) > limit)
			return 1;
	}
	return 0;
}

int precis__budget_fits(const precis__budget *b, size_t words, size_t bytes,
			const precis_doc *d, size_t u)
{
	size_t ub = d->units.v[u].end - d->units.v[u].start;
	if (b->words && words + d->words[u] > b->words)
		return 0;
	if (b->bytes && bytes + ub > b->bytes)
		return 0;
	return 1;
}

static size_t choose(made *m, const double *scores, size_t *heap, size_t left,
		     const precis__budget *budget, double redundancy,
		     size_t *picks, int *oom)
{
	const precis_doc *d = m->d;
	size_t chosen = 0, words = 0, bytes = 0, best = (size_t)-1;
	while (left > 0) {
		if (budget->sentences && chosen >= budget->sentences)
			break;
		size_t u = pop(heap, &left, scores);
		best = best == (size_t)-1 ? u : best;
		if (make_cand(m, chosen, u) != 0) {
			*oom = 1;
			return 0;
		}
		if (redundant(m, picks, chosen, u, redundancy) ||
		    !precis__budget_fits(budget, words, bytes, d, u))
			continue;
		keep_cand(m, chosen);
		picks[chosen++] = u;
		words += d->words[u];
		bytes += d->units.v[u].end - d->units.v[u].start;
	}
	if (chosen == 0 && best != (size_t)-1)
		picks[chosen++] = best;
	return chosen;
}

size_t precis__select(const precis_doc *d, const double *scores,
		      const unsigned char *eligible, const precis__svecs *vecs,
		      const double *idf, const precis__budget *budget,
		      double redundancy, size_t *picks, int *oom)
{
	size_t n = d->units.n, m = 0;
	size_t *heap = malloc((n ? n : 1) * sizeof *heap);
	*oom = heap == NULL;
	if (heap == NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (eligible[i])
			heap[m++] = i;
	for (size_t i = m / 2; i-- > 0;)
		sift(heap, m, i, scores);
	made mv = { vecs, d, idf, NULL, NULL, 0, 0, NULL, NULL, 0, 0, { 0 } };
	size_t chosen = choose(&mv, scores, heap, m, budget, redundancy, picks, oom);
	free(heap);
	free(mv.ids);
	free(mv.ws);
	free(mv.end);
	free(mv.norm);
	qsort(picks, chosen, sizeof *picks, by_index);
	return chosen;
}
