/*
 * error.h - exit codes and diagnostics of the command line. Diagnostics go to
 * stderr as "precis: WHERE: message"; stdout carries data only. Each helper
 * returns the exit code it reports, so callers write `return cli_fail(...)`.
 */
#ifndef PRECIS_CLI_ERROR_H
#define PRECIS_CLI_ERROR_H

#include <stdio.h>

#include "precis.h"

enum {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1, /* runtime or I/O error */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_INPUT = 3    /* invalid input */
};

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* "precis: message" and `code`. */
int cli_fail(int code, const char *fmt, ...) CLI_PRINTF(2, 3);
/* "precis: WHERE: message" and `code`; WHERE is a file name or "<stdin>". */
int cli_fail_in(int code, const char *where, const char *fmt, ...)
	CLI_PRINTF(3, 4);
/* A warning: "precis: WHERE: warning: message". */
void cli_warn(const char *where, const char *fmt, ...) CLI_PRINTF(2, 3);
/* "precis: WHERE[: byte N]: message" from a library error; returns the exit
 * code that fits its status (input errors 3, arguments 2, the rest 1). */
int cli_fail_lib(const char *where, const precis_error *err);
/* The exit code that fits a library status. */
int cli_exit_for(int status);
/* "precis: message" plus "Try 'precis CMD --help'." and EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/*
 * Holding diagnostics: between cli_hold() and cli_release(), what the
 * calling thread would print on stderr is kept in `h` instead, so that work
 * done on several threads can report in input order. h->text (malloc'd,
 * for free(); NULL when nothing was said) holds h->len bytes after release.
 * Holds nest: a release goes back to the hold around it, and cli_pass()
 * hands held text on to it (or to stderr).
 */
typedef struct cli_held {
	FILE *fp;
	char *text;
	size_t len;
	struct cli_held *outer;
} cli_held;

void cli_hold(cli_held *h);
void cli_release(cli_held *h);
void cli_pass(const char *text, size_t len);

#endif
