/*
 * tokenize.c - word scanning and the context's stem cache.
 */
#include <string.h>

#include "base/internal.h"
#include "base/text.h"
#include "base/unicode.h"
#include "context/ctx.h"
#include "doc/tokenize.h"

/* Code point at s[i] (valid UTF-8) and its length. */
static size_t cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return precis__utf8_decode((const unsigned char *)s + i, n - i, cp);
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

int precis__next_word(const char *s, size_t n, size_t pos, size_t *ws,
		      size_t *we)
{
	int32_t cp;
	size_t i = pos, k;
	while (i < n) {
		k = cp_at(s, n, i, &cp);
		if (precis__uc_is_word((uint32_t)cp))
			break;
		i += k;
	}
	if (i >= n)
		return 0;
	*ws = i;
	while (i < n) {
		k = cp_at(s, n, i, &cp);
		if (precis__uc_is_word((uint32_t)cp)) {
			i += k;
			continue;
		}
		/* An apostrophe stays when a word character follows: don't, Xi’s. */
		int32_t next;
		if (is_apostrophe(cp) && i + k < n &&
		    (cp_at(s, n, i + k, &next), precis__uc_is_word((uint32_t)next))) {
			i += k;
			continue;
		}
		break;
	}
	*we = i;
	return 1;
}

/* The term id of a folded word (or PRECIS__STOPWORD), uncached. */
static int64_t stem_term(precis_ctx *ctx, const char *w, size_t n)
{
	if (precis__lang_is_stopword(&ctx->lang, w, n))
		return PRECIS__STOPWORD;
	size_t sl;
	const char *stem = precis__lang_stem(&ctx->lang, w, n, &sl);
	if (stem == NULL)
		return PRECIS_ERR_NOMEM;
	int64_t tid = precis__strtab_intern(&ctx->terms, stem, sl, NULL);
	return tid < 0 ? PRECIS_ERR_NOMEM : tid;
}

/*
 * The term id of a folded word, stemming and caching it when new. Room for
 * the cache entry is made before the word is interned, and an entry whose
 * stemming failed stays PRECIS__UNKNOWN, so an allocation failure never
 * leaves the cache answering wrongly.
 */
static int64_t term_of(precis_ctx *ctx, const char *w, size_t n)
{
	if (precis__grow((void **)&ctx->surface_term, &ctx->surface_cap,
			 ctx->surface.n + 1, sizeof *ctx->surface_term) != 0)
		return PRECIS_ERR_NOMEM;
	int added;
	int64_t sid = precis__strtab_intern(&ctx->surface, w, n, &added);
	if (sid < 0)
		return PRECIS_ERR_NOMEM;
	if (added)
		ctx->surface_term[sid] = PRECIS__UNKNOWN;
	if (ctx->surface_term[sid] != PRECIS__UNKNOWN)
		return ctx->surface_term[sid];
	int64_t tid = stem_term(ctx, w, n);
	if (tid != PRECIS_ERR_NOMEM)
		ctx->surface_term[sid] = (int32_t)tid;
	return tid;
}

int precis__tokenize(precis_ctx *ctx, const char *text, size_t start,
		     size_t end, precis__terms *out, size_t *words,
		     precis_error *err)
{
	size_t ws, we, pos = start, count = 0;
	char buf[512];
	while (precis__next_word(text, end, pos, &ws, &we)) {
		pos = we;
		count++;
		size_t n = precis__fold_word(text + ws, we - ws, buf, sizeof buf);
		if (n == 0)
			continue; /* absurdly long: not a term worth matching */
		int64_t tid = term_of(ctx, buf, n);
		if (tid == PRECIS__STOPWORD)
			continue;
		if (tid < 0 || PRECIS__VEC_RESERVE(out, out->n + 1) != 0)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		out->v[out->n++] = (uint32_t)tid;
	}
	*words = count;
	return 0;
}

const char *precis__term_string(const precis_ctx *ctx, uint32_t id,
				size_t *len)
{
	return precis__strtab_get(&ctx->terms, id, len);
}
