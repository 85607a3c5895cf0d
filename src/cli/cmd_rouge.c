/*
 * cmd_rouge.c - `precis rouge`: ROUGE scores of summaries against references,
 * numerically identical to the ROUGE-1.5.5 Perl script, from files
 * (CANDIDATE REFERENCE...) or a JSON Lines file of pairs. Besides its own
 * options it takes 1.5.5's flags with their meaning, so a 1.5.5 command
 * line (minus the config file) works as it is.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cmd.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/opt.h"
#include "cli/rouge_pairs.h"
#include "precis.h"

enum { FMT_TABLE, FMT_JSON, FMT_ROUGE155 };

typedef struct rouge_args {
	precis_rouge_options o;
	const char *pairs;  /* --pairs FILE, or NULL for file mode */
	const char *output; /* -o FILE */
	int format;
	int per_doc;
	unsigned resamples;
	double confidence;
	/* 1.5.5's metric flags: any of them replaces the default metric set */
	int legacy;
	long max_n;      /* -n, or -1 */
	int no_lcs;      /* -x */
	double weight;   /* -w, or 0 */
	int has_skip;    /* -2 given */
	long skip;       /* -2 D */
	int su, both;    /* -u, -U */
} rouge_args;

static const char usage_text[] =
	"Usage: precis rouge [OPTION]... CANDIDATE REFERENCE...\n"
	"       precis rouge [OPTION]... --pairs PAIRS.jsonl\n"
	"\n"
	"Scores summaries against references with ROUGE, numerically identical to\n"
	"the ROUGE-1.5.5 Perl script. Files hold one sentence per line; each line of\n"
	"PAIRS.jsonl is {\"id\": ..., \"candidate\": \"...\", \"references\": [\"...\", ...]}\n"
	"with sentences separated by \"\\n\" (\"-\" reads standard input).\n"
	"\n";

enum {
	OPT_PAIRS = 256,
	OPT_FORMAT,
	OPT_TOKENIZE,
	OPT_LANG,
	OPT_LIMIT_WORDS,
	OPT_LIMIT_BYTES
};

static const cli_opt options[] = {
	CLI_TEXT("Options:\n"),
	{ OPT_PAIRS, 0, "pairs", "FILE", "score the pairs of a JSON Lines file" },
	{ OPT_FORMAT, 0, "format", "FMT", "table (default), json, or rouge155 (1.5.5's output)" },
	{ 'd', 'd', "per-doc", NULL, "also print the scores of every pair" },
	{ 'm', 'm', "stem", NULL, "stem: WordNet exceptions then Porter, tokens longer\n"
				  "than 3 bytes (1.5.5 -m); Snowball with unicode" },
	{ 's', 's', "stopwords", NULL, "drop ROUGE's stopwords (SMART list)" },
	{ 'p', 'p', "alpha", "A", "F = 1/(A/P + (1-A)/R), default 0.5" },
	{ OPT_LIMIT_WORDS, 'l', "limit-words", "N",
	  "keep the first N words of each text (1.5.5 -l)" },
	{ OPT_LIMIT_BYTES, 'b', "limit-bytes", "N",
	  "keep the first N bytes of each text (1.5.5 -b)" },
	{ OPT_TOKENIZE, 0, "tokenize", "MODE",
	  "rouge155 (default: 1.5.5's ASCII rules) or unicode\n"
	  "(NFKC, case folding, words by Unicode category)" },
	{ OPT_LANG, 0, "lang", "LANG", "language of the unicode tokenizer's stemmer (en, ru,\n"
				       "de, vi... or a Snowball name); -l LANG works too" },
	{ OPT_LANG, 0, "language", "LANG", NULL },
	{ 'c', 'c', "confidence", "C", "confidence interval in percent, default 95" },
	{ 'r', 'r', "resamples", "R", "bootstrap resamples, default 1000" },
	{ 'f', 'f', NULL, "A|B", "several references: sum them (A, default) or take\n"
				 "the best one (B)" },
	{ 'o', 'o', "output", "FILE", "write to FILE instead of standard output" },
	{ 'H', 'H', NULL, NULL, NULL }, /* 1.5.5's help */
	CLI_COMMON,
	CLI_TEXT("\n"
		 "Metrics: ROUGE-1..4, L, W-1.2, S4 and SU4 by default. ROUGE-1.5.5's flags\n"
		 "choose them instead, as in 1.5.5 (ROUGE-L unless -x):\n"),
	{ 'n', 'n', NULL, "N", "ROUGE-1..N (N <= 4)" },
	{ 'w', 'w', NULL, "W", "ROUGE-W with weight W" },
	{ '2', '2', NULL, "D", "ROUGE-S<D> (D < 0: any gap)" },
	{ 'u', 'u', NULL, NULL, "ROUGE-SU<D> instead of S<D>" },
	{ 'U', 'U', NULL, NULL, "both ROUGE-S<D> and SU<D>" },
	{ 'x', 'x', NULL, NULL, "no ROUGE-L" },
	{ 'a', 'a', NULL, NULL, "accepted and ignored, as -e DIR is" },
	{ 'e', 'e', NULL, "DIR", NULL },
	CLI_END
};

