/*
 * lcs.c - summary-level ROUGE-L and ROUGE-W as ROUGE-1.5.5 computes
 * them. For each reference sentence, the LCS with every candidate sentence
 * is traced back (on a match go diagonal; otherwise up when the cell above
 * is >= the cell to the left, else left) and the reference positions on it
 * are marked; the union of marks is then counted in order, each hit
 * consuming one unit of both the reference's and the candidate's unigram
 * counts so that no token is credited twice.
 *
 * ROUGE-W does the same with the weighted LCS: a match extending a run of k
 * consecutive matches adds (k+1)^w - k^w. Marked runs are credited run^w;
 * the reference's count is (sum over sentences of length^w)^w - 1.5.5
 * applies the weight twice - and the candidate's is (tokens)^w.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

static size_t longest_sentence(const rouge_text *t)
{
	size_t best = 0, start = 0;
	for (size_t s = 0; s < t->nsent; s++) {
		if (t->sent[s] - start > best)
			best = t->sent[s] - start;
		start = t->sent[s];
	}
	return best;
}

/* Grows the two-row tables for candidate sentences of up to n tokens. */
static int reserve_rows(rouge_pair *p, size_t n, int weighted)
{
	size_t need = 2 * (n + 1), cap = p->wdp_cap;
	if (!weighted)
		return precis__grow((void **)&p->dp, &p->dp_cap, need,
				    sizeof *p->dp);
	if (precis__grow((void **)&p->wdp, &cap, need, sizeof *p->wdp) != 0)
		return PRECIS_ERR_NOMEM;
	cap = p->wdp_cap;
	if (precis__grow((void **)&p->wlen, &cap, need, sizeof *p->wlen) != 0)
		return PRECIS_ERR_NOMEM;
	p->wdp_cap = cap;
	return 0;
}

/* Sizes the tables for the pair; PRECIS_ERR_ARG when the trace-back bits
 * of a sentence pair would pass ROUGE_MAX_LCS_CELLS. */
static int reserve(rouge_pair *p, int weighted)
{
	size_t n = longest_sentence(&p->text[0]), m = 1, ntok = 1;
	for (size_t r = 1; r < p->ntext; r++) {
		size_t k = longest_sentence(&p->text[r]);
		m = k > m ? k : m;
		ntok = p->text[r].ntok > ntok ? p->text[r].ntok : ntok;
	}
	if (precis__grow((void **)&p->mask, &p->mask_cap, ntok, 1) != 0 ||
	    precis__grow((void **)&p->rows, &p->rows_cap, m + 1,
			 sizeof *p->rows) != 0)
		return PRECIS_ERR_NOMEM;
	if (p->nterms > p->pm_cap) {
		size_t old = p->pm_cap;
		if (precis__grow((void **)&p->pm, &p->pm_cap, p->nterms,
				 sizeof *p->pm) != 0)
			return PRECIS_ERR_NOMEM;
		memset(p->pm + old, 0, (p->pm_cap - old) * sizeof *p->pm);
	}
	if (!weighted && n <= 64)
		return 0; /* bit-parallel only */
	if (n > 0 && m > ROUGE_MAX_LCS_CELLS / n)
		return PRECIS_ERR_ARG;
	if (reserve_rows(p, n, weighted) != 0 ||
	    precis__grow((void **)&p->up, &p->up_cap, (m * n + 63) / 64 + 1,
			 sizeof *p->up) != 0)
		return PRECIS_ERR_NOMEM;
	return 0;
}

/* Bits set in v (SWAR: no library call without -mpopcnt). */
static int popcount64(uint64_t v)
{
	v -= (v >> 1) & 0x5555555555555555ull;
	v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
	v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (int)((v * 0x0101010101010101ull) >> 56);
}

/* c[i][j] of the LCS table from row i's bit vector: zeros below bit j. */
static int row_count(uint64_t v, size_t j)
{
	uint64_t low = j >= 64 ? ~0ull : (1ull << j) - 1;
	return popcount64(~v & low);
}

/*
 * lcs_mark for a candidate sentence of at most 64 tokens, bit-parallel
 * (Allison-Dix, Hyyro): row i of the LCS table is kept as a bit vector v
 * whose zero bits are the columns where the row steps up, so c[i][j] is
 * the number of zeros below bit j. pm[t] has bit j set where y[j] is t.
 * The trace back visits the same cells with the same rule as lcs_mark.
 */
static void bits_mark(const uint32_t *x, size_t m, const uint32_t *y, size_t n,
		      const uint64_t *pm, uint64_t *rows, uint8_t *mask)
{
	uint64_t v = ~0ull;
	rows[0] = v;
	for (size_t i = 1; i <= m; i++) {
		uint64_t u = v & pm[x[i - 1]];
		v = (v + u) | (v - u);
		rows[i] = v;
	}
	int cur = row_count(v, n); /* c[i][j] along the trace */
	for (size_t i = m, j = n; cur > 0 && i > 0 && j > 0;) {
		if (x[i - 1] == y[j - 1]) {
			mask[--i] = 1, j--, cur--;
			continue;
		}
		int up = row_count(rows[i - 1], j);
		int left = cur - (int)(~rows[i] >> (j - 1) & 1);
		if (up >= left)
			i--, cur = up;
		else
			j--, cur = left;
	}
}

