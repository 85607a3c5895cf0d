/*
 * fuzz_summarize.c - fuzz target: build a document and summarize it with
 * every method, budget kind, language and document flag; find its
 * keywords; render it in every format; and take the plain Lead-N baseline
 * of it.
 *
 * Input: six header bytes, then the text.
 *   [0] flags: bit 0 lenient, bit 1 join lines, bit 2 first line as title
 *   [1] method index (modulo the number of methods)
 *   [2] language index (modulo the table below; some are unsupported)
 *   [3] budget: low 2 bits kind (sentences, ratio, words, bytes), rest amount
 *   [4] parameter to move (0 = none, else id (b - 1) modulo the count)
 *   [5] its value, a fraction 0..255 of its bounds
 * Shorter inputs take zero for the missing header bytes and an empty text.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "precis.h"

#define HEADER 6

static const char *const languages[] = {
	NULL, "en", "de", "fr", "ru", "ja", "zh", "es", "it", "nl", "pl",
	"ar", "fa", "el", "hi", "hy", "my", "tr", "vi", "sk", "bg", "am",
	"kk", "ur", "mr", "ta", "english", "xx",
};
#define NLANGUAGES (sizeof languages / sizeof languages[0])

static size_t method_count(void)
{
	size_t n = 0;
	while (precis_method_name(n) != NULL)
		n++;
	return n;
}

/* JSON text: valid UTF-8 and no raw control byte but layout white space. */
static void check_json(const char *s, size_t n)
{
	FUZZ_CHECK(fuzz_utf8_check(s, n) == n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 || c == '\n' || c == '\t' || c == '\r');
	}
}

static void check_summary(const precis_summary *sum, const precis_doc *doc,
			  const precis_options *o)
{
	size_t tlen;
	const char *text = precis_doc_text(doc, &tlen);
	size_t units = precis_doc_sentence_count(doc);
	size_t n = precis_summary_count(sum);
	FUZZ_CHECK(n <= units);
	if (o->words == 0 && o->bytes == 0 && o->ratio == 0.0)
		FUZZ_CHECK(n <= o->sentences);
	size_t prev = 0;
	for (size_t i = 0; i < n; i++) {
		precis_pick p;
		FUZZ_CHECK(precis_summary_pick(sum, i, &p) == 0);
		FUZZ_CHECK(p.sentence < units);
		FUZZ_CHECK(i == 0 || p.sentence > prev); /* ordered, no repeat */
		prev = p.sentence;
		FUZZ_CHECK(p.offset <= tlen && p.length <= tlen - p.offset);
		FUZZ_CHECK(p.length > 0);
		FUZZ_CHECK(fuzz_utf8_boundary(text, tlen, p.offset));
		FUZZ_CHECK(fuzz_utf8_boundary(text, tlen, p.offset + p.length));
		FUZZ_CHECK(isfinite(p.score));
		precis_sentence s;
		FUZZ_CHECK(precis_doc_sentence(doc, p.sentence, &s) == 0);
		FUZZ_CHECK(s.offset == p.offset && s.length == p.length);
	}
	precis_pick p;
	FUZZ_CHECK(precis_summary_pick(sum, n, &p) != 0);
}

/*
 * An HTML page: valid UTF-8, one <mark> per pick, and every '<' one of the
 * page's own tags (the text's were escaped).
 */
static void check_html(const char *s, size_t n, size_t picks)
{
	static const char *const tags[] = {
		"<!DOCTYPE html>", "<html lang=\"", "</html>", "<head>", "</head>",
		"<meta ", "<title>", "</title>", "<style>", "</style>",
		"<body>", "</body>", "<main>", "</main>", "<aside class=\"legend\">",
		"</aside>", "<b>", "</b>", "<mark>", "<article>", "</article>",
		"<h1>", "</h1>", "<p>", "</p>", "<mark ", "</mark>",
	};
	FUZZ_CHECK(fuzz_utf8_check(s, n) == n);
	size_t marks = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '<')
			continue;
		size_t t = 0, ntags = sizeof tags / sizeof *tags;
		while (t < ntags && (strlen(tags[t]) > n - i ||
				     memcmp(s + i, tags[t], strlen(tags[t])) != 0))
			t++;
		FUZZ_CHECK(t < ntags);
		marks += strncmp(s + i, "<mark ", 6) == 0;
	}
	FUZZ_CHECK(marks == picks);
}

