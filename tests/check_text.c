/*
 * check_text.c - UTF-8 validation and repair, BOM, word folding, the
 * interner's padded lookup.
 */
#include <string.h>

#include "base/internal.h"
#include "base/strtab.h"
#include "base/text.h"
#include "base/unicode.h"
#include "testutil.h"

static const struct { const char *s; size_t n; int valid; size_t bad; } utf8_cases[] = {
	{ "plain ascii", 11, 1, 0 },
	{ "caf\xC3\xA9", 5, 1, 0 },
	{ "\xE2\x80\x99quote", 8, 1, 0 },
	{ "\xF0\x9F\x98\x80", 4, 1, 0 },                 /* emoji */
	{ "abc\xFF", 4, 0, 3 },                           /* never valid */
	{ "ab\xC0\xAF", 4, 0, 2 },                        /* overlong '/' */
	{ "a\xED\xA0\x80", 4, 0, 1 },                     /* surrogate */
	{ "\xF4\x90\x80\x80", 4, 0, 0 },                  /* > U+10FFFF */
	{ "abcdefghij\xE2\x80", 12, 0, 10 },              /* truncated at end */
	{ "0123456789abcdef\x80", 17, 0, 16 },            /* after the fast path */
	{ "a\0b", 3, 1, 0 },                              /* NUL is valid */
};

START_TEST(test_utf8_valid)
{
	size_t bad = 99;
	int v = precis__utf8_valid(utf8_cases[_i].s, utf8_cases[_i].n, &bad);
	ck_assert_int_eq(v, utf8_cases[_i].valid);
	if (!v)
		ck_assert_uint_eq(bad, utf8_cases[_i].bad);
}
END_TEST

