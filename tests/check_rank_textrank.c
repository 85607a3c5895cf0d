/*
 * check_rank_textrank.c - TextRank on a similarity star (the hub wins), and
 * the PageRank fixed point of an isolated sentence, (1 - d) per node.
 */
#include "methodutil.h"

static const char *star =
	"The mayor opened a new library downtown.\n"
	"The teacher graded exams all weekend long.\n"
	"The mayor, the teacher, the doctor and the farmer met at noon.\n"
	"The doctor treated patients in the clinic.\n"
	"The farmer harvested wheat before the storm.\n"
	"A choir sang hymns in the cathedral.\n";

START_TEST(test_hub)
{
	double sc[8];
	ck_assert_uint_eq(mu_scores(star, "textrank", sc, 8), 6);
	ck_assert_uint_eq(mu_best(sc, 6), 2);
	/* Scores are WS(Vi) with sum n: an isolated node gets only 1 - d,
	 * plus its share of nothing. */
	double sum = 0.0;
	for (size_t i = 0; i < 6; i++)
		sum += sc[i];
	ck_assert_double_eq_tol(sum, 6.0, 1e-9);
	for (size_t i = 0; i < 5; i++)
		ck_assert(sc[5] < sc[i]);
}
END_TEST

START_TEST(test_damping)
{
	/* d = 0: no link is followed, every sentence scores 1 - d = 1. */
	double sc[8];
	mu_set(PRECIS_PARAM_TEXTRANK_DAMPING, 0.0);
	mu_scores(star, "textrank", sc, 8);
	for (size_t i = 0; i < 6; i++)
		ck_assert_double_eq_tol(sc[i], 1.0, 1e-9);
}
END_TEST

START_TEST(test_two_nodes)
{
	/* Two linked sentences and one alone (no edges: its walker jumps):
	 * PageRank with jump 1 - d gives the pair equal, higher scores. */
	const char *t = "Zork quux apple banana cherry.\n"
			"Zork quux damson elder fig.\n"
			"Mango nectarine olive papaya quince.\n";
	double sc[4];
	mu_scores(t, "textrank", sc, 4);
	ck_assert_double_eq_tol(sc[0], sc[1], 1e-12);
	ck_assert(sc[0] > sc[2]);
	/* Closed form: the lone node holds (1 - d) / n of the mass plus a
	 * third of its own, so p2 = (1 - d) / (3 - d) and scores are 3 p. */
	double d = 0.85;
	ck_assert_double_eq_tol(sc[2], 3.0 * (1 - d) / (3 - d), 1e-8);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_textrank");
	TCase *tc = tcase_create("textrank");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_hub);
	tcase_add_test(tc, test_damping);
	tcase_add_test(tc, test_two_nodes);
	suite_add_tcase(s, tc);
	return s;
}
