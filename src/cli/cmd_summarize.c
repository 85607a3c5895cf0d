/*
 * cmd_summarize.c - `precis [summarize] [OPTIONS] [FILE|-]...`: one summary
 * per input, in document order.
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
#include "cli/source.h"
#include "cli/sumopts.h"
#include "precis.h"

static const char usage_text[] =
	"Usage: precis [summarize] [OPTIONS] [FILE|URL|-]...\n"
	"Summarize each FILE or http(s) URL (standard input when none, or '-')\n"
	"into its most informative sentences, printed in document order, one\n"
	"per line. Reads plain text (hard-wrapped or not), Markdown, web pages\n"
	"and subtitles, in UTF-8 or --encoding, gzip-compressed or not.\n"
	"\n";

typedef struct sum_args {
	sumopts s;
	const char *output, *id_prefix;
	int jsonl, strict, drop_errors;
	size_t keywords;        /* --keywords=N: 0 for none */
	precis_format format;
	precis_ctx *ctx;        /* the calling thread's */
	const precis_idf *idf;  /* shared by every thread's context */
	precis_detector *det;   /* -l auto: shared, only read */
	autolang al;            /* -l auto: this thread's contexts */
} sum_args;

enum { OPT_INPUT = 256, OPT_STRICT, OPT_DROP_ERRORS, OPT_ID_PREFIX, OPT_KEYWORDS };

static const cli_opt own_in[] = {
	CLI_TEXT("Input and output:\n"),
	{ OPT_INPUT, 0, "input", "FORMAT",
	  "text (default) or jsonl: one {\"id\", \"text\"|\"article\",\n"
	  "\"title\"?} object per line, one JSON record out per line" },
	{ OPT_STRICT, 0, "strict", NULL, "with jsonl input, stop at the first bad record" },
	{ OPT_DROP_ERRORS, 0, "drop-errors", NULL,
	  "with jsonl input, leave a bad record out of the output\n"
	  "(it is still reported) instead of writing an\n"
	  "{\"id\", \"line\", \"error\"} record in its place" },
	{ OPT_ID_PREFIX, 0, "id-prefix", "TEXT",
	  "with jsonl input, put TEXT before the \"line-N\" id of a\n"
	  "record without one (a chunk's number under parallel)" },
	CLI_END
};

static const cli_opt own_out[] = {
	{ 'f', 'f', "format", "FORMAT",
	  "text (default), json (with jsonl input: each record with\n"
	  "its picks' offsets, scores and ranks), or html: the whole\n"
	  "article as a web page with the chosen sentences marked\n"
	  "(one input)" },
	{ OPT_KEYWORDS, 0, "keywords", "N",
	  "add the N best keywords: a \"keywords\" member in json\n"
	  "and jsonl output, a list in the html page's legend" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically: temporary file, rename)" },
	CLI_END
};

static const cli_opt *const tables[] = { sumopts_options, own_in,
					 readopts_options, own_out, NULL };

static const cli_command command = {
	"summarize", usage_text, tables,
	"\nExit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n"
};

static int own_option(void *payload, int c, const char *arg)
{
	sum_args *a = payload;
	switch (c) {
	case 'o': a->output = arg; return 0;
	case OPT_STRICT: a->strict = 1; return 0;
	case OPT_DROP_ERRORS: a->drop_errors = 1; return 0;
	case OPT_KEYWORDS:
		if (args_size(arg, 0, 100000, &a->keywords) != 0)
			return cli_usage_error("summarize", "invalid keyword count '%s' (0 to 100000)", arg);
		return 0;
	case OPT_ID_PREFIX:
		if (strlen(arg) > JSONL_PREFIX_MAX)
			return cli_usage_error("summarize", "--id-prefix is longer than %d bytes",
					       (int)JSONL_PREFIX_MAX);
		a->id_prefix = arg;
		return 0;
	case OPT_INPUT:
		if (strcmp(arg, "text") != 0 && strcmp(arg, "jsonl") != 0)
			return cli_usage_error("summarize", "unknown input format '%s' (text, jsonl)", arg);
		a->jsonl = strcmp(arg, "jsonl") == 0;
		return 0;
	case 'f':
		if (strcmp(arg, "text") == 0)
			a->format = PRECIS_FORMAT_TEXT;
		else if (strcmp(arg, "json") == 0)
			a->format = PRECIS_FORMAT_JSON;
		else if (strcmp(arg, "html") == 0)
			a->format = PRECIS_FORMAT_HTML;
		else
			return cli_usage_error("summarize", "unknown format '%s' (text, json, html)", arg);
		return 0;
	default: return cli_usage_error("summarize", "invalid option");
	}
}

