/*
 * source.h - where a document's bytes come from: a file, standard input
 * ("-"), or an http(s) URL, whose Content-Type tells its format and
 * charset when the command line does not.
 */
#ifndef PRECIS_CLI_SOURCE_H
#define PRECIS_CLI_SOURCE_H

#include <stddef.h>

#include "precis.h"

typedef struct source {
	char *data;        /* malloc'd, NUL-terminated */
	size_t len;
	const char *name;  /* for format detection: the path, NULL for stdin */
	int format;        /* from a Content-Type, else PRECIS_INPUT_AUTO */
	char charset[48];  /* from a Content-Type, else "" */
} source;

/* Reads `arg`. 0, or an exit code after a message naming it. */
int source_read(const char *arg, source *s);
void source_free(source *s);

/* The read options for `s`: `base` (the command line's), with the
 * source's format and charset where the command line named none. The
 * strings stay `s`'s and `base`'s. */
precis_read_options source_options(const source *s, const precis_read_options *base);

#endif
