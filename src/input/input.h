/*
 * input.h - the input stage: the bytes of a document in some format and
 * encoding -> the text the pipeline reads (UTF-8; wrapped lines joined,
 * markup removed, paragraphs separated by blank lines), with a map back
 * to source byte offsets. The text is what a reader of the document sees,
 * so it is what summaries print; offsets reported to users are source
 * offsets (srcmap.h).
 */
#ifndef PRECIS_INPUT_INPUT_H
#define PRECIS_INPUT_INPUT_H

#include <stddef.h>

#include "input/decode.h"
#include "input/srcmap.h"
#include "precis.h"

#define PRECIS__WIDTH_ESTIMATE ((size_t)-1)

typedef struct precis__input_opts {
	int format;           /* precis_input_format */
	int wrap;             /* precis_wrap (plain text) */
	const char *name;     /* a file name, for the extension; may be NULL */
	const char *encoding; /* NULL: UTF-8, or what a byte order mark says */
	int lenient;          /* replace invalid sequences instead of failing */
	size_t width;         /* plain text: the wrap width (0: none), or
				 PRECIS__WIDTH_ESTIMATE */
	int continued;        /* the bytes go on a stream: a leading BOM is a
				 character, not a mark, and lone CRs stay
				 (the stream had an LF before) */
	int borrow;           /* src[len] is a NUL and src outlives the input:
				 a text that is the source unchanged is not
				 copied but borrowed */
} precis__input_opts;

typedef struct precis__input {
	char *text;             /* NUL-terminated, owned unless `borrowed` */
	int borrowed;           /* text is the caller's source (opts.borrow) */
	size_t len;
	int format;             /* what it was read as (never AUTO) */
	precis__utf8 utf8;      /* the decoded source; its text is released
				   once `text` is built, its maps are kept */
	precis__pieces pieces;  /* text -> utf8 offsets */
	int has_title;          /* a title the format marks in the text (a
				   Markdown heading, an HTML page's title) */
	size_t title_off, title_len;
	size_t width;           /* plain text: the wrap width used */
	size_t srclen;          /* bytes of the source */
	struct precis__html_result_s *html; /* a page's map (html_input.c) */
} precis__input;

/* Reads src[0, len); PRECIS_ERR_UTF8 (with the source offset) for bytes
 * invalid in the encoding, PRECIS_ERR_ARG for an unknown encoding or
 * format. *in is zeroed first and may be freed after a failure. */
int precis__input_read(precis__input *in, const char *src, size_t len,
		       const precis__input_opts *o, precis_error *err);
void precis__input_free(precis__input *in);

/* The source offset of text offset t. */
size_t precis__input_source(const precis__input *in, size_t t);
/* The source span of the text span [t, t + n). */
void precis__input_source_span(const precis__input *in, size_t t, size_t n,
			       size_t *s, size_t *slen);

/* The format `AUTO` resolves to: the extension of `name`, then the text. */
int precis__input_detect(const char *name, const char *text, size_t len);
/* What a file that is no text is, by its first bytes ("a PDF document",
 * "a ZIP archive"...), with what to do about it; NULL for anything else.
 * Such bytes read as text give garbage or "invalid UTF-8", which sends a
 * user looking for an encoding. */
const char *precis__input_binary(const char *src, size_t len);
/* Whether that format is HTML (the same verdict, without the look for
 * Markdown's marks through the whole text). */
int precis__input_is_html(const char *name, const char *text, size_t len);

/* The text of one format (text.c, markdown.c, html.c): u[0, len) valid
 * UTF-8 -> in->text and in->pieces (text -> u offsets). Plain text that
 * is u unchanged leaves in->text NULL: the caller keeps u, not a copy. */
int precis__input_text(precis__input *in, const char *u, size_t len,
		       const precis__input_opts *o);
int precis__input_markdown(precis__input *in, const char *u, size_t len);
int precis__input_subtitles(precis__input *in, const char *u, size_t len);
/* Whether u[0, len) starts as WebVTT ("WEBVTT") or SubRip (a cue number,
 * then a timing line) does. */
int precis__looks_subtitles(const char *u, size_t len);
/* A web page, from its raw bytes (`charset`: the caller's hint, or NULL). */
int precis__input_html(precis__input *in, const char *src, size_t len,
		       const char *charset);
void precis__input_html_free(precis__input *in);
void precis__input_html_span(const precis__input *in, size_t t, size_t n,
			     size_t *s, size_t *slen);

#endif
