/*
 * baseline.c - the literature's Lead-N: the document's first sentences as
 * the splitter found them. precis's own Lead-N (method "lead") goes
 * through the same cleaning and duplicate filter as every method, which
 * makes it a stronger baseline than the one papers report; evaluation
 * shows both, so a gain from cleaning is seen as such.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "doc/doc.h"
#include "summary/summary.h"

/* Units the splitter calls sentences: not headlines, list items or
 * other lines without terminal punctuation. */
static size_t sentence_units(const precis_doc *d, size_t *picks)
{
	size_t n = 0;
	for (size_t i = 0; i < d->units.n; i++)
		if (d->units.v[i].kind == PRECIS_UNIT_SENTENCE && d->words[i] > 0)
			picks[n++] = i;
	return n;
}

/* How many of the first `n` picks the budget takes (at least one). */
static size_t within(const precis__budget *b, const precis_doc *d,
		     const size_t *picks, size_t n)
{
	size_t k = 0, words = 0, bytes = 0;
	for (; k < n && (b->sentences == 0 || k < b->sentences); k++) {
		size_t u = picks[k];
		if (!precis__budget_fits(b, words, bytes, d, u))
			break;
		words += d->words[u];
		bytes += d->units.v[u].end - d->units.v[u].start;
	}
	return k == 0 && n > 0 ? 1 : k;
}

int precis_lead_plain(precis_summary **out, const precis_doc *doc,
		      const precis_options *opts, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || doc == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	precis_options defaults;
	int rc = precis__options_check(&opts, &defaults, doc, err);
	if (rc != 0)
		return rc;
	size_t *picks = malloc((doc->units.n ? doc->units.n : 1) * sizeof *picks);
	if (picks == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	size_t n = sentence_units(doc, picks);
	precis__budget b;
	rc = precis__budget_make(opts, n, &b, err);
	if (rc == 0 && n == 0)
		rc = precis__fail(err, PRECIS_ERR_EMPTY, "no sentences found");
	if (rc == 0)
		rc = precis__summary_new(out, doc, picks, within(&b, doc, picks, n),
					 NULL, "first", err);
	free(picks);
	return rc;
}
