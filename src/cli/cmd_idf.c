/*
 * cmd_idf.c - `precis idf build|merge`: background IDF models.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/batch.h"
#include "cli/cmd.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/jsonl.h"
#include "cli/opt.h"
#include "cli/readopts.h"
#include "precis.h"

static const char usage_text[] =
	"Usage: precis idf build [OPTIONS] [FILE|-]...\n"
	"       precis idf merge [OPTIONS] MODEL...\n"
	"Build a background IDF model (document frequencies of stemmed terms) from\n"
	"a corpus, one document per FILE or per JSONL record, or merge models by\n"
	"adding their counts. Use a model with 'precis --idf MODEL'.\n"
	"\n";

typedef struct idf_args {
	const char *language, *output, *stopwords;
	int jsonl;
	unsigned flags;
	precis_read_options read;
} idf_args;

enum { OPT_LIST_LANGUAGES = 256, OPT_INPUT, OPT_LENIENT, OPT_STOPWORDS };

static const cli_opt options[] = {
	{ 'l', 'l', "language", "LANG", "language of the corpus (default en)" },
	{ OPT_LIST_LANGUAGES, 0, "list-languages", NULL,
	  "list the languages and what precis has for each" },
	{ OPT_STOPWORDS, 0, "stopwords", "FILE", "the words that are no terms, one per line, instead\n"
						 "of the language's list (an empty file: none)" },
	{ OPT_INPUT, 0, "input", "FORMAT", "text (default: one document per file) or jsonl\n"
					   "(one {\"text\"|\"article\": ...} object per line)" },
	{ OPT_LENIENT, 0, "lenient", NULL, "replace invalid UTF-8 instead of failing" },
	{ 'o', 'o', "output", "FILE", "write the model to FILE (default standard output)" },
	CLI_END
};

static const cli_opt *const tables[] = { options, readopts_options, NULL };

static const cli_command command = { "idf", usage_text, tables, NULL };

static int option(void *payload, int c, const char *arg)
{
	idf_args *a = payload;
	int rc = readopts_handle(&a->read, c, arg, "idf");
	if (rc != -1)
		return rc;
	switch (c) {
	case 'l': a->language = arg; return 0;
	case OPT_STOPWORDS: a->stopwords = arg; return 0;
	case 'o': a->output = arg; return 0;
	case OPT_LENIENT: a->flags |= PRECIS_DOC_LENIENT; return 0;
	case OPT_INPUT:
		if (strcmp(arg, "jsonl") != 0 && strcmp(arg, "text") != 0)
			return cli_usage_error("idf", "unknown input format '%s'", arg);
		a->jsonl = strcmp(arg, "jsonl") == 0;
		return 0;
	case OPT_LIST_LANGUAGES:
		args_list_languages();
		return CLI_DONE;
	default:
		return cli_usage_error("idf", "unexpected option");
	}
}

/* Adds one document's text; an unusable document is reported and skipped. */
static int add_text(precis_idf *m, precis_ctx *ctx, const idf_args *a,
		    const char *where, const char *name, const char *text,
		    size_t len)
{
	precis_doc *d;
	precis_error err;
	precis_read_options ro = a->read;
	ro.flags = a->flags;
	ro.name = name;
	if (precis_doc_read(&d, ctx, text, len, &ro, &err) != 0)
		return cli_fail_lib(where, &err);
	int rc = precis_idf_add(m, ctx, d, &err);
	precis_doc_free(d);
	return rc == 0 ? 0 : cli_fail_lib(where, &err);
}

typedef struct idf_build {
	precis_idf *model;
	precis_ctx *ctx;
	const idf_args *a;
} idf_build;

static int add_record(void *payload, const char *where, size_t line,
		      json_t *rec, FILE *out)
{
	idf_build *b = payload;
	size_t len;
	const char *t = batch_text(rec, &len);
	(void)line;
	(void)out;
	return t ? add_text(b->model, b->ctx, b->a, where, NULL, t, len)
		 : cli_fail_in(EXIT_INPUT, where, "no \"text\" or \"article\" string");
}

static int add_jsonl(precis_idf *m, precis_ctx *ctx, const idf_args *a,
		     const char *path)
{
	idf_build ib = { m, ctx, a };
	batch b = { .jsonl = 1, .record = add_record, .payload = &ib };
	return batch_jsonl(&b, path, NULL);
}

