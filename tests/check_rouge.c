/*
 * check_rouge.c - ROUGE scores against ROUGE-1.5.5's own output.
 *
 * Always: a few pairs of the toy set with the values 1.5.5 printed for them
 * (tests/data/rouge/), hand-computable cases, the rounding and the drand48
 * generator. With ../shared/eval (SHARED_EVAL): every per-pair R, P and F of
 * every metric on all 35 toy pairs, with and without stemming, the printed
 * averages and confidence bounds, and the 377 CNN/DailyMail Lead-3 pairs.
 */
#define _XOPEN_SOURCE 700 /* erand48, the reference for our drand48 */
#include <jansson.h>
#include <math.h>

#include "rouge/internal.h"
#include "testutil.h"

static precis_rouge *make(int stem)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.stem = stem;
	precis_rouge *r = NULL;
	precis_error err;
	ck_assert_msg(precis_rouge_new(&r, &o, &err) == 0, "%s", err.message);
	return r;
}

/* Scores every line of a pairs file into a new eval set. */
static precis_rouge_eval *score_file(precis_rouge *r, const char *path)
{
	size_t len;
	char *text = tu_read_file(path, &len);
	ck_assert_msg(text != NULL, "cannot read %s", path);
	precis_rouge_eval *ev = NULL;
	ck_assert_int_eq(precis_rouge_eval_new(&ev, r, NULL), 0);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		json_t *rec = json_loads(line, 0, NULL);
		ck_assert_ptr_nonnull(rec);
		json_t *refs = json_object_get(rec, "references");
		size_t n = json_array_size(refs);
		const char *rv[8];
		size_t lv[8];
		ck_assert(n <= 8);
		for (size_t i = 0; i < n; i++) {
			rv[i] = json_string_value(json_array_get(refs, i));
			lv[i] = json_string_length(json_array_get(refs, i));
		}
		json_t *cand = json_object_get(rec, "candidate");
		precis_error err;
		int rc = precis_rouge_eval_add(
			ev, r, json_string_value(json_object_get(rec, "id")),
			json_string_value(cand), json_string_length(cand), rv, lv,
			n, &err);
		ck_assert_msg(rc == 0, "%s", err.message);
		json_decref(rec);
	}
	free(text);
	return ev;
}

static double num(json_t *o, const char *metric, const char *key)
{
	json_t *v = json_object_get(json_object_get(o, metric), key);
	ck_assert_msg(json_is_number(v), "no %s %s", metric, key);
	return json_number_value(v);
}

/* Compares every per-pair R, P, F with `expected`'s per_doc; the count. */
static size_t compare_docs(const precis_rouge *r, const precis_rouge_eval *ev,
			   json_t *expected)
{
	json_t *docs = json_object_get(expected, "per_doc");
	size_t checked = 0, k = precis_rouge_metric_count(r);
	ck_assert_int_eq((int)json_array_size(docs),
			 (int)precis_rouge_eval_count(ev));
	for (size_t i = 0; i < json_array_size(docs); i++) {
		json_t *d = json_array_get(docs, i);
		const char *id = json_string_value(json_object_get(d, "id"));
		ck_assert_str_eq(id, precis_rouge_eval_id(ev, i));
		const precis_rouge_score *s = precis_rouge_eval_scores(ev, i);
		for (size_t m = 0; m < k; m++) {
			const char *name = precis_rouge_metric_name(r, m);
			double want[3] = { num(d, name, "R"), num(d, name, "P"),
					   num(d, name, "F") };
			double got[3] = { s[m].r, s[m].p, s[m].f };
			for (int j = 0; j < 3; j++)
				ck_assert_msg(got[j] == want[j],
					      "%s %s %c: %.5f, want %.5f", id,
					      name, "RPF"[j], got[j], want[j]);
			checked += 3;
		}
	}
	return checked;
}

static void expect_ci(json_t *a, const char *name, const char *key,
		      double lo, double hi)
{
	json_t *ci = json_object_get(json_object_get(a, name), key);
	ck_assert_msg(json_real_value(json_array_get(ci, 0)) == lo &&
			      json_real_value(json_array_get(ci, 1)) == hi,
		      "%s %s: [%.5f %.5f]", name, key, lo, hi);
}

