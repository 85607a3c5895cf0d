/*
 * lex.c - what a token becomes before counting: dropped (stopword, with
 * 1.5.5's -s), its WordNet 2.0 base form (1.5.5's exception database, tried
 * first with -m and never stemmed again: mice -> mouse), or its stem
 * (1.5.5's own Porter variant, porter.c, only for tokens longer than 3
 * bytes; the language's Snowball stemmer for the Unicode tokenizer). Each
 * distinct token is resolved once per context and cached by vocabulary id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/resources.h"
#include "context/lang.h"
#include "rouge/internal.h"

#define WORDNET "rouge/wordnet-2.0-exceptions.tsv"
#define SMART "rouge/smart_common_words.txt"
/* Past these the token cache is dropped between pairs. */
#define TRIM_WORDS ((size_t)1 << 21)
#define TRIM_BYTES ((size_t)32 << 20)

/* A Snowball algorithm that is not a language ("porter") may be named
 * directly. */
static const char *const algorithms[] = { "porter", NULL };

const char *precis__rouge_stemmer_name(const char *language)
{
	if (language == NULL)
		return "english";
	const precis__lang_info *l = precis__lang_find(language);
	if (l != NULL)
		return l->stemmer != NULL ? l->stemmer : "";
	for (const char *const *a = algorithms; *a != NULL; a++)
		if (strcmp(language, *a) == 0)
			return *a;
	return NULL;
}

/* Interns s[0, n) in `t` as a uint32 id. 0 or PRECIS_ERR_NOMEM. */
static int put(precis__strtab *t, const char *s, size_t n, uint64_t hash,
	       uint32_t *id)
{
	int64_t r = precis__strtab_intern_hashed(t, s, n, hash, NULL);
	if (r < 0)
		return PRECIS_ERR_NOMEM;
	*id = (uint32_t)r;
	return 0;
}

/* The id of s[0, n) in `t`, or ROUGE_NONE. */
static uint32_t get(const precis__strtab *t, const char *s, size_t n,
		    uint64_t hash)
{
	int64_t r = precis__strtab_find_hashed(t, s, n, hash);
	return r < 0 ? ROUGE_NONE : (uint32_t)r;
}

/* Calls `fn` on each non-empty line of `text`, without "\n" or "\r". */
typedef int (*line_fn)(rouge_lex *lx, const char *s, size_t n);

static int each_line(rouge_lex *lx, const char *text, size_t len, line_fn fn)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		size_t n = (size_t)(stop - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0 && fn(lx, p, n) != 0)
			return PRECIS_ERR_NOMEM;
		p = stop + 1;
	}
	return 0;
}

static int add_stop(rouge_lex *lx, const char *s, size_t n)
{
	uint32_t id;
	return put(&lx->stop, s, n, precis__hash(s, n), &id);
}

/* "inflected<TAB>base": both go to lx->exc, exc_base links them. */
static int add_exc(rouge_lex *lx, const char *s, size_t n)
{
	const char *tab = memchr(s, '\t', n);
	if (tab == NULL)
		return 0;
	size_t kn = (size_t)(tab - s), bn = n - kn - 1, old = lx->exc.n;
	uint32_t k, b;
	if (put(&lx->exc, s, kn, precis__hash(s, kn), &k) ||
	    put(&lx->exc, tab + 1, bn, precis__hash(tab + 1, bn), &b))
		return PRECIS_ERR_NOMEM;
	if (precis__grow((void **)&lx->exc_base, &lx->exc_base_cap, lx->exc.n,
			 sizeof *lx->exc_base) != 0)
		return PRECIS_ERR_NOMEM;
	for (size_t i = old; i < lx->exc.n; i++)
		lx->exc_base[i] = ROUGE_NONE;
	lx->exc_base[k] = b;
	return 0;
}

static int load(rouge_lex *lx, const char *name, line_fn fn,
		precis_error *err)
{
	const precis__resource *res = precis__resource_find(name);
	if (res == NULL)
		return precis__fail(err, PRECIS_ERR_IO,
				    "ROUGE resource %s is missing", name);
	if (each_line(lx, res->data, res->len, fn) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return 0;
}

/* -s: ROUGE's SMART list; for another language with the Unicode
 * tokenizer, precis's list for it (data/stopwords/<snowball name>.txt). */
static int load_stopwords(rouge_lex *lx, const precis_rouge_options *o,
			  const char *algo, precis_error *err)
{
	if (o->tokenizer == PRECIS_ROUGE_TOKENIZE_ROUGE155 ||
	    strcmp(algo, "english") == 0 || strcmp(algo, "porter") == 0)
		return load(lx, SMART, add_stop, err);
	char name[64];
	snprintf(name, sizeof name, "stopwords/%s.txt", algo);
	if (*algo == '\0' || precis__resource_find(name) == NULL)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "no stopword list for language '%s'",
				    o->language);
	return load(lx, name, add_stop, err);
}

