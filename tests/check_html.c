/*
 * check_html.c - Check suite for the HTML extractor: cases whose right
 * answer is known (an article among boilerplate, entities, charsets, <pre>,
 * lists, titles, the offset map), and the robustness cases (deep nesting,
 * a 50 MB page, binary junk, NULs, wrong charsets, out of memory) under
 * time limits.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "input/html.h"
#include "testutil.h"

/* ------------------------------------------------------------- helpers */

typedef struct {
	char *p;
	size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->n + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		ck_assert_ptr_nonnull(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_rep(sbuf *b, const char *s, size_t times)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < times; i++)
		sb_add(b, s, n);
}

static void extract_n(precis__html_result *r, const char *page, size_t n)
{
	ck_assert_int_eq(precis__html_extract(r, page, n, NULL), 0);
	ck_assert_ptr_nonnull(r->text);
	ck_assert_ptr_nonnull(r->title);
	ck_assert(precis__html_utf8_valid((const unsigned char *)r->text,
					  r->text_len));
	ck_assert_uint_eq(strlen(r->text), r->text_len);
}

static void extract(precis__html_result *r, const char *page)
{
	extract_n(r, page, strlen(page));
}

static void expect_text(const char *page, const char *want)
{
	precis__html_result r;
	extract(&r, page);
	ck_assert_str_eq(r.text, want);
	precis__html_result_free(&r);
}

/* Time bounds are multiplied by $CHECK_TIME_SCALE (valgrind runs set it). */
static double bound(double seconds)
{
	const char *s = getenv("CHECK_TIME_SCALE");
	double k = s ? atof(s) : 1.0;
	return seconds * (k > 0 ? k : 1.0);
}

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ------------------------------------------------------------- article */

static const char article_page[] =
	"<!DOCTYPE html><html><head><meta charset=utf-8>"
	"<title>Storm closes harbour - Coast Herald</title>"
	"<meta property=\"og:site_name\" content=\"Coast Herald\">"
	"<script>var x = '<p>not text</p>';</script>"
	"<style>p { color: red }</style></head><body>"
	"<header class=site-header><a href=/>Coast Herald</a>"
	"<nav><ul><li><a href=/news>News</a></li><li><a href=/sport>Sport</a>"
	"</li><li><a href=/weather>Weather</a></li></ul></nav></header>"
	"<div id=cookie-banner class=cookie-consent><p>We use cookies to "
	"improve your experience. By continuing you agree to our policy.</p>"
	"<button>Accept</button></div>"
	"<main><article><h1>Storm closes harbour</h1>"
	"<div class=byline>By A. Writer, 3 March</div>"
	"<div class=share-buttons><a href=#>Share on Facebook</a> "
	"<a href=#>Tweet</a></div>"
	"<div class=article-body>"
	"<p>A severe storm closed the harbour on Tuesday, stranding dozens of "
	"fishing boats and forcing the ferry service to cancel all crossings "
	"for the day.</p>"
	"<p>The harbour master said waves of up to six metres had been "
	"recorded at the outer wall, the highest since records began, and "
	"that the closure would last at least until Thursday.</p>"
	"<h2>Ferries cancelled</h2>"
	"<p>Passengers were offered refunds or places on later sailings, and "
	"the operator said it would run extra services once the weather "
	"improved, though it gave no firm date.</p>"
	"</div>"
	"<aside class=related><h3>Related stories</h3><ul>"
	"<li><a href=/a>Flood warnings issued for the valley</a></li>"
	"<li><a href=/b>Council approves new sea wall</a></li></ul></aside>"
	"</article>"
	"<section id=comments class=comments><h3>3 comments</h3>"
	"<div class=comment><p>This is the third storm this winter and the "
	"council has done nothing at all about the sea wall, as usual.</p>"
	"</div></section></main>"
	"<footer><p>Copyright 2024 Coast Herald. All rights reserved. "
	"Contact us, privacy policy, terms of use.</p></footer>"
	"</body></html>";

