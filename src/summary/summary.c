/*
 * summary.c - precis_summarize(): eligibility, scoring through the chosen
 * method, then budgeted selection.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "context/ctx.h"
#include "doc/doc.h"
#include "doc/idf.h"
#include "rank/features.h"
#include "rank/rank.h"
#include "summary/clean.h"
#include "summary/marker.h"
#include "summary/select.h"
#include "summary/summary.h"

struct precis_summary {
	precis_pick *picks;
	size_t n;
	const char *method; /* static */
};

void precis_options_init(precis_options *o)
{
	if (o != NULL)
		*o = (precis_options)PRECIS_OPTIONS_INIT;
}

/*
 * Which units may be picked: running-text sentences long enough to stand
 * alone and not page furniture (clean.h). Failing that (a list, a poem, a
 * headline-only page), relax step by step rather than return nothing.
 */
size_t precis__eligible(const precis_doc *d, double min_words,
			unsigned char *ok)
{
	size_t title = d->has_title ? d->title_unit : (size_t)-1;
	for (int pass = 0; pass < 3; pass++) {
		size_t count = 0;
		for (size_t i = 0; i < d->units.n; i++) {
			int e = d->words[i] > 0 && i != title;
			if (pass == 0)
				e = e && d->units.v[i].kind == PRECIS_UNIT_SENTENCE &&
				    (double)d->words[i] >= min_words;
			else if (pass == 1)
				e = e && d->units.v[i].kind == PRECIS_UNIT_SENTENCE;
			/* Last: only a unit that may be picked otherwise is
			 * looked at for furniture. */
			if (pass < 2)
				e = e && !precis__is_furniture(
						 d->text + d->units.v[i].start,
						 d->units.v[i].end - d->units.v[i].start);
			ok[i] = (unsigned char)e;
			count += (size_t)e;
		}
		if (count > 0)
			return count;
	}
	if (title != (size_t)-1 && d->words[title] > 0) {
		ok[title] = 1;
		return 1;
	}
	return 0;
}

int precis__options_check(const precis_options **o, precis_options *defaults,
			  const precis_doc *d, precis_error *err)
{
	if (*o == NULL) {
		*defaults = (precis_options)PRECIS_OPTIONS_INIT;
		*o = defaults;
	}
	if ((*o)->version != PRECIS_OPTIONS_VERSION)
		return precis__fail(err, PRECIS_ERR_ARG, "options version %u not supported",
				    (*o)->version);
	if (d != NULL && d->split_only)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "document was built for splitting only");
	return 0;
}

int precis__budget_make(const precis_options *o, size_t eligible,
			precis__budget *b, precis_error *err)
{
	memset(b, 0, sizeof *b);
	if (o->words > 0)
		b->words = o->words;
	else if (o->bytes > 0)
		b->bytes = o->bytes;
	else if (o->ratio != 0.0) {
		if (!(o->ratio > 0.0 && o->ratio <= 1.0))
			return precis__fail(err, PRECIS_ERR_ARG,
					    "ratio must be in (0, 1]");
		b->sentences = (size_t)ceil(o->ratio * (double)eligible);
	} else
		b->sentences = o->sentences ? o->sentences : 3;
	return 0;
}

typedef struct work {
	unsigned char *eligible;
	double *idf, *scores;
	uint32_t *scratch;
	size_t *picks;
	precis__svecs vecs;
} work;

static void work_free(work *w)
{
	free(w->eligible);
	free(w->idf);
	free(w->scores);
	free(w->scratch);
	free(w->picks);
	precis__svecs_free(&w->vecs);
}

static int work_alloc(work *w, const precis_doc *d)
{
	size_t n = d->units.n ? d->units.n : 1, t = d->nterms ? d->nterms : 1;
	memset(w, 0, sizeof *w);
	w->eligible = calloc(n, 1);
	w->scores = calloc(n, sizeof *w->scores);
	w->picks = calloc(n, sizeof *w->picks);
	w->idf = calloc(t, sizeof *w->idf);
	w->scratch = calloc(t, sizeof *w->scratch);
	return w->eligible && w->scores && w->picks && w->idf && w->scratch
		       ? 0
		       : PRECIS_ERR_NOMEM;
}

