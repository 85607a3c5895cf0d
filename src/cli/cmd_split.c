/*
 * cmd_split.c - `precis split [OPTIONS] [FILE|-]...`: the sentences of each
 * input, one per line, exactly as they appear in it except that a line
 * break inside a sentence becomes one space (nothing between two Chinese
 * or Japanese characters). With --input=jsonl, one JSON array of sentences
 * per record, the batch protocol of shared/eval/sbd/score.py.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

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
	"Usage: precis split [OPTIONS] [FILE|-]...\n"
	"Split each FILE (standard input when none, or '-') into sentences and\n"
	"print them one per line, as they appear in the input; a line break\n"
	"inside a sentence becomes a space (nothing between Chinese or Japanese\n"
	"characters). Headlines, list items and other lines without terminal\n"
	"punctuation are units of their own, and so is noise ('+', '***',\n"
	"'[...]' alone): every non-space character of the input is printed.\n"
	"\n";

typedef struct split_args {
	const char *language, *output;
	int jsonl, json, strict;
	unsigned flags;
	precis_read_options read;
	precis_ctx *ctx;
} split_args;

enum { OPT_INPUT = 256, OPT_JOIN, OPT_LENIENT, OPT_STRICT, OPT_LIST_LANGUAGES };

static const cli_opt options[] = {
	{ 'l', 'l', "language", "LANG", "language of the input: ISO 639-1 code or English\n"
					  "name (default en)" },
	{ OPT_LIST_LANGUAGES, 0, "list-languages", NULL,
	  "list the languages and what precis has for each" },
	{ OPT_INPUT, 0, "input", "FORMAT", "text (default) or jsonl: one {\"id\", \"text\"} object\n"
					   "per line (\"article\" is read when \"text\" is absent)" },
	{ 'f', 'f', "format", "FORMAT", "text (default): the sentences; json: per input (per\n"
					"record with jsonl) an object with each sentence's\n"
					"text, source byte offset and length, paragraph\n"
					"and kind" },
	{ OPT_JOIN, 0, "join-lines", NULL, "join every line of a paragraph (--wrap=join)" },
	{ OPT_LENIENT, 0, "lenient", NULL, "replace invalid UTF-8 with U+FFFD instead of failing" },
	{ OPT_STRICT, 0, "strict", NULL, "with jsonl input, stop at the first bad record\n"
					 "(otherwise it is reported and skipped)" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically: temporary file, rename)" },
	CLI_END
};

static const cli_opt *const tables[] = { options, readopts_options, NULL };

static const cli_command command = {
	"split", usage_text, tables,
	"\n"
	"With --input=jsonl and text format, each record gives one line holding a\n"
	"JSON array of its sentences.\n"
	"\n"
	"Exit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n"
};

static int option(void *payload, int c, const char *arg)
{
	split_args *a = payload;
	int rc = readopts_handle(&a->read, c, arg, "split");
	if (rc != -1)
		return rc;
	switch (c) {
	case 'l': a->language = arg; return 0;
	case 'o': a->output = arg; return 0;
	case OPT_JOIN: a->read.wrap = PRECIS_WRAP_JOIN; return 0;
	case OPT_LENIENT: a->flags |= PRECIS_DOC_LENIENT; return 0;
	case OPT_STRICT: a->strict = 1; return 0;
	case OPT_INPUT:
		if (strcmp(arg, "text") != 0 && strcmp(arg, "jsonl") != 0)
			return cli_usage_error("split", "invalid input format '%s' (text or jsonl)", arg);
		a->jsonl = strcmp(arg, "jsonl") == 0;
		return 0;
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0)
			return cli_usage_error("split", "invalid format '%s' (text or json)", arg);
		a->json = strcmp(arg, "json") == 0;
		return 0;
	case OPT_LIST_LANGUAGES:
		args_list_languages();
		return CLI_DONE;
	default:
		return cli_usage_error("split", "unexpected option");
	}
}

/* ---- output ------------------------------------------------------------- */

/* One sentence with its place (takes `text`); NULL when out of memory. */
static json_t *sentence_object(json_t *text, const precis_sentence *s)
{
	return json_pack("{s:o, s:I, s:I, s:I, s:s}", "text", text,
			 "offset", (json_int_t)s->source_offset,
			 "length", (json_int_t)s->source_length,
			 "paragraph", (json_int_t)s->paragraph,
			 "kind", s->kind == PRECIS_UNIT_LINE ? "line"
				 : s->kind == PRECIS_UNIT_NOISE ? "noise" : "sentence");
}

/* The sentences of `doc`: strings, or objects with offsets when `detailed`.
 * NULL when out of memory. `buf` holds any sentence folded. */
