/*
 * cmd_eval.c - `precis eval DATASET.jsonl [OPTIONS]`: summarize every
 * article, score the summaries against the references, and report the
 * systems side by side with Lead-N and the extractive oracle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cmd.h"
#include "cli/dataset.h"
#include "cli/error.h"
#include "cli/eval_run.h"
#include "cli/io.h"
#include "cli/sumopts.h"

static const char usage_text[] =
	"Usage: precis eval [OPTIONS] DATASET.jsonl\n"
	"Summarize every article of DATASET ({\"id\", \"article\", \"references\": [...],\n"
	"\"title\"?} per line), score the summaries against the references with\n"
	"ROUGE-1, -2, -L and -SU4 (ROUGE-1.5.5 with stemming), and print each system\n"
	"with Lead-N and the greedy extractive oracle: recall, precision and F with\n"
	"95% confidence intervals, and the mean summary length in words. lead-N is\n"
	"the first N sentences precis may pick (cleaned, no duplicates); first-N is\n"
	"the first N sentences as split, the Lead-N that papers report.\n"
	"\n";

typedef struct eval_args {
	sumopts s;
	const char *compare, *perdoc, *output;
	int json, strict, nostem, unicode;
	size_t limit_words, limit_bytes, resamples;
} eval_args;

enum { OPT_COMPARE = 256, OPT_LIMIT_WORDS, OPT_LIMIT_BYTES, OPT_NO_STEM,
       OPT_RESAMPLES, OPT_PERDOC, OPT_STRICT, OPT_TOKENIZE };

static const cli_opt own_opts[] = {
	CLI_TEXT("Evaluation:\n"),
	{ OPT_COMPARE, 0, "compare", "M1,M2", "evaluate these methods side by side, each tested\n"
					       "against the first (paired bootstrap)" },
	{ OPT_LIMIT_WORDS, 0, "limit-words", "N",
	  "score the first N words of each summary (ROUGE -l)" },
	{ OPT_LIMIT_BYTES, 0, "limit-bytes", "N",
	  "score the first N bytes of each summary (ROUGE -b)" },
	{ OPT_NO_STEM, 0, "no-stem", NULL, "score without stemming" },
	{ OPT_TOKENIZE, 0, "tokenize", "MODE",
	  "ROUGE tokens: rouge155 (default: 1.5.5's ASCII rules)\n"
	  "or unicode (words by Unicode category, the stemmer\n"
	  "of --language), for text that is not English" },
	{ OPT_RESAMPLES, 0, "resamples", "N", "bootstrap resamples (default 1000)" },
	{ OPT_PERDOC, 0, "per-doc", "FILE", "write per-article JSONL (id, chosen sentences,\n"
					    "scores, ROUGE of every system) to FILE" },
	{ 'f', 'f', "format", "FORMAT", "text (default) or json" },
	{ 'o', 'o', "output", "FILE", "write the report to FILE" },
	{ OPT_STRICT, 0, "strict", NULL, "stop at the first bad record instead of skipping it" },
	CLI_END
};

static const cli_opt articles[] = {
	CLI_TEXT("Articles:\n"),
	CLI_END
};

static const cli_opt *const tables[] = { sumopts_options, articles,
					 readopts_options, own_opts, NULL };

static const cli_command command = {
	"eval", usage_text, tables,
	"\nExit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n"
};

static int size_opt(const char *arg, size_t min, size_t max, size_t *out,
		    const char *what)
{
	if (args_size(arg, min, max, out) != 0)
		return cli_usage_error("eval", "invalid %s '%s'", what, arg);
	return 0;
}

static int own_option(void *payload, int c, const char *arg)
{
	eval_args *a = payload;
	switch (c) {
	case OPT_COMPARE: a->compare = arg; return 0;
	case OPT_PERDOC: a->perdoc = arg; return 0;
	case 'o': a->output = arg; return 0;
	case OPT_STRICT: a->strict = 1; return 0;
	case OPT_NO_STEM: a->nostem = 1; return 0;
	case OPT_TOKENIZE:
		if (strcmp(arg, "rouge155") != 0 && strcmp(arg, "unicode") != 0)
			return cli_usage_error("eval", "unknown tokenizer '%s' (rouge155, unicode)", arg);
		a->unicode = strcmp(arg, "unicode") == 0;
		return 0;
	case OPT_LIMIT_WORDS: return size_opt(arg, 1, 1000000, &a->limit_words, "word limit");
	case OPT_LIMIT_BYTES: return size_opt(arg, 1, 100000000, &a->limit_bytes, "byte limit");
	case OPT_RESAMPLES: return size_opt(arg, 0, 100000, &a->resamples, "resample count");
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0)
			return cli_usage_error("eval", "unknown format '%s' (text, json)", arg);
		a->json = strcmp(arg, "json") == 0;
		return 0;
	default: return cli_usage_error("eval", "invalid option");
	}
}

/* The systems: the methods (or the one -m names), Lead-N twice, the oracle. */
static int make_systems(const eval_args *a, eval_system **out, size_t *n)
{
	const char *list = a->compare ? a->compare
				      : a->s.opts.method ? a->s.opts.method
				      : a->s.model_path ? "learned" : "tfidf";
	size_t cap = 4;
	for (const char *p = list; *p; p++)
		cap += *p == ',';
	eval_system *v = calloc(cap, sizeof *v);
	if (v == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	size_t k = 0;
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == 0 || len >= sizeof v[k].name) {
			free(v);
			return cli_usage_error("eval", "bad method list '%s'", list);
		}
		memcpy(v[k].name, p, len);
		v[k].method = NULL;
		k++;
		p += len + (p[len] == ',');
	}
	size_t lead_n = a->s.opts.sentences ? a->s.opts.sentences : 3;
	/*
	 * Lead-N as precis picks it (cleaned, no duplicates), then as papers
	 * report it (the first sentences, as split), then the oracle. Under a
	 * budget other than sentences, just "lead" and "first".
	 */
	int plain_budget = !(a->s.opts.words || a->s.opts.bytes || a->s.opts.ratio > 0);
	for (int plain = 0; plain < 2; plain++) {
		const char *name = plain ? "first" : "lead";
		if (plain_budget)
			snprintf(v[k].name, sizeof v[0].name, "%s-%zu", name, lead_n);
		else
			snprintf(v[k].name, sizeof v[0].name, "%s", name);
		v[k].method = "lead";
		v[k++].plain = plain;
	}
	snprintf(v[k].name, sizeof v[0].name, "oracle");
	v[k++].oracle = 1;
	for (size_t i = 0; i + 3 < k; i++) {
		v[i].method = v[i].name;
		for (size_t j = 0;; j++) {
			const char *m = precis_method_name(j);
			if (m == NULL) {
				int rc = cli_usage_error("eval", "unknown method '%s' (see --list-methods)",
							 v[i].name);
				free(v);
				return rc;
			}
			if (strcmp(m, v[i].name) == 0)
				break;
		}
	}
	*out = v;
	*n = k;
	return 0;
}

