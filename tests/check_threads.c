/*
 * check_threads.c - the library on several threads at once, as the CLI's
 * -j runs it: each thread its own context and ROUGE scorer, all threads one
 * background IDF model and one learned model, and splitters of every thread on one shared context
 * (which the API allows: they only read it). Every result must equal the
 * one computed alone first. Run under ThreadSanitizer (configure
 * --enable-tsan) this also proves the absence of data races; elsewhere it
 * still catches hidden shared state that changes answers.
 */
#include <pthread.h>

#include "testutil.h"

#define NTHREADS 4
#define ROUNDS 2

static const char *const texts[] = {
	"Storm closes mountain roads\n\n"
	"Heavy snow closed three mountain roads on Tuesday, the transport "
	"office said. Drivers waited for hours near the pass while ploughs "
	"cleared the snow.\n\nThe office expects the roads to open again on "
	"Wednesday morning. Forecasters warned that more snow could fall over "
	"the weekend. Schools in the valley stayed open, but buses ran late.\n",
	"The council approved the new budget on Monday after a long debate. "
	"Spending on schools rises by four percent, while road repairs get "
	"less than last year. The mayor said the budget keeps taxes flat. "
	"Opponents said the cuts to road repairs would cost more later. "
	"A final vote on the transport plan is due next month.\n",
	"Researchers found a new species of frog in the rainforest. The frog "
	"is smaller than a coin and lives in leaf litter. Its call sounds like "
	"an insect, which is why it went unnoticed for so long. The team "
	"recorded the calls at night. They say the forest needs protection "
	"because logging is spreading fast.\n",
};
#define NTEXTS (sizeof texts / sizeof texts[0])
static const char reference[] = "Snow closed mountain roads.\nThe roads open on Wednesday.";

typedef struct sbuf {
	char *s;
	size_t n, cap;
	int oom;
} sbuf;

