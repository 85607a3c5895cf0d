/*
 * cv.c - the cross-validated fit: for each candidate (a loss and an L2
 * strength), every group's model is fitted k times, each time without one
 * fold of the documents, and summarizes that fold's documents (out of
 * fold); each group keeps the candidate its own documents score best with
 * (ROUGE-1 + 2 + L F), then the lead prior its documents gain most with
 * over Lead. A bundle's choice among its models is then fitted to which
 * model summarized each document better out of fold, and is itself
 * cross-validated on the same folds. The final models and choice are
 * fitted once more on all documents.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "train/train.h"

static const double default_l2[] = { 0.001, 0.01, 0.1, 1.0 };

/*
 * The lead prior: a model may be pulled toward the Lead baseline by adding
 * kappa times the position feature (1 / (1 + rank)) to its score; kappa
 * infinite is Lead itself. News highlights restate the lead so often that
 * a fitted model beats Lead only by a hair if at all (PacSum's tf-idf
 * variant falls below it), and a model that strays from the lead on a hunch
 * loses on unseen news; cross-validation picks kappa per model, the
 * smallest of equals, so a genre where position says nothing keeps its
 * model as fitted (kappa 0).
 */
static const double kappas[] = { 0.0, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, HUGE_VAL };
#define NKAPPA (sizeof kappas / sizeof kappas[0])

typedef struct cv {
	precis_trainer *t;
	const precis_train_options *o;
	const unsigned char *mask;
	size_t k, G, nl, nl2; /* candidates; L2 strengths */
	const double *l2;
	precis_train_rouge *oof; /* [l][doc][group] */
	precis_train_rouge *fin; /* [doc][group]: the chosen strength and prior */
	precis_train_rouge *ook; /* [kappa][doc]: one group's, scratch */
	size_t *docs;            /* scratch, t->n */
	size_t group_n[PRECIS__GROUPS]; /* documents per group */
	double *scores;          /* scratch, the longest document's units */
} cv;

#define OOF(c, l, i, g) ((c)->oof[((l) * (c)->t->n + (i)) * (c)->G + (g)])

static double total(const precis_train_rouge *r)
{
	return r->r1 + r->r2 + r->rl;
}

/* Documents of group g (SIZE_MAX: any) outside fold f (SIZE_MAX: all). */
static size_t select_docs(const cv *c, size_t g, size_t f)
{
	size_t n = 0;
	for (size_t i = 0; i < c->t->n; i++)
		if ((g == SIZE_MAX || c->t->v[i].group == g) && (f == SIZE_MAX || i % c->k != f))
			c->docs[n++] = i;
	return n;
}

/* Candidate l: a loss and an L2 strength. */
static int cand_loss(const cv *c, size_t l)
{
	if (c->o->loss != PRECIS_TRAIN_AUTO)
		return c->o->loss;
	return l < c->nl2 ? PRECIS_TRAIN_LOGISTIC : PRECIS_TRAIN_PAIRWISE;
}

static double cand_l2(const cv *c, size_t l)
{
	return c->l2[l % c->nl2];
}

/* Group g's model without fold f (SIZE_MAX: with all), candidate l; a
 * group without documents there gets a constant model (document order). */
static int fit_group(cv *c, size_t g, size_t f, size_t l, precis__submodel *s)
{
	size_t n = select_docs(c, g, f);
	memset(s->w, 0, sizeof s->w);
	memcpy(s->used, c->mask, sizeof s->used);
	s->bias = 0;
	if (n == 0)
		return 0;
	return precis__fit_sentences(c->t, c->docs, n, c->mask, cand_loss(c, l),
				     cand_l2(c, l), s);
}

static void add_to(precis_train_rouge *sum, const precis_train_rouge *x)
{
	sum->r1 += x->r1;
	sum->r2 += x->r2;
	sum->rl += x->rl;
}

static void divide(precis_train_rouge *r, size_t n)
{
	double d = n ? (double)n : 1.0;
	r->r1 /= d;
	r->r2 /= d;
	r->rl /= d;
}

