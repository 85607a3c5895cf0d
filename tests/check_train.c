/*
 * check_train.c - learned models and their trainer: on synthetic data
 * sets whose right answer is known (the reference is always sentence k,
 * so a model must learn to pick sentence k; two genres with different
 * answers, so a bundle must learn to tell them apart), the model file's
 * save/load round trip, determinism, and bad model files with their line.
 */
#include "testutil.h"

/* ---- synthetic documents ---------------------------------------------- */

/* A small deterministic generator (no global state). */
static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

/* A pronounceable made-up word from a few syllables. */
static void word(unsigned *seed, char *out)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ne", "ru", "sa", "ti",
					   "vo", "ba", "de", "fi", "go", "pu", "ze" };
	size_t n = 2 + next_rand(seed) % 3;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strcat(out, syl[next_rand(seed) % 14]);
}

/* An article of `ns` sentences of lo..hi words; the text of sentence k
 * goes to ref. */
static char *article(unsigned *seed, size_t ns, size_t lo, size_t hi, size_t k,
		     char *ref)
{
	char *text = malloc(8192);
	ck_assert_ptr_nonnull(text);
	text[0] = '\0';
	for (size_t s = 0; s < ns; s++) {
		char sent[1024] = "";
		size_t nw = lo + next_rand(seed) % (hi - lo + 1);
		for (size_t w = 0; w < nw; w++) {
			char wd[16];
			word(seed, wd);
			if (w == 0)
				wd[0] = (char)(wd[0] - 'a' + 'A');
			strcat(sent, wd);
			strcat(sent, w + 1 < nw ? " " : ".");
		}
		if (s == k)
			strcpy(ref, sent);
		strcat(text, sent);
		strcat(text, s + 1 < ns ? " " : "\n");
	}
	return text;
}

/* A data set: documents and their one-sentence references. */
typedef struct set {
	precis_doc *doc[64];
	char *text[64];
	char ref[64][1024];
	size_t n;
} set;

static void set_add(set *st, precis_ctx *ctx, unsigned *seed, size_t lo,
		    size_t hi, size_t k)
{
	size_t i = st->n++;
	st->text[i] = article(seed, 8, lo, hi, k, st->ref[i]);
	st->doc[i] = tu_doc(ctx, st->text[i]);
}

static void set_free(set *st)
{
	for (size_t i = 0; i < st->n; i++) {
		precis_doc_free(st->doc[i]);
		free(st->text[i]);
	}
	st->n = 0;
}

static precis_trainer *trainer(precis_ctx *ctx, size_t sentences)
{
	precis_trainer *t = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.sentences = sentences;
	precis_error err;
	ck_assert_msg(precis_trainer_new(&t, ctx, NULL, &o, &err) == 0, "%s", err.message);
	return t;
}

static void add_set(precis_trainer *t, const set *st, size_t group)
{
	for (size_t i = 0; i < st->n; i++) {
		const char *r = st->ref[i];
		size_t len = strlen(r);
		precis_error err;
		ck_assert_msg(precis_trainer_add(t, st->doc[i], &r, &len, 1, group, &err) == 0,
			      "%s", err.message);
	}
}

/* The one sentence a 1-sentence summary of d picks with model m. */
static size_t pick(precis_ctx *ctx, const precis_model *m, const precis_doc *d)
{
	precis_summary *s = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	precis_pick p;
	o.method = "learned";
	o.sentences = 1;
	ck_assert_int_eq(precis_ctx_set_model(ctx, m, NULL), 0);
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, NULL), 0);
	ck_assert_int_eq(precis_summary_count(s), 1);
	ck_assert_int_eq(precis_summary_pick(s, 0, &p), 0);
	precis_summary_free(s);
	ck_assert_int_eq(precis_ctx_set_model(ctx, NULL, NULL), 0);
	return p.sentence;
}

/* The model's text. */
typedef struct sbuf {
	char *s;
	size_t n;
} sbuf;

static int put(void *payload, const char *buf, size_t len)
{
	sbuf *b = payload;
	char *s = realloc(b->s, b->n + len + 1);
	ck_assert_ptr_nonnull(s);
	memcpy(s + b->n, buf, len);
	b->n += len;
	s[b->n] = '\0';
	b->s = s;
	return 0;
}

static char *model_text(const precis_model *m)
{
	sbuf b = { NULL, 0 };
	ck_assert_int_eq(precis_model_write(m, put, &b, NULL), 0);
	return b.s;
}

/* ---- the reference is sentence k ---------------------------------------- */

