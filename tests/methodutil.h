/*
 * methodutil.h - helpers for the ranking-method suites (check_rank_*.c):
 * a fresh English context per test, the picks of a method as "i,j,k", and
 * every unit's score under a method.
 */
#ifndef PRECIS_METHODUTIL_H
#define PRECIS_METHODUTIL_H

#include "testutil.h"

static precis_ctx *mu_ctx;

static inline void mu_setup(void)
{
	ck_assert_int_eq(precis_ctx_new(&mu_ctx, "en", NULL), 0);
}

static inline void mu_teardown(void)
{
	precis_ctx_free(mu_ctx);
}

static inline void mu_set(precis_param id, double v)
{
	ck_assert_int_eq(precis_ctx_set_param(mu_ctx, id, v), 0);
}

/* Summarizes `text` into n sentences with method m (seed `seed`) and writes
 * the picked units as "i,j,k" to out; returns the count. */
static inline size_t mu_picks_seed(const char *text, const char *m, size_t n,
			    unsigned long seed, char *out, size_t cap)
{
	precis_doc *d = tu_doc(mu_ctx, text);
	precis_options o = PRECIS_OPTIONS_INIT;
	o.method = m;
	o.sentences = n;
	o.seed = seed;
	precis_summary *s = NULL;
	precis_error err;
	ck_assert_msg(precis_summarize(&s, mu_ctx, d, &o, &err) == 0, "%s: %s", m,
		      err.message);
	size_t k = 0, i;
	precis_pick p;
	out[0] = '\0';
	for (i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		k += (size_t)snprintf(out + k, cap - k, "%s%zu", i ? "," : "",
				      p.sentence);
	precis_summary_free(s);
	precis_doc_free(d);
	return i;
}

static inline size_t mu_picks(const char *text, const char *m, size_t n, char *out,
		       size_t cap)
{
	return mu_picks_seed(text, m, n, 0, out, cap);
}

/*
 * Every unit's score under method m: the redundancy filter is switched off
 * and the budget covers all units, so every eligible unit is picked and
 * carries its score; others get -1. Returns the unit count.
 */
static inline size_t mu_scores(const char *text, const char *m, double *sc, size_t cap)
{
	mu_set(PRECIS_PARAM_REDUNDANCY, 1.0);
	precis_doc *d = tu_doc(mu_ctx, text);
	size_t n = precis_doc_sentence_count(d);
	ck_assert_uint_le(n, cap);
	for (size_t i = 0; i < n; i++)
		sc[i] = -1.0;
	precis_options o = PRECIS_OPTIONS_INIT;
	o.method = m;
	o.sentences = n;
	precis_summary *s = NULL;
	precis_error err;
	ck_assert_msg(precis_summarize(&s, mu_ctx, d, &o, &err) == 0, "%s: %s", m,
		      err.message);
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		sc[p.sentence] = p.score;
	precis_summary_free(s);
	precis_doc_free(d);
	return n;
}

/* The unit with the highest score (the earliest on ties). */
static inline size_t mu_best(const double *sc, size_t n)
{
	size_t b = 0;
	for (size_t i = 1; i < n; i++)
		if (sc[i] > sc[b])
			b = i;
	return b;
}

/* The units in descending score order as "i,j,k" (unscored units left out). */
static inline void mu_order(const double *sc, size_t n, char *out, size_t cap)
{
	unsigned char used[256] = { 0 };
	size_t k = 0;
	out[0] = '\0';
	for (size_t r = 0; r < n && r < sizeof used; r++) {
		size_t b = n;
		for (size_t i = 0; i < n; i++)
			if (!used[i] && sc[i] >= 0 && (b == n || sc[i] > sc[b]))
				b = i;
		if (b == n)
			break;
		used[b] = 1;
		k += (size_t)snprintf(out + k, cap - k, "%s%zu", r ? "," : "", b);
	}
}

/* The units of `text` in method m's descending score order, as mu_order
 * writes it, for the first k units. */
static inline void mu_ranked(const char *text, const char *m, size_t k,
			     char *out, size_t cap)
{
	double sc[64];
	mu_scores(text, m, sc, sizeof sc / sizeof *sc);
	mu_order(sc, k, out, cap);
}

#endif