/* Keywords: at most `max`, best first, each a phrase of the text's words
 * (UTF-8, no control character, no outer space) with a first occurrence
 * inside it. */
static precis_keywords *check_keywords(precis_ctx *ctx, const precis_doc *doc,
				       size_t max)
{
	precis_keywords *kw = NULL;
	precis_error err;
	FUZZ_CHECK(precis_keywords_new(&kw, ctx, doc, max, &err) == 0);
	size_t n = precis_keywords_count(kw), tlen;
	const char *text = precis_doc_text(doc, &tlen);
	(void)text;
	FUZZ_CHECK(n <= max);
	precis_keyword k;
	double prev = INFINITY;
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(precis_keywords_get(kw, i, &k) == 0);
		FUZZ_CHECK(k.length > 0 && strlen(k.text) == k.length);
		FUZZ_CHECK(fuzz_utf8_check(k.text, k.length) == k.length);
		FUZZ_CHECK(k.text[0] != ' ' && k.text[k.length - 1] != ' ');
		for (size_t j = 0; j < k.length; j++)
			FUZZ_CHECK((unsigned char)k.text[j] >= 0x20 && k.text[j] != 0x7f);
		FUZZ_CHECK(k.offset < tlen && k.count >= 1 && isfinite(k.score));
		FUZZ_CHECK(prev >= k.score);
		prev = k.score;
	}
	FUZZ_CHECK(precis_keywords_get(kw, n, &k) != 0);
	return kw;
}

static void render(const precis_summary *sum, const precis_doc *doc,
		   const precis_keywords *kw)
{
	fuzz_sink sink = { 0 };
	precis_error err;
	FUZZ_CHECK(precis_summary_render(sum, doc, PRECIS_FORMAT_TEXT, NULL,
					 fuzz_sink_write, &sink, &err) == 0);
	FUZZ_CHECK(fuzz_utf8_check(sink.buf, sink.len) == sink.len);
	fuzz_sink_reset(&sink);
	FUZZ_CHECK(precis_summary_render(sum, doc, PRECIS_FORMAT_JSON, "f\"\n",
					 fuzz_sink_write, &sink, &err) == 0);
	check_json(sink.buf, sink.len);
	fuzz_sink_reset(&sink);
	FUZZ_CHECK(precis_summary_render(sum, doc, PRECIS_FORMAT_JSONL, "id",
					 fuzz_sink_write, &sink, &err) == 0);
	check_json(sink.buf, sink.len);
	fuzz_sink_reset(&sink);
	FUZZ_CHECK(precis_summary_render_keywords(sum, doc, kw, PRECIS_FORMAT_HTML, "<&>",
						  fuzz_sink_write, &sink, &err) == 0);
	check_html(sink.buf, sink.len, precis_summary_count(sum));
	fuzz_sink_reset(&sink);
	FUZZ_CHECK(precis_summary_render_keywords(sum, doc, kw, PRECIS_FORMAT_JSON_RECORD, "r",
						  fuzz_sink_write, &sink, &err) == 0);
	check_json(sink.buf, sink.len);
	fuzz_sink_reset(&sink);
	FUZZ_CHECK(precis_keywords_render(kw, PRECIS_FORMAT_TEXT, NULL,
					  fuzz_sink_write, &sink, &err) == 0);
	for (size_t i = 0; i < sink.len; i++) /* a line each, nothing else */
		FUZZ_CHECK((unsigned char)sink.buf[i] >= 0x20 || sink.buf[i] == '\n');
	fuzz_sink_free(&sink);

	size_t len = 0;
	char *t = precis_summary_text(sum, doc, &len);
	FUZZ_CHECK(t != NULL);
	FUZZ_CHECK(fuzz_utf8_check(t, len) == len);
	precis_free(t);
}

