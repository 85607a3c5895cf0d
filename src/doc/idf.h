/*
 * idf.h - background document-frequency models (see precis_idf in precis.h)
 * and the weights the scorers read.
 */
#ifndef PRECIS_IDF_H
#define PRECIS_IDF_H

#include "doc/doc.h"

/* The smoothed idf of a term with document frequency df among n documents:
 * ln((1 + n) / (1 + df)) + 1, never 0, so a term in every sentence still
 * counts a little (the form scikit-learn calls smooth idf). */
double precis__idf_value(double n, double df);

/*
 * Fills idf[0, d->nterms) for `d`: from the context's background model when
 * it has one (terms the model never saw count as df 0), else from the
 * document's own units, each unit a "document" and `skip` (the headline, or
 * SIZE_MAX) left out. `scratch` holds d->nterms entries.
 */
void precis__idf_fill(const precis_ctx *ctx, const precis_doc *d, size_t skip,
		      double *idf, uint32_t *scratch);

#endif
