/*
 * autolang.h - reading a document in the language it is detected in
 * (-l auto, summarize's and keywords' default): a thread's contexts for
 * the languages it meets.
 */
#ifndef PRECIS_CLI_AUTOLANG_H
#define PRECIS_CLI_AUTOLANG_H

#include "precis.h"

/* Makes a context for `language` as the command makes its own: 0, or -1
 * with err filled. */
typedef int (*autolang_ctx_fn)(const void *payload, const char *language,
			       precis_ctx **ctx, precis_error *err);

typedef struct autolang {
	const precis_detector *det; /* shared by every thread, only read */
	autolang_ctx_fn make;
	const void *payload;        /* make's */
	precis_ctx *other;          /* this thread's for the last other
				       language met, kept for the next */
} autolang;

/*
 * Reads text[0, len) with `ro` into *doc, in the language detected: from
 * the bytes as they came (telling for plain text and Markdown), then, when
 * the text read from them differs (a web page, another encoding), from
 * that text, and again in its language when it is another. *ctx is the
 * thread's context on entry and the one the document was read with on
 * return (the thread's, or al->other). 0, or -1 with err filled.
 */
int autolang_read(autolang *al, precis_ctx **ctx, const char *text, size_t len,
		  const precis_read_options *ro, precis_doc **doc,
		  precis_error *err);

/* Frees the context kept (al->other). */
void autolang_clear(autolang *al);

#endif
