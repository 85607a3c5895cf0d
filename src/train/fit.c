/*
 * fit.c - L2-regularized logistic regression by Newton's method (a few
 * dozen weights: the Hessian is tiny, and Newton converges in a handful
 * of steps to the one optimum of a strictly convex loss, the same on
 * every run), on standardized features so one L2 strength fits all.
 * Sentence models come from oracle labels (logistic) or from pairs of an
 * oracle unit and another unit of its document (pairwise: RankNet's loss,
 * Burges et al. 2005, with a linear scorer); the bundle's choice is the
 * same regression on document features.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "train/train.h"

#define MAXP (PRECIS__NFEAT + 1)

/* Rows of a regression problem: x (n x p), target y, weight wt. */
typedef struct problem {
	double *x, *y, *wt;
	size_t n, p;
	int bias; /* the last column is a constant 1, not regularized */
} problem;

static double logistic_loss(const problem *pb, const double *w, double lambda)
{
	double loss = 0, sum_wt = 0;
	for (size_t i = 0; i < pb->n; i++) {
		const double *r = pb->x + i * pb->p;
		double z = 0;
		for (size_t j = 0; j < pb->p; j++)
			z += w[j] * r[j];
		/* log(1 + e^z) - y z, computed without overflow */
		double l = z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
		loss += pb->wt[i] * (l - pb->y[i] * z);
		sum_wt += pb->wt[i];
	}
	loss /= sum_wt > 0 ? sum_wt : 1;
	for (size_t j = 0; j < pb->p - (size_t)pb->bias; j++)
		loss += 0.5 * lambda * w[j] * w[j];
	return loss;
}

/* Solves h x = g for symmetric positive definite h (p x p) by Cholesky,
 * in place: g becomes x. -1 when h is not positive definite. */
static int cholesky_solve(double *h, double *g, size_t p)
{
	for (size_t j = 0; j < p; j++) {
		double s = h[j * p + j];
		for (size_t k = 0; k < j; k++)
			s -= h[j * p + k] * h[j * p + k];
		if (!(s > 0))
			return -1;
		h[j * p + j] = sqrt(s);
		for (size_t i = j + 1; i < p; i++) {
			double t = h[i * p + j];
			for (size_t k = 0; k < j; k++)
				t -= h[i * p + k] * h[j * p + k];
			h[i * p + j] = t / h[j * p + j];
		}
	}
	for (size_t i = 0; i < p; i++) {
		for (size_t k = 0; k < i; k++)
			g[i] -= h[i * p + k] * g[k];
		g[i] /= h[i * p + i];
	}
	for (size_t i = p; i-- > 0;) {
		for (size_t k = i + 1; k < p; k++)
			g[i] -= h[k * p + i] * g[k];
		g[i] /= h[i * p + i];
	}
	return 0;
}

/* Gradient g and Hessian h of the loss at w. */
static void derivatives(const problem *pb, const double *w, double lambda,
			double *g, double *h)
{
	size_t p = pb->p;
	double sum_wt = 0;
	memset(g, 0, p * sizeof *g);
	memset(h, 0, p * p * sizeof *h);
	for (size_t i = 0; i < pb->n; i++) {
		const double *r = pb->x + i * p;
		double z = 0;
		for (size_t j = 0; j < p; j++)
			z += w[j] * r[j];
		double q = 1.0 / (1.0 + exp(-z)), a = pb->wt[i] * (q - pb->y[i]);
		double b = pb->wt[i] * q * (1.0 - q);
		for (size_t j = 0; j < p; j++) {
			g[j] += a * r[j];
			for (size_t k = 0; k <= j; k++)
				h[j * p + k] += b * r[j] * r[k];
		}
		sum_wt += pb->wt[i];
	}
	double s = sum_wt > 0 ? 1.0 / sum_wt : 1.0;
	for (size_t j = 0; j < p; j++) {
		int reg = j + (size_t)pb->bias < p;
		g[j] = g[j] * s + (reg ? lambda * w[j] : 0.0);
		for (size_t k = 0; k <= j; k++) {
			h[j * p + k] *= s;
			h[k * p + j] = h[j * p + k];
		}
		/* A little ridge on every diagonal keeps a constant or
		 * duplicated column from making h singular. */
		h[j * p + j] += (reg ? lambda : 0.0) + 1e-9;
	}
}

