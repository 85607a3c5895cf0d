/*
 * check_doc.c - building documents: text checks, units, words, terms, title.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "testutil.h"

static precis_ctx *ctx;

static void setup(void)
{
	ck_assert_int_eq(precis_ctx_new(&ctx, NULL, NULL), 0);
}

static void teardown(void)
{
	precis_ctx_free(ctx);
}

START_TEST(test_units_and_words)
{
	precis_doc *d = tu_doc(ctx, "Markets rose on Monday. Traders were calm.\n\nOil fell.");
	ck_assert_uint_eq(precis_doc_sentence_count(d), 3);
	tu_assert_unit(d, 0, "Markets rose on Monday.");
	tu_assert_unit(d, 1, "Traders were calm.");
	tu_assert_unit(d, 2, "Oil fell.");
	precis_sentence s;
	ck_assert_int_eq(precis_doc_sentence(d, 0, &s), 0);
	ck_assert_uint_eq(s.words, 4);
	ck_assert_uint_eq(s.paragraph, 0);
	ck_assert_int_eq(precis_doc_sentence(d, 2, &s), 0);
	ck_assert_uint_eq(s.paragraph, 1);
	ck_assert_int_eq(precis_doc_sentence(d, 3, &s), PRECIS_ERR_ARG);
	/* Terms are document-local and dense. */
	ck_assert_uint_eq(d->nterms, 7);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_title_detected)
{
	precis_doc *d = tu_doc(ctx, "Oil Prices Fall Again\n\nOil prices fell on Monday as demand slowed.");
	size_t off, len;
	ck_assert_int_eq(precis_doc_title(d, &off, &len), 1);
	ck_assert_uint_eq(off, 0);
	ck_assert_uint_eq(len, strlen("Oil Prices Fall Again"));
	ck_assert_uint_eq(d->ntitle_terms, 3); /* "again" is a stopword */
	precis_doc_free(d);
	/* A first line that is a sentence is no headline. */
	d = tu_doc(ctx, "Oil prices fell on Monday.\nDemand slowed.");
	ck_assert_int_eq(precis_doc_title(d, NULL, NULL), 0);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_title_given)
{
	precis_doc *d = NULL;
	const char *t = "Oil prices fell on Monday as demand slowed.";
	ck_assert_int_eq(precis_doc_new(&d, ctx, t, strlen(t), "Oil slump deepens", 0, NULL), 0);
	ck_assert_int_eq(d->has_title, 1);
	/* Only "oil" occurs in the body; "slump" and "deepen" do not. */
	ck_assert_uint_eq(d->ntitle_terms, 1);
	ck_assert_int_eq(precis_doc_title(d, NULL, NULL), 0); /* not a span */
	precis_doc_free(d);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	precis_doc *d = (precis_doc *)1;
	precis_error err;
	const char *t = "Fine text.\n\xC3\x28 bad.";
	ck_assert_int_eq(precis_doc_new(&d, ctx, t, strlen(t), NULL, 0, &err), PRECIS_ERR_UTF8);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(err.code, PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 11);
	ck_assert_int_eq(precis_doc_new(&d, ctx, t, strlen(t), NULL, PRECIS_DOC_LENIENT, &err), 0);
	ck_assert_uint_eq(precis_doc_repairs(d), 1);
	size_t len;
	const char *text = precis_doc_text(d, &len);
	ck_assert_uint_eq(len, strlen(t) + 2);
	ck_assert_mem_eq(text + 11, "\xEF\xBF\xBD(", 4);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_bom_and_crlf)
{
	precis_doc *d = tu_doc(ctx, "\xEF\xBB\xBFHello there friend.\r\nSecond line here.\r\n");
	ck_assert_uint_eq(precis_doc_sentence_count(d), 2);
	precis_sentence s;
	precis_doc_sentence(d, 0, &s);
	/* The text has neither the BOM nor the CRs; the source span counts
	 * them. */
	ck_assert_uint_eq(s.offset, 0);
	ck_assert_uint_eq(s.source_offset, 3);
	ck_assert_uint_eq(s.source_length, 19);
	precis_doc_sentence(d, 1, &s);
	ck_assert_uint_eq(s.offset, 20);
	ck_assert_uint_eq(s.source_offset, 24);
	tu_assert_unit(d, 0, "Hello there friend.");
	tu_assert_unit(d, 1, "Second line here.");
	precis_doc_free(d);
}
END_TEST

