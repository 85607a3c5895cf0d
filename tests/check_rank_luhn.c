/*
 * check_rank_luhn.c - Luhn's significance clusters, worked out by hand on
 * nonsense words (their stems are themselves): "zork" occurs 5 times and
 * "quux" 4 times, every other word once.
 */
#include <math.h>

#include "methodutil.h"

static const char *doc =
	"Zork apple quux banana cherry zork.\n"              /* z . q . . z */
	"Zork damson elder fig grape honeydew kiwi quux.\n"  /* z . . . . . . q */
	"Quux zork quux zork lemon.\n"                       /* q z q z . */
	"Mango nectarine olive papaya quince.\n";            /* nothing */

#define near(a, b) ck_assert_msg(fabs((a) - (b)) < 1e-9, "%g != %g", (a), (b))

START_TEST(test_cluster_scores)
{
	double sc[8];
	ck_assert_uint_eq(mu_scores(doc, "luhn", sc, 8), 4);
	near(sc[0], 9.0 / 6.0); /* one cluster: 3 significant in 6 words */
	near(sc[1], 1.0);       /* gap of 6 > 4: two clusters of one word */
	near(sc[2], 16.0 / 4.0); /* 4 significant in 4 words: the winner */
	near(sc[3], 0.0);
	ck_assert_uint_eq(mu_best(sc, 4), 2);
}
END_TEST

START_TEST(test_gap)
{
	double sc[8];
	mu_set(PRECIS_PARAM_LUHN_GAP, 6);
	mu_scores(doc, "luhn", sc, 8);
	near(sc[1], 4.0 / 8.0); /* now one cluster: 2 significant in 8 words */
}
END_TEST

START_TEST(test_min_count)
{
	double sc[8];
	mu_set(PRECIS_PARAM_LUHN_MIN_COUNT, 5); /* only zork is significant */
	mu_scores(doc, "luhn", sc, 8);
	near(sc[0], 4.0 / 6.0);
	near(sc[1], 1.0);
	near(sc[2], 4.0 / 3.0);
}
END_TEST

START_TEST(test_frequent_words_win)
{
	/* The sentence that gathers the story's recurring words wins. */
	const char *t =
		"The harbour crane lifted steel containers onto the cargo ship.\n"
		"A cafe near the station served soup to travellers at lunch.\n"
		"Cargo from the ship left the harbour by rail and by truck.\n"
		"The harbour crane and the cargo ship worked through the night.\n"
		"Birds circled over the old lighthouse on the northern cliff.\n";
	char got[32];
	mu_picks(t, "luhn", 1, got, sizeof got);
	ck_assert_str_eq(got, "3");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_luhn");
	TCase *tc = tcase_create("luhn");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_cluster_scores);
	tcase_add_test(tc, test_gap);
	tcase_add_test(tc, test_min_count);
	tcase_add_test(tc, test_frequent_words_win);
	suite_add_tcase(s, tc);
	return s;
}
