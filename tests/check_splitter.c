/*
 * check_splitter.c - the streaming splitter (src/doc/splitter.c) against the
 * whole-text split: for generated documents and the segment fixtures, fed
 * in pieces of every size and cut as often as possible or never, every
 * sentence, offset, paragraph and kind must equal precis_doc_new()'s with
 * PRECIS_DOC_SPLIT_ONLY, and an error must come at the same byte.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/splitter.h"
#include "precis.h"
#include "segment/segment.h"

typedef struct got {
	char *s; /* one line per sentence: offset, length, paragraph, kind, text */
	size_t len, cap;
	size_t n;
	size_t stop_after; /* the callback stops after this many (0: never) */
} got;

static void put(got *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->s = realloc(g->s, g->cap);
		ck_assert_ptr_nonnull(g->s);
	}
	memcpy(g->s + g->len, s, n);
	g->len += n;
	g->s[g->len] = '\0';
}

static void put_sentence(got *g, const char *text, const precis_sentence *s)
{
	char head[96];
	int n = snprintf(head, sizeof head, "%zu+%zu p%zu k%d w%zu: ", s->offset,
			 s->length, s->paragraph, s->kind, s->words);
	put(g, head, (size_t)n);
	put(g, text, s->length);
	put(g, "\n", 1);
	g->n++;
}

static int collect(void *arg, const char *text, const precis_sentence *s)
{
	got *g = arg;
	put_sentence(g, text, s);
	return g->stop_after != 0 && g->n == g->stop_after ? 42 : 0;
}

static precis_ctx *ctx_for(const char *lang)
{
	precis_ctx *ctx;
	ck_assert_int_eq(precis_ctx_new(&ctx, lang, NULL), 0);
	return ctx;
}

/* The whole-text split; the status of precis_doc_new, *err its error. */
static int whole(precis_ctx *ctx, const char *t, size_t len, unsigned flags,
		 got *g, size_t *repairs, precis_error *err)
{
	precis_doc *d;
	int rc = precis_doc_new(&d, ctx, t, len, NULL,
				flags | PRECIS_DOC_SPLIT_ONLY, err);
	if (rc != 0)
		return rc;
	const char *text = precis_doc_text(d, NULL);
	for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
		precis_sentence s;
		ck_assert_int_eq(precis_doc_sentence(d, i, &s), 0);
		put_sentence(g, text + s.offset, &s);
	}
	*repairs = precis_doc_repairs(d);
	precis_doc_free(d);
	return 0;
}

/* The streamed split, fed in pieces of 1 to `piece` bytes (0: all at
 * once), gathering `chunk` bytes before each cut. */
static int streamed(precis_ctx *ctx, const char *t, size_t len, unsigned flags,
		    size_t chunk, size_t piece, got *g, size_t *repairs,
		    precis_error *err)
{
	precis_splitter *sp;
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, flags, err), 0);
	precis__splitter_chunk(sp, chunk);
	uint32_t seed = (uint32_t)len * 2654435761u + (uint32_t)piece;
	int rc = 0;
	for (size_t at = 0; at < len && rc == 0;) {
		seed = seed * 1103515245u + 12345u;
		size_t n = piece ? 1 + (seed >> 16) % piece : len;
		if (n > len - at)
			n = len - at;
		rc = precis_splitter_feed(sp, t + at, n, collect, g, err);
		at += n;
	}
	if (rc == 0)
		rc = precis_splitter_finish(sp, collect, g, err);
	*repairs = precis_splitter_repairs(sp);
	precis_splitter_free(sp);
	return rc;
}

static const size_t chunks[] = { 1, 7, 64, SIZE_MAX };
static const size_t pieces[] = { 1, 3, 16, 0 };

/* Every way of streaming t gives the whole-text split, or its error. */
static void expect_same(precis_ctx *ctx, const char *t, size_t len,
			unsigned flags)
{
	got want = { 0 };
	size_t want_rep = 0;
	precis_error werr;
	int wrc = whole(ctx, t, len, flags, &want, &want_rep, &werr);
	for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++)
		for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
			got have = { 0 };
			size_t rep = 0;
			precis_error err;
			int rc = streamed(ctx, t, len, flags, chunks[c], pieces[p],
					  &have, &rep, &err);
			ck_assert_int_eq(rc, wrc);
			if (rc != 0) {
				ck_assert_int_eq(err.code, werr.code);
				ck_assert_uint_eq(err.offset, werr.offset);
			} else {
				ck_assert_str_eq(have.s ? have.s : "",
						 want.s ? want.s : "");
				ck_assert_uint_eq(rep, want_rep);
			}
			free(have.s);
		}
	free(want.s);
}