START_TEST(test_empty)
{
	precis_doc *d = NULL;
	ck_assert_int_eq(precis_doc_new(&d, ctx, NULL, 0, NULL, 0, NULL), 0);
	ck_assert_uint_eq(precis_doc_sentence_count(d), 0);
	precis_summary *s = (precis_summary *)1;
	precis_error err;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, &err), PRECIS_ERR_EMPTY);
	ck_assert_ptr_null(s);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_no_terms_at_all)
{
	/* Only stopwords: a headline-like first line and no term anywhere. */
	precis_doc *d = tu_doc(ctx, "The of\nAnd the.\n");
	ck_assert_uint_eq(d->nterms, 0);
	precis_summary *s = NULL;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	ck_assert_uint_eq(precis_summary_count(s), 1);
	precis_summary_free(s);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_split_only)
{
	precis_doc *d = NULL;
	const char *t = "One sentence here. Another one there.";
	ck_assert_int_eq(precis_doc_new(&d, ctx, t, strlen(t), NULL, PRECIS_DOC_SPLIT_ONLY, NULL), 0);
	ck_assert_uint_eq(precis_doc_sentence_count(d), 2);
	precis_summary *s = NULL;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), PRECIS_ERR_ARG);
	precis_doc_free(d);
}
END_TEST

/* With PRECIS_DOC_BORROW the text is the caller's bytes when the input
 * stage changes nothing (after a UTF-8 BOM); else, and without the flag,
 * it is a copy that outlives them. */
START_TEST(test_borrow)
{
	static const struct {
		const char *src, *text;
		int borrowed;
	} cases[] = {
		{ "Plain text here.\nAnd more of it.\n", "Plain text here.\nAnd more of it.\n", 1 },
		{ "\xEF\xBB\xBFPlain text here.\n", "Plain text here.\n", 1 },
		{ "Plain text here.\r\nAnd more.\r\n", "Plain text here.\nAnd more.\n", 0 },
		{ "A line that goes on\nand on.\n", "A line that goes on and on.\n", 0 },
		{ "", "", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int flag = 0; flag <= 1; flag++) {
			size_t len = strlen(cases[i].src), tlen;
			char *buf = malloc(len + 1);
			ck_assert_ptr_nonnull(buf);
			memcpy(buf, cases[i].src, len + 1);
			precis_read_options o = PRECIS_READ_OPTIONS_INIT;
			o.flags = flag ? PRECIS_DOC_BORROW : 0;
			precis_doc *d = NULL;
			ck_assert_int_eq(precis_doc_read(&d, ctx, buf, len, &o, NULL), 0);
			const char *t = precis_doc_text(d, &tlen);
			uintptr_t at = (uintptr_t)t, b = (uintptr_t)buf;
			int borrowed = at >= b && at <= b + len;
			ck_assert_int_eq(borrowed, flag && cases[i].borrowed);
			if (!borrowed) {
				memset(buf, 'x', len);
				free(buf);
				buf = NULL;
			}
			ck_assert_uint_eq(tlen, strlen(cases[i].text));
			ck_assert_str_eq(t, cases[i].text);
			precis_doc_free(d);
			free(buf);
		}
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_units_and_words);
	tcase_add_test(tc, test_title_detected);
	tcase_add_test(tc, test_title_given);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_bom_and_crlf);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_no_terms_at_all);
	tcase_add_test(tc, test_split_only);
	tcase_add_test(tc, test_borrow);
	suite_add_tcase(s, tc);
	return s;
}
