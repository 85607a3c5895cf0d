/*
 * eval.c - what evaluation needs beyond ROUGE itself: a summary as ROUGE
 * text, the greedy extractive oracle, and the paired bootstrap test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "doc/doc.h"
#include "summary/summary.h"

char *precis_summary_text(const precis_summary *s, const precis_doc *d,
			  size_t *len)
{
	size_t total = 1;
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		total += p.length + 1;
	char *buf = malloc(total);
	if (buf == NULL)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++) {
		n += precis_fold_lines(d->text + p.offset, p.length, buf + n);
		buf[n++] = '\n';
	}
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* Every unit folded onto one line, each followed by '\n', in one buffer. */
typedef struct lines {
	char *text;
	size_t *off, *len;
	char *cand; /* room for a candidate of every line */
} lines;

static void lines_free(lines *l)
{
	free(l->text);
	free(l->off);
	free(l->len);
	free(l->cand);
}

static int lines_make(lines *l, const precis_doc *d)
{
	size_t n = d->units.n ? d->units.n : 1;
	memset(l, 0, sizeof *l);
	l->text = malloc(d->len + n);
	l->cand = malloc(d->len + n);
	l->off = calloc(n, sizeof *l->off);
	l->len = calloc(n, sizeof *l->len);
	if (!l->text || !l->cand || !l->off || !l->len)
		return PRECIS_ERR_NOMEM;
	size_t o = 0;
	for (size_t u = 0; u < d->units.n; u++) {
		const precis__unit *x = &d->units.v[u];
		l->off[u] = o;
		l->len[u] = precis_fold_lines(d->text + x->start, x->end - x->start, l->text + o);
		o += l->len[u];
		l->text[o++] = '\n';
	}
	return 0;
}

/* chosen[u]: 0 open, 1 chosen, 2 closed (it no longer fits the budget). */
enum { OPEN = 0, CHOSEN = 1, CLOSED = 2 };

/* R-1 F + R-2 F of the chosen units plus `extra` (SIZE_MAX: none). */
static int objective(precis_rouge *rouge, const precis_doc *d, lines *l,
		     const unsigned char *chosen, size_t extra,
		     const char *const *refs, const size_t *ref_lens,
		     size_t nrefs, precis_rouge_score *sc, double *out,
		     precis_error *err)
{
	size_t n = 0;
	for (size_t u = 0; u < d->units.n; u++)
		if (chosen[u] == CHOSEN || u == extra) {
			memcpy(l->cand + n, l->text + l->off[u], l->len[u] + 1);
			n += l->len[u] + 1;
		}
	int rc = precis_rouge_score_pair(rouge, l->cand, n, refs, ref_lens, nrefs, sc, err);
	*out = sc[0].f + sc[1].f;
	return rc;
}

static int oracle_rouge_ok(precis_rouge *rouge, precis_error *err)
{
	const char *a = precis_rouge_metric_name(rouge, 0);
	const char *b = precis_rouge_metric_name(rouge, 1);
	if (a == NULL || b == NULL || strcmp(a, "ROUGE-1") != 0 || strcmp(b, "ROUGE-2") != 0)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "the oracle needs ROUGE-1 and ROUGE-2");
	return 0;
}

/* One greedy step: the unit that most raises the objective, or SIZE_MAX. */
static int best_addition(precis_rouge *rouge, const precis_doc *d, lines *l,
			 const unsigned char *chosen, const char *const *refs,
			 const size_t *ref_lens, size_t nrefs,
			 precis_rouge_score *sc, double *cur, size_t *best,
			 precis_error *err)
{
	double top = *cur;
	*best = SIZE_MAX;
	for (size_t u = 0; u < d->units.n; u++) {
		if (chosen[u] || d->words[u] == 0)
			continue;
		double v;
		int rc = objective(rouge, d, l, chosen, u, refs, ref_lens, nrefs, sc, &v, err);
		if (rc != 0)
			return rc;
		if (v > top) {
			top = v;
			*best = u;
		}
	}
	*cur = top;
	return 0;
}

/*
 * Closes the open units that no longer fit the word and byte budget beside
 * the chosen ones (the chosen only grow, so a closed unit stays closed) and
 * returns how many units with words stay open.
 */
static size_t close_misfits(const precis_doc *d, const precis__budget *b,
			    unsigned char *chosen, size_t words, size_t bytes)
{
	size_t open = 0;
	for (size_t u = 0; u < d->units.n; u++) {
		if (chosen[u] == OPEN && !precis__budget_fits(b, words, bytes, d, u))
			chosen[u] = CLOSED;
		open += chosen[u] == OPEN && d->words[u] > 0;
	}
	return open;
}

/*
 * The sentence cap of budget b: its sentences (0: none at all) unless it
 * counts words or bytes. When no unit fits a word or byte budget on its own,
 * precis__select takes one anyway, and so does the oracle: it is held to
 * what the systems are held to, no more and no less.
 */
static size_t oracle_cap(const precis_doc *d, const precis__budget *b,
			 unsigned char *chosen)
{
	if (!b->words && !b->bytes)
		return b->sentences;
	if (close_misfits(d, b, chosen, 0, 0) > 0)
		return SIZE_MAX;
	memset(chosen, OPEN, d->units.n);
	return 1;
}

