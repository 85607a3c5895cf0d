/*
 * check_alloc.c - allocation-failure ("chaos") tests: every public
 * operation is run failing its n-th allocation, for n = 0, 1, 2, ... until
 * it makes fewer than n + 1 (expat tests/alloc_tests.c, jansson
 * test_chaos.c). A failed call must return PRECIS_ERR_NOMEM, in `err` too,
 * and leave its out-pointer NULL; a call that succeeds must give exactly the
 * answer of a run without failures; and a context used by a failed call
 * must still give that answer afterwards. Each n is tried twice: failing
 * that allocation only, and failing it and every one after it. Leaks on the
 * error paths are left to the ASan and valgrind builds (the latter
 * samples the allocations, see chaos_loop()).
 *
 * The test links with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (and
 * strdup, strndup), so every allocation of libprecis_core's objects (linked
 * statically into this binary) goes through __wrap_malloc and friends
 * below; jansson's go there too through json_set_alloc_funcs(). Those of
 * utf8proc and libstemmer, shared libraries, are not failed. Without a linker that wraps, or when
 * the wrapping turns out not to reach the library, the suite is skipped
 * (exit status 77).
 */
#include <jansson.h>
#include <stdarg.h>

#include "context/ctx.h"
#include "doc/doc.h"
#include "doc/splitter.h"
#include "doc/tokenize.h"
#include "segment/segment.h"
#include "testutil.h"

/* ---- the failing allocator ------------------------------------------- */

static struct {
	int armed;       /* counting: inside the call under test */
	long fail_at;    /* index of the allocation to fail; -1: none */
	int sticky;      /* fail every allocation from fail_at on */
	long count;      /* allocations seen while armed */
	long injected;   /* failures injected */
	const char *what; /* the operation, for messages */
} chaos = { 0, -1, 0, 0, 0, "" };

#define ARM() (chaos.armed = 1)
#define DISARM() (chaos.armed = 0)

static void chaos_reset(long fail_at, int sticky)
{
	chaos.armed = 0;
	chaos.fail_at = fail_at;
	chaos.sticky = sticky;
	chaos.count = 0;
	chaos.injected = 0;
}

#ifdef CHAOS_LD_WRAP
void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static int chaos_fails(void)
{
	if (!chaos.armed)
		return 0;
	long i = chaos.count++;
	if (chaos.fail_at < 0 || i < chaos.fail_at ||
	    (i > chaos.fail_at && !chaos.sticky))
		return 0;
	chaos.injected++;
	return 1;
}

void *__wrap_malloc(size_t size)
{
	return chaos_fails() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return chaos_fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return chaos_fails() ? NULL : __real_realloc(p, size);
}

/* The library uses neither today; a strdup() added later is counted too. */
char *__wrap_strdup(const char *s)
{
	return chaos_fails() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return chaos_fails() ? NULL : __real_strndup(s, n);
}

/* jansson's allocations, through the wrapped malloc of this file. */
static void *json_alloc(size_t size)
{
	return malloc(size);
}
#endif

/* ---- results as strings ------------------------------------------------ */

typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

/* Appends bytes; never counted or failed, even when called from inside
 * an operation under test (a write callback). */
static void sb_put(sbuf *b, const char *p, size_t len)
{
	int was = chaos.armed;
	DISARM();
	if (b->n + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + len + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		ck_assert_ptr_nonnull(s);
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->n, p, len);
	b->n += len;
	b->s[b->n] = '\0';
	chaos.armed = was;
}

__attribute__((format(printf, 2, 3)))
static void sb_printf(sbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	ck_assert(n >= 0 && (size_t)n < sizeof tmp);
	sb_put(b, tmp, (size_t)n);
}

/* The string built so far (never NULL), for the caller to free. */
static char *sb_take(sbuf *b)
{
	if (b->s == NULL)
		sb_put(b, "", 0);
	return b->s;
}

static int sink(void *payload, const char *buf, size_t len)
{
	sb_put(payload, buf, len);
	return 0;
}

/* Local term ids as the context's stem strings. */
static void put_terms(sbuf *b, const precis_ctx *ctx, const precis_doc *d,
		      const uint32_t *t, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		size_t len;
		const char *s = precis__term_string(ctx, d->global[t[j]], &len);
		sb_printf(b, " %.*s", (int)len, s);
	}
}

/* Everything a document holds, its terms included. */
static char *doc_fp(const precis_doc *d, const precis_ctx *ctx)
{
	sbuf b = { 0 };
	size_t len, off = 0, tl = 0;
	const char *text = precis_doc_text(d, &len);
	sb_printf(&b, "len %zu repairs %zu units %zu nterms %zu paragraphs %zu\n", len,
		  precis_doc_repairs(d), precis_doc_sentence_count(d), d->nterms,
		  d->nparagraphs);
	sb_put(&b, text, len);
	for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
		precis_sentence s;
		ck_assert_int_eq(precis_doc_sentence(d, i, &s), 0);
		sb_printf(&b, "\n%zu: %zu+%zu p%zu w%zu k%d:", i, s.offset, s.length,
			  s.paragraph, s.words, s.kind);
		if (!d->split_only) {
			size_t n;
			const uint32_t *t = precis__doc_terms(d, i, &n);
			put_terms(&b, ctx, d, t, n);
		}
	}
	int has = precis_doc_title(d, &off, &tl);
	sb_printf(&b, "\ntitle %d/%d %zu+%zu unit %zu text '%s':", has, d->has_title,
		  off, tl, d->title_unit, d->title_text ? d->title_text : "");
	put_terms(&b, ctx, d, d->title_terms, d->ntitle_terms);
	return sb_take(&b);
}

static char *summary_fp(const precis_summary *s)
{
	sbuf b = { 0 };
	precis_pick p;
	sb_printf(&b, "%zu picks", precis_summary_count(s));
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		sb_printf(&b, "\n%zu %zu+%zu %.17g", p.sentence, p.offset, p.length,
			  p.score);
	return sb_take(&b);
}

static char *idf_fp(const precis_idf *m)
{
	sbuf b = { 0 };
	sb_printf(&b, "%s %.17g docs %zu terms\n", precis_idf_language(m),
		  precis_idf_documents(m), precis_idf_terms(m));
	/* A model of no document has no file form. */
	ck_assert_int_eq(precis_idf_write(m, sink, &b, NULL),
			 precis_idf_documents(m) > 0 ? 0 : PRECIS_ERR_EMPTY);
	return sb_take(&b);
}

static void put_scores(sbuf *b, const precis_rouge_score *sc, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_printf(b, "%zu: %.17g %.17g %.17g %.17g %.17g %.17g\n", i, sc[i].r,
			  sc[i].p, sc[i].f, sc[i].hit, sc[i].model_count,
			  sc[i].peer_count);
}

static char *eval_fp(const precis_rouge_eval *ev)
{
	sbuf b = { 0 };
	size_t n = precis_rouge_eval_count(ev);
	sb_printf(&b, "%zu pairs of %zu\n", n, precis_rouge_eval_metric_count(ev));
	for (size_t i = 0; i < n; i++) {
		sb_printf(&b, "'%s'\n", precis_rouge_eval_id(ev, i));
		put_scores(&b, precis_rouge_eval_scores(ev, i),
			   precis_rouge_eval_metric_count(ev));
	}
	return sb_take(&b);
}

