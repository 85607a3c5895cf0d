/*
 * fuzz_input.c - fuzz target: the input stage through precis_doc_read()
 * in every format, wrap mode and a few encodings. Whatever the bytes, a
 * document comes out whose text is valid UTF-8 and whose sentences map to
 * ordered spans inside the source, or a clean error; the streaming
 * splitter reading the same way hands out the same sentences (or fails at
 * the same byte); the document summarizes and renders.
 *
 * Input: two header bytes, then the document.
 *   [0] bits 0-1 format (auto, text, markdown, html; auto finds
 *       subtitles by their content), bits 2-3 wrap
 *       (auto, join, keep; 3 is an invalid mode), bit 4 lenient, bits 5-7
 *       the encoding (NULL, utf-8, latin1, utf-16le, shift_jis, cp1252,
 *       utf-16, an unknown name)
 *   [1] c: the splitter cuts once c * c bytes are held (0: its own size)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/splitter.h" /* precis__splitter_chunk: cuts in small inputs */
#include "fuzzutil.h"
#include "precis.h"

#define HEADER 2

static const char *const encodings[] = {
	NULL, "utf-8", "latin1", "UTF-16LE", "SHIFT_JIS", "CP1252", "UTF-16", "x-none",
};

typedef struct streamed {
	const precis_doc *doc; /* NULL: the document failed */
	size_t n;
} streamed;

static int check_streamed(void *arg, const char *text, const precis_sentence *s)
{
	streamed *st = arg;
	if (st->doc == NULL)
		return 0; /* sentences before a late error may come out */
	precis_sentence want;
	FUZZ_CHECK(precis_doc_sentence(st->doc, st->n++, &want) == 0);
	FUZZ_CHECK(s->offset == want.offset && s->length == want.length &&
		   s->paragraph == want.paragraph && s->kind == want.kind &&
		   s->source_offset == want.source_offset &&
		   s->source_length == want.source_length);
	FUZZ_CHECK(memcmp(text, precis_doc_text(st->doc, NULL) + s->offset,
			  s->length) == 0);
	return 0;
}

static void check_stream(precis_ctx *ctx, const char *text, size_t len,
			 const precis_read_options *o, size_t chunk,
			 const precis_doc *doc, int doc_rc, const precis_error *doc_err)
{
	precis_splitter *sp = NULL;
	precis_error err;
	streamed st = { doc, 0 };
	precis_read_options so = *o;
	so.flags &= ~PRECIS_DOC_SPLIT_ONLY;
	FUZZ_CHECK(precis_splitter_read(&sp, ctx, &so, &err) == 0);
	if (chunk > 0)
		precis__splitter_chunk(sp, chunk);
	int rc = 0;
	for (size_t at = 0, k = 0; at < len && rc == 0; at += k) {
		k = 1 + (unsigned char)text[at] % 16;
		if (k > len - at)
			k = len - at;
		rc = precis_splitter_feed(sp, text + at, k, check_streamed, &st, &err);
	}
	if (rc == 0)
		rc = precis_splitter_finish(sp, check_streamed, &st, &err);
	FUZZ_CHECK(rc == doc_rc);
	if (rc != 0)
		FUZZ_CHECK(err.code == doc_err->code && err.offset == doc_err->offset);
	else
		FUZZ_CHECK(st.n == precis_doc_sentence_count(doc));
	precis_splitter_free(sp);
}

/* The document's promises: valid UTF-8 text, ordered units whose source
 * spans lie in the input. */
static void check_doc(const precis_doc *doc, size_t srclen)
{
	size_t tlen, end = 0, send = 0;
	const char *t = precis_doc_text(doc, &tlen);
	FUZZ_CHECK(t != NULL && fuzz_utf8_check(t, tlen) == tlen && t[tlen] == '\0');
	for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
		precis_sentence s;
		FUZZ_CHECK(precis_doc_sentence(doc, i, &s) == 0);
		FUZZ_CHECK(s.length > 0 && s.offset >= end);
		FUZZ_CHECK(s.offset <= tlen && s.length <= tlen - s.offset);
		FUZZ_CHECK(s.source_offset <= srclen &&
			   s.source_length <= srclen - s.source_offset);
		FUZZ_CHECK(s.source_offset + s.source_length >= send);
		end = s.offset + s.length;
		send = s.source_offset + s.source_length;
	}
	int f = precis_doc_format(doc);
	FUZZ_CHECK(f == PRECIS_INPUT_TEXT || f == PRECIS_INPUT_MARKDOWN ||
		   f == PRECIS_INPUT_HTML || f == PRECIS_INPUT_SUBTITLES);
}

static void summarize(precis_ctx *ctx, const char *text, size_t len,
		      const precis_read_options *o)
{
	precis_doc *doc = NULL;
	precis_summary *sum = NULL;
	precis_error err;
	precis_read_options so = *o;
	so.flags &= ~PRECIS_DOC_SPLIT_ONLY;
	if (precis_doc_read(&doc, ctx, text, len, &so, &err) == 0 &&
	    precis_summarize(&sum, ctx, doc, NULL, &err) == 0) {
		fuzz_sink out = { 0 };
		FUZZ_CHECK(precis_summary_render(sum, doc, PRECIS_FORMAT_JSON, "f",
						 fuzz_sink_write, &out, &err) == 0);
		FUZZ_CHECK(fuzz_utf8_check(out.buf, out.len) == out.len);
		fuzz_sink_free(&out);
	}
	precis_summary_free(sum);
	precis_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER];
	size_t len;
	const char *text = fuzz_header(data, size, h, HEADER, &len);
	precis_error err;
	precis_ctx *ctx = NULL;
	FUZZ_CHECK(precis_ctx_new(&ctx, "en", &err) == 0);
	precis_read_options o = PRECIS_READ_OPTIONS_INIT;
	o.format = h[0] & 3;
	o.wrap = (h[0] >> 2) & 3;
	o.encoding = encodings[(h[0] >> 5) & 7];
	o.flags = PRECIS_DOC_SPLIT_ONLY | ((h[0] & 16) ? PRECIS_DOC_LENIENT : 0);
	precis_doc *doc = NULL;
	int rc = precis_doc_read(&doc, ctx, text, len, &o, &err);
	if (rc != 0) {
		FUZZ_CHECK(doc == NULL && err.code == rc);
		FUZZ_CHECK(rc == PRECIS_ERR_UTF8 || rc == PRECIS_ERR_ARG ||
			   rc == PRECIS_ERR_LIMIT);
		if (rc == PRECIS_ERR_UTF8)
			FUZZ_CHECK(!(o.flags & PRECIS_DOC_LENIENT) && err.offset <= len);
		if (rc == PRECIS_ERR_ARG)
			FUZZ_CHECK(o.wrap == 3 || o.encoding != NULL);
	} else {
		check_doc(doc, len);
	}
	check_stream(ctx, text, len, &o, (size_t)h[1] * h[1], doc, rc, &err);
	if (rc == 0)
		summarize(ctx, text, len, &o);
	precis_doc_free(doc);
	precis_ctx_free(ctx);
	return 0;
}
