/*
 * common.c - small helpers shared by the ranking methods: document term
 * counts, the eligible units, and greedy pick orders turned into scores.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "rank/rank.h"

size_t precis__doc_counts(const precis_doc *d, double *counts)
{
	size_t skip = d->has_title ? d->title_unit : (size_t)-1, total = 0;
	memset(counts, 0, d->nterms * sizeof *counts);
	for (size_t i = 0; i < d->units.n; i++) {
		if (i == skip)
			continue;
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		for (size_t j = 0; j < n; j++)
			counts[t[j]] += 1.0;
		total += n;
	}
	return total;
}

size_t precis__eligible_list(const precis__rank_input *in, size_t *list)
{
	size_t m = 0;
	for (size_t i = 0; i < in->doc->units.n; i++)
		if (in->eligible[i])
			list[m++] = i;
	return m;
}

typedef struct rest_item {
	size_t unit;
	double w;
} rest_item;

static int by_weight(const void *a, const void *b)
{
	const rest_item *x = a, *y = b;
	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

int precis__scores_from_order(const precis__rank_input *in,
			      const size_t *order, size_t k,
			      const double *rest, double *scores)
{
	size_t n = in->doc->units.n, m = 0;
	rest_item *r = malloc((n ? n : 1) * sizeof *r);
	if (r == NULL)
		return PRECIS_ERR_NOMEM;
	/* -1 marks "not yet ranked" among eligible units. */
	for (size_t i = 0; i < n; i++)
		scores[i] = in->eligible[i] ? -1.0 : 0.0;
	for (size_t j = 0; j < k; j++)
		scores[order[j]] = 1.0 / (1.0 + (double)j);
	for (size_t i = 0; i < n; i++)
		if (scores[i] < 0)
			r[m++] = (rest_item){ i, rest ? rest[i] : 0.0 };
	qsort(r, m, sizeof *r, by_weight);
	for (size_t j = 0; j < m; j++)
		scores[r[j].unit] = 1.0 / (2.0 + (double)(k + j));
	free(r);
	return 0;
}