/* Scores of td by s pulled toward Lead by kappas[k]. */
static void apply_prior(const precis__submodel *s, const precis__tdoc *td,
			size_t k, double *scores)
{
	precis__train_apply(s, td, scores);
	for (size_t u = 0; u < td->units; u++) {
		double pos = td->x[u * PRECIS__NFEAT + PRECIS__F_POSITION];
		if (!td->eligible[u])
			continue;
		scores[u] = isinf(kappas[k]) ? pos : scores[u] + kappas[k] * pos;
	}
}

/* The final model of kappas[k]: s with the prior folded into its weights. */
static void fold_prior(precis__submodel *s, size_t k)
{
	s->used[PRECIS__F_POSITION] = 1;
	if (isinf(kappas[k])) {
		memset(s->w, 0, sizeof s->w);
		s->bias = 0;
		s->w[PRECIS__F_POSITION] = 1;
	} else
		s->w[PRECIS__F_POSITION] += kappas[k];
}

/* Group g's prior, by cross-validation with candidate l: its index in
 * *best, and the out-of-fold ROUGE it gives every document in fin[., g]. */
static int choose_prior(cv *c, size_t g, size_t l, size_t *best,
			precis_error *err)
{
	precis__submodel s;
	size_t nk = c->o->no_prior ? 1 : NKAPPA;
	for (size_t f = 0; f < c->k; f++) {
		if (fit_group(c, g, f, l, &s) != 0)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		for (size_t i = f; i < c->t->n; i += c->k)
			for (size_t k = 0; k < nk; k++) {
				apply_prior(&s, &c->t->v[i], k, c->scores);
				int rc = precis__train_score(c->t, i, c->scores,
							     &c->ook[k * c->t->n + i], err);
				if (rc != 0)
					return rc;
			}
	}
	/* The prior's measure is its gain over Lead on the weakest of the
	 * three ROUGE scores: a pull toward Lead is worth it where it keeps
	 * the model from falling behind Lead on any of them. */
	double top = -HUGE_VAL;
	*best = 0;
	for (size_t k = 0; k < nk; k++) {
		precis_train_rouge sum = { 0, 0, 0 }, lead = { 0, 0, 0 };
		for (size_t i = 0; i < c->t->n; i++)
			if (c->t->v[i].group == g) {
				add_to(&sum, &c->ook[k * c->t->n + i]);
				add_to(&lead, &c->t->v[i].lead);
			}
		double gain = fmin(sum.r1 - lead.r1, fmin(sum.r2 - lead.r2, sum.rl - lead.rl));
		if (gain > top + 1e-9) {
			top = gain;
			*best = k;
		}
	}
	for (size_t i = 0; i < c->t->n; i++)
		c->fin[i * c->G + g] = c->ook[*best * c->t->n + i];
	return 0;
}

/* Fills OOF(l, ., .) for candidate l. */
static int out_of_fold(cv *c, size_t l, precis_error *err)
{
	precis__submodel s;
	for (size_t f = 0; f < c->k; f++)
		for (size_t g = 0; g < c->G; g++) {
			if (fit_group(c, g, f, l, &s) != 0)
				return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
			for (size_t i = f; i < c->t->n; i += c->k) {
				precis__train_apply(&s, &c->t->v[i], c->scores);
				int rc = precis__train_score(c->t, i, c->scores, &OOF(c, l, i, g), err);
				if (rc != 0)
					return rc;
			}
		}
	return 0;
}

/* The candidate group g's documents score best with (the first of ties). */
static size_t best_l2(const cv *c, size_t g)
{
	size_t best = 0;
	double top = -1;
	for (size_t l = 0; l < c->nl; l++) {
		double s = 0;
		for (size_t i = 0; i < c->t->n; i++)
			if (c->t->v[i].group == g)
				s += total(&OOF(c, l, i, g));
		if (s > top + 1e-12) {
			top = s;
			best = l;
		}
	}
	return best;
}

/* Gate rows: document features, and per group the out-of-fold total. */
typedef struct gate_data {
	double *dx, *v, *y, *wt; /* v: [doc][group] */
	size_t *idx;
} gate_data;

