/*
 * rouge_pairs.h - reading the pairs of `precis rouge --pairs`: one JSON
 * object per line, {"id": "..." | N, "candidate": "...", "references":
 * ["...", ...]} (at least one reference), blank lines skipped.
 */
#ifndef PRECIS_CLI_ROUGE_PAIRS_H
#define PRECIS_CLI_ROUGE_PAIRS_H

#include <jansson.h>
#include <stdio.h>

#include "cli/jsonl.h"

typedef struct pairs_reader {
	jsonl_reader in;  /* the file, its name and line number */
	char *dec;        /* its decoded strings */
	size_t dec_cap;
	json_t *held;     /* the record parsed by jansson, when it was */
	/* the record last returned, borrowed until the next call */
	const char *id;   /* NULL when the record has none */
	char idbuf[JSONL_ID_MAX];
	const char *cand;
	size_t cand_len;
	const char **refs;
	size_t *ref_lens;
	size_t nrefs, refs_cap;
} pairs_reader;

/* Opens `path` ("-": stdin). 0, or an exit code after a message. */
int pairs_open(pairs_reader *r, const char *path);
void pairs_close(pairs_reader *r);
/* 1 with a record, 0 at the end, or minus an exit code after printing
 * "FILE: line N: why": -EXIT_INPUT for a bad line (the next call reads
 * on), -EXIT_RUNTIME when reading cannot go on. */
int pairs_next(pairs_reader *r);

#endif
