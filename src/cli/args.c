/*
 * args.c - option values: the whole string must parse, or it is an error
 * (strtoul alone accepts "12abc" and "-1").
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int args_stopwords(precis_ctx *ctx, const char *path, precis_error *err)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int ok = fp != NULL;
	while (ok) {
		if (len == cap) {
			char *nb = realloc(buf, cap ? cap * 2 : 4096);
			if (nb == NULL) {
				errno = ENOMEM;
				ok = 0;
				break;
			}
			buf = nb;
			cap = cap ? cap * 2 : 4096;
		}
		size_t n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0) {
			ok = !ferror(fp);
			break;
		}
	}
	int saved = errno;
	if (fp != NULL)
		fclose(fp);
	int rc = -1;
	if (!ok) {
		memset(err, 0, sizeof *err);
		err->code = PRECIS_ERR_IO;
		snprintf(err->message, sizeof err->message,
			 "cannot read stopword list '%s': %s", path, strerror(saved));
	} else if (precis_ctx_set_stopwords(ctx, buf ? buf : "", len, err) == 0) {
		rc = 0;
	}
	free(buf);
	return rc;
}
