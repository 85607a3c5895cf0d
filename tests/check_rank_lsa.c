/*
 * check_rank_lsa.c - Steinberger & Ježek's LSA score. With every dimension
 * kept, sum_i s_i^2 v_ki^2 is the k-th diagonal entry of V S^2 V^T = A^T A,
 * the squared length of sentence k's term-frequency column: an exact check
 * of the decomposition. With the weak dimensions dropped, sentences of the
 * dominant topic win.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "methodutil.h"

START_TEST(test_all_dimensions_give_column_norms)
{
	const char *t = "Zork zork quux apple banana.\n"  /* 4+1+1+1 = 7 */
			"Zork quux quux quux cherry.\n"   /* 1+9+1 = 11 */
			"Blip blip blip zork damson.\n"   /* 9+1+1 = 11 */
			"Elder fig grape honeydew kiwi.\n"; /* 5 */
	double sc[8];
	mu_set(PRECIS_PARAM_LSA_SIGMA_RATIO, 0.0);
	ck_assert_uint_eq(mu_scores(t, "lsa", sc, 8), 4);
	ck_assert_double_eq_tol(sc[0], sqrt(7.0), 1e-9);
	ck_assert_double_eq_tol(sc[1], sqrt(11.0), 1e-9);
	ck_assert_double_eq_tol(sc[2], sqrt(11.0), 1e-9);
	ck_assert_double_eq_tol(sc[3], sqrt(5.0), 1e-9);
}
END_TEST

START_TEST(test_dominant_topic)
{
	/* Six sentences share four words: A^T A has the eigenvalue
	 * 5 + 5 * 4 = 25 (s = 5) for the topic, 1 for the rest of it, and 5
	 * (s = 2.24 < 5 / 2) for the off-topic sentence: dropped at ratio
	 * 0.5, so the off-topic sentence scores 0 and each topic sentence
	 * sqrt(25 / 6). */
	const char *t = "Zork quux blip wug apple.\n"
			"Zork quux blip wug banana.\n"
			"Mango nectarine olive papaya quince.\n"
			"Zork quux blip wug cherry.\n"
			"Zork quux blip wug damson.\n"
			"Zork quux blip wug elder.\n"
			"Zork quux blip wug fig.\n";
	double sc[8];
	ck_assert_uint_eq(mu_scores(t, "lsa", sc, 8), 7);
	ck_assert_double_eq_tol(sc[2], 0.0, 1e-9);
	for (size_t i = 0; i < 7; i++)
		if (i != 2)
			ck_assert_double_eq_tol(sc[i], sqrt(25.0 / 6.0), 1e-9);
}
END_TEST

START_TEST(test_many_sentences)
{
	/* More sentences than the dense limit: subspace iteration. Sixty
	 * sentences share topic words, every seventh is off-topic. */
	char *t = malloc(70 * 80);
	size_t k = 0;
	for (int i = 0; i < 70; i++)
		if (i % 7 == 3)
			k += (size_t)sprintf(t + k, "W%da w%db w%dc w%dd w%de.\n",
					     i, i, i, i, i);
		else
			k += (size_t)sprintf(t + k, "Zork quux blip item%da item%db.\n",
					     i, i);
	double sc[80];
	ck_assert_uint_eq(mu_scores(t, "lsa", sc, 80), 70);
	for (int i = 0; i < 70; i++)
		if (i % 7 == 3)
			ck_assert_double_eq_tol(sc[i], 0.0, 1e-6);
		else
			ck_assert(sc[i] > 1.0);
	free(t);
}
END_TEST

/* A document of 50 to 109 short sentences drawn from 24 words by an LCG
 * seeded with `seed`: more than the dense limit, and no clear topic. */
static size_t random_doc(uint64_t seed, char *buf)
{
	static const char *const words[] = {
		"river", "council", "budget", "school", "teacher", "road",
		"bridge", "farm", "market", "price", "storm", "harbor", "train",
		"station", "mayor", "voter", "tax", "park", "library", "clinic",
		"doctor", "nurse", "factory", "worker"
	};
	uint64_t x = seed;
#define NEXT(n) (x = x * 6364136223846793005ull + 1442695040888963407ull, \
		 (unsigned)(x >> 33) % (n))
	size_t n = 0;
	unsigned ns = 50 + NEXT(60);
	for (unsigned s = 0; s < ns; s++) {
		unsigned nw = 5 + NEXT(5);
		for (unsigned w = 0; w < nw; w++)
			n += (size_t)sprintf(buf + n, w ? " %s" : "The %s", words[NEXT(24)]);
		n += (size_t)sprintf(buf + n, ".\n");
	}
