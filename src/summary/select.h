/*
 * select.h - budgeted selection with redundancy control: the best-scoring
 * units that fit the budget, none too similar to one already chosen.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include <stddef.h>

#include "doc/doc.h"
#include "doc/termvec.h"

typedef struct precis__budget {
	size_t sentences; /* 0: unlimited */
	size_t words;     /* 0: unlimited */
	size_t bytes;     /* 0: unlimited */
} precis__budget;

/* Whether unit u fits the word and byte budgets beside `words` words and
 * `bytes` bytes already chosen (the sentence count is the caller's). */
int precis__budget_fits(const precis__budget *b, size_t words, size_t bytes,
			const precis_doc *d, size_t u);

/*
 * Writes the chosen unit indices, ascending, to picks (room for every unit)
 * and returns their count. A unit whose cosine with a chosen one exceeds
 * `redundancy`, or whose text equals a chosen one's, is skipped. When no
 * unit fits a word or byte budget, the best one is chosen anyway, so a
 * summary is never empty while a unit is eligible. The cosine is of
 * `vecs` (every unit's), or when that is NULL of the vectors
 * precis__svec_unit() makes with `idf`, the same ones. 0 on OOM with *oom
 * set.
 */
size_t precis__select(const precis_doc *d, const double *scores,
		      const unsigned char *eligible, const precis__svecs *vecs,
		      const double *idf, const precis__budget *budget,
		      double redundancy, size_t *picks, int *oom);

#endif