/* Compares the printed averages, bounds and the plain means. */
static size_t compare_averages(const precis_rouge *r,
			       const precis_rouge_eval *ev, json_t *expected)
{
	size_t k = precis_rouge_metric_count(r);
	precis_rouge_average avg[ROUGE_MAX_METRICS];
	ck_assert_int_eq(precis_rouge_eval_average(ev, 1000, 95, avg, NULL), 0);
	json_t *a = json_object_get(expected, "average");
	json_t *mean = json_object_get(expected, "derived_plain_mean_of_per_doc");
	for (size_t m = 0; m < k; m++) {
		const char *name = precis_rouge_metric_name(r, m);
		ck_assert_msg(avg[m].r == num(a, name, "R") &&
				      avg[m].p == num(a, name, "P") &&
				      avg[m].f == num(a, name, "F"),
			      "%s average %.5f %.5f %.5f", name, avg[m].r,
			      avg[m].p, avg[m].f);
		expect_ci(a, name, "R_ci", avg[m].r_lo, avg[m].r_hi);
		expect_ci(a, name, "P_ci", avg[m].p_lo, avg[m].p_hi);
		expect_ci(a, name, "F_ci", avg[m].f_lo, avg[m].f_hi);
		ck_assert(avg[m].mean_r == num(mean, name, "R") &&
			  avg[m].mean_p == num(mean, name, "P") &&
			  avg[m].mean_f == num(mean, name, "F"));
	}
	return 9 * k;
}

/* Scores `pairs` and compares with `expected`; averages when asked. */
static size_t golden(const char *dir, const char *pairs, const char *expected,
		     int stem, int averages)
{
	char p[4096], e[4096];
	snprintf(p, sizeof p, "%s/%s", dir, pairs);
	snprintf(e, sizeof e, "%s/%s", dir, expected);
	json_error_t je;
	json_t *exp = json_load_file(e, 0, &je);
	ck_assert_msg(exp != NULL, "%s: %s", e, je.text);
	precis_rouge *r = make(stem);
	precis_rouge_eval *ev = score_file(r, p);
	size_t n = compare_docs(r, ev, exp);
	if (averages)
		n += compare_averages(r, ev, exp);
	precis_rouge_eval_free(ev);
	precis_rouge_free(r);
	json_decref(exp);
	return n;
}

static const char *fixture_dir(void)
{
	static char dir[4096];
	const char *top = getenv("top_srcdir");
	snprintf(dir, sizeof dir, "%s/tests/data/rouge", top ? top : ".");
	return dir;
}

START_TEST(fixture_stem)
{
	size_t n = golden(fixture_dir(), "pairs.jsonl", "expected.json", 1, 0);
	ck_assert_int_eq((int)n, 10 * 8 * 3);
}
END_TEST

START_TEST(fixture_nostem)
{
	size_t n = golden(fixture_dir(), "pairs.jsonl", "expected_nostem.json",
			  0, 0);
	ck_assert_int_eq((int)n, 10 * 8 * 3);
}
END_TEST

static const char *rouge_dir(void)
{
	static char dir[4096];
	const char *d = tu_shared_eval("ROUGE golden values");
	if (d == NULL)
		return NULL;
	snprintf(dir, sizeof dir, "%s/rouge", d);
	return dir;
}

START_TEST(toy_stem)
{
	const char *d = rouge_dir();
	if (d != NULL)
		ck_assert_int_eq((int)golden(d, "toy_pairs.jsonl",
					     "toy_expected.json", 1, 1),
				 35 * 24 + 72);
}
END_TEST

START_TEST(toy_nostem)
{
	const char *d = rouge_dir();
	if (d != NULL)
		ck_assert_int_eq((int)golden(d, "toy_pairs.jsonl",
					     "toy_expected_nostem.json", 0, 1),
				 35 * 24 + 72);
}
END_TEST

START_TEST(cnndm_lead3)
{
	const char *d = rouge_dir();
	if (d != NULL)
		ck_assert_int_eq((int)golden(d, "cnndm_lead3_pairs.jsonl",
					     "cnndm_lead3_expected.json", 1, 1),
				 377 * 24 + 72);
}
END_TEST

