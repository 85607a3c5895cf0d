/*
 * check_eval.c - the greedy oracle, summaries as ROUGE text, and the paired
 * bootstrap test, on cases worked out by hand.
 */
#include <math.h>
#include <string.h>

#include "testutil.h"

static precis_ctx *ctx;
static precis_rouge *rouge;

static void setup(void)
{
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	precis_rouge_options o;
	tu_rouge_12(&o, 1);
	ck_assert_int_eq(precis_rouge_new(&rouge, &o, NULL), 0);
}

static void teardown(void)
{
	precis_rouge_free(rouge);
	precis_ctx_free(ctx);
}

static const char *article =
	"Cats sleep all day long in the sun.\n"
	"Dogs bark at the mailman every morning.\n"
	"Birds sing in the trees at dawn.\n";

START_TEST(test_oracle_finds_the_reference)
{
	precis_doc *d = tu_doc(ctx, article);
	const char *ref = "Dogs bark at the mailman every morning.";
	size_t rl = strlen(ref);
	precis_summary *s;
	ck_assert_int_eq(precis_oracle(&s, rouge, d, &ref, &rl, 1, 3, NULL), 0);
	/* Adding anything to the exact reference sentence lowers precision. */
	ck_assert_uint_eq(precis_summary_count(s), 1);
	precis_pick p;
	ck_assert_int_eq(precis_summary_pick(s, 0, &p), 0);
	ck_assert_uint_eq(p.sentence, 1);
	ck_assert(fabs(p.score - 2.0) < 1e-9); /* R-1 F + R-2 F = 1 + 1 */
	size_t len;
	char *text = precis_summary_text(s, d, &len);
	ck_assert_str_eq(text, "Dogs bark at the mailman every morning.\n");
	ck_assert_uint_eq(len, rl + 1);
	precis_free(text);
	precis_summary_free(s);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_oracle_two_sentences)
{
	precis_doc *d = tu_doc(ctx, article);
	const char *ref = "Cats sleep all day.\nBirds sing at dawn.";
	size_t rl = strlen(ref);
	precis_summary *s;
	ck_assert_int_eq(precis_oracle(&s, rouge, d, &ref, &rl, 1, 2, NULL), 0);
	ck_assert_uint_eq(precis_summary_count(s), 2);
	precis_pick a, b;
	precis_summary_pick(s, 0, &a);
	precis_summary_pick(s, 1, &b);
	ck_assert_uint_eq(a.sentence, 0);
	ck_assert_uint_eq(b.sentence, 2);
	precis_summary_free(s);
	/* max_sentences bounds the picks. */
	ck_assert_int_eq(precis_oracle(&s, rouge, d, &ref, &rl, 1, 1, NULL), 0);
	ck_assert_uint_eq(precis_summary_count(s), 1);
	precis_summary_free(s);
	precis_doc_free(d);
}
END_TEST

START_TEST(test_oracle_needs_rouge_2)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.max_n = 1;
	precis_rouge *r1;
	ck_assert_int_eq(precis_rouge_new(&r1, &o, NULL), 0);
	precis_doc *d = tu_doc(ctx, article);
	const char *ref = "Dogs bark.";
	size_t rl = strlen(ref);
	precis_summary *s;
	precis_error err;
	ck_assert_int_eq(precis_oracle(&s, r1, d, &ref, &rl, 1, 3, &err), PRECIS_ERR_ARG);
	precis_doc_free(d);
	precis_rouge_free(r1);
}
END_TEST

/*
 * The oracle under a budget, against "Cats sleep all day.\nBirds sing at
 * dawn." (stemmed). Alone, unit 0 (8 words, 35 bytes) scores R-1 F 0.5 +
 * R-2 F 3/7 = 0.929, unit 2 (7 words, 32 bytes) 0.533 + 0.308 = 0.841 and
 * unit 1 (7 words, 39 bytes) only 0.133; units 0 and 2 together score
 * 0.696 + 0.476 = 1.172, and adding unit 1 to them lowers precision.
 * Returns the picked units as digits ("02"), and their words in *words.
 */
static void oracle_under(const precis_options *o, precis_ctx *c, char *got,
			 size_t *words)
{
	precis_doc *d = tu_doc(ctx, article);
	const char *ref = "Cats sleep all day.\nBirds sing at dawn.";
	size_t rl = strlen(ref);
	precis_summary *s;
	precis_error err;
	ck_assert_msg(precis_oracle_budget(&s, rouge, c, d, &ref, &rl, 1, o, &err) == 0,
		      "%s", err.message);
	ck_assert_int_eq(err.code, PRECIS_OK);
	*words = 0;
	precis_pick p;
	size_t i;
	for (i = 0; precis_summary_pick(s, i, &p) == 0; i++) {
		precis_sentence sent;
		ck_assert_int_eq(precis_doc_sentence(d, p.sentence, &sent), 0);
		*words += sent.words;
		got[i] = (char)('0' + p.sentence);
	}
	got[i] = '\0';
	precis_summary_free(s);
	precis_doc_free(d);
}