/* Whether the document's text is the bytes of `buf` (PRECIS_DOC_BORROW). */
static int doc_borrows(const precis_doc *doc, const char *buf, size_t len)
{
	uintptr_t t = (uintptr_t)precis_doc_text(doc, NULL), b = (uintptr_t)buf;
	return doc != NULL && buf != NULL && t >= b && t <= b + len;
}

/* autolang's maker: a context like the thread's in `language`. */
static int make_ctx(const void *payload, const char *language, precis_ctx **ctx,
		    precis_error *err)
{
	const sum_args *a = payload;
	return sumopts_ctx_in(&a->s, language, a->idf, ctx, err);
}

/* Summarizes one text and renders it; errors name `where`. `owned`, when
 * not NULL, is the caller's NUL-terminated buffer behind `text`: the
 * document borrows it when its text is the input unchanged, and it is
 * freed with the document; otherwise it is freed as soon as the document
 * holds its own text, so a large input is never held twice while it is
 * ranked. */
static int summarize_text(precis_ctx *ctx, sum_args *a, const char *where,
			  const char *name, const source *src, const char *text,
			  size_t len, char *owned, const char *title,
			  precis_format format, FILE *out)
{
	precis_error err;
	precis_doc *doc = NULL;
	precis_summary *sum = NULL;
	precis_keywords *kw = NULL;
	int rc = 0;
	precis_read_options ro = a->s.read;
	if (src != NULL)
		ro = source_options(src, &a->s.read);
	ro.title = title;
	ro.flags = a->s.flags | (owned != NULL ? PRECIS_DOC_BORROW : 0);
	int built = a->det != NULL ? autolang_read(&a->al, &ctx, text, len, &ro, &doc, &err)
				   : precis_doc_read(&doc, ctx, text, len, &ro, &err);
	if (!doc_borrows(doc, owned, len)) {
		free(owned);
		owned = NULL;
	}
	if (built != 0 || precis_summarize(&sum, ctx, doc, &a->s.opts, &err) != 0 ||
	    (a->keywords > 0 && precis_keywords_new(&kw, ctx, doc, a->keywords, &err) != 0)) {
		rc = cli_fail_lib(where, &err);
		goto done;
	}
	if (precis_doc_repairs(doc) > 0)
		cli_warn(where, "replaced %zu invalid UTF-8 sequence(s)", precis_doc_repairs(doc));
	if (precis_summary_render_keywords(sum, doc, kw, format, name, io_write_file,
					   out, &err) != 0)
		rc = cli_fail_in(EXIT_RUNTIME, "<output>", "%s", err.message);
done:
	precis_keywords_free(kw);
	precis_summary_free(sum);
	precis_doc_free(doc);
	free(owned);
	return rc;
}

static int summarize_file(void *payload, const char *path, int index,
			  int nfiles, FILE *out)
{
	sum_args *a = payload;
	const char *name = io_display_name(path);
	source src;
	int rc = source_read(path, &src);
	if (rc != 0)
		return rc;
	if (index > 0 && a->format == PRECIS_FORMAT_TEXT)
		fputc('\n', out);
	if (nfiles > 1 && a->format == PRECIS_FORMAT_TEXT)
		fprintf(out, "==> %s <==\n", name);
	/* The bytes are summarize_text()'s now (NUL-terminated). */
	char *owned = src.data;
	src.data = NULL;
	return summarize_text(a->ctx, a, name, name, &src, owned, src.len, owned,
			      a->s.title, a->format, out);
}

