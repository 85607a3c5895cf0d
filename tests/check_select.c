/*
 * check_select.c - budgets and redundancy control.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/idf.h"
#include "doc/termvec.h"
#include "summary/select.h"
#include "testutil.h"

static precis_ctx *ctx;
static precis_doc *doc;
static precis__svecs vecs;
static double idf[256];
static uint32_t scratch[256];
static unsigned char all[16];

/* Five units: 4, 6, 8, 3 and 5 words; unit 4 repeats unit 1's words. */
static const char *text =
	"Alpha beta gamma delta.\n"
	"Epsilon zeta eta theta iota kappa.\n"
	"Lambda mu nu xi omicron pi rho sigma.\n"
	"Tau upsilon phi.\n"
	"Epsilon zeta eta theta iota.\n";

static void setup(void)
{
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	doc = tu_doc(ctx, text);
	ck_assert_uint_eq(doc->units.n, 5);
	ck_assert(doc->nterms < 256);
	precis__idf_fill(ctx, doc, (size_t)-1, idf, scratch);
	ck_assert_int_eq(precis__svecs_build(&vecs, doc, idf), 0);
	memset(all, 1, sizeof all);
}

static void teardown(void)
{
	precis__svecs_free(&vecs);
	precis_doc_free(doc);
	precis_ctx_free(ctx);
}

static const double scores[5] = { 0.1, 0.9, 0.5, 0.3, 0.8 };

static size_t run(precis__budget b, double redundancy, size_t *picks)
{
	int oom;
	size_t n = precis__select(doc, scores, all, &vecs, idf, &b, redundancy, picks, &oom);
	ck_assert_int_eq(oom, 0);
	/* Without every unit's vector, selection makes the same ones. */
	size_t made[5];
	ck_assert_uint_eq(precis__select(doc, scores, all, NULL, idf, &b, redundancy,
					 made, &oom), n);
	ck_assert_int_eq(oom, 0);
	ck_assert_mem_eq(made, picks, n * sizeof *picks);
	return n;
}

START_TEST(test_sentences_in_document_order)
{
	size_t p[5];
	ck_assert_uint_eq(run((precis__budget){ 2, 0, 0 }, 1.0, p), 2);
	ck_assert_uint_eq(p[0], 1);
	ck_assert_uint_eq(p[1], 4);
}
END_TEST

START_TEST(test_redundancy)
{
	size_t p[5];
	/* Unit 4 is unit 1 minus one word: too similar at 0.5. */
	ck_assert_uint_eq(run((precis__budget){ 2, 0, 0 }, 0.5, p), 2);
	ck_assert_uint_eq(p[0], 1);
	ck_assert_uint_eq(p[1], 2);
}
END_TEST

START_TEST(test_words_budget)
{
	size_t p[5];
	/* 6 words (unit 1), then unit 4 (5) would make 11 > 10, unit 2 (8)
	 * too; unit 3 (3 words) fits. */
	ck_assert_uint_eq(run((precis__budget){ 0, 10, 0 }, 0.5, p), 2);
	ck_assert_uint_eq(p[0], 1);
	ck_assert_uint_eq(p[1], 3);
}
END_TEST

START_TEST(test_bytes_budget)
{
	size_t p[5];
	size_t l1 = strlen("Epsilon zeta eta theta iota kappa.");
	ck_assert_uint_eq(run((precis__budget){ 0, 0, l1 }, 1.0, p), 1);
	ck_assert_uint_eq(p[0], 1);
}
END_TEST

START_TEST(test_never_empty)
{
	size_t p[5];
	/* Nothing fits 2 words: the best unit comes anyway. */
	ck_assert_uint_eq(run((precis__budget){ 0, 2, 0 }, 0.5, p), 1);
	ck_assert_uint_eq(p[0], 1);
}
END_TEST

START_TEST(test_eligibility)
{
	size_t p[5];
	int oom;
	unsigned char some[5] = { 1, 0, 1, 0, 0 };
	precis__budget b = { 3, 0, 0 };
	ck_assert_uint_eq(precis__select(doc, scores, some, &vecs, idf, &b, 1.0, p, &oom), 2);
	ck_assert_uint_eq(p[0], 0);
	ck_assert_uint_eq(p[1], 2);
}
END_TEST

START_TEST(test_cosine)
{
	ck_assert(precis__svec_cos(&vecs.v[1], &vecs.v[1]) > 0.999999);
	ck_assert(precis__svec_cos(&vecs.v[0], &vecs.v[1]) == 0.0);
	double c = precis__svec_cos(&vecs.v[1], &vecs.v[4]);
	ck_assert(c > 0.8 && c < 1.0);
}
END_TEST

/* Many candidates: past the first few, selection orders them by a heap,
 * which must give what a sort by (score descending, unit) gives. */
#define MANY 60

typedef struct ranked {
	size_t unit;
	double score;
} ranked;

static int by_score(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

static int by_unit(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

START_TEST(test_many_in_score_order)
{
	char text_many[MANY * 32], *w = text_many;
	for (size_t i = 0; i < MANY; i++) /* distinct words: none redundant */
		w += sprintf(w, "Word%zua word%zub word%zuc.\n", i, i, i);
	precis_doc *many = tu_doc(ctx, text_many);
	ck_assert_uint_eq(many->units.n, MANY);
	static double mscores[MANY], midf[1024];
	static uint32_t mscratch[1024];
	ck_assert(many->nterms < 1024);
	precis__idf_fill(ctx, many, (size_t)-1, midf, mscratch);
	unsigned char ok[MANY];
	ranked want[MANY];
	size_t m = 0;
	for (size_t i = 0; i < MANY; i++) {
		mscores[i] = (double)((i * 7) % 5); /* ties: the earlier first */
		ok[i] = i % 3 != 1;
		if (ok[i])
			want[m++] = (ranked){ i, mscores[i] };
	}
	qsort(want, m, sizeof *want, by_score);
	/* A sentence budget past the scans, and a word budget that every
	 * candidate but the last few (3 words each) fills. */
	precis__budget budgets[2] = { { 30, 0, 0 }, { 0, 3 * (m - 2), 0 } };
	size_t expect[2] = { 30, m - 2 };
	for (int k = 0; k < 2; k++) {
		size_t p[MANY], ref[MANY];
		int oom;
		size_t n = precis__select(many, mscores, ok, NULL, midf, &budgets[k], 1.0,
					  p, &oom);
		ck_assert_int_eq(oom, 0);
		ck_assert_uint_eq(n, expect[k]);
		for (size_t j = 0; j < n; j++)
			ref[j] = want[j].unit;
		qsort(ref, n, sizeof *ref, by_unit);
		ck_assert_mem_eq(p, ref, n * sizeof *p);
	}
	precis_doc_free(many);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("select");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sentences_in_document_order);
	tcase_add_test(tc, test_redundancy);
	tcase_add_test(tc, test_words_budget);
	tcase_add_test(tc, test_bytes_budget);
	tcase_add_test(tc, test_never_empty);
	tcase_add_test(tc, test_eligibility);
	tcase_add_test(tc, test_cosine);
	tcase_add_test(tc, test_many_in_score_order);
	suite_add_tcase(s, tc);
	return s;
}
