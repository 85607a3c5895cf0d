/*
 * score.c - from counts to the numbers ROUGE-1.5.5 prints. It rounds
 * R and P with sprintf("%7.5f") and reads them back, then computes F from
 * the rounded values and rounds it too; with several references it sums
 * the counts (-f A) or keeps the reference with the best score (-f B).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "rouge/internal.h"

/*
 * printf("%.5f") rounds the exact binary value to nearest, ties to even; so
 * does this, without formatting: k = floor(x * 1e5) is fixed up with an
 * exact residual (fma rounds once, so its sign is exact), then compared with
 * k + 0.5. k / 1e5 is correctly rounded, as strtod of the printed digits is.
 */
double precis__rouge_round5(double x)
{
	if (!(x >= 0 && x < 1e9)) {
		char buf[64];
		snprintf(buf, sizeof buf, "%7.5f", x);
		return strtod(buf, NULL);
	}
	double k = floor(x * 1e5);
	if (fma(x, 1e5, -k) < 0)
		k -= 1;
	else if (fma(x, 1e5, -(k + 1)) >= 0)
		k += 1;
	double d = fma(x, 1e5, -(k + 0.5));
	if (d > 0 || (d == 0 && fmod(k, 2) != 0))
		k += 1;
	return k / 1e5;
}

double precis__rouge_fscore(double r, double p, double alpha)
{
	double den = (1 - alpha) * p + alpha * r;
	return den > 0 ? precis__rouge_round5((p * r) / den) : 0;
}

static void combine(const rouge_counts *c, size_t n, int best,
		    rouge_counts *out)
{
	*out = (rouge_counts){ 0, 0, 0, -1 };
	for (size_t i = 0; i < n; i++) {
		if (!best) {
			out->hit += c[i].hit;
			out->model += c[i].model;
			out->peer += c[i].peer;
		} else if (c[i].best > out->best) {
			*out = c[i];
		}
	}
}

static double ratio(double hit, double count, double inv_w)
{
	if (count == 0)
		return 0;
	double x = hit / count;
	return precis__rouge_round5(inv_w > 0 ? pow(x, inv_w) : x);
}

static int counts_of(precis_rouge *r, const rouge_metric *m,
		     rouge_counts *per_ref)
{
	rouge_pair *p = r->pair;
	switch (m->kind) {
	case ROUGE_KIND_N:
		return precis__rouge_gram_counts(p, m->kind, m->n, 0, per_ref);
	case ROUGE_KIND_S:
	case ROUGE_KIND_SU:
		return precis__rouge_gram_counts(p, m->kind, 2,
						 r->opt.skip_distance, per_ref);
	case ROUGE_KIND_L:
		return precis__rouge_lcs_counts(p, per_ref);
	case ROUGE_KIND_W:
		return precis__rouge_wlcs_counts(p, r->opt.wlcs_weight, per_ref);
	}
	return PRECIS_ERR_ARG;
}

/* Scores every metric of the tokenized pair in r->pair. */
int precis__rouge_score_metrics(precis_rouge *r, rouge_counts *per_ref,
				precis_rouge_score *out)
{
	size_t nref = r->pair->ntext - 1;
	for (size_t i = 0; i < r->nmetrics; i++) {
		const rouge_metric *m = &r->metric[i];
		int rc = counts_of(r, m, per_ref);
		if (rc != 0)
			return rc;
		rouge_counts tot;
		combine(per_ref, nref, r->opt.best_reference, &tot);
		double inv = m->kind == ROUGE_KIND_W ? 1.0 / r->opt.wlcs_weight
						     : 0;
		precis_rouge_score *s = &out[i];
		s->hit = tot.hit;
		s->model_count = tot.model;
		s->peer_count = tot.peer;
		s->r = ratio(tot.hit, tot.model, inv);
		s->p = ratio(tot.hit, tot.peer, inv);
		s->f = precis__rouge_fscore(s->r, s->p, r->opt.alpha);
	}
	return 0;
}
