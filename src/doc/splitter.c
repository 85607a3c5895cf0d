/*
 * splitter.c - sentence splitting of a stream. Bytes wait in a buffer until
 * it holds a blank line past SPLIT_CHUNK bytes; the text before that line is
 * then checked, segmented and handed out, so memory stays near the chunk
 * size (plus the longest paragraph) however long the input.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/text.h"
#include "context/ctx.h"
#include "doc/splitter.h"
#include "segment/segment.h"

/* Large enough that per-chunk overhead vanishes, small enough to stay in
 * cache-friendly territory and to show output early on a slow pipe. */
#define SPLIT_CHUNK ((size_t)1 << 18)

struct precis_splitter {
	const precis__segrules *rules;
	unsigned flags;
	char *buf;         /* raw bytes not yet split */
	size_t len, cap;
	size_t scan;       /* resume point of the blank-line scan in buf */
	int line_ended;    /* a line break came since that scan */
	size_t raw;        /* raw input bytes before buf[0] */
	size_t base;       /* text offset of buf[0]: repaired bytes before it */
	size_t para;       /* paragraphs before buf[0] */
	size_t repairs;
	size_t chunk;      /* bytes to gather before looking for a cut */
	int started;       /* a chunk was split: no BOM from here on */
	int failed;        /* an error ended the stream */
};

int precis_splitter_new(precis_splitter **out, const precis_ctx *ctx,
			unsigned flags, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || ctx == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = calloc(1, sizeof **out);
	if (*out == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	(*out)->rules = ctx->lang.rules;
	(*out)->flags = flags;
	(*out)->chunk = SPLIT_CHUNK;
	return 0;
}

void precis_splitter_free(precis_splitter *sp)
{
	if (sp == NULL)
		return;
	free(sp->buf);
	free(sp);
}

void precis__splitter_chunk(precis_splitter *sp, size_t bytes)
{
	sp->chunk = bytes;
}

size_t precis_splitter_repairs(const precis_splitter *sp)
{
	return sp ? sp->repairs : 0;
}

/* buf[0, n) as checked text: itself when valid, a repaired copy when
 * lenient (*copy set), else the error. */
static int checked(precis_splitter *sp, size_t n, const char **text,
		   size_t *tlen, char **copy, precis_error *err)
{
	size_t bad, fixes;
	*copy = NULL;
	*text = sp->buf ? sp->buf : ""; /* nothing was ever fed */
	*tlen = n;
	if (precis__utf8_valid(*text, n, &bad))
		return 0;
	if (!(sp->flags & PRECIS_DOC_LENIENT))
		return precis__fail_at(err, PRECIS_ERR_UTF8, sp->raw + bad,
				       "invalid UTF-8");
	if (precis__utf8_repair(sp->buf, n, copy, tlen, &fixes) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	sp->repairs += fixes;
	*text = *copy;
	return 0;
}

static int hand_out(precis_splitter *sp, const char *text,
		    const precis__units *u, precis_sentence_fn fn, void *arg)
{
	for (size_t i = 0; i < u->n; i++) {
		const precis__unit *x = &u->v[i];
		precis_sentence s = { sp->base + x->start, x->end - x->start,
				      sp->para + x->paragraph, 0, x->kind };
		int rc = fn(arg, text + x->start, &s);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Splits buf[0, n), hands its sentences out and drops those bytes. */
static int split_chunk(precis_splitter *sp, size_t n, precis_sentence_fn fn,
		       void *arg, precis_error *err)
{
	const char *text;
	char *copy;
	size_t tlen;
	int rc = checked(sp, n, &text, &tlen, &copy, err);
	if (rc != 0)
		return rc;
	size_t bom = sp->started ? 0 : precis__bom_len(text, tlen);
	precis__units u = { 0 };
	rc = precis__segment(sp->rules, text + bom, tlen - bom,
			     precis__seg_flags(sp->flags), &u, err);
	for (size_t i = 0; rc == 0 && i < u.n; i++) {
		u.v[i].start += bom;
		u.v[i].end += bom;
	}
	if (rc == 0)
		rc = hand_out(sp, text, &u, fn, arg);
	if (rc == 0) {
		/* The chunk ends in a blank line: the next paragraph is new. */
		sp->para += u.paragraphs;
		sp->base += tlen;
		sp->raw += n;
		sp->started = 1;
		if (sp->len > n)
			memmove(sp->buf, sp->buf + n, sp->len - n);
		sp->len -= n;
		sp->scan = sp->scan > n ? sp->scan - n : 0;
	}
	precis__units_free(&u);
	free(copy);
	return rc;
}

int precis_splitter_feed(precis_splitter *sp, const char *data, size_t len,
			 precis_sentence_fn fn, void *arg, precis_error *err)
{
	precis__clear(err);
	if (sp == NULL || fn == NULL || (data == NULL && len > 0) || sp->failed)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (len > SIZE_MAX - sp->len ||
	    precis__grow((void **)&sp->buf, &sp->cap, sp->len + len, 1) != 0) {
		sp->failed = 1;
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	if (len > 0) {
		memcpy(sp->buf + sp->len, data, len);
		sp->line_ended |= memchr(data, '\n', len) != NULL;
	}
	sp->len += len;
	/* The scan resumes at the start of the last line: until that line
	 * ends, scanning again finds nothing, and would read it over and over
	 * (quadratic in a line of megabytes). */
	if (sp->len < sp->chunk || !sp->line_ended)
		return 0;
	sp->line_ended = 0;
	size_t cut = precis__segment_cut(sp->rules, sp->buf, sp->len, &sp->scan);
	int rc = cut > 0 ? split_chunk(sp, cut, fn, arg, err) : 0;
	sp->failed = rc != 0;
	return rc;
}

int precis_splitter_finish(precis_splitter *sp, precis_sentence_fn fn,
			   void *arg, precis_error *err)
{
	precis__clear(err);
	if (sp == NULL || fn == NULL || sp->failed)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	int rc = split_chunk(sp, sp->len, fn, arg, err);
	sp->failed = 1; /* the stream is over either way */
	return rc;
}
