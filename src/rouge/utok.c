/*
 * utok.c - the Unicode tokenizer of ROUGE (--tokenize=unicode), for
 * text 1.5.5's ASCII rules would shred: each summary is NFKC-normalized and
 * case-folded (utf8proc), then words are runs of letters, marks and digits
 * (Unicode categories L*, M*, N*), with an apostrophe (' or U+2019, both
 * read as ') kept between two word characters. Han ideographs and kana,
 * written without spaces, are one token each. Everything else separates.
 * Length limits apply to the normalized lines, cut on character boundaries.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/unicode.h"
#include "rouge/internal.h"

enum { SEP, WORD, CJK, APOS };

/* The shared character classes (base/unicode.h): ideographs and kana are
 * a token each; letters, marks and numbers make words. */
static int classify(utf8proc_int32_t c)
{
	if (c == '\'' || c == 0x2019)
		return APOS;
	unsigned k = precis__uc_class((uint32_t)c);
	if (k & PRECIS__UC_IDEO)
		return CJK;
	return (k & PRECIS__UC_WORD) ? WORD : SEP;
}

typedef struct scan {
	const uint8_t *s;
	size_t len, i;
} scan;

/* The next code point and its class; 0 at the end. */
static int next(scan *sc, utf8proc_int32_t *cp, size_t *bytes, int *cls)
{
	if (sc->i >= sc->len)
		return 0;
	utf8proc_ssize_t k = utf8proc_iterate(sc->s + sc->i,
					      (utf8proc_ssize_t)(sc->len - sc->i),
					      cp);
	if (k <= 0) { /* not after utf8proc_map; be safe anyway */
		k = 1;
		*cp = -1;
	}
	*bytes = (size_t)k;
	*cls = *cp < 0 ? SEP : classify(*cp);
	return 1;
}

typedef struct sink {
	rouge_lex *lx;
	size_t nfold;
	uint32_t **v;
	size_t *n, *cap;
} sink;

static int add_bytes(sink *k, const uint8_t *b, size_t n)
{
	rouge_lex *lx = k->lx;
	if (precis__grow((void **)&lx->fold, &lx->fold_cap, k->nfold + n, 1))
		return PRECIS_ERR_NOMEM;
	memcpy(lx->fold + k->nfold, b, n);
	k->nfold += n;
	return 0;
}

static int flush(sink *k)
{
	if (k->nfold == 0)
		return 0;
	uint32_t t;
	size_t n = k->nfold;
	k->nfold = 0;
	if (precis__rouge_lex_term(k->lx, k->lx->fold, n,
				   precis__hash(k->lx->fold, n), &t) != 0)
		return PRECIS_ERR_NOMEM;
	if (t == ROUGE_DROP)
		return 0;
	if (precis__grow((void **)k->v, k->cap, *k->n + 1, sizeof **k->v))
		return PRECIS_ERR_NOMEM;
	(*k->v)[(*k->n)++] = t;
	return 0;
}

static int step(sink *k, scan *sc, const uint8_t *b, size_t nb, int cls)
{
	if (cls == WORD)
		return add_bytes(k, b, nb);
	if (cls == APOS && k->nfold > 0) {
		scan peek = *sc;
		utf8proc_int32_t cp;
		size_t pb;
		int pc;
		if (next(&peek, &cp, &pb, &pc) && pc == WORD)
			return add_bytes(k, (const uint8_t *)"'", 1);
	}
	if (flush(k) != 0)
		return PRECIS_ERR_NOMEM;
	if (cls == CJK) {
		if (add_bytes(k, b, nb) != 0)
			return PRECIS_ERR_NOMEM;
		return flush(k);
	}
	return 0;
}

static int tok_span(rouge_lex *lx, const char *s, size_t len, uint32_t **v,
		    size_t *n, size_t *cap)
{
	sink k = { lx, 0, v, n, cap };
	scan sc = { (const uint8_t *)s, len, 0 };
	utf8proc_int32_t cp;
	size_t nb;
	int cls;
	while (next(&sc, &cp, &nb, &cls)) {
		const uint8_t *b = sc.s + sc.i;
		sc.i += nb;
		if (step(&k, &sc, b, nb, cls) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return flush(&k);
}

/* The byte offset of the first invalid UTF-8 sequence. */
static size_t bad_offset(const char *text, size_t len)
{
	size_t i = 0;
	utf8proc_int32_t cp;
	while (i < len) {
		utf8proc_ssize_t k = utf8proc_iterate(
			(const uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return len;
}

int precis__rouge_tokenize_unicode(precis_rouge *r, const char *text,
				   size_t len, rouge_text *out,
				   precis_error *err)
{
	rouge_pair *p = r->pair;
	utf8proc_uint8_t *norm = NULL;
	utf8proc_ssize_t n = utf8proc_map(
		(const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &norm,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
			UTF8PROC_CASEFOLD);
	if (n < 0) {
		free(norm);
		if (n == UTF8PROC_ERROR_NOMEM)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		return precis__fail_at(err, PRECIS_ERR_UTF8, bad_offset(text, len),
				       "invalid UTF-8");
	}
	const char *t = (const char *)norm;
	int rc = 0;
	if (precis__rouge_lines(t, (size_t)n, &p->lines, &p->nlines,
				&p->lines_cap) != 0 ||
	    precis__rouge_cut(t, p->lines, p->nlines, r->opt.limit_words,
			      r->opt.limit_bytes, 1, &p->cut) != 0 ||
	    precis__rouge_tok_spans(&r->lex, tok_span, t, &p->cut, out) != 0)
		rc = precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	free(norm);
	return rc;
}
