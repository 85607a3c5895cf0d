/*
 * check_idf.c - background IDF models: counting, merging, the file format,
 * and their effect on term weights.
 */
#include <math.h>
#include <string.h>

#include "context/ctx.h"
#include "doc/doc.h"
#include "doc/idf.h"
#include "testutil.h"

typedef struct buf { char s[4096]; size_t n; } buf;

static int to_buf(void *payload, const char *b, size_t len)
{
	buf *o = payload;
	if (o->n + len >= sizeof o->s)
		return -1;
	memcpy(o->s + o->n, b, len);
	o->n += len;
	o->s[o->n] = '\0';
	return 0;
}

static precis_idf *model_of(precis_ctx *ctx, const char *const *docs, size_t n)
{
	precis_idf *m;
	ck_assert_int_eq(precis_idf_new(&m, ctx, NULL), 0);
	for (size_t i = 0; i < n; i++) {
		precis_doc *d = tu_doc(ctx, docs[i]);
		ck_assert_int_eq(precis_idf_add(m, ctx, d, NULL), 0);
		precis_doc_free(d);
	}
	return m;
}

START_TEST(test_counts_and_format)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	const char *docs[] = { "Rain fell. Rain fell again on the hills.",
			       "Hills and valleys." };
	precis_idf *m = model_of(ctx, docs, 2);
	ck_assert(precis_idf_documents(m) == 2.0);
	ck_assert_uint_eq(precis_idf_terms(m), 4); /* rain fell hill valley; "again" is a stopword */
	buf o = { .n = 0 };
	ck_assert_int_eq(precis_idf_write(m, to_buf, &o, NULL), 0);
	ck_assert_str_eq(o.s, "precis-idf\t1\ten\t2\nfell\t1\nhill\t2\nrain\t1\nvalley\t1\n");
	/* Loading what was written gives the same file back. */
	precis_idf *back;
	ck_assert_int_eq(precis_idf_load(&back, o.s, o.n, NULL), 0);
	buf o2 = { .n = 0 };
	ck_assert_int_eq(precis_idf_write(back, to_buf, &o2, NULL), 0);
	ck_assert_str_eq(o.s, o2.s);
	/* Merging adds counts and documents. */
	ck_assert_int_eq(precis_idf_merge(back, m, NULL), 0);
	ck_assert(precis_idf_documents(back) == 4.0);
	precis_idf_free(back);
	precis_idf_free(m);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_load_errors)
{
	precis_idf *m = (precis_idf *)1;
	precis_error err;
	ck_assert_int_eq(precis_idf_load(&m, "", 0, &err), PRECIS_ERR_PARSE);
	ck_assert_ptr_null(m);
	ck_assert_uint_eq(err.line, 1);
	ck_assert_int_eq(precis_idf_load(&m, NULL, 0, &err), PRECIS_ERR_PARSE);
	const char *dup = "precis-idf\t1\ten\t2\nab\t1\ncd\t1\nab\t1\n";
	ck_assert_int_eq(precis_idf_load(&m, dup, strlen(dup), &err), PRECIS_ERR_PARSE);
	ck_assert_uint_eq(err.line, 4); /* where the term came again */
	const char *bad = "precis-idf\t1\ten\t2\nword\t-1\n";
	ck_assert_int_eq(precis_idf_load(&m, bad, strlen(bad), &err), PRECIS_ERR_PARSE);
	ck_assert_uint_eq(err.line, 2);
	const char *unknown = "precis-idf\t1\txx\t2\n";
	ck_assert_int_eq(precis_idf_load(&m, unknown, strlen(unknown), &err), PRECIS_ERR_PARSE);
	const char *named = "precis-idf\t1\tGerman\t2\nwort\t1\n";
	ck_assert_int_eq(precis_idf_load(&m, named, strlen(named), &err), 0);
	ck_assert_str_eq(precis_idf_language(m), "de");
	precis_ctx *en;
	ck_assert_int_eq(precis_ctx_new(&en, "en", NULL), 0);
	ck_assert_int_eq(precis_ctx_set_idf(en, m, &err), PRECIS_ERR_LANGUAGE);
	precis_ctx_free(en);
	precis_idf_free(m);
}
END_TEST

/* A merge that would take a count past 2^53 changes nothing, not even the
 * terms before the one that overflows. */
START_TEST(test_merge_all_or_nothing)
{
	const char *a = "precis-idf\t1\ten\t9007199254740000\nzz\t9007199254740000\n";
	const char *b = "precis-idf\t1\ten\t1000\naa\t1\nzz\t1000\n";
	precis_idf *into, *from;
	ck_assert_int_eq(precis_idf_load(&into, a, strlen(a), NULL), 0);
	ck_assert_int_eq(precis_idf_load(&from, b, strlen(b), NULL), 0);
	precis_error err;
	ck_assert_int_eq(precis_idf_merge(into, from, &err), PRECIS_ERR_LIMIT);
	buf o = { .n = 0 };
	ck_assert_int_eq(precis_idf_write(into, to_buf, &o, NULL), 0);
	ck_assert_str_eq(o.s, "precis-idf\t1\ten\t9007199254740000\nzz\t9007199254740000\n");
	ck_assert_uint_eq(precis_idf_terms(into), 1);
	/* The model is still fit to use; merging into itself doubles it. */
	ck_assert_int_eq(precis_idf_merge(into, into, NULL), PRECIS_ERR_LIMIT);
	precis_idf_free(from);
	const char *c = "precis-idf\t1\ten\t1\naa\t1\n";
	ck_assert_int_eq(precis_idf_load(&from, c, strlen(c), NULL), 0);
	ck_assert_int_eq(precis_idf_merge(from, from, NULL), 0);
	ck_assert_int_eq(precis_idf_merge(into, from, NULL), 0);
	o.n = 0;
	ck_assert_int_eq(precis_idf_write(into, to_buf, &o, NULL), 0);
	ck_assert_str_eq(o.s, "precis-idf\t1\ten\t9007199254740002\naa\t2\nzz\t9007199254740000\n");
	precis_idf_free(into);
	precis_idf_free(from);
}
END_TEST

