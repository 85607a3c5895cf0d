/*
 * check_rank_centroid.c - MEAD's features one at a time, and its
 * redundancy penalty reordering the picks.
 *
 * In the document below zork and quux occur 3 times, blip twice, the rest
 * once; in-document idf keeps them all in the centroid, and C_i is highest
 * for units 1 and 2 (zork, quux, blip and two singles).
 */
#include "methodutil.h"

static const char *doc = "Mango nectarine olive papaya quince.\n"
			 "Zork quux blip apple banana.\n"
			 "Zork quux blip cherry damson.\n"
			 "Zork quux elder fig grape.\n";

static void weights(double pos, double first, double red)
{
	mu_set(PRECIS_PARAM_CENTROID_POSITION, pos);
	mu_set(PRECIS_PARAM_CENTROID_FIRST, first);
	mu_set(PRECIS_PARAM_CENTROID_REDUNDANCY, red);
}

START_TEST(test_centroid_only)
{
	char got[32];
	weights(0, 0, 0);
	mu_ranked(doc, "centroid", 4, got, sizeof got);
	ck_assert_str_eq(got, "1,2,3,0");
}
END_TEST

START_TEST(test_redundancy_penalty)
{
	/* R(2, 1) = 2 * 3 / 10, R(3, 1) = 2 * 2 / 10, R(0, 1) = 0: a heavy
	 * penalty sends the off-topic sentence second. */
	char got[32];
	weights(0, 0, 10);
	mu_ranked(doc, "centroid", 4, got, sizeof got);
	ck_assert_str_eq(got, "1,0,3,2");
}
END_TEST

START_TEST(test_position)
{
	char got[32];
	weights(100, 0, 0);
	mu_picks(doc, "centroid", 1, got, sizeof got);
	ck_assert_str_eq(got, "0");
}
END_TEST

START_TEST(test_first_sentence_overlap)
{
	/* Unit 3 repeats the first sentence's words; centroid alone would
	 * prefer unit 1 or 2. */
	const char *t = "Zork elder fig grape honeydew.\n"
			"Zork quux blip apple banana.\n"
			"Zork quux blip cherry damson.\n"
			"Quux elder fig grape kiwi.\n";
	double sc[8];
	weights(0, 10, 0);
	mu_scores(t, "centroid", sc, 8);
	ck_assert_uint_eq(mu_best(sc, 4), 0); /* overlaps itself the most */
	ck_assert(sc[3] > sc[1] && sc[3] > sc[2]);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_centroid");
	TCase *tc = tcase_create("centroid");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_centroid_only);
	tcase_add_test(tc, test_redundancy_penalty);
	tcase_add_test(tc, test_position);
	tcase_add_test(tc, test_first_sentence_overlap);
	suite_add_tcase(s, tc);
	return s;
}
