/*
 * termvec.c - sparse unit vectors and in-document idf.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "doc/termvec.h"

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* A sentence's few terms sort faster by insertion than through qsort()'s
 * calls to cmp_u32 (a twentieth of a batch); longer lists go to qsort(). */
#define INSERTION_MAX 48

static void sort_ids(uint32_t *v, size_t n)
{
	if (n > INSERTION_MAX) {
		qsort(v, n, sizeof *v, cmp_u32);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t x = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* Sorts unit i's terms into ids[0..], folding repeats into counts. */
static size_t fill_unit(const precis_doc *d, size_t i, const double *idf,
			uint32_t *ids, double *ws)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(d, i, &n);
	if (n == 0)
		return 0;
	memcpy(ids, t, n * sizeof *ids);
	sort_ids(ids, n);
	size_t k = 0;
	for (size_t j = 0; j < n;) {
		size_t r = j;
		while (r < n && ids[r] == ids[j])
			r++;
		ids[k] = ids[j];
		/* log(1) is 0: most terms occur once in their sentence. */
		ws[k] = (r - j == 1 ? 1.0 : 1.0 + log((double)(r - j))) * idf[ids[j]];
		k++;
		j = r;
	}
	return k;
}

precis__svec precis__svec_unit(const precis_doc *d, size_t i, const double *idf,
			      uint32_t *ids, double *ws)
{
	size_t k = fill_unit(d, i, idf, ids, ws);
	double norm = 0;
	for (size_t j = 0; j < k; j++)
		norm += ws[j] * ws[j];
	return (precis__svec){ ids, ws, k, sqrt(norm) };
}

size_t precis__svec_max_terms(const precis_doc *d)
{
	size_t most = 0;
	for (size_t i = 0; i < d->units.n; i++) {
		size_t n = d->term_off[i + 1] - d->term_off[i];
		most = n > most ? n : most;
	}
	return most;
}

int precis__svecs_build(precis__svecs *out, const precis_doc *d,
			const double *idf)
{
	size_t units = d->units.n, total = d->term_off[units];
	memset(out, 0, sizeof *out);
	out->v = calloc(units ? units : 1, sizeof *out->v);
	out->ids = malloc((total ? total : 1) * sizeof *out->ids);
	out->ws = malloc((total ? total : 1) * sizeof *out->ws);
	if (out->v == NULL || out->ids == NULL || out->ws == NULL) {
		precis__svecs_free(out);
		return PRECIS_ERR_NOMEM;
	}
	out->n = units;
	for (size_t i = 0; i < units; i++) {
		size_t base = d->term_off[i];
		out->v[i] = precis__svec_unit(d, i, idf, out->ids + base, out->ws + base);
	}
	return 0;
}

void precis__svecs_free(precis__svecs *s)
{
	free(s->v);
	free(s->ids);
	free(s->ws);
	memset(s, 0, sizeof *s);
}

double precis__svec_cos(const precis__svec *a, const precis__svec *b)
{
	if (a->n == 0 || b->n == 0 || a->norm == 0 || b->norm == 0)
		return 0.0;
	double dot = 0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->id[i] == b->id[j])
			dot += a->w[i++] * b->w[j++];
		else if (a->id[i] < b->id[j])
			i++;
		else
			j++;
	}
	return dot / (a->norm * b->norm);
}
