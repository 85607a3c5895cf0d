/*
 * rank.h - the scorer interface: every ranking method reads a document and
 * writes one score per unit (higher is better). Selection, budgets and
 * redundancy control are not a method's business (select.c).
 */
#ifndef PRECIS_RANK_H
#define PRECIS_RANK_H

#include <stddef.h>

#include "doc.h"
#include "termvec.h"

typedef struct precis__rank_input {
	const precis_doc *doc;
	const double *params;          /* indexed by precis_param */
	const unsigned char *eligible; /* per unit: may be picked */
	const double *idf;             /* per local term */
	const precis__svecs *vecs;     /* per-unit tf-idf vectors */
	unsigned long seed;
} precis__rank_input;

/* Fills scores[0, units); only eligible units' scores are read. */
typedef int (*precis__rank_fn)(const precis__rank_input *in, double *scores,
			       precis_error *err);

typedef struct precis__method {
	const char *name;
	precis__rank_fn score;
	const char *summary;
} precis__method;

/* The method named `name`, or NULL. */
const precis__method *precis__method_find(const char *name);

int precis__rank_lead(const precis__rank_input *in, double *scores,
		      precis_error *err);
int precis__rank_tfidf(const precis__rank_input *in, double *scores,
		       precis_error *err);

#endif
