/*
 * batch.c - the shared input loop of summarize, split and idf build.
 */
#include <stdio.h>

#include "batch.h"
#include "error.h"
#include "io.h"

const char *batch_text(json_t *rec, size_t *len)
{
	const char *t = jsonl_string(rec, "text", len);
	return t != NULL ? t : jsonl_string(rec, "article", len);
}

int batch_jsonl(const batch *b, const char *path, FILE *out)
{
	jsonl_reader r;
	int rc = jsonl_open(&r, path), first = 0, k;
	json_t *rec;
	if (rc != 0)
		return rc;
	while ((k = jsonl_next(&r, &rec)) != JSONL_EOF && k != JSONL_IOERR) {
		char where[512];
		snprintf(where, sizeof where, "%s: line %zu", r.name, r.line);
		rc = k == JSONL_BAD ? EXIT_INPUT : b->record(b->payload, where, rec, out);
		json_decref(rec);
		if (rc != 0 && first == 0)
			first = rc;
		if (rc != 0 && b->strict)
			break;
		/* Streaming: a consumer sees each record as soon as it is done. */
		if (out != NULL && rc == 0 && fflush(out) != 0)
			break; /* the write error is reported at commit */
	}
	jsonl_close(&r);
	return k == JSONL_IOERR ? EXIT_RUNTIME : first;
}

int batch_run(const batch *b, char **files, int nfiles)
{
	io_out out;
	int rc = io_out_open(&out, b->output), first = 0;
	if (rc != 0)
		return rc;
	char *stdin_only[] = { "-" };
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles && (first == 0 || !b->strict); i++) {
		rc = b->jsonl ? batch_jsonl(b, files[i], out.fp)
			      : b->file(b->payload, files[i], i, nfiles, out.fp);
		if (rc != 0 && first == 0)
			first = rc;
	}
	/* No half-written output file, except for records skipped leniently:
	 * then the good records are the output. */
	if (first != 0 && b->output != NULL && (!b->jsonl || b->strict)) {
		io_out_abort(&out);
		return first;
	}
	rc = io_out_commit(&out);
	return first != 0 ? first : rc;
}
