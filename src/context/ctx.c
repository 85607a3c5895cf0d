/*
 * ctx.c - creating and freeing contexts.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "context/ctx.h"


int precis_ctx_new(precis_ctx **out, const char *language, precis_error *err)
{
	precis__clear(err);
	if (out == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "no output pointer");
	*out = NULL;
	precis_ctx *ctx = calloc(1, sizeof *ctx);
	if (ctx == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = precis__lang_open(&ctx->lang, language, err);
	if (rc != 0) {
		free(ctx);
		return rc;
	}
	precis__params_default(ctx->params);
	*out = ctx;
	return 0;
}

void precis_ctx_free(precis_ctx *ctx)
{
	if (ctx == NULL)
		return;
	precis__lang_close(&ctx->lang);
	precis__strtab_clear(&ctx->surface);
	precis__strtab_clear(&ctx->terms);
	free(ctx->surface_term);
	free(ctx->short_words);
	free(ctx->idf_cache);
	free(ctx->local_of);
	if (ctx->shipped_model_free != NULL)
		ctx->shipped_model_free(ctx->shipped_model);
	free(ctx);
}

const char *precis_ctx_language(const precis_ctx *ctx)
{
	return ctx ? ctx->lang.info->code : NULL;
}

/* The stem cache remembers which words are stopwords: it starts afresh. */
static void forget_surfaces(precis_ctx *ctx)
{
	precis__strtab_clear(&ctx->surface);
	free(ctx->surface_term);
	ctx->surface_term = NULL;
	ctx->surface_cap = 0;
	free(ctx->short_words);
	ctx->short_words = NULL;
}

int precis_ctx_set_stopwords(precis_ctx *ctx, const char *list, size_t len,
			     precis_error *err)
{
	precis__clear(err);
	if (ctx == NULL || (list == NULL && len > 0))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	forget_surfaces(ctx);
	int rc = list != NULL ? precis__lang_stopwords_parse(&ctx->lang, list, len, err)
			      : precis__lang_stopwords_default(&ctx->lang, err);
	if (rc != 0)
		precis__lang_stopwords_default(&ctx->lang, NULL);
	return rc;
}
