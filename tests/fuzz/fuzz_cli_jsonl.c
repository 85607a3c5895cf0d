/*
 * fuzz_cli_jsonl.c - fuzz target: the command line's JSON Lines readers
 * (cli/jsonl.c, the batch driver cli/batch.c, the data set loader
 * cli/dataset.c) as `precis --input=jsonl` and `precis eval` run them.
 *
 * Input: one option byte, then the JSONL file.
 *   [0] bit 0 -f json, bit 1 --strict, bit 2 -j 2, bit 3 --drop-errors,
 *       bit 4 --lenient, bits 5-6 the method (tfidf, lead, textrank,
 *       sumbasic), bit 7 eval instead of summarize, or with bits 5-6 both
 *       set `precis keywords`
 *
 * Summarize: one output line per record (non-blank line) of the input, in
 * order, unless --strict stopped or --drop-errors dropped some: each a JSON
 * object whose "id" is the record's (or the prefixed line-N), an error
 * record {"id", "line", "error"} exactly when the run's status is not 0;
 * with -f json every pick lies within its text and the ranks are 1..k.
 * Keywords: the same pairing of records, each a non-empty "keywords" list.
 * Eval: the report counts every record, scored or skipped.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "fuzzcli.h"

static const char *const methods[] = { "tfidf", "lead", "textrank", "sumbasic" };
static const char prefix[] = "p7-";

/* A summary record: with -f json, picks with offsets inside the text and
 * ranks 1..k; else "summary" and "sentences" of one length. */
static void check_summary(json_t *r, json_t *rec, int json)
{
	if (!json) {
		json_t *sum = json_object_get(r, "summary"), *idx = json_object_get(r, "sentences");
		FUZZ_CHECK(json_is_array(sum) && json_is_array(idx));
		FUZZ_CHECK(json_array_size(sum) == json_array_size(idx));
		FUZZ_CHECK(json_array_size(sum) > 0);
		return;
	}
	json_t *text = json_object_get(rec, "text");
	if (!json_is_string(text))
		text = json_object_get(rec, "article");
	FUZZ_CHECK(json_is_string(text));
	size_t tlen = json_string_length(text);
	json_t *picks = json_object_get(r, "sentences");
	size_t k = json_array_size(picks);
	FUZZ_CHECK(json_is_array(picks) && k > 0);
	unsigned char *seen = calloc(k + 1, 1);
	FUZZ_CHECK(seen != NULL);
	for (size_t i = 0; i < k; i++) {
		json_t *p = json_array_get(picks, i);
		json_int_t off = json_integer_value(json_object_get(p, "offset"));
		json_int_t len = json_integer_value(json_object_get(p, "length"));
		json_int_t rank = json_integer_value(json_object_get(p, "rank"));
		/* jansson's strings are UTF-8: no repair moves an offset */
		FUZZ_CHECK(off >= 0 && len > 0 && (size_t)(off + len) <= tlen);
		FUZZ_CHECK(rank >= 1 && (size_t)rank <= k && !seen[rank]);
		seen[rank] = 1;
		FUZZ_CHECK(json_is_string(json_object_get(p, "text")));
	}
	free(seen);
}

/* A keywords record: a non-empty list of strings, or with -f json of
 * objects with a text, a score and a count. */
static void check_keywords(json_t *r, int json)
{
	json_t *kw = json_object_get(r, "keywords");
	FUZZ_CHECK(json_is_array(kw) && json_array_size(kw) > 0);
	for (size_t i = 0; i < json_array_size(kw); i++) {
		json_t *k = json_array_get(kw, i);
		FUZZ_CHECK(json ? json_is_string(json_object_get(k, "text")) &&
					  json_integer_value(json_object_get(k, "count")) >= 1
				: json_is_string(k));
	}
}

