/*
 * check_api.c - the public API alone, linked against libprecis: ownership,
 * NULL handling, parameters, options, rendering.
 */
#include <string.h>

#include "testutil.h"

START_TEST(test_free_null)
{
	precis_ctx_free(NULL);
	precis_doc_free(NULL);
	precis_summary_free(NULL);
	precis_free(NULL);
	/* What the library allocates for the caller goes back through it. */
	char *t = precis_utf8_sanitize("a\xFF", 2, NULL);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t, "a\xEF\xBF\xBD");
	precis_free(t);
	ck_assert_uint_eq(precis_summary_count(NULL), 0);
	ck_assert_uint_eq(precis_doc_sentence_count(NULL), 0);
}
END_TEST

START_TEST(test_strings)
{
	ck_assert_str_eq(precis_strerror(PRECIS_OK), "success");
	ck_assert_str_eq(precis_strerror(PRECIS_ERR_UTF8), "invalid UTF-8");
	ck_assert_str_eq(precis_strerror(12345), "unknown error");
	ck_assert_str_eq(precis_version(), "0.1.0");
	ck_assert_str_eq(precis_method_name(0), "tfidf");
	ck_assert_ptr_nonnull(precis_method_summary(0));
	ck_assert_ptr_null(precis_method_name(1000));
}
END_TEST

START_TEST(test_params)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, NULL, NULL), 0);
	double lo, hi, def;
	ck_assert_int_eq(precis_param_bounds(PRECIS_PARAM_REDUNDANCY, &lo, &hi, &def), 0);
	ck_assert(lo == 0.0 && hi == 1.0);
	ck_assert(precis_ctx_get_param(ctx, PRECIS_PARAM_REDUNDANCY) == def);
	ck_assert_int_eq(precis_ctx_set_param(ctx, PRECIS_PARAM_REDUNDANCY, 0.7), 0);
	ck_assert(precis_ctx_get_param(ctx, PRECIS_PARAM_REDUNDANCY) == 0.7);
	ck_assert_int_eq(precis_ctx_set_param(ctx, PRECIS_PARAM_REDUNDANCY, 1.5), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_ctx_set_param(ctx, PRECIS_PARAM_REDUNDANCY, 0.0 / 0.0), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_ctx_set_param(ctx, PRECIS_PARAM_COUNT_, 1), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_param_bounds(PRECIS_PARAM_COUNT_, NULL, NULL, NULL), PRECIS_ERR_ARG);
	ck_assert_str_eq(precis_param_name(PRECIS_PARAM_POSITION_WEIGHT), "position-weight");
	ck_assert_ptr_null(precis_param_name(PRECIS_PARAM_COUNT_));
	precis_ctx_free(ctx);
}
END_TEST

static const char *text =
	"Heavy rain flooded the valley overnight, officials said.\n"
	"Rescue teams moved two hundred families to higher ground.\n"
	"The river is expected to fall slowly over the weekend.\n";

typedef struct sink { char buf[4096]; size_t n; int fail; } sink;

static int to_sink(void *payload, const char *b, size_t len)
{
	sink *s = payload;
	if (s->fail || s->n + len >= sizeof s->buf)
		return -1;
	memcpy(s->buf + s->n, b, len);
	s->n += len;
	s->buf[s->n] = '\0';
	return 0;
}

START_TEST(test_summarize_and_render)
{
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", &err), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, text, strlen(text), NULL, 0, &err), 0);
	precis_options o;
	precis_options_init(&o);
	o.sentences = 2;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, &err), 0);
	ck_assert_uint_eq(precis_summary_count(s), 2);
	precis_pick a, b;
	ck_assert_int_eq(precis_summary_pick(s, 0, &a), 0);
	ck_assert_int_eq(precis_summary_pick(s, 1, &b), 0);
	ck_assert(a.sentence < b.sentence);
	ck_assert_int_eq(precis_summary_pick(s, 2, &b), PRECIS_ERR_ARG);

	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_TEXT, NULL, to_sink, &k, &err), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "Heavy rain flooded the valley overnight, officials said.\n"));
	k.n = 0;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSON, "x.txt", to_sink, &k, &err), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "\"file\":\"x.txt\""));
	ck_assert_ptr_nonnull(strstr(k.buf, "\"offset\":0"));
	/* A record id that is not UTF-8 is repaired, not a failure. */
	k.n = 0;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSONL, "id\xff", to_sink, &k, &err), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "{\"id\":\"id\xef\xbf\xbd\",\"summary\":["));
	k.fail = 1;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_TEXT, NULL, to_sink, &k, &err), PRECIS_ERR_IO);
	ck_assert_int_eq(err.code, PRECIS_ERR_IO);
	precis_summary_free(s);

	o.method = "nosuch";
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, &err), PRECIS_ERR_METHOD);
	ck_assert_str_eq(err.message, "unknown method 'nosuch'");
	o.method = NULL;
	o.ratio = 2.0;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, &err), PRECIS_ERR_ARG);
	o.ratio = 0;
	o.version = 99;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_summarize(NULL, ctx, d, NULL, &err), PRECIS_ERR_ARG);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* Text output goes to terminals: control characters from the input (NUL,
 * ESC opening a colour or title sequence, BEL, a backspace, a bare CR, DEL,
 * the C1 CSI) come out as U+FFFD, one each, and a tab as it is. JSON keeps
 * the text exact (escaped). */
