/*
 * knn.c - the sparse neighbour graph of a long document.
 *
 * The exact graph (graph.c) compares every pair of sentences that share a
 * term, which costs the sum of the terms' squared document frequencies: on
 * a long text, where common words recur in nearly every sentence, that
 * grows with the square of its length (a 10 MB document wanted more than
 * 2^26 edges, a 100 MB one tens of gigabytes). Here a node looks only at
 * the WINDOW postings on either side of it in each of its terms' lists (a
 * rare term's whole list, a common term's nearest uses), ranks the nodes it
 * met by the similarity of the terms seen so far, rescores the best CAND
 * exactly and keeps the best PRECIS__KNN_K: a k-nearest-neighbour graph,
 * made symmetric (an edge when either end keeps the other), the usual
 * sparsification of a similarity graph (von Luxburg 2007, "A tutorial on
 * spectral clustering", section 2.2). A node costs its terms times
 * 2 WINDOW + 1 postings plus CAND vector merges: linear in the document.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "rank/graph.h"

#define WINDOW 16
#define CAND 32
#define K PRECIS__KNN_K

typedef struct cand {
	double s;
	uint32_t v;
} cand;

/* a ranks before b: the higher score, then the earlier node. */
static int better(const cand *a, const cand *b)
{
	return a->s > b->s || (a->s == b->s && a->v < b->v);
}

static void swap(cand *c, size_t i, size_t j)
{
	cand t = c[i];
	c[i] = c[j];
	c[j] = t;
}

/* Moves the best `keep` of c[0, n) to c[0, min(n, keep)) and returns that
 * count (in no particular order): quickselect, linear on average (a heap
 * of the best was a sixth of the graph's time). `better` is a strict
 * total order (ties go to the earlier node), so the set is determined. */
static size_t best_of(cand *c, size_t n, size_t keep)
{
	if (n <= keep)
		return n;
	size_t lo = 0, hi = n; /* the place keep - 1 / keep boundary is in [lo, hi) */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		/* the median of three as the pivot, at hi - 1 */
		if (better(&c[mid], &c[lo]))
			swap(c, mid, lo);
		if (better(&c[hi - 1], &c[lo]))
			swap(c, hi - 1, lo);
		if (better(&c[mid], &c[hi - 1]))
			swap(c, mid, hi - 1);
		cand pivot = c[hi - 1];
		size_t at = lo;
		for (size_t i = lo; i + 1 < hi; i++)
			if (better(&c[i], &pivot))
				swap(c, i, at++);
		swap(c, at, hi - 1);
		/* c[lo, at) beat the pivot, c[at] is it, c(at, hi) lose */
		if (at == keep || at + 1 == keep)
			break;
		if (at > keep)
			hi = at;
		else
			lo = at + 1;
	}
	return keep;
}

/* The exact dot product and shared-term count of two vectors (ascending
 * ids), summed in id order as the inverted index of graph.c sums them. */
static void merge(const precis__svec *a, const precis__svec *b, double *dot,
		  size_t *common)
{
	double d = 0.0;
	size_t i = 0, j = 0, c = 0;
	while (i < a->n && j < b->n) {
		if (a->id[i] < b->id[j]) {
			i++;
		} else if (a->id[i] > b->id[j]) {
			j++;
		} else {
			d += a->w[i++] * b->w[j++];
			c++;
		}
	}
	*dot = d;
	*common = c;
}

typedef struct knn {
	const precis__nodes *nodes;
	precis__postings p;
	size_t *cur;       /* per term: the posting of the node being gathered */
	double *dot;       /* per node: partial dot product with it */
	size_t *common;    /* per node: partial count of shared terms */
	uint32_t *touched; /* the nodes met */
	cand *c;
	size_t ccap;
	uint32_t *nv;      /* node u's kept neighbours: nv[u K, u K + nn[u]) */
	float *ns;         /* and their similarities (float: the graph of a
			      long text is approximate anyway, and this is
			      its largest list) */
	unsigned char *nn;
	double *deg;       /* per node: similarity to all the nodes it met */
	precis__sim_fn sim;
	const void *arg;
	double min_sim;
} knn;

/* The nodes near u in its terms' postings, as scored candidates in k->c;
 * returns their count, or (size_t)-1 out of memory. */