/* The trace back shared by both tables: up[] holds, per cell (i, j) with
 * x[i-1] != y[j-1], whether c[i-1][j] >= c[i][j-1] (go up, else left). */
static void trace(const uint32_t *x, size_t m, const uint32_t *y, size_t n,
		  const uint64_t *up, uint8_t *mask)
{
	for (size_t i = m, j = n; i > 0 && j > 0;) {
		size_t b = (i - 1) * n + (j - 1);
		if (x[i - 1] == y[j - 1])
			mask[--i] = 1, j--;
		else if (up[b / 64] >> (b % 64) & 1)
			i--;
		else
			j--;
	}
}

static void set_up(uint64_t *up, size_t b)
{
	up[b / 64] |= 1ull << (b % 64);
}

/* Marks in `mask` the positions of x on the LCS of x[0, m) and y[0, n):
 * two rows of the table, and one bit per cell for the trace back. */
static void lcs_mark(rouge_pair *p, const uint32_t *x, size_t m,
		     const uint32_t *y, size_t n, uint8_t *mask)
{
	uint32_t *prev = p->dp, *row = p->dp + n + 1;
	memset(prev, 0, (n + 1) * sizeof *prev);
	memset(p->up, 0, ((m * n + 63) / 64) * sizeof *p->up);
	for (size_t i = 1; i <= m; i++) {
		uint32_t xi = x[i - 1], *t;
		row[0] = 0;
		for (size_t j = 1; j <= n; j++) {
			if (xi == y[j - 1]) {
				row[j] = prev[j - 1] + 1;
			} else if (prev[j] >= row[j - 1]) {
				row[j] = prev[j];
				set_up(p->up, (i - 1) * n + j - 1);
			} else {
				row[j] = row[j - 1];
			}
		}
		t = prev, prev = row, row = t;
	}
	trace(x, m, y, n, p->up, mask);
}

/* The same with the weighted LCS; wt[k] = k^w. */
static void wlcs_mark(rouge_pair *p, const uint32_t *x, size_t m,
		      const uint32_t *y, size_t n, uint8_t *mask)
{
	double *prev = p->wdp, *row = p->wdp + n + 1, *t;
	uint32_t *lprev = p->wlen, *lrow = p->wlen + n + 1, *lt;
	const double *wt = p->weight;
	for (size_t j = 0; j <= n; j++)
		prev[j] = 0, lprev[j] = 0;
	memset(p->up, 0, ((m * n + 63) / 64) * sizeof *p->up);
	for (size_t i = 1; i <= m; i++) {
		uint32_t xi = x[i - 1];
		row[0] = 0, lrow[0] = 0;
		for (size_t j = 1; j <= n; j++) {
			if (xi == y[j - 1]) {
				uint32_t k = lprev[j - 1];
				row[j] = prev[j - 1] + wt[k + 1] - wt[k];
				lrow[j] = k + 1;
			} else if (prev[j] >= row[j - 1]) {
				row[j] = prev[j], lrow[j] = 0;
				set_up(p->up, (i - 1) * n + j - 1);
			} else {
				row[j] = row[j - 1], lrow[j] = 0;
			}
		}
		t = prev, prev = row, row = t;
		lt = lprev, lprev = lrow, lrow = lt;
	}
	trace(x, m, y, n, p->up, mask);
}

/* Unigram counts of the reference and the candidate, for clipping. */
static void load_counts(rouge_pair *p, size_t ref)
{
	size_t n;
	const uint32_t *t = rouge_text_flat(&p->text[ref], &n);
	for (size_t i = 0; i < n; i++)
		p->cnt_model[t[i]]++;
	t = rouge_text_flat(&p->text[0], &n);
	for (size_t i = 0; i < n; i++)
		p->cnt_peer[t[i]]++;
}

static void clear_counts(rouge_pair *p, size_t ref)
{
	size_t n;
	const uint32_t *t = rouge_text_flat(&p->text[ref], &n);
	for (size_t i = 0; i < n; i++)
		p->cnt_model[t[i]] = 0;
	t = rouge_text_flat(&p->text[0], &n);
	for (size_t i = 0; i < n; i++)
		p->cnt_peer[t[i]] = 0;
}

/* Consumes the counts of marked token x[i]; 1 when it is a hit. */
static int take(rouge_pair *p, uint32_t t)
{
	if (p->cnt_model[t] == 0 || p->cnt_peer[t] == 0)
		return 0;
	p->cnt_model[t]--;
	p->cnt_peer[t]--;
	return 1;
}

