/*
 * graph.h - sentence similarity graphs for the graph-based methods (LexRank,
 * TextRank): node vectors, a sparse graph built through an inverted index
 * (only pairs that share a term are ever compared, so a long document costs
 * the sum of its terms' squared frequencies, not sentences squared), and
 * the stationary distribution of a random walk on it.
 */
#ifndef PRECIS_RANK_GRAPH_H
#define PRECIS_RANK_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "rank/rank.h"

/* One node per eligible unit: v[k] is unit unit[k]'s term vector. */
typedef struct precis__nodes {
	precis__svec *v;
	size_t *unit;
	size_t n;
	uint32_t *ids; /* storage behind v[k].id */
	double *ws;    /* storage behind v[k].w */
} precis__nodes;

/*
 * Nodes of the eligible units with weight tf(t) * idf[t] (raw counts;
 * idf NULL: weight tf). 0 or PRECIS_ERR_NOMEM.
 */
int precis__nodes_tf(precis__nodes *out, const precis__rank_input *in,
		     const double *idf);
void precis__nodes_free(precis__nodes *nodes);

/* A weighted undirected graph in compressed rows (both directions). */
typedef struct precis__graph {
	size_t n;
	size_t *row;   /* node u's edges: [row[u], row[u + 1]) */
	uint32_t *col; /* the other end */
	double *w;     /* the weight, > 0 */
	float *wf;     /* instead of w (NULL), the sparse graph's weights:
			  it is approximate, and its edges are most of a
			  long document's memory */
	size_t nedges, cap;
	double tol;    /* the walk stops below this L1 change; 0: 1e-10 */
} precis__graph;

/*
 * Similarity of nodes u and v given what the inverted index gathered:
 * the dot product of their vectors and the number of terms they share.
 */
typedef double (*precis__sim_fn)(const void *arg, size_t u, size_t v,
				 double dot, size_t common);

/*
 * Builds the graph over `nodes`: an edge u-v of weight sim(...) for each
 * pair sharing a term whose similarity exceeds `min_sim`; `self` non-zero
 * keeps the u-u loops too. 0 or PRECIS_ERR_NOMEM.
 */
int precis__graph_build(precis__graph *g, const precis__nodes *nodes,
			size_t nterms, precis__sim_fn sim, const void *arg,
			double min_sim, int self);
void precis__graph_free(precis__graph *g);

/*
 * The sparse neighbour graph of a long document (knn.c): each node keeps
 * edges to its PRECIS__KNN_K most similar nodes (and is kept by those that
 * keep it), found among the nodes near it in its terms' postings, so time
 * and memory grow linearly with the document. Same contract as
 * precis__graph_build().
 */
#define PRECIS__KNN_K 16
int precis__graph_knn(precis__graph *g, const precis__nodes *nodes,
		      size_t nterms, precis__sim_fn sim, const void *arg,
		      double min_sim, int self);

/*
 * The exact graph when the nodes number at most `exact_max` (the
 * graph-exact-max parameter), else the sparse one.
 */
int precis__graph_for(precis__graph *g, const precis__nodes *nodes,
		      size_t nterms, double exact_max, precis__sim_fn sim,
		      const void *arg, double min_sim, int self);

/* Postings of each term: (node, weight) pairs in node order. */
typedef struct precis__postings {
	size_t *off; /* term t: [off[t], off[t + 1]) */
	uint32_t *node;
	double *w;
} precis__postings;

/* 0 or PRECIS_ERR_NOMEM (then free it all the same). */
int precis__postings_build(precis__postings *p, const precis__nodes *nodes,
			   size_t nterms);
void precis__postings_free(precis__postings *p);

/*
 * The stationary distribution p[n] of the walk that with probability
 * `jump` moves to a node chosen uniformly and otherwise follows an edge
 * in proportion to its weight (a node without edges jumps), by power
 * iteration. 0 or PRECIS_ERR_NOMEM.
 */
int precis__graph_rank(const precis__graph *g, double jump, double *p);
/* The same walk jumping to node v with probability bias[v] (summing to
 * 1) instead of uniformly: personalized PageRank. */
int precis__graph_rank_biased(const precis__graph *g, double jump,
			      const double *bias, double *p);

#endif
