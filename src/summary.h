/*
 * summary.h - making a precis_summary from chosen units (shared by
 * precis_summarize and the evaluation oracle).
 */
#ifndef PRECIS_SUMMARY_H
#define PRECIS_SUMMARY_H

#include "doc.h"

/* A summary of units picks[0, npicks) (ascending), scored by scores[unit]. */
int precis__summary_new(precis_summary **out, const precis_doc *d,
			const size_t *picks, size_t npicks,
			const double *scores, precis_error *err);

#endif