int precis__summary_new(precis_summary **out, const precis_doc *d,
			const size_t *picks, size_t npicks,
			const double *scores, const char *method,
			precis_error *err)
{
	precis_summary *s = calloc(1, sizeof *s);
	if (s == NULL || (s->picks = calloc(npicks ? npicks : 1,
					    sizeof *s->picks)) == NULL) {
		free(s);
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	for (size_t k = 0; k < npicks; k++) {
		size_t u = picks[k], at = d->units.v[u].start;
		size_t len = d->units.v[u].end - at;
		size_t m = precis__lead_marker(d->text + at, len);
		s->picks[k] = (precis_pick){ u, at + m, len - m,
					     scores ? scores[u] : 0.0 };
	}
	s->n = npicks;
	s->method = method;
	*out = s;
	return 0;
}

/* What run() scores with: a method (and the learned method's model), or
 * scores given per unit (the trainer's, from cached features). */
typedef struct scorer {
	const precis__method *m;
	const precis_model *model;
	const double *given;
	double *x, *dx; /* features out instead of a summary... */
	unsigned char *given_eligible; /* ...and the eligible units */
} scorer;

static int run(precis_summary **out, precis_ctx *ctx, const precis_doc *d,
	       const precis_options *o, const scorer *sc, work *w,
	       precis_error *err)
{
	if (work_alloc(w, d) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	size_t ne = precis__eligible(d, ctx->params[PRECIS_PARAM_MIN_WORDS], w->eligible);
	if (ne == 0)
		return precis__fail(err, PRECIS_ERR_EMPTY, "no sentences found");
	precis__budget b;
	int rc = precis__budget_make(o, ne, &b, err);
	if (rc != 0)
		return rc;
	precis__idf_fill(ctx, d, d->has_title ? d->title_unit : (size_t)-1, w->idf,
			 w->scratch);
	/* Every unit's vector only for a method that reads them (the
	 * features read them); selection makes the few it compares. */
	int all_vecs = sc->x != NULL || (sc->given == NULL && !sc->m->unit_vectors);
	if (all_vecs && precis__svecs_build(&w->vecs, d, w->idf) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	precis__rank_input in = { d, ctx->params, w->eligible, w->idf,
				  all_vecs ? &w->vecs : NULL, o->seed, ctx, sc->model };
	if (sc->x != NULL) {
		rc = precis__features(&in, NULL, sc->x, sc->dx, err);
		if (rc == 0)
			memcpy(sc->given_eligible, w->eligible, d->units.n);
		return rc;
	}
	if (sc->given != NULL)
		memcpy(w->scores, sc->given, d->units.n * sizeof *w->scores);
	else if ((rc = sc->m->score(&in, w->scores, err)) != 0)
		return rc;
	int oom;
	size_t np = precis__select(d, w->scores, w->eligible, in.vecs, w->idf, &b,
				   ctx->params[PRECIS_PARAM_REDUNDANCY], w->picks, &oom);
	if (oom)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return precis__summary_new(out, d, w->picks, np, w->scores,
				   sc->m ? sc->m->name : "learned", err);
}

static int summarize(precis_summary **out, precis_ctx *ctx,
		     const precis_doc *d, const precis_options *o,
		     scorer *sc, precis_error *err)
{
	precis__clear(err);
	if ((out == NULL && sc->x == NULL) || ctx == NULL || d == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (out != NULL)
		*out = NULL;
	precis_options defaults;
	int rc = precis__options_check(&o, &defaults, d, err);
	if (rc != 0)
		return rc;
	if (sc->given == NULL && sc->x == NULL &&
	    (sc->m = precis__method_find(o->method)) == NULL)
		return precis__fail(err, PRECIS_ERR_METHOD, "unknown method '%s'",
				    o->method);
	work w;
	rc = run(out, ctx, d, o, sc, &w, err);
	work_free(&w);
	return rc;
}

int precis_summarize(precis_summary **out, precis_ctx *ctx,
		     const precis_doc *d, const precis_options *o,
		     precis_error *err)
{
	scorer sc = { 0 };
	return summarize(out, ctx, d, o, &sc, err);
}

int precis__summarize_model(precis_summary **out, precis_ctx *ctx,
			    const precis_doc *d, const precis_options *o,
			    const precis_model *model, precis_error *err)
{
	scorer sc = { 0 };
	sc.model = model;
	return summarize(out, ctx, d, o, &sc, err);
}

int precis__summarize_scored(precis_summary **out, precis_ctx *ctx,
			     const precis_doc *d, const precis_options *o,
			     const double *scores, precis_error *err)
{
	scorer sc = { 0 };
	sc.given = scores;
	return summarize(out, ctx, d, o, &sc, err);
}

int precis__summary_features(precis_ctx *ctx, const precis_doc *d,
			     double *x, double *dx, unsigned char *eligible,
			     precis_error *err)
{
	scorer sc = { 0 };
	sc.x = x;
	sc.dx = dx;
	sc.given_eligible = eligible;
	return summarize(NULL, ctx, d, NULL, &sc, err);
}

void precis_summary_free(precis_summary *s)
{
	if (s == NULL)
		return;
	free(s->picks);
	free(s);
}

const char *precis_summary_method(const precis_summary *s)
{
	return s ? s->method : NULL;
}

size_t precis_summary_count(const precis_summary *s)
{
	return s ? s->n : 0;
}

int precis_summary_pick(const precis_summary *s, size_t i, precis_pick *out)
{
	if (s == NULL || out == NULL || i >= s->n)
		return PRECIS_ERR_ARG;
	*out = s->picks[i];
	return 0;
}
