/*
 * graph.c - node vectors, sparse similarity graphs through an inverted
 * index, and power iteration (shared by lexrank.c and textrank.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "rank/graph.h"

void precis__nodes_free(precis__nodes *s)
{
	free(s->v);
	free(s->unit);
	free(s->ids);
	free(s->ws);
	memset(s, 0, sizeof *s);
}

int precis__nodes_tf(precis__nodes *out, const precis__rank_input *in,
		     const double *idf)
{
	const precis_doc *d = in->doc;
	size_t units = d->units.n, total = d->term_off[units];
	memset(out, 0, sizeof *out);
	out->v = calloc(units ? units : 1, sizeof *out->v);
	out->unit = malloc((units ? units : 1) * sizeof *out->unit);
	out->ids = malloc((total ? total : 1) * sizeof *out->ids);
	out->ws = malloc((total ? total : 1) * sizeof *out->ws);
	double *tf = calloc(d->nterms ? d->nterms : 1, sizeof *tf);
	if (!out->v || !out->unit || !out->ids || !out->ws || !tf) {
		free(tf);
		precis__nodes_free(out);
		return PRECIS_ERR_NOMEM;
	}
	out->n = precis__eligible_list(in, out->unit);
	size_t base = 0;
	for (size_t k = 0; k < out->n; k++) {
		size_t u = out->unit[k], n;
		const uint32_t *t = precis__doc_terms(d, u, &n);
		for (size_t j = 0; j < n; j++)
			tf[t[j]] += 1.0;
		/* in->vecs holds the unit's distinct terms, ascending. */
		const precis__svec *sv = &in->vecs->v[u];
		double norm = 0;
		for (size_t j = 0; j < sv->n; j++) {
			uint32_t id = sv->id[j];
			double w = tf[id] * (idf ? idf[id] : 1.0);
			tf[id] = 0.0;
			out->ids[base + j] = id;
			out->ws[base + j] = w;
			norm += w * w;
		}
		out->v[k] = (precis__svec){ out->ids + base, out->ws + base,
					    sv->n, sqrt(norm) };
		base += sv->n;
	}
	free(tf);
	return 0;
}

void precis__graph_free(precis__graph *g)
{
	free(g->row);
	free(g->col);
	free(g->w);
	free(g->wf);
	memset(g, 0, sizeof *g);
}

int precis__postings_build(precis__postings *p, const precis__nodes *nodes,
			   size_t nterms)
{
	size_t total = 0;
	for (size_t k = 0; k < nodes->n; k++)
		total += nodes->v[k].n;
	p->off = calloc(nterms + 2, sizeof *p->off);
	p->node = malloc((total ? total : 1) * sizeof *p->node);
	p->w = malloc((total ? total : 1) * sizeof *p->w);
	if (!p->off || !p->node || !p->w)
		return PRECIS_ERR_NOMEM;
	for (size_t k = 0; k < nodes->n; k++)
		for (size_t j = 0; j < nodes->v[k].n; j++)
			p->off[nodes->v[k].id[j] + 2]++;
	for (size_t t = 0; t < nterms; t++)
		p->off[t + 2] += p->off[t + 1];
	/* off[t + 1] now counts up as a fill cursor and ends at off[t + 1]'s
	 * final value: the classic counting-sort layout. */
	for (size_t k = 0; k < nodes->n; k++)
		for (size_t j = 0; j < nodes->v[k].n; j++) {
			size_t at = p->off[nodes->v[k].id[j] + 1]++;
			p->node[at] = (uint32_t)k;
			p->w[at] = nodes->v[k].w[j];
		}
	return 0;
}

void precis__postings_free(precis__postings *p)
{
	free(p->off);
	free(p->node);
	free(p->w);
}

static int add_edge(precis__graph *g, size_t v, double w)
{
	if (g->nedges == g->cap) {
		size_t cap = g->cap;
		if (precis__grow((void **)&g->col, &cap, g->nedges + 1,
				 sizeof *g->col) != 0)
			return PRECIS_ERR_NOMEM;
		cap = g->cap;
		if (precis__grow((void **)&g->w, &cap, g->nedges + 1,
				 sizeof *g->w) != 0)
			return PRECIS_ERR_NOMEM;
		g->cap = cap;
	}
	g->col[g->nedges] = (uint32_t)v;
	g->w[g->nedges++] = w;
	return 0;
}

/* Scratch of one row: dot products and shared-term counts per node. */
typedef struct row_acc {
	double *dot;
	size_t *common;
	uint32_t *touched;
	size_t ntouched;
} row_acc;

/* Gathers node u's neighbours through the postings of its terms. */
static void gather(row_acc *a, const precis__postings *p, const precis__svec *vu)
{
	a->ntouched = 0;
	for (size_t j = 0; j < vu->n; j++) {
		uint32_t t = vu->id[j];
		for (size_t q = p->off[t]; q < p->off[t + 1]; q++) {
			uint32_t v = p->node[q];
			if (a->common[v]++ == 0)
				a->touched[a->ntouched++] = v;
			a->dot[v] += vu->w[j] * p->w[q];
		}
	}
}