/* Newton steps, halved while they do not lower the loss. */
static void newton(const problem *pb, double lambda, double *w)
{
	size_t p = pb->p;
	double g[MAXP], h[MAXP * MAXP], trial[MAXP];
	memset(w, 0, p * sizeof *w);
	double loss = logistic_loss(pb, w, lambda);
	for (int it = 0; it < 100; it++) {
		derivatives(pb, w, lambda, g, h);
		if (cholesky_solve(h, g, p) != 0)
			break;
		double step = 1.0, next = loss, size = 0;
		for (int half = 0; half < 30; half++, step *= 0.5) {
			for (size_t j = 0; j < p; j++)
				trial[j] = w[j] - step * g[j];
			next = logistic_loss(pb, trial, lambda);
			if (next <= loss)
				break;
		}
		if (!(next <= loss))
			break;
		for (size_t j = 0; j < p; j++) {
			size = fmax(size, fabs(trial[j] - w[j]));
			w[j] = trial[j];
		}
		int done = loss - next < 1e-13 * (1.0 + fabs(loss)) || size < 1e-10;
		loss = next;
		if (done)
			break;
	}
}

static int problem_alloc(problem *pb, size_t n, size_t p, int bias)
{
	pb->n = n;
	pb->p = p;
	pb->bias = bias;
	pb->x = malloc((n ? n : 1) * p * sizeof *pb->x);
	pb->y = malloc((n ? n : 1) * sizeof *pb->y);
	pb->wt = malloc((n ? n : 1) * sizeof *pb->wt);
	return pb->x && pb->y && pb->wt ? 0 : PRECIS_ERR_NOMEM;
}

static void problem_free(problem *pb)
{
	free(pb->x);
	free(pb->y);
	free(pb->wt);
}

/* Means and standard deviations of the eligible units' features; a
 * feature outside `mask`, or constant, gets sd 0 (left out). */
static void moments(const precis_trainer *t, const size_t *docs, size_t n,
		    const unsigned char *mask, double *mean, double *sd)
{
	double cnt = 0, s1[PRECIS__NFEAT] = { 0 }, s2[PRECIS__NFEAT] = { 0 };
	for (size_t k = 0; k < n; k++) {
		const precis__tdoc *td = &t->v[docs[k]];
		for (size_t u = 0; u < td->units; u++) {
			if (!td->eligible[u])
				continue;
			cnt++;
			for (size_t f = 0; f < PRECIS__NFEAT; f++) {
				double v = td->x[u * PRECIS__NFEAT + f];
				s1[f] += v;
				s2[f] += v * v;
			}
		}
	}
	for (size_t f = 0; f < PRECIS__NFEAT; f++) {
		mean[f] = cnt > 0 ? s1[f] / cnt : 0;
		double var = cnt > 0 ? s2[f] / cnt - mean[f] * mean[f] : 0;
		sd[f] = mask[f] && var > 1e-12 ? sqrt(var) : 0.0;
	}
}

/* The active features' standardized values of unit u into r. */
static void row(const precis__tdoc *td, size_t u, const double *mean,
		const double *sd, double *r)
{
	size_t j = 0;
	for (size_t f = 0; f < PRECIS__NFEAT; f++)
		if (sd[f] > 0)
			r[j++] = (td->x[u * PRECIS__NFEAT + f] - mean[f]) / sd[f];
}

/* The rows: every eligible unit (logistic), or every (oracle unit, other
 * unit) pair of a document as the difference of their rows (pairwise).
 * Each document weighs the same in all, whatever its length. */
static int build(const precis_trainer *t, const size_t *docs, size_t n,
		 int loss, const double *mean, const double *sd, size_t p,
		 problem *pb)
{
	size_t rows = 0;
	for (size_t k = 0; k < n; k++) {
		const precis__tdoc *td = &t->v[docs[k]];
		size_t pos = 0, neg = 0;
		for (size_t u = 0; u < td->units; u++)
			if (td->eligible[u])
				td->label[u] ? pos++ : neg++;
		rows += loss == PRECIS_TRAIN_PAIRWISE ? pos * neg : pos + neg;
	}
	int bias = loss != PRECIS_TRAIN_PAIRWISE;
	if (problem_alloc(pb, rows, p + (size_t)bias, bias) != 0)
		return PRECIS_ERR_NOMEM;
	double a[MAXP], b[MAXP];
	size_t i = 0;
	for (size_t k = 0; k < n; k++) {
		const precis__tdoc *td = &t->v[docs[k]];
		size_t first = i;
		for (size_t u = 0; u < td->units; u++) {
			if (!td->eligible[u])
				continue;
			if (bias) {
				row(td, u, mean, sd, pb->x + i * pb->p);
				pb->x[i * pb->p + p] = 1.0;
				pb->y[i++] = td->label[u];
				continue;
			}
			if (!td->label[u])
				continue;
			row(td, u, mean, sd, a);
			for (size_t v = 0; v < td->units; v++) {
				if (!td->eligible[v] || td->label[v])
					continue;
				row(td, v, mean, sd, b);
				for (size_t j = 0; j < p; j++)
					pb->x[i * p + j] = a[j] - b[j];
				pb->y[i++] = 1.0;
			}
		}
		for (size_t j = first; j < i; j++)
			pb->wt[j] = 1.0 / (double)(i - first);
	}
	return 0;
}