/* Models no build could have written are refused with their line. */
static const struct {
	const char *model;
	size_t len; /* 0: strlen */
	size_t line;
} absurd[] = {
	{ "precis-idf\t1\ten\t1e20\nab\t1\n", 0, 1 },   /* past 2^53 */
	{ "precis-idf\t1\ten\t9007199254740994\n", 0, 1 },
	{ "precis-idf\t1\ten\t0\n", 0, 1 },             /* no document */
	{ "precis-idf\t1\ten\t0.5\n", 0, 1 },
	{ "precis-idf\t1\ten\t2\nab\t3\n", 0, 2 },       /* df > documents */
	{ "precis-idf\t1\ten\t2\nab\t0\n", 0, 2 },       /* in no document */
	{ "precis-idf\t1\ten\t2\nab\t1.5\n", 0, 2 },
	{ "precis-idf\t1\ten\t2\nab\t1\nab\t1\n", 0, 3 }, /* twice */
	{ "precis-idf\t1\ten\t2\na\0b\t1\n", 24, 2 },    /* NUL */
	{ "precis-idf\t1\ten\t2\na\rb\t1\n", 0, 2 },
	{ "precis-idf\t1\ten\t2\na\xff" "b\t1\n", 0, 2 }, /* not UTF-8 */
};

START_TEST(test_load_absurd)
{
	precis_idf *m = NULL;
	precis_error err;
	const char *s = absurd[_i].model;
	size_t len = absurd[_i].len ? absurd[_i].len : strlen(s);
	ck_assert_int_eq(precis_idf_load(&m, s, len, &err), PRECIS_ERR_PARSE);
	ck_assert_ptr_null(m);
	ck_assert_uint_eq(err.line, absurd[_i].line);
}
END_TEST

/* What loads is what precis writes: 2^53 is the largest count, and a model
 * of no document cannot be written. */
START_TEST(test_limits)
{
	const char *max = "precis-idf\t1\ten\t9007199254740992\nab\t9007199254740992\n";
	precis_idf *m;
	ck_assert_int_eq(precis_idf_load(&m, max, strlen(max), NULL), 0);
	buf o = { .n = 0 };
	ck_assert_int_eq(precis_idf_write(m, to_buf, &o, NULL), 0);
	ck_assert_str_eq(o.s, max);
	precis_idf_free(m);
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	ck_assert_int_eq(precis_idf_new(&m, ctx, NULL), 0);
	precis_error err;
	ck_assert_int_eq(precis_idf_write(m, to_buf, &o, &err), PRECIS_ERR_EMPTY);
	precis_idf_free(m);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_background_weights)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	const char *text = "The minister spoke. The minister resigned.";
	precis_doc *d = tu_doc(ctx, text);
	double idf[8];
	uint32_t scratch[8];
	ck_assert_uint_eq(d->nterms, 3); /* minist spoke resign */
	precis__idf_fill(ctx, d, (size_t)-1, idf, scratch);
	/* In-document: "minist" is in both units, the others in one. */
	ck_assert(fabs(idf[0] - precis__idf_value(2, 2)) < 1e-12);
	ck_assert(fabs(idf[1] - precis__idf_value(2, 1)) < 1e-12);
	/* A background model where "minist" is rare and "spoke" common. */
	const char *model = "precis-idf\t1\ten\t100\nminist\t1\nspoke\t90\n";
	precis_idf *m;
	ck_assert_int_eq(precis_idf_load(&m, model, strlen(model), NULL), 0);
	ck_assert_int_eq(precis_ctx_set_idf(ctx, m, NULL), 0);
	precis__idf_fill(ctx, d, (size_t)-1, idf, scratch);
	ck_assert(fabs(idf[0] - precis__idf_value(100, 1)) < 1e-12);
	ck_assert(fabs(idf[1] - precis__idf_value(100, 90)) < 1e-12);
	ck_assert(fabs(idf[2] - precis__idf_value(100, 0)) < 1e-12); /* unseen */
	ck_assert(idf[0] > idf[1]);
	ck_assert_int_eq(precis_ctx_set_idf(ctx, NULL, NULL), 0);
	precis__idf_fill(ctx, d, (size_t)-1, idf, scratch);
	ck_assert(fabs(idf[0] - precis__idf_value(2, 2)) < 1e-12);
	precis_idf_free(m);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("idf");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_counts_and_format);
	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_merge_all_or_nothing);
	tcase_add_loop_test(tc, test_load_absurd, 0, sizeof absurd / sizeof absurd[0]);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_background_weights);
	suite_add_tcase(s, tc);
	return s;
}