static size_t gather(knn *k, uint32_t u)
{
	const precis__svec *vu = &k->nodes->v[u];
	const precis__postings *p = &k->p;
	size_t nt = 0;
	for (size_t j = 0; j < vu->n; j++) {
		uint32_t t = vu->id[j];
		size_t pos = k->cur[t]++; /* u's own posting: nodes go in order */
		size_t lo = pos - p->off[t] > WINDOW ? pos - WINDOW : p->off[t];
		size_t hi = p->off[t + 1] - pos > WINDOW ? pos + WINDOW + 1
							 : p->off[t + 1];
		for (size_t q = lo; q < hi; q++) {
			uint32_t v = p->node[q];
			if (v == u)
				continue;
			if (k->common[v]++ == 0)
				k->touched[nt++] = v;
			k->dot[v] += vu->w[j] * p->w[q];
		}
	}
	if (nt > k->ccap && precis__grow((void **)&k->c, &k->ccap, nt,
					 sizeof *k->c) != 0)
		return (size_t)-1;
	for (size_t i = 0; i < nt; i++) {
		uint32_t v = k->touched[i];
		k->c[i] = (cand){ k->sim(k->arg, u, v, k->dot[v], k->common[v]), v };
		k->dot[v] = 0.0;
		k->common[v] = 0;
	}
	return nt;
}

/* Node u's kept neighbours: the best CAND candidates rescored exactly,
 * the best K of them whose similarity exceeds min_sim. */
static int neighbours(knn *k, uint32_t u)
{
	size_t n = gather(k, u);
	if (n == (size_t)-1)
		return PRECIS_ERR_NOMEM;
	double deg = 0.0;
	for (size_t i = 0; i < n; i++)
		deg += k->c[i].s > k->min_sim ? k->c[i].s : 0.0;
	n = best_of(k->c, n, CAND);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		double dot;
		size_t common;
		uint32_t v = k->c[i].v;
		merge(&k->nodes->v[u], &k->nodes->v[v], &dot, &common);
		double s = k->sim(k->arg, u, v, dot, common);
		deg += (s > k->min_sim ? s : 0.0) -
		       (k->c[i].s > k->min_sim ? k->c[i].s : 0.0);
		if (s > k->min_sim)
			k->c[kept++] = (cand){ s, v };
	}
	k->deg[u] = deg;
	kept = best_of(k->c, kept, K);
	for (size_t i = 0; i < kept; i++) {
		k->nv[(size_t)u * K + i] = k->c[i].v;
		k->ns[(size_t)u * K + i] = (float)k->c[i].s;
	}
	k->nn[u] = (unsigned char)kept;
	return 0;
}

/* Whether v keeps u. */
static int keeps(const knn *k, uint32_t v, uint32_t u)
{
	for (size_t i = 0; i < k->nn[v]; i++)
		if (k->nv[(size_t)v * K + i] == u)
			return 1;
	return 0;
}

/* The loop's weight u-u, or 0 when there is none. */
static double loop_sim(const knn *k, uint32_t u, int self)
{
	if (!self)
		return 0.0;
	double dot;
	size_t common;
	merge(&k->nodes->v[u], &k->nodes->v[u], &dot, &common);
	double s = k->sim(k->arg, u, u, dot, common);
	return s > k->min_sim ? s : 0.0;
}

/*
 * The symmetric graph of the kept lists: u-v once when either keeps the
 * other (from the lower end when both do), the loops when `self`, and at
 * each node a loop holding the similarity to the nodes it met but kept no
 * edge to. A walk on an undirected graph visits a node in proportion to its
 * weighted degree (exactly so without jumps), so keeping each node's degree
 * keeps the scores of the exact graph far better than cutting the weak
 * edges alone: the mass that would have gone to a weak neighbour stays
 * put instead of going to the strong ones.
 */
