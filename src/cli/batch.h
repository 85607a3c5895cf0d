/*
 * batch.h - the input loop the commands share: each FILE (or standard
 * input) as one text, or with --input=jsonl each record of each file; a bad
 * record is reported with its line and skipped unless strict (and, when
 * asked, answered by an error record in its place); output goes through
 * io_out so a failed run leaves no partial file.
 *
 * With jobs > 1, inputs (files, or records) are worked on by that many
 * threads, this one with the shared payload and each other with a payload
 * of its own (its own precis_ctx): each reads its next input itself when
 * ready for it, a bounded window of inputs is in flight, and their output
 * and messages come out in input order, byte for byte as with one thread.
 */
#ifndef PRECIS_CLI_BATCH_H
#define PRECIS_CLI_BATCH_H

#include <stdio.h>

#include "cli/jsonl.h"

/* One whole file: index among nfiles. 0 or an exit code. */
typedef int (*batch_file_fn)(void *payload, const char *path, int index,
			     int nfiles, FILE *out);
/* One record on line `line`; `where` is "FILE: line N" for messages. 0 or
 * an exit code. */
typedef int (*batch_record_fn)(void *payload, const char *where, size_t line,
			       json_t *rec, FILE *out);
/* A thread's own payload made from the shared one: 0, or an exit code after
 * a message; and its release. */
typedef int (*batch_open_fn)(void *payload, void **local);
typedef void (*batch_close_fn)(void *local);

typedef struct batch {
	const char *output; /* NULL or "-": standard output; else atomic file */
	int jsonl, strict;
	batch_file_fn file;
	batch_record_fn record;
	void *payload;
	int jobs;           /* threads; 0 or 1: none, all on the caller's */
	batch_open_fn open; /* with jobs > 1 */
	batch_close_fn close;
	/* A record that fails writes {"id", "line", "error"} in place of its
	 * output, so the output pairs with the input line by line. */
	int error_records;
	const char *id_prefix; /* before "line-N" in ids made up (NULL: none) */
} batch;

/* Runs over files[0, nfiles) (none: standard input). The first error's exit
 * code, or 0. */
int batch_run(const batch *b, char **files, int nfiles);

/* Calls b->record for each record of one JSONL file, on this thread. */
int batch_jsonl(const batch *b, const char *path, FILE *out);

/* A record's text: its "text" string, else its "article"; NULL when absent. */
const char *batch_text(json_t *rec, size_t *len);

#endif
