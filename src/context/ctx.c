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
	free(ctx->idf_cache);
	if (ctx->shipped_model_free != NULL)
		ctx->shipped_model_free(ctx->shipped_model);
	free(ctx);
}

const char *precis_ctx_language(const precis_ctx *ctx)
{
	return ctx ? ctx->lang.info->code : NULL;
}
