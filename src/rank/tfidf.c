/*
 * tfidf.c - the default method: a sentence is salient when its tf-idf vector
 * points where the document's weighted centroid points (cosine, so length
 * alone does not win); news is written top-down, so earlier and
 * paragraph-initial sentences get a prior; overlap with the headline adds
 * the editor's own judgement of what the story is; a sentence far longer
 * than a lead sentence pays for its excess. Weights: src/params.c, chosen
 * on the tuning sets by tests/bench/tune.sh.
 */
#include <math.h>
#include <stdlib.h>

#include "base/internal.h"
#include "rank/rank.h"

/*
 * The document centroid, dense over the document's terms (it holds every
 * one of them): a sentence's cosine then looks its few terms up instead of
 * walking all the document's terms, which made long inputs quadratic.
 */
static double *centroid(const precis__rank_input *in, double *norm)
{
	const precis_doc *d = in->doc;
	double *c = calloc(d->nterms ? d->nterms : 1, sizeof *c);
	if (c == NULL)
		return NULL;
	precis__doc_counts(d, c);
	double sq = 0;
	for (size_t t = 0; t < d->nterms; t++) {
		c[t] *= in->idf[t];
		sq += c[t] * c[t];
	}
	*norm = sqrt(sq);
	return c;
}

static double cos_dense(const precis__svec *a, const double *c, double norm)
{
	if (a->n == 0 || a->norm == 0 || norm == 0)
		return 0.0;
	double dot = 0;
	for (size_t i = 0; i < a->n; i++)
		dot += a->w[i] * c[a->id[i]];
	return dot / (a->norm * norm);
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

/*
 * The prior of the r-th eligible sentence: news is written top-down, and
 * a steep decay (tuned) means the lead sentence nearly always stays while
 * the second and third compete with later sentences on salience.
 */
static double position_prior(const double *p, double r)
{
	return p[PRECIS_PARAM_POSITION_WEIGHT] *
	       exp(-p[PRECIS_PARAM_POSITION_DECAY] * r);
}

/*
 * What a sentence pays for length beyond the target, in target lengths.
 * Cosine already keeps length from winning by itself, but a long sentence
 * still spends the summary's few slots on words a reader (and ROUGE's
 * precision) does not need; short ones are not favoured, since fragments
 * carry little.
 */
static double length_penalty(const double *p, size_t words)
{
	double target = p[PRECIS_PARAM_LENGTH_TARGET], w = (double)words;
	if (target <= 0.0 || w <= target)
		return 0.0;
	return p[PRECIS_PARAM_LENGTH_WEIGHT] * (w / target - 1.0);
}

int precis__rank_tfidf(const precis__rank_input *in, double *scores,
		       precis_error *err)
{
	const precis_doc *d = in->doc;
	const double *p = in->params;
	double norm = 0;
	double *c = centroid(in, &norm);
	/* Each unit's vector is made when it is scored and dropped after:
	 * every unit's at once would weigh more than the text itself. */
	size_t most = precis__svec_max_terms(d);
	uint32_t *ids = malloc((most ? most : 1) * sizeof *ids);
	double *ws = malloc((most ? most : 1) * sizeof *ws);
	if (c == NULL || ids == NULL || ws == NULL) {
		free(c);
		free(ids);
		free(ws);
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	size_t rank = 0, prev_par = (size_t)-1;
	for (size_t i = 0; i < d->units.n; i++) {
		int par_first = d->units.v[i].paragraph != prev_par;
		prev_par = d->units.v[i].paragraph;
		if (!in->eligible[i]) {
			scores[i] = 0.0;
			continue;
		}
		precis__svec v = precis__svec_unit(d, i, in->idf, ids, ws);
		scores[i] = cos_dense(&v, c, norm) +
			    position_prior(p, (double)rank++) -
			    length_penalty(p, d->words[i]) +
			    p[PRECIS_PARAM_PARAGRAPH_WEIGHT] * par_first +
			    p[PRECIS_PARAM_TITLE_WEIGHT] * title_overlap(d, i);
	}
	free(c);
	free(ids);
	free(ws);
	return 0;
}