static const char article_text[] =
	"A severe storm closed the harbour on Tuesday, stranding dozens of "
	"fishing boats and forcing the ferry service to cancel all crossings "
	"for the day.\n\n"
	"The harbour master said waves of up to six metres had been recorded "
	"at the outer wall, the highest since records began, and that the "
	"closure would last at least until Thursday.\n\n"
	"Ferries cancelled\n\n"
	"Passengers were offered refunds or places on later sailings, and the "
	"operator said it would run extra services once the weather improved, "
	"though it gave no firm date.";

START_TEST(test_article_among_boilerplate)
{
	precis__html_result r;
	extract(&r, article_page);
	ck_assert_str_eq(r.text, article_text);
	ck_assert_str_eq(r.title, "Storm closes harbour");
	ck_assert_str_eq(r.charset, "UTF-8");
	precis__html_result_free(&r);
}
END_TEST

START_TEST(test_hidden_and_dropped)
{
	expect_text("<body><div class=post><p>Visible paragraph of the article"
		    " that is long enough to be scored as content, really.</p>"
		    "<p hidden>Hidden by attribute, a long sentence of text.</p>"
		    "<p style=\"display: none\">Hidden by style, long text.</p>"
		    "<p aria-hidden=true>Hidden from readers, long text here.</p>"
		    "<noscript>Enable JavaScript to read this long text.</noscript>"
		    "<template><p>Template content never shows, long.</p></template>"
		    "<svg><text>svg text</text></svg>"
		    "<form><input value=x><select><option>opt</option></select>"
		    "</form></div></body>",
		    "Visible paragraph of the article that is long enough to be "
		    "scored as content, really.");
}
END_TEST

START_TEST(test_jsonld_rescue)
{
	/* the article sits in a wrapper whose name says "comments"; a block of
	 * teasers wins the strict pass; the JSON-LD body shows the mistake */
	sbuf b = {0}, body = {0};
	for (int i = 0; i < 12; i++) {
		char p[256];
		snprintf(p, sizeof(p), "Paragraph %d of the real story tells how the "
			 "bridge was rebuilt after the flood, stone by stone, by the "
			 "villagers themselves. ", i);
		sb_str(&body, p);
	}
	sb_str(&b, "<html><head><script type=\"application/ld+json\">"
		   "{\"@type\":\"NewsArticle\",\"articleBody\":\"");
	sb_str(&b, body.p);
	sb_str(&b, "\"}</script></head><body><div class=\"teasers\">");
	for (int i = 0; i < 6; i++)
		sb_str(&b, "<p>Another story, with commas, and more commas, about "
			   "something else entirely, read it now, or later.</p>");
	sb_str(&b, "</div><div class=\"comments-wrap\"><div>");
	for (int i = 0; i < 12; i++) {
		char p[256];
		snprintf(p, sizeof(p), "<p>Paragraph %d of the real story tells how the "
			 "bridge was rebuilt after the flood, stone by stone, by the "
			 "villagers themselves.</p>", i);
		sb_str(&b, p);
	}
	sb_str(&b, "</div></div></body></html>");
	precis__html_result r;
	extract_n(&r, b.p, b.n);
	ck_assert_ptr_nonnull(strstr(r.text, "Paragraph 0 of the real story"));
	ck_assert_ptr_nonnull(strstr(r.text, "Paragraph 11 of the real story"));
	ck_assert_ptr_null(strstr(r.text, "Another story"));
	precis__html_result_free(&r);
	free(b.p);
	free(body.p);
}
END_TEST

/* ---------------------------------------------------------------- text */

