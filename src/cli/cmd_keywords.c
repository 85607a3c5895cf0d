/*
 * cmd_keywords.c - `precis keywords [OPTIONS] [FILE|-]...`: the keyphrases
 * of each input, best first, in the words the text uses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/autolang.h"
#include "cli/batch.h"
#include "cli/cmd.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/jsonl.h"
#include "cli/opt.h"
#include "cli/readopts.h"
#include "cli/source.h"
#include "cli/workers.h"
#include "precis.h"

static const char usage_text[] =
	"Usage: precis keywords [OPTIONS] [FILE|URL|-]...\n"
	"Print the keywords and keyphrases of each FILE or http(s) URL (standard\n"
	"input when none, or '-'), best first, one per line, as the text writes\n"
	"them: TextRank on the content words, biased to words that come early\n"
	"and often.\n"
	"\n";

typedef struct kw_args {
	const char *language, *output, *id_prefix; /* language NULL: detected */
	size_t count;
	int jsonl, json, strict, drop_errors, jobs;
	unsigned flags;
	precis_read_options read; /* --input-format, --wrap, --encoding */
	precis_ctx *ctx;          /* the calling thread's */
	precis_detector *det;     /* without -l: shared, only read */
	autolang al;              /* without -l: this thread's contexts */
} kw_args;

enum { OPT_INPUT = 256, OPT_STRICT, OPT_DROP_ERRORS, OPT_ID_PREFIX, OPT_LENIENT,
       OPT_LIST_LANGUAGES };

static const cli_opt options[] = {
	{ 'n', 'n', "count", "N", "print up to N keywords (default 10)" },
	{ 'l', 'l', "language", "LANG", "language of the input: ISO 639-1 code or English\n"
					  "name, or auto: detected per input (the default)" },
	{ OPT_LIST_LANGUAGES, 0, "list-languages", NULL,
	  "list the languages and what precis has for each" },
	{ OPT_LENIENT, 0, "lenient", NULL, "replace invalid UTF-8 with U+FFFD instead of failing" },
	{ OPT_INPUT, 0, "input", "FORMAT",
	  "text (default) or jsonl: one {\"id\", \"text\"|\"article\"}\n"
	  "object per line, one {\"id\", \"keywords\"} record out per line" },
	{ OPT_STRICT, 0, "strict", NULL, "with jsonl input, stop at the first bad record" },
	{ OPT_DROP_ERRORS, 0, "drop-errors", NULL,
	  "with jsonl input, leave a bad record out of the output\n"
	  "instead of writing an {\"id\", \"line\", \"error\"} record" },
	{ OPT_ID_PREFIX, 0, "id-prefix", "TEXT",
	  "with jsonl input, put TEXT before the \"line-N\" id of a\n"
	  "record without one" },
	{ 'f', 'f', "format", "FORMAT", "text (default) or json: each keyword with its score,\n"
					"count and first byte offset" },
	{ 'j', 'j', "jobs", "N", "work on N inputs at a time (0: one per online CPU)" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically: temporary file, rename)" },
	CLI_END
};

static const cli_opt *const tables[] = { options, readopts_options, NULL };

static const cli_command command = {
	"keywords", usage_text, tables,
	"\nExit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input\n"
	"(no keywords in a text among them).\n"
};

static int option(void *payload, int c, const char *arg)
{
	kw_args *a = payload;
	int rc = readopts_handle(&a->read, c, arg, "keywords");
	if (rc != -1)
		return rc;
	switch (c) {
	case 'n':
		if (args_size(arg, 1, 100000, &a->count) != 0)
			return cli_usage_error("keywords", "invalid keyword count '%s' (1 to 100000)", arg);
		return 0;
	case 'l': a->language = strcmp(arg, "auto") == 0 ? NULL : arg; return 0;
	case 'o': a->output = arg; return 0;
	case OPT_LENIENT: a->flags |= PRECIS_DOC_LENIENT; return 0;
	case OPT_STRICT: a->strict = 1; return 0;
	case OPT_DROP_ERRORS: a->drop_errors = 1; return 0;
	case OPT_ID_PREFIX:
		if (strlen(arg) > JSONL_PREFIX_MAX)
			return cli_usage_error("keywords", "--id-prefix is longer than %d bytes",
					       (int)JSONL_PREFIX_MAX);
		a->id_prefix = arg;
		return 0;
	case OPT_INPUT:
		if (strcmp(arg, "text") != 0 && strcmp(arg, "jsonl") != 0)
			return cli_usage_error("keywords", "unknown input format '%s' (text, jsonl)", arg);
		a->jsonl = strcmp(arg, "jsonl") == 0;
		return 0;
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0)
			return cli_usage_error("keywords", "unknown format '%s' (text, json)", arg);
		a->json = strcmp(arg, "json") == 0;
		return 0;
	case 'j':
		if (workers_count(arg, &a->jobs) != 0)
			return cli_usage_error("keywords", "invalid thread count '%s' (0 to 256)", arg);
		return 0;
	case OPT_LIST_LANGUAGES:
		args_list_languages();
		return CLI_DONE;
	default:
		return cli_usage_error("keywords", "invalid option");
	}
}