START_TEST(test_oracle_budget)
{
	static const struct {
		size_t sentences, words, bytes;
		const char *want;
	} cases[] = {
		{ 3, 0, 0, "02" },  /* it stops when F falls */
		{ 0, 15, 0, "02" }, /* 8 + 7 words fit */
		{ 0, 14, 0, "0" },  /* then unit 2 no longer fits */
		{ 0, 7, 0, "2" },   /* unit 0 does not fit: the best that does */
		{ 0, 5, 0, "0" },   /* none fits: one unit, as the systems take */
		{ 0, 0, 67, "02" }, /* 35 + 32 bytes */
		{ 0, 0, 66, "0" },
		{ 0, 0, 34, "2" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		precis_options o;
		char got[8];
		size_t words;
		precis_options_init(&o);
		o.sentences = cases[i].sentences;
		o.words = cases[i].words;
		o.bytes = cases[i].bytes;
		oracle_under(&o, ctx, got, &words);
		ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: picked %s, want %s",
			      i, got, cases[i].want);
		/* Only a lone unit may exceed a word budget. */
		ck_assert(o.words == 0 || words <= o.words || strlen(got) == 1);
	}
}
END_TEST

START_TEST(test_oracle_budget_ratio)
{
	precis_options o;
	char got[8];
	size_t words;
	precis_options_init(&o);
	o.ratio = 0.3; /* ceil(0.3 * 3 eligible) = 1 */
	oracle_under(&o, ctx, got, &words);
	ck_assert_str_eq(got, "0");
	o.ratio = 0.34; /* 2 */
	oracle_under(&o, NULL, got, &words);
	ck_assert_str_eq(got, "02");
	/* With min-words 8 only unit 0 is eligible for the systems: a ratio
	 * of 1 is one sentence. */
	precis_ctx *c;
	ck_assert_int_eq(precis_ctx_new(&c, "en", NULL), 0);
	ck_assert_int_eq(precis_ctx_set_param(c, PRECIS_PARAM_MIN_WORDS, 8), 0);
	o.ratio = 1;
	oracle_under(&o, c, got, &words);
	ck_assert_str_eq(got, "0");
	precis_ctx_free(c);
	/* The systems' checks: a bad ratio or options version is refused. */
	precis_doc *d = tu_doc(ctx, article);
	const char *ref = "Dogs bark.";
	size_t rl = strlen(ref);
	/* Not NULL before each call, so that the check below can fail. */
	precis_summary *s = (precis_summary *)d;
	o.ratio = 2;
	ck_assert_int_eq(precis_oracle_budget(&s, rouge, ctx, d, &ref, &rl, 1, &o, NULL),
			 PRECIS_ERR_ARG);
	ck_assert_ptr_null(s);
	s = (precis_summary *)d;
	o.ratio = 0;
	o.version = 99;
	ck_assert_int_eq(precis_oracle_budget(&s, rouge, ctx, d, &ref, &rl, 1, &o, NULL),
			 PRECIS_ERR_ARG);
	ck_assert_ptr_null(s);
	precis_doc_free(d);
}
END_TEST

/* An eval set whose ROUGE-1 F per pair is exactly `f`. */
static precis_rouge_eval *fixed_set(const double *f, size_t n)
{
	precis_rouge_eval *ev;
	ck_assert_int_eq(precis_rouge_eval_new(&ev, rouge, NULL), 0);
	for (size_t i = 0; i < n; i++) {
		precis_rouge_score sc[2] = { { f[i], f[i], f[i], 0, 0, 0 },
					     { 0, 0, 0, 0, 0, 0 } };
		ck_assert_int_eq(precis_rouge_eval_add_scores(ev, NULL, sc, NULL), 0);
	}
	return ev;
}

