/*
 * sumopts.c - parsing of the options `summarize` and `eval` share.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/sumopts.h"
#include "cli/workers.h"

enum { OPT_RATIO = SUMOPT_FIRST, OPT_WORDS, OPT_BYTES, OPT_LENIENT,
       OPT_LIST_METHODS, OPT_SEED, OPT_SET, OPT_LIST_PARAMS, OPT_TITLE,
       OPT_IDF, OPT_LIST_LANGUAGES, OPT_MODEL, OPT_STOPWORDS };

const cli_opt sumopts_options[] = {
	CLI_TEXT("Budget (default: 3 sentences):\n"),
	{ 'n', 'n', "sentences", "N", "pick N sentences" },
	{ OPT_RATIO, 0, "ratio", "R", "pick this fraction (0 < R <= 1) of the sentences" },
	{ OPT_WORDS, 0, "words", "N", "pick sentences up to N words in all" },
	{ OPT_BYTES, 0, "bytes", "N", "pick sentences up to N bytes in all" },
	CLI_TEXT("Method:\n"),
	{ 'm', 'm', "method", "NAME", "ranking method (default tfidf; see --list-methods)" },
	{ OPT_LIST_METHODS, 0, "list-methods", NULL, "list the methods and exit" },
	{ OPT_SEED, 0, "seed", "N", "seed for randomized methods" },
	{ OPT_SET, 0, "set", "NAME=VALUE", "set a ranking parameter (see --list-params)" },
	{ OPT_LIST_PARAMS, 0, "list-params", NULL, "list the parameters with bounds and defaults" },
	{ OPT_MODEL, 0, "model", "MODEL", "score with a learned model (precis train); implies\n"
					  "-m learned" },
	{ OPT_IDF, 0, "idf", "MODEL", "weigh terms by a background IDF model (precis idf)" },
	{ 'l', 'l', "language", "LANG", "language of the input: ISO 639-1 code or English\n"
					  "name, or auto: detected per input (summarize's\n"
					  "default; eval's is en)" },
	{ OPT_LIST_LANGUAGES, 0, "list-languages", NULL,
	  "list the languages and what precis has for each" },
	{ OPT_STOPWORDS, 0, "stopwords", "FILE", "the words that are no terms, one per line, instead\n"
						 "of the language's list (an empty file: none)" },
	{ OPT_TITLE, 0, "title", "TEXT", "the headline, when the input does not start with one" },
	{ OPT_LENIENT, 0, "lenient", NULL, "replace invalid UTF-8 with U+FFFD instead of failing" },
	CLI_TEXT("Threads:\n"),
	{ 'j', 'j', "jobs", "N", "work on N inputs at a time (default 1; 0: one per\n"
				 "online CPU); the output is the same" },
	CLI_END
};

void sumopts_init(sumopts *s)
{
	memset(s, 0, sizeof *s);
	precis_options_init(&s->opts);
	precis_read_options_init(&s->read);
	s->jobs = 1;
}

void sumopts_free(sumopts *s)
{
	precis_model_free(s->model);
	s->model = NULL;
}

static void list_methods(void)
{
	const char *name;
	for (size_t i = 0; (name = precis_method_name(i)) != NULL; i++)
		printf("%-10s  %s\n", name, precis_method_summary(i));
}

static void list_params(void)
{
	for (int id = 0; id < PRECIS_PARAM_COUNT_; id++) {
		double lo, hi, def;
		precis_param_bounds((precis_param)id, &lo, &hi, &def);
		printf("%-20s  default %g, range [%g, %g]\n",
		       precis_param_name((precis_param)id), def, lo, hi);
	}
}

static int parse_set(sumopts *s, const char *arg, const char *cmd)
{
	const char *eq = strchr(arg, '=');
	double v;
	if (eq == NULL || args_double(eq + 1, &v) != 0)
		return cli_usage_error(cmd, "--set wants NAME=VALUE, got '%s'", arg);
	int len = (int)(eq - arg);
	for (int id = 0; id < PRECIS_PARAM_COUNT_; id++) {
		const char *name = precis_param_name((precis_param)id);
		if (strlen(name) != (size_t)len || strncmp(name, arg, (size_t)len) != 0)
			continue;
		double lo, hi;
		precis_param_bounds((precis_param)id, &lo, &hi, NULL);
		if (!(v >= lo && v <= hi))
			return cli_usage_error(cmd, "%.*s must be in [%g, %g]", len, arg, lo, hi);
		s->param[id] = v;
		s->param_given[id] = 1;
		return 0;
	}
	return cli_usage_error(cmd, "unknown parameter '%.*s' (see --list-params)", len, arg);
}

static int parse_budget(sumopts *s, int c, const char *arg, const char *cmd)
{
	size_t n;
	switch (c) {
	case 'n':
		if (args_size(arg, 1, SIZE_MAX, &n) != 0)
			return cli_usage_error(cmd, "invalid sentence count '%s'", arg);
		s->opts.sentences = n;
		return 0;
	case OPT_RATIO:
		if (args_double(arg, &s->opts.ratio) != 0 || !(s->opts.ratio > 0.0) ||
		    s->opts.ratio > 1.0)
			return cli_usage_error(cmd, "invalid ratio '%s' (0 < R <= 1)", arg);
		return 0;
	case OPT_WORDS:
		if (args_size(arg, 1, SIZE_MAX, &s->opts.words) != 0)
			return cli_usage_error(cmd, "invalid word count '%s'", arg);
		return 0;
	case OPT_BYTES:
		if (args_size(arg, 1, SIZE_MAX, &s->opts.bytes) != 0)
			return cli_usage_error(cmd, "invalid byte count '%s'", arg);
		return 0;
	default: /* OPT_SEED */
		if (args_size(arg, 0, SIZE_MAX, &n) != 0)
			return cli_usage_error(cmd, "invalid seed '%s'", arg);
		s->opts.seed = (unsigned long)n;
		return 0;
	}
}