/* The keywords of one text, rendered; errors name `where`. `src` (NULL
 * for a record) tells how a file or URL is read; `owned` (may be NULL) is
 * freed once the document holds its copy. */
static int keywords_text(kw_args *a, const char *where, const char *name,
			 const source *src, const char *text, size_t len,
			 char *owned, precis_format format, FILE *out)
{
	precis_error err;
	precis_doc *doc = NULL;
	precis_keywords *kw = NULL;
	precis_ctx *ctx = a->ctx;
	int rc = 0;
	precis_read_options ro = src != NULL ? source_options(src, &a->read) : a->read;
	ro.flags = a->flags;
	int built = a->det != NULL ? autolang_read(&a->al, &ctx, text, len, &ro, &doc, &err)
				   : precis_doc_read(&doc, ctx, text, len, &ro, &err);
	free(owned);
	if (built != 0 || precis_keywords_new(&kw, ctx, doc, a->count, &err) != 0) {
		rc = cli_fail_lib(where, &err);
		goto done;
	}
	if (precis_doc_repairs(doc) > 0)
		cli_warn(where, "replaced %zu invalid UTF-8 sequence(s)", precis_doc_repairs(doc));
	if (precis_keywords_count(kw) == 0) {
		rc = cli_fail_in(EXIT_INPUT, where, "no keywords found");
		goto done;
	}
	if (precis_keywords_render(kw, format, name, io_write_file, out, &err) != 0)
		rc = cli_fail_in(EXIT_RUNTIME, "<output>", "%s", err.message);
done:
	precis_keywords_free(kw);
	precis_doc_free(doc);
	return rc;
}

static int keywords_file(void *payload, const char *path, int index,
			 int nfiles, FILE *out)
{
	kw_args *a = payload;
	const char *name = io_display_name(path);
	source src;
	int rc = source_read(path, &src);
	if (rc != 0)
		return rc;
	if (index > 0 && !a->json)
		fputc('\n', out);
	if (nfiles > 1 && !a->json)
		fprintf(out, "==> %s <==\n", name);
	/* The bytes are keywords_text()'s now. */
	char *owned = src.data;
	src.data = NULL;
	return keywords_text(a, name, name, &src, owned, src.len, owned,
			     a->json ? PRECIS_FORMAT_JSON : PRECIS_FORMAT_TEXT, out);
}

static int keywords_record(void *payload, const char *where, size_t line,
			   json_t *rec, FILE *out)
{
	kw_args *a = payload;
	char idbuf[JSONL_ID_MAX];
	size_t len;
	const char *text = batch_text(rec, &len);
	if (text == NULL)
		return cli_fail_in(EXIT_INPUT, where, "no \"text\" or \"article\" string");
	const char *id = jsonl_id(rec, line, a->id_prefix, idbuf);
	return keywords_text(a, where, id, NULL, text, len, NULL,
			     a->json ? PRECIS_FORMAT_JSON_RECORD : PRECIS_FORMAT_JSONL, out);
}

/* autolang's maker: a context in `language`. */
static int make_ctx(const void *payload, const char *language, precis_ctx **ctx,
		    precis_error *err)
{
	(void)payload;
	return precis_ctx_new(ctx, language, err);
}

static int thread_open(void *payload, void **local)
{
	const kw_args *a = payload;
	kw_args *t = malloc(sizeof *t);
	precis_error err;
	if (t == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	*t = *a;
	t->al.other = NULL;
	if (precis_ctx_new(&t->ctx, a->language, &err) != 0) {
		free(t);
		return cli_fail_lib(NULL, &err);
	}
	*local = t;
	return 0;
}

static void thread_close(void *local)
{
	kw_args *t = local;
	precis_ctx_free(t->ctx);
	autolang_clear(&t->al);
	free(t);
}

int cmd_keywords(int argc, char **argv)
{
	kw_args a;
	memset(&a, 0, sizeof a);
	a.count = 10;
	a.jobs = 1;
	precis_read_options_init(&a.read);
	int done, first;
	int rc = cli_parse(&command, argc, argv, option, &a, &done, &first);
	if (rc != 0 || done)
		return rc;
	precis_error err;
	if (precis_ctx_new(&a.ctx, a.language, &err) != 0)
		return cli_fail_lib(NULL, &err);
	if (a.language == NULL && precis_detector_new(&a.det, &err) != 0) {
		precis_ctx_free(a.ctx);
		return cli_fail_lib(NULL, &err);
	}
	a.al = (autolang){ a.det, make_ctx, NULL, NULL };
	batch b = { a.output, a.jsonl, a.strict, keywords_file, keywords_record, &a,
		    a.jobs, thread_open, thread_close, !a.drop_errors, a.id_prefix };
	rc = batch_run(&b, argv + first, argc - first);
	autolang_clear(&a.al);
	precis_detector_free(a.det);
	precis_ctx_free(a.ctx);
	return rc;
}