/* Pieces of news text with every kind of line and paragraph break. */
static const char *const frags[] = {
	"The minister arrived in the capital on Monday.",
	"Mr. Smith said \"We are glad to be here.\" Talks began at 3 p.m.",
	"Headline Without A Stop", "+", "***", "[\xE2\x80\xA6]",
	"1. First item", "2. Second item",
	"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE9\x9B\xAA\xE3\x80\x82",
	"\"An open quote that runs on", "and closes here.\" Then more.",
	"Tags: news, world", "Bad \xFF byte.", "Cut \xE2\x82",
	"U.S. officials met.The region.CNN reports more.",
	"\xEF\xBB\xBF" "Marked text.", "A line that is hard", "wrapped here.",
	"Graae. *** Bush also", "Kay Mann 04/26/2001 07:17 AM Will you",
	"Best regards, Debra", "mail Kevin.Boone@acme.com Our site", "spring. [\xE2\x80\xA6]",
};
static const char *const seps[] = {
	" ", "\n", "\r\n", "\n\n", "\n \n", "\n\t\n", "\r\n\r\n", "\n\n\n",
	"\n\xC2\xA0\n", "\n\xE2\x80\x8B\n", "\n \r\n", "",
};

static size_t make_doc(uint32_t *seed, char *buf, size_t cap)
{
	size_t n = 0;
	*seed = *seed * 1103515245u + 12345u;
	size_t parts = 1 + (*seed >> 16) % 40;
	if ((*seed >> 8) % 5 == 0) {
		memcpy(buf, "\xEF\xBB\xBF", 3);
		n = 3;
	}
	for (size_t i = 0; i < parts; i++) {
		*seed = *seed * 1103515245u + 12345u;
		const char *f = frags[(*seed >> 16) % (sizeof frags / sizeof *frags)];
		const char *s = seps[(*seed >> 4) % (sizeof seps / sizeof *seps)];
		size_t fl = strlen(f), sl = strlen(s);
		ck_assert_uint_lt(n + fl + sl, cap);
		memcpy(buf + n, f, fl);
		memcpy(buf + n + fl, s, sl);
		n += fl + sl;
	}
	return n;
}

START_TEST(generated_documents)
{
	static const unsigned flag_sets[] = {
		0, PRECIS_DOC_LENIENT, PRECIS_DOC_JOIN_LINES,
		PRECIS_DOC_LENIENT | PRECIS_DOC_JOIN_LINES,
		PRECIS_DOC_KEEP_NOISE, PRECIS_DOC_KEEP_NOISE | PRECIS_DOC_LENIENT
	};
	precis_ctx *ctx = ctx_for(_i % 2 ? "ja" : "en");
	uint32_t seed = 7u + (uint32_t)_i;
	char buf[8192];
	for (int k = 0; k < 40; k++) {
		size_t n = make_doc(&seed, buf, sizeof buf);
		for (size_t f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++)
			expect_same(ctx, buf, n, flag_sets[f]);
	}
	precis_ctx_free(ctx);
}
END_TEST

/* The bytes of t[0, n) but white space and the invisible characters the
 * generator writes (U+00A0, U+200B, U+FEFF), which the segmenter trims
 * as white space. */
static size_t ink(const char *t, size_t n, char *out)
{
	static const char *const blank[] = { "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF" };
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t skip = strchr(" \t\r\n", t[i]) && t[i] != '\0';
		for (size_t b = 0; b < 3 && !skip; b++)
			if (n - i >= strlen(blank[b]) &&
			    memcmp(t + i, blank[b], strlen(blank[b])) == 0)
				skip = strlen(blank[b]);
		if (skip == 0)
			out[o++] = t[i++];
		i += skip;
	}
	return o;
}

/* With PRECIS_DOC_KEEP_NOISE the units hold every character of the text
 * but white space; without it, noise and omission marks go. */
START_TEST(lossless)
{
	precis_ctx *ctx = ctx_for(_i % 2 ? "ja" : "en");
	uint32_t seed = 11u + (uint32_t)_i;
	char buf[8192], want[8192], have[8192];
	size_t lost = 0;
	for (int k = 0; k < 60; k++) {
		size_t n = make_doc(&seed, buf, sizeof buf), m = 0;
		for (int keep = 0; keep < 2; keep++) {
			precis_doc *d;
			if (precis_doc_new(&d, ctx, buf, n, NULL, keep ? PRECIS_DOC_KEEP_NOISE
							: PRECIS_DOC_SPLIT_ONLY, NULL) != 0)
				break; /* invalid UTF-8 */
			const char *text = precis_doc_text(d, NULL);
			m = 0;
			for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
				precis_sentence s;
				precis_doc_sentence(d, i, &s);
				m += ink(text + s.offset, s.length, have + m);
				ck_assert(keep || s.kind != PRECIS_UNIT_NOISE);
			}
			precis_doc_free(d);
			size_t w = ink(buf, n, want);
			if (keep) {
				ck_assert_uint_eq(m, w);
				ck_assert_int_eq(memcmp(have, want, m), 0);
			} else {
				lost += w - m;
			}
		}
	}
	ck_assert_uint_gt(lost, 0); /* the fragments hold noise to lose */
	precis_ctx_free(ctx);
}
END_TEST

