/*
 * args.c - option values: the whole string must parse, or it is an error
 * (strtoul alone accepts "12abc" and "-1").
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/args.h"
#include "precis.h"

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

void args_list_languages(void)
{
	const char *code, *name;
	unsigned has;
	for (size_t i = 0; (code = precis_language(i, &name, &has)) != NULL; i++)
		printf("%-3s %-11s %s%s%s\n", code, name,
		       has & PRECIS_LANG_RULES ? "sentence rules" : "generic sentence rules",
		       has & PRECIS_LANG_STEMMER ? ", stemmer" : "",
		       has & PRECIS_LANG_STOPWORDS ? ", stopwords" : "");
}
