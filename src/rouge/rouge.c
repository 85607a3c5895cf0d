/*
 * rouge.c - the ROUGE context: options, the metric list in ROUGE-1.5.5's
 * order, and scoring one pair (tokenize every text, renumber the pair's
 * terms, count, round).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

void precis_rouge_options_init(precis_rouge_options *opts)
{
	static const precis_rouge_options init = PRECIS_ROUGE_OPTIONS_INIT;
	*opts = init;
}

static int check_options(const precis_rouge_options *o, precis_error *err)
{
	if (o->version != PRECIS_ROUGE_OPTIONS_VERSION)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "unsupported ROUGE options version %u",
				    o->version);
	if (o->max_n > PRECIS_ROUGE_MAX_N)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "ROUGE-N is supported up to N = %d",
				    PRECIS_ROUGE_MAX_N);
	if (!(o->alpha >= 0 && o->alpha <= 1))
		return precis__fail(err, PRECIS_ERR_ARG,
				    "alpha must be within [0, 1]");
	if (!(o->wlcs_weight >= 0) || o->wlcs_weight > 1e6)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "the ROUGE-W weight must be greater than 0");
	if (o->limit_words > 0 && o->limit_bytes > 0)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "give a length limit in words or bytes, not both");
	if (o->tokenizer != PRECIS_ROUGE_TOKENIZE_ROUGE155 &&
	    o->tokenizer != PRECIS_ROUGE_TOKENIZE_UNICODE)
		return precis__fail(err, PRECIS_ERR_ARG, "unknown tokenizer");
	if (o->language != NULL && strlen(o->language) >= 32)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "unknown language '%.40s'", o->language);
	return 0;
}

static void add_metric(precis_rouge *r, rouge_kind kind, unsigned n,
		       const char *name)
{
	rouge_metric *m = &r->metric[r->nmetrics++];
	m->kind = kind;
	m->n = n;
	snprintf(m->name, sizeof m->name, "%s", name);
}

/* 1.5.5 prints ROUGE-1..N, L, W-<w>, S<d> and SU<d> (S* and SU* for d < 0). */
static void list_metrics(precis_rouge *r)
{
	const precis_rouge_options *o = &r->opt;
	char name[32];
	for (unsigned n = 1; n <= o->max_n; n++) {
		snprintf(name, sizeof name, "ROUGE-%u", n);
		add_metric(r, ROUGE_KIND_N, n, name);
	}
	if (o->lcs)
		add_metric(r, ROUGE_KIND_L, 0, "ROUGE-L");
	if (o->wlcs_weight > 0) {
		snprintf(name, sizeof name, "ROUGE-W-%.15g", o->wlcs_weight);
		add_metric(r, ROUGE_KIND_W, 0, name);
	}
	char d[16] = "*";
	if (o->skip_distance >= 0)
		snprintf(d, sizeof d, "%d", o->skip_distance);
	if (o->skip & PRECIS_ROUGE_SKIP_S) {
		snprintf(name, sizeof name, "ROUGE-S%s", d);
		add_metric(r, ROUGE_KIND_S, 2, name);
	}
	if (o->skip & PRECIS_ROUGE_SKIP_SU) {
		snprintf(name, sizeof name, "ROUGE-SU%s", d);
		add_metric(r, ROUGE_KIND_SU, 2, name);
	}
}