/* _i: k = 0, 1, 2 and the loss (auto, logistic, pairwise). */
START_TEST(test_learns_k)
{
	size_t k = (size_t)_i % 3;
	int loss = _i / 3;
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	unsigned seed = 11u + (unsigned)_i;
	set train = { .n = 0 }, test = { .n = 0 };
	for (int i = 0; i < 30; i++)
		set_add(&train, ctx, &seed, 8, 14, k);
	for (int i = 0; i < 10; i++)
		set_add(&test, ctx, &seed, 8, 14, k);
	precis_trainer *t = trainer(ctx, 1);
	add_set(t, &train, 0);
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	precis_train_report r;
	precis_model *m = NULL;
	precis_error err;
	o.loss = loss;
	o.folds = 3;
	ck_assert_msg(precis_trainer_fit(t, &o, &m, &r, &err) == 0, "%s", err.message);
	ck_assert_int_eq(r.documents, 30);
	ck_assert_int_eq(r.positives, 30); /* the oracle found sentence k each time */
	/* Held out, the model finds it too: ROUGE-1 F 1 on each document. */
	ck_assert_msg(r.choice.r1 > 0.999, "CV ROUGE-1 %f", r.choice.r1);
	if (k > 0)
		ck_assert_msg(r.lead.r1 < 0.5, "lead ROUGE-1 %f", r.lead.r1);
	for (size_t i = 0; i < test.n; i++)
		ck_assert_int_eq(pick(ctx, m, test.doc[i]), k);
	precis_model_free(m);
	precis_trainer_free(t);
	set_free(&train);
	set_free(&test);
	precis_ctx_free(ctx);
}
END_TEST

/* Two genres: short sentences want sentence 0, long ones sentence 2. A
 * bundle learns both and which is which. */
START_TEST(test_bundle)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	unsigned seed = 5;
	set a = { .n = 0 }, b = { .n = 0 }, ta = { .n = 0 }, tb = { .n = 0 };
	for (int i = 0; i < 24; i++) {
		set_add(&a, ctx, &seed, 6, 8, 0);
		set_add(&b, ctx, &seed, 16, 20, 2);
	}
	for (int i = 0; i < 6; i++) {
		set_add(&ta, ctx, &seed, 6, 8, 0);
		set_add(&tb, ctx, &seed, 16, 20, 2);
	}
	precis_trainer *t = trainer(ctx, 1);
	add_set(t, &a, 0);
	add_set(t, &b, 1);
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	precis_train_report r;
	precis_model *m = NULL;
	o.names = "short,long";
	o.folds = 3;
	ck_assert_int_eq(precis_trainer_fit(t, &o, &m, &r, NULL), 0);
	ck_assert_int_eq(precis_model_count(m), 2);
	ck_assert_str_eq(precis_model_name(m, 0), "short");
	ck_assert_str_eq(precis_model_name(m, 1), "long");
	ck_assert_int_eq(r.group_right[0], 24);
	ck_assert_int_eq(r.group_right[1], 24);
	ck_assert_msg(r.choice.r1 > 0.999, "CV ROUGE-1 %f", r.choice.r1);
	for (size_t i = 0; i < ta.n; i++) {
		ck_assert_int_eq(pick(ctx, m, ta.doc[i]), 0);
		ck_assert_int_eq(pick(ctx, m, tb.doc[i]), 2);
	}
	/* By genre, the choice learns the same. */
	precis_model *g = NULL;
	o.gate_by_group = 1;
	ck_assert_int_eq(precis_trainer_fit(t, &o, &g, &r, NULL), 0);
	for (size_t i = 0; i < ta.n; i++)
		ck_assert_int_eq(pick(ctx, g, tb.doc[i]), 2);
	precis_model_free(g);
	precis_model_free(m);
	precis_trainer_free(t);
	set_free(&a);
	set_free(&b);
	set_free(&ta);
	set_free(&tb);
	precis_ctx_free(ctx);
}
END_TEST

/* Same documents, same options: the same bytes; and a model written and
 * loaded back writes the same bytes and picks the same sentences. */
