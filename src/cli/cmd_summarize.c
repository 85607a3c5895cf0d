/*
 * cmd_summarize.c - `precis [summarize] [OPTIONS] [FILE|-]...`: one summary
 * per input, in document order.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "error.h"
#include "io.h"
#include "precis.h"

static const char usage_text[] =
	"Usage: precis [summarize] [OPTIONS] [FILE|-]...\n"
	"Summarize each FILE (standard input when none, or '-') into its most\n"
	"informative sentences, printed in document order, one per line.\n"
	"\n"
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
	"  -l, --language=LANG   language of the input: ISO 639-1 code or English\n"
	"                        name (default en)\n"
	"Input and output:\n"
	"      --title=TEXT      the headline, when the input does not start with one\n"
	"      --lenient         replace invalid UTF-8 with U+FFFD instead of failing\n"
	"  -f, --format=FORMAT   text (default) or json\n"
	"  -o, --output=FILE     write to FILE (atomically: temporary file, rename)\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"Exit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n";

typedef struct sum_args {
	precis_options opts;
	const char *language, *title, *output;
	precis_format format;
	unsigned flags;
	double param[PRECIS_PARAM_COUNT_];
	unsigned char param_given[PRECIS_PARAM_COUNT_];
} sum_args;

enum { OPT_RATIO = 256, OPT_WORDS, OPT_BYTES, OPT_LENIENT, OPT_LIST_METHODS,
       OPT_SEED, OPT_SET, OPT_LIST_PARAMS, OPT_TITLE };

static const struct option long_opts[] = {
	{ "sentences", required_argument, NULL, 'n' },
	{ "ratio", required_argument, NULL, OPT_RATIO },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "bytes", required_argument, NULL, OPT_BYTES },
	{ "method", required_argument, NULL, 'm' },
	{ "list-methods", no_argument, NULL, OPT_LIST_METHODS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "set", required_argument, NULL, OPT_SET },
	{ "list-params", no_argument, NULL, OPT_LIST_PARAMS },
	{ "language", required_argument, NULL, 'l' },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "lenient", no_argument, NULL, OPT_LENIENT },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

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
		printf("%-18s  default %g, range [%g, %g]\n",
		       precis_param_name((precis_param)id), def, lo, hi);
	}
}

static int parse_set(sum_args *a, const char *arg)
{
	const char *eq = strchr(arg, '=');
	double v;
	if (eq == NULL || args_double(eq + 1, &v) != 0)
		return cli_usage_error("summarize", "--set wants NAME=VALUE, got '%s'", arg);
	for (int id = 0; id < PRECIS_PARAM_COUNT_; id++) {
		const char *name = precis_param_name((precis_param)id);
		if (strlen(name) == (size_t)(eq - arg) &&
		    strncmp(name, arg, (size_t)(eq - arg)) == 0) {
			double lo, hi;
			precis_param_bounds((precis_param)id, &lo, &hi, NULL);
			if (v < lo || v > hi)
				return cli_usage_error("summarize", "%.*s must be in [%g, %g]",
						       (int)(eq - arg), arg, lo, hi);
			a->param[id] = v;
			a->param_given[id] = 1;
			return 0;
		}
	}
	return cli_usage_error("summarize", "unknown parameter '%.*s' (see --list-params)",
			       (int)(eq - arg), arg);
}

static int parse_option(sum_args *a, int c, const char *arg, int *done)
{
	size_t n;
	switch (c) {
	case 'n':
		if (args_size(arg, 1, SIZE_MAX, &n) != 0)
			return cli_usage_error("summarize", "invalid sentence count '%s'", arg);
		a->opts.sentences = n;
		return 0;
	case OPT_RATIO:
		if (args_double(arg, &a->opts.ratio) != 0 || !(a->opts.ratio > 0.0) ||
		    a->opts.ratio > 1.0)
			return cli_usage_error("summarize", "invalid ratio '%s' (0 < R <= 1)", arg);
		return 0;
	case OPT_WORDS:
		if (args_size(arg, 1, SIZE_MAX, &a->opts.words) != 0)
			return cli_usage_error("summarize", "invalid word count '%s'", arg);
		return 0;
	case OPT_BYTES:
		if (args_size(arg, 1, SIZE_MAX, &a->opts.bytes) != 0)
			return cli_usage_error("summarize", "invalid byte count '%s'", arg);
		return 0;
	case OPT_SEED:
		if (args_size(arg, 0, SIZE_MAX, &n) != 0)
			return cli_usage_error("summarize", "invalid seed '%s'", arg);
		a->opts.seed = (unsigned long)n;
		return 0;
	case 'm': a->opts.method = arg; return 0;
	case 'l': a->language = arg; return 0;
	case 'o': a->output = arg; return 0;
	case OPT_TITLE: a->title = arg; return 0;
	case OPT_LENIENT: a->flags |= PRECIS_DOC_LENIENT; return 0;
	case OPT_SET: return parse_set(a, arg);
	case 'f':
		if (strcmp(arg, "text") == 0)
			a->format = PRECIS_FORMAT_TEXT;
		else if (strcmp(arg, "json") == 0)
			a->format = PRECIS_FORMAT_JSON;
		else
			return cli_usage_error("summarize", "unknown format '%s' (text, json)", arg);
		return 0;
	case 'h': fputs(usage_text, stdout); *done = 1; return 0;
	case 'V': printf("precis %s\n", precis_version()); *done = 1; return 0;
	case OPT_LIST_METHODS: list_methods(); *done = 1; return 0;
	case OPT_LIST_PARAMS: list_params(); *done = 1; return 0;
	default: return cli_usage_error("summarize", "invalid option");
	}
}

/* Parses argv; *done when an informational option already answered. */
static int parse_args(sum_args *a, int argc, char **argv, int *done)
{
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:m:l:f:o:hV", long_opts, NULL)) != -1) {
		if (c == '?') {
			if (optopt != 0)
				return cli_usage_error("summarize", "unknown option '-%c'", optopt);
			return cli_usage_error("summarize", "unknown option '%s'", argv[optind - 1]);
		}
		if (c == ':')
			return cli_usage_error("summarize", "option '%s' needs a value",
					       argv[optind - 1]);
		int rc = parse_option(a, c, optarg, done);
		if (rc != 0 || *done)
			return rc;
	}
	return 0;
}

