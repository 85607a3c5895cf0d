/*
 * check_keywords.c - precis_keywords_new() on texts whose keywords are
 * known: what the text is about comes first, in the words the text uses
 * (not stems), phrases stay whole, function words never appear, and the
 * budget, counts and offsets hold.
 */
#include <ctype.h>
#include <string.h>

#include "testutil.h"

static const char volcano[] =
	"Volcano erupts near Reykjavik\n\n"
	"The volcano on the Reykjanes peninsula erupted on Sunday night, sending "
	"lava and ash over the hills. Ash from the volcano closed the airport at "
	"Keflavik for two days. Airlines cancelled hundreds of flights as the ash "
	"cloud drifted east. Scientists said the volcano could erupt again within "
	"weeks. The lava flow stopped short of the fishing town of Grindavik, where "
	"residents had left their homes. The ash cloud reached Norway on Tuesday, "
	"and more flights were cancelled.\n";

/* A text that is about fishing quotas and one minister, with the plural
 * more frequent than the singular and a capital only at sentence starts. */
static const char quotas[] =
	"Quotas for cod were cut again this year. Helena Varga said the fishing "
	"quotas hurt small ports. The fishing quotas of the north are set in Oslo, "
	"and Helena Varga wants a quota for each port. Fishing quotas, she said, "
	"decide whether a harbour lives. Helena Varga meets the council on Friday "
	"to talk about fishing quotas.\n";

static precis_ctx *ctx_of(const char *lang)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, lang, NULL), 0);
	return ctx;
}

static precis_keywords *keywords_of(precis_ctx *ctx, const char *text,
				    size_t max, precis_doc **doc)
{
	precis_keywords *kw;
	precis_error err;
	ck_assert_int_eq(precis_doc_new(doc, ctx, text, strlen(text), NULL, 0, &err), 0);
	ck_assert_int_eq(precis_keywords_new(&kw, ctx, *doc, max, &err), 0);
	return kw;
}

/* The rank (0-based) of keyword `text` exactly as written, or -1. */
static long rank_of(const precis_keywords *kw, const char *text)
{
	precis_keyword k;
	for (size_t i = 0; precis_keywords_get(kw, i, &k) == 0; i++)
		if (strcmp(k.text, text) == 0)
			return (long)i;
	return -1;
}

static int has_word(const precis_keywords *kw, const char *word)
{
	precis_keyword k;
	size_t n = strlen(word);
	for (size_t i = 0; precis_keywords_get(kw, i, &k) == 0; i++)
		for (const char *p = k.text; (p = strstr(p, word)) != NULL; p++)
			if ((p == k.text || p[-1] == ' ' || p[-1] == '-') &&
			    (p[n] == '\0' || p[n] == ' ' || p[n] == '-'))
				return 1;
	return 0;
}

/* The subject comes first; shown as the text writes it inside sentences
 * ("volcano", though the headline opens with "Volcano"); a phrase the text
 * repeats stays whole and its word is not listed again alone. */
