/*
 * check_rank.c - the scorers on documents whose right answer is known.
 */
#include <string.h>

#include "methodutil.h"
#include "summary/clean.h"

static const char *story =
	"The city council approved a new budget for public schools on Monday.\n"
	"Members of the council argued about the school budget for three hours.\n"
	"A local bakery celebrated its fiftieth anniversary with free bread.\n"
	"The approved school budget adds teachers and repairs old school buildings.\n"
	"Parents welcomed the council vote on the school budget after the meeting.\n";

START_TEST(test_lead)
{
	char got[64];
	mu_picks(story, "lead", 2, got, sizeof got);
	ck_assert_str_eq(got, "0,1");
}
END_TEST

START_TEST(test_centrality_without_priors)
{
	/* Without the position prior the off-topic bakery sentence loses and
	 * the sentences about the school budget win. */
	mu_set(PRECIS_PARAM_POSITION_WEIGHT, 0);
	mu_set(PRECIS_PARAM_PARAGRAPH_WEIGHT, 0);
	char got[64];
	mu_picks(story, "tfidf", 4, got, sizeof got);
	ck_assert_str_eq(got, "0,1,3,4");
}
END_TEST

START_TEST(test_position_prior)
{
	/* Equal content: the prior decides for the earlier sentence. */
	const char *t = "Rain fell on the northern hills overnight again.\n"
			"Rain fell on the northern hills overnight once more.\n";
	mu_set(PRECIS_PARAM_REDUNDANCY, 1.0);
	char got[64];
	mu_picks(t, "tfidf", 1, got, sizeof got);
	ck_assert_str_eq(got, "0");
}
END_TEST

START_TEST(test_title_overlap)
{
	const char *t = "Bakery Turns Fifty\n\n"
			"The city council approved a new budget for public schools on Monday.\n"
			"A local bakery celebrated turning fifty with free bread for all.\n"
			"Members of the council argued about the school budget for hours.\n";
	mu_set(PRECIS_PARAM_POSITION_WEIGHT, 0);
	mu_set(PRECIS_PARAM_PARAGRAPH_WEIGHT, 0);
	mu_set(PRECIS_PARAM_TITLE_WEIGHT, 10);
	char got[64];
	mu_picks(t, "tfidf", 1, got, sizeof got);
	ck_assert_str_eq(got, "2"); /* unit 0 is the headline, never picked */
}
END_TEST

START_TEST(test_no_duplicates)
{
	const char *t = "Teaser Headline Here\n\n"
			"The minister arrived in the capital on Thursday for talks on trade.\n\n"
			"The minister arrived in the capital on Thursday for talks on trade.\n\n"
			"Officials expect an agreement on tariffs to be signed later this week.\n\n"
			"The talks follow a year of tension over steel exports and farm goods.\n";
	char got[64];
	mu_picks(t, "tfidf", 3, got, sizeof got);
	ck_assert_str_eq(got, "1,3,4");
	mu_picks(t, "lead", 2, got, sizeof got);
	ck_assert_str_eq(got, "1,3");
}
END_TEST

START_TEST(test_short_units_skipped)
{
	/* Fragments under min-words are not picked while sentences exist. */
	const char *t = "Yes.\nThe committee will publish its full report in the spring.\nNo.\n";
	char got[64];
	mu_picks(t, "tfidf", 3, got, sizeof got);
	ck_assert_str_eq(got, "1");
}
END_TEST

/* A long on-topic sentence against a short one saying the core of it. */
static const char *long_vs_short =
	"Heavy snow closed the mountain pass and the airport on Friday.\n"
	"The storm dropped heavy snow across the valley, closing the mountain pass, "
	"the airport, the schools and the ski lifts, and forecasters said the snow "
	"would keep falling on the valley, the pass and the airport until Sunday.\n"
	"Heavy snow closed the valley schools.\n";

START_TEST(test_length_penalty_off)
{
	/* The premise: without the penalty, the long sentence's many centroid
	 * terms win it the single slot. */
	mu_set(PRECIS_PARAM_POSITION_WEIGHT, 0);
	mu_set(PRECIS_PARAM_PARAGRAPH_WEIGHT, 0);
	mu_set(PRECIS_PARAM_LENGTH_WEIGHT, 0);
	char got[64];
	mu_picks(long_vs_short, "tfidf", 1, got, sizeof got);
	ck_assert_str_eq(got, "1");
}
END_TEST