int sumopts_handle(sumopts *s, int c, const char *arg, const char *cmd,
		   int *done)
{
	int rc = readopts_handle(&s->read, c, arg, cmd);
	if (rc != -1)
		return rc;
	switch (c) {
	case 'n': case OPT_RATIO: case OPT_WORDS: case OPT_BYTES: case OPT_SEED:
		return parse_budget(s, c, arg, cmd);
	case 'm': s->opts.method = arg; return 0;
	case 'l':
		s->auto_language = strcmp(arg, "auto") == 0;
		s->language = s->auto_language ? NULL : arg;
		return 0;
	case OPT_TITLE: s->title = arg; return 0;
	case OPT_IDF: s->idf = arg; return 0;
	case OPT_MODEL: s->model_path = arg; return 0;
	case OPT_STOPWORDS: s->stopwords = arg; return 0;
	case OPT_LENIENT: s->flags |= PRECIS_DOC_LENIENT; return 0;
	case 'j':
		if (workers_count(arg, &s->jobs) != 0)
			return cli_usage_error(cmd, "invalid thread count '%s' (0 to 256)", arg);
		return 0;
	case OPT_SET: return parse_set(s, arg, cmd);
	case OPT_LIST_METHODS: list_methods(); *done = 1; return 0;
	case OPT_LIST_PARAMS: list_params(); *done = 1; return 0;
	case OPT_LIST_LANGUAGES: args_list_languages(); *done = 1; return 0;
	default: return -1;
	}
}

static int check_method(const char *method, const char *cmd)
{
	if (method == NULL)
		return 0;
	for (size_t i = 0; precis_method_name(i) != NULL; i++)
		if (strcmp(precis_method_name(i), method) == 0)
			return 0;
	return cli_usage_error(cmd, "unknown method '%s' (see --list-methods)", method);
}

/* A model weighs terms of its own language: with -l auto, documents
 * detected in another are weighed by their own sentences. */
static int idf_applies(const sumopts *s, const precis_idf *idf,
		       const precis_ctx *ctx)
{
	return !s->auto_language ||
	       strcmp(precis_idf_language(idf), precis_ctx_language(ctx)) == 0;
}

int sumopts_context(sumopts *s, const char *cmd, precis_ctx **ctx,
		    precis_idf **idf)
{
	precis_error err;
	*ctx = NULL;
	*idf = NULL;
	int rc = check_method(s->opts.method, cmd);
	if (rc != 0)
		return rc;
	if (s->model_path != NULL) {
		if (s->opts.method == NULL)
			s->opts.method = "learned";
		if (strcmp(s->opts.method, "learned") != 0)
			return cli_usage_error(cmd, "--model is for -m learned, not -m %s",
					       s->opts.method);
		if ((rc = io_load_model(s->model_path, &s->model)) != 0)
			return rc;
	}
	if (sumopts_ctx(s, NULL, ctx, &err) != 0)
		return cli_fail_lib(NULL, &err);
	if (s->idf != NULL && (rc = io_load_idf(s->idf, idf)) == 0 &&
	    idf_applies(s, *idf, *ctx) && precis_ctx_set_idf(*ctx, *idf, &err) != 0)
		rc = cli_fail_lib(s->idf, &err);
	if (rc != 0) {
		precis_ctx_free(*ctx);
		precis_idf_free(*idf);
		*ctx = NULL;
		*idf = NULL;
	}
	return rc;
}

int sumopts_ctx(const sumopts *s, const precis_idf *idf, precis_ctx **ctx,
		precis_error *err)
{
	return sumopts_ctx_in(s, s->language, idf, ctx, err);
}

int sumopts_ctx_in(const sumopts *s, const char *language,
		   const precis_idf *idf, precis_ctx **ctx, precis_error *err)
{
	if (precis_ctx_new(ctx, language, err) != 0)
		return -1;
	if (s->stopwords != NULL && args_stopwords(*ctx, s->stopwords, err) != 0) {
		precis_ctx_free(*ctx);
		*ctx = NULL;
		return -1;
	}
	for (int id = 0; id < PRECIS_PARAM_COUNT_; id++)
		if (s->param_given[id])
			precis_ctx_set_param(*ctx, (precis_param)id, s->param[id]);
	if ((idf != NULL && idf_applies(s, idf, *ctx) &&
	     precis_ctx_set_idf(*ctx, idf, err) != 0) ||
	    precis_ctx_set_model(*ctx, s->model, err) != 0) {
		precis_ctx_free(*ctx);
		*ctx = NULL;
		return -1;
	}
	return 0;
}

typedef struct dispatch {
	sumopts *s;
	const char *cmd;
	sumopts_own_fn own;
	void *payload;
} dispatch;

static int shared_or_own(void *payload, int id, const char *arg)
{
	dispatch *d = payload;
	int done = 0, rc = sumopts_handle(d->s, id, arg, d->cmd, &done);
	if (rc == -1)
		return d->own(d->payload, id, arg);
	return rc == 0 && done ? CLI_DONE : rc;
}

int sumopts_parse(sumopts *s, const cli_command *cmd, int argc, char **argv,
		  sumopts_own_fn own, void *payload, int *done, int *first)
{
	dispatch d = { s, cmd->name, own, payload };
	return cli_parse(cmd, argc, argv, shared_or_own, &d, done, first);
}
