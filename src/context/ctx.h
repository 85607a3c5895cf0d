/*
 * ctx.h - the context: a language's resources, the term vocabulary shared by
 * the documents built with it, and the ranking parameters.
 */
#ifndef PRECIS_CTX_H
#define PRECIS_CTX_H

#include <stdint.h>

#include "base/strtab.h"
#include "context/lang.h"

/* Fills params with the defaults of params.c. */
void precis__params_default(double *params);

/* What a folded surface word maps to when it is not a term. */
#define PRECIS__STOPWORD (-100) /* apart from every precis_status */
/* A cache entry whose stemming has not succeeded yet (out of memory). */
#define PRECIS__UNKNOWN (-101)

struct precis_ctx {
	precis__lang lang;
	/* Stem cache: folded word -> term id (or PRECIS__STOPWORD), so each
	 * distinct word is folded, looked up and stemmed once per context. */
	precis__strtab surface;
	int32_t *surface_term;
	size_t surface_cap;
	/* In front of it, for words of up to 8 bytes (most of a text): a
	 * direct-mapped table of {the word's 8 zero-padded bytes, length,
	 * term id or PRECIS__STOPWORD} (doc/tokenize.c), one cache line a
	 * word where the stem cache reads four (slot, entry, string, term);
	 * NULL until first used, or when there was no memory for it. */
	struct precis__short_word *short_words;
	precis__strtab terms; /* stems; the id is the term id */
	double params[PRECIS_PARAM_COUNT_];
	const precis_idf *idf; /* background model, borrowed; NULL: in-document */
	double *idf_cache;     /* context term id -> background idf */
	size_t idf_cache_cap, idf_known;
	const precis_model *model; /* learned scorer's model, borrowed; NULL:
				      the shipped one */
	/* The shipped model, parsed on first use by the learned method (a
	 * later stage), which leaves the function that frees it. */
	void *shipped_model;
	void (*shipped_model_free)(void *);
	/* Scratch of building a document (doc.c): context term id -> local
	 * id + 1, all zero between documents. Kept here because a fresh map
	 * per document cost the size of the context's whole vocabulary to
	 * clear, which grows with every document of a batch. */
	uint32_t *local_of;
	size_t local_cap;
};

#endif
