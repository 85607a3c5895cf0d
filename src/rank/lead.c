/*
 * lead.c - the Lead-N baseline: earlier sentences score higher.
 */
#include "rank/rank.h"

int precis__rank_lead(const precis__rank_input *in, double *scores,
		      precis_error *err)
{
	(void)err;
	size_t n = in->doc->units.n;
	for (size_t i = 0; i < n; i++)
		scores[i] = 1.0 / (1.0 + (double)i);
	return 0;
}
