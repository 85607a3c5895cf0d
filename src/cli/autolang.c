/*
 * autolang.c - a document read in the language it is detected in; a
 * thread keeps one context for another language than its own, since a
 * batch in one language meets the same one record after record.
 */
#include <string.h>

#include "cli/autolang.h"

/* Bytes precis_detect_language() looks at. */
#define LOOK 4096

/* The context for `lang`: the thread's own, the one kept, or a new one in
 * place of that. */
static precis_ctx *ctx_for(autolang *al, precis_ctx *ctx, const char *lang,
			   precis_error *err)
{
	if (lang == NULL || strcmp(lang, precis_ctx_language(ctx)) == 0)
		return ctx;
	if (al->other != NULL && strcmp(lang, precis_ctx_language(al->other)) == 0)
		return al->other;
	autolang_clear(al);
	if (al->make(al->payload, lang, &al->other, err) != 0)
		return NULL;
	return al->other;
}

int autolang_read(autolang *al, precis_ctx **ctx, const char *text, size_t len,
		  const precis_read_options *ro, precis_doc **doc,
		  precis_error *err)
{
	*doc = NULL;
	precis_ctx *c = ctx_for(al, *ctx, precis_detect_language(al->det, text, len, NULL), err);
	if (c == NULL || precis_doc_read(doc, c, text, len, ro, err) != 0)
		return -1;
	size_t tlen;
	const char *t = precis_doc_text(*doc, &tlen);
	size_t look = tlen < LOOK ? tlen : LOOK;
	if (t != text && (look > len || memcmp(t, text, look) != 0)) {
		const char *lang = precis_detect_language(al->det, t, tlen, NULL);
		if (lang != NULL && strcmp(lang, precis_ctx_language(c)) != 0) {
			/* The document goes before the context it was read with
			 * may be replaced. */
			precis_doc_free(*doc);
			*doc = NULL;
			if ((c = ctx_for(al, *ctx, lang, err)) == NULL ||
			    precis_doc_read(doc, c, text, len, ro, err) != 0)
				return -1;
		}
	}
	*ctx = c;
	return 0;
}

void autolang_clear(autolang *al)
{
	precis_ctx_free(al->other);
	al->other = NULL;
}
