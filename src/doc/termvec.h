/*
 * termvec.h - sparse tf-idf vectors of a document's units and their cosine,
 * shared by the scorers and by redundancy control in selection.
 */
#ifndef PRECIS_TERMVEC_H
#define PRECIS_TERMVEC_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"

typedef struct precis__svec {
	const uint32_t *id; /* ascending local term ids */
	const double *w;    /* weights */
	size_t n;
	double norm;        /* Euclidean norm of w */
} precis__svec;

typedef struct precis__svecs {
	precis__svec *v; /* one per unit */
	size_t n;
	uint32_t *ids;   /* storage behind every v[i].id */
	double *ws;      /* storage behind every v[i].w */
} precis__svecs;

/*
 * Per-unit vectors with weight (1 + ln tf) * idf[t]. 0 or PRECIS_ERR_NOMEM.
 */
int precis__svecs_build(precis__svecs *out, const precis_doc *d,
			const double *idf);
void precis__svecs_free(precis__svecs *s);

/*
 * Unit i's vector alone, exactly the v[i] precis__svecs_build() gives,
 * in ids and ws (room for the unit's term count, at most
 * precis__svec_max_terms()): a method that looks at each unit once need
 * not hold every unit's vector at a time (on 100 MB of text they weigh
 * 1.5 bytes per input byte).
 */
precis__svec precis__svec_unit(const precis_doc *d, size_t i, const double *idf,
			      uint32_t *ids, double *ws);
/* The most terms a unit of d holds. */
size_t precis__svec_max_terms(const precis_doc *d);

/* Cosine of two vectors; 0 when either is empty. */
double precis__svec_cos(const precis__svec *a, const precis__svec *b);

#endif
