/*
 * workers.c - starting and joining the threads of `summarize -j` and
 * `eval -j`.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/error.h"
#include "cli/workers.h"

enum { MAX_WORKERS = 256 };

void *workers_state(const workers *w, int t)
{
	return w->states + (size_t)t * w->size;
}

int workers_start(workers *w, int n, size_t size, void *arg,
		  workers_open_fn open, workers_main_fn run,
		  workers_close_fn close)
{
	memset(w, 0, sizeof *w);
	w->states = calloc((size_t)n, size);
	w->tids = calloc((size_t)n, sizeof *w->tids);
	w->size = size;
	w->close = close;
	if (w->states == NULL || w->tids == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	for (; w->started < n; w->started++) {
		void *s = workers_state(w, w->started);
		int rc = open(s, arg);
		if (rc == 0 && pthread_create(&w->tids[w->started], NULL, run, s) != 0)
			rc = cli_fail(EXIT_RUNTIME, "cannot start a thread");
		if (rc != 0) {
			close(s);
			return rc;
		}
	}
	return 0;
}

void workers_join(workers *w)
{
	for (int t = 0; t < w->started; t++) {
		pthread_join(w->tids[t], NULL);
		w->close(workers_state(w, t));
	}
	free(w->states);
	free(w->tids);
	memset(w, 0, sizeof *w);
}

int workers_count(const char *arg, int *n)
{
	size_t v;
	if (args_size(arg, 0, MAX_WORKERS, &v) != 0)
		return -1;
	if (v == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		v = cpus < 1 ? 1 : cpus > MAX_WORKERS ? MAX_WORKERS : (size_t)cpus;
	}
	*n = (int)v;
	return 0;
}
