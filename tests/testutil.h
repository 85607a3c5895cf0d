/*
 * testutil.h - small helpers for the Check suites.
 */
#ifndef PRECIS_TESTUTIL_H
#define PRECIS_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

/* Each suite file defines it; check_main.c runs it. */
Suite *make_suite(void);

/* ROUGE-1 and -2 only (what the oracle climbs), stemming as asked. */
static inline void tu_rouge_12(precis_rouge_options *o, int stem)
{
	precis_rouge_options_init(o);
	o->max_n = 2;
	o->lcs = 0;
	o->wlcs_weight = 0;
	o->skip = 0;
	o->stem = stem;
}

/* ../shared/eval, or NULL (with a message) when it is absent. */
static inline const char *tu_shared_eval(const char *why)
{
	const char *d = getenv("SHARED_EVAL");
	char probe[4096];
	if (d != NULL) {
		snprintf(probe, sizeof probe, "%s/README.md", d);
		FILE *f = fopen(probe, "r");
		if (f == NULL)
			snprintf(probe, sizeof probe, "%s/datasets/README.md", d);
		else
			fclose(f);
		f = fopen(probe, "r");
		if (f != NULL) {
			fclose(f);
			return d;
		}
	}
	fprintf(stderr, "SKIP: %s: ../shared/eval not found (set SHARED_EVAL)\n", why);
	return NULL;
}

/* Reads a whole file into a malloc'd NUL-terminated buffer, or NULL. */
static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			char *nb = realloc(buf, cap *= 2);
			if (nb == NULL) {
				free(buf);
				buf = NULL;
			} else
				buf = nb;
		}
	}
	fclose(f);
	if (buf != NULL) {
		buf[n] = '\0';
		if (len != NULL)
			*len = n;
	}
	return buf;
}

/* A document from a C string with an English context; asserts success. */
static inline precis_doc *tu_doc(precis_ctx *ctx, const char *text)
{
	precis_doc *d = NULL;
	precis_error err;
	int rc = precis_doc_new(&d, ctx, text, strlen(text), NULL, 0, &err);
	ck_assert_msg(rc == 0, "precis_doc_new: %s", err.message);
	return d;
}

/* Compares unit i's text with `want`. */
#define tu_assert_unit(doc, i, want)                                         \
	do {                                                                 \
		precis_sentence s_;                                          \
		size_t l_;                                                   \
		const char *t_ = precis_doc_text((doc), &l_);                \
		ck_assert_int_eq(precis_doc_sentence((doc), (i), &s_), 0);   \
		ck_assert_msg(s_.length == strlen(want) &&                   \
				      memcmp(t_ + s_.offset, want, s_.length) == 0, \
			      "unit %zu is '%.*s', want '%s'", (size_t)(i),  \
			      (int)s_.length, t_ + s_.offset, want);         \
	} while (0)

#endif