/* ---- the loop ------------------------------------------------------------ */

/*
 * An operation under test: builds what it needs, arms the allocator around
 * the one call under test, checks a failure (expect_nomem) and returns the
 * call's status. *fp gets the result as a string: the call's on success;
 * after a failure, for a call that changes a context or an object it was
 * given, that of the same call repeated without failures on that context.
 */
typedef int (*chaos_op)(const void *arg, char **fp);

#define CHAOS_MAX 100000

static void expect_nomem(int rc, const precis_error *err, int out_ok)
{
	if (rc == 0)
		return;
	ck_assert_msg(rc == PRECIS_ERR_NOMEM,
		      "%s: allocation %ld%s failed: status %d (%s), not PRECIS_ERR_NOMEM",
		      chaos.what, chaos.fail_at, chaos.sticky ? " on" : "", rc,
		      err ? err->message : "");
	if (err != NULL)
		ck_assert_msg(err->code == rc, "%s: allocation %ld failed: err.code %d",
			      chaos.what, chaos.fail_at, err->code);
	ck_assert_msg(out_ok, "%s: allocation %ld failed: output not left as documented",
		      chaos.what, chaos.fail_at);
}

static void expect_same(const char *got, const char *want, const char *when)
{
	ck_assert_msg(strcmp(got, want) == 0,
		      "%s: allocation %ld%s failed: %s differs:\n%s\n---- want:\n%s",
		      chaos.what, chaos.fail_at, chaos.sticky ? " on" : "", when, got,
		      want);
}

static void chaos_loop(const char *what, chaos_op op, const void *arg)
{
	char *want = NULL, *got;
	chaos.what = what;
	chaos_reset(-1, 0);
	ck_assert_msg(op(arg, &want) == 0 && want != NULL, "%s fails by itself", what);
	long total = chaos.count;
	/* Under valgrind (PRECIS_TEST_QUICK) every allocation in turn takes
	 * minutes: the first 16 and then every 7th are failed there; the
	 * ASan build fails them all. */
	long stride = getenv("PRECIS_TEST_QUICK") != NULL ? 7 : 1;
	for (int sticky = 0; sticky <= 1; sticky++)
		for (long n = 0;; n += n < 16 ? 1 : stride) {
			ck_assert_msg(n < CHAOS_MAX, "%s: no end to allocations", what);
			got = NULL;
			chaos_reset(n, sticky);
			int rc = op(arg, &got);
			if (chaos.injected == 0) {
				ck_assert_msg(rc == 0, "%s: status %d without a failure", what, rc);
				expect_same(got, want, "the result");
				free(got);
				break;
			}
			if (got != NULL)
				expect_same(got, want, rc == 0 ? "the result" : "a retry");
			free(got);
		}
	if (getenv("CHAOS_VERBOSE") != NULL)
		fprintf(stderr, "%s: %ld allocations\n", what, total);
	chaos_reset(-1, 0);
	free(want);
}

/* ---- inputs ----------------------------------------------------------- */

static const char news[] =
	"Storm closes mountain roads\n"
	"\n"
	"Heavy snow closed three mountain roads on Tuesday, the transport "
	"office said.\n"
	"Drivers waited for hours near the pass while ploughs cleared the "
	"snow.\n"
	"\n"
	"The office expects the roads to open again on Wednesday morning. "
	"Forecasters warned that more snow could fall over the weekend.\n"
	"Schools in the valley stayed open, but buses ran late all day.\n"
	"\n"
	"Local shops said trade was slow as visitors stayed away from the "
	"hills. Click here to read more.\n";

static const char news2[] =
	"Ploughs worked through the night on the mountain pass. The snow "
	"stopped on Thursday and the valley roads opened again.\n";

static precis_ctx *new_ctx(const char *lang)
{
	precis_ctx *ctx = NULL;
	precis_error err;
	ck_assert_msg(precis_ctx_new(&ctx, lang, &err) == 0, "%s", err.message);
	return ctx;
}

static precis_doc *new_doc(precis_ctx *ctx, const char *text,
			   const char *title, unsigned flags)
{
	precis_doc *d = NULL;
	precis_error err;
	ck_assert_msg(precis_doc_new(&d, ctx, text, strlen(text), title, flags,
				     &err) == 0,
		      "%s", err.message);
	return d;
}

/* Poison for out-pointers and error structs the library must fill. */
#define POISON ((void *)&chaos)
#define POISON_ERR(e) memset(&(e), 0x55, sizeof(e))

/*
 * Declares `rc` and `err`, runs `call` (which reports into err) with the
 * allocation failures armed, and checks that it failed cleanly: status,
 * err, and `out_ok`, the caller's test of its out-pointers.
 */
#define CHAOS_CALL(rc, err, call, out_ok)        \
	precis_error err;                        \
	POISON_ERR(err);                         \
	ARM();                                   \
	int rc = (call);                         \
	DISARM();                                \
	expect_nomem(rc, &(err), (out_ok))

/* ---- contexts and documents --------------------------------------------- */

/* A block with more list-marker candidates than the splitter keeps on
 * its stack. */
static char many_items[1024];

static void make_many_items(void)
{
	size_t n = 0;
	for (int i = 1; i <= 70; i++)
		n += (size_t)snprintf(many_items + n, sizeof many_items - n,
				      "%d) item ", i);
}

typedef struct doc_case {
	const char *lang, *text, *title;
	unsigned flags;
} doc_case;

static const doc_case doc_cases[] = {
	{ "en", news, NULL, 0 },
	{ "en", news, "Snow storm closes the roads", 0 },
	{ "en", "Bad \xff bytes here. More \xe2\x82 text follows on.\n", NULL,
	  PRECIS_DOC_LENIENT },
	{ "en", "A line that is hard\nwrapped in the middle. And a second\n"
		"sentence, wrapped too.\n\n- a list item\n", NULL,
	  PRECIS_DOC_JOIN_LINES },
	{ "en", news, NULL, PRECIS_DOC_SPLIT_ONLY },
	{ "de", "Dr. Müller sagte am 3. Mai, die Straßen seien frei. \"Wir "
		"sind froh!\" Das Amt (vgl. S. 4) schwieg.\n1. Erstens\n2. "
		"Zweitens\n", NULL, PRECIS_DOC_SPLIT_ONLY },
	{ "ja", "東京で雪が降った。道路は閉鎖された。「明日は晴れる」と"
		"気象庁は言った。\n", NULL, PRECIS_DOC_SPLIT_ONLY },
	{ "ru", "Снег закрыл дороги в горах. Т. е. всё стоит. Водители "
		"ждали весь день.\n", NULL, 0 },
	{ "en", many_items, NULL, PRECIS_DOC_SPLIT_ONLY },
	/* The text borrowed from the bytes, and (its CRs gone) not. */
	{ "en", news, NULL, PRECIS_DOC_BORROW },
	{ "en", "Roads closed on Tuesday.\r\nPloughs cleared the pass.\r\n", NULL,
	  PRECIS_DOC_BORROW },
};

#define NDOC_CASES (sizeof doc_cases / sizeof doc_cases[0])

