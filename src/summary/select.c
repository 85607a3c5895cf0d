/*
 * select.c - greedy selection in score order under a budget, skipping
 * near-duplicates (scraped articles repeat their teaser paragraph).
 *
 * Memory: a budget of a few sentences looks at a few candidates, so the
 * first are found by a scan of the scores each, and a heap of unit indices
 * orders the rest only when selection goes on past them (a sorted copy of
 * (unit, score) records and qsort's own copy of it took 32 bytes a unit,
 * 6% of the memory of a 100 MB document). The vectors redundancy control
 * compares are the method's when it made every unit's, else made here for
 * the units looked at.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "summary/select.h"

/* Candidates found by a scan before a heap is built (a scan costs about
 * half a heap's building). */
#define SCANS 16

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

#define NONE ((size_t)-1)

/* The eligible units best first. */
typedef struct order {
	const double *s;
	const unsigned char *eligible;
	size_t n;
	size_t last;  /* the unit given last, NONE before the first */
	size_t given;
	size_t *heap; /* after SCANS units: those after `last` */
	size_t left;
} order;

/* The eligible units after `last` as a heap; 0 or PRECIS_ERR_NOMEM. */
static int heapify(order *o)
{
	if ((o->heap = malloc((o->n ? o->n : 1) * sizeof *o->heap)) == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t i = 0; i < o->n; i++)
		if (o->eligible[i] && before(o->s, o->last, i))
			o->heap[o->left++] = i;
	for (size_t i = o->left / 2; i-- > 0;)
		sift(o->heap, o->left, i, o->s);
	return 0;
}

/* The next unit into *u: 1, or 0 when none is left, or PRECIS_ERR_NOMEM. */
static int next(order *o, size_t *u)
{
	if (o->heap == NULL && o->given == SCANS && heapify(o) != 0)
		return PRECIS_ERR_NOMEM;
	if (o->heap != NULL) {
		if (o->left == 0)
			return 0;
		*u = o->heap[0];
		o->heap[0] = o->heap[--o->left];
		sift(o->heap, o->left, 0, o->s);
		return 1;
	}
	size_t best = NONE;
	for (size_t i = 0; i < o->n; i++)
		if (o->eligible[i] && (o->last == NONE || before(o->s, o->last, i)) &&
		    (best == NONE || before(o->s, i, best)))
			best = i;
	if (best == NONE)
		return 0;
	o->last = best;
	o->given++;
	*u = best;
	return 1;
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

static size_t choose(made *m, order *o, const precis__budget *budget,
		     double redundancy, size_t *picks, int *oom)
{
	const precis_doc *d = m->d;
	size_t chosen = 0, words = 0, bytes = 0, best = NONE, u;
	int more;
	while (!(budget->sentences && chosen >= budget->sentences) &&
	       (more = next(o, &u)) != 0) {
		if (more < 0 || make_cand(m, chosen, u) != 0) {
			*oom = 1;
			return 0;
		}
		best = best == NONE ? u : best;
		if (redundant(m, picks, chosen, u, redundancy) ||
		    !precis__budget_fits(budget, words, bytes, d, u))
			continue;
		keep_cand(m, chosen);
		picks[chosen++] = u;
		words += d->words[u];
		bytes += d->units.v[u].end - d->units.v[u].start;
	}
	if (chosen == 0 && best != NONE)
		picks[chosen++] = best;
	return chosen;
}

size_t precis__select(const precis_doc *d, const double *scores,
		      const unsigned char *eligible, const precis__svecs *vecs,
		      const double *idf, const precis__budget *budget,
		      double redundancy, size_t *picks, int *oom)
{
	*oom = 0;
	order o = { scores, eligible, d->units.n, NONE, 0, NULL, 0 };
	made mv = { vecs, d, idf, NULL, NULL, 0, 0, NULL, NULL, 0, 0, { 0 } };
	size_t chosen = choose(&mv, &o, budget, redundancy, picks, oom);
	free(o.heap);
	free(mv.ids);
	free(mv.ws);
	free(mv.end);
	free(mv.norm);
	qsort(picks, chosen, sizeof *picks, by_index);
	return chosen;
}