START_TEST(test_render_text_controls)
{
	static const char in[] =
		"Rain\x1b[31m fell\a on the hills\x00 all night\b\b.\t"
		"The river\r rose\x7f by two \xc2\x9b" "2Jmetres before dawn.\n";
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, in, sizeof in - 1, NULL, 0, NULL), 0);
	precis_options o;
	precis_options_init(&o);
	o.sentences = 5;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, NULL), 0);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_TEXT, NULL, to_sink, &k, NULL), 0);
	for (size_t i = 0; i < k.n; i++) {
		unsigned char c = (unsigned char)k.buf[i];
		ck_assert_msg((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t',
			      "control byte 0x%02x at %zu", c, i);
		ck_assert_msg(!(c == 0xc2 && (unsigned char)k.buf[i + 1] < 0xa0),
			      "C1 control at %zu", i);
	}
	ck_assert_ptr_nonnull(strstr(k.buf, "Rain\xef\xbf\xbd[31m fell\xef\xbf\xbd on the hills"
					    "\xef\xbf\xbd all night\xef\xbf\xbd\xef\xbf\xbd."));
	ck_assert_ptr_nonnull(strstr(k.buf, "two \xef\xbf\xbd" "2Jmetres"));
	k.n = 0;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSON, NULL, to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "Rain\\u001B[31m fell\\u0007"));
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* The string literal starting at s (a '"'), escapes and all: its length. */
static size_t literal_len(const char *s)
{
	size_t i = 1;
	while (s[i] != '"')
		i += s[i] == '\\' ? 2 : 1;
	return i + 1;
}

/* The batch record, written without jansson (record.c), holds the texts
 * exactly as jansson escapes them in the JSON object: both built here from
 * the same picks and compared whole. */
START_TEST(test_render_record_as_json)
{
	static const char in[] =
		"Rain\x1b[31m \"fell\"\a on the\\hills\x00 all\f night\b\b.\t"
		"The river\r rose\x7f by two \xc2\x9b" "2J metres \xe2\x80\xa8" "before dawn.\n"
		"A third \x01sentence\x1f" " ends\n here.\n";
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, in, sizeof in - 1, NULL, 0, NULL), 0);
	precis_options o;
	precis_options_init(&o);
	o.sentences = 5;
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, NULL), 0);
	ck_assert_uint_ge(precis_summary_count(s), 2);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSON, "r\"\x01", to_sink, &k, NULL), 0);
	char want[4096];
	size_t w = (size_t)snprintf(want, sizeof want, "{\"id\":\"r\\\"\\u0001\",\"summary\":[");
	const char *t = k.buf;
	for (size_t i = 0; (t = strstr(t, "\"text\":")) != NULL; i++) {
		t += 7;
		size_t n = literal_len(t);
		w += (size_t)snprintf(want + w, sizeof want - w, "%s%.*s", i ? "," : "", (int)n, t);
	}
	w += (size_t)snprintf(want + w, sizeof want - w, "],\"sentences\":[");
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		w += (size_t)snprintf(want + w, sizeof want - w, "%s%zu", i ? "," : "", p.sentence);
	snprintf(want + w, sizeof want - w, "]}\n");
	k.n = 0;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_JSONL, "r\"\x01", to_sink, &k, NULL), 0);
	ck_assert_str_eq(k.buf, want);
	ck_assert_ptr_nonnull(strstr(want, "\\\"fell\\\"\\u0007 on the\\\\hills\\u0000"));
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* The page keeps the paragraphs, escapes the specials and marks the pick. */
START_TEST(test_render_html)
{
	static const char in[] =
		"Rain & wind hit <Valley> town\n\n"
		"Heavy rain flooded the valley overnight, officials said. "
		"Schools stayed \"closed\" on Monday morning.\n\n"
		"The weather service expects more rain and wind this week.\n";
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", &err), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, in, strlen(in), NULL, 0, &err), 0);
	precis_options o;
	precis_options_init(&o);
	o.sentences = 1;
	o.method = "lead";
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, &err), 0);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_HTML, "a.txt", to_sink, &k, &err), 0);
	/* The head: the language, a viewport, a style for a readable column. */
	ck_assert_ptr_nonnull(strstr(k.buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
					    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
					    "content=\"width=device-width, initial-scale=1\">\n"
					    "<title>Rain &amp; wind hit &lt;Valley&gt; town</title>\n<style>"));
	ck_assert_ptr_nonnull(strstr(k.buf, "main { max-width: 38em;"));
	/* The legend: the method, the count, the share of the article (one of
	 * four units, 8 of 29 words). */
	ck_assert_ptr_nonnull(strstr(k.buf, "<aside class=\"legend\">\n<p><mark>Marked</mark>: the "
					    "1 sentence chosen by <b>lead</b>, 1 of 4 sentences and "
					    "8 of 29 words (28%) of the article."));
	ck_assert_ptr_null(strstr(k.buf, "Keywords:"));
	/* The article, escaped, the pick with its rank and score. */
	ck_assert_ptr_nonnull(strstr(k.buf,
		"</aside>\n<article>\n"
		"<h1>Rain &amp; wind hit &lt;Valley&gt; town</h1>\n"
		"<p><mark data-score=\"0.5\" data-rank=\"1\" title=\"rank 1 of 1, score 0.5\">"
		"Heavy rain flooded the valley overnight, "
		"officials said.</mark> Schools stayed &quot;closed&quot; on Monday "
		"morning.</p>\n"
		"<p>The weather service expects more rain and wind this week.</p>\n"
		"</article>\n</main>\n</body>\n</html>\n"));
	ck_assert_str_eq(precis_summary_method(s), "lead");
	k.n = 0;
	k.fail = 1;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_HTML, NULL, to_sink, &k, &err), PRECIS_ERR_IO);
	ck_assert_int_eq(precis_summary_render(s, d, (precis_format)99, NULL, to_sink, &k, &err), PRECIS_ERR_ARG);
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* The oracle may pick the headline: it is marked in its <h1>, and the
 * picks after it are marked too. */