START_TEST(test_entities_and_spaces)
{
	expect_text("<p>Fish &amp; chips&nbsp;cost &pound;5 &mdash; caf&eacute;"
		    " &#233;t&#xE9; &copy 2024 &zzzz; AT&T</p>",
		    "Fish & chips cost \xC2\xA3" "5 \xE2\x80\x94 caf\xC3\xA9 "
		    "\xC3\xA9t\xC3\xA9 \xC2\xA9 2024 &zzzz; AT&T");
	expect_text("<p>  lots   of\n\n white\tspace  </p><p>x<br>y<br><br>z</p>",
		    "lots of white space\n\nx\ny\n\nz");
	static const char nul[] = "<p>soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth "
				  "a\0b\x01" "c</p>";
	precis__html_result r;
	extract_n(&r, nul, sizeof(nul) - 1);
	/* NUL is dropped; gumbo's input stream turns other C0 controls into
	 * U+FFFD before we see them */
	ck_assert_str_eq(r.text, "softhyphen zerowidth ab\xEF\xBF\xBD" "c");
	precis__html_result_free(&r);
	/* gumbo 0.10 wraps a numeric reference past 2^31 into a bad byte
	 * (fuzz_input): it comes out as U+FFFD, the text stays UTF-8 */
	expect_text("<p>big &#x5EEEEEEEEE; and &#99999999999; refs</p>",
		    "big \xEF\xBF\xBD and \xEF\xBF\xBD refs");
	expect_text("<p>no end &#x05EEEEEEEEEEEEEE- &#x0000041; &#1114111;</p>",
		    "no end \xEF\xBF\xBD- A \xF4\x8F\xBF\xBF");
}
END_TEST

START_TEST(test_pre)
{
	expect_text("<p>Before the code block comes a sentence.</p>"
		    "<pre>\nint main(void)\n{\n    return  0;\n}</pre>"
		    "<p>After.</p>",
		    "Before the code block comes a sentence.\n\n"
		    "int main(void)\n{\n    return  0;\n}\n\nAfter.");
}
END_TEST

START_TEST(test_nested_lists)
{
	expect_text("<p>The plan has three parts, in this order:</p>"
		    "<ul><li>first, the survey<ul><li>north side</li>"
		    "<li>south side</li></ul></li><li>second, the repair</li>"
		    "<li>third, the report</li></ul><p>That is all.</p>",
		    "The plan has three parts, in this order:\n\n"
		    "first, the survey\nnorth side\nsouth side\n"
		    "second, the repair\nthird, the report\n\nThat is all.");
}
END_TEST

START_TEST(test_blocks_and_inline)
{
	expect_text("<div>one<span>two</span><b> three</b></div><div>four</div>"
		    "<h2>Head</h2>five<table><tr><td>a</td><td>b</td></tr>"
		    "<tr><td>c</td></tr></table>",
		    "onetwo three\n\nfour\n\nHead\n\nfive\n\na b\nc");
}
END_TEST

/* ------------------------------------------------------------ charsets */

START_TEST(test_charset_meta_latin1)
{
	const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
			    "content=\"text/html; charset=ISO-8859-1\"></head>"
			    "<body><p>caf\xE9 na\xEFve \x80 5</p></body></html>";
	precis__html_result r;
	extract(&r, page);
	/* ISO-8859-1 reads as windows-1252, as browsers do: 0x80 is the euro */
	ck_assert_str_eq(r.text, "caf\xC3\xA9 na\xC3\xAFve \xE2\x82\xAC 5");
	ck_assert_str_eq(r.charset, "WINDOWS-1252");
	precis__html_result_free(&r);
}
END_TEST

