/*
 * select.c - greedy selection in score order under a budget, skipping
 * near-duplicates (scraped articles repeat their teaser paragraph).
 */
#include <stdlib.h>
#include <string.h>

#include "summary/select.h"

typedef struct ranked {
	size_t unit;
	double score;
} ranked;

static int by_score(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (x->unit > y->unit) - (x->unit < y->unit); /* earlier first */
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

static int redundant(const precis_doc *d, const precis__svecs *vecs,
		     const size_t *picks, size_t n, size_t u, double limit)
{
	for (size_t k = 0; k < n; k++)
		if (same_text(d, picks[k], u) ||
		    precis__svec_cos(&vecs->v[picks[k]], &vecs->v[u]) > limit)
			return 1;
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

size_t precis__select(const precis_doc *d, const double *scores,
		      const unsigned char *eligible, const precis__svecs *vecs,
		      const precis__budget *budget, double redundancy,
		      size_t *picks, int *oom)
{
	size_t n = d->units.n, m = 0, chosen = 0, words = 0, bytes = 0;
	ranked *order = malloc((n ? n : 1) * sizeof *order);
	*oom = order == NULL;
	if (order == NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (eligible[i])
			order[m++] = (ranked){ i, scores[i] };
	qsort(order, m, sizeof *order, by_score);
	for (size_t k = 0; k < m; k++) {
		if (budget->sentences && chosen >= budget->sentences)
			break;
		size_t u = order[k].unit;
		if (redundant(d, vecs, picks, chosen, u, redundancy) ||
		    !precis__budget_fits(budget, words, bytes, d, u))
			continue;
		picks[chosen++] = u;
		words += d->words[u];
		bytes += d->units.v[u].end - d->units.v[u].start;
	}
	if (chosen == 0 && m > 0)
		picks[chosen++] = order[0].unit;
	free(order);
	qsort(picks, chosen, sizeof *picks, by_index);
	return chosen;
}
