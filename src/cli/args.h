/*
 * args.h - strict parsing of option values shared by the subcommands.
 */
#ifndef PRECIS_CLI_ARGS_H
#define PRECIS_CLI_ARGS_H

#include <stddef.h>

/* A whole decimal number in [min, max]; 0 on success, -1 otherwise. */
int args_size(const char *s, size_t min, size_t max, size_t *out);
/* A whole finite floating-point number; 0 or -1. */
int args_double(const char *s, double *out);

/* Prints the languages, one a line: code, name, what precis has for it
 * (--list-languages of the commands that take -l). */
void args_list_languages(void);

#endif