START_TEST(test_charset_utf16_bom)
{
	const char *s = "<p>h\xC3\xA9llo \xF0\x9F\x98\x80 w\xC3\xB6rld</p>";
	/* UTF-16LE by hand: BOM, then each code point */
	static const uint32_t cps[] = {'<', 'p', '>', 'h', 0xE9, 'l', 'l', 'o', ' ',
				       0x1F600, ' ', 'w', 0xF6, 'r', 'l', 'd',
				       '<', '/', 'p', '>'};
	char buf[128];
	size_t n = 0;
	buf[n++] = (char)0xFF;
	buf[n++] = (char)0xFE;
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		uint32_t c = cps[i];
		if (c >= 0x10000) {
			uint32_t v = c - 0x10000, hi = 0xD800 + (v >> 10),
				 lo = 0xDC00 + (v & 0x3FF);
			buf[n++] = (char)(hi & 0xFF);
			buf[n++] = (char)(hi >> 8);
			buf[n++] = (char)(lo & 0xFF);
			buf[n++] = (char)(lo >> 8);
		} else {
			buf[n++] = (char)(c & 0xFF);
			buf[n++] = (char)(c >> 8);
		}
	}
	precis__html_result r;
	extract_n(&r, buf, n);
	ck_assert_str_eq(r.text, "h\xC3\xA9llo \xF0\x9F\x98\x80 w\xC3\xB6rld");
	ck_assert_str_eq(r.charset, "UTF-16LE");
	(void)s;
	/* the map points at UTF-16 bytes: "h" is at 2 + 3 * 2 */
	size_t so, sl;
	ck_assert_int_eq(precis__html_map(&r, 0, 1, &so, &sl), 0);
	ck_assert_uint_eq(so, 8);
	ck_assert_uint_eq(sl, 2);
	precis__html_result_free(&r);
}
END_TEST

