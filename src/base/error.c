/*
 * error.c - status strings and filling precis_error.
 */
#include <stdio.h>
#include <string.h>

#include "base/internal.h"

const char *precis_strerror(int code)
{
	switch (code) {
	case PRECIS_OK: return "success";
	case PRECIS_ERR_NOMEM: return "out of memory";
	case PRECIS_ERR_ARG: return "invalid argument";
	case PRECIS_ERR_UTF8: return "invalid UTF-8";
	case PRECIS_ERR_LANGUAGE: return "unsupported language";
	case PRECIS_ERR_METHOD: return "unknown method";
	case PRECIS_ERR_PARSE: return "malformed input";
	case PRECIS_ERR_IO: return "input/output error";
	case PRECIS_ERR_EMPTY: return "no sentences found";
	case PRECIS_ERR_LIMIT: return "input too large for this method";
	default: return "unknown error";
	}
}

static int vfail(precis_error *err, int code, size_t offset, const char *fmt,
		 va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	err->offset = offset;
	err->line = 0;
	if (fmt == NULL)
		snprintf(err->message, sizeof err->message, "%s",
			 precis_strerror(code));
	else
		vsnprintf(err->message, sizeof err->message, fmt, ap);
	return code;
}

int precis__fail(precis_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(err, code, 0, fmt, ap);
	va_end(ap);
	return code;
}

int precis__fail_at(precis_error *err, int code, size_t offset,
		    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(err, code, offset, fmt, ap);
	va_end(ap);
	return code;
}

void precis__clear(precis_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}
