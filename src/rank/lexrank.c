/*
 * lexrank.c - LexRank, Erkan & Radev (2004), "LexRank: graph-based lexical
 * centrality as salience in text summarization": sentences are nodes, the
 * idf-modified cosine of their tf*idf vectors weighs the edges, and a
 * sentence is central when a random walk on that graph visits it often.
 *
 * lexrank-threshold 0 (the default) is the paper's continuous LexRank (edges
 * weighted by the cosine); t > 0 is LexRank with threshold t (edges where
 * the cosine exceeds t, all of weight 1; the paper liked t = 0.1).
 * lexrank-jump is the paper's damping d, the probability of a random jump
 * (it used values in [0.1, 0.2]). As in the paper's similarity matrix, a
 * sentence is similar to itself: the loops stay.
 */
#include <stdlib.h>

#include "base/internal.h"
#include "rank/graph.h"

typedef struct lex_arg {
	const precis__nodes *nodes;
	double threshold;
} lex_arg;

/* idf-modified-cosine (the paper's eq. 3); the weights already hold tf*idf. */
static double lex_sim(const void *arg, size_t u, size_t v, double dot,
		      size_t common)
{
	const lex_arg *a = arg;
	(void)common;
	double nu = a->nodes->v[u].norm, nv = a->nodes->v[v].norm;
	if (nu <= 0.0 || nv <= 0.0)
		return 0.0;
	double cos = dot / (nu * nv);
	if (a->threshold > 0.0)
		return cos > a->threshold ? 1.0 : 0.0;
	return cos;
}

int precis__rank_lexrank(const precis__rank_input *in, double *scores,
			 precis_error *err)
{
	precis__nodes nodes;
	precis__graph g = { 0 };
	double *p = NULL;
	if (precis__nodes_tf(&nodes, in, in->idf) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	lex_arg arg = { &nodes, in->params[PRECIS_PARAM_LEXRANK_THRESHOLD] };
	int rc = precis__graph_for(&g, &nodes, in->doc->nterms,
				   in->params[PRECIS_PARAM_GRAPH_EXACT_MAX],
				   lex_sim, &arg, 0.0, 1);
	if (rc == 0 && (p = malloc((nodes.n ? nodes.n : 1) * sizeof *p)) == NULL)
		rc = PRECIS_ERR_NOMEM;
	if (rc == 0)
		rc = precis__graph_rank(&g, in->params[PRECIS_PARAM_LEXRANK_JUMP], p);
	if (rc == 0) {
		for (size_t i = 0; i < in->doc->units.n; i++)
			scores[i] = 0.0;
		for (size_t k = 0; k < nodes.n; k++)
			scores[nodes.unit[k]] = p[k];
	}
	free(p);
	precis__graph_free(&g);
	precis__nodes_free(&nodes);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
