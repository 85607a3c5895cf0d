/*
 * train.c - the trainer's documents: features as the learned method sees
 * them, labels from the greedy oracle, the Lead and oracle ROUGE for the
 * report; and precis_trainer_fit()'s checks (the fitting is cv.c's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "doc/doc.h"
#include "summary/summary.h"
#include "train/train.h"

static int make_rouge(precis_rouge **out, const precis_rouge_options *base,
		      int lcs, precis_error *err)
{
	precis_rouge_options o;
	if (base != NULL)
		o = *base;
	else {
		precis_rouge_options_init(&o);
		o.stem = 1;
	}
	o.max_n = 2;
	o.lcs = lcs;
	o.wlcs_weight = 0;
	o.skip = 0;
	return precis_rouge_new(out, &o, err);
}

int precis_trainer_new(precis_trainer **out, precis_ctx *ctx,
		       const precis_rouge_options *ropts,
		       const precis_options *opts, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || ctx == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	precis_options defaults;
	int rc = precis__options_check(&opts, &defaults, NULL, err);
	if (rc != 0)
		return rc;
	precis_trainer *t = calloc(1, sizeof *t);
	if (t == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	t->ctx = ctx;
	t->opts = *opts;
	t->opts.method = NULL;
	if ((rc = make_rouge(&t->rouge, ropts, 1, err)) != 0 ||
	    (rc = make_rouge(&t->oracle, ropts, 0, err)) != 0) {
		precis_trainer_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static void tdoc_free(precis__tdoc *td)
{
	for (size_t i = 0; i < td->nrefs; i++)
		free(td->refs[i]);
	free(td->refs);
	free(td->ref_lens);
	free(td->x);
	free(td->eligible);
	free(td->label);
}

void precis_trainer_free(precis_trainer *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++)
		tdoc_free(&t->v[i]);
	free(t->v);
	precis_rouge_free(t->rouge);
	precis_rouge_free(t->oracle);
	free(t);
}

static int copy_refs(precis__tdoc *td, const char *const *refs,
		     const size_t *lens, size_t n)
{
	td->refs = calloc(n ? n : 1, sizeof *td->refs);
	td->ref_lens = calloc(n ? n : 1, sizeof *td->ref_lens);
	if (td->refs == NULL || td->ref_lens == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if ((td->refs[i] = malloc(lens[i] + 1)) == NULL)
			return PRECIS_ERR_NOMEM;
		memcpy(td->refs[i], refs[i], lens[i]);
		td->refs[i][lens[i]] = '\0';
		td->ref_lens[i] = lens[i];
		td->nrefs = i + 1;
	}
	return 0;
}

/* ROUGE-1/2/L F of summary `sum` of document td. */
static int score_summary(precis_trainer *t, const precis__tdoc *td,
			 const precis_summary *sum, precis_train_rouge *out,
			 precis_error *err)
{
	size_t len;
	precis_rouge_score sc[3];
	char *text = precis_summary_text(sum, td->doc, &len);
	if (text == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = precis_rouge_score_pair(t->rouge, text, len,
					 (const char *const *)td->refs,
					 td->ref_lens, td->nrefs, sc, err);
	precis_free(text);
	if (rc == 0)
		*out = (precis_train_rouge){ sc[0].f, sc[1].f, sc[2].f };
	return rc;
}

int precis__train_score(precis_trainer *t, size_t i, const double *scores,
			precis_train_rouge *out, precis_error *err)
{
	const precis__tdoc *td = &t->v[i];
	precis_summary *sum;
	int rc = precis__summarize_scored(&sum, t->ctx, td->doc, &t->opts, scores, err);
	if (rc == 0)
		rc = score_summary(t, td, sum, out, err);
	precis_summary_free(sum);
	return rc;
}

void precis__train_apply(const precis__submodel *s, const precis__tdoc *td,
			 double *scores)
{
	for (size_t u = 0; u < td->units; u++) {
		double v = s->bias;
		for (size_t f = 0; f < PRECIS__NFEAT; f++)
			if (s->used[f])
				v += s->w[f] * td->x[u * PRECIS__NFEAT + f];
		scores[u] = td->eligible[u] ? v : 0.0;
	}
}

/* Labels: the oracle's units; the report's Lead and oracle ROUGE. */
static int label(precis_trainer *t, precis__tdoc *td, precis_error *err)
{
	precis_summary *sum = NULL;
	int rc = precis_oracle_budget(&sum, t->oracle, t->ctx, td->doc,
				      (const char *const *)td->refs, td->ref_lens,
				      td->nrefs, &t->opts, err);
	precis_pick p;
	for (size_t i = 0; rc == 0 && precis_summary_pick(sum, i, &p) == 0; i++)
		td->label[p.sentence] = 1;
	if (rc == 0)
		rc = score_summary(t, td, sum, &td->oracle, err);
	precis_summary_free(sum);
	sum = NULL;
	precis_options lead = t->opts;
	lead.method = "lead";
	if (rc == 0)
		rc = precis_summarize(&sum, t->ctx, td->doc, &lead, err);
	if (rc == 0)
		rc = score_summary(t, td, sum, &td->lead, err);
	precis_summary_free(sum);
	return rc;
}

static int add(precis_trainer *t, precis__tdoc *td, const char *const *refs,
	       const size_t *lens, size_t nrefs, precis_error *err)
{
	size_t n = td->units ? td->units : 1;
	td->x = malloc(n * PRECIS__NFEAT * sizeof *td->x);
	td->eligible = calloc(n, 1);
	td->label = calloc(n, 1);
	if (td->x == NULL || td->eligible == NULL || td->label == NULL ||
	    copy_refs(td, refs, lens, nrefs) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = precis__summary_features(t->ctx, td->doc, td->x, td->dx,
					  td->eligible, err);
	return rc != 0 ? rc : label(t, td, err);
}

int precis_trainer_add(precis_trainer *t, const precis_doc *d,
		       const char *const *refs, const size_t *ref_lens,
		       size_t nrefs, size_t group, precis_error *err)
{
	precis__clear(err);
	if (t == NULL || d == NULL || d->split_only || group >= PRECIS__GROUPS ||
	    (nrefs > 0 && (refs == NULL || ref_lens == NULL)))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (PRECIS__VEC_RESERVE(t, t->n + 1) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	precis__tdoc *td = &t->v[t->n];
	memset(td, 0, sizeof *td);
	td->doc = d;
	td->group = group;
	td->units = d->units.n;
	int rc = add(t, td, refs, ref_lens, nrefs, err);
	if (rc != 0) {
		tdoc_free(td);
		return rc;
	}
	t->n++;
	return 0;
}

const char *precis_train_feature(size_t i)
{
	return precis__feat_name(i);
}

const char *precis_train_doc_feature(size_t i)
{
	return precis__dfeat_name(i);
}

/* The features the comma-separated list names (NULL: all n). */
static int parse_features(const char *list, unsigned char *mask, size_t n,
			  int (*find)(const char *, size_t), precis_error *err)
{
	memset(mask, list == NULL, n);
	for (const char *p = list; p != NULL && *p;) {
		size_t len = strcspn(p, ",");
		int f = find(p, len);
		if (f < 0)
			return precis__fail(err, PRECIS_ERR_ARG, "unknown feature '%.*s'",
					    (int)len, p);
		mask[f] = 1;
		p += len + (p[len] == ',');
	}
	return 0;
}

/* The model names, one per group up to the last group with documents. */
static int name_models(const precis_trainer *t, const char *names,
		       precis_model *m, precis_error *err)
{
	size_t groups = 0;
	for (size_t i = 0; i < t->n; i++)
		groups = t->v[i].group + 1 > groups ? t->v[i].group + 1 : groups;
	m->n = groups;
	const char *p = names;
	for (size_t g = 0; g < groups; g++) {
		size_t len = p ? strcspn(p, ",") : 0;
		if (p != NULL && (len == 0 || len >= PRECIS__MODEL_NAME))
			return precis__fail(err, PRECIS_ERR_ARG, "bad model name list");
		if (p != NULL)
			memcpy(m->m[g].name, p, len);
		else if (groups == 1)
			strcpy(m->m[g].name, "learned");
		else
			snprintf(m->m[g].name, PRECIS__MODEL_NAME, "g%zu", g);
		if (p != NULL)
			p = p[len] == ',' ? p + len + 1 : NULL;
		if (p == NULL && names != NULL && g + 1 < groups)
			return precis__fail(err, PRECIS_ERR_ARG,
					    "%zu model names for %zu groups", g + 1, groups);
	}
	return 0;
}

int precis_trainer_fit(precis_trainer *t, const precis_train_options *o,
		       precis_model **out, precis_train_report *r,
		       precis_error *err)
{
	precis__clear(err);
	precis_train_options defaults = PRECIS_TRAIN_OPTIONS_INIT;
	precis_train_report local;
	if (t == NULL || out == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	if (o == NULL)
		o = &defaults;
	if (r == NULL)
		r = &local;
	memset(r, 0, sizeof *r);
	size_t folds = o->folds ? o->folds : 5;
	if (o->version != PRECIS_TRAIN_OPTIONS_VERSION ||
	    (o->loss != PRECIS_TRAIN_AUTO && o->loss != PRECIS_TRAIN_LOGISTIC &&
	     o->loss != PRECIS_TRAIN_PAIRWISE) ||
	    folds < 2 || o->nl2 > PRECIS_TRAIN_MAX_L2 || (o->nl2 > 0 && o->l2 == NULL))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid training options");
	for (size_t i = 0; i < o->nl2; i++)
		if (!(o->l2[i] >= 0 && o->l2[i] <= 1e6))
			return precis__fail(err, PRECIS_ERR_ARG, "L2 strength out of range");
	if (t->n < folds)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "%zu documents for %zu folds", t->n, folds);
	unsigned char mask[PRECIS__NFEAT + PRECIS__NDFEAT];
	precis_model *m = precis__model_alloc();
	if (m == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = parse_features(o->features, mask, PRECIS__NFEAT, precis__feat_find, err);
	if (rc == 0)
		rc = parse_features(o->doc_features, mask + PRECIS__NFEAT, PRECIS__NDFEAT,
				    precis__dfeat_find, err);
	if (rc == 0)
		rc = name_models(t, o->names, m, err);
	if (rc == 0)
		rc = precis__train_fit(t, o, mask, m, r, err);
	if (rc != 0) {
		precis_model_free(m);
		return rc;
	}
	*out = m;
	return 0;
}
