/*
 * fuzz_cli_pairs.c - fuzz target: the pairs file of `precis rouge --pairs`
 * (cli/rouge_pairs.c, whose own fast decoder reads plain lines and leaves
 * the rest to jansson), run as the command runs it.
 *
 * Input: one option byte, then the pairs file.
 *   [0] bit 0 stemming (-m), bit 1 stopwords (-s), bit 2 the unicode
 *       tokenizer, bit 3 best reference (-f B)
 *
 * The check reads every line again with jansson alone and scores the pairs
 * it finds well formed ({"candidate": string, "references": a non-empty
 * array of strings}) through the library: the command must have scored
 * exactly those, in order, under the same ids and with the same ROUGE-1
 * and ROUGE-L, and exit 3 exactly when it skipped a line. So the fast path
 * decodes as jansson does and refuses what it refuses.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "fuzzcli.h"
#include "precis.h"

/* The pair on a line as jansson alone reads it: 1 with cand and refs
 * filled (refs borrowed, malloc'd arrays), 0 when the line is bad. */
static int pair_of(json_t *obj, const char **cand, size_t *cand_len,
		   const char ***refs, size_t **lens, size_t *nrefs)
{
	json_t *c = obj ? json_object_get(obj, "candidate") : NULL;
	json_t *r = obj ? json_object_get(obj, "references") : NULL;
	if (!json_is_string(c) || !json_is_array(r) || json_array_size(r) == 0)
		return 0;
	size_t n = json_array_size(r);
	*refs = malloc(n * sizeof **refs);
	*lens = malloc(n * sizeof **lens);
	FUZZ_CHECK(*refs != NULL && *lens != NULL);
	for (size_t i = 0; i < n; i++) {
		json_t *s = json_array_get(r, i);
		if (!json_is_string(s)) {
			free(*refs);
			free(*lens);
			return 0;
		}
		(*refs)[i] = json_string_value(s);
		(*lens)[i] = json_string_length(s);
	}
	*cand = json_string_value(c);
	*cand_len = json_string_length(c);
	*nrefs = n;
	return 1;
}

/* The report prints 5 significant digits (JSON_REAL_PRECISION(5)). */
static int same_value(json_t *metric, const char *key, double want)
{
	json_t *v = json_object_get(metric, key);
	return json_is_number(v) && fabs(json_number_value(v) - want) <= 1e-5;
}

/* The command's per-pair entry `doc` against the library's scores. */
static void check_doc(json_t *doc, const precis_rouge *rouge,
		      const precis_rouge_score *sc)
{
	for (size_t m = 0; m < precis_rouge_metric_count(rouge); m++) {
		json_t *metric = json_object_get(doc, precis_rouge_metric_name(rouge, m));
		FUZZ_CHECK(metric != NULL);
		FUZZ_CHECK(same_value(metric, "R", sc[m].r));
		FUZZ_CHECK(same_value(metric, "P", sc[m].p));
		FUZZ_CHECK(same_value(metric, "F", sc[m].f));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h;
	size_t len;
	const char *text = fuzz_header(data, size, &h, 1, &len);
	const char *in = fuzz_path("in"), *out = fuzz_path("out");
	fuzz_write(in, text, len);
	char *argv[24];
	int n = 0;
	argv[n++] = "rouge";
	argv[n++] = "--pairs";
	argv[n++] = (char *)in;
	argv[n++] = "--format=json";
	argv[n++] = "-d";
	argv[n++] = "-r";
	argv[n++] = "0";
	argv[n++] = "-n";
	argv[n++] = "1";
	if (h & 1)
		argv[n++] = "-m";
	if (h & 2)
		argv[n++] = "-s";
	if (h & 4)
		argv[n++] = "--tokenize=unicode";
	if (h & 8)
		argv[n++] = "-f", argv[n++] = "B";
	argv[n++] = "-o";
	argv[n++] = (char *)out;
	argv[n] = NULL;
	unlink(out);
	int rc = fuzz_run(cmd_rouge, argv);
	FUZZ_CHECK(rc == 0 || rc == 3);

	/* The same metrics through the library: ROUGE-1 and L (-n 1). */
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.max_n = 1;
	o.wlcs_weight = 0;
	o.skip = 0;
	o.stem = h & 1;
	o.stopwords = (h & 2) != 0;
	o.tokenizer = (h & 4) ? PRECIS_ROUGE_TOKENIZE_UNICODE : PRECIS_ROUGE_TOKENIZE_ROUGE155;
	o.best_reference = (h & 8) != 0;
	precis_rouge *rouge;
	FUZZ_CHECK(precis_rouge_new(&rouge, &o, NULL) == 0);
	size_t m = precis_rouge_metric_count(rouge);
	precis_rouge_score *sc = calloc(m, sizeof *sc);
	FUZZ_CHECK(sc != NULL);

	size_t olen;
	char *rep = fuzz_read(out, &olen);
	FUZZ_CHECK(rep != NULL); /* bad lines are skipped, not fatal */
	json_t *root = json_loadb(rep, olen, 0, NULL);
	FUZZ_CHECK(root != NULL);
	json_t *docs = json_object_get(root, "per_doc");
	size_t ndocs = json_array_size(docs), k = 0, bad = 0;
	FUZZ_CHECK((size_t)json_integer_value(json_object_get(root, "n_pairs")) == ndocs);

	fuzz_lines ls;
	fuzz_lines_read(&ls, text, len);
	for (size_t i = 0; i < ls.n; i++) {
		const char *cand, **refs;
		size_t cl, *rl, nr;
		if (!pair_of(ls.v[i].obj, &cand, &cl, &refs, &rl, &nr)) {
			bad++;
			continue;
		}
		int ok = precis_rouge_score_pair(rouge, cand, cl, refs, rl, nr, sc, NULL) == 0;
		free(refs);
		free(rl);
		if (!ok) { /* invalid UTF-8 for the unicode tokenizer, too long */
			bad++;
			continue;
		}
		FUZZ_CHECK(k < ndocs);
		json_t *doc = json_array_get(docs, k++);
		char num[32];
		snprintf(num, sizeof num, "%zu", ls.v[i].lineno);
		json_t *id = json_object_get(doc, "id");
		json_t *want = json_object_get(ls.v[i].obj, "id");
		FUZZ_CHECK(json_is_string(id));
		if (json_is_string(want) || json_is_integer(want))
			FUZZ_CHECK(fuzz_id_is(json_string_value(id), ls.v[i].obj, 0, ""));
		else
			FUZZ_CHECK(strcmp(json_string_value(id), num) == 0);
		check_doc(doc, rouge, sc);
	}
	FUZZ_CHECK(k == ndocs);
	FUZZ_CHECK((rc == 3) == (bad > 0));

	fuzz_lines_free(&ls);
	json_decref(root);
	free(rep);
	free(sc);
	precis_rouge_free(rouge);
	return 0;
}
