/*
 * check_rank_knn.c - the sparse neighbour graph of lexrank and textrank
 * (src/rank/knn.c): on a short text, where it keeps every edge, it scores
 * as the exact graph does; past graph-exact-max a long text whose
 * sentences all share terms (quadratic for the exact graph; it was refused
 * over 2^26 edges) is ranked, and the sentences sharing nothing score
 * below those that do (textrank).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "methodutil.h"

static const char *star =
	"The mayor opened a new library downtown.\n"
	"The teacher graded exams all weekend long.\n"
	"The mayor, the teacher, the doctor and the farmer met at noon.\n"
	"The doctor treated patients in the clinic.\n"
	"The farmer harvested wheat before the storm.\n"
	"A choir sang hymns in the cathedral.\n"
	"The mayor thanked the farmer for the wheat.\n"
	"The clinic hired a teacher for the patients.\n";

static void same_as_exact(const char *m)
{
	double exact[8], sparse[8];
	size_t n = mu_scores(star, m, exact, 8);
	mu_set(PRECIS_PARAM_GRAPH_EXACT_MAX, 0.0);
	ck_assert_uint_eq(mu_scores(star, m, sparse, 8), n);
	for (size_t i = 0; i < n; i++)
		ck_assert_double_eq_tol(sparse[i], exact[i], 1e-6);
}

START_TEST(test_short_lexrank) { same_as_exact("lexrank"); }
END_TEST

START_TEST(test_short_textrank) { same_as_exact("textrank"); }
END_TEST

/* A word of letters only, unique to i (the tokenizer's terms). */
static void word(char *out, size_t i, char first)
{
	*out++ = first;
	do {
		*out++ = (char)('a' + i % 26);
		i /= 26;
	} while (i > 0);
	*out = '\0';
}

#define LONG_N 9000

/* LONG_N sentences: all but every 50th share "mayor council budget"; the
 * 50th share nothing with any other. */
static char *long_text(void)
{
	char *t = malloc(LONG_N * 80), *at = t;
	ck_assert_ptr_nonnull(t);
	for (size_t i = 0; i < LONG_N; i++) {
		char a[16], b[16], c[16];
		word(a, i, 'q');
		word(b, i, 'x');
		word(c, i, 'z');
		if (i % 50 == 49)
			at += sprintf(at, "Zq%s yx%s vz%s wq%s kx%s.\n", a, b, c, a, b);
		else
			at += sprintf(at, "The mayor told the council its budget %s.\n", a);
	}
	return t;
}

/* textrank: the lone sentences below the shared ones; lexrank, whose
 * sentences keep their loops (a lone one keeps its own mass), a
 * distribution: its scores sum to 1 (less those of the few units that
 * selection leaves out). */
static void long_ranked(const char *m)
{
	char *t = long_text();
	double *sc = malloc(LONG_N * sizeof *sc);
	ck_assert_ptr_nonnull(sc);
	ck_assert_uint_eq(mu_scores(t, m, sc, LONG_N), LONG_N);
	double lone = 0.0, shared = INFINITY, sum = 0.0;
	size_t scored = 0;
	/* Unit 0, a short first line, is the headline, and cleaning drops a
	 * few lines as repeated page furniture: those are never picked. */
	for (size_t i = 1; i < LONG_N; i++) {
		if (sc[i] == -1.0)
			continue;
		scored++;
		sum += sc[i];
		ck_assert_msg(isfinite(sc[i]) && sc[i] > 0.0, "%s: unit %zu: %g",
			      m, i, sc[i]);
		if (i % 50 == 49)
			lone = fmax(lone, sc[i]);
		else
			shared = fmin(shared, sc[i]);
	}
	ck_assert_uint_gt(scored, LONG_N * 9 / 10);
	if (strcmp(m, "textrank") == 0)
		ck_assert_msg(lone < shared, "lone %g, shared %g", lone, shared);
	else
		ck_assert(sum > 0.9 && sum < 1.0 + 1e-9); /* a few not picked */
	free(sc);
	free(t);
}

START_TEST(test_long_lexrank) { long_ranked("lexrank"); }
END_TEST

START_TEST(test_long_textrank) { long_ranked("textrank"); }
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_knn");
	TCase *tc = tcase_create("knn");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_short_lexrank);
	tcase_add_test(tc, test_short_textrank);
	tcase_add_test(tc, test_long_lexrank);
	tcase_add_test(tc, test_long_textrank);
	suite_add_tcase(s, tc);
	return s;
}
