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
       OPT_IDF, OPT_LIST_LANGUAGES, OPT_STOPWORDS };

const char sumopts_short[] = "n:m:l:j:";

const char sumopts_help[] =
	"Budget (default: 3 sentences):\n"
	"  -n, --sentences=N     pick N sentences\n"
	"      --ratio=R         pick this fraction (0 < R <= 1) of the sentences\n"
	"      --words=N         pick sentences up to N words in all\n"
	"      --bytes=N         pick sentences up to N bytes in all\n"
	"Method:\n"
	"  -m, --method=NAME     ranking method (default tfidf; see --list-methods)\n"
	"      --list-methods    list the methods and exit\n"
	"      --seed=N          seed for randomized methods\n"
	"      --set=NAME=VALUE  set a ranking parameter (see --list-params)\n"
	"      --list-params     list the parameters with bounds and defaults\n"
	"      --idf=MODEL       weigh terms by a background IDF model (precis idf)\n"
	"  -l, --language=LANG   language of the input: ISO 639-1 code or English\n"
	"                        name (default en), or auto: detected per input\n"
	"      --list-languages  list the languages and what precis has for each\n"
	"      --stopwords=FILE  the words that are no terms, one per line, instead\n"
	"                        of the language's list (an empty file: none)\n"
	"      --title=TEXT      the headline, when the input does not start with one\n"
	"      --lenient         replace invalid UTF-8 with U+FFFD instead of failing\n"
	"Threads:\n"
	"  -j, --jobs=N          work on N inputs at a time (default 1; 0: one per\n"
	"                        online CPU); the output is the same\n";

static const struct option shared[] = {
	{ "sentences", required_argument, NULL, 'n' },
	{ "ratio", required_argument, NULL, OPT_RATIO },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "bytes", required_argument, NULL, OPT_BYTES },
	{ "method", required_argument, NULL, 'm' },
	{ "list-methods", no_argument, NULL, OPT_LIST_METHODS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "set", required_argument, NULL, OPT_SET },
	{ "list-params", no_argument, NULL, OPT_LIST_PARAMS },
	{ "idf", required_argument, NULL, OPT_IDF },
	{ "language", required_argument, NULL, 'l' },
	{ "list-languages", no_argument, NULL, OPT_LIST_LANGUAGES },
	{ "stopwords", required_argument, NULL, OPT_STOPWORDS },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "lenient", no_argument, NULL, OPT_LENIENT },
	{ "jobs", required_argument, NULL, 'j' },
};

#define NSHARED (sizeof shared / sizeof shared[0])

void sumopts_init(sumopts *s)
{
	memset(s, 0, sizeof *s);
	precis_options_init(&s->opts);
	s->jobs = 1;
}

void sumopts_print_help(const char *usage, const char *own_help)
{
	fputs(usage, stdout);
	fputs(sumopts_help, stdout);
	fputs(own_help, stdout);
}

struct option *sumopts_table(const struct option *own)
{
	size_t n = 0;
	while (own[n].name != NULL)
		n++;
	struct option *t = calloc(NSHARED + n + 1, sizeof *t);
	if (t != NULL) {
		memcpy(t, shared, sizeof shared);
		memcpy(t + NSHARED, own, n * sizeof *own);
	}
	return t;
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

int sumopts_context(const sumopts *s, const char *cmd, precis_ctx **ctx,
		    precis_idf **idf)
{
	precis_error err;
	*ctx = NULL;
	*idf = NULL;
	int rc = check_method(s->opts.method, cmd);
	if (rc != 0)
		return rc;
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
	if (idf != NULL && idf_applies(s, idf, *ctx) &&
	    precis_ctx_set_idf(*ctx, idf, err) != 0) {
		precis_ctx_free(*ctx);
		*ctx = NULL;
		return -1;
	}
	return 0;
}

int sumopts_parse(sumopts *s, int argc, char **argv, const char *cmd,
		  const char *own_short, const struct option *own,
		  sumopts_own_fn own_fn, void *payload, int *done)
{
	struct option *table = sumopts_table(own);
	char shorts[64];
	snprintf(shorts, sizeof shorts, ":%s%s", sumopts_short, own_short);
	if (table == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while (rc == 0 && !*done &&
	       (c = getopt_long(argc, argv, shorts, table, NULL)) != -1) {
		if (c == '?')
			rc = optopt != 0 && optopt < 256
				     ? cli_usage_error(cmd, "unknown option '-%c'", optopt)
				     : cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		else if (c == ':')
			rc = cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
		else if ((rc = sumopts_handle(s, c, optarg, cmd, done)) == -1)
			rc = own_fn(payload, c, optarg, done);
	}
	free(table);
	return rc;
}
