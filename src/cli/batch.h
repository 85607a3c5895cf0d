/*
 * batch.h - the input loop the commands share: each FILE (or standard
 * input) as one text, or with --input=jsonl each record of each file; a bad
 * record is reported with its line and skipped unless strict; output goes
 * through io_out so a failed run leaves no partial file.
 */
#ifndef PRECIS_CLI_BATCH_H
#define PRECIS_CLI_BATCH_H

#include <stdio.h>

#include "jsonl.h"

/* One whole file: index among nfiles. 0 or an exit code. */
typedef int (*batch_file_fn)(void *payload, const char *path, int index,
			     int nfiles, FILE *out);
/* One record; `where` is "FILE: line N" for messages. 0 or an exit code. */
typedef int (*batch_record_fn)(void *payload, const char *where, json_t *rec,
			       FILE *out);

typedef struct batch {
	const char *output; /* NULL or "-": standard output; else atomic file */
	int jsonl, strict;
	batch_file_fn file;
	batch_record_fn record;
	void *payload;
} batch;

/* Runs over files[0, nfiles) (none: standard input). The first error's exit
 * code, or 0. */
int batch_run(const batch *b, char **files, int nfiles);

/* Calls b->record for each record of one JSONL file. */
int batch_jsonl(const batch *b, const char *path, FILE *out);

/* A record's text: its "text" string, else its "article"; NULL when absent. */
const char *batch_text(json_t *rec, size_t *len);

#endif
