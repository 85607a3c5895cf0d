/*
 * check_detect.c - language detection (src/context/detect.c): paragraphs
 * and single sentences of our own in many languages, mixed texts, texts
 * without letters, bad bytes, and what the confidence says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static precis_detector *det;

static void setup(void)
{
	ck_assert_int_eq(precis_detector_new(&det, NULL), 0);
}

static void teardown(void)
{
	precis_detector_free(det);
}

static const char *detect(const char *text, double *conf)
{
	return precis_detect_language(det, text, strlen(text), conf);
}

static const struct { const char *lang, *text; } paragraphs[] = {
	{ "en", "The council met on Monday to discuss the new budget. Most members "
		"said that the plan was fair, but some of them wanted more money for "
		"the schools in the north of the city." },
	{ "de", "Der Rat hat am Montag über den neuen Haushalt beraten. Die meisten "
		"Mitglieder sagten, dass der Plan gerecht sei, aber einige wollten mehr "
		"Geld für die Schulen im Norden der Stadt." },
	{ "fr", "Le conseil s'est réuni lundi pour discuter du nouveau budget. La "
		"plupart des membres ont dit que le plan était juste, mais certains "
		"voulaient plus d'argent pour les écoles du nord de la ville." },
	{ "es", "El consejo se reunió el lunes para hablar del nuevo presupuesto. La "
		"mayoría de los miembros dijo que el plan era justo, pero algunos "
		"querían más dinero para las escuelas del norte de la ciudad." },
	{ "it", "Il consiglio si è riunito lunedì per discutere del nuovo bilancio. "
		"La maggior parte dei membri ha detto che il piano era giusto, ma "
		"alcuni volevano più soldi per le scuole del nord della città." },
	{ "pt", "O conselho reuniu-se na segunda-feira para discutir o novo "
		"orçamento. A maioria dos membros disse que o plano era justo, mas "
		"alguns queriam mais dinheiro para as escolas do norte da cidade." },
	{ "nl", "De raad kwam maandag bijeen om de nieuwe begroting te bespreken. "
		"De meeste leden zeiden dat het plan eerlijk was, maar sommigen wilden "
		"meer geld voor de scholen in het noorden van de stad." },
	{ "ru", "Совет собрался в понедельник, чтобы обсудить новый бюджет. "
		"Большинство членов сказали, что план был справедливым, но некоторые "
		"хотели больше денег для школ на севере города." },
	{ "zh", "市议会周一开会讨论新的预算。大多数成员说这个计划是公平的，但是有些人希望给城市北部的学校更多的钱。" },
	{ "ja", "市議会は月曜日に新しい予算について話し合いました。ほとんどの議員はその計画が公平だと言いました。" },
	{ "ko", "시의회는 월요일에 새 예산을 논의했습니다. 대부분의 의원들은 그 계획이 공정하다고 말했습니다." },
	{ "el", "Το συμβούλιο συνεδρίασε τη Δευτέρα για να συζητήσει τον νέο "
		"προϋπολογισμό. Τα περισσότερα μέλη είπαν ότι το σχέδιο ήταν δίκαιο." },
	{ "vi", "Hội đồng thành phố đã họp vào thứ Hai để thảo luận về ngân sách mới. "
		"Hầu hết các thành viên nói rằng kế hoạch này là công bằng." },
	{ "tr", "Meclis yeni bütçeyi görüşmek için pazartesi günü toplandı. Üyelerin "
		"çoğu planın adil olduğunu söyledi, ama bazıları okullar için daha "
		"fazla para istedi." },
};

/* A paragraph is detected in its language, clearly. */
START_TEST(paragraph)
{
	double conf = -1;
	const char *got = detect(paragraphs[_i].text, &conf);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, paragraphs[_i].lang);
	ck_assert(conf > 0.3 && conf <= 1.0);
	/* The code names a context precis makes. */
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, got, NULL), 0);
	precis_ctx_free(ctx);
}
END_TEST

static const struct { const char *lang, *text; } sentences[] = {
	{ "en", "Where is the station?" },
	{ "en", "I think it will rain tomorrow." },
	{ "de", "Ich weiß nicht, wo der Bahnhof ist." },
	{ "fr", "Je ne sais pas où est la gare." },
	{ "es", "¿Dónde está la estación de trenes?" },
	{ "ru", "Я не знаю, где вокзал." },
	{ "zh", "我不知道车站在哪里。" },
	{ "ja", "駅はどこですか。" },
};

/* One sentence is enough where it holds telling words. */
START_TEST(short_texts)
{
	const char *got = detect(sentences[_i].text, NULL);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, sentences[_i].lang);
}
END_TEST

