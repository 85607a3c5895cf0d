/*
 * learned.c - the learned scorer (`-m learned`): a linear model over the
 * features of features.c, fitted to oracle labels by `precis train`
 * (src/train). The model is the context's (precis_ctx_set_model) or the
 * shipped one, data/models/default.model, parsed per call: a few dozen
 * lines, far cheaper than the features, and the library keeps no state.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "base/resources.h"
#include "context/ctx.h"
#include "rank/model.h"

int precis__model_default(precis_model **out, precis_error *err)
{
	const precis__resource *r = precis__resource_find(PRECIS__MODEL_RESOURCE);
	if (r == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "no shipped model");
	return precis_model_load(out, r->data, r->len, err);
}

int precis_model_default(precis_model **out, precis_error *err)
{
	precis__clear(err);
	if (out == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	return precis__model_default(out, err);
}

/* Scores with model m (its bundle's choice for this document). */
static int score_with(const precis__rank_input *in, const precis_model *m,
		      double *scores, precis_error *err)
{
	const precis_doc *d = in->doc;
	unsigned char need[PRECIS__NFEAT] = { 0 };
	for (size_t k = 0; k < m->n; k++)
		for (size_t f = 0; f < PRECIS__NFEAT; f++)
			need[f] |= m->m[k].used[f] && m->m[k].w[f] != 0.0;
	double dx[PRECIS__NDFEAT];
	double *x = malloc((d->units.n ? d->units.n : 1) * PRECIS__NFEAT * sizeof *x);
	if (x == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = precis__features(in, need, x, m->n > 1 ? dx : NULL, err);
	if (rc == 0) {
		const precis__submodel *s = &m->m[m->n > 1 ? precis__model_choose(m, dx) : 0];
		for (size_t u = 0; u < d->units.n; u++) {
			double v = s->bias;
			for (size_t f = 0; f < PRECIS__NFEAT; f++)
				if (need[f])
					v += s->w[f] * x[u * PRECIS__NFEAT + f];
			scores[u] = in->eligible[u] ? v : 0.0;
		}
	}
	free(x);
	return rc;
}

static void free_model(void *m)
{
	precis_model_free(m);
}

int precis__rank_learned(const precis__rank_input *in, double *scores,
			 precis_error *err)
{
	precis_ctx *ctx = in->ctx;
	const precis_model *m = in->model ? in->model : ctx->model;
	if (m == NULL && ctx->shipped_model == NULL) {
		precis_model *own;
		int rc = precis__model_default(&own, err);
		if (rc != 0)
			return rc;
		ctx->shipped_model = own;
		ctx->shipped_model_free = free_model;
	}
	return score_with(in, m ? m : ctx->shipped_model, scores, err);
}
