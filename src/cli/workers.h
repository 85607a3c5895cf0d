/*
 * workers.h - a set of threads, each with state of its own made before it
 * starts (a precis_ctx or precis_rouge is not thread-safe: one per thread).
 * Commands decide how the threads share work; this only starts and stops
 * them.
 */
#ifndef PRECIS_CLI_WORKERS_H
#define PRECIS_CLI_WORKERS_H

#include <pthread.h>
#include <stddef.h>

/* Makes one thread's state from `arg`: 0, or an exit code after a message
 * (the state is closed all the same). */
typedef int (*workers_open_fn)(void *state, void *arg);
typedef void (*workers_close_fn)(void *state);
typedef void *(*workers_main_fn)(void *state);

typedef struct workers {
	char *states;     /* n states of `size` bytes, zeroed before open */
	size_t size;
	pthread_t *tids;
	int n, started;
	workers_close_fn close;
} workers;

/*
 * Opens n states and starts a thread on each. 0, or an exit code after a
 * message: then the threads already started run on, and the caller must
 * tell them to stop before workers_join().
 */
int workers_start(workers *w, int n, size_t size, void *arg,
		  workers_open_fn open, workers_main_fn run,
		  workers_close_fn close);
/* The state of thread t. */
void *workers_state(const workers *w, int t);
/* Waits for the started threads, closes every state and frees. */
void workers_join(workers *w);

/* N of -j N: 1 to 256, 0 for one per online CPU. 0, or -1 when bad. */
int workers_count(const char *arg, int *n);

#endif