START_TEST(test_round_trip)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	unsigned seed = 3;
	set st = { .n = 0 };
	for (int i = 0; i < 20; i++)
		set_add(&st, ctx, &seed, 8, 14, 1);
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	o.folds = 4;
	char *text[2];
	precis_model *m[2];
	for (int run = 0; run < 2; run++) {
		precis_trainer *t = trainer(ctx, 1);
		add_set(t, &st, 0);
		ck_assert_int_eq(precis_trainer_fit(t, &o, &m[run], NULL, NULL), 0);
		ck_assert_int_eq(precis_model_note(m[run], "a note\nof two lines", NULL), 0);
		text[run] = model_text(m[run]);
		precis_trainer_free(t);
	}
	ck_assert_str_eq(text[0], text[1]);
	ck_assert_msg(strstr(text[0], "\n# a note\n# of two lines\nmodel\tlearned\n") != NULL,
		      "%s", text[0]);
	precis_model *back = NULL;
	precis_error err;
	ck_assert_msg(precis_model_load(&back, text[0], strlen(text[0]), &err) == 0, "%s",
		      err.message);
	char *again = model_text(back);
	ck_assert_str_eq(again, text[0]);
	for (size_t i = 0; i < st.n; i++)
		ck_assert_int_eq(pick(ctx, back, st.doc[i]), pick(ctx, m[0], st.doc[i]));
	free(again);
	free(text[0]);
	free(text[1]);
	precis_model_free(back);
	precis_model_free(m[0]);
	precis_model_free(m[1]);
	set_free(&st);
	precis_ctx_free(ctx);
}
END_TEST

/* ---- model files ------------------------------------------------------ */

START_TEST(test_default_model)
{
	precis_model *m = NULL;
	ck_assert_int_eq(precis_model_default(&m, NULL), 0);
	ck_assert_uint_ge(precis_model_count(m), 1);
	ck_assert_ptr_nonnull(precis_model_name(m, 0));
	ck_assert_ptr_null(precis_model_name(m, precis_model_count(m)));
	/* The learned method without a model of the context's is the
	 * shipped one. */
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	unsigned seed = 9;
	char ref[1024];
	char *text = article(&seed, 8, 8, 12, 0, ref);
	precis_doc *d = tu_doc(ctx, text);
	precis_options o = PRECIS_OPTIONS_INIT;
	o.method = "learned";
	precis_summary *s1 = NULL, *s2 = NULL;
	ck_assert_int_eq(precis_summarize(&s1, ctx, d, &o, NULL), 0);
	ck_assert_int_eq(precis_ctx_set_model(ctx, m, NULL), 0);
	ck_assert_int_eq(precis_summarize(&s2, ctx, d, &o, NULL), 0);
	ck_assert_int_eq(precis_summary_count(s1), precis_summary_count(s2));
	for (size_t i = 0; i < precis_summary_count(s1); i++) {
		precis_pick a, b;
		precis_summary_pick(s1, i, &a);
		precis_summary_pick(s2, i, &b);
		ck_assert_int_eq(a.sentence, b.sentence);
		ck_assert(a.score == b.score);
	}
	precis_summary_free(s1);
	precis_summary_free(s2);
	precis_doc_free(d);
	free(text);
	precis_ctx_free(ctx);
	precis_model_free(m);
}
END_TEST

static const struct bad_case {
	const char *text;
	size_t line;
	const char *message;
} bad[] = {
	{ "", 1, "not a precis model" },
	{ "precis-idf\t1\ten\t3\n", 1, "not a precis model" },
	{ "precis-model 2\nmodel a\n", 1, "version '2' not supported" },
	{ "precis-model 1\nbias 1\n", 2, "before the first 'model'" },
	{ "precis-model 1\nmodel a\nweight nosuch 1\n", 3, "unknown feature 'nosuch'" },
	{ "precis-model 1\nmodel a\nweight centroid abc\n", 3, "bad number 'abc'" },
	{ "precis-model 1\nmodel a\nweight centroid inf\n", 3, "bad number" },
	{ "precis-model 1\nmodel a\nweight centroid 1e9\n", 3, "bad number" },
	{ "precis-model 1\nmodel a\nweight centroid 1\nweight centroid 2\n", 4, "twice" },
	{ "precis-model 1\nmodel a\nweight centroid 1 2\n", 3, "expected 'weight" },
	{ "precis-model 1\nmodel a\n\nmodel a\n", 4, "defined twice" },
	{ "precis-model 1\nmodel A!\n", 2, "model name" },
	{ "precis-model 1\n# nothing\n", 2, "no 'model'" },
	{ "precis-model 1\nmodel a\nfoo 1\n", 3, "unknown statement 'foo'" },
	{ "precis-model 1\nmodel a\ngate doc-nosuch 1\n", 3, "unknown document feature" },
	{ "precis-model 1\nmodel a\nbias\n", 3, "expected 'bias VALUE'" },
	{ "precis-model 1\nmodel a\nbias 1 x y z\n", 3, "too many fields" },
	{ "precis-model 1\nmodel a\nbias 1\0\n", 3, "NUL byte" },
	{ "precis-model 1\nmodel a\nmodel b\nmodel c\nmodel d\nmodel e\nmodel f\n"
	  "model g\nmodel h\nmodel i\n", 10, "more than 8 models" },
};