int precis_rouge_new(precis_rouge **out, const precis_rouge_options *opts,
		     precis_error *err)
{
	precis_rouge_options def = PRECIS_ROUGE_OPTIONS_INIT;
	const precis_rouge_options *o = opts ? opts : &def;
	precis__clear(err);
	*out = NULL;
	int rc = check_options(o, err);
	if (rc != 0)
		return rc;
	precis_rouge *r = calloc(1, sizeof *r);
	if (r == NULL || (r->pair = calloc(1, sizeof *r->pair)) == NULL) {
		free(r);
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	r->opt = *o;
	if (o->language != NULL) {
		snprintf(r->language, sizeof r->language, "%s", o->language);
		r->opt.language = r->language;
	}
	r->utf8 = o->tokenizer == PRECIS_ROUGE_TOKENIZE_UNICODE;
	list_metrics(r);
	if (r->nmetrics == 0)
		rc = precis__fail(err, PRECIS_ERR_ARG, "no ROUGE metric selected");
	if (rc == 0)
		rc = precis__rouge_lex_init(&r->lex, &r->opt, err);
	if (rc != 0) {
		precis__rouge_pair_free(r->pair);
		free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void precis_rouge_free(precis_rouge *rouge)
{
	if (rouge == NULL)
		return;
	precis__rouge_lex_free(&rouge->lex);
	precis__rouge_pair_free(rouge->pair);
	free(rouge);
}

size_t precis_rouge_metric_count(const precis_rouge *rouge)
{
	return rouge ? rouge->nmetrics : 0;
}

const char *precis_rouge_metric_name(const precis_rouge *rouge, size_t i)
{
	return rouge && i < rouge->nmetrics ? rouge->metric[i].name : NULL;
}

/* Room for the candidate and nrefs references, plus one count per ref. */
static int reserve_texts(rouge_pair *p, size_t ntext)
{
	size_t old = p->text_cap;
	if (ntext <= old)
		return 0;
	if (precis__grow((void **)&p->text, &p->text_cap, ntext,
			 sizeof *p->text) != 0)
		return PRECIS_ERR_NOMEM;
	memset(p->text + old, 0, (p->text_cap - old) * sizeof *p->text);
	return 0;
}

/* Prefixes err's message with the text it is about. */
static int name_text(precis_error *err, int rc, size_t i)
{
	if (err == NULL || rc == PRECIS_ERR_NOMEM)
		return rc;
	char msg[sizeof err->message];
	snprintf(msg, sizeof msg, "%s", err->message);
	if (i == 0)
		snprintf(err->message, sizeof err->message, "candidate: %.180s", msg);
	else
		snprintf(err->message, sizeof err->message, "reference %zu: %.160s",
			 i, msg);
	return rc;
}

static int tokenize_pair(precis_rouge *r, const char *cand, size_t cand_len,
			 const char *const *refs, const size_t *ref_lens,
			 size_t nrefs, precis_error *err)
{
	rouge_pair *p = r->pair;
	if (nrefs > SIZE_MAX / 2 || reserve_texts(p, nrefs + 1) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	p->ntext = nrefs + 1;
	precis__rouge_lex_trim(&r->lex);
	int rc = precis__rouge_tokenize(r, cand ? cand : "", cand ? cand_len : 0,
					&p->text[0], err);
	if (rc != 0)
		return name_text(err, rc, 0);
	for (size_t i = 0; i < nrefs; i++) {
		rc = precis__rouge_tokenize(r, refs[i] ? refs[i] : "",
					    refs[i] ? ref_lens[i] : 0,
					    &p->text[i + 1], err);
		if (rc != 0)
			return name_text(err, rc, i + 1);
	}
	if (rc == 0 && precis__rouge_pair_densify(p, r->lex.vocab.n) != 0)
		rc = precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return rc;
}

int precis_rouge_score_pair(precis_rouge *rouge, const char *cand,
			    size_t cand_len, const char *const *refs,
			    const size_t *ref_lens, size_t nrefs,
			    precis_rouge_score *out, precis_error *err)
{
	precis__clear(err);
	if (rouge == NULL || out == NULL || (nrefs > 0 && (!refs || !ref_lens)))
		return precis__fail(err, PRECIS_ERR_ARG, "missing argument");
	int rc = tokenize_pair(rouge, cand, cand_len, refs, ref_lens, nrefs,
			       err);
	if (rc != 0)
		return rc;
	rouge_counts one, *per_ref = nrefs > 1 ? malloc(nrefs * sizeof *per_ref)
					      : &one;
	if (per_ref == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	rc = precis__rouge_score_metrics(rouge, per_ref, out);
	if (per_ref != &one)
		free(per_ref);
	if (rc == PRECIS_ERR_ARG)
		return precis__fail(err, rc, "a sentence pair is too long for "
					     "ROUGE-L/W (over %zu LCS cells)",
				    ROUGE_MAX_LCS_CELLS);
	return rc ? precis__fail(err, rc, NULL) : 0;
}