START_TEST(test_charset_wrong_or_unknown)
{
	precis__html_result r;
	/* declared UTF-8, bytes latin-1: stray bytes read as windows-1252 */
	extract(&r, "<meta charset=utf-8><p>caf\xE9 cr\xE8me</p>");
	ck_assert_str_eq(r.text, "caf\xC3\xA9 cr\xC3\xA8me");
	precis__html_result_free(&r);
	/* a label iconv does not know: no meta, so UTF-8 or windows-1252 */
	extract(&r, "<meta charset=x-no-such-charset><p>caf\xE9</p>");
	ck_assert_str_eq(r.text, "caf\xC3\xA9");
	ck_assert_str_eq(r.charset, "WINDOWS-1252");
	precis__html_result_free(&r);
	/* the caller's hint is used when the page says nothing */
	precis__html_options opt = PRECIS__HTML_OPTIONS_INIT;
	opt.charset = "koi8-r";
	ck_assert_int_eq(precis__html_extract(&r, "<p>\xF0\xD2\xC9\xD7\xC5\xD4</p>",
					      12, &opt), 0);
	ck_assert_str_eq(r.text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
	precis__html_result_free(&r);
	/* an invalid truncated sequence at the very end */
	extract(&r, "<meta charset=shift_jis><p>a\x82");
	ck_assert(precis__html_utf8_valid((unsigned char *)r.text, r.text_len));
	precis__html_result_free(&r);
}
END_TEST

START_TEST(test_sniff_order)
{
	char name[32];
	size_t bom;
	precis__html_sniff((const unsigned char *)"\xEF\xBB\xBF<meta charset=koi8-r>",
			   25, "latin1", name, &bom);
	ck_assert_str_eq(name, "UTF-8");
	ck_assert_uint_eq(bom, 3);
	precis__html_sniff((const unsigned char *)"<!-- <meta charset=koi8-r> -->"
			   "<meta content='text/html;charset=\"euc-jp\"' "
			   "http-equiv=Content-Type>", 97, NULL, name, &bom);
	ck_assert_str_eq(name, "EUC-JP");
	precis__html_sniff((const unsigned char *)"<p title='<meta charset=gbk>'>",
			   30, "windows-1251", name, &bom);
	ck_assert_str_eq(name, "WINDOWS-1251");
	precis__html_sniff((const unsigned char *)"<meta charset=utf-16>", 21,
			   NULL, name, &bom);
	ck_assert_str_eq(name, "UTF-8");
	ck_assert_int_ne(precis__html_label("utf-8//TRANSLIT", 15, name), 0);
}
END_TEST

/* --------------------------------------------------------------- title */

static void expect_title(const char *page, const char *want)
{
	precis__html_result r;
	extract(&r, page);
	ck_assert_str_eq(r.title, want);
	precis__html_result_free(&r);
}

START_TEST(test_title_preference)
{
	const char *body = "<p>Some paragraph text long enough to be the article "
			   "here, with a comma, and more words.</p>";
	char page[1024];
	/* the h1 agrees with the metadata: it wins */
	snprintf(page, sizeof(page), "<title>Big News Today | Daily Site</title>"
		 "<meta property=og:title content='Big news today'>"
		 "<h1>Big News Today</h1>%s", body);
	expect_title(page, "Big News Today");
	/* an h1 that is the site's logo disagrees: og:title */
	snprintf(page, sizeof(page), "<title>Big News Today | Daily Site</title>"
		 "<meta property=og:title content='Big news today'>"
		 "<h1>Daily Site</h1>%s", body);
	expect_title(page, "Big news today");
	/* <title> alone: the suffix goes when it is the site name */
	snprintf(page, sizeof(page), "<title>Big News Today - Daily Site</title>"
		 "<meta property=og:site_name content='Daily Site'>%s", body);
	expect_title(page, "Big News Today");
	/* or a domain */
	snprintf(page, sizeof(page), "<title>Big News Today | example.com</title>%s",
		 body);
	expect_title(page, "Big News Today");
	/* but not when it is not clearly a site */
	snprintf(page, sizeof(page), "<title>Rock - Paper - Scissors</title>%s", body);
	expect_title(page, "Rock - Paper - Scissors");
	/* a prefix site name */
	snprintf(page, sizeof(page), "<title>Daily Site | Big News Today</title>"
		 "<meta name=application-name content='Daily Site'>%s", body);
	expect_title(page, "Big News Today");
	expect_title("<p>no title anywhere</p>", "");
}
END_TEST

/* ----------------------------------------------------------------- map */

/* Every piece's source bytes, for a UTF-8 page, read as its output. */
static void check_pieces_utf8(const precis__html_result *r, const char *src)
{
	for (size_t i = 0; i < r->npieces; i++) {
		const precis__html_piece *p = &r->pieces[i];
		if (i)
			ck_assert_uint_ge(p->out_off, r->pieces[i - 1].out_off +
							      r->pieces[i - 1].out_len);
		ck_assert_uint_le(p->out_off + p->out_len, r->text_len);
		if (p->out_len == p->src_len)
			ck_assert(!memcmp(r->text + p->out_off, src + p->src_off,
					  p->out_len));
	}
}

START_TEST(test_map_round_trip)
{
	precis__html_result r;
	extract(&r, article_page);
	check_pieces_utf8(&r, article_page);
	/* each sentence maps back to a source span holding it */
	const char *words[] = {"A severe storm closed the harbour", "Ferries cancelled",
			       "though it gave no firm date."};
	for (size_t k = 0; k < 3; k++) {
		const char *at = strstr(r.text, words[k]);
		ck_assert_ptr_nonnull(at);
		size_t so, sl, n = strlen(words[k]);
		ck_assert_int_eq(precis__html_map(&r, (size_t)(at - r.text), n, &so, &sl), 0);
		ck_assert_uint_eq(sl, n);
		ck_assert(!memcmp(article_page + so, words[k], n));
	}
	precis__html_result_free(&r);

	/* entities and collapsed space: the span still covers the source */
	const char *page = "<p>Tom &amp; Jerry   ran\n   away &mdash; fast.</p>";
	extract(&r, page);
	ck_assert_str_eq(r.text, "Tom & Jerry ran away \xE2\x80\x94 fast.");
	size_t so, sl;
	ck_assert_int_eq(precis__html_map(&r, 0, r.text_len, &so, &sl), 0);
	ck_assert_uint_eq(so, 3);
	ck_assert_uint_eq(so + sl, strlen(page) - 4);
	ck_assert_int_eq(precis__html_map(&r, 6, 5, &so, &sl), 0); /* Jerry */
	ck_assert(!memcmp(page + so, "Jerry", 5) && sl == 5);
	ck_assert_int_eq(precis__html_map(&r, 4, 1, &so, &sl), 0); /* & */
	ck_assert(!memcmp(page + so, "&amp;", 5) && sl == 5);
	ck_assert_int_ne(precis__html_map(&r, r.text_len, 1, &so, &sl), 0);
	precis__html_result_free(&r);
}
END_TEST

START_TEST(test_map_through_charset_and_cuts)
{
	/* latin-1 source, a script cut out in between: offsets stay exact */
	sbuf b = {0};
	sb_str(&b, "<meta charset=latin1><p>d\xE9j\xE0 vu</p><script>");
	sb_rep(&b, "var junk = 1;", 100);
	sb_str(&b, "</script><p>na\xEFve caf\xE9</p>");
	precis__html_result r;
	extract_n(&r, b.p, b.n);
	ck_assert_str_eq(r.text, "d\xC3\xA9j\xC3\xA0 vu\n\nna\xC3\xAFve caf\xC3\xA9");
	const char *at = strstr(r.text, "caf");
	size_t so, sl;
	ck_assert_int_eq(precis__html_map(&r, (size_t)(at - r.text), 5, &so, &sl), 0);
	ck_assert_uint_eq(sl, 4);
	ck_assert(!memcmp(b.p + so, "caf\xE9", 4));
	ck_assert_int_eq(precis__html_map(&r, 1, 2, &so, &sl), 0); /* é */
	ck_assert(!memcmp(b.p + so, "\xE9", 1) && sl == 1);
	precis__html_result_free(&r);
	free(b.p);
}
END_TEST

/* ---------------------------------------------------------- robustness */

START_TEST(test_deep_nesting)
{
	sbuf b = {0};
	sb_rep(&b, "<div>", 100000);
	sb_str(&b, "deep text");
	sb_rep(&b, "</div>", 100000);
	double t0 = cpu_now();
	precis__html_result r;
	extract_n(&r, b.p, b.n);
	ck_assert_str_eq(r.text, "deep text");
	precis__html_result_free(&r);
	ck_assert(cpu_now() - t0 < bound(5.0));
	free(b.p);
}
END_TEST

START_TEST(test_pathological_shapes)
{
	static const char *const reps[] = {
		"<span>", "<b>", "<a href=x>", "<ul><li>", "<table><tr><td>",
		"<svg><g>", "<font>", "<div> <b a=1> </div>", "<p>x", "<select>",
		"<template>", "<object>", "<!--", "</", "<", "&", "&#", "<div/>",
		"<td>", "<colgroup>", "<b><p></b>", "<table><div>", "<math><mi>",
	};
	for (size_t k = 0; k < sizeof(reps) / sizeof(reps[0]); k++) {
		sbuf b = {0};
		sb_rep(&b, reps[k], 100000);
		sb_str(&b, "end");
		double t0 = cpu_now();
		precis__html_result r;
		extract_n(&r, b.p, b.n);
		precis__html_result_free(&r);
		ck_assert_msg(cpu_now() - t0 < bound(5.0), "slow: %s", reps[k]);
		free(b.p);
	}
	/* a tag with 100,000 attributes */
	sbuf b = {0};
	sb_str(&b, "<div");
	for (int i = 0; i < 100000; i++) {
		char a[32];
		snprintf(a, sizeof(a), " a%d=\"%d\"", i, i);
		sb_str(&b, a);
	}
	sb_str(&b, ">text</div>");
	double t0 = cpu_now();
	precis__html_result r;
	extract_n(&r, b.p, b.n);
	ck_assert_str_eq(r.text, "text");
	precis__html_result_free(&r);
	ck_assert(cpu_now() - t0 < bound(5.0));
	free(b.p);
}
END_TEST

START_TEST(test_binary_and_nuls)
{
	size_t n = 1 << 20;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	uint64_t x = 88172645463325252ull;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		p[i] = (char)x;
	}
	precis__html_result r;
	extract_n(&r, p, n);
	precis__html_result_free(&r);
	memset(p, 0, n);
	extract_n(&r, p, n);
	ck_assert_str_eq(r.text, "");
	precis__html_result_free(&r);
	free(p);
	extract_n(&r, "", 0);
	ck_assert_str_eq(r.text, "");
	precis__html_result_free(&r);
	ck_assert_int_eq(precis__html_extract(&r, NULL, 0, NULL), 0);
	precis__html_result_free(&r);
	ck_assert_int_eq(precis__html_extract(&r, NULL, 5, NULL), PRECIS__HTML_ERR_ARG);
}
END_TEST