/* A mixed text comes out in the language of most of it. */
START_TEST(mixed_texts)
{
	ck_assert_str_eq(detect("The minister said the words \"Wir schaffen das\" "
				"many times during the long campaign, and the voters "
				"in the north remembered them.", NULL), "en");
	ck_assert_str_eq(detect("Der Minister sagte \"we will do it\" immer wieder, "
				"und die Wähler im Norden haben es nicht vergessen.",
				NULL), "de");
	/* An English article quoting a Chinese name: the letters are Latin. */
	ck_assert_str_eq(detect("The company, known in China as 阿里巴巴, said that "
				"its profits rose in the last quarter of the year.",
				NULL), "en");
	/* Chinese with some English words: Han wins. */
	ck_assert_str_eq(detect("我们昨天在北京开会讨论了新的 iPhone 和 Android 手机市场。", NULL), "zh");
}
END_TEST

/* No letters, nothing to say; bad bytes are skipped; a word of no list
 * is a guess. */
START_TEST(edge_cases)
{
	double conf = 1;
	ck_assert_ptr_null(detect("", &conf));
	ck_assert(conf == 0.0);
	ck_assert_ptr_null(detect("12 34 -- +++ 56.", &conf));
	ck_assert_ptr_null(precis_detect_language(NULL, "text", 4, &conf));
	ck_assert_ptr_null(precis_detect_language(det, NULL, 0, &conf));
	ck_assert_str_eq(detect("\xFF\xFE The house is on the hill \xC3", NULL), "en");
	const char *got = detect("Xyzzy", &conf);
	ck_assert_str_eq(got, "en");
	ck_assert(conf == 0.0);
	double clear, weak;
	detect(paragraphs[0].text, &clear);
	detect("a", &weak);
	ck_assert(clear > weak);
}
END_TEST

/* The script with most letters wins by one letter: ASCII letters are
 * counted eight bytes at a time, and the bytes beside the letter ranges
 * ('@' '[' '`' '{') are no letters, at every alignment. */
START_TEST(letter_counts)
{
	const char *greek = "αβγδεζηθικ"; /* 10 letters, 2 bytes each */
	for (size_t pad = 0; pad < 9; pad++) {
		char buf[256];
		size_t n = 0;
		for (size_t i = 0; i < pad; i++)
			buf[n++] = "@[`{ 1.,"[i % 8];
		/* 9 Latin letters among ASCII non-letters, then 10 Greek ones:
		 * Greek has one more */
		n += (size_t)snprintf(buf + n, sizeof buf - n, "Zz@[a`{zA[@Zqxy %s", greek);
		ck_assert_str_eq(precis_detect_language(det, buf, n, NULL), "el");
		/* one Latin letter more: 11 against 10, and Latin wins */
		n = (size_t)snprintf(buf, sizeof buf, "%.*sZz@[a`{zA[@Zqxyvw %s",
				     (int)pad, "@[`{ 1.,", greek);
		ck_assert_str_ne(precis_detect_language(det, buf, n, NULL), "el");
	}
}
END_TEST

/* A long text whose first hundred words tell clearly is decided by them;
 * one whose beginning tells nothing is read on. */
START_TEST(early_decision)
{
	char *text = malloc(8192);
	ck_assert_ptr_nonnull(text);
	size_t n = 0;
	for (int i = 0; i < 10; i++) /* 110 English words */
		n += (size_t)sprintf(text + n, "%s ", "The man and the woman said that "
				     "it was in the house of the old king.");
	for (int i = 0; i < 20; i++) /* then 220 German ones */
		n += (size_t)sprintf(text + n, "%s ", "Der Mann und die Frau sagten, "
				     "dass es im Haus des alten Königs war.");
	ck_assert_uint_lt(n, 4096);
	ck_assert_str_eq(precis_detect_language(det, text, n, NULL), "en");
	/* 110 words of no list first: the German after them decides */
	n = 0;
	for (int i = 0; i < 110; i++)
		n += (size_t)sprintf(text + n, "%s ", i % 2 ? "Xyzzy" : "Plugh");
	for (int i = 0; i < 20; i++)
		n += (size_t)sprintf(text + n, "%s ", "Der Mann und die Frau sagten, "
				     "dass es im Haus des alten Königs war.");
	ck_assert_uint_lt(n, 4096);
	ck_assert_str_eq(precis_detect_language(det, text, n, NULL), "de");
	free(text);
}
END_TEST

Suite *make_suite(void);

Suite *make_suite(void)
{
	Suite *s = suite_create("detect");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, paragraph, 0, sizeof paragraphs / sizeof *paragraphs);
	tcase_add_loop_test(tc, short_texts, 0, sizeof sentences / sizeof *sentences);
	tcase_add_test(tc, mixed_texts);
	tcase_add_test(tc, edge_cases);
	tcase_add_test(tc, letter_counts);
	tcase_add_test(tc, early_decision);
	suite_add_tcase(s, tc);
	return s;
}
