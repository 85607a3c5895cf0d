/*
 * check_rank_sumbasic.c - SumBasic's update: after the first pick its words
 * are squared down, so the second pick avoids them even though the
 * sentence repeating them started out ahead.
 *
 * zork, quux, blip occur twice, every other word once (N = 20): sentence
 * weights start at 7/5N for units 0 and 1, 6/5N for units 2 and 3.
 */
#include "methodutil.h"

static const char *doc = "Zork quux apple banana cherry.\n"
			 "Zork quux damson elder fig.\n"
			 "Blip grape honeydew kiwi lemon.\n"
			 "Blip mango nectarine olive papaya.\n";

START_TEST(test_order)
{
	char got[32];
	mu_ranked(doc, "sumbasic", 4, got, sizeof got);
	/* 0: holds the most probable word (zork), first on the tie with 1;
	 * 2: blip is now the most probable word (zork, quux squared);
	 * 1: the remaining single-count words come first in unit 1;
	 * 3: last. */
	ck_assert_str_eq(got, "0,2,1,3");
}
END_TEST

START_TEST(test_second_pick_avoids_first)
{
	char got[32];
	mu_set(PRECIS_PARAM_REDUNDANCY, 1.0); /* no help from select.c */
	mu_picks(doc, "sumbasic", 2, got, sizeof got);
	ck_assert_str_eq(got, "0,2");
}
END_TEST

START_TEST(test_most_probable_word_required)
{
	/* Unit 1 has the highest average (13/5N against 11/5N), but only
	 * units 0 and 2 hold the most probable word (zork, 4 of 15): step 3
	 * picks unit 0 first; then quux (3 of 15) leads, and unit 1 follows. */
	const char *t = "Zork zork apple banana cherry.\n"
			"Quux quux quux blip blip.\n"
			"Zork zork fig grape honeydew.\n";
	char got[32];
	mu_ranked(t, "sumbasic", 3, got, sizeof got);
	ck_assert_str_eq(got, "0,1,2");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_sumbasic");
	TCase *tc = tcase_create("sumbasic");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_second_pick_avoids_first);
	tcase_add_test(tc, test_most_probable_word_required);
	suite_add_tcase(s, tc);
	return s;
}