static int emit_row(precis__graph *g, row_acc *a, size_t u,
		    precis__sim_fn sim, const void *arg, double min_sim,
		    int self)
{
	int rc = 0;
	for (size_t q = 0; q < a->ntouched; q++) {
		uint32_t v = a->touched[q];
		if (rc == 0 && (self || v != u)) {
			double s = sim(arg, u, v, a->dot[v], a->common[v]);
			if (s > min_sim)
				rc = add_edge(g, v, s);
		}
		a->dot[v] = 0.0;
		a->common[v] = 0;
	}
	return rc;
}

int precis__graph_build(precis__graph *g, const precis__nodes *nodes,
			size_t nterms, precis__sim_fn sim, const void *arg,
			double min_sim, int self)
{
	size_t n = nodes->n;
	memset(g, 0, sizeof *g);
	precis__postings p = { 0 };
	row_acc a = { calloc(n ? n : 1, sizeof(double)),
		      calloc(n ? n : 1, sizeof(size_t)),
		      malloc((n ? n : 1) * sizeof(uint32_t)), 0 };
	g->n = n;
	g->row = calloc(n + 1, sizeof *g->row);
	int rc = PRECIS_ERR_NOMEM;
	if (a.dot && a.common && a.touched && g->row &&
	    precis__postings_build(&p, nodes, nterms) == 0) {
		rc = 0;
		for (size_t u = 0; u < n && rc == 0; u++) {
			gather(&a, &p, &nodes->v[u]);
			rc = emit_row(g, &a, u, sim, arg, min_sim, self);
			g->row[u + 1] = g->nedges;
		}
	}
	precis__postings_free(&p);
	free(a.dot);
	free(a.common);
	free(a.touched);
	if (rc != 0)
		precis__graph_free(g);
	return rc;
}

int precis__graph_for(precis__graph *g, const precis__nodes *nodes,
		      size_t nterms, double exact_max, precis__sim_fn sim,
		      const void *arg, double min_sim, int self)
{
	if ((double)nodes->n <= exact_max)
		return precis__graph_build(g, nodes, nterms, sim, arg, min_sim,
					   self);
	return precis__graph_knn(g, nodes, nterms, sim, arg, min_sim, self);
}

/* One step p -> next of the walk; returns the L1 change. */
static double walk_step(const precis__graph *g, const double *rowsum,
			double jump, const double *bias, const double *p,
			double *next)
{
	size_t n = g->n;
	double lost = 0.0; /* mass of nodes without edges: spread evenly */
	for (size_t v = 0; v < n; v++)
		next[v] = 0.0;
	for (size_t u = 0; u < n; u++) {
		if (rowsum[u] <= 0.0) {
			lost += p[u];
			continue;
		}
		double share = (1.0 - jump) * p[u] / rowsum[u];
		if (g->w != NULL)
			for (size_t e = g->row[u]; e < g->row[u + 1]; e++)
				next[g->col[e]] += share * g->w[e];
		else
			for (size_t e = g->row[u]; e < g->row[u + 1]; e++)
				next[g->col[e]] += share * g->wf[e];
	}
	double mass = jump + (1.0 - jump) * lost, base = mass / (double)n, diff = 0.0;
	for (size_t v = 0; v < n; v++) {
		next[v] += bias ? mass * bias[v] : base;
		diff += fabs(next[v] - p[v]);
	}
	return diff;
}

int precis__graph_rank(const precis__graph *g, double jump, double *p)
{
	return precis__graph_rank_biased(g, jump, NULL, p);
}

int precis__graph_rank_biased(const precis__graph *g, double jump,
			      const double *bias, double *p)
{
	size_t n = g->n;
	if (n == 0)
		return 0;
	double *rowsum = calloc(n, sizeof *rowsum);
	double *next = malloc(n * sizeof *next);
	if (rowsum == NULL || next == NULL) {
		free(rowsum);
		free(next);
		return PRECIS_ERR_NOMEM;
	}
	for (size_t u = 0; u < n; u++) {
		p[u] = 1.0 / (double)n;
		for (size_t e = g->row[u]; e < g->row[u + 1]; e++)
			rowsum[u] += g->w != NULL ? g->w[e] : g->wf[e];
	}
	/* The walk mixes at rate (1 - jump) per step; 1e-10 in L1 is far
	 * below any score difference that changes a pick. */
	double tol = g->tol > 0.0 ? g->tol : 1e-10;
	for (int it = 0; it < 1000; it++) {
		double diff = walk_step(g, rowsum, jump, bias, p, next);
		memcpy(p, next, n * sizeof *p);
		if (diff < tol)
			break;
	}
	free(rowsum);
	free(next);
	return 0;
}
