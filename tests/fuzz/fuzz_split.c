/*
 * fuzz_split.c - fuzz target: segmentation only (PRECIS_DOC_SPLIT_ONLY),
 * line folding, and the streaming splitter, which must hand out exactly the
 * document's sentences (or fail at the same byte) when fed in pieces. It
 * links the core library, whose internals include the splitter's chunk size.
 *
 * Input: two header bytes, then the text.
 *   [0] flags: bit 0 lenient, bit 1 join lines; bits 2-7, c: the
 *       splitter cuts once c * c bytes are held (0: its own chunk size)
 *   [1] language index (modulo the table below)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/splitter.h" /* precis__splitter_chunk: cuts in small inputs */
#include "fuzzutil.h"
#include "precis.h"

#define HEADER 2

static const char *const languages[] = {
	"en", "de", "fr", "ru", "ja", "zh", "es", "it", "nl", "pl", "ar",
	"fa", "el", "hi", "hy", "my", "am", "bg", "da", "kk", "mr", "sk",
	"ur", "tr", "vi", "ko",
};
#define NLANGUAGES (sizeof languages / sizeof languages[0])

/* Folds text[0, len) and checks what precis_fold_lines promises. */
static void check_fold(const char *text, size_t len)
{
	/* Exactly `len` bytes (one for empty input) so overruns are caught. */
	char *out = malloc(len ? len : 1);
	FUZZ_CHECK(out != NULL);
	size_t n = precis_fold_lines(text, len, out);
	FUZZ_CHECK(n <= len);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(out[i] != '\n');
	if (fuzz_utf8_check(text, len) == len)
		FUZZ_CHECK(fuzz_utf8_check(out, n) == n);
	free(out);
}

/* The sentences streamed so far, checked against the document's. */
typedef struct streamed {
	const precis_doc *doc; /* NULL: the document failed at byte `bad` */
	size_t bad, n, end;
} streamed;

static int check_streamed(void *arg, const char *text, const precis_sentence *s)
{
	streamed *st = arg;
	FUZZ_CHECK(s->offset >= st->end && s->length > 0);
	st->end = s->offset + s->length;
	if (st->doc == NULL) {
		/* Chunks before the bad byte go out before the error. */
		FUZZ_CHECK(st->end <= st->bad);
		return 0;
	}
	precis_sentence want;
	FUZZ_CHECK(precis_doc_sentence(st->doc, st->n++, &want) == 0);
	FUZZ_CHECK(s->offset == want.offset && s->length == want.length &&
		   s->paragraph == want.paragraph && s->kind == want.kind);
	FUZZ_CHECK(memcmp(text, precis_doc_text(st->doc, NULL) + s->offset,
			  s->length) == 0);
	return 0;
}

/* Feeds text in pieces of 1 to 16 bytes, cutting as soon as `chunk` bytes
 * are held (0: the library's chunk, which fuzz inputs rarely reach); the
 * outcome must be the doc's. */
static void check_stream(precis_ctx *ctx, const char *text, size_t len,
			 unsigned flags, size_t chunk, const precis_doc *doc,
			 int doc_rc, const precis_error *doc_err)
{
	precis_splitter *sp = NULL;
	precis_error err;
	streamed st = { doc, doc_rc != 0 ? doc_err->offset : 0, 0, 0 };
	FUZZ_CHECK(precis_splitter_new(&sp, ctx, flags & ~PRECIS_DOC_SPLIT_ONLY,
				       &err) == 0);
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
		FUZZ_CHECK(st.n == precis_doc_sentence_count(doc) &&
			   precis_splitter_repairs(sp) == precis_doc_repairs(doc));
	precis_splitter_free(sp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER];
	size_t len;
	const char *text = fuzz_header(data, size, h, HEADER, &len);

	check_fold(text, len);

	precis_error err;
	precis_ctx *ctx = NULL;
	int rc = precis_ctx_new(&ctx, languages[h[1] % NLANGUAGES], &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_LANGUAGE && ctx == NULL);
		return 0;
	}
	unsigned flags = PRECIS_DOC_SPLIT_ONLY;
	if (h[0] & 1u)
		flags |= PRECIS_DOC_LENIENT;
	if (h[0] & 2u)
		flags |= PRECIS_DOC_JOIN_LINES;

	precis_doc *doc = NULL;
	size_t bad = fuzz_utf8_check(text, len);
	rc = precis_doc_new(&doc, ctx, text, len, NULL, flags, &err);
	size_t chunk = (size_t)(h[0] >> 2) * (h[0] >> 2);
	check_stream(ctx, text, len, flags, chunk, doc, rc, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == PRECIS_ERR_UTF8 && err.code == rc);
		FUZZ_CHECK(!(flags & PRECIS_DOC_LENIENT) && bad < len);
		FUZZ_CHECK(doc == NULL);
		precis_ctx_free(ctx);
		return 0;
	}
	size_t tlen;
	const char *dtext = precis_doc_text(doc, &tlen);
	FUZZ_CHECK(dtext != NULL && fuzz_utf8_check(dtext, tlen) == tlen);

	size_t n = precis_doc_sentence_count(doc);
	size_t end = 0, para = 0;
	for (size_t i = 0; i < n; i++) {
		precis_sentence s;
		FUZZ_CHECK(precis_doc_sentence(doc, i, &s) == 0);
		FUZZ_CHECK(s.length > 0);
		FUZZ_CHECK(s.offset >= end); /* ordered, no overlap */
		FUZZ_CHECK(s.offset <= tlen && s.length <= tlen - s.offset);
		FUZZ_CHECK(fuzz_utf8_boundary(dtext, tlen, s.offset));
		FUZZ_CHECK(fuzz_utf8_boundary(dtext, tlen, s.offset + s.length));
		FUZZ_CHECK(s.kind == PRECIS_UNIT_SENTENCE ||
			   s.kind == PRECIS_UNIT_LINE);
		FUZZ_CHECK(s.paragraph >= para);
		para = s.paragraph;
		end = s.offset + s.length;
		check_fold(dtext + s.offset, s.length);
	}
	precis_sentence s;
	FUZZ_CHECK(precis_doc_sentence(doc, n, &s) != 0);
	size_t toff, tl;
	if (precis_doc_title(doc, &toff, &tl) != 0)
		FUZZ_CHECK(toff <= tlen && tl <= tlen - toff);

	/* A split-only document cannot be summarized. */
	precis_summary *sum = NULL;
	FUZZ_CHECK(precis_summarize(&sum, ctx, doc, NULL, &err) != 0);
	FUZZ_CHECK(sum == NULL);

	precis_doc_free(doc);
	precis_ctx_free(ctx);
	return 0;
}
