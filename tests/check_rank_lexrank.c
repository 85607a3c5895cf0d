/*
 * check_rank_lexrank.c - LexRank on a similarity star: the hub sentence
 * shares a word with each leaf and the leaves share none with each other,
 * so the walk visits the hub most, in both variants.
 */
#include "methodutil.h"

static const char *star =
	"The mayor opened a new library downtown.\n"
	"The teacher graded exams all weekend long.\n"
	"The mayor, the teacher, the doctor and the farmer met at noon.\n"
	"The doctor treated patients in the clinic.\n"
	"The farmer harvested wheat before the storm.\n"
	"A choir sang hymns in the cathedral.\n";

START_TEST(test_continuous_hub)
{
	double sc[8], sum = 0.0;
	ck_assert_uint_eq(mu_scores(star, "lexrank", sc, 8), 6);
	ck_assert_uint_eq(mu_best(sc, 6), 2);
	/* A stationary distribution; the isolated sentence keeps exactly its
	 * uniform share (its only edge is its loop: cosine 1 with itself). */
	for (size_t i = 0; i < 6; i++)
		sum += sc[i];
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	ck_assert_double_eq_tol(sc[5], 1.0 / 6.0, 1e-9);
	/* Symmetric leaves score alike. */
	ck_assert_double_eq_tol(sc[0], sc[1], 1e-12);
}
END_TEST

START_TEST(test_threshold_hub)
{
	double sc[8];
	mu_set(PRECIS_PARAM_LEXRANK_THRESHOLD, 0.1);
	mu_scores(star, "lexrank", sc, 8);
	ck_assert_uint_eq(mu_best(sc, 6), 2);
	/* Unweighted edges: all four leaves look the same to the walk. */
	for (size_t i = 1; i < 5; i++)
		if (i != 2)
			ck_assert_double_eq_tol(sc[i], sc[0], 1e-12);
}
END_TEST

START_TEST(test_threshold_cuts_edges)
{
	/* A threshold above every cosine but the loops leaves each sentence
	 * alone: the walk is uniform. */
	double sc[8];
	mu_set(PRECIS_PARAM_LEXRANK_THRESHOLD, 0.99);
	mu_scores(star, "lexrank", sc, 8);
	for (size_t i = 0; i < 6; i++)
		ck_assert_double_eq_tol(sc[i], 1.0 / 6.0, 1e-9);
}
END_TEST

START_TEST(test_picks)
{
	char got[32];
	mu_picks(star, "lexrank", 1, got, sizeof got);
	ck_assert_str_eq(got, "2");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_lexrank");
	TCase *tc = tcase_create("lexrank");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_continuous_hub);
	tcase_add_test(tc, test_threshold_hub);
	tcase_add_test(tc, test_threshold_cuts_edges);
	tcase_add_test(tc, test_picks);
	suite_add_tcase(s, tc);
	return s;
}