static char *read_fixture(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/segment/%s", top ? top : ".",
		 name);
	FILE *fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	char *buf = malloc(1 << 20);
	ck_assert_ptr_nonnull(buf);
	*len = fread(buf, 1, 1 << 20, fp);
	fclose(fp);
	return buf;
}

START_TEST(fixtures)
{
	precis_ctx *ctx = ctx_for("en");
	static const char *const names[] = { "news.txt", "wrapped.txt" };
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		char *t = read_fixture(names[i], &len);
		expect_same(ctx, t, len, 0);
		expect_same(ctx, t, len, PRECIS_DOC_JOIN_LINES);
		expect_same(ctx, t, len, PRECIS_DOC_KEEP_NOISE);
		free(t);
	}
	precis_ctx_free(ctx);
}
END_TEST

/* Sentences before a bad byte are handed out when cuts come early; the
 * error names the byte of the whole stream. */
START_TEST(error_after_output)
{
	precis_ctx *ctx = ctx_for("en");
	const char t[] = "One fine day.\n\nTwo more days.\n\nBad \xFF here.\n";
	precis_splitter *sp;
	precis_error err;
	got g = { 0 };
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, 0, &err), 0);
	precis__splitter_chunk(sp, 1);
	ck_assert_int_eq(precis_splitter_feed(sp, t, sizeof t - 1, collect, &g, &err), 0);
	ck_assert_uint_eq(g.n, 2); /* out before the end of the input */
	ck_assert_str_eq(g.s, "0+13 p0 k0 w0: One fine day.\n"
			      "15+14 p1 k0 w0: Two more days.\n");
	int rc = precis_splitter_finish(sp, collect, &g, &err);
	ck_assert_int_eq(rc, PRECIS_ERR_UTF8);
	ck_assert_int_eq(err.code, PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, (size_t)(strchr(t, '\xFF') - t));
	ck_assert_uint_eq(g.n, 2);
	/* The stream is over. */
	ck_assert_int_eq(precis_splitter_feed(sp, "x", 1, collect, &g, &err),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_finish(sp, collect, &g, &err),
			 PRECIS_ERR_ARG);
	precis_splitter_free(sp);
	free(g.s);
	precis_ctx_free(ctx);
}
END_TEST

/* Lone CRs in text that has a line feed stay as they are (only a text
 * with none reads them as line breaks): a chunk after a cut, which has no
 * line feed of its own, once read its CRs as line breaks, so the stream
 * split a line the whole text kept. */
START_TEST(lone_cr_after_cut)
{
	precis_ctx *ctx = ctx_for("en");
	const char t[] = "One fine day.\n\nTitle\rOne line.\rTwo.\r";
	expect_same(ctx, t, sizeof t - 1, 0);
	expect_same(ctx, t, sizeof t - 1, PRECIS_DOC_LENIENT);
	/* The fuzz_input finding: NULs and a CR after the cut. */
	const char f[] = "\0<\n\nC|\0\r\0";
	expect_same(ctx, f, sizeof f - 1, PRECIS_DOC_LENIENT);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(callback_stops)
{
	precis_ctx *ctx = ctx_for("en");
	const char t[] = "One. Two. Three.\n\nFour. Five.\n";
	precis_splitter *sp;
	precis_error err;
	got g = { .stop_after = 2 };
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, 0, &err), 0);
	ck_assert_int_eq(precis_splitter_feed(sp, t, sizeof t - 1, collect, &g, &err), 0);
	ck_assert_uint_eq(g.n, 0); /* less than a chunk: nothing yet */
	ck_assert_int_eq(precis_splitter_finish(sp, collect, &g, &err), 42);
	ck_assert_int_eq(err.code, 0);
	ck_assert_uint_eq(g.n, 2);
	precis_splitter_free(sp);
	free(g.s);
	precis_ctx_free(ctx);
}
END_TEST

/* A text far past the real chunk size, fed in blocks: cut (the sentences
 * arrive before the end) and still the whole-text split. */