static const cli_opt *const tables[] = { options, NULL };

static const cli_command command = {
	"rouge", usage_text, tables,
	"\n"
	"Averages are 1.5.5's bootstrap means with their confidence interval; the\n"
	"plain mean of the per-pair scores is printed beside them. Exit status: 0\n"
	"ok, 1 I/O error, 2 usage error, 3 invalid input.\n"
};

static int bad_value(const char *opt, const char *val)
{
	return cli_usage_error("rouge", "invalid value for %s: '%s'", opt, val);
}

static int parse_size(const char *opt, const char *val, size_t *out)
{
	return args_size(val, 0, (size_t)1 << 40, out) ? bad_value(opt, val) : 0;
}

static int parse_long(const char *opt, const char *val, long min, long max,
		      long *out)
{
	char *end;
	long v = strtol(val, &end, 10);
	if (*val == '\0' || *end != '\0' || v < min || v > max)
		return bad_value(opt, val);
	*out = v;
	return 0;
}

/* -l is 1.5.5's word limit; a non-number after it names a language. */
static int parse_l(rouge_args *a, const char *val)
{
	if (val[0] >= '0' && val[0] <= '9')
		return parse_size("-l", val, &a->o.limit_words);
	a->o.language = val;
	return 0;
}

static int parse_format(rouge_args *a, const char *val)
{
	if (strcmp(val, "table") == 0 || strcmp(val, "text") == 0)
		a->format = FMT_TABLE;
	else if (strcmp(val, "json") == 0)
		a->format = FMT_JSON;
	else if (strcmp(val, "rouge155") == 0)
		a->format = FMT_ROUGE155;
	else
		return bad_value("--format", val);
	return 0;
}

static int parse_tokenize(rouge_args *a, const char *val)
{
	if (strcmp(val, "rouge155") == 0)
		a->o.tokenizer = PRECIS_ROUGE_TOKENIZE_ROUGE155;
	else if (strcmp(val, "unicode") == 0)
		a->o.tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
	else
		return bad_value("--tokenize", val);
	return 0;
}

static int parse_unit(const char *val, const char *opt, double lo, double hi,
		      double *out)
{
	double v;
	if (args_double(val, &v) != 0 || v < lo || v > hi)
		return bad_value(opt, val);
	*out = v;
	return 0;
}