START_TEST(test_unclosed_tags)
{
	expect_text("<html><body><div class=content><p>First paragraph with "
		    "enough words to be counted as text<p>Second one, also long "
		    "enough to count <b>bold <i>italic</div>",
		    "First paragraph with enough words to be counted as text\n\n"
		    "Second one, also long enough to count bold italic");
}
END_TEST

START_TEST(test_50mb_page)
{
	sbuf b = {0};
	sb_str(&b, "<html><head><title>Big</title></head><body><nav>"
		   "<a href=/>Home</a></nav><article>");
	const char *para = "<p>Paragraph of a very long article, with <a href=/x>"
			   "a link</a>, <b>bold</b> words and &amp; entities, "
			   "repeated until the page is fifty megabytes.</p>\n";
	/* Under valgrind (PRECIS_TEST_QUICK) a tenth of it. */
	size_t size = getenv("PRECIS_TEST_QUICK") ? (size_t)5 << 20 : (size_t)50 << 20;
	while (b.n < size)
		sb_str(&b, para);
	sb_str(&b, "</article></body></html>");
	double t0 = cpu_now();
	precis__html_result r;
	extract_n(&r, b.p, b.n);
	ck_assert_uint_gt(r.text_len, size / 5 * 3);
	ck_assert_uint_gt(r.npieces, size / 500);
	precis__html_result_free(&r);
	ck_assert(cpu_now() - t0 < bound(30.0));
	free(b.p);
}
END_TEST