START_TEST(real_chunks)
{
	precis_ctx *ctx = ctx_for("en");
	size_t cap = 3u << 20, n = 0;
	char *t = malloc(cap);
	ck_assert_ptr_nonnull(t);
	uint32_t seed = 99;
	while (n + 9000 < cap)
		n += make_doc(&seed, t + n, cap - n);
	got want = { 0 }, have = { 0 };
	size_t wr;
	precis_error err;
	ck_assert_int_eq(whole(ctx, t, n, PRECIS_DOC_LENIENT, &want, &wr, &err), 0);
	precis_splitter *sp;
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, PRECIS_DOC_LENIENT, &err), 0);
	size_t before_end = 0;
	for (size_t at = 0; at < n; at += 65536) {
		size_t k = n - at < 65536 ? n - at : 65536;
		ck_assert_int_eq(precis_splitter_feed(sp, t + at, k, collect, &have, &err), 0);
		if (at + k < n)
			before_end = have.n;
	}
	ck_assert_int_eq(precis_splitter_finish(sp, collect, &have, &err), 0);
	ck_assert_uint_gt(before_end, 0);
	ck_assert_uint_lt(before_end, have.n);
	ck_assert_uint_eq(precis_splitter_repairs(sp), wr);
	ck_assert_uint_eq(have.len, want.len);
	ck_assert_int_eq(memcmp(have.s, want.s, want.len), 0);
	precis_splitter_free(sp);
	free(want.s);
	free(have.s);
	free(t);
	precis_ctx_free(ctx);
}
END_TEST

START_TEST(bad_arguments)
{
	precis_ctx *ctx = ctx_for("en");
	precis_splitter *sp = NULL;
	precis_error err;
	got g = { 0 };
	ck_assert_int_eq(precis_splitter_new(NULL, ctx, 0, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_new(&sp, NULL, 0, &err), PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, 0, NULL), 0);
	ck_assert_int_eq(precis_splitter_feed(sp, NULL, 1, collect, &g, &err),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_feed(sp, "x", 1, NULL, &g, &err),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_feed(NULL, "x", 1, collect, &g, &err),
			 PRECIS_ERR_ARG);
	ck_assert_int_eq(precis_splitter_feed(sp, NULL, 0, collect, &g, NULL), 0);
	ck_assert_int_eq(precis_splitter_finish(sp, collect, &g, &err), 0);
	ck_assert_uint_eq(g.n, 0);
	ck_assert_uint_eq(precis_splitter_repairs(NULL), 0);
	precis_splitter_free(sp);
	precis_splitter_free(NULL);
	precis_ctx_free(ctx);
}
END_TEST

static int count(void *arg, const char *text, const precis_sentence *s)
{
	(void)text;
	(void)s;
	++*(size_t *)arg;
	return 0;
}

/* A line of megabytes fed a few bytes at a time, with a cut looked for at
 * each: the scan must not read the unfinished line again on every feed
 * (once quadratic: minutes here, where linear takes milliseconds). */
START_TEST(long_line_linear)
{
	precis_ctx *ctx = ctx_for("en");
	const char unit[] = "Word word. ";
	size_t n = (size_t)4 << 20, k = sizeof unit - 1, seen = 0;
	char *t = malloc(n);
	ck_assert_ptr_nonnull(t);
	for (size_t i = 0; i < n; i++)
		t[i] = unit[i % k];
	precis_splitter *sp;
	precis_error err;
	ck_assert_int_eq(precis_splitter_new(&sp, ctx, 0, &err), 0);
	precis__splitter_chunk(sp, 1);
	int rc = 0;
	for (size_t at = 0; at < n && rc == 0; at += 2) /* no Check calls: slow */
		rc = precis_splitter_feed(sp, t + at, 2, count, &seen, &err);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(seen, 0);
	ck_assert_int_eq(precis_splitter_finish(sp, count, &seen, &err), 0);
	ck_assert_uint_eq(seen, (n + k - 1) / k);
	precis_splitter_free(sp);
	free(t);
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void);

Suite *make_suite(void)
{
	Suite *s = suite_create("splitter");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, generated_documents, 0, 6);
	tcase_add_loop_test(tc, lossless, 0, 4);
	tcase_add_test(tc, fixtures);
	tcase_add_test(tc, error_after_output);
	tcase_add_test(tc, lone_cr_after_cut);
	tcase_add_test(tc, callback_stops);
	tcase_add_test(tc, real_chunks);
	tcase_add_test(tc, bad_arguments);
	suite_add_tcase(s, tc);
	tc = tcase_create("speed");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, long_line_linear);
	suite_add_tcase(s, tc);
	return s;
}