/* 1.5.5's metric flags. */
static int parse_legacy(rouge_args *a, int c, const char *val)
{
	a->legacy = 1;
	switch (c) {
	case 'n': return parse_long("-n", val, 0, PRECIS_ROUGE_MAX_N, &a->max_n);
	case 'x': a->no_lcs = 1; return 0;
	case 'u': a->su = 1; return 0;
	case 'U': a->both = 1; return 0;
	case '2':
		a->has_skip = 1;
		return parse_long("-2", val, -1000000, 1000000, &a->skip);
	case 'w':
		if (parse_unit(val, "-w", 0, 1e6, &a->weight) != 0 ||
		    a->weight <= 0)
			return bad_value("-w", val);
		return 0;
	}
	return EXIT_USAGE;
}

static int parse_one(rouge_args *a, int c, const char *val)
{
	size_t r;
	switch (c) {
	case OPT_PAIRS: a->pairs = val; return 0;
	case OPT_FORMAT: return parse_format(a, val);
	case OPT_TOKENIZE: return parse_tokenize(a, val);
	case OPT_LANG: a->o.language = val; return 0;
	case OPT_LIMIT_WORDS: return parse_size("--limit-words", val, &a->o.limit_words);
	case OPT_LIMIT_BYTES: return parse_size("--limit-bytes", val, &a->o.limit_bytes);
	case 'l': return parse_l(a, val);
	case 'b': return parse_size("-b", val, &a->o.limit_bytes);
	case 'd': a->per_doc = 1; return 0;
	case 'm': a->o.stem = 1; return 0;
	case 's': a->o.stopwords = 1; return 0;
	case 'p': return parse_unit(val, "--alpha", 0, 1, &a->o.alpha);
	case 'c': return parse_unit(val, "--confidence", 0, 100, &a->confidence);
	case 'o': a->output = val; return 0;
	case 'a': case 'e': return 0;
	case 'H':
		cli_print_help(&command, stdout);
		return CLI_DONE;
	case 'r':
		if (args_size(val, 0, 1000000, &r) != 0)
			return bad_value("--resamples", val);
		a->resamples = (unsigned)r;
		return 0;
	case 'f':
		if (strcmp(val, "A") != 0 && strcmp(val, "B") != 0)
			return bad_value("-f", val);
		a->o.best_reference = val[0] == 'B';
		return 0;
	}
	return parse_legacy(a, c, val);
}

/* 1.5.5's defaults under its flags: ROUGE-L only, unless asked. */
static void apply_legacy(rouge_args *a)
{
	if (!a->legacy)
		return;
	a->o.max_n = a->max_n > 0 ? (unsigned)a->max_n : 0;
	a->o.lcs = !a->no_lcs;
	a->o.wlcs_weight = a->weight;
	a->o.skip = 0;
	if (a->has_skip) {
		a->o.skip_distance = (int)a->skip;
		a->o.skip = a->su ? PRECIS_ROUGE_SKIP_SU
			: a->both ? PRECIS_ROUGE_SKIP_S | PRECIS_ROUGE_SKIP_SU
				  : PRECIS_ROUGE_SKIP_S;
	}
}

static int option(void *payload, int c, const char *val)
{
	return parse_one(payload, c, val);
}

/* -1 to go on with argv[*first...] the files, or the exit code. */
static int parse_args(rouge_args *a, int argc, char **argv, int *first)
{
	memset(a, 0, sizeof *a);
	precis_rouge_options_init(&a->o);
	a->resamples = 1000;
	a->confidence = 95;
	a->max_n = -1;
	int done, rc = cli_parse(&command, argc, argv, option, a, &done, first);
	if (rc != 0 || done)
		return rc;
	apply_legacy(a);
	int files = argc - *first;
	if (a->pairs != NULL && files > 0)
		return cli_usage_error("rouge", "--pairs takes no file operands");
	if (a->pairs == NULL && files < 2)
		return cli_usage_error("rouge", "need a candidate and at least one "
						"reference file, or --pairs");
	return -1;
}

/* ---- input ------------------------------------------------------------- */

