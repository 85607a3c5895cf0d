/*
 * check_tokenize.c - word spans, stopwords, stemming and interning.
 */
#include <string.h>

#include "base/text.h"
#include "context/ctx.h"
#include "doc/tokenize.h"
#include "testutil.h"

/* The words of s, joined by '|'. */
static void words_of(const char *s, char *out, size_t cap)
{
	size_t ws, we, pos = 0, n = strlen(s), o = 0;
	out[0] = '\0';
	while (precis__next_word(s, n, pos, &ws, &we)) {
		int k = snprintf(out + o, cap - o, "%s%.*s", o ? "|" : "", (int)(we - ws), s + ws);
		o += (size_t)k;
		pos = we;
	}
}

static const struct { const char *in, *want; } word_cases[] = {
	{ "Hello, world!", "Hello|world" },
	{ "don't stop", "don't|stop" },
	{ "Xi\xE2\x80\x99s visit", "Xi\xE2\x80\x99s|visit" },
	{ "the 'quoted' word", "the|quoted|word" },
	{ "state-of-the-art", "state|of|the|art" },
	{ "COVID-19 cases", "COVID|19|cases" },
	{ "3.5% rise", "3|5|rise" },
	{ "caf\xC3\xA9 na\xC3\xAFve", "caf\xC3\xA9|na\xC3\xAFve" },
	{ "\xE2\x80\x9CQuoted\xE2\x80\x9D", "Quoted" },
	{ "   ", "" },
	{ "end'", "end" },
};

START_TEST(test_words)
{
	char got[256];
	words_of(word_cases[_i].in, got, sizeof got);
	ck_assert_str_eq(got, word_cases[_i].want);
}
END_TEST

/* The stems of the terms of s, joined by '|'. */
static void terms_of(precis_ctx *ctx, const char *s, char *out, size_t cap,
		     size_t *words)
{
	precis__terms t = { 0 };
	precis_error err;
	ck_assert_int_eq(precis__tokenize(ctx, s, 0, strlen(s), &t, words, &err), 0);
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < t.n; i++) {
		size_t len;
		const char *str = precis__term_string(ctx, t.v[i], &len);
		o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "", (int)len, str);
	}
	free(t.v);
}

START_TEST(test_terms_english)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	char got[256];
	size_t words;
	terms_of(ctx, "The Ministers were running to the meetings", got, sizeof got, &words);
	ck_assert_str_eq(got, "minist|run|meet");
	ck_assert_uint_eq(words, 7);
	/* Cached words give the same answer the second time. */
	terms_of(ctx, "RUNNING meetings", got, sizeof got, &words);
	ck_assert_str_eq(got, "run|meet");
	/* Both apostrophes are one stopword. */
	terms_of(ctx, "don\xE2\x80\x99t don't win", got, sizeof got, &words);
	ck_assert_str_eq(got, "win");
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_terms_interned)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "english", NULL), 0);
	precis__terms t = { 0 };
	size_t words;
	const char *s = "Talks talked talking talk";
	ck_assert_int_eq(precis__tokenize(ctx, s, 0, strlen(s), &t, &words, NULL), 0);
	ck_assert_uint_eq(t.n, 4);
	for (size_t i = 1; i < t.n; i++)
		ck_assert_uint_eq(t.v[i], t.v[0]);
	free(t.v);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_terms_russian)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "ru", NULL), 0);
	char got[256];
	size_t words;
	/* "и" is a Russian stopword; "книги" and "книгами" share a stem. */
	terms_of(ctx, "\xD0\x9A\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB8 \xD0\xB8 \xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB0\xD0\xBC\xD0\xB8",
		 got, sizeof got, &words);
	ck_assert_uint_eq(words, 3);
	ck_assert_str_eq(got, "\xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3|\xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3");
	precis_ctx_free(ctx);
}
END_TEST

/* Chinese, Japanese and Korean runs become character bigrams (a single
 * character stands alone), words around them stay whole; a Han or kana
 * character counts as a word, a Hangul word as one. */
