/*
 * eval_run.h - summarizing and scoring every record of a data set with
 * every system, on several threads (each with its own context and ROUGE
 * scorer, since neither is thread-safe).
 */
#ifndef PRECIS_CLI_EVAL_RUN_H
#define PRECIS_CLI_EVAL_RUN_H

#include <jansson.h>
#include <stdatomic.h>
#include <stddef.h>

#include "cli/dataset.h"
#include "cli/sumopts.h"
#include "precis.h"

typedef struct eval_system {
	char name[48];
	const char *method; /* NULL with oracle */
	int oracle;
	int plain;          /* the first sentences as split: precis_lead_plain() */
} eval_system;

typedef struct eval_job {
	/* in */
	const dataset *ds;
	const sumopts *so;
	const precis_idf *idf;
	const eval_system *sys;
	size_t nsys;
	precis_rouge_options ropts;
	size_t nmetrics;
	int threads;
	int want_perdoc;
	int progress;            /* a progress line on stderr */
	/* out, per record */
	precis_rouge_score *scores; /* [record][system][metric] */
	double *words;              /* [record][system] */
	char **errors;              /* NULL, or why the record was skipped */
	json_t **perdoc;            /* with want_perdoc */
	/* shared between workers */
	atomic_size_t next, done;
	atomic_int failed;          /* a system-level error (OOM) */
} eval_job;

/* Runs the job; 0, or an exit code after a message. */
int eval_run(eval_job *job);
void eval_job_free(eval_job *job);

#endif