static void set_budget(precis_options *o, unsigned b)
{
	unsigned amount = b >> 2;
	switch (b & 3u) {
	case 0:
		o->sentences = 1 + amount % 5;
		break;
	case 1:
		o->ratio = (double)(amount % 16 + 1) / 16.0;
		break;
	case 2:
		o->words = 1 + (size_t)amount * 7;
		break;
	default:
		o->bytes = 1 + (size_t)amount * 31;
		break;
	}
}

static void set_param(precis_ctx *ctx, unsigned which, unsigned frac)
{
	if (which == 0)
		return;
	precis_param id = (precis_param)((which - 1) % PRECIS_PARAM_COUNT_);
	double lo, hi, def;
	FUZZ_CHECK(precis_param_bounds(id, &lo, &hi, &def) == 0);
	FUZZ_CHECK(lo <= def && def <= hi);
	double v = lo + (hi - lo) * (double)frac / 255.0;
	if (v > hi)
		v = hi;
	FUZZ_CHECK(precis_ctx_set_param(ctx, id, v) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER];
	size_t len;
	const char *text = fuzz_header(data, size, h, HEADER, &len);

	static size_t nmethods;
	if (nmethods == 0)
		nmethods = method_count();
	FUZZ_CHECK(nmethods > 0);

	precis_error err;
	precis_ctx *ctx = NULL;
	const char *lang = languages[h[2] % NLANGUAGES];
	int rc = precis_ctx_new(&ctx, lang, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_LANGUAGE && ctx == NULL);
		FUZZ_CHECK(err.code == rc);
		return 0;
	}
	set_param(ctx, h[4], h[5]);

	unsigned flags = 0;
	if (h[0] & 1u)
		flags |= PRECIS_DOC_LENIENT;
	if (h[0] & 2u)
		flags |= PRECIS_DOC_JOIN_LINES;
	char *title = NULL;
	if (h[0] & 4u) {
		size_t tl = 0;
		while (tl < len && text[tl] != '\n' && text[tl] != '\0')
			tl++;
		title = malloc(tl + 1);
		FUZZ_CHECK(title != NULL);
		memcpy(title, text, tl);
		title[tl] = '\0';
	}

	precis_doc *doc = NULL;
	size_t bad = fuzz_utf8_check(text, len);
	rc = precis_doc_new(&doc, ctx, text, len, title, flags, &err);
	if (rc != 0) {
		/* Only ill-formed UTF-8 without lenient may fail. */
		FUZZ_CHECK(rc == PRECIS_ERR_UTF8 && err.code == rc);
		FUZZ_CHECK(!(flags & PRECIS_DOC_LENIENT) && bad < len);
		FUZZ_CHECK(doc == NULL);
		goto out;
	}
	FUZZ_CHECK(bad == len || (flags & PRECIS_DOC_LENIENT));
	size_t tlen;
	const char *dtext = precis_doc_text(doc, &tlen);
	FUZZ_CHECK(dtext != NULL && fuzz_utf8_check(dtext, tlen) == tlen);
	FUZZ_CHECK((precis_doc_repairs(doc) > 0) == (bad < len));
	size_t toff, tl;
	if (precis_doc_title(doc, &toff, &tl) != 0 && title == NULL)
		FUZZ_CHECK(toff <= tlen && tl <= tlen - toff);

	precis_options o;
	precis_options_init(&o);
	o.method = precis_method_name(h[1] % nmethods);
	o.seed = h[3];
	set_budget(&o, h[3]);

	precis_summary *sum = NULL;
	rc = precis_summarize(&sum, ctx, doc, &o, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_EMPTY && err.code == rc);
		FUZZ_CHECK(sum == NULL);
	} else {
		check_summary(sum, doc, &o);
		precis_keywords *kw = check_keywords(ctx, doc, 1 + h[3] % 12);
		render(sum, doc, kw);
		precis_keywords_free(kw);
		precis_summary_free(sum);
	}
	/* The plain baseline: the same invariants, and empty only when
	 * there is no sentence unit at all. */
	rc = precis_lead_plain(&sum, doc, &o, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_EMPTY && err.code == rc && sum == NULL);
	} else {
		check_summary(sum, doc, &o);
		FUZZ_CHECK(precis_summary_count(sum) > 0);
		precis_summary_free(sum);
	}
	precis_doc_free(doc);
out:
	free(title);
	precis_ctx_free(ctx);
	return 0;
}