START_TEST(test_out_of_memory)
{
	precis__html_options opt = PRECIS__HTML_OPTIONS_INIT;
	precis__html_result r;
	opt.max_memory = 4096;
	ck_assert_int_eq(precis__html_extract(&r, article_page,
					      strlen(article_page), &opt),
			 PRECIS__HTML_ERR_NOMEM);
	ck_assert_ptr_null(r.text);
	/* every limit from tiny to enough: an error or a full result */
	for (size_t lim = 1024; lim < (1u << 20); lim += lim / 4) {
		opt.max_memory = lim;
		int rc = precis__html_extract(&r, article_page, strlen(article_page),
					      &opt);
		ck_assert(rc == 0 || rc == PRECIS__HTML_ERR_NOMEM);
		if (rc == 0)
			ck_assert_str_eq(r.text, article_text);
		precis__html_result_free(&r);
	}
}
END_TEST

START_TEST(test_guard_blanks_excess)
{
	char buf[] = "<div><div><div><div><div>x</div></div></div></div></div>";
	precis__html_cuts cuts;
	size_t len = strlen(buf), blanked = 0;
	ck_assert_int_eq(precis__html_guard(buf, &len, 3, &cuts, &blanked), 0);
	/* the limit is at least 16: nothing blanked at depth 5 */
	ck_assert_uint_eq(blanked, 0);
	precis__html_cuts_free(&cuts);
	sbuf b = {0};
	sb_rep(&b, "<div>", 40);
	sb_str(&b, "<script>");
	sb_rep(&b, "x", 200);
	sb_str(&b, "</script>");
	len = b.n;
	ck_assert_int_eq(precis__html_guard(b.p, &len, 16, &cuts, &blanked), 0);
	ck_assert_uint_eq(blanked, 24);
	ck_assert_uint_eq(len, b.n - 200);
	ck_assert(!memcmp(b.p + 80, "<!  >", 5));
	ck_assert_uint_eq(precis__html_cut_src(&cuts, 200 + 8), 200 + 8 + 200);
	precis__html_cuts_free(&cuts);
	free(b.p);
}
END_TEST