/* Marks in p->mask, over the whole reference, the union LCS of each of its
 * sentences with the candidate's sentences. */
static void union_mark(rouge_pair *p, const rouge_text *ref, int weighted)
{
	const rouge_text *cand = &p->text[0];
	if (ref->ntok == 0)
		return; /* nothing to mark, and ref->tok may be NULL */
	memset(p->mask, 0, ref->ntok);
	for (size_t s = 0, start = 0; cand->ntok > 0 && s < cand->nsent; s++) {
		size_t n = cand->sent[s] - start;
		const uint32_t *y = cand->tok + start;
		int bits = !weighted && n <= 64;
		for (size_t j = 0; bits && j < n; j++)
			p->pm[y[j]] |= 1ull << j;
		for (size_t r = 0, rs = 0; n > 0 && r < ref->nsent; r++) {
			size_t m = ref->sent[r] - rs;
			const uint32_t *x = ref->tok + rs;
			if (m == 0)
				;
			else if (bits)
				bits_mark(x, m, y, n, p->pm, p->rows, p->mask + rs);
			else if (weighted)
				wlcs_mark(p, x, m, y, n, p->mask + rs);
			else
				lcs_mark(p, x, m, y, n, p->mask + rs);
			rs = ref->sent[r];
		}
		for (size_t j = 0; bits && j < n; j++)
			p->pm[y[j]] = 0;
		start = cand->sent[s];
	}
}

static void lcs_ref(rouge_pair *p, size_t ref, rouge_counts *c)
{
	const rouge_text *t = &p->text[ref];
	double hit = 0, base = 0;
	load_counts(p, ref);
	union_mark(p, t, 0);
	for (size_t s = 0, start = 0; t->ntok > 0 && s < t->nsent; s++) {
		size_t m = t->sent[s] - start;
		const uint32_t *x = t->tok + start;
		const uint8_t *mask = p->mask + start;
		base += (double)m;
		for (size_t i = 0; i < m; i++)
			if (mask[i] && take(p, x[i]))
				hit++;
		start = t->sent[s];
	}
	clear_counts(p, ref);
	size_t npeer;
	rouge_text_flat(&p->text[0], &npeer);
	*c = (rouge_counts){ hit, base, (double)npeer,
			     base > 0 ? hit / base : 0 };
}

int precis__rouge_lcs_counts(rouge_pair *p, rouge_counts *per_ref)
{
	int rc = reserve(p, 0);
	if (rc != 0)
		return rc;
	for (size_t r = 1; r < p->ntext; r++)
		lcs_ref(p, r, &per_ref[r - 1]);
	return 0;
}

/* weight[k] = k^w for every run length the pair can have. */
static int weights(rouge_pair *p, double w)
{
	size_t need = 2;
	for (size_t r = 0; r < p->ntext; r++) {
		size_t k = longest_sentence(&p->text[r]) + 2;
		need = k > need ? k : need;
	}
	if (need <= p->weight_cap && p->weight_w == w)
		return 0;
	size_t cap = p->weight_cap;
	if (precis__grow((void **)&p->weight, &cap, need, sizeof *p->weight))
		return PRECIS_ERR_NOMEM;
	for (size_t k = 0; k < cap; k++)
		p->weight[k] = pow((double)k, w);
	p->weight_cap = cap;
	p->weight_w = w;
	return 0;
}

static void wlcs_ref(rouge_pair *p, size_t ref, double w, rouge_counts *c)
{
	const rouge_text *t = &p->text[ref];
	double hit = 0, base = 0;
	load_counts(p, ref);
	union_mark(p, t, 1);
	for (size_t s = 0, start = 0; t->ntok > 0 && s < t->nsent; s++) {
		size_t m = t->sent[s] - start, run = 0;
		const uint32_t *x = t->tok + start;
		const uint8_t *mask = p->mask + start;
		base += p->weight[m];
		for (size_t i = 0; i < m; i++) {
			if (!mask[i] || !take(p, x[i]))
				continue;
			run++;
			if (i + 1 == m || !mask[i + 1]) {
				hit += p->weight[run];
				run = 0;
			}
		}
		start = t->sent[s];
	}
	clear_counts(p, ref);
	size_t npeer;
	rouge_text_flat(&p->text[0], &npeer);
	*c = (rouge_counts){ hit, pow(base, w), pow((double)npeer, w),
			     base > 0 ? pow(hit / base, 1.0 / w) : 0 };
}

int precis__rouge_wlcs_counts(rouge_pair *p, double w, rouge_counts *per_ref)
{
	int rc = reserve(p, 1);
	if (rc == 0)
		rc = weights(p, w);
	if (rc != 0)
		return rc;
	for (size_t r = 1; r < p->ntext; r++)
		wlcs_ref(p, r, w, &per_ref[r - 1]);
	return 0;
}