/* Paper-style ROUGE: 1, 2, L and SU4, stemming on. */
static void rouge_options(const eval_args *a, precis_rouge_options *o)
{
	precis_rouge_options_init(o);
	o->max_n = 2;
	o->lcs = 1;
	o->wlcs_weight = 0;
	o->skip = PRECIS_ROUGE_SKIP_SU;
	o->skip_distance = 4;
	o->stem = !a->nostem;
	o->limit_words = a->limit_words;
	o->limit_bytes = a->limit_bytes;
	if (a->unicode) {
		o->tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
		o->language = a->s.language;
	}
}

typedef struct report {
	const eval_args *a;
	const char *dataset;
	const dataset *ds;
	eval_job *job;
	precis_rouge *rouge;
	precis_rouge_eval **ev;    /* per system */
	precis_rouge_average *avg; /* [system][metric] */
	double *words;             /* mean per system */
	size_t scored;
} report;

/* Gathers the per-record scores into one eval set per system, in order. */
static int collect(report *r)
{
	eval_job *job = r->job;
	precis_error err;
	for (size_t s = 0; s < job->nsys; s++)
		if (precis_rouge_eval_new(&r->ev[s], r->rouge, &err) != 0)
			return cli_fail_lib(NULL, &err);
	for (size_t i = 0; i < r->ds->n; i++) {
		if (job->errors[i] != NULL)
			continue;
		r->scored++;
		for (size_t s = 0; s < job->nsys; s++) {
			r->words[s] += job->words[i * job->nsys + s];
			if (precis_rouge_eval_add_scores(r->ev[s], r->ds->v[i].id,
							 job->scores + (i * job->nsys + s) * job->nmetrics,
							 &err) != 0)
				return cli_fail_lib(NULL, &err);
		}
	}
	for (size_t s = 0; s < job->nsys; s++) {
		r->words[s] /= r->scored ? (double)r->scored : 1.0;
		if (r->scored > 0 &&
		    precis_rouge_eval_average(r->ev[s], (unsigned)r->a->resamples, 95,
					      r->avg + s * job->nmetrics, &err) != 0)
			return cli_fail_lib(NULL, &err);
	}
	return 0;
}