/* ------------------------------------------------------------- threads */

static const char *const thread_pages[] = {
	article_page,
	"<meta charset=shift_jis><p>\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c"
	"\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42 and some ASCII text, long enough.</p>",
	"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2! and more text "
	"to make a paragraph of it, with commas, here.</p>",
	"<meta charset=iso-2022-jp><p>\x1b$BF|K\\8l\x1b(B text and more text to score.</p>",
};
#define NPAGES (sizeof(thread_pages) / sizeof(thread_pages[0]))

static void *extract_loop(void *arg)
{
	char **want = arg;
	for (int round = 0; round < 20; round++)
		for (size_t k = 0; k < NPAGES; k++) {
			precis__html_result r;
			if (precis__html_extract(&r, thread_pages[k], strlen(thread_pages[k]), NULL) ||
			    strcmp(r.text, want[k]))
				return (void *)1;
			precis__html_result_free(&r);
		}
	return NULL;
}

START_TEST(test_threads)
{
	char *want[NPAGES];
	for (size_t k = 0; k < NPAGES; k++) {
		precis__html_result r;
		extract(&r, thread_pages[k]);
		want[k] = strdup(r.text);
		precis__html_result_free(&r);
	}
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, extract_loop, want), 0);
	for (int i = 0; i < 4; i++) {
		void *rv;
		ck_assert_int_eq(pthread_join(t[i], &rv), 0);
		ck_assert_ptr_null(rv);
	}
	for (size_t k = 0; k < NPAGES; k++)
		free(want[k]);
}
END_TEST

/* ---------------------------------------------------------------- main */

Suite *make_suite(void)
{
	Suite *s = suite_create("html");
	TCase *core = tcase_create("core");
	tcase_add_test(core, test_article_among_boilerplate);
	tcase_add_test(core, test_hidden_and_dropped);
	tcase_add_test(core, test_jsonld_rescue);
	tcase_add_test(core, test_entities_and_spaces);
	tcase_add_test(core, test_pre);
	tcase_add_test(core, test_nested_lists);
	tcase_add_test(core, test_blocks_and_inline);
	tcase_add_test(core, test_charset_meta_latin1);
	tcase_add_test(core, test_charset_utf16_bom);
	tcase_add_test(core, test_charset_wrong_or_unknown);
	tcase_add_test(core, test_sniff_order);
	tcase_add_test(core, test_title_preference);
	tcase_add_test(core, test_map_round_trip);
	tcase_add_test(core, test_map_through_charset_and_cuts);
	tcase_add_test(core, test_unclosed_tags);
	tcase_add_test(core, test_guard_blanks_excess);
	tcase_add_test(core, test_threads);
	suite_add_tcase(s, core);
	TCase *limits = tcase_create("limits");
	tcase_set_timeout(limits, 120);
	tcase_add_test(limits, test_deep_nesting);
	tcase_add_test(limits, test_pathological_shapes);
	tcase_add_test(limits, test_binary_and_nuls);
	tcase_add_test(limits, test_50mb_page);
	tcase_add_test(limits, test_out_of_memory);
	suite_add_tcase(s, limits);
	return s;
}