START_TEST(test_terms_cjk)
{
	precis_ctx *ctx;
	char got[512];
	size_t words;
	ck_assert_int_eq(precis_ctx_new(&ctx, "zh", NULL), 0);
	/* 北京大学 -> 北京|京大|大学 */
	terms_of(ctx, "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xA4\xA7\xE5\xAD\xA6", got, sizeof got, &words);
	ck_assert_str_eq(got, "\xE5\x8C\x97\xE4\xBA\xAC|\xE4\xBA\xAC\xE5\xA4\xA7|\xE5\xA4\xA7\xE5\xAD\xA6");
	ck_assert_uint_eq(words, 4);
	/* iPhone手机 我 -> iphone|手机|我 */
	terms_of(ctx, "iPhone\xE6\x89\x8B\xE6\x9C\xBA \xE6\x88\x91", got, sizeof got, &words);
	ck_assert_str_eq(got, "iphone|\xE6\x89\x8B\xE6\x9C\xBA|\xE6\x88\x91");
	ck_assert_uint_eq(words, 4);
	precis_ctx_free(ctx);
	ck_assert_int_eq(precis_ctx_new(&ctx, "ja", NULL), 0);
	/* 東京タワー -> 東京|京タ|タワ|ワー */
	terms_of(ctx, "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC", got,
		 sizeof got, &words);
	ck_assert_str_eq(got, "\xE6\x9D\xB1\xE4\xBA\xAC|\xE4\xBA\xAC\xE3\x82\xBF|"
			 "\xE3\x82\xBF\xE3\x83\xAF|\xE3\x83\xAF\xE3\x83\xBC");
	ck_assert_uint_eq(words, 5);
	precis_ctx_free(ctx);
	ck_assert_int_eq(precis_ctx_new(&ctx, "ko", NULL), 0);
	/* 한국어를 배운다 -> 한국|국어|어를|배운|운다 */
	terms_of(ctx, "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4\xEB\xA5\xBC "
		 "\xEB\xB0\xB0\xEC\x9A\xB4\xEB\x8B\xA4", got, sizeof got, &words);
	ck_assert_str_eq(got, "\xED\x95\x9C\xEA\xB5\xAD|\xEA\xB5\xAD\xEC\x96\xB4|"
			 "\xEC\x96\xB4\xEB\xA5\xBC|\xEB\xB0\xB0\xEC\x9A\xB4|\xEC\x9A\xB4\xEB\x8B\xA4");
	ck_assert_uint_eq(words, 2);
	ck_assert_str_eq(precis_ctx_language(ctx), "ko");
	precis_ctx_free(ctx);
}
END_TEST

/* A custom stopword list replaces the language's; NULL brings it back; a
 * list that is not UTF-8 fails and leaves the language's list. */
/* Words the ASCII fast path hands to the general one (a byte past ASCII
 * in or after them, an apostrophe before one, a long word) are one word
 * each, as next_word() finds them. */
START_TEST(test_terms_fast_edges)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	char got[1024], longw[700];
	size_t words;
	terms_of(ctx, "l'\xC3\xA9t\xC3\xA9 Xi\xE2\x80\x99s caf\xC3\xA9s rock'n'roll end'", got,
		 sizeof got, &words);
	ck_assert_str_eq(got, "l'\xC3\xA9t\xC3\xA9|xi|caf\xC3\xA9|rock'n'rol|end");
	ck_assert_uint_eq(words, 5);
	terms_of(ctx, "Talks\xE2\x80\x94talked MEETINGS\xC2\xA0ran", got, sizeof got, &words);
	ck_assert_str_eq(got, "talk|talk|meet|ran");
	ck_assert_uint_eq(words, 4);
	/* 70 letters: past the fast path's buffer, still one term; 600: no
	 * term (too long to fold), still a word. */
	memset(longw, 'A', 70);
	longw[70] = '\0';
	terms_of(ctx, longw, got, sizeof got, &words);
	ck_assert_uint_eq(strlen(got), 70);
	ck_assert_int_eq(got[0], 'a');
	ck_assert_uint_eq(words, 1);
	memset(longw, 'b', 600);
	strcpy(longw + 600, " x");
	terms_of(ctx, longw, got, sizeof got, &words);
	ck_assert_str_eq(got, "x");
	ck_assert_uint_eq(words, 2);
	precis_ctx_free(ctx);
}
END_TEST

