/*
 * pair.c - the scratch memory of the pair being scored, and the dense
 * renumbering of its terms: the few hundred distinct terms of a pair get ids
 * 0..k-1, so unigram counts live in plain arrays and n-gram keys pack into
 * two 64-bit words.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

static int grow_local(rouge_pair *p, size_t vocab)
{
	size_t old = p->local_cap, cap = old;
	if (vocab <= cap)
		return 0;
	uint32_t *l = p->local, *s = p->stamp;
	if (precis__grow((void **)&l, &cap, vocab, sizeof *l) != 0)
		return PRECIS_ERR_NOMEM;
	p->local = l;
	cap = old;
	if (precis__grow((void **)&s, &cap, vocab, sizeof *s) != 0)
		return PRECIS_ERR_NOMEM;
	p->stamp = s;
	memset(s + old, 0, (cap - old) * sizeof *s);
	p->local_cap = cap;
	return 0;
}

static void densify(rouge_pair *p, uint32_t *t, size_t n)
{
	uint32_t serial = p->serial;
	for (size_t i = 0; i < n; i++) {
		uint32_t g = t[i];
		if (p->stamp[g] != serial) {
			p->stamp[g] = serial;
			p->local[g] = (uint32_t)p->nterms++;
		}
		t[i] = p->local[g];
	}
}

int precis__rouge_pair_densify(rouge_pair *p, size_t vocab_size)
{
	if (grow_local(p, vocab_size) != 0)
		return PRECIS_ERR_NOMEM;
	if (++p->serial == 0) { /* wrapped: forget every stamp */
		memset(p->stamp, 0, p->local_cap * sizeof *p->stamp);
		p->serial = 1;
	}
	p->nterms = 0;
	for (size_t i = 0; i < p->ntext; i++) {
		rouge_text *t = &p->text[i];
		densify(p, t->tok, t->ntok);
		if (!t->flat_is_tok)
			densify(p, t->flat_buf, t->nflat_buf);
	}
	return precis__rouge_pair_counts(p);
}

int precis__rouge_pair_counts(rouge_pair *p)
{
	size_t n = p->nterms, cap = p->cnt_cap;
	if (n <= cap)
		return 0;
	uint32_t *m = p->cnt_model, *q = p->cnt_peer;
	if (precis__grow((void **)&m, &cap, n, sizeof *m) != 0)
		return PRECIS_ERR_NOMEM;
	p->cnt_model = m;
	cap = p->cnt_cap;
	if (precis__grow((void **)&q, &cap, n, sizeof *q) != 0)
		return PRECIS_ERR_NOMEM;
	p->cnt_peer = q;
	memset(m + p->cnt_cap, 0, (cap - p->cnt_cap) * sizeof *m);
	memset(q + p->cnt_cap, 0, (cap - p->cnt_cap) * sizeof *q);
	p->cnt_cap = cap;
	return 0;
}

void precis__rouge_pair_free(rouge_pair *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->text_cap; i++)
		precis__rouge_text_free(&p->text[i]);
	free(p->text);
	free(p->local);
	free(p->stamp);
	free(p->cnt_model);
	free(p->cnt_peer);
	free(p->dp);
	free(p->wdp);
	free(p->wlen);
	free(p->up);
	free(p->mask);
	free(p->pm);
	free(p->rows);
	free(p->touch);
	free(p->weight);
	precis__rouge_grams_free(&p->grams);
	precis__rouge_cut_free(&p->cut);
	free(p->lines);
	free(p);
}
