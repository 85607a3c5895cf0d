/*
 * model.h - learned scoring models (precis_model): one or more linear
 * scorers over the features of features.h, and, in a bundle of several,
 * a linear choice among them from document features. The text format is
 * model.c's; the scorer that reads a model is learned.c.
 */
#ifndef PRECIS_RANK_MODEL_H
#define PRECIS_RANK_MODEL_H

#include "rank/features.h"

#define PRECIS__MODEL_MAX 8  /* models in one bundle */
#define PRECIS__MODEL_NAME 32

typedef struct precis__submodel {
	char name[PRECIS__MODEL_NAME];
	double bias;
	double w[PRECIS__NFEAT];
	unsigned char used[PRECIS__NFEAT];  /* a weight line was given */
	double gate_bias;
	double gate[PRECIS__NDFEAT];
	unsigned char gate_used[PRECIS__NDFEAT];
} precis__submodel;

struct precis_model {
	precis__submodel m[PRECIS__MODEL_MAX];
	size_t n;
	char *notes;      /* the comment lines, each with its '\n'; may be NULL */
	size_t notes_len;
};

/* The resource name of the shipped model (data/models/). */
#define PRECIS__MODEL_RESOURCE "models/default.model"

/* A new empty model (n = 0); NULL on OOM. */
precis_model *precis__model_alloc(void);

/* Appends comment text (lines without '#'; each gets "# " and '\n'). */
int precis__model_note(precis_model *m, const char *text, size_t len);

/* Which of a bundle's models scores a document with features dx. */
size_t precis__model_choose(const precis_model *m, const double *dx);

#endif