static int read_pairs(precis_rouge_eval *ev, precis_rouge *rouge,
		      const char *path)
{
	pairs_reader pr;
	int rc = pairs_open(&pr, path), st;
	if (rc != 0)
		return rc;
	/* A bad pair is reported and skipped, and the rest still scored (one
	 * typo need not cost a long run); the status then says so. Only a
	 * failure to read or to remember a score ends the run. */
	while ((st = pairs_next(&pr)) != 0 && st != -EXIT_RUNTIME) {
		char line[32];
		precis_error err;
		if (st < 0) {
			rc = EXIT_INPUT;
			continue;
		}
		snprintf(line, sizeof line, "%zu", pr.in.line);
		if (precis_rouge_eval_add(ev, rouge, pr.id ? pr.id : line, pr.cand,
					  pr.cand_len, pr.refs, pr.ref_lens,
					  pr.nrefs, &err) != 0) {
			int code = cli_fail_in(cli_exit_for(err.code), pr.in.name,
					       "line %zu: %s", pr.in.line, err.message);
			if (err.code == PRECIS_ERR_NOMEM) {
				st = -code;
				break;
			}
			rc = EXIT_INPUT;
		}
	}
	pairs_close(&pr);
	return st < 0 ? -st : rc;
}

static void free_texts(char **texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

/* The file of an input error: the first text that fails on its own. */
static const char *failing_file(precis_rouge *rouge, char **texts,
				const size_t *lens, char **paths, int n)
{
	precis_rouge_score s[16];
	if (precis_rouge_metric_count(rouge) > 16)
		return paths[0];
	for (int i = 0; i < n; i++)
		if (precis_rouge_score_pair(rouge, texts[i], lens[i], NULL, NULL,
					    0, s, NULL) != 0)
			return paths[i];
	return paths[0];
}

/* File mode: argv[0] the candidate, the rest its references. */
static int read_files(precis_rouge_eval *ev, precis_rouge *rouge, int n,
		      char **paths)
{
	char **texts = calloc((size_t)n, sizeof *texts);
	size_t *lens = calloc((size_t)n, sizeof *lens);
	int rc = texts && lens ? 0 : cli_fail(EXIT_RUNTIME, "out of memory");
	for (int i = 0; rc == 0 && i < n; i++)
		rc = io_read_all(paths[i], &texts[i], &lens[i]);
	precis_error err;
	if (rc == 0 && precis_rouge_eval_add(ev, rouge, paths[0], texts[0],
					     lens[0],
					     (const char *const *)texts + 1,
					     lens + 1, (size_t)n - 1, &err) != 0) {
		const char *bad = err.code == PRECIS_ERR_UTF8
			? failing_file(rouge, texts, lens, paths, n) : paths[0];
		rc = cli_fail_lib(io_display_name(bad), &err);
	}
	if (texts != NULL)
		free_texts(texts, (size_t)n);
	free(lens);
	return rc;
}

/* ---- output ------------------------------------------------------------ */

typedef struct report {
	const precis_rouge *rouge;
	const precis_rouge_eval *ev;
	const precis_rouge_average *avg;
	const rouge_args *args;
} report;

static void table_row(FILE *fp, const char *name, const precis_rouge_average *a)
{
	fprintf(fp, "%-13s %.5f [%.5f %.5f]  %.5f [%.5f %.5f]  %.5f [%.5f %.5f]"
		    "   %.5f %.5f %.5f\n",
		name, a->r, a->r_lo, a->r_hi, a->p, a->p_lo, a->p_hi, a->f,
		a->f_lo, a->f_hi, a->mean_r, a->mean_p, a->mean_f);
}

static void table_per_doc(FILE *fp, const report *rp)
{
	size_t k = precis_rouge_metric_count(rp->rouge);
	fprintf(fp, "\n%-24s %-13s %-7s  %-7s  %-7s\n", "id", "metric", "R", "P",
		"F");
	for (size_t i = 0; i < precis_rouge_eval_count(rp->ev); i++) {
		const precis_rouge_score *s = precis_rouge_eval_scores(rp->ev, i);
		for (size_t m = 0; m < k; m++)
			fprintf(fp, "%-24s %-13s %.5f  %.5f  %.5f\n",
				precis_rouge_eval_id(rp->ev, i),
				precis_rouge_metric_name(rp->rouge, m), s[m].r,
				s[m].p, s[m].f);
	}
}

static void write_table(FILE *fp, const report *rp)
{
	size_t k = precis_rouge_metric_count(rp->rouge);
	fprintf(fp, "%zu pair(s); averages of %u bootstrap resamples with %g%% "
		    "confidence intervals, as ROUGE-1.5.5\n\n",
		precis_rouge_eval_count(rp->ev), rp->args->resamples,
		rp->args->confidence);
	fprintf(fp, "%-13s %-25s  %-25s  %-25s   %s\n", "metric", "recall",
		"precision", "F-measure", "plain mean R P F");
	for (size_t m = 0; m < k; m++)
		table_row(fp, precis_rouge_metric_name(rp->rouge, m), &rp->avg[m]);
	if (rp->args->per_doc)
		table_per_doc(fp, rp);
}

static void write_rouge155(FILE *fp, const report *rp)
{
	static const char *const tag[] = { "R", "P", "F" };
	size_t k = precis_rouge_metric_count(rp->rouge);
	for (size_t m = 0; m < k; m++) {
		const precis_rouge_average *a = &rp->avg[m];
		const char *name = precis_rouge_metric_name(rp->rouge, m);
		double v[3][3] = { { a->r, a->r_lo, a->r_hi },
				   { a->p, a->p_lo, a->p_hi },
				   { a->f, a->f_lo, a->f_hi } };
		fputs("---------------------------------------------\n", fp);
		for (int t = 0; t < 3; t++)
			fprintf(fp, "SYS %s Average_%s: %7.5f (%g%%-conf.int. %7.5f - "
				    "%7.5f)\n", name, tag[t], v[t][0],
				rp->args->confidence, v[t][1], v[t][2]);
		if (!rp->args->per_doc)
			continue;
		fputs(".............................................\n", fp);
		for (size_t i = 0; i < precis_rouge_eval_count(rp->ev); i++) {
			const precis_rouge_score *s =
				&precis_rouge_eval_scores(rp->ev, i)[m];
			fprintf(fp, "SYS %s Eval %s R:%7.5f P:%7.5f F:%7.5f\n", name,
				precis_rouge_eval_id(rp->ev, i), s->r, s->p, s->f);
		}
	}
}

static json_t *json_ci(double lo, double hi)
{
	return json_pack("[f,f]", lo, hi);
}

static json_t *json_average(const precis_rouge_average *a)
{
	return json_pack("{s:f,s:o,s:f,s:o,s:f,s:o}", "R", a->r, "R_ci",
			 json_ci(a->r_lo, a->r_hi), "P", a->p, "P_ci",
			 json_ci(a->p_lo, a->p_hi), "F", a->f, "F_ci",
			 json_ci(a->f_lo, a->f_hi));
}

static json_t *json_prf(double r, double p, double f)
{
	return json_pack("{s:f,s:f,s:f}", "R", r, "P", p, "F", f);
}

static json_t *json_per_doc(const report *rp)
{
	size_t k = precis_rouge_metric_count(rp->rouge);
	json_t *docs = json_array();
	for (size_t i = 0; docs && i < precis_rouge_eval_count(rp->ev); i++) {
		const precis_rouge_score *s = precis_rouge_eval_scores(rp->ev, i);
		json_t *d = json_pack("{s:s}", "id", precis_rouge_eval_id(rp->ev, i));
		for (size_t m = 0; d && m < k; m++)
			json_object_set_new(d, precis_rouge_metric_name(rp->rouge, m),
					    json_prf(s[m].r, s[m].p, s[m].f));
		json_array_append_new(docs, d);
	}
	return docs;
}

static json_t *json_report(const report *rp)
{
	size_t k = precis_rouge_metric_count(rp->rouge);
	json_t *avg = json_object(), *mean = json_object();
	for (size_t m = 0; m < k; m++) {
		const char *name = precis_rouge_metric_name(rp->rouge, m);
		const precis_rouge_average *a = &rp->avg[m];
		json_object_set_new(avg, name, json_average(a));
		json_object_set_new(mean, name,
				    json_prf(a->mean_r, a->mean_p, a->mean_f));
	}
	json_t *root = json_pack("{s:I,s:i,s:f,s:o,s:o}", "n_pairs",
				 (json_int_t)precis_rouge_eval_count(rp->ev),
				 "resamples", (int)rp->args->resamples,
				 "confidence", rp->args->confidence, "average",
				 avg, "derived_plain_mean_of_per_doc", mean);
	if (root != NULL && rp->args->per_doc)
		json_object_set_new(root, "per_doc", json_per_doc(rp));
	return root;
}

/* Every real is a 5-decimal score: 5 significant digits print it exactly. */
static int write_json(FILE *fp, const report *rp)
{
	json_t *root = json_report(rp);
	int rc = root == NULL ||
		 json_dumpf(root, fp, JSON_INDENT(1) | JSON_REAL_PRECISION(5));
	json_decref(root);
	if (rc == 0)
		fputc('\n', fp);
	return rc ? cli_fail(EXIT_RUNTIME, "out of memory") : 0;
}

static int write_report(const report *rp)
{
	io_out out;
	int rc = io_out_open(&out, rp->args->output);
	if (rc != 0)
		return rc;
	if (rp->args->format == FMT_JSON)
		rc = write_json(out.fp, rp);
	else if (rp->args->format == FMT_ROUGE155)
		write_rouge155(out.fp, rp);
	else
		write_table(out.fp, rp);
	if (rc != 0) {
		io_out_abort(&out);
		return rc;
	}
	return io_out_commit(&out);
}

/* ---- driver ------------------------------------------------------------ */

static int average_and_write(precis_rouge *rouge, precis_rouge_eval *ev,
			     const rouge_args *a)
{
	size_t k = precis_rouge_metric_count(rouge);
	precis_rouge_average *avg = calloc(k, sizeof *avg);
	if (avg == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	precis_error err;
	int rc = 0;
	if (precis_rouge_eval_average(ev, a->resamples, a->confidence, avg,
				      &err) != 0)
		rc = cli_fail_lib("rouge", &err);
	if (rc == 0) {
		report rp = { rouge, ev, avg, a };
		rc = write_report(&rp);
	}
	free(avg);
	return rc;
}

int cmd_rouge(int argc, char **argv)
{
	rouge_args a;
	int first, rc = parse_args(&a, argc, argv, &first);
	if (rc >= 0)
		return rc;
	precis_rouge *rouge = NULL;
	precis_rouge_eval *ev = NULL;
	precis_error err;
	if (precis_rouge_new(&rouge, &a.o, &err) != 0)
		return cli_fail_lib("rouge", &err);
	if (precis_rouge_eval_new(&ev, rouge, &err) != 0)
		rc = cli_fail_lib("rouge", &err);
	else if (a.pairs != NULL)
		rc = read_pairs(ev, rouge, a.pairs);
	else
		rc = read_files(ev, rouge, argc - first, argv + first);
	/* Pairs skipped (EXIT_INPUT, each reported): the others' report still
	 * comes out, and the status stays. */
	if (rc == 0 || (rc == EXIT_INPUT && a.pairs != NULL)) {
		int wrc = average_and_write(rouge, ev, &a);
		rc = wrc != 0 ? wrc : rc;
	}
	precis_rouge_eval_free(ev);
	precis_rouge_free(rouge);
	return rc;
}