/* Fits every group's choice score on the documents docs[0, n). */
static int fit_gates(const cv *c, gate_data *gd, size_t n, double l2,
		     precis_model *m)
{
	for (size_t g = 0; g < c->G; g++) {
		for (size_t j = 0; j < n; j++) {
			size_t i = gd->idx[j];
			double other = -1;
			for (size_t h = 0; h < c->G; h++)
				if (h != g && gd->v[i * c->G + h] > other)
					other = gd->v[i * c->G + h];
			double d = gd->v[i * c->G + g] - other;
			memcpy(gd->dx + j * PRECIS__NDFEAT, c->t->v[i].dx, sizeof c->t->v[i].dx);
			if (c->o->gate_by_group) {
				/* Each group weighs the same, whatever its size. */
				gd->y[j] = c->t->v[i].group == g;
				gd->wt[j] = 1.0 / (double)c->group_n[c->t->v[i].group];
				continue;
			}
			gd->y[j] = d > 0;
			/* What choosing right is worth (ties teach nothing),
			 * each group weighing the same in all. */
			gd->wt[j] = (d > 0 ? d : -d) / (double)c->group_n[c->t->v[i].group];
		}
		if (precis__fit_gate(gd->dx, gd->y, gd->wt, n, c->mask + PRECIS__NFEAT, l2,
				     &m->m[g]) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

/* Cross-validates the choice with strength l2: the mean ROUGE of the
 * models it picks, each document picked by a choice fitted without its
 * fold; counts[g] gets how often each model was picked. */
/* What a choice gave each group's documents. */
typedef struct by_group {
	size_t right[PRECIS__GROUPS];
	precis_train_rouge rouge[PRECIS__GROUPS];
} by_group;

static int gate_cv(const cv *c, gate_data *gd, double l2, precis_model *m,
		   precis_train_rouge *out, size_t *counts, by_group *bg)
{
	memset(out, 0, sizeof *out);
	memset(bg, 0, sizeof *bg);
	memset(counts, 0, c->G * sizeof *counts);
	for (size_t f = 0; f < c->k; f++) {
		size_t n = 0;
		for (size_t i = 0; i < c->t->n; i++)
			if (i % c->k != f)
				gd->idx[n++] = i;
		if (fit_gates(c, gd, n, l2, m) != 0)
			return PRECIS_ERR_NOMEM;
		for (size_t i = f; i < c->t->n; i += c->k) {
			size_t g = precis__model_choose(m, c->t->v[i].dx), own = c->t->v[i].group;
			counts[g]++;
			bg->right[own] += g == own;
			add_to(&bg->rouge[own], &c->fin[i * c->G + g]);
			add_to(out, &c->fin[i * c->G + g]);
		}
	}
	divide(out, c->t->n);
	return 0;
}

/* A bundle's choice: its strength by cross-validation, then fitted on all. */
static int choose_gate(cv *c, precis_model *m,
		       precis_train_report *r)
{
	size_t n = c->t->n, best = 0;
	gate_data gd = { malloc(n * PRECIS__NDFEAT * sizeof(double)),
			 malloc(n * c->G * sizeof(double)), malloc(n * sizeof(double)),
			 malloc(n * sizeof(double)), malloc(n * sizeof(size_t)) };
	int rc = gd.dx && gd.v && gd.y && gd.wt && gd.idx ? 0 : PRECIS_ERR_NOMEM;
	for (size_t i = 0; rc == 0 && i < n; i++)
		for (size_t g = 0; g < c->G; g++)
			gd.v[i * c->G + g] = total(&c->fin[i * c->G + g]);
	double top = -1;
	for (size_t l = 0; rc == 0 && l < c->nl2; l++) {
		precis_train_rouge res;
		size_t counts[PRECIS__GROUPS];
		by_group bg;
		rc = gate_cv(c, &gd, c->l2[l], m, &res, counts, &bg);
		if (rc == 0 && total(&res) > top + 1e-12) {
			top = total(&res);
			best = l;
			r->choice = res;
			memcpy(r->chosen, counts, c->G * sizeof *counts);
			for (size_t g = 0; g < c->G; g++) {
				r->group_right[g] = bg.right[g];
				r->group_choice[g] = bg.rouge[g];
				divide(&r->group_choice[g], c->group_n[g]);
			}
		}
	}
	if (rc == 0) {
		for (size_t i = 0; i < n; i++)
			gd.idx[i] = i;
		rc = fit_gates(c, &gd, n, c->l2[best], m);
	r->gate_l2 = c->l2[best];
	}
	free(gd.dx);
	free(gd.v);
	free(gd.y);
	free(gd.wt);
	free(gd.idx);
	return rc;
}

static void report_basics(const precis_trainer *t, precis_train_report *r)
{
	r->documents = t->n;
	for (size_t i = 0; i < t->n; i++) {
		const precis__tdoc *td = &t->v[i];
		for (size_t u = 0; u < td->units; u++) {
			r->units += td->eligible[u];
			r->positives += td->label[u];
		}
		add_to(&r->lead, &td->lead);
		add_to(&r->oracle, &td->oracle);
	}
	divide(&r->lead, t->n);
	divide(&r->oracle, t->n);
}

static int run(cv *c, precis_model *m, precis_train_report *r, precis_error *err)
{
	size_t lg[PRECIS__GROUPS] = { 0 };
	int rc = 0;
	for (size_t l = 0; rc == 0 && l < c->nl; l++)
		rc = out_of_fold(c, l, err);
	if (rc != 0)
		return rc;
	r->ncand = c->nl;
	for (size_t l = 0; l < c->nl; l++) {
		r->l2[l] = cand_l2(c, l);
		r->loss[l] = cand_loss(c, l);
		/* Each document by its own group's model. */
		for (size_t i = 0; i < c->t->n; i++)
			add_to(&r->cv[l], &OOF(c, l, i, c->t->v[i].group));
		divide(&r->cv[l], c->t->n);
	}
	for (size_t g = 0; g < c->G; g++) {
		size_t k = 0;
		lg[g] = best_l2(c, g);
		if ((rc = choose_prior(c, g, lg[g], &k, err)) != 0)
			return rc;
		r->best[g] = lg[g];
		r->prior[g] = kappas[k];
		if (fit_group(c, g, SIZE_MAX, lg[g], &m->m[g]) != 0)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		fold_prior(&m->m[g], k);
	}
	if (c->G == 1) {
		memset(&r->choice, 0, sizeof r->choice);
		for (size_t i = 0; i < c->t->n; i++)
			add_to(&r->choice, &c->fin[i]);
		divide(&r->choice, c->t->n);
		r->chosen[0] = r->group_right[0] = c->t->n;
		r->group_choice[0] = r->choice;
		return 0;
	}
	if (choose_gate(c, m, r) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return 0;
}

int precis__train_fit(precis_trainer *t, const precis_train_options *o,
		      const unsigned char *mask, precis_model *m,
		      precis_train_report *r, precis_error *err)
{
	size_t longest = 1;
	for (size_t i = 0; i < t->n; i++)
		longest = t->v[i].units > longest ? t->v[i].units : longest;
	size_t nl2 = o->nl2 ? o->nl2 : sizeof default_l2 / sizeof default_l2[0];
	cv c = { t, o, mask, o->folds ? o->folds : 5, m->n,
		 nl2 * (o->loss == PRECIS_TRAIN_AUTO ? 2 : 1), nl2,
		 o->nl2 ? o->l2 : default_l2, NULL, NULL, NULL, NULL, { 0 }, NULL };
	c.oof = calloc(c.nl * t->n * c.G, sizeof *c.oof);
	c.fin = calloc(t->n * c.G, sizeof *c.fin);
	c.ook = calloc(NKAPPA * t->n, sizeof *c.ook);
	c.docs = malloc(t->n * sizeof *c.docs);
	c.scores = malloc(longest * sizeof *c.scores);
	report_basics(t, r);
	for (size_t i = 0; i < t->n; i++) {
		c.group_n[t->v[i].group]++;
		add_to(&r->group_lead[t->v[i].group], &t->v[i].lead);
	}
	for (size_t g = 0; g < c.G; g++) {
		r->group_docs[g] = c.group_n[g];
		divide(&r->group_lead[g], c.group_n[g]);
	}
	int rc = c.oof && c.fin && c.ook && c.docs && c.scores ? run(&c, m, r, err)
					      : precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	free(c.oof);
	free(c.fin);
	free(c.ook);
	free(c.docs);
	free(c.scores);
	return rc;
}
