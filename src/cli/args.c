/*
 * args.c - option values: the whole string must parse, or it is an error
 * (strtoul alone accepts "12abc" and "-1").
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "args.h"

int args_size(const char *s, size_t min, size_t max, size_t *out)
{
	if (s == NULL || !isdigit((unsigned char)s[0]))
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = (size_t)v;
	return 0;
}

int args_double(const char *s, double *out)
{
	if (s == NULL || *s == '\0' || isspace((unsigned char)s[0]))
		return -1;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}
