/*
 * summary.h - making a precis_summary from chosen units (shared by
 * precis_summarize and the evaluation oracle).
 */
#ifndef PRECIS_SUMMARY_H
#define PRECIS_SUMMARY_H

#include "doc/doc.h"
#include "summary/select.h"

/* A summary of units picks[0, npicks) (ascending), scored by scores[unit]
 * (0 for all when scores is NULL), made by `method` (a static string). */
int precis__summary_new(precis_summary **out, const precis_doc *d,
			const size_t *picks, size_t npicks,
			const double *scores, const char *method,
			precis_error *err);

/*
 * Marks in ok[unit] the units a summary may pick (sentences of at least
 * `min_words` words that are not page furniture, relaxed step by step when
 * there are none) and returns their count.
 */
size_t precis__eligible(const precis_doc *d, double min_words,
			unsigned char *ok);

/* Points *o at *defaults (filled) when NULL; PRECIS_ERR_ARG for an
 * options version this library does not know, or a document `d` (may be
 * NULL) built for splitting only. */
int precis__options_check(const precis_options **o, precis_options *defaults,
			  const precis_doc *d, precis_error *err);

/* The budget `o` sets for a document of `eligible` pickable units: words,
 * bytes, a ratio of `eligible`, or sentences, the first non-zero in that
 * order. PRECIS_ERR_ARG for a ratio outside (0, 1]. */
int precis__budget_make(const precis_options *o, size_t eligible,
			precis__budget *b, precis_error *err);

/* precis_summarize() with `model` for the learned method (NULL: the
 * context's or the shipped one). */
int precis__summarize_model(precis_summary **out, precis_ctx *ctx,
			    const precis_doc *d, const precis_options *o,
			    const precis_model *model, precis_error *err);

/* precis_summarize() selecting by scores[unit] given by the caller. */
int precis__summarize_scored(precis_summary **out, precis_ctx *ctx,
			     const precis_doc *d, const precis_options *o,
			     const double *scores, precis_error *err);

/* The learned method's features of d with ctx (features.h): x[units *
 * PRECIS__NFEAT], dx[PRECIS__NDFEAT] (may be NULL) and the units it may
 * pick, eligible[units]. */
int precis__summary_features(precis_ctx *ctx, const precis_doc *d,
			     double *x, double *dx, unsigned char *eligible,
			     precis_error *err);

#endif