static int sb_write(void *payload, const char *buf, size_t len)
{
	sbuf *b = payload;
	if (b->n + len + 1 > b->cap) {
		size_t cap = (b->n + len + 1) * 2;
		char *ns = realloc(b->s, cap);
		if (ns == NULL) {
			b->oom = 1;
			return -1;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, buf, len);
	b->n += len;
	b->s[b->n] = '\0';
	return 0;
}

/* A number, exactly (%.17g), and a separator. */
static void sb_num(sbuf *b, double v, char sep)
{
	char tmp[64];
	int k = snprintf(tmp, sizeof tmp, "%.17g%c", v, sep);
	sb_write(b, tmp, (size_t)k);
}

/* A summary's picks, scores and JSON, or "" on any failure. No Check calls:
 * assertions may only run on the test's own thread. */
static char *summary_fp(precis_ctx *ctx, const char *text, const char *method)
{
	sbuf b = { 0 };
	precis_doc *d = NULL;
	precis_summary *s = NULL;
	precis_options o;
	precis_options_init(&o);
	o.method = method;
	o.seed = 7;
	if (precis_doc_new(&d, ctx, text, strlen(text), NULL, 0, NULL) == 0 &&
	    precis_summarize(&s, ctx, d, &o, NULL) == 0) {
		precis_pick p;
		for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
			sb_num(&b, p.score, '\n');
		precis_summary_render(s, d, PRECIS_FORMAT_JSON, method, sb_write, &b, NULL);
	}
	precis_summary_free(s);
	precis_doc_free(d);
	if (b.s == NULL || b.oom) {
		free(b.s);
		return strdup("");
	}
	return b.s;
}

static int split_put(void *arg, const char *text, const precis_sentence *s)
{
	sbuf *b = arg;
	sb_num(b, (double)s->offset, ' ');
	sb_num(b, (double)s->paragraph, ' ');
	return sb_write(b, text, s->length) || sb_write(b, "\n", 1);
}

static char *split_fp(const precis_ctx *ctx, const char *text)
{
	sbuf b = { 0 };
	precis_splitter *sp = NULL;
	size_t len = strlen(text);
	int rc = precis_splitter_new(&sp, ctx, 0, NULL);
	for (size_t at = 0; rc == 0 && at < len; at += 7)
		rc = precis_splitter_feed(sp, text + at, len - at < 7 ? len - at : 7,
					  split_put, &b, NULL);
	if (rc == 0)
		rc = precis_splitter_finish(sp, split_put, &b, NULL);
	precis_splitter_free(sp);
	if (rc != 0 || b.s == NULL) {
		free(b.s);
		return strdup("");
	}
	return b.s;
}

static double rouge_fp(precis_rouge *r, const char *cand)
{
	const char *refs[] = { reference };
	size_t lens[] = { strlen(reference) };
	precis_rouge_score sc[16];
	if (precis_rouge_metric_count(r) > 16 ||
	    precis_rouge_score_pair(r, cand, strlen(cand), refs, lens, 1, sc, NULL) != 0)
		return -1;
	return sc[0].f + 10 * sc[1].f;
}

/* What every thread must reproduce, computed on this thread first. */
static struct {
	size_t nmethods;
	char *sum[2][NTEXTS][16]; /* [with the shared idf and model][text][method] */
	char *split[NTEXTS];
	double rouge[NTEXTS];
	precis_idf *idf;
	precis_model *model; /* a learned model every other thread shares */
	precis_ctx *shared; /* the splitters' one context */
} want;

/* Unlike the shipped model: the last sentences first, by centrality. */
static const char shared_model[] =
	"precis-model 1\nmodel late\nweight relative 3\nweight lexrank-rank 1\n"
	"weight textrank 0.5\nweight novelty 0.5\n";

typedef struct worker {
	int id;
	long checked, wrong;
	unsigned char seen[NTEXTS * 16]; /* [method * NTEXTS + text] */
} worker;

static size_t gcd(size_t a, size_t b)
{
	while (b != 0) {
		size_t r = a % b;
		a = b;
		b = r;
	}
	return a;
}

static void check_one(worker *w, precis_ctx *ctx, precis_rouge *r, int use_idf,
		      size_t t, size_t m)
{
	char *fp = summary_fp(ctx, texts[t], precis_method_name(m));
	w->wrong += strcmp(fp, want.sum[use_idf][t][m]) != 0;
	free(fp);
	fp = split_fp(want.shared, texts[t]);
	w->wrong += strcmp(fp, want.split[t]) != 0;
	free(fp);
	w->wrong += rouge_fp(r, texts[t]) != want.rouge[t];
	w->checked += 3;
	w->seen[m * NTEXTS + t] = 1;
}

static void *work(void *arg)
{
	worker *w = arg;
	int use_idf = w->id % 2;
	precis_ctx *ctx = NULL;
	precis_rouge *r = NULL;
	precis_rouge_options ro;
	precis_rouge_options_init(&ro);
	if (precis_ctx_new(&ctx, "en", NULL) != 0 ||
	    (use_idf && precis_ctx_set_idf(ctx, want.idf, NULL) != 0) ||
	    (use_idf && precis_ctx_set_model(ctx, want.model, NULL) != 0) ||
	    precis_rouge_new(&r, &ro, NULL) != 0) {
		w->wrong++;
	} else {
		/* Each thread its own order of every (text, method), so
		 * different work overlaps: a stride prime to n visits all. */
		size_t n = NTEXTS * want.nmethods, stride = (size_t)(2 * w->id + 1);
		while (gcd(stride, n) != 1)
			stride += 2;
		for (int round = 0; round < ROUNDS; round++)
			for (size_t k = 0; k < n; k++) {
				size_t j = (k * stride + (size_t)w->id) % n;
				check_one(w, ctx, r, use_idf, j % NTEXTS, j / NTEXTS);
			}
	}
	precis_rouge_free(r);
	precis_ctx_free(ctx);
	return NULL;
}

static void compute_wanted(void)
{
	precis_ctx *ctx[2];
	precis_rouge *r;
	precis_rouge_options ro;
	precis_rouge_options_init(&ro);
	want.nmethods = 0;
	while (precis_method_name(want.nmethods) != NULL)
		want.nmethods++;
	ck_assert_uint_gt(want.nmethods, 0);
	ck_assert_uint_le(want.nmethods, 16);
	ck_assert_int_eq(precis_ctx_new(&want.shared, "en", NULL), 0);
	ck_assert_int_eq(precis_idf_new(&want.idf, want.shared, NULL), 0);
	for (size_t t = 0; t < NTEXTS; t++) {
		precis_doc *d = tu_doc(want.shared, texts[t]);
		ck_assert_int_eq(precis_idf_add(want.idf, want.shared, d, NULL), 0);
		precis_doc_free(d);
	}
	ck_assert_int_eq(precis_ctx_new(&ctx[0], "en", NULL), 0);
	ck_assert_int_eq(precis_ctx_new(&ctx[1], "en", NULL), 0);
	ck_assert_int_eq(precis_ctx_set_idf(ctx[1], want.idf, NULL), 0);
	ck_assert_int_eq(precis_model_load(&want.model, shared_model, sizeof shared_model - 1,
					   NULL), 0);
	ck_assert_int_eq(precis_ctx_set_model(ctx[1], want.model, NULL), 0);
	ck_assert_int_eq(precis_rouge_new(&r, &ro, NULL), 0);
	for (size_t t = 0; t < NTEXTS; t++) {
		for (int i = 0; i < 2; i++)
			for (size_t m = 0; m < want.nmethods; m++) {
				want.sum[i][t][m] = summary_fp(ctx[i], texts[t], precis_method_name(m));
				ck_assert_msg(want.sum[i][t][m][0] != '\0', "%s fails alone",
					      precis_method_name(m));
			}
		want.split[t] = split_fp(want.shared, texts[t]);
		ck_assert(want.split[t][0] != '\0');
		want.rouge[t] = rouge_fp(r, texts[t]);
		ck_assert(want.rouge[t] > 0);
	}
	/* The shared model must change the answer, or a thread that ignored
	 * it would pass. */
	ck_assert_str_ne(want.sum[0][0][0], want.sum[1][0][0]);
	size_t learned = 0;
	while (strcmp(precis_method_name(learned), "learned") != 0)
		learned++;
	ck_assert_str_ne(want.sum[0][0][learned], want.sum[1][0][learned]);
	precis_rouge_free(r);
	precis_ctx_free(ctx[0]);
	precis_ctx_free(ctx[1]);
}

static void free_wanted(void)
{
	for (size_t t = 0; t < NTEXTS; t++) {
		for (int i = 0; i < 2; i++)
			for (size_t m = 0; m < want.nmethods; m++)
				free(want.sum[i][t][m]);
		free(want.split[t]);
	}
	precis_idf_free(want.idf);
	precis_model_free(want.model);
	precis_ctx_free(want.shared);
}

START_TEST(threads_agree)
{
	compute_wanted();
	pthread_t th[NTHREADS];
	worker w[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		w[i] = (worker){ .id = i };
		ck_assert_int_eq(pthread_create(&th[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++) {
		ck_assert_int_eq(pthread_join(th[i], NULL), 0);
		ck_assert_msg(w[i].wrong == 0, "thread %d: %ld of %ld results differ",
			      i, w[i].wrong, w[i].checked);
		ck_assert_int_eq(w[i].checked,
				 (long)(3 * ROUNDS * NTEXTS * want.nmethods));
		for (size_t k = 0; k < NTEXTS * want.nmethods; k++)
			ck_assert_msg(w[i].seen[k], "thread %d: text %zu, method %s never run",
				      i, k % NTEXTS, precis_method_name(k / NTEXTS));
	}
	free_wanted();
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, threads_agree);
	suite_add_tcase(s, tc);
	return s;
}