/* 1.5.5 dies on an empty reference (ROUGE-W); it adds nothing here. */
START_TEST(empty_reference)
{
	precis_rouge *r = make(1);
	const char *refs[] = { "Rain expected tomorrow.", "" };
	size_t lens[] = { strlen(refs[0]), 0 };
	const char *cand = "Rain is expected tomorrow.";
	precis_rouge_score s[ROUGE_MAX_METRICS];
	ck_assert_int_eq(precis_rouge_score_pair(r, cand, strlen(cand), refs,
						 lens, 2, s, NULL), 0);
	ck_assert(s[0].r == 1.0 && s[0].p == 0.375);   /* ROUGE-1: 3/3, 3/8 */
	ck_assert(s[4].r == 1.0 && s[4].p == 0.375);   /* ROUGE-L */
	ck_assert(s[5].hit > 0 && s[5].r > 0 && s[5].r <= 1);
	ck_assert_int_eq(precis_rouge_score_pair(r, cand, strlen(cand), refs + 1,
						 lens + 1, 1, s, NULL), 0);
	for (size_t m = 0; m < precis_rouge_metric_count(r); m++)
		ck_assert(s[m].r == 0 && s[m].p == 0 && s[m].f == 0);
	precis_rouge_free(r);
}
END_TEST

START_TEST(hand_computed)
{
	precis_rouge *r = make(0);
	const char *ref = "the cat sat", *cand = "the cat";
	size_t len = strlen(ref);
	precis_rouge_score s[ROUGE_MAX_METRICS];
	ck_assert_int_eq(precis_rouge_score_pair(r, cand, strlen(cand), &ref,
						 &len, 1, s, NULL), 0);
	ck_assert(s[0].r == 0.66667 && s[0].p == 1 && s[0].f == 0.8);
	ck_assert(s[1].r == 0.5 && s[1].p == 1 && s[1].hit == 1);
	ck_assert(s[2].r == 0 && s[2].model_count == 1 && s[2].peer_count == 0);
	ck_assert(s[4].r == 0.66667);                     /* ROUGE-L */
	ck_assert(s[6].model_count == 3 && s[6].hit == 1); /* ROUGE-S4 */
	ck_assert(s[7].model_count == 5 && s[7].hit == 2); /* SU4: + "the cat" */
	ck_assert_int_eq(precis_rouge_score_pair(r, "", 0, &ref, &len, 1, s,
						 NULL), 0);
	ck_assert(s[0].r == 0 && s[0].p == 0 && s[0].f == 0);
	precis_rouge_free(r);
}
END_TEST

/* Candidate sentences of up to 64 tokens take the bit-parallel LCS, longer
 * ones the table: both sides of the boundary. */
START_TEST(long_sentences)
{
	precis_rouge *r = make(0);
	for (int n = 62; n <= 67; n++) {
		char cand[1024] = "", ref[1024] = "";
		for (int i = 0; i < n; i++) {
			char w[16];
			snprintf(w, sizeof w, "w%d ", i);
			strcat(cand, w);
			if (i % 2 == 0)
				strcat(ref, w);
		}
		const char *refs[] = { ref };
		size_t lens[] = { strlen(ref) };
		precis_rouge_score s[ROUGE_MAX_METRICS];
		ck_assert_int_eq(precis_rouge_score_pair(r, cand, strlen(cand),
							 refs, lens, 1, s, NULL), 0);
		ck_assert_msg(s[4].hit == (n + 1) / 2 && s[4].r == 1,
			      "n=%d: LCS %g", n, s[4].hit);
		/* ROUGE-W: every reference token marked, one run */
		ck_assert(s[5].hit == pow((n + 1) / 2, 1.2));
	}
	precis_rouge_free(r);
}
END_TEST

