/*
 * lsa.c - LSA sentence scoring, Steinberger & Ježek (2004), "Using latent
 * semantic analysis in text summarization and summary evaluation": the
 * term-by-sentence matrix A (cells: term frequency; a topic is then words
 * that recur together, not one sentence's rare words) is decomposed
 * A = U S V^T; each
 * kept dimension i is a topic of weight s_i, and sentence k's score is the
 * length of its vector in the reduced space, sqrt(sum_i s_i^2 v_ki^2),
 * over the dimensions with s_i >= r * s_1 (lsa-sigma-ratio r, 0.5: the
 * paper's rule of keeping the topics at least half as strong as the first).
 *
 * Sentences are far fewer than terms, so V and S come from the eigenvectors
 * of the sentence Gram matrix G = A^T A (eigenvalues s_i^2), computed by
 * cyclic Jacobi rotations. G is only ever applied as A^T (A Q): a document
 * with more than MAXDIM candidate sentences gets its leading MAXDIM
 * dimensions by subspace iteration (Rayleigh-Ritz) instead of a dense G.
 *
 * An iteration costs the matrix's entries times K plus m K^2 for the
 * orthonormalization, and Q and its scratch hold 2 m K doubles: linear in
 * the document, but 48 dimensions over a 100 MB text's 800,000 sentences
 * are 600 MB and minutes. Past LARGE candidates (far above any article:
 * the data sets' longest has about 250 sentences, so their scores are as
 * they were) the iteration keeps LARGE_DIM dimensions for LARGE_ITERATIONS
 * steps. The score counts only the topics at least lsa-sigma-ratio (0.5)
 * as strong as the first, and on long texts a handful qualify.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "rank/graph.h"

#define MAXDIM 48
#define ITERATIONS 30
#define LARGE 2000
#define LARGE_DIM 16
#define LARGE_ITERATIONS 20

typedef struct lsa {
	const precis__svec *col; /* column k of A: candidate k's vector */
	size_t m, K, T;          /* candidates, dimensions, terms */
	int iterations;
	double *q, *z, *y;       /* m x K, m x K, T x K, row-major */
} lsa;

/* z = A^T A q, through y = A q. */
static void gram_apply(lsa *s, const double *q, double *z)
{
	size_t K = s->K;
	memset(s->y, 0, s->T * K * sizeof *s->y);
	for (size_t k = 0; k < s->m; k++)
		for (size_t j = 0; j < s->col[k].n; j++) {
			double w = s->col[k].w[j], *yt = s->y + s->col[k].id[j] * K;
			for (size_t c = 0; c < K; c++)
				yt[c] += w * q[k * K + c];
		}
	for (size_t k = 0; k < s->m; k++) {
		double *zk = z + k * K;
		memset(zk, 0, K * sizeof *zk);
		for (size_t j = 0; j < s->col[k].n; j++) {
			double w = s->col[k].w[j], *yt = s->y + s->col[k].id[j] * K;
			for (size_t c = 0; c < K; c++)
				zk[c] += w * yt[c];
		}
	}
}

/* A dot product summed in index order, as the scores were first computed:
 * the subspace iteration is sensitive enough that reassociating this sum
 * (four running sums, say) changed which sentence ranks first on long
 * documents. */
static double dot(const double *a, const double *b, size_t n)
{
	double s = 0.0;
	for (size_t k = 0; k < n; k++)
		s += a[k] * b[k];
	return s;
}

/*
 * Modified Gram-Schmidt on the K columns of the m x K matrix q. The columns
 * are copied out to `t` (K x m) first: walking a row-major column strides
 * K doubles per step and made this, at O(m K^2) per iteration, nearly all
 * of the run time on a long document; contiguous columns vectorize.
 */
