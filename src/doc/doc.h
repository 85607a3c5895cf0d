/*
 * doc.h - the document model the ranking methods read: units (byte spans,
 * kind, paragraph), their words and their terms as document-local ids
 * 0..nterms-1 (dense, so scorers index arrays instead of hashing).
 */
#ifndef PRECIS_DOC_H
#define PRECIS_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "doc/tokenize.h"
#include "input/input.h"
#include "precis.h"
#include "segment/segment.h"

struct precis_doc {
	precis__input input;   /* the input stage's text and its source map */
	char *text;            /* input.text: what the pipeline reads */
	size_t len;
	size_t repairs;
	precis__units units;
	/* 32 bits (4 bytes a unit each instead of 8, on 100 MB of text 7
	 * MB): more than 2^32 words in a unit, or terms in the document
	 * (some 16 GB of text), fail with PRECIS_ERR_LIMIT. */
	uint32_t *words;       /* words per unit */
	uint32_t *term_off;    /* unit i's terms: terms[term_off[i], term_off[i+1]) */
	uint32_t *terms;       /* document-local term ids */
	size_t nterms;         /* distinct terms */
	uint32_t *global;      /* local id -> context term id */
	size_t global_cap;
	int has_title;
	size_t title_unit;     /* the unit that is the headline, when detected */
	size_t title_off, title_len;
	uint32_t *title_terms; /* local ids; terms absent from the body dropped */
	size_t ntitle_terms;
	char *title_text;      /* a given title's copy, NULL when detected */
	size_t nparagraphs;
	int split_only;
	const char *language; /* the context's language code (static) */
};

/* The terms of unit i and their count. */
static inline const uint32_t *precis__doc_terms(const precis_doc *d, size_t i,
						size_t *n)
{
	*n = d->term_off[i + 1] - d->term_off[i];
	/* d->terms is NULL in a document without any term. */
	return *n > 0 ? d->terms + d->term_off[i] : d->terms;
}

#endif