static void print_header(const report *r, FILE *fp)
{
	const eval_args *a = r->a;
	fprintf(fp, "precis eval: %s: %zu articles scored, %zu skipped\n", r->dataset,
		r->scored, r->ds->bad + (r->ds->n - r->scored));
	fprintf(fp, "budget: ");
	if (a->s.opts.words)
		fprintf(fp, "%zu words", a->s.opts.words);
	else if (a->s.opts.bytes)
		fprintf(fp, "%zu bytes", a->s.opts.bytes);
	else if (a->s.opts.ratio > 0)
		fprintf(fp, "ratio %g", a->s.opts.ratio);
	else
		fprintf(fp, "%zu sentences", a->s.opts.sentences ? a->s.opts.sentences : 3);
	fprintf(fp, "; ROUGE-1.5.5%s%s, 95%% CI from %zu resamples",
		a->nostem ? "" : " with stemming",
		a->unicode ? " (Unicode tokens)" : "", a->resamples);
	if (a->limit_words)
		fprintf(fp, "; -l %zu", a->limit_words);
	if (a->limit_bytes)
		fprintf(fp, "; -b %zu", a->limit_bytes);
	fputs("\n\n", fp);
}

static void print_value(FILE *fp, double v, double lo, double hi)
{
	fprintf(fp, "  %6.2f (%6.2f-%6.2f)", 100 * v, 100 * lo, 100 * hi);
}

static void print_table(const report *r, FILE *fp)
{
	const eval_job *job = r->job;
	print_header(r, fp);
	fprintf(fp, "%-12s %6s  %-10s  %-22s  %-22s  %-22s\n", "system", "words", "metric",
		"recall", "precision", "F1");
	for (size_t s = 0; s < job->nsys; s++) {
		for (size_t m = 0; m < job->nmetrics; m++) {
			const precis_rouge_average *v = &r->avg[s * job->nmetrics + m];
			if (m == 0)
				fprintf(fp, "%-12s %6.1f", job->sys[s].name, r->words[s]);
			else
				fprintf(fp, "%-12s %6s", "", "");
			fprintf(fp, "  %-10s", precis_rouge_metric_name(r->rouge, m));
			print_value(fp, v->r, v->r_lo, v->r_hi);
			print_value(fp, v->p, v->p_lo, v->p_hi);
			print_value(fp, v->f, v->f_lo, v->f_hi);
			fputc('\n', fp);
		}
	}
}