START_TEST(test_render_html_picked_title)
{
	static const char in[] =
		"Cats Sleep Daily\n\n"
		"Cats sleep all day long in the sun.\n"
		"Dogs bark at the mailman every morning.\n"
		"Birds sing in the trees at dawn.\n";
	const char *ref = "Cats sleep daily.\nBirds sing at dawn.";
	size_t rl = strlen(ref);
	precis_rouge_options ro;
	tu_rouge_12(&ro, 0);
	precis_ctx *ctx;
	precis_doc *d;
	precis_rouge *r;
	precis_summary *s;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, in, strlen(in), NULL, 0, NULL), 0);
	ck_assert_int_eq(precis_rouge_new(&r, &ro, NULL), 0);
	ck_assert_int_eq(precis_oracle(&s, r, d, &ref, &rl, 1, 3, NULL), 0);
	precis_pick p;
	ck_assert_int_eq(precis_summary_pick(s, 0, &p), 0);
	ck_assert_uint_eq(p.sentence, 0); /* the headline */
	ck_assert_uint_eq(precis_summary_count(s), 2);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_HTML, NULL, to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "<h1><mark data-score="));
	ck_assert_ptr_nonnull(strstr(k.buf, "\">Cats Sleep Daily</mark></h1>\n"));
	ck_assert_ptr_nonnull(strstr(k.buf, "\">Birds sing in the trees at dawn.</mark></p>"));
	precis_summary_free(s);
	precis_rouge_free(r);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

/* A file name or a given title that is not UTF-8 is repaired on the page,
 * which declares UTF-8. */
START_TEST(test_render_html_not_utf8)
{
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", NULL), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, text, strlen(text), NULL, 0, NULL), 0);
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	sink k = { .n = 0 };
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_HTML, "caf\xe9.txt", to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "<title>caf\xef\xbf\xbd.txt</title>"));
	precis_summary_free(s);
	precis_doc_free(d);
	ck_assert_int_eq(precis_doc_new(&d, ctx, text, strlen(text), "Rain \xff<", 0, NULL), 0);
	ck_assert_int_eq(precis_summarize(&s, ctx, d, NULL, NULL), 0);
	k.n = 0;
	ck_assert_int_eq(precis_summary_render(s, d, PRECIS_FORMAT_HTML, NULL, to_sink, &k, NULL), 0);
	ck_assert_ptr_nonnull(strstr(k.buf, "<title>Rain \xef\xbf\xbd&lt;</title>"));
	ck_assert_ptr_nonnull(strstr(k.buf, "<h1>Rain \xef\xbf\xbd&lt;</h1>"));
	ck_assert_ptr_null(memchr(k.buf, 0xff, k.n));
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(test_ratio)
{
	precis_ctx *ctx;
	precis_doc *d;
	precis_summary *s;
	ck_assert_int_eq(precis_ctx_new(&ctx, NULL, NULL), 0);
	ck_assert_int_eq(precis_doc_new(&d, ctx, text, strlen(text), NULL, 0, NULL), 0);
	precis_options o = PRECIS_OPTIONS_INIT;
	o.ratio = 0.34; /* ceil(0.34 * 3) = 2 */
	ck_assert_int_eq(precis_summarize(&s, ctx, d, &o, NULL), 0);
	ck_assert_uint_eq(precis_summary_count(s), 2);
	precis_summary_free(s);
	precis_doc_free(d);
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_free_null);
	tcase_add_test(tc, test_strings);
	tcase_add_test(tc, test_params);
	tcase_add_test(tc, test_summarize_and_render);
	tcase_add_test(tc, test_render_text_controls);
	tcase_add_test(tc, test_render_record_as_json);
	tcase_add_test(tc, test_render_html);
	tcase_add_test(tc, test_render_html_picked_title);
	tcase_add_test(tc, test_render_html_not_utf8);
	tcase_add_test(tc, test_ratio);
	suite_add_tcase(s, tc);
	return s;
}
