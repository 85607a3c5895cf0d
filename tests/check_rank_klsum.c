/*
 * check_rank_klsum.c - KL-Sum's first pick is the sentence whose word
 * distribution matches the document's; later picks are the ones that
 * bring the summary's distribution closest.
 */
#include "methodutil.h"

START_TEST(test_closest_distribution_first)
{
	/* The document is uniform over zork, quux, blip (8 each), and so is
	 * unit 2 alone; the others hold one word each. Same lengths, so only
	 * the distribution can decide. */
	const char *t = "Zork zork zork zork zork zork.\n"
			"Quux quux quux quux quux quux.\n"
			"Zork zork quux quux blip blip.\n"
			"Blip blip blip blip blip blip.\n";
	char got[32];
	mu_picks(t, "klsum", 1, got, sizeof got);
	ck_assert_str_eq(got, "2");
	mu_ranked(t, "klsum", 4, got, sizeof got);
	/* After unit 2 the single-word units are symmetric, and after each
	 * of them the remaining ones still are: ties go to the earliest. */
	ck_assert_str_eq(got, "2,0,1,3");
}
END_TEST

START_TEST(test_complements)
{
	/* Unit 0 covers apple and banana; the document also talks about
	 * cherries as much. The second pick is the one that adds cherries,
	 * not the one that repeats apples. */
	const char *t = "Apple banana apple banana fig.\n"
			"Apple banana apple banana grape.\n"
			"Cherry cherry cherry cherry kiwi.\n";
	char got[32];
	mu_ranked(t, "klsum", 3, got, sizeof got);
	ck_assert_str_eq(got, "0,2,1");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_klsum");
	TCase *tc = tcase_create("klsum");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_closest_distribution_first);
	tcase_add_test(tc, test_complements);
	suite_add_tcase(s, tc);
	return s;
}