/* Paired bootstrap of every system against the first, on F. */
static int print_tests(const report *r, FILE *fp, json_t *json)
{
	const eval_job *job = r->job;
	precis_error err;
	if (!json)
		fprintf(fp, "\npaired bootstrap against %s (F1 difference in points, two-sided p):\n",
			job->sys[0].name);
	for (size_t s = 1; s < job->nsys; s++) {
		json_t *sysj = json ? json_array_get(json_object_get(json, "systems"), s) : NULL;
		json_t *tests = json_object();
		if (!json)
			fprintf(fp, "%-12s", job->sys[s].name);
		for (size_t m = 0; m < job->nmetrics; m++) {
			double diff, p;
			if (precis_rouge_paired_test(r->ev[0], r->ev[s], m, PRECIS_ROUGE_F,
						     r->a->resamples ? (unsigned)r->a->resamples : 1000,
						     0, &diff, &p, &err) != 0) {
				json_decref(tests);
				return cli_fail_lib(NULL, &err);
			}
			if (!json)
				fprintf(fp, "  %s %+6.2f (p=%.3f)", precis_rouge_metric_name(r->rouge, m),
					100 * diff, p);
			json_object_set_new(tests, precis_rouge_metric_name(r->rouge, m),
					    json_pack("{s:f, s:f}", "diff", diff, "p", p));
		}
		if (!json)
			fputc('\n', fp);
		if (sysj != NULL)
			json_object_set_new(sysj, "vs_first", tests);
		else
			json_decref(tests);
	}
	return 0;
}

static json_t *average_json(const precis_rouge_average *v)
{
	return json_pack("{s:f, s:[f,f], s:f, s:[f,f], s:f, s:[f,f], s:f, s:f, s:f}",
			 "R", v->r, "R_ci", v->r_lo, v->r_hi, "P", v->p, "P_ci", v->p_lo,
			 v->p_hi, "F", v->f, "F_ci", v->f_lo, v->f_hi, "mean_R", v->mean_r,
			 "mean_P", v->mean_p, "mean_F", v->mean_f);
}

static json_t *report_json(const report *r)
{
	const eval_job *job = r->job;
	json_t *systems = json_array();
	for (size_t s = 0; s < job->nsys; s++) {
		json_t *metrics = json_object();
		for (size_t m = 0; m < job->nmetrics; m++)
			json_object_set_new(metrics, precis_rouge_metric_name(r->rouge, m),
					    average_json(&r->avg[s * job->nmetrics + m]));
		json_array_append_new(systems, json_pack("{s:s, s:f, s:o}", "name",
							 job->sys[s].name, "words",
							 r->words[s], "average", metrics));
	}
	return json_pack("{s:o, s:I, s:I, s:o}", "dataset", io_json_name(r->dataset), "articles",
			 (json_int_t)r->scored, "skipped",
			 (json_int_t)(r->ds->bad + r->ds->n - r->scored), "systems", systems);
}

static int write_perdoc(const report *r)
{
	io_out out;
	int rc = io_out_open(&out, r->a->perdoc);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < r->ds->n; i++) {
		if (r->job->perdoc[i] == NULL)
			continue;
		if (json_dumpf(r->job->perdoc[i], out.fp, JSON_COMPACT | JSON_REAL_PRECISION(6)) != 0 ||
		    fputc('\n', out.fp) == EOF) {
			io_out_abort(&out);
			return cli_fail_in(EXIT_RUNTIME, r->a->perdoc, "write error");
		}
	}
	return io_out_commit(&out);
}

static int write_report(report *r)
{
	io_out out;
	int rc = io_out_open(&out, r->a->output);
	if (rc != 0)
		return rc;
	json_t *json = r->a->json ? report_json(r) : NULL;
	if (r->a->json && json == NULL) {
		io_out_abort(&out);
		return cli_fail(EXIT_RUNTIME, "out of memory");
	}
	if (!r->a->json)
		print_table(r, out.fp);
	if (r->scored > 0)
		rc = print_tests(r, out.fp, json);
	if (json != NULL) {
		if (json_dumpf(json, out.fp, JSON_INDENT(1) | JSON_REAL_PRECISION(6)) != 0)
			rc = cli_fail(EXIT_RUNTIME, "write error");
		fputc('\n', out.fp);
		json_decref(json);
	}
	if (rc != 0) {
		io_out_abort(&out);
		return rc;
	}
	return io_out_commit(&out);
}