static int oracle_run(precis_summary **out, precis_rouge *rouge,
		      const precis_doc *d, const char *const *refs,
		      const size_t *ref_lens, size_t nrefs,
		      const precis__budget *b, precis_error *err)
{
	size_t n = d->units.n ? d->units.n : 1, npicks = 0, words = 0, bytes = 0;
	lines l;
	unsigned char *chosen = calloc(n, 1);
	double *gain = calloc(n, sizeof *gain);
	size_t *picks = calloc(n, sizeof *picks);
	precis_rouge_score *sc = calloc(precis_rouge_metric_count(rouge), sizeof *sc);
	int rc = lines_make(&l, d);
	if (rc != 0 || !chosen || !gain || !picks || !sc)
		rc = precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	double cur = 0;
	size_t max = rc == 0 ? oracle_cap(d, b, chosen) : 0;
	while (rc == 0 && npicks < max) {
		double before = cur;
		size_t u;
		rc = best_addition(rouge, d, &l, chosen, refs, ref_lens, nrefs, sc, &cur, &u, err);
		if (rc != 0 || u == SIZE_MAX)
			break;
		chosen[u] = CHOSEN;
		gain[u] = cur - before;
		npicks++;
		words += d->words[u];
		bytes += d->units.v[u].end - d->units.v[u].start;
		if (max == SIZE_MAX)
			close_misfits(d, b, chosen, words, bytes);
	}
	for (size_t u = 0, k = 0; rc == 0 && u < d->units.n; u++)
		if (chosen[u] == CHOSEN)
			picks[k++] = u;
	if (rc == 0)
		rc = precis__summary_new(out, d, picks, npicks, gain, "oracle", err);
	lines_free(&l);
	free(chosen);
	free(gain);
	free(picks);
	free(sc);
	return rc;
}

/* What both oracle calls check first. */
static int oracle_args(precis_summary **out, precis_rouge *rouge,
		       const precis_doc *d, const char *const *refs,
		       size_t nrefs, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || rouge == NULL || d == NULL || d->split_only ||
	    (refs == NULL && nrefs > 0))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	return oracle_rouge_ok(rouge, err);
}

int precis_oracle(precis_summary **out, precis_rouge *rouge,
		  const precis_doc *d, const char *const *refs,
		  const size_t *ref_lens, size_t nrefs, size_t max,
		  precis_error *err)
{
	precis__budget b = { max, 0, 0 };
	int rc = oracle_args(out, rouge, d, refs, nrefs, err);
	return rc != 0 ? rc : oracle_run(out, rouge, d, refs, ref_lens, nrefs, &b, err);
}

/* The budget precis_summarize would set for `d` with `ctx` and `o`. */
static int systems_budget(const precis_ctx *ctx, const precis_doc *d,
			  const precis_options *o, precis__budget *b,
			  precis_error *err)
{
	double min_words;
	precis_options defaults;
	int rc = precis__options_check(&o, &defaults, NULL, err);
	if (rc != 0)
		return rc;
	if (ctx != NULL)
		min_words = precis_ctx_get_param(ctx, PRECIS_PARAM_MIN_WORDS);
	else
		precis_param_bounds(PRECIS_PARAM_MIN_WORDS, NULL, NULL, &min_words);
	unsigned char *ok = malloc(d->units.n ? d->units.n : 1);
	if (ok == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	size_t eligible = precis__eligible(d, min_words, ok);
	free(ok);
	return precis__budget_make(o, eligible, b, err);
}

int precis_oracle_budget(precis_summary **out, precis_rouge *rouge,
			 const precis_ctx *ctx, const precis_doc *d,
			 const char *const *refs, const size_t *ref_lens,
			 size_t nrefs, const precis_options *opts,
			 precis_error *err)
{
	precis__budget b;
	int rc = oracle_args(out, rouge, d, refs, nrefs, err);
	if (rc == 0)
		rc = systems_budget(ctx, d, opts, &b, err);
	return rc != 0 ? rc : oracle_run(out, rouge, d, refs, ref_lens, nrefs, &b, err);
}

/* splitmix64: a small generator with explicit state (no global rand()). */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static double value_of(const precis_rouge_score *s, precis_rouge_value v)
{
	return v == PRECIS_ROUGE_R ? s->r : v == PRECIS_ROUGE_P ? s->p : s->f;
}

/* Per-pair differences b - a of one metric's value; NULL on OOM. */
static double *differences(const precis_rouge_eval *a, const precis_rouge_eval *b,
			   size_t n, size_t metric, precis_rouge_value v)
{
	double *d = malloc((n ? n : 1) * sizeof *d);
	if (d == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		d[i] = value_of(&precis_rouge_eval_scores(b, i)[metric], v) -
		       value_of(&precis_rouge_eval_scores(a, i)[metric], v);
	return d;
}

int precis_rouge_paired_test(const precis_rouge_eval *a,
			     const precis_rouge_eval *b, size_t metric,
			     precis_rouge_value value, unsigned resamples,
			     unsigned long seed, double *diff, double *p,
			     precis_error *err)
{
	precis__clear(err);
	size_t n = precis_rouge_eval_count(a);
	size_t nm = precis_rouge_eval_metric_count(a);
	if (a == NULL || b == NULL || diff == NULL || p == NULL ||
	    n != precis_rouge_eval_count(b) || n == 0 || metric >= nm ||
	    nm != precis_rouge_eval_metric_count(b) || resamples == 0)
		return precis__fail(err, PRECIS_ERR_ARG, "the sets are not paired");
	double *d = differences(a, b, n, metric, value);
	if (d == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += d[i];
	*diff = sum / (double)n;
	uint64_t state = seed;
	unsigned flips = 0;
	for (unsigned r = 0; r < resamples; r++) {
		double s = 0;
		for (size_t i = 0; i < n; i++)
			s += d[next_random(&state) % n];
		/* A resample that does not keep the observed sign argues for
		 * the null hypothesis of no difference. */
		if ((*diff > 0 && s <= 0) || (*diff < 0 && s >= 0) || *diff == 0)
			flips++;
	}
	free(d);
	*p = 2.0 * (double)flips / (double)resamples;
	if (*p > 1.0)
		*p = 1.0;
	return 0;
}
