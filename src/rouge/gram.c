/*
 * gram.c - ROUGE-N and skip-bigram (ROUGE-S, ROUGE-SU) counts as
 * ROUGE-1.5.5 makes them: over the whole summary (grams cross sentence
 * boundaries), hits clipped per gram to min(candidate, reference) count.
 *
 * Skip bigrams follow 1.5.5's loops: each token pairs with the next d + 1
 * tokens (d < 0: all following ones), and with -u/-U each token but the
 * last also counts as a unigram (1.5.5 never counts the last one).
 *
 * Keys are packed dense term ids: an n-gram (n <= 4) is (t0 t1 | t2 t3) with
 * absent positions all ones; a skip bigram (ti tj | 2), a unigram of SU
 * (ti ~0 | 1). Only the candidate's keys enter the hash table; a reference
 * key absent from it cannot hit.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

#define NO_ID 0xFFFFFFFFull

static size_t slot_of(uint64_t ka, uint64_t kb, size_t cap)
{
	uint64_t h = ka * 0x9E3779B97F4A7C15ull ^ kb * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 29;
	return (size_t)h & (cap - 1);
}

/* The keys of tokens t[0, n) for this metric into g->keys; their number. */
static size_t ngram_keys(uint64_t *k, const uint32_t *t, size_t n,
			 unsigned order)
{
	if (n < order)
		return 0;
	size_t m = n - order + 1;
	for (size_t i = 0; i < m; i++) {
		uint64_t a = t[i], b = order > 1 ? t[i + 1] : NO_ID;
		uint64_t c = order > 2 ? t[i + 2] : NO_ID;
		uint64_t d = order > 3 ? t[i + 3] : NO_ID;
		k[2 * i] = a << 32 | b;
		k[2 * i + 1] = c << 32 | d;
	}
	return m;
}

static size_t skip_keys(uint64_t *k, const uint32_t *t, size_t n,
			int distance, int unigrams)
{
	size_t m = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (unigrams) {
			k[2 * m] = (uint64_t)t[i] << 32 | NO_ID;
			k[2 * m++ + 1] = 1;
		}
		size_t last = n - 1;
		if (distance >= 0 && i + (size_t)distance + 1 < last)
			last = i + (size_t)distance + 1;
		for (size_t j = i + 1; j <= last; j++) {
			k[2 * m] = (uint64_t)t[i] << 32 | t[j];
			k[2 * m++ + 1] = 2;
		}
	}
	return m;
}

typedef struct gram_spec {
	rouge_kind kind;
	unsigned n;
	int distance;
} gram_spec;

static size_t max_keys(const gram_spec *s, size_t n)
{
	if (s->kind == ROUGE_KIND_N)
		return n;
	size_t per = s->distance < 0 ? n : (size_t)s->distance + 1;
	if (per > n)
		per = n;
	return n * (per + 1);
}

/* Fills g->keys with the keys of text `t`; returns their number or -1. */
static long long make_keys(rouge_grams *g, const gram_spec *s,
			   const rouge_text *t)
{
	size_t n;
	const uint32_t *tok = rouge_text_flat(t, &n);
	size_t need = 2 * max_keys(s, n);
	if (need > g->keys_cap &&
	    precis__grow((void **)&g->keys, &g->keys_cap, need, sizeof *g->keys))
		return -1;
	if (s->kind == ROUGE_KIND_N)
		return (long long)ngram_keys(g->keys, tok, n, s->n);
	return (long long)skip_keys(g->keys, tok, n, s->distance,
				    s->kind == ROUGE_KIND_SU);
}

static void table_release(rouge_grams *g)
{
	free(g->ka);
	free(g->kb);
	free(g->peer);
	free(g->model);
	free(g->gen);
	free(g->touched);
	g->ka = g->kb = NULL;
	g->peer = g->model = g->gen = g->touched = NULL;
	g->cap = 0;
}

static int table_alloc(rouge_grams *g, size_t cap)
{
	table_release(g);
	g->ka = malloc(cap * sizeof *g->ka);
	g->kb = malloc(cap * sizeof *g->kb);
	g->peer = malloc(cap * sizeof *g->peer);
	g->model = malloc(cap * sizeof *g->model);
	g->gen = calloc(cap, sizeof *g->gen);
	g->touched = malloc(cap * sizeof *g->touched);
	g->cur = 0;
	if (!g->ka || !g->kb || !g->peer || !g->model || !g->gen ||
	    !g->touched) {
		table_release(g);
		return PRECIS_ERR_NOMEM;
	}
	g->cap = cap;
	return 0;
}

