/*
 * tfidf.c - the default method: a sentence is salient when its tf-idf vector
 * points where the document's weighted centroid points (cosine, so length
 * alone does not win); news is written top-down, so earlier and
 * paragraph-initial sentences get a prior; overlap with the headline adds
 * the editor's own judgement of what the story is.
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
static double XP(const char *n, double def) { const char *v = getenv(n); return v ? atof(v) : def; } /* EXPERIMENT */

#include "internal.h"
#include "rank/rank.h"

/* The document centroid as a sparse vector over all its terms. */
static int centroid(const precis__rank_input *in, precis__svec *c,
		    uint32_t **ids, double **ws)
{
	const precis_doc *d = in->doc;
	*ids = malloc((d->nterms ? d->nterms : 1) * sizeof **ids);
	*ws = calloc(d->nterms ? d->nterms : 1, sizeof **ws);
	if (*ids == NULL || *ws == NULL)
		return PRECIS_ERR_NOMEM;
	size_t skip = d->has_title ? d->title_unit : (size_t)-1;
	for (size_t i = 0; i < d->units.n; i++) {
		if (i == skip)
			continue;
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		for (size_t j = 0; j < n; j++)
			(*ws)[t[j]] += 1.0;
	}
	double norm = 0;
	for (size_t t = 0; t < d->nterms; t++) {
		(*ids)[t] = (uint32_t)t;
		(*ws)[t] *= in->idf[t];
		norm += (*ws)[t] * (*ws)[t];
	}
	*c = (precis__svec){ *ids, *ws, d->nterms, sqrt(norm) };
	return 0;
}

/* Fraction of the headline's terms the unit holds. */
static double title_overlap(const precis_doc *d, size_t i)
{
	if (!d->has_title || d->ntitle_terms == 0 || i == d->title_unit)
		return 0.0;
	size_t n, hit = 0;
	const uint32_t *t = precis__doc_terms(d, i, &n);
	for (size_t k = 0; k < d->ntitle_terms; k++)
		for (size_t j = 0; j < n; j++)
			if (t[j] == d->title_terms[k]) {
				hit++;
				break;
			}
	return (double)hit / (double)d->ntitle_terms;
}

/* EXPERIMENT: cosine with the centroid of the other sentences. */
static double loo_cos(const precis__rank_input *in, size_t i,
		      const precis__svec *c, const double *ws, double *cnt)
{
	size_t n;
	const uint32_t *t = precis__doc_terms(in->doc, i, &n);
	for (size_t j = 0; j < n; j++)
		cnt[t[j]] += 1.0;
	const precis__svec *v = &in->vecs->v[i];
	double dot = 0, n2 = c->norm * c->norm;
	for (size_t k = 0; k < v->n; k++) {
		uint32_t id = v->id[k];
		double u = cnt[id] * in->idf[id], cw = ws[id] - u;
		dot += v->w[k] * cw;
		n2 += cw * cw - ws[id] * ws[id];
	}
	for (size_t j = 0; j < n; j++)
		cnt[t[j]] = 0.0;
	return n2 > 1e-12 && v->norm > 0 ? dot / (sqrt(n2) * v->norm) : 0.0;
}

int precis__rank_tfidf(const precis__rank_input *in, double *scores,
		       precis_error *err)
{
	const precis_doc *d = in->doc;
	const double *p = in->params;
	precis__svec c;
	uint32_t *ids;
	double *ws;
	if (centroid(in, &c, &ids, &ws) != 0) {
		free(ids);
		free(ws);
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	double *cnt = calloc(d->nterms ? d->nterms : 1, sizeof *cnt);
	int loo = XP("LOO", 0) > 0;
	size_t rank = 0, prev_par = (size_t)-1;
	for (size_t i = 0; i < d->units.n; i++) {
		int par_first = d->units.v[i].paragraph != prev_par;
		prev_par = d->units.v[i].paragraph;
		if (!in->eligible[i]) {
			scores[i] = 0.0;
			continue;
		}
		double dc = p[PRECIS_PARAM_POSITION_DECAY], r = (double)rank++;
		int shape = (int)XP("SHAPE", 0);
		double pos = shape == 0 ? exp(-dc * r) : shape == 1 ? 1.0 / (1.0 + dc * r)
			: (r < XP("K", 3) ? 1.0 : exp(-dc * (r - XP("K", 3) + 1)));
		double lt = XP("LT", 0), w = (double)d->words[i];
		double lpen = lt > 0 && w > lt ? XP("LW", 0) * (w / lt - 1.0) : 0.0;
		if (lt > 0 && XP("LSHORT", 0) > 0 && w < lt) lpen += XP("LSHORT", 0) * (1.0 - w / lt);
		scores[i] = XP("CW", 1) * (loo ? loo_cos(in, i, &c, ws, cnt) : precis__svec_cos(&in->vecs->v[i], &c)) - lpen + (r == 0) * XP("FIRST", 0) +
			    p[PRECIS_PARAM_POSITION_WEIGHT] * pos +
			    p[PRECIS_PARAM_PARAGRAPH_WEIGHT] * par_first +
			    p[PRECIS_PARAM_TITLE_WEIGHT] * title_overlap(d, i);
	}
	free(ids);
	free(ws);
	free(cnt);
	return 0;
}