/* Random text of ASCII letters and digits in runs of 1 to 80 (past the
 * fast path's 8-byte steps and its 64-byte buffer), apostrophes, accented
 * letters, no-break spaces and punctuation (the bytes beside the letter
 * and digit ranges among it): the terms are those of the
 * pipeline spelled out (next_word(), fold, stopword, stem, the context's
 * term id), word for word. */
START_TEST(test_terms_fast_random)
{
	static const char *const pieces[] = {
		" ", " ", ", ", ".", "-", "\n", "'", "\xE2\x80\x99", "\xC3\xA9",
		"\xC3\x89", "\xC2\xA0", "\xC3\x9F", "'s", "n't", "The", "of",
		"/", ":", "@", "[", "`", "{", "\x7f", "\t", "_", "''",
	};
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	uint32_t seed = 12345;
	for (int round = 0; round < 1500; round++) {
		char s[1024];
		size_t n = 0;
		while (n < 700) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			if (r % 3 == 0) {
				const char *pc = pieces[r / 3 % (sizeof pieces / sizeof *pieces)];
				memcpy(s + n, pc, strlen(pc));
				n += strlen(pc);
				continue;
			}
			size_t run = 1 + (r / 3) % (r % 7 == 1 ? 80 : 9);
			for (size_t k = 0; k < run; k++) {
				seed = seed * 1103515245u + 12345u;
				s[n++] = alnum[(seed >> 16) % (sizeof alnum - 1)];
			}
		}
		precis__terms t = { 0 };
		size_t words;
		ck_assert_int_eq(precis__tokenize(ctx, s, 0, n, &t, &words, NULL), 0);
		size_t ws, we, pos = 0, count = 0, k = 0;
		while (precis__next_word(s, n, pos, &ws, &we)) {
			pos = we;
			count++;
			char f[520];
			size_t m = precis__fold_word(s + ws, we - ws, f, 512), sl;
			if (m == 0 || precis__lang_is_stopword(&ctx->lang, f, m))
				continue;
			const char *stem = precis__lang_stem(&ctx->lang, f, m, &sl);
			ck_assert_ptr_nonnull(stem);
			int64_t id = precis__strtab_find(&ctx->terms, stem, sl);
			ck_assert_uint_lt(k, t.n);
			ck_assert_int_eq(id, (int64_t)t.v[k]);
			k++;
		}
		ck_assert_uint_eq(k, t.n);
		ck_assert_uint_eq(count, words);
		free(t.v);
	}
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_custom_stopwords)
{
	precis_ctx *ctx;
	precis_error err;
	char got[256];
	size_t words;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	terms_of(ctx, "The cat sat", got, sizeof got, &words);
	ck_assert_str_eq(got, "cat|sat");
	const char *list = "# pets\r\nCAT\r\n\ndog\n";
	ck_assert_int_eq(precis_ctx_set_stopwords(ctx, list, strlen(list), &err), 0);
	terms_of(ctx, "The cat sat, dogs", got, sizeof got, &words);
	ck_assert_str_eq(got, "the|sat|dog");
	ck_assert_uint_eq(words, 4);
	ck_assert_int_eq(precis_ctx_set_stopwords(ctx, "", 0, &err), 0);
	terms_of(ctx, "The cat", got, sizeof got, &words);
	ck_assert_str_eq(got, "the|cat");
	ck_assert_int_eq(precis_ctx_set_stopwords(ctx, NULL, 0, &err), 0);
	terms_of(ctx, "The cat", got, sizeof got, &words);
	ck_assert_str_eq(got, "cat");
	ck_assert_int_eq(precis_ctx_set_stopwords(ctx, "a\n\xFF\n", 4, &err), PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 2);
	terms_of(ctx, "The cat", got, sizeof got, &words);
	ck_assert_str_eq(got, "cat");
	ck_assert_int_eq(precis_ctx_set_stopwords(ctx, NULL, 3, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_ctx_set_stopwords(NULL, "", 0, &err), PRECIS_ERR_ARG);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_language_names)
{
	precis_ctx *ctx;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "German", &err), 0);
	ck_assert_str_eq(precis_ctx_language(ctx), "de");
	precis_ctx_free(ctx);
	ck_assert_int_eq(precis_ctx_new(&ctx, "xx", &err), PRECIS_ERR_LANGUAGE);
	ck_assert_ptr_null(ctx);
	ck_assert_str_eq(err.message, "unsupported language 'xx'");
	/* A language without a stemmer still works, unstemmed. */
	ck_assert_int_eq(precis_ctx_new(&ctx, "vi", &err), 0);
	char got[128];
	size_t words;
	terms_of(ctx, "Vi\xE1\xBB\x87t Nam", got, sizeof got, &words);
	ck_assert_str_eq(got, "vi\xE1\xBB\x87t|nam");
	precis_ctx_free(ctx);
}
END_TEST

