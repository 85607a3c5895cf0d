/*
 * tok.c - ROUGE-1.5.5's tokenizer, byte for byte: only ASCII A-Z is
 * lower-cased, every byte outside [A-Za-z0-9] separates tokens ("-" becomes
 * a token of its own that 1.5.5 then drops for not starting with [a-z0-9]),
 * so "café" gives "caf", "COVID-19" gives "covid 19" and non-Latin scripts
 * vanish. Tokens go through the lexicon (stopwords, stemming) to term ids.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

/* fold[c]: c lower-cased when it is [A-Za-z0-9], else 0. */
static const unsigned char fold[256] = {
#define R(a, b) [a] = b
	R('0', '0'), R('1', '1'), R('2', '2'), R('3', '3'), R('4', '4'),
	R('5', '5'), R('6', '6'), R('7', '7'), R('8', '8'), R('9', '9'),
	R('a', 'a'), R('b', 'b'), R('c', 'c'), R('d', 'd'), R('e', 'e'),
	R('f', 'f'), R('g', 'g'), R('h', 'h'), R('i', 'i'), R('j', 'j'),
	R('k', 'k'), R('l', 'l'), R('m', 'm'), R('n', 'n'), R('o', 'o'),
	R('p', 'p'), R('q', 'q'), R('r', 'r'), R('s', 's'), R('t', 't'),
	R('u', 'u'), R('v', 'v'), R('w', 'w'), R('x', 'x'), R('y', 'y'),
	R('z', 'z'), R('A', 'a'), R('B', 'b'), R('C', 'c'), R('D', 'd'),
	R('E', 'e'), R('F', 'f'), R('G', 'g'), R('H', 'h'), R('I', 'i'),
	R('J', 'j'), R('K', 'k'), R('L', 'l'), R('M', 'm'), R('N', 'n'),
	R('O', 'o'), R('P', 'p'), R('Q', 'q'), R('R', 'r'), R('S', 's'),
	R('T', 't'), R('U', 'u'), R('V', 'v'), R('W', 'w'), R('X', 'x'),
	R('Y', 'y'), R('Z', 'z')
#undef R
};

static int push_tok(uint32_t **v, size_t *n, size_t *cap, uint32_t t)
{
	if (*n == *cap && precis__grow((void **)v, cap, *n + 1, sizeof **v))
		return PRECIS_ERR_NOMEM;
	(*v)[(*n)++] = t;
	return 0;
}

/* Appends the term ids of s[0, len) to v (1.5.5's byte rules). */
static int tok_bytes(rouge_lex *lx, const char *s, size_t len, uint32_t **v,
		    size_t *n, size_t *cap)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && !fold[(unsigned char)s[i]])
			i++;
		size_t start = i;
		while (i < len && fold[(unsigned char)s[i]])
			i++;
		size_t k = i - start;
		if (k == 0)
			break;
		if (k > lx->fold_cap &&
		    precis__grow((void **)&lx->fold, &lx->fold_cap, k, 1) != 0)
			return PRECIS_ERR_NOMEM;
		uint64_t h = 0xcbf29ce484222325ull; /* precis__hash, folded */
		for (size_t j = 0; j < k; j++) {
			unsigned char c = fold[(unsigned char)s[start + j]];
			lx->fold[j] = (char)c;
			h = (h ^ c) * 0x100000001b3ull;
		}
		uint32_t t;
		if (precis__rouge_lex_term(lx, lx->fold, k, h, &t) != 0)
			return PRECIS_ERR_NOMEM;
		if (t != ROUGE_DROP && push_tok(v, n, cap, t) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

int precis__rouge_tok_spans(rouge_lex *lx, rouge_span_fn tok_span,
			    const char *text, const rouge_cut *cut,
			    rouge_text *out)
{
	out->ntok = out->nsent = out->nflat_buf = 0;
	out->flat_is_tok = cut->same;
	for (size_t s = 0; s < cut->nlcs; s++) {
		const rouge_span *sp = &cut->lcs[s];
		if (tok_span(lx, text + sp->off, sp->len, &out->tok, &out->ntok,
			     &out->tok_cap) != 0 ||
		    precis__grow((void **)&out->sent, &out->sent_cap,
				 out->nsent + 1, sizeof *out->sent) != 0)
			return PRECIS_ERR_NOMEM;
		out->sent[out->nsent++] = out->ntok;
	}
	for (size_t s = 0; !cut->same && s < cut->nflat; s++) {
		const rouge_span *sp = &cut->flat[s];
		if (tok_span(lx, text + sp->off, sp->len, &out->flat_buf,
			     &out->nflat_buf, &out->flat_cap) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

int precis__rouge_tokenize(precis_rouge *r, const char *text, size_t len,
			   rouge_text *out, precis_error *err)
{
	if (r->utf8)
		return precis__rouge_tokenize_unicode(r, text, len, out, err);
	rouge_pair *p = r->pair;
	if (precis__rouge_lines(text, len, &p->lines, &p->nlines,
				&p->lines_cap) != 0 ||
	    precis__rouge_cut(text, p->lines, p->nlines, r->opt.limit_words,
			      r->opt.limit_bytes, 0, &p->cut) != 0 ||
	    precis__rouge_tok_spans(&r->lex, tok_bytes, text, &p->cut, out) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return 0;
}

void precis__rouge_text_free(rouge_text *t)
{
	free(t->tok);
	free(t->sent);
	free(t->flat_buf);
	memset(t, 0, sizeof *t);
}