/* The first sentences as split, unfiltered, under each kind of budget. */
START_TEST(test_lead_plain)
{
	static const char raw[] =
		"Storm news\n\nIt rained.\n\nScroll down for video.\n\n"
		"The storm closed every road in the valley.\n\n"
		"The storm closed every road in the valley.\n";
	precis_doc *d;
	precis_summary *s;
	precis_error err;
	precis_pick p;
	ck_assert_int_eq(precis_doc_new(&d, ctx, raw, strlen(raw), NULL, 0, NULL), 0);
	ck_assert_int_eq(precis_lead_plain(&s, d, NULL, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 3);
	size_t want[] = { 1, 2, 3 };
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(precis_summary_pick(s, i, &p), 0);
		ck_assert_uint_eq(p.sentence, want[i]);
	}
	precis_summary_free(s);
	precis_options o;
	precis_options_init(&o);
	o.sentences = 10; /* more than there are: all four sentences */
	ck_assert_int_eq(precis_lead_plain(&s, d, &o, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 4);
	precis_summary_free(s);
	o.words = 6; /* 2 + 4 words fit; the 8-word third does not */
	ck_assert_int_eq(precis_lead_plain(&s, d, &o, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 2);
	precis_summary_free(s);
	o.words = 1; /* nothing fits: the first anyway */
	ck_assert_int_eq(precis_lead_plain(&s, d, &o, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 1);
	precis_summary_free(s);
	o.words = 0;
	o.ratio = 0.5;
	ck_assert_int_eq(precis_lead_plain(&s, d, &o, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 2);
	precis_summary_free(s);
	o.ratio = 1.5;
	ck_assert_int_eq(precis_lead_plain(&s, d, &o, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_null(s);
	precis_doc_free(d);

	ck_assert_int_eq(precis_doc_new(&d, ctx, "Only a headline\n", 16, NULL, 0, NULL), 0);
	ck_assert_int_eq(precis_lead_plain(&s, d, NULL, &err), PRECIS_ERR_EMPTY);
	ck_assert_int_eq(err.code, PRECIS_ERR_EMPTY);
	ck_assert_int_eq(precis_lead_plain(NULL, d, NULL, &err), PRECIS_ERR_ARG);
	precis_doc_free(d);
	ck_assert_int_eq(precis_doc_new(&d, ctx, raw, strlen(raw), NULL,
					PRECIS_DOC_SPLIT_ONLY, NULL), 0);
	ck_assert_int_eq(precis_lead_plain(&s, d, NULL, &err), PRECIS_ERR_ARG);
	ck_assert_str_eq(err.message, "document was built for splitting only");
	precis_doc_free(d);
}
END_TEST

START_TEST(test_paired_test)
{
	const double a[6] = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
	const double better[6] = { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 };
	const double mixed[6] = { 0.2, 0.1, 0.4, 0.3, 0.6, 0.5 };
	precis_rouge_eval *ea = fixed_set(a, 6), *eb = fixed_set(better, 6),
			  *em = fixed_set(mixed, 6), *short_set = fixed_set(a, 5);
	double diff, p;
	/* Every pair improves by 0.1: every resample keeps the sign. */
	ck_assert_int_eq(precis_rouge_paired_test(ea, eb, 0, PRECIS_ROUGE_F, 1000, 1, &diff, &p, NULL), 0);
	ck_assert(fabs(diff - 0.1) < 1e-12);
	ck_assert(p == 0.0);
	/* +0.1 and -0.1 alternate: mean 0, no evidence at all. */
	ck_assert_int_eq(precis_rouge_paired_test(ea, em, 0, PRECIS_ROUGE_F, 1000, 1, &diff, &p, NULL), 0);
	ck_assert(fabs(diff) < 1e-12);
	ck_assert(p == 1.0);
	/* The same seed gives the same answer; unpaired sets are refused. */
	double p2;
	ck_assert_int_eq(precis_rouge_paired_test(eb, ea, 0, PRECIS_ROUGE_R, 500, 7, &diff, &p, NULL), 0);
	ck_assert_int_eq(precis_rouge_paired_test(eb, ea, 0, PRECIS_ROUGE_R, 500, 7, &diff, &p2, NULL), 0);
	ck_assert(p == p2 && diff < 0);
	ck_assert_int_eq(precis_rouge_paired_test(ea, short_set, 0, PRECIS_ROUGE_F, 100, 1, &diff, &p, NULL),
			 PRECIS_ERR_ARG);
	/* A metric the sets do not have is refused, not read past. */
	ck_assert_uint_eq(precis_rouge_eval_metric_count(ea), 2);
	ck_assert_int_eq(precis_rouge_paired_test(ea, eb, 2, PRECIS_ROUGE_F, 100, 1, &diff, &p, NULL),
			 PRECIS_ERR_ARG);
	precis_rouge_eval_free(ea);
	precis_rouge_eval_free(eb);
	precis_rouge_eval_free(em);
	precis_rouge_eval_free(short_set);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_oracle_finds_the_reference);
	tcase_add_test(tc, test_oracle_two_sentences);
	tcase_add_test(tc, test_oracle_needs_rouge_2);
	tcase_add_test(tc, test_oracle_budget);
	tcase_add_test(tc, test_oracle_budget_ratio);
	tcase_add_test(tc, test_lead_plain);
	tcase_add_test(tc, test_paired_test);
	suite_add_tcase(s, tc);
	return s;
}