START_TEST(test_length_penalty_on)
{
	/* With it, the long sentence pays for its excess and a short one wins;
	 * sentences under the target pay nothing, so the order among the short
	 * ones is centrality's. */
	mu_set(PRECIS_PARAM_POSITION_WEIGHT, 0);
	mu_set(PRECIS_PARAM_PARAGRAPH_WEIGHT, 0);
	mu_set(PRECIS_PARAM_LENGTH_TARGET, 15);
	mu_set(PRECIS_PARAM_LENGTH_WEIGHT, 0.5);
	char got[64];
	mu_picks(long_vs_short, "tfidf", 1, got, sizeof got);
	ck_assert_str_eq(got, "0");
	mu_picks(long_vs_short, "tfidf", 3, got, sizeof got);
	ck_assert_str_eq(got, "0,1,2"); /* penalized, not excluded */
}
END_TEST

START_TEST(test_furniture_detected)
{
	static const char *const yes[] = {
		"PUBLISHED: 12:52 EST, 3 March 2013 | UPDATED: 13:03 EST, 3 March 2013",
		"published : . 12:52 est , 3 march 2013 .",
		"Last updated at 5:46 PM on 12th March 2012",
		"Scroll down for video.",
		"Scroll down for video .",
		"Click here to see the full gallery of pictures",
		"READ MORE : Japan unveils its largest warship",
		"E-mail to a friend",
		"CNN's Jane Doe and John Roe contributed to this report.",
		/* The first word opens no rule: only the credit's look finds
		 * these. */
		"Reporting by Jane Doe; John Roe contributed reporting.",
		"Copyright 2013 Reuters. All rights reserved.",
		"sept 3 2013 , 10:02 gmt",
		/* Sign-offs: a Debian changelog's trailer, a mail's signature. */
		" -- Matthias Klose <doko@debian.org>  Mon, 02 Jan 2023 13:06:21 +0100",
		"-- Jane Doe, Harbour Instruments",
	};
	static const char *const no[] = {
		"Published in 1998, the book sold two million copies in March alone.",
		"The trial will resume on Monday, 3 March, at 10 am.",
		"By the time the ball dropped, the crowd of 3,000 had gone home.",
		"Readers can scroll through the archive of March 2013 online.",
		"Jane Doe, who contributed to this report from Paris, spent two "
		"decades covering the ministry and its many quarrels with the press.",
		"Contributed to this report",
		"- The minister said the talks would go on until a deal was struck.",
		"--enable-asm builds the assembly version of the checksum code.",
		"-- and then, after a pause that seemed to last for ever, the chairman "
		"stood up, thanked the committee for its patience and walked out.",
		"!!! ...",
		"",
	};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		ck_assert_msg(precis__is_furniture(yes[i], strlen(yes[i])), "%s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!precis__is_furniture(no[i], strlen(no[i])), "%s", no[i]);
}
END_TEST

START_TEST(test_furniture_not_picked)
{
	/* A time stamp and a widget line lead the page; neither lead nor tfidf
	 * may spend a slot on them while story sentences remain. */
	const char *t =
		"PUBLISHED: 12:52 EST, 3 March 2013 | UPDATED: 13:03 EST, 3 March 2013\n\n"
		"Scroll down for video\n\n"
		"A fire destroyed the old mill in the town centre on Sunday night.\n"
		"Firefighters fought the fire at the mill for six hours before dawn.\n"
		"CNN's Jane Doe contributed to this report.\n";
	char got[64];
	mu_picks(t, "lead", 2, got, sizeof got);
	ck_assert_str_eq(got, "2,3");
	mu_picks(t, "tfidf", 3, got, sizeof got);
	ck_assert_str_eq(got, "2,3");
}
END_TEST

/* Chinese has no spaces between words: its terms are character bigrams,
 * so sentences about the school budget share terms and the graph and
 * centroid methods see them (one term per clause, they saw nothing). The
 * sentence sharing most with the others ranks first, the next most second;
 * the off-topic one (the bakery) ranks last. */
static const char *zh_story =
	"\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE5\x91\xA8\xE4\xB8\x80\xE6\x89\xB9\xE5\x87\x86"
	"\xE4\xBA\x86\xE5\xAD\xA6\xE6\xA0\xA1\xE7\x9A\x84\xE6\x96\xB0\xE9\xA2\x84\xE7\xAE\x97"
	"\xE3\x80\x82\n" /* 市议会周一批准了学校的新预算。 */
	"\xE4\xB8\x80\xE5\xAE\xB6\xE9\x9D\xA2\xE5\x8C\x85\xE5\xBA\x97\xE5\xBA\x86\xE7\xA5\x9D"
	"\xE5\xBC\x80\xE4\xB8\x9A\xE4\xBA\x94\xE5\x8D\x81\xE5\x91\xA8\xE5\xB9\xB4\xE3\x80\x82\n"
	/* 一家面包店庆祝开业五十周年。 */
	"\xE8\xAE\xAE\xE4\xBC\x9A\xE6\x88\x90\xE5\x91\x98\xE4\xB8\xBA\xE5\xAD\xA6\xE6\xA0\xA1"
	"\xE9\xA2\x84\xE7\xAE\x97\xE4\xBA\x89\xE8\xAE\xBA\xE4\xBA\x86\xE4\xB8\x89\xE4\xB8\xAA"
	"\xE5\xB0\x8F\xE6\x97\xB6\xE3\x80\x82\n" /* 议会成员为学校预算争论了三个小时。 */
	"\xE6\x96\xB0\xE7\x9A\x84\xE5\xAD\xA6\xE6\xA0\xA1\xE9\xA2\x84\xE7\xAE\x97\xE5\xA2\x9E"
	"\xE5\x8A\xA0\xE6\x95\x99\xE5\xB8\x88\xE5\xB9\xB6\xE4\xBF\xAE\xE7\xBC\xAE\xE6\x97\xA7"
	"\xE6\xA0\xA1\xE8\x88\x8D\xE3\x80\x82\n" /* 新的学校预算增加教师并修缮旧校舍。 */
	"\xE5\xAE\xB6\xE9\x95\xBF\xE4\xBB\xAC\xE6\xAC\xA2\xE8\xBF\x8E\xE5\xB8\x82\xE8\xAE\xAE"
	"\xE4\xBC\x9A\xE6\x89\xB9\xE5\x87\x86\xE7\x9A\x84\xE5\xAD\xA6\xE6\xA0\xA1\xE6\x96\xB0"
	"\xE9\xA2\x84\xE7\xAE\x97\xE5\x92\x8C\xE8\xAE\xAE\xE4\xBC\x9A\xE6\x88\x90\xE5\x91\x98"
	"\xE7\x9A\x84\xE4\xBA\x89\xE8\xAE\xBA\xE3\x80\x82\n";
	/* 家长们欢迎市议会批准的学校新预算和议会成员的争论。 */

START_TEST(test_chinese_similarity)
{
	precis_ctx_free(mu_ctx);
	ck_assert_int_eq(precis_ctx_new(&mu_ctx, "zh", NULL), 0);
	mu_set(PRECIS_PARAM_POSITION_WEIGHT, 0);
	mu_set(PRECIS_PARAM_PARAGRAPH_WEIGHT, 0);
	static const char *const methods[] = { "lexrank", "textrank", "tfidf" };
	char got[64];
	for (size_t m = 0; m < 3; m++) {
		mu_ranked(zh_story, methods[m], 5, got, sizeof got);
		ck_assert_msg(strncmp(got, "4,2,", 4) == 0, "%s ranks %s", methods[m], got);
		/* LexRank's score follows a sentence's degree, and a sentence
		 * with no neighbour keeps the uniform share: it is not last. */
		if (m > 0)
			ck_assert_msg(got[strlen(got) - 1] == '1', "%s ranks %s",
				      methods[m], got);
		mu_picks(zh_story, methods[m], 2, got, sizeof got);
		ck_assert_msg(strcmp(got, "2,4") == 0, "%s picks %s", methods[m], got);
	}
	mu_picks(zh_story, "tfidf", 4, got, sizeof got);
	ck_assert_str_eq(got, "0,2,3,4");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_lead);
	tcase_add_test(tc, test_centrality_without_priors);
	tcase_add_test(tc, test_position_prior);
	tcase_add_test(tc, test_title_overlap);
	tcase_add_test(tc, test_no_duplicates);
	tcase_add_test(tc, test_short_units_skipped);
	tcase_add_test(tc, test_length_penalty_off);
	tcase_add_test(tc, test_length_penalty_on);
	tcase_add_test(tc, test_furniture_detected);
	tcase_add_test(tc, test_furniture_not_picked);
	tcase_add_test(tc, test_chinese_similarity);
	suite_add_tcase(s, tc);
	return s;
}
