/*
 * fuzz_cli_idf.c - fuzz target: IDF models and corpora through the command
 * line (`precis idf merge`, `precis --idf`, `precis idf build`: cli/io.c's
 * reads and atomic output, cli/cmd_idf.c).
 *
 * Input: one option byte, then the file.
 *   [0] bit 0: the file is a corpus for `idf build` (else a model);
 *       bit 1: a missing file comes after it; bit 2: --lenient; bit 3:
 *       the corpus is one text document (else JSONL records)
 *
 * A model: `idf merge` takes it exactly when the library's loader does
 * (status 3 otherwise), writes what the library writes for it, and
 * merging it with itself doubles the documents; `--idf` refuses it when
 * the loader does. A corpus: a build that succeeds counts one document per
 * record; a build that fails, or lacks a file, leaves the existing -o file
 * as it was (and never frees a buffer twice).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "fuzzcli.h"
#include "precis.h"

static const char old_model[] = "old model\n";
static const char sample[] = "Markets rallied on Monday. Shares of the bank rose.\n";

static int write_to(void *payload, const char *buf, size_t len)
{
	return fuzz_sink_write(payload, buf, len);
}

static void model(uint8_t h, const char *text, size_t len)
{
	const char *in = fuzz_path("in"), *out = fuzz_path("out");
	const char *missing = fuzz_path("in2"), *doc = fuzz_path("model");
	unlink(missing);
	precis_idf *lib = NULL;
	int loads = precis_idf_load(&lib, text, len, NULL) == 0;

	unlink(out);
	char *merge[] = { "idf", "merge", "-o", (char *)out, (char *)in,
			  (h & 2) ? (char *)missing : NULL, NULL };
	int rc = fuzz_run(cmd_idf, merge);
	size_t olen;
	char *o = fuzz_read(out, &olen);
	if (h & 2) {
		FUZZ_CHECK(rc == (loads ? 1 : 3) && o == NULL);
	} else if (!loads) {
		FUZZ_CHECK(rc == 3 && o == NULL);
	} else {
		fuzz_sink want = { 0 };
		FUZZ_CHECK(rc == 0 && o != NULL);
		FUZZ_CHECK(precis_idf_write(lib, write_to, &want, NULL) == 0);
		FUZZ_CHECK(want.len == olen && memcmp(want.buf, o, olen) == 0);
		fuzz_sink_free(&want);
	}
	free(o);

	if (loads) { /* merged with itself: twice the documents, or too many */
		char *twice[] = { "idf", "merge", "-o", (char *)out, (char *)in, (char *)in, NULL };
		rc = fuzz_run(cmd_idf, twice);
		o = fuzz_read(out, &olen);
		precis_idf *m = NULL;
		if (rc == 0) {
			FUZZ_CHECK(o != NULL && precis_idf_load(&m, o, olen, NULL) == 0);
			FUZZ_CHECK(precis_idf_documents(m) == 2 * precis_idf_documents(lib));
			FUZZ_CHECK(precis_idf_terms(m) == precis_idf_terms(lib));
		} else {
			FUZZ_CHECK(rc == 3); /* past 2^53 */
		}
		precis_idf_free(m);
		free(o);
	}

	/* --idf: refused when the loader refuses it; else used, or refused
	 * for its language (a usage error, 2). */
	fuzz_write(doc, sample, sizeof sample - 1);
	unlink(out);
	char *use[] = { "summarize", "--idf", (char *)in, "-o", (char *)out, (char *)doc, NULL };
	rc = fuzz_run(cmd_summarize, use);
	if (!loads)
		FUZZ_CHECK(rc == 3);
	else
		FUZZ_CHECK(rc == 0 || rc == 2);
	precis_idf_free(lib);
}

static void corpus(uint8_t h, const char *text, size_t len)
{
	const char *in = fuzz_path("in"), *out = fuzz_path("out");
	const char *missing = fuzz_path("in2");
	unlink(missing);
	fuzz_write(out, old_model, sizeof old_model - 1);
	int text_doc = (h & 8) != 0, n = 0;
	char *argv[10];
	argv[n++] = "idf";
	argv[n++] = "build";
	argv[n++] = text_doc ? "--input=text" : "--input=jsonl";
	argv[n++] = "-o";
	argv[n++] = (char *)out;
	if (h & 4)
		argv[n++] = "--lenient";
	argv[n++] = (char *)in;
	if (h & 2)
		argv[n++] = (char *)missing;
	argv[n] = NULL;
	int rc = fuzz_run(cmd_idf, argv);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 3);
	size_t olen;
	char *o = fuzz_read(out, &olen);
	FUZZ_CHECK(o != NULL);
	if (rc != 0) {
		FUZZ_CHECK(olen == sizeof old_model - 1 && memcmp(o, old_model, olen) == 0);
		FUZZ_CHECK(!(h & 2) || rc == 1 || rc == 3);
	} else {
		FUZZ_CHECK(!(h & 2)); /* a missing file always fails */
		fuzz_lines ls;
		fuzz_lines_read(&ls, text, len);
		precis_idf *m = NULL;
		FUZZ_CHECK(precis_idf_load(&m, o, olen, NULL) == 0);
		FUZZ_CHECK(precis_idf_documents(m) == (text_doc ? 1.0 : (double)ls.n));
		for (size_t i = 0; !text_doc && i < ls.n; i++)
			FUZZ_CHECK(ls.v[i].obj != NULL);
		precis_idf_free(m);
		fuzz_lines_free(&ls);
	}
	free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h;
	size_t len;
	const char *text = fuzz_header(data, size, &h, 1, &len);
	fuzz_write(fuzz_path("in"), text, len);
	if (h & 1)
		corpus(h, text, len);
	else
		model(h, text, len);
	return 0;
}