int precis__fit_sentences(const precis_trainer *t, const size_t *docs,
			  size_t n, const unsigned char *mask, int loss,
			  double lambda, precis__submodel *out)
{
	double mean[PRECIS__NFEAT], sd[PRECIS__NFEAT], w[MAXP];
	moments(t, docs, n, mask, mean, sd);
	size_t p = 0;
	for (size_t f = 0; f < PRECIS__NFEAT; f++)
		p += sd[f] > 0;
	problem pb;
	int rc = build(t, docs, n, loss, mean, sd, p, &pb);
	if (rc == 0) {
		newton(&pb, lambda, w);
		/* Back to raw features: w_f x_f = w'_f (x_f - mean_f) / sd_f. */
		double bias = pb.bias ? w[p] : 0.0;
		size_t j = 0;
		for (size_t f = 0; f < PRECIS__NFEAT; f++) {
			out->used[f] = mask[f];
			out->w[f] = 0.0;
			if (sd[f] > 0) {
				out->w[f] = w[j] / sd[f];
				bias -= w[j++] * mean[f] / sd[f];
			}
		}
		out->bias = bias;
	}
	problem_free(&pb);
	return rc;
}

int precis__fit_gate(const double *dx, const double *y, const double *wt,
		     size_t n, const unsigned char *mask, double lambda,
		     precis__submodel *out)
{
	double mean[PRECIS__NDFEAT] = { 0 }, sd[PRECIS__NDFEAT] = { 0 }, w[MAXP];
	double sum_wt = 0;
	for (size_t i = 0; i < n; i++) {
		sum_wt += wt[i];
		for (size_t f = 0; f < PRECIS__NDFEAT; f++)
			mean[f] += wt[i] * dx[i * PRECIS__NDFEAT + f];
	}
	for (size_t f = 0; f < PRECIS__NDFEAT; f++)
		mean[f] /= sum_wt > 0 ? sum_wt : 1;
	for (size_t i = 0; i < n; i++)
		for (size_t f = 0; f < PRECIS__NDFEAT; f++) {
			double d = dx[i * PRECIS__NDFEAT + f] - mean[f];
			sd[f] += wt[i] * d * d;
		}
	size_t p = 0;
	for (size_t f = 0; f < PRECIS__NDFEAT; f++) {
		sd[f] = mask[f] && sum_wt > 0 && sd[f] / sum_wt > 1e-12 ? sqrt(sd[f] / sum_wt) : 0.0;
		p += sd[f] > 0;
	}
	problem pb;
	if (problem_alloc(&pb, n, p + 1, 1) != 0) {
		problem_free(&pb);
		return PRECIS_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		for (size_t f = 0; f < PRECIS__NDFEAT; f++)
			if (sd[f] > 0)
				pb.x[i * pb.p + j++] = (dx[i * PRECIS__NDFEAT + f] - mean[f]) / sd[f];
		pb.x[i * pb.p + p] = 1.0;
		pb.y[i] = y[i];
		pb.wt[i] = wt[i];
	}
	newton(&pb, lambda, w);
	double bias = w[p];
	size_t j = 0;
	for (size_t f = 0; f < PRECIS__NDFEAT; f++) {
		out->gate_used[f] = mask[f];
		out->gate[f] = 0.0;
		if (sd[f] > 0) {
			out->gate[f] = w[j] / sd[f];
			bias -= w[j++] * mean[f] / sd[f];
		}
	}
	out->gate_bias = bias;
	problem_free(&pb);
	return 0;
}