static void orthonormalize(double *q, size_t m, size_t K, double *t)
{
	for (size_t k = 0; k < m; k++)
		for (size_t c = 0; c < K; c++)
			t[c * m + k] = q[k * K + c];
	for (size_t c = 0; c < K; c++) {
		double *tc = t + c * m;
		for (size_t p = 0; p < c; p++) {
			const double *tp = t + p * m;
			double d = dot(tc, tp, m);
			for (size_t k = 0; k < m; k++)
				tc[k] -= d * tp[k];
		}
		double norm = sqrt(dot(tc, tc, m));
		for (size_t k = 0; k < m; k++)
			tc[k] = norm > 1e-300 ? tc[k] / norm : 0.0;
	}
	for (size_t k = 0; k < m; k++)
		for (size_t c = 0; c < K; c++)
			q[k * K + c] = t[c * m + k];
}

/* One Jacobi rotation zeroing b[p][q], applied to b (K x K) and w. */
static void rotate(double *b, double *w, size_t K, size_t p, size_t q)
{
	double theta = (b[q * K + q] - b[p * K + p]) / (2.0 * b[p * K + q]);
	double t = (theta >= 0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
	double c = 1.0 / sqrt(t * t + 1.0), s = t * c;
	for (size_t k = 0; k < K; k++) {
		double bp = b[k * K + p], bq = b[k * K + q];
		b[k * K + p] = c * bp - s * bq;
		b[k * K + q] = s * bp + c * bq;
		double wp = w[k * K + p], wq = w[k * K + q];
		w[k * K + p] = c * wp - s * wq;
		w[k * K + q] = s * wp + c * wq;
	}
	for (size_t k = 0; k < K; k++) {
		double bp = b[p * K + k], bq = b[q * K + k];
		b[p * K + k] = c * bp - s * bq;
		b[q * K + k] = s * bp + c * bq;
	}
}

/* Eigen-decomposes the symmetric b in place (eigenvalues on its diagonal,
 * eigenvectors in w's columns) by cyclic Jacobi sweeps. */
static void jacobi(double *b, double *w, size_t K)
{
	for (size_t i = 0; i < K * K; i++)
		w[i] = i % (K + 1) == 0 ? 1.0 : 0.0;
	for (int sweep = 0; sweep < 100; sweep++) {
		double off = 0.0, all = 0.0;
		for (size_t i = 0; i < K * K; i++) {
			all += b[i] * b[i];
			if (i % (K + 1) != 0)
				off += b[i] * b[i];
		}
		if (off <= 1e-24 * all)
			return;
		for (size_t p = 0; p < K; p++)
			for (size_t q = p + 1; q < K; q++)
				if (b[p * K + q] != 0.0)
					rotate(b, w, K, p, q);
	}
}

/* A fixed pseudo-random start (an LCG), so scores never depend on a seed. */
static void start_basis(double *q, size_t m, size_t K)
{
	uint64_t x = 0x2545f4914f6cdd1dull;
	for (size_t i = 0; i < m * K; i++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		q[i] = (double)(x >> 11) * 0x1.0p-53 - 0.5;
	}
}

/* Leaves in b (K x K) the projection Q^T G Q of G onto its leading
 * K-dimensional subspace Q (all of it when there are K sentences). */
static void project(lsa *s, double *b)
{
	size_t m = s->m, K = s->K;
	if (m == K) {
		for (size_t i = 0; i < m * K; i++)
			s->q[i] = i % (K + 1) == 0 ? 1.0 : 0.0;
	} else {
		start_basis(s->q, m, K);
		orthonormalize(s->q, m, K, s->z);
		for (int it = 0; it < s->iterations; it++) {
			gram_apply(s, s->q, s->z);
			memcpy(s->q, s->z, m * K * sizeof *s->q);
			orthonormalize(s->q, m, K, s->z);
		}
	}
	gram_apply(s, s->q, s->z);
	for (size_t a = 0; a < K; a++)
		for (size_t c = 0; c < K; c++) {
			double dot = 0.0;
			for (size_t k = 0; k < m; k++)
				dot += s->q[k * K + a] * s->z[k * K + c];
			b[a * K + c] = dot;
		}
	for (size_t a = 0; a < K; a++) /* symmetric up to rounding */
		for (size_t c = a + 1; c < K; c++)
			b[a * K + c] = b[c * K + a] = 0.5 * (b[a * K + c] + b[c * K + a]);
}

/* Steinberger & Ježek's length in the kept dimensions, per candidate. */
static void lsa_scores(lsa *s, const double *b, const double *w, double r,
		       double *out)
{
	size_t K = s->K;
	double top = 0.0;
	for (size_t i = 0; i < K; i++)
		top = b[i * K + i] > top ? b[i * K + i] : top;
	for (size_t k = 0; k < s->m; k++) {
		double sum = 0.0;
		for (size_t i = 0; i < K; i++) {
			double lam = b[i * K + i]; /* s_i^2 */
			if (lam <= 0.0 || sqrt(lam) < r * sqrt(top))
				continue;
			double v = 0.0; /* v_ki = (Q W)[k][i] */
			for (size_t c = 0; c < K; c++)
				v += s->q[k * K + c] * w[c * K + i];
			sum += lam * v * v;
		}
		out[k] = sqrt(sum);
	}
}

/* The distinct terms the candidates hold, up to `cap`: A's rank is at most
 * that many, and dimensions past it are only noise to iterate (60,000
 * candidates of stopwords alone have none). Fewer dimensions would also
 * move the unsettled last bits of short documents' scores, so only long
 * ones are cut to it. */
static size_t terms_present(const precis__svec *col, size_t m, size_t T, size_t cap,
			    int *oom)
{
	unsigned char *seen = calloc(T, 1);
	if (seen == NULL) {
		*oom = 1;
		return 0;
	}
	size_t n = 0;
	for (size_t k = 0; k < m && n < cap; k++)
		for (size_t j = 0; j < col[k].n; j++)
			if (!seen[col[k].id[j]]) {
				seen[col[k].id[j]] = 1;
				n++;
			}
	free(seen);
	return n < cap ? n : cap;
}

int precis__rank_lsa(const precis__rank_input *in, double *scores,
		     precis_error *err)
{
	const precis_doc *d = in->doc;
	precis__nodes nodes;
	if (precis__nodes_tf(&nodes, in, NULL) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	size_t m = nodes.n, mm = m ? m : 1;
	lsa s = { nodes.v, m, m < MAXDIM ? m : MAXDIM, d->nterms ? d->nterms : 1,
		  ITERATIONS, NULL, NULL, NULL };
	if (m > LARGE) {
		s.K = LARGE_DIM;
		s.iterations = LARGE_ITERATIONS;
	}
	int oom = 0;
	size_t rank = m > 0 ? terms_present(nodes.v, m, s.T, s.K, &oom) : 0;
	if (rank == 0)
		m = s.m = 0; /* no term: every score is 0 */
	else if (m > LARGE)
		s.K = rank; /* below LARGE scores stay as they were */
	size_t K = s.K ? s.K : 1;
	s.q = malloc(mm * K * sizeof *s.q);
	s.z = malloc(mm * K * sizeof *s.z);
	s.y = malloc(s.T * K * sizeof *s.y);
	double *b = malloc(K * K * sizeof *b), *w = malloc(K * K * sizeof *w);
	double *sc = malloc(mm * sizeof *sc);
	int rc = s.q && s.z && s.y && b && w && sc && !oom ? 0 : PRECIS_ERR_NOMEM;
	if (rc == 0) {
		for (size_t i = 0; i < d->units.n; i++)
			scores[i] = 0.0;
		if (m > 0) {
			project(&s, b);
			jacobi(b, w, s.K);
			lsa_scores(&s, b, w,
				   in->params[PRECIS_PARAM_LSA_SIGMA_RATIO], sc);
		}
		for (size_t k = 0; k < m; k++)
			scores[nodes.unit[k]] = sc[k];
	}
	free(s.q);
	free(s.z);
	free(s.y);
	free(b);
	free(w);
	free(sc);
	precis__nodes_free(&nodes);
	return rc == 0 ? 0 : precis__fail(err, rc, NULL);
}