static int symmetrize(precis__graph *g, const knn *k, int self)
{
	size_t n = g->n;
	size_t *at = calloc(n + 1, sizeof *at);
	double *inc = calloc(n ? n : 1, sizeof *inc);
	if (at == NULL || inc == NULL) {
		free(at);
		free(inc);
		return PRECIS_ERR_NOMEM;
	}
	for (uint32_t u = 0; u < n; u++)
		for (size_t i = 0; i < k->nn[u]; i++) {
			uint32_t v = k->nv[(size_t)u * K + i];
			if (u > v && keeps(k, v, u))
				continue;
			g->row[u + 1]++;
			g->row[v + 1]++;
			inc[u] += k->ns[(size_t)u * K + i];
			inc[v] += k->ns[(size_t)u * K + i];
		}
	for (uint32_t u = 0; u < n; u++) {
		inc[u] = k->deg[u] > inc[u] ? k->deg[u] - inc[u] : 0.0;
		g->row[u + 1] += (loop_sim(k, u, self) > 0.0) + (inc[u] > 0.0);
	}
	for (size_t u = 0; u < n; u++)
		g->row[u + 1] += g->row[u];
	g->nedges = g->cap = g->row[n];
	g->col = malloc((g->cap ? g->cap : 1) * sizeof *g->col);
	g->wf = malloc((g->cap ? g->cap : 1) * sizeof *g->wf);
	if (g->col == NULL || g->wf == NULL) {
		free(at);
		free(inc);
		return PRECIS_ERR_NOMEM;
	}
	memcpy(at, g->row, (n + 1) * sizeof *at);
	for (uint32_t u = 0; u < n; u++) {
		double s = loop_sim(k, u, self);
		if (s > 0.0) {
			g->col[at[u]] = u;
			g->wf[at[u]++] = (float)s;
		}
		if (inc[u] > 0.0) {
			g->col[at[u]] = u;
			g->wf[at[u]++] = (float)inc[u];
		}
		for (size_t i = 0; i < k->nn[u]; i++) {
			uint32_t v = k->nv[(size_t)u * K + i];
			s = k->ns[(size_t)u * K + i];
			if (u > v && keeps(k, v, u))
				continue;
			g->col[at[u]] = v;
			g->wf[at[u]++] = (float)s;
			g->col[at[v]] = u;
			g->wf[at[v]++] = (float)s;
		}
	}
	free(at);
	free(inc);
	return 0;
}

static void knn_free(knn *k)
{
	precis__postings_free(&k->p);
	free(k->cur);
	free(k->dot);
	free(k->common);
	free(k->touched);
	free(k->c);
	free(k->nv);
	free(k->ns);
	free(k->nn);
	free(k->deg);
}

/* Scratch and kept lists; the postings last, the largest. */
static int knn_init(knn *k, const precis__nodes *nodes, size_t nterms)
{
	size_t n = nodes->n ? nodes->n : 1, most = 1;
	for (size_t u = 0; u < nodes->n; u++)
		if (nodes->v[u].n > most)
			most = nodes->v[u].n;
	k->cur = malloc((nterms + 1) * sizeof *k->cur);
	k->dot = calloc(n, sizeof *k->dot);
	k->common = calloc(n, sizeof *k->common);
	/* A node meets at most 2 WINDOW others per term. */
	size_t meet = most * 2 * WINDOW < n ? most * 2 * WINDOW : n;
	k->touched = malloc(meet * sizeof *k->touched);
	k->nv = malloc(n * K * sizeof *k->nv);
	k->ns = malloc(n * K * sizeof *k->ns);
	k->nn = calloc(n, sizeof *k->nn);
	k->deg = calloc(n, sizeof *k->deg);
	if (!k->cur || !k->dot || !k->common || !k->touched || !k->nv ||
	    !k->ns || !k->nn || !k->deg || precis__postings_build(&k->p, nodes, nterms) != 0)
		return PRECIS_ERR_NOMEM;
	memcpy(k->cur, k->p.off, (nterms + 1) * sizeof *k->cur);
	return 0;
}

int precis__graph_knn(precis__graph *g, const precis__nodes *nodes,
		      size_t nterms, precis__sim_fn sim, const void *arg,
		      double min_sim, int self)
{
	memset(g, 0, sizeof *g);
	if (nodes->n >= UINT32_MAX)
		return PRECIS_ERR_LIMIT;
	knn k = { .nodes = nodes, .sim = sim, .arg = arg, .min_sim = min_sim };
	g->n = nodes->n;
	g->row = calloc(nodes->n + 1, sizeof *g->row);
	int rc = g->row ? knn_init(&k, nodes, nterms) : PRECIS_ERR_NOMEM;
	for (uint32_t u = 0; rc == 0 && u < nodes->n; u++)
		rc = neighbours(&k, u);
	/* The scratch goes before the graph is laid out. */
	free(k.dot);
	free(k.common);
	free(k.touched);
	free(k.c);
	k.dot = NULL, k.common = NULL, k.touched = NULL, k.c = NULL;
	precis__postings_free(&k.p);
	memset(&k.p, 0, sizeof k.p);
	if (rc == 0)
		rc = symmetrize(g, &k, self);
	/* 1e-10 in L1 over a few sentences is 1e-12 per node: the same per
	 * node here, where the graph is an approximation anyway and every
	 * further step of the walk costs all of its edges. */
	g->tol = 1e-12 * (double)g->n;
	knn_free(&k);
	if (rc != 0)
		precis__graph_free(g);
	return rc;
}
