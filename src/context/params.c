/*
 * params.c - the tunable parameters of ranking and selection: names, bounds
 * and defaults in one table. Defaults were chosen on the tuning split only
 * (see tests/bench/tune.sh); never on a report file.
 */
#include "base/internal.h"
#include "context/ctx.h"

typedef struct param_spec {
	const char *name;
	double lo, hi, def;
} param_spec;

static const param_spec specs[PRECIS_PARAM_COUNT_] = {
	[PRECIS_PARAM_POSITION_WEIGHT] = { "position-weight", 0.0, 100.0, 1.5 },
	[PRECIS_PARAM_POSITION_DECAY] = { "position-decay", 0.0, 10.0, 1.0 },
	[PRECIS_PARAM_PARAGRAPH_WEIGHT] = { "paragraph-weight", 0.0, 100.0, 0.1 },
	[PRECIS_PARAM_TITLE_WEIGHT] = { "title-weight", 0.0, 100.0, 0.3 },
	[PRECIS_PARAM_REDUNDANCY] = { "redundancy", 0.0, 1.0, 0.5 },
	[PRECIS_PARAM_MIN_WORDS] = { "min-words", 0.0, 1000.0, 5.0 },
	[PRECIS_PARAM_LUHN_MIN_COUNT] = { "luhn-min-count", 1.0, 1000.0, 2.0 },
	[PRECIS_PARAM_LUHN_GAP] = { "luhn-gap", 0.0, 100.0, 4.0 },
	[PRECIS_PARAM_EDMUNDSON_CUE] = { "edmundson-cue", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_EDMUNDSON_KEY] = { "edmundson-key", 0.0, 100.0, 0.0 },
	[PRECIS_PARAM_EDMUNDSON_TITLE] = { "edmundson-title", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_EDMUNDSON_LOCATION] = { "edmundson-location", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_LEXRANK_THRESHOLD] = { "lexrank-threshold", 0.0, 1.0, 0.0 },
	[PRECIS_PARAM_LEXRANK_JUMP] = { "lexrank-jump", 0.0, 1.0, 0.15 },
	[PRECIS_PARAM_TEXTRANK_DAMPING] = { "textrank-damping", 0.0, 1.0, 0.85 },
	[PRECIS_PARAM_LSA_SIGMA_RATIO] = { "lsa-sigma-ratio", 0.0, 1.0, 0.5 },
	[PRECIS_PARAM_CENTROID_POSITION] = { "centroid-position", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_CENTROID_FIRST] = { "centroid-first", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_CENTROID_REDUNDANCY] = { "centroid-redundancy", 0.0, 100.0, 1.0 },
	[PRECIS_PARAM_LENGTH_TARGET] = { "length-target", 0.0, 1000.0, 25.0 },
	[PRECIS_PARAM_LENGTH_WEIGHT] = { "length-weight", 0.0, 100.0, 0.4 },
	/* Far above any news article (the data sets' longest has about 250
	 * sentences), so they keep the exact graph; past it the sparse one
	 * keeps time and memory linear (knn.c). */
	[PRECIS_PARAM_GRAPH_EXACT_MAX] = { "graph-exact-max", 0.0, 1e9, 2000.0 },
};

int precis_param_bounds(precis_param id, double *lo, double *hi, double *def)
{
	if ((unsigned)id >= PRECIS_PARAM_COUNT_)
		return PRECIS_ERR_ARG;
	if (lo != NULL)
		*lo = specs[id].lo;
	if (hi != NULL)
		*hi = specs[id].hi;
	if (def != NULL)
		*def = specs[id].def;
	return 0;
}

const char *precis_param_name(precis_param id)
{
	return (unsigned)id < PRECIS_PARAM_COUNT_ ? specs[id].name : NULL;
}

void precis__params_default(double *params)
{
	for (int i = 0; i < PRECIS_PARAM_COUNT_; i++)
		params[i] = specs[i].def;
}

int precis_ctx_set_param(precis_ctx *ctx, precis_param id, double value)
{
	if (ctx == NULL || (unsigned)id >= PRECIS_PARAM_COUNT_)
		return PRECIS_ERR_ARG;
	/* The negated test also rejects NaN. */
	if (!(value >= specs[id].lo && value <= specs[id].hi))
		return PRECIS_ERR_ARG;
	ctx->params[id] = value;
	return 0;
}

double precis_ctx_get_param(const precis_ctx *ctx, precis_param id)
{
	if (ctx == NULL || (unsigned)id >= PRECIS_PARAM_COUNT_)
		return 0.0;
	return ctx->params[id];
}