/* -f B keeps the reference with the best score. */
START_TEST(best_reference)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.best_reference = 1;
	precis_rouge *r = NULL;
	ck_assert_int_eq(precis_rouge_new(&r, &o, NULL), 0);
	const char *refs[] = { "a b c d", "a b x y z" };
	size_t lens[] = { 7, 9 };
	precis_rouge_score s[ROUGE_MAX_METRICS];
	ck_assert_int_eq(precis_rouge_score_pair(r, "a b c", 5, refs, lens, 2,
						 s, NULL), 0);
	ck_assert(s[0].r == 0.75 && s[0].p == 1 && s[0].model_count == 4);
	precis_rouge_free(r);
}
END_TEST

START_TEST(metric_names)
{
	precis_rouge *r = make(0);
	const char *want[] = { "ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4",
			       "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S4", "ROUGE-SU4" };
	ck_assert_int_eq((int)precis_rouge_metric_count(r), 8);
	for (size_t i = 0; i < 8; i++)
		ck_assert_str_eq(precis_rouge_metric_name(r, i), want[i]);
	ck_assert_ptr_null(precis_rouge_metric_name(r, 8));
	precis_rouge_free(r);
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.max_n = 2;
	o.wlcs_weight = 0;
	o.skip = PRECIS_ROUGE_SKIP_SU;
	o.skip_distance = -1;
	ck_assert_int_eq(precis_rouge_new(&r, &o, NULL), 0);
	ck_assert_int_eq((int)precis_rouge_metric_count(r), 4);
	ck_assert_str_eq(precis_rouge_metric_name(r, 3), "ROUGE-SU*");
	precis_rouge_free(r);
}
END_TEST

START_TEST(bad_options)
{
	precis_rouge_options o;
	precis_rouge *r = NULL;
	precis_error err;
	precis_rouge_options_init(&o);
	o.limit_words = 10;
	o.limit_bytes = 10;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_ARG);
	precis_rouge_options_init(&o);
	o.max_n = 0, o.lcs = 0, o.wlcs_weight = 0, o.skip = 0;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_ARG);
	precis_rouge_options_init(&o);
	o.alpha = 1.5;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_ARG);
	precis_rouge_options_init(&o);
	o.max_n = 5;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_null(r);
	precis_rouge_free(NULL);
	precis_rouge_eval_free(NULL);
}
END_TEST

START_TEST(eval_api)
{
	precis_rouge *r = make(0);
	precis_rouge_eval *ev = NULL;
	ck_assert_int_eq(precis_rouge_eval_new(&ev, r, NULL), 0);
	precis_rouge_score s[ROUGE_MAX_METRICS] = { { 0.5, 0.25, 0.33333, 0, 0, 0 } };
	ck_assert_int_eq(precis_rouge_eval_add_scores(ev, "a", s, NULL), 0);
	s[0].r = 1, s[0].p = 0.75, s[0].f = 0.85715;
	ck_assert_int_eq(precis_rouge_eval_add_scores(ev, NULL, s, NULL), 0);
	ck_assert_int_eq((int)precis_rouge_eval_count(ev), 2);
	ck_assert_str_eq(precis_rouge_eval_id(ev, 0), "a");
	ck_assert_str_eq(precis_rouge_eval_id(ev, 1), "");
	ck_assert_ptr_null(precis_rouge_eval_scores(ev, 2));
	precis_rouge_average avg[ROUGE_MAX_METRICS];
	ck_assert_int_eq(precis_rouge_eval_average(ev, 0, 95, avg, NULL), 0);
	ck_assert(avg[0].r == 0.75 && avg[0].p == 0.5 && avg[0].f == 0.59524);
	ck_assert(avg[0].r_lo == 0.75 && avg[0].mean_f == 0.59524);
	ck_assert_int_eq(precis_rouge_eval_average(ev, 10, 101, avg, NULL),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_rouge_eval_average(ev, 1000, 95, avg, NULL), 0);
	ck_assert(avg[0].r_lo >= 0.5 && avg[0].r_hi <= 1 && avg[0].r > 0.5);
	precis_rouge_eval_free(ev);
	precis_rouge_free(r);
}
END_TEST

/* A failure, then success with the same precis_error: the error reads as
 * cleared, as after every other call of the library. */
static void assert_cleared(const precis_error *err)
{
	precis_error zero;
	memset(&zero, 0, sizeof zero);
	ck_assert_int_eq(err->code, PRECIS_OK);
	ck_assert_str_eq(err->message, "");
	ck_assert(memcmp(err, &zero, sizeof zero) == 0);
}

