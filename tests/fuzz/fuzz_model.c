/*
 * fuzz_model.c - fuzz target: learned models from arbitrary bytes.
 *
 * Input: a model file. A model that fails to load says which line; one
 * that loads must write a file that loads again and writes the very same
 * bytes, and must drive the learned method to a summary of the sample text
 * whose scores stay finite.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "precis.h"

static const char sample[] =
	"Markets rallied on Monday\n"
	"\n"
	"Shares of the bank rose after the report, and bonds fell.\n"
	"Analysts said the rally could fade by Friday, \"or sooner\".\n"
	"\n"
	"The report came a day early? It did, and 12 traders noticed.\n";

static void use(const precis_model *m)
{
	precis_error err;
	precis_ctx *ctx = NULL;
	precis_doc *doc = NULL;
	FUZZ_CHECK(precis_ctx_new(&ctx, "en", &err) == 0);
	FUZZ_CHECK(precis_ctx_set_model(ctx, m, &err) == 0);
	FUZZ_CHECK(precis_doc_new(&doc, ctx, sample, sizeof sample - 1, NULL, 0, &err) == 0);
	precis_options o;
	precis_options_init(&o);
	o.method = "learned";
	precis_summary *sum = NULL;
	FUZZ_CHECK(precis_summarize(&sum, ctx, doc, &o, &err) == 0);
	precis_pick p;
	FUZZ_CHECK(precis_summary_count(sum) > 0);
	for (size_t k = 0; precis_summary_pick(sum, k, &p) == 0; k++)
		FUZZ_CHECK(isfinite(p.score));
	precis_summary_free(sum);
	precis_doc_free(doc);
	precis_ctx_free(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_error err;
	precis_model *m = NULL;
	int rc = precis_model_load(&m, (const char *)data, size, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_PARSE && err.code == rc);
		FUZZ_CHECK(err.line >= 1 && m == NULL);
		return 0;
	}
	FUZZ_CHECK(precis_model_count(m) >= 1 && precis_model_name(m, 0) != NULL);
	fuzz_sink a = { 0 }, b = { 0 };
	FUZZ_CHECK(precis_model_write(m, fuzz_sink_write, &a, &err) == 0);
	precis_model *again = NULL;
	FUZZ_CHECK(precis_model_load(&again, a.buf, a.len, &err) == 0);
	FUZZ_CHECK(precis_model_count(again) == precis_model_count(m));
	FUZZ_CHECK(precis_model_write(again, fuzz_sink_write, &b, &err) == 0);
	FUZZ_CHECK(a.len == b.len && memcmp(a.buf, b.buf, a.len) == 0);
	use(m);
	precis_model_free(again);
	precis_model_free(m);
	fuzz_sink_free(&a);
	fuzz_sink_free(&b);
	return 0;
}