static int op_ctx_new(const void *arg, char **fp)
{
	const doc_case *c = arg;
	precis_ctx *ctx = POISON;
	CHAOS_CALL(rc, err, precis_ctx_new(&ctx, c->lang, &err),
		   ctx == NULL);
	if (rc != 0)
		return rc;
	/* What the context holds (stopwords, rules) shows in a document. */
	precis_doc *d = new_doc(ctx, c->text, c->title, c->flags);
	*fp = doc_fp(d, ctx);
	precis_doc_free(d);
	precis_ctx_free(ctx);
	return 0;
}

START_TEST(test_ctx_new)
{
	make_many_items();
	chaos_loop("precis_ctx_new", op_ctx_new, &doc_cases[_i]);
}
END_TEST

/* A fresh context each time, so that every word is stemmed and cached
 * under failures; after one, the context must build the document right. */
static int op_doc_new(const void *arg, char **fp)
{
	const doc_case *c = arg;
	precis_ctx *ctx = new_ctx(c->lang);
	precis_doc *d = POISON;
	CHAOS_CALL(rc, err, precis_doc_new(&d, ctx, c->text, strlen(c->text),
		   c->title, c->flags, &err),
		   d == NULL);
	if (rc != 0)
		d = new_doc(ctx, c->text, c->title, c->flags);
	*fp = doc_fp(d, ctx);
	precis_doc_free(d);
	precis_ctx_free(ctx);
	return rc;
}

START_TEST(test_doc_new)
{
	make_many_items();
	chaos_loop("precis_doc_new", op_doc_new, &doc_cases[_i]);
}
END_TEST

/* ---- the streaming splitter ---------------------------------------------- */

/* The sentences streamed, in a fixed buffer: the callback must not allocate
 * (nor call Check, which does), or the failures under test would land in it. */
static struct {
	char s[8192];
	size_t n;
	int overflow;
} streamed;

static int stream_put(void *arg, const char *text, const precis_sentence *s)
{
	(void)arg;
	int k = snprintf(streamed.s + streamed.n, sizeof streamed.s - streamed.n,
			 "%zu+%zu p%zu k%d %.*s\n", s->offset, s->length,
			 s->paragraph, s->kind, (int)s->length, text);
	if (k < 0 || (size_t)k >= sizeof streamed.s - streamed.n) {
		streamed.overflow = 1;
		return 1;
	}
	streamed.n += (size_t)k;
	return 0;
}

/* The case's text fed 5 bytes at a time, cut at every blank line. */
static int stream_case(precis_ctx *ctx, const doc_case *c, precis_error *err)
{
	precis_splitter *sp = NULL;
	streamed.n = 0;
	streamed.s[0] = '\0';
	int rc = precis_splitter_new(&sp, ctx, c->flags & ~PRECIS_DOC_SPLIT_ONLY, err);
	if (rc != 0)
		return rc;
	precis__splitter_chunk(sp, 1);
	size_t len = strlen(c->text);
	for (size_t at = 0; at < len && rc == 0; at += 5)
		rc = precis_splitter_feed(sp, c->text + at, len - at < 5 ? len - at : 5,
					  stream_put, NULL, err);
	if (rc == 0)
		rc = precis_splitter_finish(sp, stream_put, NULL, err);
	precis_splitter_free(sp);
	return rc;
}

static int op_splitter(const void *arg, char **fp)
{
	const doc_case *c = arg;
	precis_ctx *ctx = new_ctx(c->lang);
	CHAOS_CALL(rc, err, stream_case(ctx, c, &err), 1);
	ck_assert(!streamed.overflow);
	if (rc != 0) /* the context is only read: a retry must be whole */
		ck_assert_int_eq(stream_case(ctx, c, NULL), 0);
	*fp = strdup(streamed.s);
	precis_ctx_free(ctx);
	return rc;
}

START_TEST(test_splitter)
{
	make_many_items();
	chaos_loop("precis_splitter", op_splitter, &doc_cases[_i]);
}
END_TEST

/* ---- summarizing ------------------------------------------------------ */

typedef struct sum_case {
	const char *method;
	const precis_idf *idf; /* background model, or NULL */
	const char *title;
	size_t words;          /* word budget, or 0 for 3 sentences */
	const precis_model *model; /* the learned method's, or NULL */
	size_t sentences;      /* a sentence budget, or 0 */
	const char *text;      /* the document, or NULL for `news` */
} sum_case;

static char *summarize_fp(precis_ctx *ctx, const precis_doc *d,
			  const precis_options *o)
{
	precis_summary *s = NULL;
	precis_error err;
	ck_assert_msg(precis_summarize(&s, ctx, d, o, &err) == 0, "%s", err.message);
	char *fp = summary_fp(s);
	precis_summary_free(s);
	return fp;
}

/* A fresh context and document each time: methods stem word lists into
 * the context (edmundson) and a background model caches weights in it. */
static int op_summarize(const void *arg, char **fp)
{
	const sum_case *c = arg;
	precis_ctx *ctx = new_ctx("en");
	if (c->idf != NULL)
		ck_assert_int_eq(precis_ctx_set_idf(ctx, c->idf, NULL), 0);
	ck_assert_int_eq(precis_ctx_set_model(ctx, c->model, NULL), 0);
	precis_doc *d = new_doc(ctx, c->text ? c->text : news, c->title, 0);
	precis_options o = PRECIS_OPTIONS_INIT;
	o.method = c->method;
	o.words = c->words;
	o.sentences = c->sentences;
	o.seed = 7;
	precis_summary *s = POISON;
	CHAOS_CALL(rc, err, precis_summarize(&s, ctx, d, &o, &err),
		   s == NULL);
	if (rc == 0) {
		*fp = summary_fp(s);
		precis_summary_free(s);
	} else {
		*fp = summarize_fp(ctx, d, &o);
	}
	precis_doc_free(d);
	precis_ctx_free(ctx);
	return rc;
}

static precis_idf *background_model(void)
{
	precis_ctx *ctx = new_ctx("en");
	precis_idf *m = NULL;
	ck_assert_int_eq(precis_idf_new(&m, ctx, NULL), 0);
	const char *docs[] = { news, news2, "Trade was slow in the shops." };
	for (size_t i = 0; i < 3; i++) {
		precis_doc *d = new_doc(ctx, docs[i], NULL, 0);
		ck_assert_int_eq(precis_idf_add(m, ctx, d, NULL), 0);
		precis_doc_free(d);
	}
	precis_ctx_free(ctx);
	return m;
}

START_TEST(test_summarize)
{
	const char *m = precis_method_name((size_t)_i);
	char what[64];
	snprintf(what, sizeof what, "precis_summarize %s", m);
	sum_case c = { m, NULL, NULL, 0, NULL, 0, NULL };
	chaos_loop(what, op_summarize, &c);
	/* A given headline, and a word budget. */
	c.title = "Snow storm closes the roads";
	c.words = 40;
	chaos_loop(what, op_summarize, &c);
}
END_TEST

/* Past the candidates selection finds by a scan, a heap orders them;
 * without every unit's vector (tfidf), it makes the ones it compares. */
START_TEST(test_summarize_many)
{
	static char text[40 * 48];
	size_t n = 0;
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
				      "Report %d says the snow closed road %d.\n", i, i % 7);
	sum_case c = { "tfidf", NULL, NULL, 0, NULL, 25, text };
	chaos_loop("precis_summarize tfidf, 25 of 40 sentences", op_summarize, &c);
	c.method = "centroid";
	chaos_loop("precis_summarize centroid, 25 of 40 sentences", op_summarize, &c);
}
END_TEST

