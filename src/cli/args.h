/*
 * args.h - strict parsing of option values shared by the subcommands.
 */
#ifndef PRECIS_CLI_ARGS_H
#define PRECIS_CLI_ARGS_H

#include <stddef.h>

#include "precis.h"

/* A whole decimal number in [min, max]; 0 on success, -1 otherwise. */
int args_size(const char *s, size_t min, size_t max, size_t *out);
/* A whole finite floating-point number; 0 or -1. */
int args_double(const char *s, double *out);

/* Prints the languages, one a line: code, name, what precis has for it
 * (--list-languages of the commands that take -l). */
void args_list_languages(void);

/* Sets the stopwords of `ctx` from the file `path` (--stopwords=FILE): 0,
 * or -1 with `err` saying why (a file that cannot be read: PRECIS_ERR_IO). */
int args_stopwords(precis_ctx *ctx, const char *path, precis_error *err);

#endif
