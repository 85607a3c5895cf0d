/*
 * check_select.c - budgets and redundancy control.
 */
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
	suite_add_tcase(s, tc);
	return s;
}
