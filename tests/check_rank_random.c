/*
 * check_rank_random.c - the random baseline: reproducible per seed, seeds
 * differ, budgets hold, only eligible units are drawn.
 */
#include "methodutil.h"

static const char *doc =
	"Quiet Morning Headline\n\n"
	"The first sentence of the story has enough words to count.\n"
	"The second sentence of the story has enough words too.\n"
	"The third sentence talks about something else entirely here.\n"
	"The fourth sentence adds a detail that nobody asked for.\n"
	"The fifth sentence repeats nothing and ends the paragraph.\n"
	"The sixth sentence opens with a fresh idea about gardens.\n"
	"The seventh sentence mentions the weather in the valley.\n"
	"The eighth sentence closes the story with a quiet remark.\n";

START_TEST(test_same_seed_same_picks)
{
	char a[64], b[64];
	for (unsigned long seed = 0; seed < 20; seed++) {
		mu_picks_seed(doc, "random", 3, seed, a, sizeof a);
		mu_picks_seed(doc, "random", 3, seed, b, sizeof b);
		ck_assert_str_eq(a, b);
	}
}
END_TEST

START_TEST(test_seeds_differ)
{
	char first[64], got[64];
	int differ = 0;
	mu_picks_seed(doc, "random", 3, 1, first, sizeof first);
	for (unsigned long seed = 2; seed < 20; seed++) {
		mu_picks_seed(doc, "random", 3, seed, got, sizeof got);
		differ += strcmp(first, got) != 0;
	}
	/* 56 possible triples: 18 seeds all drawing the same one would mean
	 * the seed is ignored. */
	ck_assert_int_gt(differ, 0);
}
END_TEST

START_TEST(test_counts_and_headline)
{
	char got[64];
	mu_set(PRECIS_PARAM_REDUNDANCY, 1.0); /* count the method's picks only */
	for (size_t n = 1; n <= 10; n++) {
		size_t k = mu_picks_seed(doc, "random", n, 7, got, sizeof got);
		ck_assert_uint_eq(k, n < 8 ? n : 8);
		/* Unit 0 is the headline: never eligible, never drawn. */
		ck_assert_msg(strncmp(got, "0,", 2) != 0 && strcmp(got, "0") != 0,
			      "headline picked: %s", got);
	}
}
END_TEST

START_TEST(test_scores_uniform_range)
{
	double sc[16];
	size_t n = mu_scores(doc, "random", sc, 16);
	ck_assert_uint_eq(n, 9);
	ck_assert(sc[0] < 0); /* the headline is not scored */
	for (size_t i = 1; i < n; i++)
		ck_assert(sc[i] >= 0.0 && sc[i] < 1.0);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_random");
	TCase *tc = tcase_create("random");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_same_seed_same_picks);
	tcase_add_test(tc, test_seeds_differ);
	tcase_add_test(tc, test_counts_and_headline);
	tcase_add_test(tc, test_scores_uniform_range);
	suite_add_tcase(s, tc);
	return s;
}
