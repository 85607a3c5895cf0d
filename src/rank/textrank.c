/*
 * textrank.c - TextRank for sentence extraction, Mihalcea & Tarau (2004),
 * "TextRank: bringing order into texts": two sentences are linked by their
 * content overlap, the number of terms they share divided by the sum of the
 * logs of their lengths (so long sentences do not win by length alone), and
 * sentences are ranked by weighted PageRank with damping d (0.85 in the
 * paper; textrank-damping). Lengths count content terms, the units the
 * overlap counts. No sentence links to itself.
 */
#include <math.h>
#include <stdlib.h>

#include "base/internal.h"
#include "rank/graph.h"

typedef struct tr_arg {
	double *loglen; /* per node: log of its length, computed once */
} tr_arg;

/* The paper's eq. (the sentence similarity of section 4.1). */
static double tr_sim(const void *arg, size_t u, size_t v, double dot,
		     size_t common)
{
	const tr_arg *a = arg;
	(void)dot;
	double den = a->loglen[u] + a->loglen[v];
	/* Two one-term sentences: log 1 + log 1 = 0; let the overlap stand. */
	if (den <= 0.0)
		den = 1.0;
	return (double)common / den;
}

int precis__rank_textrank(const precis__rank_input *in, double *scores,
			  precis_error *err)
{
	precis__nodes nodes;
	precis__graph g = { 0 };
	double *p = NULL;
	if (precis__nodes_tf(&nodes, in, NULL) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	tr_arg arg = { malloc((nodes.n ? nodes.n : 1) * sizeof(double)) };
	int rc = arg.loglen ? 0 : PRECIS_ERR_NOMEM;
	for (size_t k = 0; rc == 0 && k < nodes.n; k++) {
		size_t len;
		precis__doc_terms(in->doc, nodes.unit[k], &len);
		arg.loglen[k] = log((double)len);
	}
	if (rc == 0)
		rc = precis__graph_for(&g, &nodes, in->doc->nterms,
				   in->params[PRECIS_PARAM_GRAPH_EXACT_MAX],
				   tr_sim, &arg, 0.0, 0);
	if (rc == 0 && (p = malloc((nodes.n ? nodes.n : 1) * sizeof *p)) == NULL)
		rc = PRECIS_ERR_NOMEM;
	/* WS(Vi) = (1 - d) + d * sum ...: the walk that jumps with 1 - d, up
	 * to the constant factor n. */
	double d = in->params[PRECIS_PARAM_TEXTRANK_DAMPING];
	if (rc == 0)
		rc = precis__graph_rank(&g, 1.0 - d, p);
	if (rc == 0) {
		for (size_t i = 0; i < in->doc->units.n; i++)
			scores[i] = 0.0;
		for (size_t k = 0; k < nodes.n; k++)
			scores[nodes.unit[k]] = p[k] * (double)nodes.n;
	}
	free(p);
	free(arg.loglen);
	precis__graph_free(&g);
	precis__nodes_free(&nodes);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
