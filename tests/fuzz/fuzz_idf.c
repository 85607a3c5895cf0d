/*
 * fuzz_idf.c - fuzz target: background IDF models from arbitrary bytes.
 *
 * Input: a model file. A model that loads must write out a file that loads
 * again and writes the very same bytes; when the model's language is
 * supported it must also serve a summary whose scores stay finite.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "precis.h"

static const char sample[] =
	"Markets rallied on Monday.\n"
	"Shares of the bank rose after the report, and bonds fell.\n"
	"Analysts said the rally could fade. Die Bank stieg.\n"
	"\xD0\x91\xD0\xB0\xD0\xBD\xD0\xBA \xD0\xB2\xD1\x8B\xD1\x80\xD0\xBE\xD1\x81.\n"
	"The report came a day early.\n";

/* Summarizes the sample text with `idf` as the background model. */
static void use(const precis_idf *idf)
{
	precis_error err;
	precis_ctx *ctx = NULL;
	if (precis_ctx_new(&ctx, precis_idf_language(idf), &err) != 0)
		return; /* a language precis has no resources for */
	/* The context names its language by code; a model saying "De" or
	 * "german" loads, but serves no context. */
	int same = strcmp(precis_ctx_language(ctx), precis_idf_language(idf)) == 0;
	int rc = precis_ctx_set_idf(ctx, idf, &err);
	FUZZ_CHECK(rc == (same ? 0 : PRECIS_ERR_LANGUAGE));
	if (rc != 0) {
		precis_ctx_free(ctx);
		return;
	}
	precis_doc *doc = NULL;
	FUZZ_CHECK(precis_doc_new(&doc, ctx, sample, sizeof sample - 1, NULL,
				  0, &err) == 0);
	for (size_t i = 0; precis_method_name(i) != NULL; i++) {
		precis_options o;
		precis_options_init(&o);
		o.method = precis_method_name(i);
		precis_summary *sum = NULL;
		rc = precis_summarize(&sum, ctx, doc, &o, &err);
		if (rc != 0) {
			FUZZ_CHECK(rc == PRECIS_ERR_EMPTY);
			continue;
		}
		precis_pick p;
		for (size_t k = 0; precis_summary_pick(sum, k, &p) == 0; k++)
			FUZZ_CHECK(isfinite(p.score));
		precis_summary_free(sum);
	}
	precis_doc_free(doc);
	precis_ctx_free(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_error err;
	precis_idf *idf = NULL;
	int rc = precis_idf_load(&idf, (const char *)data, size, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_PARSE && err.code == rc);
		FUZZ_CHECK(err.line >= 1 && idf == NULL);
		return 0;
	}
	FUZZ_CHECK(idf != NULL && precis_idf_language(idf) != NULL);
	double docs = precis_idf_documents(idf);
	/* Only what a build could have written loads (precis_idf_load). */
	FUZZ_CHECK(docs >= 1.0 && docs <= 9007199254740992.0 && docs == floor(docs));

	fuzz_sink a = { 0 }, b = { 0 };
	FUZZ_CHECK(precis_idf_write(idf, fuzz_sink_write, &a, &err) == 0);
	precis_idf *again = NULL;
	rc = precis_idf_load(&again, a.buf, a.len, &err);
	FUZZ_CHECK(rc == 0); /* what precis writes, precis reads */
	FUZZ_CHECK(precis_idf_terms(again) == precis_idf_terms(idf));
	FUZZ_CHECK(precis_idf_documents(again) == docs);
	FUZZ_CHECK(strcmp(precis_idf_language(again),
			  precis_idf_language(idf)) == 0);
	FUZZ_CHECK(precis_idf_write(again, fuzz_sink_write, &b, &err) == 0);
	FUZZ_CHECK(a.len == b.len && memcmp(a.buf, b.buf, a.len) == 0);

	/* Merging a model into a copy of itself keeps its terms, unless a
	 * doubled count would pass 2^53: that is refused. */
	rc = precis_idf_merge(again, idf, &err);
	FUZZ_CHECK(rc == 0 || rc == PRECIS_ERR_LIMIT);
	if (rc == 0)
		FUZZ_CHECK(precis_idf_terms(again) == precis_idf_terms(idf));

	use(idf);

	precis_idf_free(again);
	precis_idf_free(idf);
	fuzz_sink_free(&a);
	fuzz_sink_free(&b);
	return 0;
}
