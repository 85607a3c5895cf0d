/*
 * luhn.c - Luhn (1958), "The automatic creation of literature abstracts":
 * a word is significant when it is frequent in the document (very common
 * words are already gone: stopwords never become terms); significant words
 * that stand close together form a cluster, and a sentence is as good as
 * its best cluster, scored (significant words)^2 / (words in the cluster).
 *
 * Parameters: luhn-min-count (a term occurring at least this often is
 * significant) and luhn-gap (at most this many non-significant words may
 * separate two significant ones inside a cluster; Luhn used 4 or 5).
 * Distances are counted over the unit's content terms: stopwords are not
 * terms, so the window spans a little more text than Luhn's.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "rank/rank.h"

/* The best cluster score of one unit's term sequence. */
static double best_cluster(const uint32_t *t, size_t n, const double *counts,
			   double min_count, size_t gap)
{
	double best = 0.0;
	size_t first = 0, last = 0, sig = 0;
	for (size_t j = 0; j <= n; j++) {
		int is_sig = j < n && counts[t[j]] >= min_count;
		if (j < n && !is_sig)
			continue;
		/* A significant word too far from the last one (or the end of
		 * the unit) closes the open cluster. */
		if (sig > 0 && (j == n || j - last - 1 > gap)) {
			double s = (double)(sig * sig) / (double)(last - first + 1);
			if (s > best)
				best = s;
			sig = 0;
		}
		if (j == n)
			break;
		if (sig == 0)
			first = j;
		last = j;
		sig++;
	}
	return best;
}

int precis__rank_luhn(const precis__rank_input *in, double *scores,
		      precis_error *err)
{
	const precis_doc *d = in->doc;
	double *counts = malloc((d->nterms ? d->nterms : 1) * sizeof *counts);
	if (counts == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	precis__doc_counts(d, counts);
	double min_count = in->params[PRECIS_PARAM_LUHN_MIN_COUNT];
	size_t gap = (size_t)in->params[PRECIS_PARAM_LUHN_GAP];
	for (size_t i = 0; i < d->units.n; i++) {
		size_t n;
		const uint32_t *t = precis__doc_terms(d, i, &n);
		scores[i] = in->eligible[i]
				    ? best_cluster(t, n, counts, min_count, gap)
				    : 0.0;
	}
	free(counts);
	return 0;
}
