/*
 * rank.h - the scorer interface: every ranking method reads a document and
 * writes one score per unit (higher is better). Selection, budgets and
 * redundancy control are not a method's business (select.c).
 */
#ifndef PRECIS_RANK_H
#define PRECIS_RANK_H

#include <stddef.h>

#include "doc/doc.h"
#include "doc/termvec.h"

typedef struct precis__rank_input {
	const precis_doc *doc;
	const double *params;          /* indexed by precis_param */
	const unsigned char *eligible; /* per unit: may be picked */
	const double *idf;             /* per local term */
	const precis__svecs *vecs;     /* per-unit tf-idf vectors; NULL for
					  a method marked `unit_vectors` */
	unsigned long seed;
	precis_ctx *ctx;               /* the vocabulary, for methods that
					  match word lists (edmundson) */
	const precis_model *model;     /* learned: the model to score with;
					  NULL: the context's or the shipped */
} precis__rank_input;

/* Fills scores[0, units); only eligible units' scores are read. */
typedef int (*precis__rank_fn)(const precis__rank_input *in, double *scores,
			       precis_error *err);

typedef struct precis__method {
	const char *name;
	precis__rank_fn score;
	const char *summary;
	/* 1: scores without in->vecs, making a unit's vector (if any) when
	 * it needs it (precis__svec_unit()), so run() does not hold all. */
	unsigned char unit_vectors;
} precis__method;

/* The method named `name`, or NULL. */
const precis__method *precis__method_find(const char *name);

int precis__rank_lead(const precis__rank_input *in, double *scores,
		      precis_error *err);
int precis__rank_tfidf(const precis__rank_input *in, double *scores,
		       precis_error *err);
int precis__rank_random(const precis__rank_input *in, double *scores,
			precis_error *err);
int precis__rank_luhn(const precis__rank_input *in, double *scores,
		      precis_error *err);
int precis__rank_edmundson(const precis__rank_input *in, double *scores,
			   precis_error *err);
int precis__rank_lexrank(const precis__rank_input *in, double *scores,
			 precis_error *err);
int precis__rank_textrank(const precis__rank_input *in, double *scores,
			  precis_error *err);
int precis__rank_lsa(const precis__rank_input *in, double *scores,
		     precis_error *err);
int precis__rank_sumbasic(const precis__rank_input *in, double *scores,
			  precis_error *err);
int precis__rank_klsum(const precis__rank_input *in, double *scores,
		       precis_error *err);
int precis__rank_centroid(const precis__rank_input *in, double *scores,
			  precis_error *err);
int precis__rank_learned(const precis__rank_input *in, double *scores,
			 precis_error *err);
/* The shipped model (data/models/default.model), parsed. */
int precis__model_default(precis_model **out, precis_error *err);

/* ---- helpers shared by the methods (common.c) ---- */

/*
 * Methods whose paper selects greedily with its own redundancy step
 * (SumBasic, KL-Sum, MEAD) compute their pick order for at most this many
 * units; the rest are ranked below by the method's last weights.
 */
#define PRECIS__ORDER_MAX 200

/*
 * Turns a greedy pick order into scores select.c takes in that order:
 * order[r] gets 1/(1+r); every other eligible unit ranks after them by
 * `rest` (descending; NULL: document order). Ineligible units get 0.
 * 0 or PRECIS_ERR_NOMEM.
 */
int precis__scores_from_order(const precis__rank_input *in,
			      const size_t *order, size_t k,
			      const double *rest, double *scores);

/*
 * Counts of each local term over the document's body (the headline left
 * out) into counts[nterms]; returns the number of term tokens.
 */
size_t precis__doc_counts(const precis_doc *d, double *counts);

/* The units that may be picked, in document order; returns their count. */
size_t precis__eligible_list(const precis__rank_input *in, size_t *list);

#endif