/* One JSONL record: {"id", "text"|"article", "title"?} -> one line out:
 * the batch record, or with -f json the JSON object, "id" for "file". */
static int summarize_record(void *payload, const char *where, size_t line,
			    json_t *rec, FILE *out)
{
	sum_args *a = payload;
	char idbuf[JSONL_ID_MAX];
	size_t len;
	const char *text = batch_text(rec, &len);
	if (text == NULL)
		return cli_fail_in(EXIT_INPUT, where, "no \"text\" or \"article\" string");
	const char *id = jsonl_id(rec, line, a->id_prefix, idbuf);
	const char *title = jsonl_string(rec, "title", NULL);
	precis_format f = a->format == PRECIS_FORMAT_JSON ? PRECIS_FORMAT_JSON_RECORD
							  : PRECIS_FORMAT_JSONL;
	return summarize_text(a->ctx, a, where, id, NULL, text, len, NULL,
			      title ? title : a->s.title, f, out);
}

/* With -j, each thread summarizes with a context of its own. */
static int thread_open(void *payload, void **local)
{
	sum_args *a = payload;
	sum_args *t = malloc(sizeof *t);
	precis_error err;
	if (t == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	*t = *a;
	t->al.other = NULL;
	if (sumopts_ctx(&a->s, a->idf, &t->ctx, &err) != 0) {
		free(t);
		return cli_fail_lib(NULL, &err);
	}
	*local = t;
	return 0;
}

static void thread_close(void *local)
{
	sum_args *t = local;
	precis_ctx_free(t->ctx);
	autolang_clear(&t->al);
	free(t);
}

int cmd_summarize(int argc, char **argv)
{
	sum_args a;
	memset(&a, 0, sizeof a);
	sumopts_init(&a.s);
	int done, first;
	int rc = sumopts_parse(&a.s, &command, argc, argv, own_option, &a, &done,
			       &first);
	if (rc != 0 || done)
		return rc;
	/* One page is one document: pages run together are no page. */
	if (a.format == PRECIS_FORMAT_HTML && (a.jsonl || argc - first > 1))
		return cli_usage_error("summarize", "--format=html takes a single text input");
	/* Text output is the sentences, one per line: keywords have no place
	 * there ('precis keywords' prints them). */
	if (a.keywords > 0 && a.format == PRECIS_FORMAT_TEXT && !a.jsonl)
		return cli_usage_error("summarize", "--keywords needs --format=json or html, "
				       "or --input=jsonl (or see 'precis keywords')");
	/* Without -l, each input is read in the language it is detected in
	 * (right on 99.95% of the English data-set articles; 5% more
	 * instructions on the batch). */
	if (a.s.language == NULL)
		a.s.auto_language = 1;
	precis_ctx *ctx;
	precis_idf *idf;
	if ((rc = sumopts_context(&a.s, "summarize", &ctx, &idf)) != 0) {
		sumopts_free(&a.s);
		return rc;
	}
	a.ctx = ctx;
	a.idf = idf;
	precis_error err;
	if (a.s.auto_language && precis_detector_new(&a.det, &err) != 0) {
		precis_ctx_free(ctx);
		precis_idf_free(idf);
		return cli_fail_lib(NULL, &err);
	}
	a.al = (autolang){ a.det, make_ctx, &a, NULL };
	batch b = { a.output, a.jsonl, a.strict, summarize_file, summarize_record, &a,
		    a.s.jobs, thread_open, thread_close, !a.drop_errors, a.id_prefix };
	rc = batch_run(&b, argv + first, argc - first);
	precis_detector_free(a.det);
	autolang_clear(&a.al);
	precis_ctx_free(ctx);
	precis_idf_free(idf);
	sumopts_free(&a.s);
	return rc;
}