static void spoil(precis_error *err)
{
	memset(err, 0x5a, sizeof *err);
	err->message[sizeof err->message - 1] = '\0';
}

START_TEST(success_clears_error)
{
	precis_rouge_options o;
	precis_rouge *r = NULL;
	precis_rouge_eval *ev = NULL;
	precis_error err;
	const char *ref = "the cat sat on the mat";
	size_t rl = strlen(ref);
	precis_rouge_score s[ROUGE_MAX_METRICS];
	precis_rouge_average avg[ROUGE_MAX_METRICS];
	precis_rouge_options_init(&o);
	o.alpha = 2;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(err.code, PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_rouge_new(&r, NULL, &err), 0);
	assert_cleared(&err);
	ck_assert_int_eq(precis_rouge_score_pair(r, "x", 1, NULL, &rl, 1, s, &err),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_rouge_score_pair(r, "the cat", 7, &ref, &rl, 1, s, &err), 0);
	assert_cleared(&err);
	spoil(&err);
	ck_assert_int_eq(precis_rouge_eval_new(&ev, r, &err), 0);
	assert_cleared(&err);
	spoil(&err);
	ck_assert_int_eq(precis_rouge_eval_add(ev, r, "a", "the mat", 7, &ref, &rl, 1, &err), 0);
	assert_cleared(&err);
	spoil(&err);
	ck_assert_int_eq(precis_rouge_eval_add_scores(ev, "b", s, &err), 0);
	assert_cleared(&err);
	spoil(&err);
	ck_assert_int_eq(precis_rouge_eval_average(ev, 10, 95, avg, &err), 0);
	assert_cleared(&err);
	precis_rouge_eval_free(ev);
	precis_rouge_free(r);
}
END_TEST

START_TEST(round5)
{
	/* exact binary ties round to even, as printf does */
	ck_assert(precis__rouge_round5(0.015625) == 0.01562);
	ck_assert(precis__rouge_round5(0.046875) == 0.04688);
	unsigned short xs[3] = { 1, 2, 3 };
	for (int i = 0; i < 200000; i++) {
		double x = erand48(xs);
		if (i % 4 == 1)
			x = floor(x * 1e5) / 1e5 + 0.000005; /* near a tie */
		else if (i % 4 == 2)
			x = nextafter(floor(x * 2e5) / 2e5, 2);
		char buf[32];
		snprintf(buf, sizeof buf, "%7.5f", x);
		ck_assert_msg(precis__rouge_round5(x) == strtod(buf, NULL),
			      "%.17g", x);
	}
}
END_TEST

START_TEST(drand48_sequence)
{
	for (uint32_t seed = 0; seed < 50; seed++) {
		rouge_rand48 st;
		precis__rouge_srand48(&st, seed);
		unsigned short xs[3] = { 0x330E, (unsigned short)(seed & 0xFFFF),
					 (unsigned short)(seed >> 16) };
		for (int i = 0; i < 100; i++)
			ck_assert(precis__rouge_drand48(&st) == erand48(xs));
	}
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rouge");
	TCase *tc = tcase_create("fixture");
	tcase_add_test(tc, fixture_stem);
	tcase_add_test(tc, fixture_nostem);
	tcase_add_test(tc, empty_reference);
	tcase_add_test(tc, hand_computed);
	tcase_add_test(tc, best_reference);
	tcase_add_test(tc, long_sentences);
	tcase_add_test(tc, metric_names);
	tcase_add_test(tc, bad_options);
	tcase_add_test(tc, eval_api);
	tcase_add_test(tc, success_clears_error);
	suite_add_tcase(s, tc);
	tc = tcase_create("numbers");
	tcase_add_test(tc, round5);
	tcase_add_test(tc, drand48_sequence);
	suite_add_tcase(s, tc);
	tc = tcase_create("golden");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, toy_stem);
	tcase_add_test(tc, toy_nostem);
	tcase_add_test(tc, cnndm_lead3);
	suite_add_tcase(s, tc);
	return s;
}
