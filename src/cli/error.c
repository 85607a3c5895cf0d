/*
 * error.c - diagnostics and exit codes of the command line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/error.h"

static _Thread_local cli_held *held;

void cli_hold(cli_held *h)
{
	*h = (cli_held){ NULL, NULL, 0, held };
	held = h;
}

void cli_release(cli_held *h)
{
	if (h->fp != NULL)
		fclose(h->fp);
	h->fp = NULL;
	held = h->outer;
}

/* Where diagnostics go: stderr, or the held buffer, opened on first use
 * (most work says nothing). */
static FILE *diag(void)
{
	if (held == NULL)
		return stderr;
	if (held->fp == NULL)
		held->fp = open_memstream(&held->text, &held->len);
	return held->fp != NULL ? held->fp : stderr;
}

void cli_pass(const char *text, size_t len)
{
	if (len > 0)
		fwrite(text, 1, len, diag());
}

static void vsay(const char *where, const char *kind, const char *fmt,
		 va_list ap)
{
	FILE *fp = diag();
	fputs("precis: ", fp);
	if (where != NULL)
		fprintf(fp, "%s: ", where);
	if (kind != NULL)
		fprintf(fp, "%s: ", kind);
	vfprintf(fp, fmt, ap);
	fputc('\n', fp);
}

int cli_fail(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int cli_fail_in(int code, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(where, NULL, fmt, ap);
	va_end(ap);
	return code;
}

void cli_warn(const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(where, "warning", fmt, ap);
	va_end(ap);
}

int cli_exit_for(int status)
{
	switch (status) {
	case PRECIS_OK: return EXIT_OK;
	case PRECIS_ERR_UTF8:
	case PRECIS_ERR_PARSE:
	case PRECIS_ERR_EMPTY: return EXIT_INPUT;
	case PRECIS_ERR_ARG:
	case PRECIS_ERR_LANGUAGE:
	case PRECIS_ERR_METHOD: return EXIT_USAGE;
	default: return EXIT_RUNTIME;
	}
}

int cli_fail_lib(const char *where, const precis_error *err)
{
	int code = cli_exit_for(err->code);
	if (err->line > 0)
		return cli_fail_in(code, where, "line %zu: %s", err->line,
				   err->message);
	/* Bytes that are not UTF-8 are most often text in another encoding. */
	if (err->code == PRECIS_ERR_UTF8 && strcmp(err->message, "invalid UTF-8") == 0)
		return cli_fail_in(code, where, "byte %zu: invalid UTF-8 (--encoding=NAME "
				   "reads another encoding, --lenient replaces bad bytes)",
				   err->offset);
	/* A PDF, an image...: no byte is to blame. */
	if (err->code == PRECIS_ERR_UTF8 && strncmp(err->message, "not text", 8) == 0)
		return cli_fail_in(code, where, "%s", err->message);
	if (err->code == PRECIS_ERR_UTF8)
		return cli_fail_in(code, where, "byte %zu: %s", err->offset,
				   err->message);
	return cli_fail_in(code, where, "%s", err->message);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, NULL, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(diag(), "Try 'precis %s --help' for more information.\n", cmd);
	else
		fputs("Try 'precis --help' for more information.\n", diag());
	return EXIT_USAGE;
}