#undef NEXT
	return n;
}

START_TEST(test_same_scores_as_before)
{
	/* Without a clear topic the subspace iteration has not settled after
	 * its 30 steps, so the last bits of its sums decide the winner: these
	 * are the picks precis gave before the iteration was made faster, and
	 * a faster one must still give them (summing the Gram-Schmidt dot
	 * products in four running sums gave 78, 29, 62, 73). */
	static const char *const want[] = { "20", "29", "51", "3" };
	char *t = malloc(110 * 100), got[32]; /* sentences of < 100 bytes */
	for (int seed = 0; seed < 4; seed++) {
		random_doc((uint64_t)seed, t);
		mu_picks(t, "lsa", 1, got, sizeof got);
		ck_assert_msg(strcmp(got, want[seed]) == 0, "seed %d: %s, want %s",
			      seed, got, want[seed]);
	}
	free(t);
}
END_TEST

START_TEST(test_long_document)
{
	/* Past the long-document limit (2000 candidates) the iteration keeps
	 * fewer dimensions for fewer steps: the dominant topic still wins
	 * and the off-topic sentences still score 0. */
	enum { N = 7000 };
	char *t = malloc(N * 80);
	double *sc = malloc(N * sizeof *sc);
	ck_assert(t != NULL && sc != NULL);
	size_t k = 0;
	for (int i = 0; i < N; i++)
		if (i % 7 == 3)
			k += (size_t)sprintf(t + k, "W%da w%db w%dc w%dd w%de.\n",
					     i, i, i, i, i);
		else
			k += (size_t)sprintf(t + k, "Zork quux blip item%da item%db.\n",
					     i, i);
	ck_assert_uint_eq(mu_scores(t, "lsa", sc, N), N);
	for (int i = 0; i < N; i++)
		if (i % 7 == 3)
			ck_assert_double_eq_tol(sc[i], 0.0, 1e-6);
		else if (sc[i] != -1.0) /* -1: left out by cleaning */
			ck_assert_msg(sc[i] > 1.0, "%d: %g", i, sc[i]);
	free(sc);
	free(t);
}
END_TEST

START_TEST(test_tiny_sentences)
{
	/* "A. " 60,000 times: as many candidates as sentences, no terms (the
	 * stopword "a"). Took minutes at 48 dimensions over 300,000 of them. */
	enum { N = 60000 };
	char *t = malloc(3 * N + 1), got[64];
	ck_assert_ptr_nonnull(t);
	for (int i = 0; i < N; i++)
		memcpy(t + 3 * i, "A. ", 3);
	t[3 * N] = '\0';
	/* one pick: the others are the same sentence */
	clock_t c0 = clock();
	ck_assert_uint_eq(mu_picks(t, "lsa", 3, got, sizeof got), 1);
	clock_t c1 = clock();
	ck_assert_uint_eq(mu_picks(t, "tfidf", 3, got, sizeof got), 1);
	clock_t c2 = clock();
	/* With no term there is no topic to iterate: lsa costs what reading
	 * and tfidf cost (it was 70 times as much at 16 dimensions). */
	double lsa = (double)(c1 - c0) / CLOCKS_PER_SEC, tfidf = (double)(c2 - c1) / CLOCKS_PER_SEC;
	ck_assert_msg(lsa <= 4 * tfidf + 0.05, "lsa %.3f s, tfidf %.3f s", lsa, tfidf);
	free(t);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_lsa");
	TCase *tc = tcase_create("lsa");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_all_dimensions_give_column_norms);
	tcase_add_test(tc, test_dominant_topic);
	tcase_add_test(tc, test_many_sentences);
	tcase_add_test(tc, test_same_scores_as_before);
	suite_add_tcase(s, tc);
	TCase *tl = tcase_create("long");
	tcase_add_checked_fixture(tl, mu_setup, mu_teardown);
	tcase_set_timeout(tl, 60);
	tcase_add_test(tl, test_long_document);
	tcase_add_test(tl, test_tiny_sentences);
	suite_add_tcase(s, tl);
	return s;
}