START_TEST(test_summarize_idf)
{
	precis_idf *m = background_model();
	sum_case c = { "tfidf", m, NULL, 0, NULL, 0, NULL };
	chaos_loop("precis_summarize with an IDF model", op_summarize, &c);
	c.method = "lexrank";
	chaos_loop("precis_summarize lexrank with an IDF model", op_summarize, &c);
	precis_idf_free(m);
}
END_TEST

/* ---- rendering ---------------------------------------------------------- */

typedef struct render_case {
	const precis_summary *sum;
	const precis_doc *doc;
	precis_format format;
	const char *name;
	const precis_keywords *kw; /* with keywords: render them too */
} render_case;

static int op_render(const void *arg, char **fp)
{
	const render_case *c = arg;
	sbuf b = { 0 };
	CHAOS_CALL(rc, err, precis_summary_render_keywords(c->sum, c->doc, c->kw,
		   c->format, c->name, sink, &b, &err),
		   1);
	if (rc == 0)
		*fp = sb_take(&b);
	else
		free(b.s);
	return rc;
}

/* The fingerprint of a call returning a malloc'd string and its length
 * (NULL on failure, with the length untouched from LEN_UNSET). */
#define LEN_UNSET 12345
static int string_fp(const char *what, char *t, size_t len, char **fp)
{
	if (t == NULL) {
		ck_assert_msg(len == LEN_UNSET, "%s: length set on failure", what);
		return PRECIS_ERR_NOMEM;
	}
	sbuf b = { 0 };
	sb_printf(&b, "%zu\n%s", len, t);
	free(t);
	*fp = sb_take(&b);
	return 0;
}

static int op_summary_text(const void *arg, char **fp)
{
	const render_case *c = arg;
	size_t len = LEN_UNSET;
	ARM();
	char *t = precis_summary_text(c->sum, c->doc, &len);
	DISARM();
	return string_fp("precis_summary_text", t, len, fp);
}

