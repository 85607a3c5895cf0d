/*
 * jsonl.h - reading JSON Lines with line numbers for error messages.
 */
#ifndef PRECIS_CLI_JSONL_H
#define PRECIS_CLI_JSONL_H

#include <jansson.h>
#include <stdio.h>

#include "cli/io.h"

typedef struct jsonl_reader {
	io_in in;         /* plain or gzip-compressed */
	const char *name; /* for messages */
	size_t line;      /* of the record last returned */
	char *buf;        /* the line last read, NUL-terminated */
	size_t cap;
	char *iobuf;      /* bytes read and not yet returned: [ipos, ilen) */
	size_t ipos, ilen;
	int eof;
	int rc;           /* the exit code of a JSONL_IOERR: EXIT_RUNTIME, or
			     EXIT_INPUT for broken gzip data */
} jsonl_reader;

/* Opens `path` ("-" or NULL: stdin). 0, or an exit code after a message. */
int jsonl_open(jsonl_reader *r, const char *path);
void jsonl_close(jsonl_reader *r);

enum { JSONL_EOF = 0, JSONL_RECORD = 1, JSONL_BAD = 2, JSONL_IOERR = 3 };
/*
 * Reads the next non-blank line. JSONL_RECORD with *rec (an object, the
 * caller's reference); JSONL_BAD after printing "FILE: line N: why" for a
 * line that is not a JSON object; JSONL_EOF; JSONL_IOERR after a message.
 */
int jsonl_next(jsonl_reader *r, json_t **rec);

/* The next non-blank line and its length (the reader's buffer): 1, 0 at
 * the end, or JSONL_IOERR after a message. r->line counts it. */
int jsonl_read_line(jsonl_reader *r, const char **line, size_t *len);
/* Parses line `lineno` of file `name` (as jsonl_read_line read it; on any
 * thread): JSONL_RECORD with *rec, or JSONL_BAD after printing
 * "NAME: line N: why". */
int jsonl_parse(const char *name, size_t lineno, const char *line, size_t len,
		json_t **rec);

/* The string member `key` of `rec` and its length, or NULL. */
const char *jsonl_string(json_t *rec, const char *key, size_t *len);

/*
 * The id of record `rec` (may be NULL: a line that is no record) as text:
 * its "id" string, or its integer written into buf; else, when `lineno` >
 * 0, `prefix` (NULL: none) and "line-N" for the line it stands on (so every
 * output record can be told apart), or NULL. `buf` holds JSONL_ID_MAX
 * bytes; a longer prefix is cut.
 */
enum { JSONL_PREFIX_MAX = 200, JSONL_ID_MAX = JSONL_PREFIX_MAX + 32 };
const char *jsonl_id(json_t *rec, size_t lineno, const char *prefix,
		     char *buf);

#endif