static void summarize(const uint8_t h, const char *data, size_t len, int keywords)
{
	const char *in = fuzz_path("in"), *out = fuzz_path("out");
	int json = h & 1, strict = h & 2, drop = h & 8, lenient = h & 16;
	char *argv[24];
	int n = 0;
	argv[n++] = keywords ? "keywords" : "summarize";
	argv[n++] = "--input=jsonl";
	if (!keywords)
		argv[n++] = "-m", argv[n++] = (char *)methods[(h >> 5) & 3];
	argv[n++] = "--id-prefix=p7-";
	if (json)
		argv[n++] = "-f", argv[n++] = "json";
	if (strict)
		argv[n++] = "--strict";
	if (h & 4)
		argv[n++] = "-j", argv[n++] = "2";
	if (drop)
		argv[n++] = "--drop-errors";
	if (lenient)
		argv[n++] = "--lenient";
	argv[n++] = "-o";
	argv[n++] = (char *)out;
	argv[n++] = (char *)in;
	argv[n] = NULL;
	unlink(out);
	int rc = fuzz_run(keywords ? cmd_keywords : cmd_summarize, argv);
	/* 1: a graph too large for textrank, or no memory. */
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 3);

	fuzz_lines ls;
	fuzz_lines_read(&ls, data, len);
	size_t olen;
	char *o = fuzz_read(out, &olen);
	if (o == NULL) { /* with --strict a failed run keeps no file */
		FUZZ_CHECK(rc != 0 && strict);
		fuzz_lines_free(&ls);
		return;
	}
	fuzz_lines outs;
	fuzz_lines_read(&outs, o, olen);
	FUZZ_CHECK(outs.n <= ls.n);
	if (!strict && !drop)
		FUZZ_CHECK(outs.n == ls.n); /* one record out per record in */
	size_t errors = 0, k = 0; /* k: the next record, with --drop-errors */
	for (size_t i = 0; i < outs.n; i++) {
		json_t *r = outs.v[i].obj;
		FUZZ_CHECK(r != NULL);
		FUZZ_CHECK(outs.v[i].s[outs.v[i].len - 1] == '\n');
		json_t *id = json_object_get(r, "id");
		FUZZ_CHECK(json_is_string(id));
		/* Which input record this is: the next one; with
		 * --drop-errors the outputs' ids are a subsequence of the
		 * records' (found greedily, which finds one if any). */
		int err = json_object_get(r, "error") != NULL;
		if (drop) {
			FUZZ_CHECK(!err);
			while (k < ls.n && !fuzz_id_is(json_string_value(id), ls.v[k].obj,
						       ls.v[k].lineno, prefix))
				k++;
			FUZZ_CHECK(k < ls.n);
			k++;
			continue;
		}
		if (err) {
			errors++;
			FUZZ_CHECK(json_object_size(r) == 3);
			FUZZ_CHECK(json_is_string(json_object_get(r, "error")));
			json_int_t line = json_integer_value(json_object_get(r, "line"));
			FUZZ_CHECK((size_t)line == ls.v[i].lineno);
		} else {
			FUZZ_CHECK(ls.v[i].obj != NULL);
			if (keywords)
				check_keywords(r, json);
			else
				check_summary(r, ls.v[i].obj, json);
		}
		FUZZ_CHECK(fuzz_id_is(json_string_value(id), ls.v[i].obj, ls.v[i].lineno, prefix));
	}
	/* Status 0 exactly when nothing failed (error records tell). */
	if (!drop && !strict)
		FUZZ_CHECK((rc == 0) == (errors == 0));
	if (rc == 0)
		FUZZ_CHECK(outs.n == ls.n && errors == 0);
	fuzz_lines_free(&outs);
	free(o);
	fuzz_lines_free(&ls);
}

static void eval(const uint8_t h, const char *data, size_t len)
{
	const char *in = fuzz_path("in"), *out = fuzz_path("out");
	char *argv[] = { "eval", "-n", "1", "--resamples=0", "-f", "json", "-m",
			 (char *)methods[(h >> 5) & 3], "-o", (char *)out,
			 (h & 2) ? "--strict" : "--lenient", (char *)in, NULL };
	unlink(out);
	int rc = fuzz_run(cmd_eval, argv);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 3);
	size_t olen;
	char *o = fuzz_read(out, &olen);
	if (o == NULL) { /* nothing usable, --strict, or a runtime error */
		FUZZ_CHECK(rc != 0);
		return;
	}
	json_t *rep = json_loadb(o, olen, 0, NULL);
	FUZZ_CHECK(rep != NULL);
	fuzz_lines ls;
	fuzz_lines_read(&ls, data, len);
	json_int_t scored = json_integer_value(json_object_get(rep, "articles"));
	json_int_t skipped = json_integer_value(json_object_get(rep, "skipped"));
	FUZZ_CHECK(scored > 0 && (size_t)(scored + skipped) == ls.n);
	FUZZ_CHECK((rc == 0) == (skipped == 0)); /* skipping is not silent */
	fuzz_lines_free(&ls);
	json_decref(rep);
	free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h;
	size_t len;
	const char *text = fuzz_header(data, size, &h, 1, &len);
	fuzz_write(fuzz_path("in"), text, len);
	if ((h & 128) && ((h >> 5) & 3) == 3)
		summarize(h, text, len, 1);
	else if (h & 128)
		eval(h, text, len);
	else
		summarize(h, text, len, 0);
	return 0;
}