START_TEST(test_subject_first)
{
	precis_ctx *ctx = ctx_of("en");
	precis_doc *d;
	precis_keywords *kw = keywords_of(ctx, volcano, 8, &d);
	ck_assert_uint_le(precis_keywords_count(kw), 8);
	ck_assert_int_ge(rank_of(kw, "volcano"), 0);
	ck_assert_int_lt(rank_of(kw, "volcano"), 3);
	ck_assert_int_eq(rank_of(kw, "Volcano"), -1);
	ck_assert_int_ge(rank_of(kw, "ash cloud"), 0);
	ck_assert_int_lt(rank_of(kw, "ash cloud"), 3);
	ck_assert_int_eq(rank_of(kw, "cloud"), -1);
	/* Words that are no keywords: stopwords, SMART's common words, numbers. */
	static const char *const never[] = { "the", "on", "and", "two", "said", "could", "more" };
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		ck_assert_msg(!has_word(kw, never[i]), "'%s' is a keyword", never[i]);
	/* Scores fall with the rank. */
	precis_keyword a, b;
	for (size_t i = 1; precis_keywords_get(kw, i, &b) == 0; i++) {
		ck_assert_int_eq(precis_keywords_get(kw, i - 1, &a), 0);
		ck_assert(a.score >= b.score);
	}
	precis_keywords_free(kw);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* Surface forms, not stems: the plural the text uses most, a name with
 * its capitals, and a count and an offset that point at the text. */
START_TEST(test_surface_forms)
{
	precis_ctx *ctx = ctx_of("en");
	precis_doc *d;
	precis_keywords *kw = keywords_of(ctx, quotas, 5, &d);
	ck_assert_int_ge(rank_of(kw, "fishing quotas"), 0);
	ck_assert_int_lt(rank_of(kw, "fishing quotas"), 2);
	ck_assert_int_ge(rank_of(kw, "Helena Varga"), 0);
	ck_assert_int_lt(rank_of(kw, "Helena Varga"), 2);
	ck_assert(!has_word(kw, "quota") && !has_word(kw, "quot") && !has_word(kw, "fish"));
	ck_assert(!has_word(kw, "helena")); /* the name keeps its capitals */
	size_t len;
	const char *text = precis_doc_text(d, &len);
	precis_keyword k;
	ck_assert_int_eq(precis_keywords_get(kw, (size_t)rank_of(kw, "fishing quotas"), &k), 0);
	ck_assert_uint_eq(k.count, 4);
	ck_assert_uint_eq(k.length, strlen("fishing quotas"));
	ck_assert_int_eq(strncmp(text + k.offset, "fishing quotas", k.length), 0);
	ck_assert_ptr_eq(strstr(text, "fishing quotas"), text + k.offset);
	ck_assert_int_eq(precis_keywords_get(kw, (size_t)rank_of(kw, "Helena Varga"), &k), 0);
	ck_assert_uint_eq(k.count, 3);
	ck_assert_ptr_eq(strstr(text, "Helena Varga"), text + k.offset);
	ck_assert_int_eq(precis_keywords_get(kw, 99, &k), PRECIS_ERR_ARG);
	precis_keywords_free(kw);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* Another language, through its stemmer and stopwords: the word the
 * German text is about, capitalized as nouns are. */
START_TEST(test_german)
{
	static const char de[] =
		"Die Energiewende kostet viel Geld. Die Energiewende braucht neue "
		"Leitungen im Norden. Neue Leitungen bringen Windstrom in den Süden. "
		"Der Windstrom aus dem Norden ist billig.\n";
	precis_ctx *ctx = ctx_of("de");
	precis_doc *d;
	precis_keywords *kw = keywords_of(ctx, de, 4, &d);
	ck_assert_int_ge(rank_of(kw, "Energiewende"), 0);
	ck_assert_int_lt(rank_of(kw, "Energiewende"), 2);
	ck_assert(has_word(kw, "Leitungen"));
	ck_assert(!has_word(kw, "Leitung") && !has_word(kw, "energiewend"));
	ck_assert(!has_word(kw, "die") && !has_word(kw, "Die") && !has_word(kw, "im"));
	precis_keywords_free(kw);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* The budget: at most `max`; none asked, none given; a text without a
 * content word has none; page furniture gives none. */
START_TEST(test_budget_and_empty)
{
	precis_ctx *ctx = ctx_of("en");
	precis_doc *d;
	for (size_t max = 0; max < 6; max++) {
		precis_keywords *kw = keywords_of(ctx, volcano, max, &d);
		ck_assert_uint_le(precis_keywords_count(kw), max);
		if (max > 0)
			ck_assert_uint_ge(precis_keywords_count(kw), 1);
		precis_keywords_free(kw);
		precis_doc_free(d);
	}
	static const char *const none[] = { "", "The and of it. 12 34, 5.\n",
					    "Scroll down for video\n", "a b c d.\n" };
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		precis_keywords *kw = keywords_of(ctx, none[i], 10, &d);
		ck_assert_msg(precis_keywords_count(kw) == 0, "keywords in '%s'", none[i]);
		precis_keywords_free(kw);
		precis_doc_free(d);
	}
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_arguments)
{
	precis_ctx *ctx = ctx_of("en");
	precis_doc *d;
	precis_keywords *kw = (precis_keywords *)1;
	precis_error err;
	ck_assert_int_eq(precis_doc_new(&d, ctx, volcano, strlen(volcano), NULL,
					PRECIS_DOC_SPLIT_ONLY, NULL), 0);
	ck_assert_int_eq(precis_keywords_new(&kw, ctx, d, 5, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_null(kw);
	ck_assert_int_eq(precis_keywords_new(&kw, NULL, d, 5, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_keywords_new(NULL, ctx, d, 5, &err), PRECIS_ERR_ARG);
	precis_keywords_free(NULL);
	ck_assert_uint_eq(precis_keywords_count(NULL), 0);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

typedef struct sink { char buf[8192]; size_t n; } sink;

static int to_sink(void *payload, const char *b, size_t len)
{
	sink *s = payload;
	if (s->n + len >= sizeof s->buf)
		return -1;
	memcpy(s->buf + s->n, b, len);
	s->n += len;
	s->buf[s->n] = '\0';
	return 0;
}

/* Rendered alone and as the "keywords" member of a summary. */
START_TEST(test_render)
{
	precis_ctx *ctx = ctx_of("en");
	precis_doc *d;
	precis_keywords *kw = keywords_of(ctx, quotas, 3, &d);
	precis_keyword first;
	ck_assert_int_eq(precis_keywords_get(kw, 0, &first), 0);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_keywords_render(kw, PRECIS_FORMAT_TEXT, NULL, to_sink, &k, NULL), 0);
	ck_assert_int_eq(strncmp(k.buf, first.text, first.length), 0);
	size_t lines = 0;
	for (size_t i = 0; i < k.n; i++)
		lines += k.buf[i] == '\n';
	ck_assert_uint_eq(lines, precis_keywords_count(kw));
	k.n = 0;
	ck_assert_int_eq(precis_keywords_render(kw, PRECIS_FORMAT_JSON, "q.txt", to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "{\"file\":\"q.txt\",\"keywords\":[{\"text\":\""));
	ck_assert_ptr_nonnull(strstr(k.buf, "\"count\":"));
	k.n = 0;
	ck_assert_int_eq(precis_keywords_render(kw, PRECIS_FORMAT_JSONL, "r1", to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "{\"id\":\"r1\",\"keywords\":[\""));
	precis_error err;
	ck_assert_int_eq(precis_keywords_render(kw, PRECIS_FORMAT_HTML, NULL, to_sink, &k, &err),
			 PRECIS_ERR_ARG);

	precis_summary *s;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	k.n = 0;
	ck_assert_int_eq(precis_summary_render_keywords(s, d, kw, PRECIS_FORMAT_JSON, "q", to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "\"keywords\":[{\"text\":"));
	ck_assert_ptr_nonnull(strstr(k.buf, "\"sentences\":[{"));
	k.n = 0;
	ck_assert_int_eq(precis_summary_render_keywords(s, d, kw, PRECIS_FORMAT_JSONL, "q", to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "\"keywords\":[\""));
	/* Without keywords, the output is what precis_summary_render gives. */
	sink plain = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSON, "q", to_sink, &plain, NULL), 0);
	k.n = 0;
	ck_assert_int_eq(precis_summary_render_keywords(s, d, NULL, PRECIS_FORMAT_JSON, "q", to_sink, &k, NULL), 0);
	ck_assert_str_eq(k.buf, plain.buf);
	ck_assert_ptr_null(strstr(k.buf, "keywords"));
	precis_summary_free(s);
	precis_keywords_free(kw);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("keywords");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_subject_first);
	tcase_add_test(tc, test_surface_forms);
	tcase_add_test(tc, test_german);
	tcase_add_test(tc, test_budget_and_empty);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_render);
	suite_add_tcase(s, tc);
	return s;
}