/* Reports skipped records (in file order) and decides the exit status. */
static int report_errors(const eval_args *a, const char *path, const eval_job *job,
			 const dataset *ds)
{
	int rc = 0;
	for (size_t i = 0; i < ds->n; i++)
		if (job->errors[i] != NULL) {
			rc = cli_fail_in(EXIT_INPUT, io_display_name(path), "%s", job->errors[i]);
			if (a->strict)
				return rc;
		}
	size_t usable = 0;
	for (size_t i = 0; i < ds->n; i++)
		usable += job->errors[i] == NULL;
	if (usable == 0)
		return cli_fail_in(EXIT_INPUT, io_display_name(path), "no usable records");
	return a->strict ? rc : 0;
}

/* Records skipped while loading or summarizing: the report covers the
 * others, but a run that lost records must not look like a clean one. */
static size_t skipped(const eval_job *job, const dataset *ds)
{
	size_t n = ds->bad;
	for (size_t i = 0; i < ds->n; i++)
		n += job->errors[i] != NULL;
	return n;
}

static int evaluate(const eval_args *a, const char *path, const dataset *ds,
		    const precis_idf *idf, eval_system *sys, size_t nsys)
{
	eval_job job;
	memset(&job, 0, sizeof job);
	job.ds = ds;
	job.so = &a->s;
	job.idf = idf;
	job.sys = sys;
	job.nsys = nsys;
	job.threads = a->s.jobs;
	job.want_perdoc = a->perdoc != NULL;
	job.progress = isatty(STDERR_FILENO);
	rouge_options(a, &job.ropts);
	report r = { .a = a, .dataset = io_display_name(path), .ds = ds, .job = &job };
	precis_error err;
	int rc = precis_rouge_new(&r.rouge, &job.ropts, &err) != 0 ? cli_fail_lib(NULL, &err) : 0;
	if (rc == 0) {
		job.nmetrics = precis_rouge_metric_count(r.rouge);
		r.ev = calloc(nsys, sizeof *r.ev);
		r.avg = calloc(nsys * job.nmetrics, sizeof *r.avg);
		r.words = calloc(nsys, sizeof *r.words);
		rc = r.ev && r.avg && r.words ? eval_run(&job) : cli_fail(EXIT_RUNTIME, "out of memory");
	}
	if (rc == 0)
		rc = report_errors(a, path, &job, ds);
	if (rc == 0)
		rc = collect(&r);
	if (rc == 0 && a->perdoc != NULL)
		rc = write_perdoc(&r);
	if (rc == 0)
		rc = write_report(&r);
	if (rc == 0 && skipped(&job, ds) > 0)
		rc = EXIT_INPUT; /* each one was reported with its line */
	for (size_t s = 0; r.ev && s < nsys; s++)
		precis_rouge_eval_free(r.ev[s]);
	free(r.ev);
	free(r.avg);
	free(r.words);
	precis_rouge_free(r.rouge);
	eval_job_free(&job);
	return rc;
}

int cmd_eval(int argc, char **argv)
{
	eval_args a;
	memset(&a, 0, sizeof a);
	sumopts_init(&a.s);
	a.resamples = 1000;
	int done, first;
	int rc = sumopts_parse(&a.s, &command, argc, argv, own_option, &a, &done,
			       &first);
	if (rc != 0 || done)
		return rc;
	if (argc - first != 1)
		return cli_usage_error("eval", "expected one DATASET.jsonl");
	if (a.s.auto_language)
		return cli_usage_error("eval", "-l auto is for summarize: give the data set's language");
	if (a.limit_words && a.limit_bytes)
		return cli_usage_error("eval", "--limit-words and --limit-bytes exclude each other");
	const char *path = argv[first];
	eval_system *sys = NULL;
	size_t nsys = 0;
	precis_ctx *ctx;
	precis_idf *idf;
	if ((rc = make_systems(&a, &sys, &nsys)) != 0)
		return rc;
	if ((rc = sumopts_context(&a.s, "eval", &ctx, &idf)) != 0) {
		free(sys);
		sumopts_free(&a.s);
		return rc;
	}
	precis_ctx_free(ctx); /* validated; each thread makes its own */
	dataset ds;
	rc = dataset_load(&ds, path, a.strict);
	if (rc == 0)
		rc = evaluate(&a, path, &ds, idf, sys, nsys);
	dataset_free(&ds);
	precis_idf_free(idf);
	sumopts_free(&a.s);
	free(sys);
	return rc;
}