/* An empty table for nkeys candidate keys (at most half full). */
static int table_reset(rouge_grams *g, size_t nkeys)
{
	size_t cap = 64;
	while (cap < 2 * nkeys)
		cap *= 2;
	if (cap > g->cap && table_alloc(g, cap) != 0)
		return PRECIS_ERR_NOMEM;
	if (++g->cur == 0) {
		memset(g->gen, 0, g->cap * sizeof *g->gen);
		g->cur = 1;
	}
	return 0;
}

/* Loads the candidate's keys; returns their number or -1. */
static long long load_peer(rouge_grams *g, const gram_spec *s,
			   const rouge_text *t)
{
	long long m = make_keys(g, s, t);
	if (m < 0 || table_reset(g, (size_t)m) != 0)
		return -1;
	size_t mask = g->cap - 1;
	for (long long i = 0; i < m; i++) {
		uint64_t a = g->keys[2 * i], b = g->keys[2 * i + 1];
		size_t j = slot_of(a, b, g->cap);
		while (g->gen[j] == g->cur && (g->ka[j] != a || g->kb[j] != b))
			j = (j + 1) & mask;
		if (g->gen[j] != g->cur) {
			g->gen[j] = g->cur;
			g->ka[j] = a;
			g->kb[j] = b;
			g->peer[j] = 0;
			g->model[j] = 0;
		}
		g->peer[j]++;
	}
	return m;
}

/* Clipped hits of a reference's keys (g->keys[0, m)) against the table. */
static double ref_hits(rouge_grams *g, size_t m)
{
	size_t mask = g->cap - 1, nt = 0;
	for (size_t i = 0; i < m; i++) {
		uint64_t a = g->keys[2 * i], b = g->keys[2 * i + 1];
		size_t j = slot_of(a, b, g->cap);
		while (g->gen[j] == g->cur && (g->ka[j] != a || g->kb[j] != b))
			j = (j + 1) & mask;
		if (g->gen[j] != g->cur)
			continue;
		if (g->model[j]++ == 0)
			g->touched[nt++] = (uint32_t)j;
	}
	double hit = 0;
	for (size_t i = 0; i < nt; i++) {
		uint32_t j = g->touched[i];
		hit += g->model[j] < g->peer[j] ? g->model[j] : g->peer[j];
		g->model[j] = 0;
	}
	return hit;
}

/* ROUGE-1 by plain counting over dense term ids. */
static int unigram_counts(rouge_pair *p, rouge_counts *per_ref)
{
	size_t npeer, m;
	const uint32_t *t = rouge_text_flat(&p->text[0], &npeer);
	if (precis__grow((void **)&p->touch, &p->touch_cap, p->nterms + 1,
			 sizeof *p->touch) != 0)
		return PRECIS_ERR_NOMEM;
	for (size_t i = 0; i < npeer; i++)
		p->cnt_peer[t[i]]++;
	for (size_t r = 1; r < p->ntext; r++) {
		const uint32_t *x = rouge_text_flat(&p->text[r], &m);
		size_t nt = 0;
		for (size_t i = 0; i < m; i++)
			if (p->cnt_model[x[i]]++ == 0)
				p->touch[nt++] = x[i];
		double hit = 0;
		for (size_t i = 0; i < nt; i++) {
			uint32_t k = p->touch[i];
			hit += p->cnt_model[k] < p->cnt_peer[k] ? p->cnt_model[k]
								: p->cnt_peer[k];
			p->cnt_model[k] = 0;
		}
		per_ref[r - 1] = (rouge_counts){
			hit, (double)m, (double)npeer,
			m > 0 ? precis__rouge_round5(hit / (double)m) : 0
		};
	}
	for (size_t i = 0; i < npeer; i++)
		p->cnt_peer[t[i]] = 0;
	return 0;
}

int precis__rouge_gram_counts(rouge_pair *p, rouge_kind kind, unsigned n,
			      int distance, rouge_counts *per_ref)
{
	if (kind == ROUGE_KIND_N && n == 1)
		return unigram_counts(p, per_ref);
	gram_spec s = { kind, n, distance };
	rouge_grams *g = &p->grams;
	long long npeer = load_peer(g, &s, &p->text[0]);
	if (npeer < 0)
		return PRECIS_ERR_NOMEM;
	for (size_t r = 1; r < p->ntext; r++) {
		long long m = make_keys(g, &s, &p->text[r]);
		if (m < 0)
			return PRECIS_ERR_NOMEM;
		rouge_counts *c = &per_ref[r - 1];
		c->hit = npeer > 0 ? ref_hits(g, (size_t)m) : 0;
		c->model = (double)m;
		c->peer = (double)npeer;
		c->best = m > 0 ? precis__rouge_round5(c->hit / c->model) : 0;
	}
	return 0;
}

void precis__rouge_grams_free(rouge_grams *g)
{
	table_release(g);
	free(g->keys);
	memset(g, 0, sizeof *g);
}
