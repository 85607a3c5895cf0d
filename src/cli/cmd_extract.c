/*
 * cmd_extract.c - `precis extract [OPTIONS] [FILE|URL|-]...`: the text
 * the summarizer reads from each input: a web page's article, Markdown
 * without its markup, plain text with its wrapped lines joined. It is how
 * one checks what precis saw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cmd.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/opt.h"
#include "cli/readopts.h"
#include "cli/source.h"
#include "precis.h"

static const char usage_text[] =
	"Usage: precis extract [OPTIONS] [FILE|URL|-]...\n"
	"Print the text precis reads from each FILE or http(s) URL (standard\n"
	"input when none, or '-'): a web page's article without its navigation,\n"
	"banners and comments; Markdown without its markup; plain text with\n"
	"its wrapped lines joined. Paragraphs are separated by blank lines.\n"
	"A web page's headline, which precis reads as the text's first line,\n"
	"is printed apart, as article extractors do: with --title alone, or\n"
	"before the body with --with-title.\n"
	"\n";

enum { OPT_TITLE = 256, OPT_WITH_TITLE, OPT_LENIENT };

typedef struct extract_args {
	const char *output;
	int title, with_title, lenient;
	precis_read_options read;
	precis_ctx *ctx;
} extract_args;

static const cli_opt options[] = {
	{ OPT_TITLE, 0, "title", NULL, "print each input's title (headline) instead" },
	{ OPT_WITH_TITLE, 0, "with-title", NULL, "print a web page's headline before its body" },
	{ OPT_LENIENT, 0, "lenient", NULL, "replace invalid UTF-8 with U+FFFD instead of failing" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically: temporary file, rename)" },
	CLI_END
};

static const cli_opt *const tables[] = { options, readopts_options, NULL };

static const cli_command command = {
	"extract", usage_text, tables,
	"\nExit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n"
};

static int option(void *payload, int c, const char *arg)
{
	extract_args *a = payload;
	int rc = readopts_handle(&a->read, c, arg, "extract");
	if (rc != -1)
		return rc;
	switch (c) {
	case OPT_TITLE: a->title = 1; return 0;
	case OPT_WITH_TITLE: a->with_title = 1; return 0;
	case OPT_LENIENT: a->lenient = 1; return 0;
	case 'o': a->output = arg; return 0;
	default: return cli_usage_error("extract", "unexpected option");
	}
}

/* The title: the headline span of the text, or a title given apart. */
static int write_title(const precis_doc *doc, FILE *out)
{
	size_t off, len;
	const char *text = precis_doc_text(doc, NULL);
	if (precis_doc_title(doc, &off, &len))
		return fprintf(out, "%.*s\n", (int)len, text + off) < 0;
	const char *given = precis_doc_given_title(doc);
	return given != NULL && fprintf(out, "%s\n", given) < 0;
}

/* The body: a web page's text without the headline that heads it (the
 * article as extraction benchmarks mark it); any other text whole. A
 * last line gets its line end. */
static int write_body(const precis_doc *doc, int with_title, FILE *out)
{
	size_t len, off, tlen;
	const char *text = precis_doc_text(doc, &len);
	if (!with_title && precis_doc_format(doc) == PRECIS_INPUT_HTML &&
	    precis_doc_title(doc, &off, &tlen) && off == 0) {
		size_t skip = tlen;
		while (skip < len && text[skip] == '\n')
			skip++;
		text += skip;
		len -= skip;
	}
	if (fwrite(text, 1, len, out) != len)
		return 1;
	return len > 0 && text[len - 1] != '\n' && fputc('\n', out) == EOF;
}

static int extract_file(void *payload, const char *path, int index, int nfiles,
			FILE *out)
{
	const extract_args *a = payload;
	const char *name = io_display_name(path);
	source src;
	int rc = source_read(path, &src);
	if (rc != 0)
		return rc;
	precis_read_options ro = source_options(&src, &a->read);
	ro.flags = PRECIS_DOC_SPLIT_ONLY | (a->lenient ? PRECIS_DOC_LENIENT : 0);
	precis_doc *doc = NULL;
	precis_error err;
	rc = precis_doc_read(&doc, a->ctx, src.data, src.len, &ro, &err);
	source_free(&src);
	if (rc != 0)
		return cli_fail_lib(name, &err);
	if (nfiles > 1)
		fprintf(out, "%s==> %s <==\n", index > 0 ? "\n" : "", name);
	int werr = a->title ? write_title(doc, out) : write_body(doc, a->with_title, out);
	precis_doc_free(doc);
	return werr ? cli_fail_in(EXIT_RUNTIME, "<output>", "write error") : 0;
}

int cmd_extract(int argc, char **argv)
{
	extract_args a;
	memset(&a, 0, sizeof a);
	precis_read_options_init(&a.read);
	int done, first;
	int rc = cli_parse(&command, argc, argv, option, &a, &done, &first);
	if (rc != 0 || done)
		return rc;
	precis_error err;
	if (precis_ctx_new(&a.ctx, NULL, &err) != 0)
		return cli_fail_lib(NULL, &err);
	batch b = { .output = a.output, .file = extract_file, .payload = &a };
	rc = batch_run(&b, argv + first, argc - first);
	precis_ctx_free(a.ctx);
	return rc;
}