static int summarize_one(precis_ctx *ctx, const sum_args *a, const char *path,
			 int header, FILE *out)
{
	const char *name = io_display_name(path);
	char *buf;
	size_t len;
	int rc = io_read_all(path, &buf, &len);
	if (rc != 0)
		return rc;
	precis_error err;
	precis_doc *doc = NULL;
	precis_summary *sum = NULL;
	if (precis_doc_new(&doc, ctx, buf, len, a->title, a->flags, &err) != 0 ||
	    precis_summarize(&sum, ctx, doc, &a->opts, &err) != 0) {
		rc = cli_fail_lib(name, &err);
		goto done;
	}
	if (precis_doc_repairs(doc) > 0)
		cli_warn(name, "replaced %zu invalid UTF-8 sequence(s)", precis_doc_repairs(doc));
	if (header && a->format == PRECIS_FORMAT_TEXT)
		fprintf(out, "==> %s <==\n", name);
	if (precis_summary_render(sum, doc, a->format, name, io_write_file, out, &err) != 0)
		rc = cli_fail_in(EXIT_RUNTIME, "<output>", "%s", err.message);
done:
	precis_summary_free(sum);
	precis_doc_free(doc);
	free(buf);
	return rc;
}

static int run_files(precis_ctx *ctx, const sum_args *a, char **files, int nfiles)
{
	io_out out;
	int rc = io_out_open(&out, a->output), first = 0;
	if (rc != 0)
		return rc;
	char *stdin_only[] = { "-" };
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++) {
		if (i > 0 && nfiles > 1 && a->format == PRECIS_FORMAT_TEXT)
			fputc('\n', out.fp);
		rc = summarize_one(ctx, a, files[i], nfiles > 1, out.fp);
		if (rc != 0 && first == 0)
			first = rc;
	}
	/* A failure leaves no output file behind, never a partial one. */
	if (first != 0 && a->output != NULL) {
		io_out_abort(&out);
		return first;
	}
	rc = io_out_commit(&out);
	return first != 0 ? first : rc;
}

int cmd_summarize(int argc, char **argv)
{
	sum_args a;
	memset(&a, 0, sizeof a);
	precis_options_init(&a.opts);
	int done = 0, rc = parse_args(&a, argc, argv, &done);
	if (rc != 0 || done)
		return rc;
	precis_ctx *ctx;
	precis_error err;
	if (precis_ctx_new(&ctx, a.language, &err) != 0)
		return cli_fail_lib(NULL, &err);
	for (int id = 0; id < PRECIS_PARAM_COUNT_; id++)
		if (a.param_given[id])
			precis_ctx_set_param(ctx, (precis_param)id, a.param[id]);
	if (a.opts.method != NULL) {
		int known = 0;
		for (size_t i = 0; precis_method_name(i) != NULL; i++)
			known |= strcmp(precis_method_name(i), a.opts.method) == 0;
		if (!known) {
			precis_ctx_free(ctx);
			return cli_usage_error("summarize", "unknown method '%s' (see --list-methods)",
					       a.opts.method);
		}
	}
	rc = run_files(ctx, &a, argv + optind, argc - optind);
	precis_ctx_free(ctx);
	return rc;
}