START_TEST(test_utf8_repair)
{
	char *out;
	size_t n, fixes;
	ck_assert_int_eq(precis__utf8_repair("a\xFF" "b\xC3", 4, &out, &n, &fixes), 0);
	ck_assert_uint_eq(fixes, 2);
	ck_assert_uint_eq(n, 8);
	ck_assert_mem_eq(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", 8);
	ck_assert(precis__utf8_valid(out, n, NULL));
	free(out);
	/* A surrogate is three maximal subparts (Unicode, WHATWG). */
	ck_assert_int_eq(precis__utf8_repair("a\xED\xA0\x80z", 5, &out, &n, &fixes), 0);
	ck_assert_uint_eq(fixes, 3);
	ck_assert_uint_eq(n, 11);
	free(out);
	/* So is an overlong 3-byte form; a 4-byte lead cut short is one. */
	ck_assert_int_eq(precis__utf8_repair("\xE0\x80\xAF", 3, &out, &n, &fixes), 0);
	ck_assert_uint_eq(fixes, 3);
	free(out);
	ck_assert_int_eq(precis__utf8_repair("\xF0\x9F\x98", 3, &out, &n, &fixes), 0);
	ck_assert_uint_eq(fixes, 1);
	free(out);
	/* A truncated 3-byte sequence is one error, not two. */
	ck_assert_int_eq(precis__utf8_repair("x\xE2\x80y", 4, &out, &n, &fixes), 0);
	ck_assert_uint_eq(fixes, 1);
	ck_assert_mem_eq(out, "x\xEF\xBF\xBDy", 5);
	free(out);
}
END_TEST

START_TEST(test_bom)
{
	ck_assert_uint_eq(precis__bom_len("\xEF\xBB\xBFhi", 5), 3);
	ck_assert_uint_eq(precis__bom_len("hi", 2), 0);
	ck_assert_uint_eq(precis__bom_len("\xEF\xBB", 2), 0);
}
END_TEST

static const struct { const char *in, *out; } fold_cases[] = {
	{ "Hello", "hello" },
	{ "CAF\xC3\x89", "caf\xC3\xA9" },                 /* CAFÉ -> café */
	{ "Cafe\xCC\x81", "caf\xC3\xA9" },                /* NFC composes */
	{ "Stra\xC3\x9F" "e", "strasse" },                /* ß case-folds to ss */
	{ "don\xE2\x80\x99t", "don't" },                  /* curly apostrophe */
	{ "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" },
};

START_TEST(test_fold)
{
	char buf[64];
	size_t n = precis__fold_word(fold_cases[_i].in, strlen(fold_cases[_i].in), buf, sizeof buf);
	ck_assert_uint_eq(n, strlen(fold_cases[_i].out));
	ck_assert_mem_eq(buf, fold_cases[_i].out, n);
}
END_TEST

START_TEST(test_fold_too_long)
{
	char buf[4];
	ck_assert_uint_eq(precis__fold_word("abcdef", 6, buf, sizeof buf), 0);
}
END_TEST

START_TEST(test_fold_widest)
{
	/* 512 code points of 4 bytes each: the fold buffer's exact size. */
	char w[512 * 4], out[4096];
	for (int i = 0; i < 512; i++)
		memcpy(w + 4 * i, "\xF0\x90\x90\x80", 4); /* U+10400 */
	size_t n = precis__fold_word(w, sizeof w, out, sizeof out);
	ck_assert(n == 0 || n <= sizeof out);
	char *s = precis_utf8_sanitize("ok\xFF", 3, &n);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(s, "ok\xEF\xBF\xBD");
	precis_free(s);
}
END_TEST

START_TEST(test_word_cp)
{
	ck_assert(precis__uc_is_word('a'));
	ck_assert(precis__uc_is_word('7'));
	ck_assert(precis__uc_is_word(0x00E9));  /* é */
	ck_assert(precis__uc_is_word(0x4E2D));  /* 中 */
	ck_assert(precis__uc_is_word(0x0301));  /* combining acute */
	ck_assert(!precis__uc_is_word('-'));
	ck_assert(!precis__uc_is_word(0x201C)); /* “ */
	ck_assert(!precis__uc_is_word(0x2026)); /* … */
}
END_TEST

/* The one class table answers for every stage: case and digits for the
 * segmenter, words for both tokenizers, ideographs (a ROUGE token each)
 * and the scripts whose line breaks join without a space. */
START_TEST(test_uc_class)
{
	ck_assert_uint_eq(precis__uc_class('A'), PRECIS__UC_UPPER);
	ck_assert_uint_eq(precis__uc_class('z'), PRECIS__UC_LOWER);
	ck_assert_uint_eq(precis__uc_class('5'), PRECIS__UC_DIGIT);
	ck_assert_uint_eq(precis__uc_class('$'), PRECIS__UC_CURRENCY);
	ck_assert_uint_eq(precis__uc_class(' '), 0);
	ck_assert_uint_eq(precis__uc_class(0x01C5), PRECIS__UC_UPPER); /* Dž: Lt */
	ck_assert_uint_eq(precis__uc_class(0x0416), PRECIS__UC_UPPER); /* Ж */
	ck_assert_uint_eq(precis__uc_class(0x0661), PRECIS__UC_DIGIT); /* Arabic 1 */
	ck_assert_uint_eq(precis__uc_class(0x2163), PRECIS__UC_NUMBER); /* Ⅳ */
	ck_assert_uint_eq(precis__uc_class(0x20AC), PRECIS__UC_CURRENCY); /* € */
	ck_assert_uint_eq(precis__uc_class(0x0301), PRECIS__UC_MARK);
	/* Han and kana: letters without case, and a token each. */
	ck_assert_uint_eq(precis__uc_class(0x4E2D), PRECIS__UC_CASELESS | PRECIS__UC_IDEO);
	ck_assert_uint_eq(precis__uc_class(0x3042), PRECIS__UC_CASELESS | PRECIS__UC_IDEO);
	ck_assert_uint_eq(precis__uc_class(0x20000), PRECIS__UC_CASELESS | PRECIS__UC_IDEO);
	/* Hangul is written with spaces: a letter, not an ideograph. */
	ck_assert_uint_eq(precis__uc_class(0xAC00), PRECIS__UC_CASELESS | PRECIS__UC_HANGUL);
	/* CJK punctuation joins lines without a space but is no word. */
	ck_assert_uint_eq(precis__uc_class(0x3002), PRECIS__UC_CJK_PUNCT);
	ck_assert_uint_eq(precis__uc_class(0xFF01), PRECIS__UC_CJK_PUNCT);
	ck_assert(!precis__uc_is_word(0x3002));
	ck_assert_uint_eq(precis__uc_class(0x110000), 0);
}
END_TEST

/* The padded lookup (8 bytes at a time, bytes past the string ignored)
 * answers as the plain one: every prefix of a 20-byte word and words one
 * byte apart at each place, asked with junk after them; all under one
 * hash, so that the comparison of the bytes decides. */
START_TEST(test_strtab_padded)
{
	static const char word[] = "abcdefghijklmnopqrst";
	precis__strtab t;
	precis__strtab_init(&t);
	for (size_t n = 1; n <= 20; n++) {
		ck_assert_int_ge(precis__strtab_intern_hashed(&t, word, n, 42, NULL), 0);
		char v[24];
		memcpy(v, word, n);
		v[n - 1] = 'Z';
		ck_assert_int_ge(precis__strtab_intern_hashed(&t, v, n, 42, NULL), 0);
	}
	for (size_t n = 0; n <= 21; n++) {
		for (size_t at = 0; at <= n; at++) {
			char q[40];
			memset(q, 'X', sizeof q);
			memcpy(q, word, n < 20 ? n : 20);
			if (n > 20)
				q[20] = 'u';
			if (at < n)
				q[at] = 'Z';
			int64_t want = precis__strtab_find_hashed(&t, q, n, 42);
			ck_assert_int_eq(precis__strtab_find_padded(&t, q, n, 42), want);
			ck_assert((want >= 0) == (n >= 1 && n <= 20 && at + 1 >= n));
		}
	}
	ck_assert_int_eq(precis__strtab_find_padded(&t, "abcXXXXXXXX", 3, 42), 4);
	precis__strtab_clear(&t);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_utf8_valid, 0, sizeof utf8_cases / sizeof utf8_cases[0]);
	tcase_add_test(tc, test_utf8_repair);
	tcase_add_test(tc, test_bom);
	tcase_add_loop_test(tc, test_fold, 0, sizeof fold_cases / sizeof fold_cases[0]);
	tcase_add_test(tc, test_fold_too_long);
	tcase_add_test(tc, test_fold_widest);
	tcase_add_test(tc, test_word_cp);
	tcase_add_test(tc, test_uc_class);
	tcase_add_test(tc, test_strtab_padded);
	suite_add_tcase(s, tc);
	return s;
}