static int open_stemmer(rouge_lex *lx, const char *algo, precis_error *err)
{
	if (*algo == '\0')
		return 0; /* a language without stemmer: tokens stay whole */
	int rc = precis__stemmer_new(&lx->stemmer, algo);
	if (rc == PRECIS_ERR_LANGUAGE)
		return precis__fail(err, rc, "no Snowball stemmer '%s'", algo);
	return rc != 0 ? precis__fail(err, rc, NULL) : 0;
}

int precis__rouge_lex_init(rouge_lex *lx, const precis_rouge_options *o,
			   precis_error *err)
{
	int rouge155 = o->tokenizer == PRECIS_ROUGE_TOKENIZE_ROUGE155;
	const char *algo = rouge155 ? "english"
				    : precis__rouge_stemmer_name(o->language);
	memset(lx, 0, sizeof *lx);
	if (algo == NULL)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "unknown language '%s'", o->language);
	int rc = 0;
	if (o->stopwords) {
		lx->use_stop = 1;
		rc = load_stopwords(lx, o, algo, err);
	}
	if (rc == 0 && o->stem && rouge155) {
		lx->min_stem = 4;
		lx->use_exc = 1;
		lx->porter = 1;
		rc = load(lx, WORDNET, add_exc, err);
	} else if (rc == 0 && o->stem) {
		lx->min_stem = 1;
		rc = open_stemmer(lx, algo, err);
	}
	if (rc != 0)
		precis__rouge_lex_free(lx);
	return rc;
}

void precis__rouge_lex_free(rouge_lex *lx)
{
	precis__strtab_clear(&lx->vocab);
	precis__strtab_clear(&lx->exc);
	precis__strtab_clear(&lx->stop);
	free(lx->term);
	free(lx->exc_base);
	free(lx->fold);
	free(lx->sbuf);
	precis__stemmer_free(lx->stemmer);
	memset(lx, 0, sizeof *lx);
}

void precis__rouge_lex_trim(rouge_lex *lx)
{
	if (lx->vocab.n > TRIM_WORDS || lx->vocab.pool_n > TRIM_BYTES) {
		precis__strtab_reset(&lx->vocab);
		lx->term_cap = 0;
	}
}

/* Interns s[0, n) as a term (a stem or base form). */
static int intern(rouge_lex *lx, const char *s, size_t n, uint32_t *id)
{
	return put(&lx->vocab, s, n, precis__hash(s, n), id);
}

static int resolve(rouge_lex *lx, uint32_t id, const char *s, size_t len,
		   uint32_t *term)
{
	uint64_t h = lx->vocab.v[id].hash;
	if (lx->use_stop &&
	    get(&lx->stop, s, len, h) != ROUGE_NONE) {
		*term = ROUGE_DROP;
		return 0;
	}
	if ((lx->stemmer == NULL && !lx->porter) || len < lx->min_stem) {
		*term = id;
		return 0;
	}
	uint32_t e = lx->use_exc ? get(&lx->exc, s, len, h) : ROUGE_NONE;
	if (e != ROUGE_NONE && lx->exc_base[e] != ROUGE_NONE) {
		size_t bn;
		const char *b = precis__strtab_get(&lx->exc, lx->exc_base[e], &bn);
		return intern(lx, b, bn, term);
	}
	if (lx->porter) {
		if (precis__grow((void **)&lx->sbuf, &lx->sbuf_cap, len, 1) != 0)
			return PRECIS_ERR_NOMEM;
		memcpy(lx->sbuf, s, len);
		return intern(lx, lx->sbuf, precis__rouge_porter(lx->sbuf, len),
			      term);
	}
	size_t sn;
	const char *st = precis__stemmer_stem(lx->stemmer, s, len, &sn);
	if (st == NULL)
		return PRECIS_ERR_NOMEM;
	return intern(lx, st, sn, term);
}

static int grow_terms(rouge_lex *lx, size_t need)
{
	static const size_t unit = sizeof *lx->term;
	size_t cap = lx->term_cap, ncap = cap ? cap : 1024;
	while (ncap < need)
		ncap *= 2;
	uint32_t *t = realloc(lx->term, ncap * unit);
	if (t == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t i = cap; i < ncap; i++)
		t[i] = ROUGE_NONE;
	lx->term = t;
	lx->term_cap = ncap;
	return 0;
}

int precis__rouge_lex_term(rouge_lex *lx, const char *s, size_t len,
			   uint64_t hash, uint32_t *term)
{
	uint32_t id;
	if (put(&lx->vocab, s, len, hash, &id) != 0)
		return PRECIS_ERR_NOMEM;
	if (id >= lx->term_cap && grow_terms(lx, (size_t)id + 1) != 0)
		return PRECIS_ERR_NOMEM;
	if (lx->term[id] == ROUGE_NONE) {
		uint32_t t;
		if (resolve(lx, id, s, len, &t) != 0)
			return PRECIS_ERR_NOMEM;
		lx->term[id] = t;
	}
	*term = lx->term[id];
	return 0;
}
