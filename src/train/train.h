/*
 * train.h - the trainer's documents (train.c), the regularized linear fits
 * (fit.c) and the cross-validated model and bundle fitting (cv.c).
 */
#ifndef PRECIS_TRAIN_H
#define PRECIS_TRAIN_H

#include <stddef.h>

#include "rank/model.h"

#define PRECIS__GROUPS 8

/* One document: its features and oracle labels, kept for every fold. */
typedef struct precis__tdoc {
	const precis_doc *doc;
	char **refs;
	size_t *ref_lens, nrefs;
	size_t group;
	size_t units;
	double *x;              /* units x PRECIS__NFEAT */
	double dx[PRECIS__NDFEAT];
	unsigned char *eligible, *label;
	precis_train_rouge lead, oracle;
} precis__tdoc;

struct precis_trainer {
	precis_ctx *ctx;
	precis_rouge *rouge;  /* ROUGE-1, -2, -L: the held-out summaries */
	precis_rouge *oracle; /* ROUGE-1, -2: the labels */
	precis_options opts;
	precis__tdoc *v;
	size_t n, cap;
};

/* ROUGE-1/2/L F of a summary of t->v[i] made from `scores`, into *out. */
int precis__train_score(precis_trainer *t, size_t i, const double *scores,
			precis_train_rouge *out, precis_error *err);

/* A submodel's sentence scores for document `td` (bias + w . x). */
void precis__train_apply(const precis__submodel *s, const precis__tdoc *td,
			 double *scores);

/*
 * Fits submodel `out`'s bias and weights on the documents docs[0, n) of
 * t: features `mask` only, `loss` a precis_train_loss, L2 strength
 * `lambda` on standardized features. 0 or PRECIS_ERR_NOMEM.
 */
int precis__fit_sentences(const precis_trainer *t, const size_t *docs,
			  size_t n, const unsigned char *mask, int loss,
			  double lambda, precis__submodel *out);

/*
 * Fits a logistic choice score on document features `mask`: rows dx[i]
 * (n x PRECIS__NDFEAT), targets y[i] in {0, 1} with weights wt[i]; the
 * bias and weights go to out's gate. 0 or PRECIS_ERR_NOMEM.
 */
int precis__fit_gate(const double *dx, const double *y, const double *wt,
		     size_t n, const unsigned char *mask, double lambda,
		     precis__submodel *out);

/* The cross-validated fit behind precis_trainer_fit(); mask: the
 * sentence features, then the document features, to use. */
int precis__train_fit(precis_trainer *t, const precis_train_options *o,
		      const unsigned char *mask, precis_model *m,
		      precis_train_report *r, precis_error *err);

#endif