START_TEST(test_bad_model)
{
	const struct bad_case *c = &bad[_i];
	size_t len = strlen(c->text);
	if (strstr(c->message, "NUL") != NULL)
		len += 2; /* the text goes on after its NUL */
	precis_model *m = (precis_model *)&len;
	precis_error err;
	ck_assert_int_eq(precis_model_load(&m, c->text, len, &err), PRECIS_ERR_PARSE);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(err.code, PRECIS_ERR_PARSE);
	ck_assert_msg(err.line == c->line, "case %d: line %zu, want %zu (%s)", _i, err.line,
		      c->line, err.message);
	ck_assert_msg(strstr(err.message, c->message) != NULL, "case %d: '%s'", _i,
		      err.message);
}
END_TEST

/* What a hand-written model may hold: comments, spaces, a bundle. */
START_TEST(test_good_model)
{
	static const char text[] =
		"precis-model 1\n"
		"# a hand-made bundle\n"
		"model first\r\n"
		"  weight rank1   5\n"
		"gate bias 1\n"
		"\n"
		"model third\n"
		"bias -1.5\n"
		"weight rank3 5\n"
		"gate doc-sentences -10\n";
	precis_model *m = NULL;
	precis_error err;
	ck_assert_msg(precis_model_load(&m, text, sizeof text - 1, &err) == 0, "%s", err.message);
	ck_assert_int_eq(precis_model_count(m), 2);
	ck_assert_str_eq(precis_model_name(m, 1), "third");
	char *out = model_text(m);
	ck_assert_str_eq(out, "precis-model\t1\n# a hand-made bundle\n"
			      "model\tfirst\nbias\t0\nweight\trank1\t5\ngate\tbias\t1\n"
			      "model\tthird\nbias\t-1.5\nweight\trank3\t5\ngate\tbias\t0\n"
			      "gate\tdoc-sentences\t-10\n");
	/* The choice: gate "first" 1, "third" 0 - 10 ln(1 + sentences). */
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	unsigned seed = 1;
	char ref[1024];
	char *t = article(&seed, 8, 8, 12, 0, ref);
	precis_doc *d = tu_doc(ctx, t);
	ck_assert_int_eq(pick(ctx, m, d), 0);
	free(out);
	free(t);
	precis_doc_free(d);
	precis_ctx_free(ctx);
	precis_model_free(m);
}
END_TEST

START_TEST(test_bad_calls)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	precis_trainer *t = trainer(ctx, 3);
	precis_model *m = NULL;
	precis_error err;
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	/* No documents: fewer than the folds. */
	ck_assert_int_eq(precis_trainer_fit(t, &o, &m, NULL, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_null(m);
	o.folds = 1;
	ck_assert_int_eq(precis_trainer_fit(t, &o, &m, NULL, &err), PRECIS_ERR_ARG);
	o.folds = 0;
	o.features = "centroid,nosuch";
	unsigned seed = 2;
	set st = { .n = 0 };
	for (int i = 0; i < 6; i++)
		set_add(&st, ctx, &seed, 8, 12, 0);
	add_set(t, &st, 0);
	ck_assert_int_eq(precis_trainer_fit(t, &o, &m, NULL, &err), PRECIS_ERR_ARG);
	ck_assert_msg(strstr(err.message, "nosuch") != NULL, "%s", err.message);
	o.features = NULL;
	o.version = 99;
	ck_assert_int_eq(precis_trainer_fit(t, &o, &m, NULL, &err), PRECIS_ERR_ARG);
	const char *r = "x";
	size_t rl = 1;
	ck_assert_int_eq(precis_trainer_add(t, st.doc[0], &r, &rl, 1, 8, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_trainer_add(NULL, st.doc[0], &r, &rl, 1, 0, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_model_write(NULL, put, NULL, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_ctx_set_model(NULL, NULL, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_null(precis_model_name(NULL, 0));
	ck_assert_int_eq(precis_model_count(NULL), 0);
	ck_assert_str_eq(precis_train_feature(0), "rank1");
	ck_assert_ptr_null(precis_train_feature(1000));
	ck_assert_str_eq(precis_train_doc_feature(0), "doc-sentences");
	precis_model_free(NULL);
	precis_trainer_free(NULL);
	precis_trainer_free(t);
	set_free(&st);
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("train");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_learns_k, 0, 9);
	tcase_add_test(tc, test_bundle);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_default_model);
	tcase_add_loop_test(tc, test_bad_model, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, test_good_model);
	tcase_add_test(tc, test_bad_calls);
	suite_add_tcase(s, tc);
	return s;
}
