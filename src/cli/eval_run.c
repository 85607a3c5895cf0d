/*
 * eval_run.c - the parallel part of `precis eval`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/error.h"
#include "cli/eval_run.h"
#include "cli/workers.h"

typedef struct worker {
	eval_job *job;
	precis_ctx *ctx;
	precis_rouge *rouge, *oracle;
} worker;

static int worker_open(void *state, void *arg)
{
	worker *w = state;
	eval_job *job = arg;
	precis_error err;
	w->job = job;
	precis_rouge_options o = job->ropts;
	/* The oracle climbs R-1 + R-2 under the same tokenization and limits. */
	o.max_n = 2;
	o.lcs = 0;
	o.wlcs_weight = 0;
	o.skip = 0;
	if (sumopts_ctx(job->so, job->idf, &w->ctx, &err) != 0 ||
	    precis_rouge_new(&w->rouge, &job->ropts, &err) != 0 ||
	    precis_rouge_new(&w->oracle, &o, &err) != 0)
		return cli_fail_lib(NULL, &err);
	return 0;
}

static void worker_close(void *state)
{
	worker *w = state;
	precis_rouge_free(w->rouge);
	precis_rouge_free(w->oracle);
	precis_ctx_free(w->ctx);
}

static size_t summary_words(const precis_summary *sum, const precis_doc *d)
{
	size_t words = 0;
	precis_pick p;
	precis_sentence s;
	for (size_t i = 0; precis_summary_pick(sum, i, &p) == 0; i++)
		if (precis_doc_sentence(d, p.sentence, &s) == 0)
			words += s.words;
	return words;
}

static json_t *picks_json(const precis_summary *sum, const char *name,
			  const precis_rouge_score *sc, const precis_rouge *rouge,
			  size_t nmetrics)
{
	json_t *idx = json_array(), *scores = json_array(), *rg = json_object();
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(sum, i, &p) == 0; i++) {
		json_array_append_new(idx, json_integer((json_int_t)p.sentence));
		json_array_append_new(scores, json_real(p.score));
	}
	for (size_t m = 0; m < nmetrics; m++)
		json_object_set_new(rg, precis_rouge_metric_name(rouge, m),
				    json_pack("{s:f, s:f, s:f}", "r", sc[m].r, "p",
					      sc[m].p, "f", sc[m].f));
	return json_pack("{s:s, s:o, s:o, s:o}", "system", name, "sentences", idx,
			 "scores", scores, "rouge", rg);
}

/* Summarizes `d` with system s and scores it into sc. */
static int run_system(worker *w, const record *r, const precis_doc *d,
		      const eval_system *s, precis_rouge_score *sc,
		      double *words, json_t *perdoc, precis_error *err)
{
	eval_job *job = w->job;
	precis_summary *sum = NULL;
	precis_options o = job->so->opts;
	o.method = s->method;
	/* The oracle is held to the systems' budget, or it would not bound
	 * them. */
	int rc = s->oracle ? precis_oracle_budget(&sum, w->oracle, w->ctx, d,
						  (const char *const *)r->refs,
						  r->ref_lens, r->nrefs, &o, err)
		 : s->plain ? precis_lead_plain(&sum, d, &o, err)
			    : precis_summarize(&sum, w->ctx, d, &o, err);
	if (rc != 0)
		return rc;
	size_t len;
	char *text = precis_summary_text(sum, d, &len);
	if (text == NULL)
		rc = PRECIS_ERR_NOMEM;
	else
		rc = precis_rouge_score_pair(w->rouge, text, len,
					     (const char *const *)r->refs, r->ref_lens,
					     r->nrefs, sc, err);
	*words = (double)summary_words(sum, d);
	if (rc == 0 && perdoc != NULL)
		json_array_append_new(json_object_get(perdoc, "systems"),
				      picks_json(sum, s->name, sc, w->rouge, job->nmetrics));
	precis_free(text);
	precis_summary_free(sum);
	return rc;
}

static void run_record(worker *w, size_t i)
{
	eval_job *job = w->job;
	const record *r = &job->ds->v[i];
	precis_error err;
	precis_doc *d = NULL;
	json_t *perdoc = job->want_perdoc
				 ? json_pack("{s:s, s:[]}", "id", r->id, "systems")
				 : NULL;
	precis_read_options ro = job->so->read;
	ro.title = r->title;
	ro.flags = job->so->flags;
	int rc = precis_doc_read(&d, w->ctx, r->article, r->article_len, &ro, &err);
	for (size_t s = 0; rc == 0 && s < job->nsys; s++)
		rc = run_system(w, r, d, &job->sys[s],
				job->scores + (i * job->nsys + s) * job->nmetrics,
				job->words + i * job->nsys + s, perdoc, &err);
	if (rc != 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "line %zu: %s", r->line, err.message);
		job->errors[i] = strdup(msg);
		if (rc == PRECIS_ERR_NOMEM || job->errors[i] == NULL)
			atomic_store(&job->failed, 1);
		json_decref(perdoc);
		perdoc = NULL;
	}
	if (job->want_perdoc)
		job->perdoc[i] = perdoc;
	precis_doc_free(d);
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	size_t i;
	while ((i = atomic_fetch_add(&w->job->next, 1)) < w->job->ds->n &&
	       !atomic_load(&w->job->failed)) {
		run_record(w, i);
		atomic_fetch_add(&w->job->done, 1);
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Redraws "done/total, rate, ETA" until the workers finish. */
static void show_progress(eval_job *job, double start)
{
	size_t total = job->ds->n, done;
	while ((done = atomic_load(&job->done)) < total && !atomic_load(&job->failed)) {
		double t = now() - start, rate = t > 0 ? (double)done / t : 0;
		fprintf(stderr, "\r%zu/%zu articles, %.0f/s, ETA %.0f s   ", done, total,
			rate, rate > 0 ? (double)(total - done) / rate : 0.0);
		fflush(stderr);
		nanosleep(&(struct timespec){ 0, 200000000 }, NULL);
	}
	fputs("\r\033[K", stderr);
}

static int alloc_outputs(eval_job *job)
{
	size_t n = job->ds->n ? job->ds->n : 1;
	job->scores = calloc(n * job->nsys * job->nmetrics, sizeof *job->scores);
	job->words = calloc(n * job->nsys, sizeof *job->words);
	job->errors = calloc(n, sizeof *job->errors);
	job->perdoc = job->want_perdoc ? calloc(n, sizeof *job->perdoc) : NULL;
	return job->scores && job->words && job->errors &&
	       (job->perdoc || !job->want_perdoc) ? 0 : -1;
}

int eval_run(eval_job *job)
{
	if (alloc_outputs(job) != 0)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	atomic_init(&job->next, 0);
	atomic_init(&job->done, 0);
	atomic_init(&job->failed, 0);
	double start = now();
	workers ws;
	int rc = workers_start(&ws, job->threads, sizeof(worker), job, worker_open,
			       worker_main, worker_close);
	if (rc != 0)
		atomic_store(&job->failed, 1);
	else if (job->progress)
		show_progress(job, start);
	workers_join(&ws);
	if (rc == 0 && atomic_load(&job->failed))
		rc = cli_fail(EXIT_RUNTIME, "out of memory");
	return rc;
}

void eval_job_free(eval_job *job)
{
	size_t n = job->ds ? job->ds->n : 0;
	for (size_t i = 0; job->errors && i < n; i++)
		free(job->errors[i]);
	for (size_t i = 0; job->perdoc && i < n; i++)
		json_decref(job->perdoc[i]);
	free(job->errors);
	free(job->perdoc);
	free(job->scores);
	free(job->words);
}