static json_t *sentence_list(const precis_doc *doc, int detailed, char *buf)
{
	size_t len, n = precis_doc_sentence_count(doc);
	const char *text = precis_doc_text(doc, &len);
	json_t *list = json_array();
	for (size_t i = 0; list != NULL && i < n; i++) {
		precis_sentence s;
		precis_doc_sentence(doc, i, &s);
		size_t m = precis_fold_lines(text + s.offset, s.length, buf);
		json_t *v = json_stringn(buf, m);
		if (v != NULL && detailed)
			v = sentence_object(v, &s);
		if (v == NULL || json_array_append_new(list, v) != 0) {
			json_decref(list);
			list = NULL;
		}
	}
	return list;
}

/* One line of JSON: the list alone, or an object naming its source. */
static int write_json(const precis_doc *doc, const split_args *a,
		      const char *key, json_t *label, char *buf, FILE *out)
{
	json_t *list = sentence_list(doc, a->json, buf), *obj = list;
	if (list != NULL && a->json)
		obj = json_pack("{s:O, s:o}", key, label, "sentences", list);
	if (obj == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	int rc = json_dumpf(obj, out, JSON_COMPACT);
	json_decref(obj);
	fputc('\n', out);
	return rc == 0 ? 0 : cli_fail(EXIT_RUNTIME, "write error");
}

/* ---- inputs ------------------------------------------------------------- */

/*
 * Splits a record's text[0, len), held whole anyway, and writes its line of
 * JSON. `where` names it in messages; `key`/`label` in the output.
 */
static int split_text(precis_ctx *ctx, const split_args *a, const char *where,
		      const char *text, size_t len, const char *key,
		      json_t *label, FILE *out)
{
	precis_doc *doc = NULL;
	precis_error err;
	precis_read_options ro = a->read;
	ro.flags = a->flags | PRECIS_DOC_SPLIT_ONLY;
	if (precis_doc_read(&doc, ctx, text, len, &ro, &err) != 0)
		return cli_fail_lib(where, &err);
	if (precis_doc_repairs(doc) > 0)
		cli_warn(where, "%zu invalid UTF-8 sequences replaced",
			 precis_doc_repairs(doc));
	size_t tlen;
	precis_doc_text(doc, &tlen);
	char *buf = malloc(tlen + 1);
	int rc = 0;
	if (buf == NULL)
		rc = cli_fail_in(EXIT_RUNTIME, where, "out of memory");
	else
		rc = write_json(doc, a, key, label, buf, out);
	free(buf);
	precis_doc_free(doc);
	return rc;
}

/* ---- one file, streamed ------------------------------------------------ */

typedef struct stream {
	const split_args *a;
	precis_splitter *sp;
	const char *name;
	json_t *label;
	FILE *out;
	char *fold;      /* a sentence folded onto one line */
	size_t fold_cap;
	int opened;      /* JSON: the object's head is written */
	int closed;      /* JSON: and its end */
	int werr;        /* a write failed: the output's error, not the input's */
	const char *why; /* a sentence could not be put out for lack of memory */
} stream;

/* The file's object up to its list of sentences. */
static void open_json(stream *st)
{
	fputs("{\"file\":", st->out);
	json_dumpf(st->label, st->out, JSON_COMPACT | JSON_ENCODE_ANY);
	fputs(",\"sentences\":[", st->out);
	st->opened = 1;
}

/* One sentence as a JSON object, behind the object's head or a comma. */
static int put_json(stream *st, const char *text, size_t m,
		    const precis_sentence *s)
{
	if (!st->opened)
		open_json(st);
	else
		fputc(',', st->out);
	json_t *v = json_stringn(text, m);
	if (v != NULL)
		v = sentence_object(v, s);
	if (v == NULL) {
		st->why = "out of memory";
		return cli_fail_in(EXIT_RUNTIME, st->name, "out of memory");
	}
	int rc = json_dumpf(v, st->out, JSON_COMPACT);
	json_decref(v);
	return rc == 0 ? 0 : cli_fail(EXIT_RUNTIME, "write error");
}

static int put_sentence(void *arg, const char *text, const precis_sentence *s)
{
	stream *st = arg;
	if (s->length > st->fold_cap) {
		size_t cap = s->length > 4096 ? s->length : 4096;
		char *nb = realloc(st->fold, cap);
		if (nb == NULL) {
			st->why = "out of memory";
			return cli_fail_in(EXIT_RUNTIME, st->name, "out of memory");
		}
		st->fold = nb;
		st->fold_cap = cap;
	}
	size_t m = precis_fold_lines(text, s->length, st->fold);
	if (st->a->json)
		return put_json(st, st->fold, m, s);
	fwrite(st->fold, 1, m, st->out);
	fputc('\n', st->out);
	/* The input may never end: stop reading it. io_out_commit() reports
	 * the write error, once and with its cause, as for any output. */
	if (ferror(st->out)) {
		st->werr = 1;
		return EXIT_RUNTIME;
	}
	return 0;
}

/* Ends the JSON line, once; an error ends the list early and says so. */
static void close_json(stream *st, const char *error)
{
	if (st->closed || (!st->opened && error != NULL))
		return; /* nothing written: the error alone, as for a record */
	if (!st->opened)
		open_json(st);
	fputc(']', st->out);
	if (error != NULL) {
		json_t *m = json_string(error);
		fputs(",\"error\":", st->out);
		json_dumpf(m ? m : json_null(), st->out, JSON_COMPACT | JSON_ENCODE_ANY);
		json_decref(m);
	}
	fputs("}\n", st->out);
	st->closed = 1;
}

static int put_block(void *arg, const char *buf, size_t len)
{
	stream *st = arg;
	precis_error err;
	int rc = len > 0
		? precis_splitter_feed(st->sp, buf, len, put_sentence, st, &err)
		: precis_splitter_finish(st->sp, put_sentence, st, &err);
	if (rc != 0 && err.code == 0)
		return rc; /* put_sentence's exit status, already reported */
	if (st->a->json && (rc != 0 || len == 0))
		close_json(st, rc != 0 ? err.message : NULL);
	if (rc != 0)
		return cli_fail_lib(st->name, &err);
	if (len == 0 && precis_splitter_repairs(st->sp) > 0)
		cli_warn(st->name, "%zu invalid UTF-8 sequences replaced",
			 precis_splitter_repairs(st->sp));
	return 0;
}

/*
 * A file is split as it is read, so memory does not grow with its size; an
 * error part way through comes after the sentences before it (with JSON
 * output, the object then ends with an "error" member).
 */
static int split_file(void *payload, const char *path, int index, int nfiles,
		      FILE *out)
{
	const split_args *a = payload;
	(void)index;
	(void)nfiles;
	stream st = { .a = a, .name = io_display_name(path), .out = out };
	precis_error err;
	precis_read_options ro = a->read;
	ro.name = io_is_stdin(path) ? NULL : path;
	ro.flags = a->flags;
	if (precis_splitter_read(&st.sp, a->ctx, &ro, &err) != 0)
		return cli_fail_lib(st.name, &err);
	st.label = io_json_name(st.name);
	int rc = st.label == NULL ? cli_fail(EXIT_RUNTIME, "out of memory")
				  : io_read_blocks(path, put_block, &st);
	if (st.werr)
		rc = 0; /* io_out_commit() fails the run */
	else if (rc != 0 && a->json && !ferror(out)) {
		/* Stopped part way by a read error (errno, kept by
		 * io_read_blocks) or no memory for a sentence: the object still
		 * ends, so the next input's is a line of its own. A library
		 * error has ended it already. */
		char why[256];
		snprintf(why, sizeof why, "read error: %s", strerror(errno));
		close_json(&st, st.why != NULL ? st.why : why);
	}
	json_decref(st.label);
	free(st.fold);
	precis_splitter_free(st.sp);
	return rc;
}

/* One record: {"id", "text"|"article"}. */
static int split_record(void *payload, const char *where, size_t line,
			json_t *rec, FILE *out)
{
	const split_args *a = payload;
	size_t len;
	(void)line; /* the id goes back as it came, as the SBD scorer wants */
	const char *text = batch_text(rec, &len);
	if (text == NULL)
		return cli_fail_in(EXIT_INPUT, where, "no \"text\" or \"article\" string");
	json_t *id = json_object_get(rec, "id");
	return split_text(a->ctx, a, where, text, len, "id",
			  id != NULL ? id : json_null(), out);
}

int cmd_split(int argc, char **argv)
{
	split_args a;
	memset(&a, 0, sizeof a);
	precis_read_options_init(&a.read);
	a.flags = PRECIS_DOC_KEEP_NOISE; /* the split is lossless */
	int done, first;
	int rc = cli_parse(&command, argc, argv, option, &a, &done, &first);
	if (rc != 0 || done)
		return rc;
	precis_error err;
	if (precis_ctx_new(&a.ctx, a.language, &err) != 0)
		return cli_fail_lib(NULL, &err);
	batch b = { .output = a.output, .jsonl = a.jsonl, .strict = a.strict,
		     .file = split_file, .record = split_record, .payload = &a };
	rc = batch_run(&b, argv + first, argc - first);
	precis_ctx_free(a.ctx);
	return rc;
}