static int add_file(precis_idf *m, precis_ctx *ctx, const idf_args *a,
		    const char *path)
{
	if (a->jsonl)
		return add_jsonl(m, ctx, a, path);
	char *buf = NULL; /* a failed read leaves it unset */
	size_t len;
	int rc = io_read_all(path, &buf, &len);
	if (rc == 0)
		rc = add_text(m, ctx, a, io_display_name(path),
			      io_is_stdin(path) ? NULL : path, buf, len);
	free(buf);
	return rc;
}

static int write_model(const precis_idf *m, const char *output)
{
	io_out out;
	precis_error err;
	int rc = io_out_open(&out, output);
	if (rc != 0)
		return rc;
	if (precis_idf_write(m, io_write_file, out.fp, &err) != 0) {
		io_out_abort(&out);
		return cli_fail_in(EXIT_RUNTIME, output ? output : "<stdout>", "%s", err.message);
	}
	return io_out_commit(&out);
}

static int build(const idf_args *a, char **files, int nfiles)
{
	precis_ctx *ctx;
	precis_idf *m = NULL;
	precis_error err;
	if (precis_ctx_new(&ctx, a->language, &err) != 0)
		return cli_fail_lib(NULL, &err);
	if ((a->stopwords != NULL && args_stopwords(ctx, a->stopwords, &err) != 0) ||
	    precis_idf_new(&m, ctx, &err) != 0) {
		precis_ctx_free(ctx);
		return cli_fail_lib(NULL, &err);
	}
	char *stdin_only[] = { "-" };
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	int first = 0;
	for (int i = 0; i < nfiles; i++) {
		int rc = add_file(m, ctx, a, files[i]);
		if (rc != 0 && first == 0)
			first = rc;
	}
	/* Every bad document is reported, but a model that lacks some of its
	 * corpus is not the model asked for: none is written, and an older
	 * -o file stays as it was. */
	int rc = first;
	if (rc == 0 && precis_idf_documents(m) == 0)
		rc = cli_fail_in(EXIT_INPUT, a->output ? a->output : "<stdout>",
				 "no document to count: the model would be empty");
	if (rc == 0)
		rc = write_model(m, a->output);
	precis_idf_free(m);
	precis_ctx_free(ctx);
	return rc;
}

static int merge(const idf_args *a, char **files, int nfiles)
{
	if (nfiles == 0)
		return cli_usage_error("idf", "merge needs at least one MODEL");
	precis_idf *sum = NULL;
	int rc = 0;
	for (int i = 0; i < nfiles && rc == 0; i++) {
		precis_idf *m;
		precis_error err;
		rc = io_load_idf(files[i], &m);
		if (rc != 0)
			break;
		if (sum == NULL) {
			sum = m;
			continue;
		}
		if (precis_idf_merge(sum, m, &err) != 0)
			rc = cli_fail_in(EXIT_INPUT, files[i], "%s", err.message);
		precis_idf_free(m);
	}
	if (rc == 0)
		rc = write_model(sum, a->output);
	precis_idf_free(sum);
	return rc;
}

int cmd_idf(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("idf", "missing subcommand: build or merge");
	const char *sub = argv[1];
	int done, first, rc;
	idf_args a;
	memset(&a, 0, sizeof a);
	precis_read_options_init(&a.read);
	if (sub[0] == '-') { /* --help or --version need no subcommand */
		rc = cli_parse(&command, argc, argv, option, &a, &done, &first);
		if (rc != 0 || done)
			return rc;
		return cli_usage_error("idf", "missing subcommand: build or merge");
	}
	if (strcmp(sub, "build") != 0 && strcmp(sub, "merge") != 0)
		return cli_usage_error("idf", "unknown subcommand '%s' (build, merge)", sub);
	rc = cli_parse(&command, argc - 1, argv + 1, option, &a, &done, &first);
	if (rc != 0 || done)
		return rc;
	char **rest = argv + 1 + first;
	int nrest = argc - 1 - first;
	return strcmp(sub, "build") == 0 ? build(&a, rest, nrest) : merge(&a, rest, nrest);
}