START_TEST(test_render)
{
	precis_ctx *ctx = new_ctx("en");
	precis_doc *d = new_doc(ctx, news, NULL, 0);
	precis_summary *s = NULL;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	render_case c = { s, d, PRECIS_FORMAT_TEXT, NULL, NULL };
	chaos_loop("precis_summary_render text", op_render, &c);
	c.format = PRECIS_FORMAT_JSON;
	chaos_loop("precis_summary_render json", op_render, &c);
	c.name = "snow \xff.txt"; /* not UTF-8: sanitized */
	chaos_loop("precis_summary_render json with a name", op_render, &c);
	c.format = PRECIS_FORMAT_JSONL;
	c.name = "doc-1";
	chaos_loop("precis_summary_render jsonl", op_render, &c);
	c.name = NULL;
	chaos_loop("precis_summary_render jsonl without an id", op_render, &c);
	c.format = PRECIS_FORMAT_JSON_RECORD;
	c.name = "doc-2";
	chaos_loop("precis_summary_render json record", op_render, &c);
	c.format = PRECIS_FORMAT_JSONL;
	chaos_loop("precis_summary_text", op_summary_text, &c);
	c.format = PRECIS_FORMAT_HTML;
	c.name = "snow <1>.txt";
	chaos_loop("precis_summary_render html", op_render, &c);
	precis_summary_free(s);
	precis_doc_free(d);
	/* A given title heads the page. */
	d = new_doc(ctx, news, "Snow & ice", 0);
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	c.sum = s;
	c.doc = d;
	chaos_loop("precis_summary_render html with a title", op_render, &c);
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

static int op_sanitize(const void *arg, char **fp)
{
	const char *s = arg;
	size_t len = LEN_UNSET;
	ARM();
	char *t = precis_utf8_sanitize(s, strlen(s), &len);
	DISARM();
	return string_fp("precis_utf8_sanitize", t, len, fp);
}

/* ---- keywords ------------------------------------------------------------ */

typedef struct kw_case {
	precis_ctx *ctx;
	const precis_doc *doc;
	size_t max;
} kw_case;

static char *keywords_fp(const precis_keywords *kw)
{
	sbuf b = { 0 };
	precis_keyword k;
	sb_printf(&b, "%zu keywords", precis_keywords_count(kw));
	for (size_t i = 0; precis_keywords_get(kw, i, &k) == 0; i++)
		sb_printf(&b, "\n%s %zu %zu %zu %.17g", k.text, k.length, k.offset,
			  k.count, k.score);
	return sb_take(&b);
}

static int op_keywords(const void *arg, char **fp)
{
	const kw_case *c = arg;
	precis_keywords *kw = POISON;
	CHAOS_CALL(rc, err, precis_keywords_new(&kw, c->ctx, c->doc, c->max, &err),
		   kw == NULL);
	if (rc == 0) {
		*fp = keywords_fp(kw);
		precis_keywords_free(kw);
	}
	return rc;
}

static int op_keywords_render(const void *arg, char **fp)
{
	const render_case *c = arg;
	sbuf b = { 0 };
	CHAOS_CALL(rc, err, precis_keywords_render(c->kw, c->format, c->name, sink, &b, &err), 1);
	if (rc == 0)
		*fp = sb_take(&b);
	else
		free(b.s);
	return rc;
}

START_TEST(test_keywords)
{
	precis_ctx *ctx = new_ctx("en");
	precis_doc *d = new_doc(ctx, news, NULL, 0);
	kw_case k = { ctx, d, 5 };
	chaos_loop("precis_keywords_new", op_keywords, &k);
	k.max = 50;
	chaos_loop("precis_keywords_new (all)", op_keywords, &k);
	precis_keywords *kw = NULL;
	precis_summary *s = NULL;
	ck_assert_int_eq(precis_keywords_new(&kw, ctx, d, 5, NULL), 0);
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	render_case c = { s, d, PRECIS_FORMAT_JSON, "kw.txt", kw };
	chaos_loop("precis_summary_render_keywords json", op_render, &c);
	c.format = PRECIS_FORMAT_JSONL;
	chaos_loop("precis_summary_render_keywords jsonl", op_render, &c);
	c.format = PRECIS_FORMAT_HTML;
	chaos_loop("precis_summary_render_keywords html", op_render, &c);
	c.format = PRECIS_FORMAT_TEXT;
	chaos_loop("precis_keywords_render text", op_keywords_render, &c);
	c.format = PRECIS_FORMAT_JSON;
	chaos_loop("precis_keywords_render json", op_keywords_render, &c);
	c.format = PRECIS_FORMAT_JSONL;
	chaos_loop("precis_keywords_render jsonl", op_keywords_render, &c);
	precis_summary_free(s);
	precis_keywords_free(kw);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_sanitize)
{
	chaos_loop("precis_utf8_sanitize", op_sanitize, "caf\xc3\xa9 \xff\xfe ok");
}
END_TEST

/* ---- IDF models ------------------------------------------------------- */

typedef struct idf_case {
	precis_ctx *ctx;
	const precis_doc *first, *doc; /* counted before, and under test */
	const char *into, *from;       /* model files */
} idf_case;

static int op_idf_new(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *m = POISON;
	CHAOS_CALL(rc, err, precis_idf_new(&m, c->ctx, &err),
		   m == NULL);
	if (rc == 0) {
		*fp = idf_fp(m);
		precis_idf_free(m);
	}
	return rc;
}

/* A failed add must leave the model as it was. */
static int op_idf_add(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *m = NULL;
	ck_assert_int_eq(precis_idf_new(&m, c->ctx, NULL), 0);
	ck_assert_int_eq(precis_idf_add(m, c->ctx, c->first, NULL), 0);
	char *before = idf_fp(m);
	CHAOS_CALL(rc, err, precis_idf_add(m, c->ctx, c->doc, &err),
		   1);
	if (rc != 0) {
		char *after = idf_fp(m);
		expect_same(after, before, "the model");
		free(after);
		ck_assert_int_eq(precis_idf_add(m, c->ctx, c->doc, NULL), 0);
	}
	free(before);
	*fp = idf_fp(m);
	precis_idf_free(m);
	return rc;
}

static int op_idf_write(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *m = NULL;
	ck_assert_int_eq(precis_idf_load(&m, c->into, strlen(c->into), NULL), 0);
	sbuf b = { 0 };
	CHAOS_CALL(rc, err, precis_idf_write(m, sink, &b, &err),
		   1);
	precis_idf_free(m);
	if (rc == 0)
		*fp = sb_take(&b);
	else
		free(b.s);
	return rc;
}

static int op_idf_load(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *m = POISON;
	CHAOS_CALL(rc, err, precis_idf_load(&m, c->into, strlen(c->into), &err),
		   m == NULL);
	if (rc == 0) {
		*fp = idf_fp(m);
		precis_idf_free(m);
	}
	return rc;
}

/* A failed merge must leave `into` as it was. */
static int op_idf_merge(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *into = NULL, *from = NULL;
	ck_assert_int_eq(precis_idf_load(&into, c->into, strlen(c->into), NULL), 0);
	ck_assert_int_eq(precis_idf_load(&from, c->from, strlen(c->from), NULL), 0);
	char *before = idf_fp(into);
	CHAOS_CALL(rc, err, precis_idf_merge(into, from, &err),
		   1);
	if (rc != 0) {
		char *after = idf_fp(into);
		expect_same(after, before, "the model");
		free(after);
		ck_assert_int_eq(precis_idf_merge(into, from, NULL), 0);
	}
	free(before);
	*fp = idf_fp(into);
	precis_idf_free(into);
	precis_idf_free(from);
	return rc;
}

static int op_set_idf(const void *arg, char **fp)
{
	const idf_case *c = arg;
	precis_idf *m = NULL;
	ck_assert_int_eq(precis_idf_load(&m, c->into, strlen(c->into), NULL), 0);
	CHAOS_CALL(rc, err, precis_ctx_set_idf(c->ctx, m, &err),
		   1);
	if (rc == 0) {
		*fp = summarize_fp(c->ctx, c->doc, NULL);
		ck_assert_int_eq(precis_ctx_set_idf(c->ctx, NULL, NULL), 0);
	}
	precis_idf_free(m);
	return rc;
}

START_TEST(test_idf)
{
	precis_ctx *ctx = new_ctx("en");
	precis_doc *a = new_doc(ctx, news2, NULL, 0), *b = new_doc(ctx, news, NULL, 0);
	const char *into = "precis-idf\t1\ten\t3\nhill\t2\nroad\t3\nsnow\t1\n";
	const char *from = "precis-idf\t1\tenglish\t2\nalpha\t1\nhill\t1\nzulu\t2\n"
			   "beta\t1\ngamma\t1\ndelta\t1\nepsilon\t1\nzeta\t1\n"
			   "eta\t1\ntheta\t1\n";
	idf_case c = { ctx, a, b, into, from };
	chaos_loop("precis_idf_new", op_idf_new, &c);
	chaos_loop("precis_idf_add", op_idf_add, &c);
	chaos_loop("precis_idf_write", op_idf_write, &c);
	chaos_loop("precis_idf_load", op_idf_load, &c);
	c.into = from;
	chaos_loop("precis_idf_load (more terms)", op_idf_load, &c);
	c.into = into;
	chaos_loop("precis_idf_merge", op_idf_merge, &c);
	chaos_loop("precis_ctx_set_idf", op_set_idf, &c);
	precis_doc_free(a);
	precis_doc_free(b);
	precis_ctx_free(ctx);
}
END_TEST

/* ---- ROUGE ---------------------------------------------------------------- */

/* A candidate sentence of more than 64 tokens takes the LCS table path. */
static char long_line[1024];

static const char *const rouge_refs[] = {
	"Heavy snow closed three roads in the mountains on Tuesday.\n"
	"The roads should open on Wednesday.\n",
	"Snow closed the mountain roads.\n\nMore snow is forecast for the "
	"weekend, and the mice stayed in.\n",
};

static const char *const rouge_refs_de[] = {
	"Der Schnee schloss am Dienstag drei Straßen in den Bergen.\n"
	"Die Straßen öffnen am Mittwoch wieder.\n",
	"Schnee sperrte die Bergstraßen; für das Wochenende ist mehr Schnee "
	"angesagt.\n",
};

static const char *const rouge_refs_ja[] = { "東京で大雪が降った。\n" };

typedef struct rouge_case {
	precis_rouge_options opt;
	const char *cand;
	const char *const *refs;
	size_t nrefs;
	int warm; /* score another pair first, so caches hold something */
} rouge_case;

static rouge_case rouge_case_of(int k)
{
	rouge_case c = { PRECIS_ROUGE_OPTIONS_INIT,
			 "Heavy snow closed three mountain roads on Tuesday.\n"
			 "Drivers waited for hours near the pass; the mice ran.\n",
			 rouge_refs, 2, 0 };
	switch (k) {
	case 0: /* ROUGE-1..4, L, W-1.2, S4, SU4 */
		break;
	case 1:
		c.opt.stem = 1;
		c.opt.stopwords = 1;
		c.warm = 1;
		break;
	case 2:
		c.opt.stem = 1;
		c.opt.best_reference = 1;
		c.opt.skip_distance = -1;
		c.cand = long_line;
		break;
	case 3:
		c.opt.limit_bytes = 70;
		c.warm = 1;
		break;
	case 4:
		c.opt.limit_words = 12;
		c.opt.stem = 1;
		break;
	case 5:
		c.opt.tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
		c.opt.language = "de";
		c.opt.stem = 1;
		c.opt.stopwords = 1;
		c.cand = "Schnee schloss am Dienstag drei Bergstraßen.\n"
			 "Die Fahrer warteten stundenlang am Pass.\n";
		c.refs = rouge_refs_de;
		c.warm = 1;
		break;
	case 6:
		c.opt.tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
		c.opt.limit_bytes = 60;
		c.cand = long_line;
		c.nrefs = 1;
		break;
	default: /* Han and kana are one token each */
		c.opt.tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
		c.opt.language = "ja";
		c.cand = "東京で雪が降った。\n道路は閉鎖された。\n";
		c.refs = rouge_refs_ja;
		c.nrefs = 1;
		break;
	}
	return c;
}

#define NROUGE_CASES 8

static void make_long_line(void)
{
	size_t n = 0;
	for (int i = 0; i < 9; i++)
		n += (size_t)snprintf(long_line + n, sizeof long_line - n, "%s",
				      "the snow closed every road to the pass and ");
	snprintf(long_line + n, sizeof long_line - n, "the mice ran\n");
}

static precis_rouge *new_rouge(const precis_rouge_options *o)
{
	precis_rouge *r = NULL;
	precis_error err;
	ck_assert_msg(precis_rouge_new(&r, o, &err) == 0, "%s", err.message);
	return r;
}

static size_t *ref_lens(const char *const *refs, size_t n, size_t *lens)
{
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(refs[i]);
	return lens;
}

static char *score_fp(precis_rouge *r, const rouge_case *c)
{
	precis_rouge_score sc[16];
	size_t lens[4];
	precis_error err;
	ck_assert_msg(precis_rouge_score_pair(r, c->cand, strlen(c->cand), c->refs,
					      ref_lens(c->refs, c->nrefs, lens),
					      c->nrefs, sc, &err) == 0,
		      "%s", err.message);
	sbuf b = { 0 };
	for (size_t i = 0; i < precis_rouge_metric_count(r); i++)
		sb_printf(&b, "%s ", precis_rouge_metric_name(r, i));
	sb_put(&b, "\n", 1);
	put_scores(&b, sc, precis_rouge_metric_count(r));
	return sb_take(&b);
}

static int op_rouge_new(const void *arg, char **fp)
{
	const rouge_case *c = arg;
	precis_rouge *r = POISON;
	CHAOS_CALL(rc, err, precis_rouge_new(&r, &c->opt, &err),
		   r == NULL);
	if (rc == 0) {
		*fp = score_fp(r, c);
		precis_rouge_free(r);
	}
	return rc;
}

static void warm_up(precis_rouge *r, const rouge_case *c)
{
	if (c->warm) {
		rouge_case w = *c;
		w.cand = c->refs[0];
		w.refs = c->refs + 1;
		w.nrefs = 1;
		free(score_fp(r, &w));
	}
}

/* A fresh context each time (its caches are filled under failures); after
 * a failure, it must score the pair right. */
static int op_score_pair(const void *arg, char **fp)
{
	const rouge_case *c = arg;
	precis_rouge *r = new_rouge(&c->opt);
	warm_up(r, c);
	precis_rouge_score sc[16];
	size_t lens[4];
	ref_lens(c->refs, c->nrefs, lens);
	CHAOS_CALL(rc, err, precis_rouge_score_pair(r, c->cand,
		   strlen(c->cand), c->refs, lens, c->nrefs, sc, &err),
		   1);
	if (rc == 0) {
		sbuf b = { 0 };
		for (size_t i = 0; i < precis_rouge_metric_count(r); i++)
			sb_printf(&b, "%s ", precis_rouge_metric_name(r, i));
		sb_put(&b, "\n", 1);
		put_scores(&b, sc, precis_rouge_metric_count(r));
		*fp = sb_take(&b);
	} else {
		*fp = score_fp(r, c);
	}
	precis_rouge_free(r);
	return rc;
}

START_TEST(test_rouge_new)
{
	make_long_line();
	rouge_case c = rouge_case_of(_i);
	chaos_loop("precis_rouge_new", op_rouge_new, &c);
}
END_TEST

START_TEST(test_rouge_score)
{
	make_long_line();
	rouge_case c = rouge_case_of(_i);
	char what[64];
	snprintf(what, sizeof what, "precis_rouge_score_pair case %d", _i);
	chaos_loop(what, op_score_pair, &c);
}
END_TEST

/* ---- evaluation sets ---------------------------------------------------- */

typedef struct eval_case {
	const precis_rouge_options *opt;
	const precis_rouge_eval *a, *b;
	const precis_doc *doc;
	const precis_ctx *ctx;      /* oracle: NULL, or a budget's */
	const precis_options *sum;  /* that budget */
} eval_case;

static int op_eval_new(const void *arg, char **fp)
{
	const eval_case *c = arg;
	precis_rouge *r = new_rouge(c->opt);
	precis_rouge_eval *ev = POISON;
	CHAOS_CALL(rc, err, precis_rouge_eval_new(&ev, r, &err),
		   ev == NULL);
	if (rc == 0) {
		*fp = eval_fp(ev);
		precis_rouge_eval_free(ev);
	}
	precis_rouge_free(r);
	return rc;
}

static void eval_add(precis_rouge_eval *ev, precis_rouge *r, const char *id,
		     const char *cand)
{
	size_t lens[2];
	precis_error err;
	ck_assert_msg(precis_rouge_eval_add(ev, r, id, cand, strlen(cand), rouge_refs,
					    ref_lens(rouge_refs, 2, lens), 2,
					    &err) == 0,
		      "%s", err.message);
}

/* A failed add must leave the set as it was; `scores` adds given scores. */
static int eval_add_op(const eval_case *c, int scores, char **fp)
{
	static const char cand[] = "Snow closed the roads.\nThe mice waited.\n";
	precis_rouge *r = new_rouge(c->opt);
	precis_rouge_eval *ev = NULL;
	ck_assert_int_eq(precis_rouge_eval_new(&ev, r, NULL), 0);
	eval_add(ev, r, "first", rouge_refs[1]);
	char *before = eval_fp(ev);
	precis_rouge_score sc[16] = { { 0.5, 0.25, 0.125, 3, 4, 5 } };
	size_t lens[2];
	ref_lens(rouge_refs, 2, lens);
	CHAOS_CALL(rc, err, scores ? precis_rouge_eval_add_scores(ev, "given",
		   sc, &err) : precis_rouge_eval_add(ev, r, "second pair",
		   cand, strlen(cand), rouge_refs, lens, 2, &err),
		   1);
	if (rc != 0) {
		char *after = eval_fp(ev);
		expect_same(after, before, "the set");
		free(after);
		if (scores)
			ck_assert_int_eq(precis_rouge_eval_add_scores(ev, "given", sc, NULL), 0);
		else
			eval_add(ev, r, "second pair", cand);
	}
	free(before);
	*fp = eval_fp(ev);
	precis_rouge_eval_free(ev);
	precis_rouge_free(r);
	return rc;
}

static int op_eval_add(const void *arg, char **fp)
{
	return eval_add_op(arg, 0, fp);
}

static int op_eval_add_scores(const void *arg, char **fp)
{
	return eval_add_op(arg, 1, fp);
}

static int op_eval_average(const void *arg, char **fp)
{
	const eval_case *c = arg;
	precis_rouge_average av[16];
	size_t nm = precis_rouge_eval_metric_count(c->a);
	CHAOS_CALL(rc, err, precis_rouge_eval_average(c->a, 200, 95, av, &err),
		   1);
	if (rc != 0)
		return rc;
	sbuf b = { 0 };
	for (size_t i = 0; i < nm; i++)
		sb_printf(&b, "%.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g "
			      "%.17g %.17g %.17g\n",
			  av[i].r, av[i].p, av[i].f, av[i].r_lo, av[i].r_hi,
			  av[i].p_lo, av[i].p_hi, av[i].f_lo, av[i].f_hi,
			  av[i].mean_r, av[i].mean_p, av[i].mean_f);
	*fp = sb_take(&b);
	return 0;
}

static int op_paired_test(const void *arg, char **fp)
{
	const eval_case *c = arg;
	double diff = 42, p = 42;
	CHAOS_CALL(rc, err, precis_rouge_paired_test(c->a, c->b, 0,
		   PRECIS_ROUGE_F, 300, 5, &diff, &p, &err),
		   diff == 42 && p == 42);
	if (rc != 0)
		return rc;
	sbuf b = { 0 };
	sb_printf(&b, "%.17g %.17g", diff, p);
	*fp = sb_take(&b);
	return 0;
}

/* A fresh ROUGE context each time: the oracle scores many candidates. */
static int op_oracle(const void *arg, char **fp)
{
	const eval_case *c = arg;
	precis_rouge *r = new_rouge(c->opt);
	size_t lens[2];
	ref_lens(rouge_refs, 2, lens);
	precis_summary *s = POISON;
	CHAOS_CALL(rc, err, c->sum ? precis_oracle_budget(&s, r, c->ctx,
		   c->doc, rouge_refs, lens, 2, c->sum, &err)
		   : precis_oracle(&s, r, c->doc, rouge_refs, lens, 2, 3, &err),
		   s == NULL);
	if (rc != 0)
		ck_assert_int_eq(c->sum ? precis_oracle_budget(&s, r, c->ctx, c->doc,
							       rouge_refs, lens, 2,
							       c->sum, NULL)
					: precis_oracle(&s, r, c->doc, rouge_refs,
							lens, 2, 3, NULL),
				 0);
	*fp = summary_fp(s);
	precis_summary_free(s);
	precis_rouge_free(r);
	return rc;
}

static int op_lead_plain(const void *arg, char **fp)
{
	const eval_case *c = arg;
	precis_summary *s = POISON;
	CHAOS_CALL(rc, err, precis_lead_plain(&s, c->doc, c->sum, &err),
		   s == NULL);
	if (rc != 0)
		ck_assert_int_eq(precis_lead_plain(&s, c->doc, c->sum, NULL), 0);
	*fp = summary_fp(s);
	precis_summary_free(s);
	return rc;
}

START_TEST(test_eval)
{
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.stem = 1;
	precis_rouge *r = new_rouge(&o);
	precis_rouge_eval *a = NULL, *b = NULL;
	ck_assert_int_eq(precis_rouge_eval_new(&a, r, NULL), 0);
	ck_assert_int_eq(precis_rouge_eval_new(&b, r, NULL), 0);
	const char *cands[] = { "Snow closed the roads.", news2,
				"The mice stayed in.\nRoads open Wednesday.",
				"Three roads closed." };
	for (size_t i = 0; i < 4; i++) {
		eval_add(a, r, NULL, cands[i]);
		eval_add(b, r, "x", cands[3 - i]);
	}
	eval_case c = { &o, a, b, NULL, NULL, NULL };
	chaos_loop("precis_rouge_eval_new", op_eval_new, &c);
	chaos_loop("precis_rouge_eval_add", op_eval_add, &c);
	chaos_loop("precis_rouge_eval_add_scores", op_eval_add_scores, &c);
	chaos_loop("precis_rouge_eval_average", op_eval_average, &c);
	chaos_loop("precis_rouge_paired_test", op_paired_test, &c);
	precis_rouge_eval_free(a);
	precis_rouge_eval_free(b);
	precis_rouge_free(r);
}
END_TEST

START_TEST(test_oracle)
{
	precis_rouge_options o;
	tu_rouge_12(&o, 1);
	precis_ctx *ctx = new_ctx("en");
	precis_doc *d = new_doc(ctx, news, NULL, 0);
	eval_case c = { &o, NULL, NULL, d, NULL, NULL };
	chaos_loop("precis_oracle", op_oracle, &c);
	precis_options budget = PRECIS_OPTIONS_INIT;
	budget.words = 30;
	c.ctx = ctx;
	c.sum = &budget;
	chaos_loop("precis_oracle_budget", op_oracle, &c);
	chaos_loop("precis_lead_plain", op_lead_plain, &c);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* ---- learned models and training ------------------------------------ */

/* A bundle of two models that reads every feature and both choices. */
static const char bundle_model[] =
	"precis-model 1\n"
	"# two models\n"
	"model first\nbias 0.5\nweight rank1 2\nweight centroid 1\nweight lexrank 0.3\n"
	"weight textrank-rank 0.2\nweight freq-rank 0.1\nweight novelty 0.1\n"
	"gate bias 1\ngate doc-spread -0.5\n"
	"model second\nweight relative -1\nweight title 0.5\nweight quote -0.2\n"
	"gate bias 0\ngate doc-sentences 0.4\ngate doc-lead-textrank 0.1\n";

static char *model_fp(const precis_model *m)
{
	sbuf b = { 0 };
	ck_assert_int_eq(precis_model_write(m, sink, &b, NULL), 0);
	return sb_take(&b);
}

static int op_model_load(const void *arg, char **fp)
{
	const char *text = arg;
	precis_model *m = POISON;
	CHAOS_CALL(rc, err, precis_model_load(&m, text, strlen(text), &err), m == NULL);
	if (rc == 0) {
		*fp = model_fp(m);
		precis_model_free(m);
	}
	return rc;
}

static int op_model_default(const void *arg, char **fp)
{
	(void)arg;
	precis_model *m = POISON;
	CHAOS_CALL(rc, err, precis_model_default(&m, &err), m == NULL);
	if (rc == 0) {
		*fp = model_fp(m);
		precis_model_free(m);
	}
	return rc;
}

static int op_model_write(const void *arg, char **fp)
{
	precis_model *m = NULL;
	ck_assert_int_eq(precis_model_load(&m, arg, strlen(arg), NULL), 0);
	sbuf b = { 0 };
	CHAOS_CALL(rc, err, precis_model_write(m, sink, &b, &err), 1);
	if (rc == 0)
		*fp = sb_take(&b);
	else
		free(b.s);
	precis_model_free(m);
	return rc;
}

/* A failed note leaves the model as it was. */
static int op_model_note(const void *arg, char **fp)
{
	precis_model *m = NULL;
	ck_assert_int_eq(precis_model_load(&m, arg, strlen(arg), NULL), 0);
	char *before = model_fp(m);
	CHAOS_CALL(rc, err, precis_model_note(m, "one\ntwo", &err), 1);
	char *after = model_fp(m);
	if (rc == 0)
		*fp = after;
	else {
		expect_same(after, before, "a model after a failed note");
		free(after);
	}
	free(before);
	precis_model_free(m);
	return rc;
}

START_TEST(test_model)
{
	chaos_loop("precis_model_load", op_model_load, bundle_model);
	chaos_loop("precis_model_default", op_model_default, NULL);
	chaos_loop("precis_model_write", op_model_write, bundle_model);
	chaos_loop("precis_model_note", op_model_note, bundle_model);
	precis_model *m = NULL;
	ck_assert_int_eq(precis_model_load(&m, bundle_model, strlen(bundle_model), NULL), 0);
	sum_case c = { "learned", NULL, NULL, 0, m, 0, NULL };
	chaos_loop("precis_summarize with a bundle", op_summarize, &c);
	precis_model_free(m);
}
END_TEST

/* Training: a few documents whose reference is their second sentence. */
static const char *const train_docs[] = {
	"The mayor opened the new bridge on Monday morning. Ten thousand people "
	"crossed the bridge before noon. The city paid for it over twelve years.",
	"The school will close for the summer in June this year. Its pupils "
	"raised money for a new library roof. The head teacher thanked the parents.",
	"Farmers brought their cattle to the autumn fair on Saturday. A black "
	"bull won the first prize of the show. Rain kept many visitors at home.",
	"The railway line reopened after the floods last week. Engineers rebuilt "
	"two miles of track in a month. Trains run every hour again.",
};

static const char *second_sentence(const char *text, size_t *len)
{
	const char *a = strstr(text, ". ") + 2, *b = strstr(a, ". ") + 1;
	*len = (size_t)(b - a);
	return a;
}

typedef struct train_case {
	precis_ctx *ctx;
	precis_doc *doc[4];
	precis_trainer *t; /* filled, for the fit */
} train_case;

static precis_trainer *new_trainer(precis_ctx *ctx)
{
	precis_trainer *t = NULL;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.sentences = 1;
	ck_assert_int_eq(precis_trainer_new(&t, ctx, NULL, &o, NULL), 0);
	return t;
}

static int op_trainer_new(const void *arg, char **fp)
{
	const train_case *c = arg;
	precis_trainer *t = POISON;
	precis_options o = PRECIS_OPTIONS_INIT;
	CHAOS_CALL(rc, err, precis_trainer_new(&t, c->ctx, NULL, &o, &err), t == NULL);
	if (rc == 0) {
		sbuf b = { 0 };
		sb_printf(&b, "trainer");
		*fp = sb_take(&b);
		precis_trainer_free(t);
	}
	return rc;
}

static char *fit_fp(precis_trainer *t, int loss)
{
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	double l2 = 0.1;
	precis_train_report r;
	precis_model *m = NULL;
	o.folds = 2;
	o.l2 = &l2;
	o.nl2 = 1;
	o.loss = loss;
	precis_error err;
	int rc = precis_trainer_fit(t, &o, &m, &r, &err);
	if (rc != 0)
		return NULL;
	char *fp = model_fp(m);
	precis_model_free(m);
	return fp;
}

/* A failed add leaves the trainer as it was: the fit is the same as
 * without the document. */
static int op_trainer_add(const void *arg, char **fp)
{
	const train_case *c = arg;
	precis_trainer *t = new_trainer(c->ctx);
	size_t len[4];
	const char *ref[4];
	for (size_t i = 0; i < 4; i++)
		ref[i] = second_sentence(train_docs[i], &len[i]);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(precis_trainer_add(t, c->doc[i], &ref[i], &len[i], 1, 0, NULL), 0);
	CHAOS_CALL(rc, err, precis_trainer_add(t, c->doc[3], &ref[3], &len[3], 1, 0, &err), 1);
	*fp = fit_fp(t, PRECIS_TRAIN_LOGISTIC);
	ck_assert_ptr_nonnull(*fp);
	if (rc != 0) {
		/* As if the fourth document had never been offered. */
		precis_trainer *u = new_trainer(c->ctx);
		for (size_t i = 0; i < 3; i++)
			ck_assert_int_eq(precis_trainer_add(u, c->doc[i], &ref[i], &len[i], 1, 0, NULL), 0);
		char *want = fit_fp(u, PRECIS_TRAIN_LOGISTIC);
		expect_same(*fp, want, "a trainer after a failed add");
		free(want);
		free(*fp);
		*fp = NULL;
		precis_trainer_free(u);
	}
	precis_trainer_free(t);
	return rc;
}

static int op_trainer_fit(const void *arg, char **fp)
{
	const train_case *c = arg;
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	double l2 = 0.1;
	precis_train_report r;
	precis_model *m = POISON;
	o.folds = 2;
	o.l2 = &l2;
	o.nl2 = 1;
	CHAOS_CALL(rc, err, precis_trainer_fit(c->t, &o, &m, &r, &err), m == NULL);
	if (rc == 0) {
		*fp = model_fp(m);
		precis_model_free(m);
	}
	return rc;
}

START_TEST(test_train)
{
	train_case c;
	c.ctx = new_ctx("en");
	for (size_t i = 0; i < 4; i++)
		c.doc[i] = new_doc(c.ctx, train_docs[i], NULL, 0);
	chaos_loop("precis_trainer_new", op_trainer_new, &c);
	chaos_loop("precis_trainer_add", op_trainer_add, &c);
	c.t = new_trainer(c.ctx);
	for (size_t i = 0; i < 4; i++) {
		size_t len;
		const char *ref = second_sentence(train_docs[i], &len);
		ck_assert_int_eq(precis_trainer_add(c.t, c.doc[i], &ref, &len, 1, i % 2, NULL), 0);
	}
	chaos_loop("precis_trainer_fit (a bundle, both losses)", op_trainer_fit, &c);
	precis_trainer_free(c.t);
	for (size_t i = 0; i < 4; i++)
		precis_doc_free(c.doc[i]);
	precis_ctx_free(c.ctx);
}
END_TEST

/* ---- the suite -------------------------------------------------------- */

/* Does failing the first allocation reach the library? */
static int wrap_works(void)
{
#ifdef CHAOS_LD_WRAP
	chaos_reset(0, 0);
	ARM();
	char *s = precis_utf8_sanitize("x", 1, NULL);
	DISARM();
	chaos_reset(-1, 0);
	free(s);
	return s == NULL;
#else
	return 0;
#endif
}

Suite *make_suite(void)
{
	if (!wrap_works()) {
		fprintf(stderr, "SKIP: check_alloc: the library's allocations cannot be "
				"failed here (the linker's --wrap is %s)\n",
#ifdef CHAOS_LD_WRAP
			"used but does not reach the library"
#else
			"not available"
#endif
		);
		exit(77);
	}
#ifdef CHAOS_LD_WRAP
	json_set_alloc_funcs(json_alloc, free);
#endif
	size_t nmethods = 0;
	while (precis_method_name(nmethods) != NULL)
		nmethods++;
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("core");
	/* Loops of hundreds of calls; valgrind runs them without a timeout. */
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_ctx_new, 0, (int)NDOC_CASES);
	tcase_add_loop_test(tc, test_doc_new, 0, (int)NDOC_CASES);
	tcase_add_loop_test(tc, test_splitter, 0, (int)NDOC_CASES);
	tcase_add_loop_test(tc, test_summarize, 0, (int)nmethods);
	tcase_add_test(tc, test_summarize_idf);
	tcase_add_test(tc, test_summarize_many);
	tcase_add_test(tc, test_render);
	tcase_add_test(tc, test_keywords);
	tcase_add_test(tc, test_sanitize);
	tcase_add_test(tc, test_idf);
	tcase_add_loop_test(tc, test_rouge_new, 0, NROUGE_CASES);
	tcase_add_loop_test(tc, test_rouge_score, 0, NROUGE_CASES);
	tcase_add_test(tc, test_eval);
	tcase_add_test(tc, test_oracle);
	tcase_add_test(tc, test_model);
	tcase_add_test(tc, test_train);
	suite_add_tcase(s, tc);
	return s;
}