/* Every listed language opens under its code and its name, and what the
 * list says it has shows: a stemmer stems, a stopword list drops words. */
START_TEST(test_language_list)
{
	const char *code, *name;
	unsigned has;
	size_t n = 0, full = 0, english = 0;
	for (; (code = precis_language(n, &name, &has)) != NULL; n++) {
		precis_ctx *ctx;
		ck_assert_uint_eq(strlen(code), 2);
		ck_assert_int_eq(precis_ctx_new(&ctx, name, NULL), 0);
		ck_assert_str_eq(precis_ctx_language(ctx), code);
		precis_ctx_free(ctx);
		ck_assert_int_eq(precis_ctx_new(&ctx, code, NULL), 0);
		ck_assert_uint_eq(ctx->lang.stemmer != NULL, (has & PRECIS_LANG_STEMMER) != 0);
		ck_assert_uint_eq(ctx->lang.stopwords.n > 0, (has & PRECIS_LANG_STOPWORDS) != 0);
		full += has == (PRECIS_LANG_STEMMER | PRECIS_LANG_STOPWORDS | PRECIS_LANG_RULES);
		/* A language precis stems has stopwords too. */
		ck_assert_msg(!(has & PRECIS_LANG_STEMMER) || (has & PRECIS_LANG_STOPWORDS),
			      "%s has a stemmer but no stopwords", code);
		precis_ctx_free(ctx);
		for (size_t j = 0; j < n; j++)
			ck_assert_str_ne(precis_language(j, NULL, NULL), code);
		if (n > 0) /* sorted by code, so a listing is easy to scan */
			ck_assert_int_lt(strcmp(precis_language(n - 1, NULL, NULL), code), 0);
		english += strcmp(code, "en") == 0;
	}
	ck_assert_uint_ge(n, 39);
	ck_assert_uint_ge(full, 8);
	ck_assert_ptr_null(precis_language(n, &name, &has));
	ck_assert_uint_eq(english, 1);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("tokenize");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_words, 0, sizeof word_cases / sizeof word_cases[0]);
	tcase_add_test(tc, test_terms_english);
	tcase_add_test(tc, test_terms_interned);
	tcase_add_test(tc, test_terms_russian);
	tcase_add_test(tc, test_terms_cjk);
	tcase_add_test(tc, test_terms_fast_edges);
	tcase_add_test(tc, test_terms_fast_random);
	tcase_add_test(tc, test_custom_stopwords);
	tcase_add_test(tc, test_language_names);
	tcase_add_test(tc, test_language_list);
	suite_add_tcase(s, tc);
	return s;
}
