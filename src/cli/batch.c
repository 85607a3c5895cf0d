/*
 * batch.c - the shared input loop of summarize, split and idf build: on
 * this thread, or with jobs > 1 on that many threads (this one among them)
 * that each read their next input into a window of inputs in flight. An
 * input's output and messages are held until those before it are written,
 * so both streams come out in input order, and memory is bounded by the
 * window however long the input.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/workers.h"

/* One input: a whole file, or one line of a JSONL file. */
typedef struct item {
	const char *path;  /* a file (from argv: it outlives the run) */
	int index, nfiles; /* the file's place among the files */
	const char *name;  /* a record's file, for messages; NULL otherwise */
	const char *line;  /* a record's bytes; NULL for a whole file */
	size_t len, lineno;
	char *copy;        /* the line, owned, while in flight */
	int failed;        /* the reader failed here: rc and said only */
	int rc;
	char *out;         /* what it wrote, held while in flight */
	size_t outlen;
	cli_held said;     /* what it said, held while in flight */
	int state;
} item;

enum { TAKEN, DONE };

typedef struct runner {
	const batch *b;
	FILE *out;         /* NULL: no output wanted (idf build) */
	int first;         /* the first error's code */
	atomic_int stop;   /* no more input: read by readers without mu */
	int werr;          /* errno of a failed write on out, on any thread */
	/* with threads: the input, read by one thread at a time (in_mu) */
	pthread_mutex_t in_mu;
	char **files;
	int nfiles, fi;    /* fi: the next file */
	jsonl_reader rd;   /* the JSONL file being read, when rd_open */
	int rd_open;
	/* the window (mu): items head..tail-1, by number */
	pthread_mutex_t mu;
	item *ring;
	size_t cap, head, tail; /* written out, read */
	int writing;       /* a thread is writing out the head */
	int full;          /* a reader waits for room (space) */
	pthread_cond_t space;
	workers ws;
} runner;

typedef struct worker {
	runner *r;
	void *payload;
} worker;

const char *batch_text(json_t *rec, size_t *len)
{
	const char *t = jsonl_string(rec, "text", len);
	return t != NULL ? t : jsonl_string(rec, "article", len);
}

/*
 * Why a record failed, from what was said about it (`said`, len bytes):
 * its last error line without "precis: " and `where`'s "FILE: line N: "
 * (warnings are not why). "failed" when nothing fits.
 */
static char *error_text(const char *said, size_t len, const char *where)
{
	const char *why = "failed", *end = said ? said + len : NULL;
	size_t wn = strlen(where), whylen = strlen(why);
	for (const char *p = said; p != NULL && p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end, *m = p;
		if ((size_t)(e - m) > 8 && memcmp(m, "precis: ", 8) == 0)
			m += 8;
		if ((size_t)(e - m) > wn + 2 && memcmp(m, where, wn) == 0 &&
		    m[wn] == ':' && m[wn + 1] == ' ')
			m += wn + 2;
		if (!((size_t)(e - m) >= 9 && memcmp(m, "warning: ", 9) == 0) && e > m) {
			why = m;
			whylen = (size_t)(e - m);
		}
		p = e + 1;
	}
	return strndup(why, whylen);
}

/* {"id", "line", "error"} for the record on line it->lineno (`rec` NULL
 * when the line is no record). 0, or an exit code after a message. */
static int error_record(const batch *b, FILE *out, json_t *rec,
			const item *it, const char *why)
{
	char idbuf[JSONL_ID_MAX];
	const char *id = jsonl_id(rec, it->lineno, b->id_prefix, idbuf);
	/* JSON strings are UTF-8; a prefix or a file name need not be. */
	char *sid = precis_utf8_sanitize(id, strlen(id), NULL);
	char *swhy = why ? precis_utf8_sanitize(why, strlen(why), NULL) : NULL;
	json_t *o = sid && swhy ? json_pack("{s:s, s:I, s:s}", "id", sid, "line",
					    (json_int_t)it->lineno, "error", swhy)
				: NULL;
	precis_free(sid);
	precis_free(swhy);
	if (o == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	if (json_dumpf(o, out, JSON_COMPACT) == 0)
		fputc('\n', out); /* a failed write: the commit reports it */
	json_decref(o);
	return 0;
}

/* One record; with error records, what it says is held to find why it
 * failed, then passed on. */
static int run_record(const batch *b, void *payload, const item *it, FILE *out)
{
	char where[512];
	snprintf(where, sizeof where, "%s: line %zu", it->name, it->lineno);
	int errors = b->error_records && out != NULL;
	cli_held said;
	if (errors)
		cli_hold(&said);
	json_t *rec;
	int rc = jsonl_parse(it->name, it->lineno, it->line, it->len, &rec) == JSONL_RECORD
			 ? b->record(payload, where, it->lineno, rec, out)
			 : EXIT_INPUT;
	if (errors) {
		cli_release(&said);
		cli_pass(said.text, said.len);
		if (rc != 0 && !ferror(out)) {
			char *why = error_text(said.text, said.len, where);
			int erc = error_record(b, out, rec, it, why);
			free(why);
			rc = erc != 0 ? erc : rc;
		}
		free(said.text);
	}
	json_decref(rec);
	return rc;
}

/* Works on one input with `payload`, writing to `out`. */
static int run_item(const batch *b, void *payload, const item *it, FILE *out)
{
	if (it->line == NULL)
		return b->file(payload, it->path, it->index, it->nfiles, out);
	return run_record(b, payload, it, out);
}

/*
 * Takes an input's outcome, in input order: the first error's code is the
 * run's, and with strict the run stops there. A record's output (or error
 * record) is flushed at once, so a consumer downstream sees each record as
 * soon as it is done; when that fails nothing more is worth doing (commit
 * reports it).
 */
static void settle(runner *r, const item *it)
{
	if (it->rc != 0 && r->first == 0)
		r->first = it->rc;
	if (it->rc != 0 && r->b->strict)
		atomic_store(&r->stop, 1);
	if (it->name != NULL && r->out != NULL && fflush(r->out) != 0)
		atomic_store(&r->stop, 1);
}

/* ---- with threads --------------------------------------------------------- */

/*
 * There is no reader thread: each worker reads its next input itself (one
 * at a time, under in_mu: a file's name, or a JSONL line copied), places it
 * at the window's tail and works on it, and the calling thread is one of
 * the workers. A reader thread beside N workers made N + 1 threads for N
 * cores: every time it woke to refill the window it took a core from a
 * worker, and every input passed between threads (a wake-up, a futex call,
 * memory freed on another thread than took it). That made -j 2 on 2,824
 * small files slower than -j 1.
 */

/* Whether the run has stopped; the writer may be another thread. */
static int stopped(runner *r)
{
	/* An atomic, not the mutex: readers ask at every line. */
	return atomic_load(&r->stop);
}

/* What an item wrote and said, out: on the writing thread, without mu. */
static void put_out(runner *r, const item *it, int *failed, int *err)
{
	if (it->said.len > 0)
		fwrite(it->said.text, 1, it->said.len, stderr);
	if (it->outlen > 0)
		fwrite(it->out, 1, it->outlen, r->out);
	*failed = it->name != NULL && fflush(r->out) != 0;
	/* errno is per thread: commit, on the caller's, would report
	 * another error than the write's. */
	*err = ferror(r->out) ? errno : 0;
}

/*
 * Writes out the items at the head of the window that are done, in order:
 * what each wrote and said (unless the run has stopped), then frees its
 * place. Called with r->mu held, by whichever thread finished the oldest
 * item, so each record streams out as soon as it and those before it are
 * done. One thread writes at a time (r->writing), and it writes with mu
 * released: holding mu over fwrite and fflush (a write per record) kept
 * the other workers waiting, most of -j's futex calls. The head item's
 * place stays taken while it is written, so no reader reuses it; items
 * finished meanwhile are the writer's too.
 */
static void write_ready(runner *r)
{
	if (r->writing)
		return;
	r->writing = 1;
	while (r->head < r->tail && r->ring[r->head % r->cap].state == DONE) {
		item *it = &r->ring[r->head % r->cap];
		int out = !stopped(r), failed = 0, err = 0;
		pthread_mutex_unlock(&r->mu);
		if (out)
			put_out(r, it, &failed, &err);
		/* Freed without mu too: memory another thread took waits
		 * for that thread's malloc arena. */
		free(it->said.text);
		free(it->out);
		free(it->copy);
		pthread_mutex_lock(&r->mu);
		if (out) {
			if (it->rc != 0 && r->first == 0)
				r->first = it->rc;
			if ((it->rc != 0 && r->b->strict) || failed)
				atomic_store(&r->stop, 1);
			if (err != 0 && r->werr == 0)
				r->werr = err;
		}
		r->head++;
		/* A worker waits for room only when the window is full
		 * (r->full): one place frees it. */
		if (r->full)
			pthread_cond_signal(&r->space);
	}
	r->writing = 0;
}

/* Works on an item with its output and messages held for later. */
static void run_held(const batch *b, void *payload, item *it)
{
	cli_hold(&it->said);
	FILE *o = open_memstream(&it->out, &it->outlen);
	it->rc = o != NULL ? run_item(b, payload, it, o)
			   : cli_fail(EXIT_RUNTIME, "out of memory");
	if (o != NULL && fclose(o) != 0 && it->rc == 0)
		it->rc = cli_fail(EXIT_RUNTIME, "out of memory");
	cli_release(&it->said);
	free(it->copy);
	it->copy = NULL;
	it->line = NULL;
}

/* The next line of the JSONL files, with r->in_mu held: 1 with *it (a
 * failed item when the file cannot be opened or read), 0 when there is no
 * more. What reading says is held in it->said, to come out in input order. */
static int read_record(runner *r, item *it)
{
	for (;;) {
		int k;
		*it = (item){ .failed = 0 };
		if (!r->rd_open) {
			if (r->fi >= r->nfiles)
				return 0;
			cli_hold(&it->said);
			k = jsonl_open(&r->rd, r->files[r->fi++]);
			cli_release(&it->said);
			if (k != 0) {
				it->failed = 1;
				it->rc = k;
				return 1;
			}
			r->rd_open = 1;
		}
		const char *line;
		size_t len;
		cli_hold(&it->said);
		k = jsonl_read_line(&r->rd, &line, &len);
		if (k == 1) {
			/* A copy: the reader's buffer is the next line's. */
			it->name = r->rd.name;
			it->lineno = r->rd.line;
			it->len = len;
			if ((it->copy = malloc(len + 1)) == NULL) {
				it->rc = cli_fail(EXIT_RUNTIME, "out of memory");
				it->failed = 1;
			} else
				it->line = memcpy(it->copy, line, len);
		}
		cli_release(&it->said);
		if (k == 1)
			return 1;
		int ioerr = r->rd.rc;
		jsonl_close(&r->rd);
		r->rd_open = 0;
		if (k == JSONL_IOERR) {
			it->failed = 1;
			it->rc = ioerr;
			return 1;
		}
		free(it->said.text); /* the end of a file says nothing */
	}
}

/* The next input, with r->in_mu held: 1 with *it, 0 when there is no more
 * or the run has stopped. */
static int read_input(runner *r, item *it)
{
	if (stopped(r))
		return 0;
	if (r->b->jsonl)
		return read_record(r, it);
	if (r->fi >= r->nfiles)
		return 0;
	*it = (item){ .path = r->files[r->fi], .index = r->fi, .nfiles = r->nfiles };
	r->fi++;
	return 1;
}

/* Waits, with in_mu held (so no other thread fills the window), for a free
 * place in the window: 1, or 0 once the run has stopped. The window bounds
 * what is held however slow the oldest input is. */
static int room(runner *r)
{
	pthread_mutex_lock(&r->mu);
	while (r->tail - r->head == r->cap && !stopped(r)) {
		r->full = 1;
		pthread_cond_wait(&r->space, &r->mu);
	}
	r->full = 0;
	int ok = !stopped(r);
	pthread_mutex_unlock(&r->mu);
	return ok;
}

/* Places an item read at the window's tail: taken by this thread, or done
 * when reading failed (then written out in its turn; NULL). */
static item *place(runner *r, const item *it)
{
	pthread_mutex_lock(&r->mu);
	item *slot = &r->ring[r->tail++ % r->cap];
	*slot = *it;
	slot->state = it->failed ? DONE : TAKEN;
	if (it->failed)
		write_ready(r);
	pthread_mutex_unlock(&r->mu);
	return it->failed ? NULL : slot;
}

/* This thread's next input, in its place in the window; NULL at the end. */
static item *next_item(runner *r)
{
	item it, *slot = NULL;
	pthread_mutex_lock(&r->in_mu);
	while (slot == NULL && room(r) && read_input(r, &it))
		slot = place(r, &it);
	pthread_mutex_unlock(&r->in_mu);
	return slot;
}

/* A worker's loop, on every thread: read an input, work on it, and write
 * out what is ready. */
static void work(runner *r, void *payload)
{
	item *it;
	while ((it = next_item(r)) != NULL) {
		run_held(r->b, payload, it);
		pthread_mutex_lock(&r->mu);
		it->state = DONE;
		write_ready(r);
		pthread_mutex_unlock(&r->mu);
	}
}

static void *worker_main(void *state)
{
	worker *w = state;
	work(w->r, w->payload);
	return NULL;
}

static int worker_open(void *state, void *arg)
{
	worker *w = state;
	w->r = arg;
	return w->r->b->open(w->r->b->payload, &w->payload);
}

static void worker_close(void *state)
{
	worker *w = state;
	if (w->payload != NULL)
		w->r->b->close(w->payload);
}

/*
 * Works on the inputs with b->jobs threads: jobs - 1 started here, each
 * with a payload of its own, and this one with b->payload. The started
 * threads wait at the input (in_mu) until all have started: a run whose
 * threads cannot all start reads nothing. 0, or an exit code.
 */
static int run_threads(runner *r, char **files, int nfiles)
{
	const batch *b = r->b;
	r->files = files;
	r->nfiles = nfiles;
	/* Enough inputs in flight that a slow one, or a thread the system
	 * takes its core from for a time slice, rarely idles the others: 8
	 * a thread filled up 70 times in a run of -j 2 on 2,824 files beside
	 * one other busy process. A place holds an output, not an input. */
	r->cap = 64 * (size_t)b->jobs;
	if ((r->ring = calloc(r->cap, sizeof *r->ring)) == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	pthread_mutex_init(&r->mu, NULL);
	pthread_mutex_init(&r->in_mu, NULL);
	pthread_cond_init(&r->space, NULL);
	pthread_mutex_lock(&r->in_mu);
	int rc = workers_start(&r->ws, b->jobs - 1, sizeof(worker), r, worker_open,
			       worker_main, worker_close);
	if (rc != 0)
		atomic_store(&r->stop, 1);
	pthread_mutex_unlock(&r->in_mu);
	if (rc == 0)
		work(r, b->payload);
	workers_join(&r->ws);
	if (r->rd_open)
		jsonl_close(&r->rd);
	pthread_cond_destroy(&r->space);
	pthread_mutex_destroy(&r->in_mu);
	pthread_mutex_destroy(&r->mu);
	free(r->ring);
	return rc;
}

/* ---- on this thread ------------------------------------------------------- */

static void feed_jsonl(runner *r, const char *path)
{
	jsonl_reader rd;
	int k = jsonl_open(&rd, path);
	if (k != 0) {
		settle(r, &(item){ .failed = 1, .rc = k });
		return;
	}
	while (!stopped(r)) {
		item it = { .name = rd.name };
		if ((k = jsonl_read_line(&rd, &it.line, &it.len)) != 1)
			break;
		it.lineno = rd.line;
		it.rc = run_item(r->b, r->b->payload, &it, r->out);
		settle(r, &it);
	}
	if (k == JSONL_IOERR)
		settle(r, &(item){ .failed = 1, .rc = rd.rc });
	jsonl_close(&rd);
}

static void run_here(runner *r, char **files, int nfiles)
{
	for (int i = 0; i < nfiles && !stopped(r); i++) {
		if (r->b->jsonl) {
			feed_jsonl(r, files[i]);
			continue;
		}
		item it = { .path = files[i], .index = i, .nfiles = nfiles };
		it.rc = run_item(r->b, r->b->payload, &it, r->out);
		settle(r, &it);
	}
}

int batch_jsonl(const batch *b, const char *path, FILE *out)
{
	runner r = { .b = b, .out = out };
	feed_jsonl(&r, path);
	return r.first;
}

int batch_run(const batch *b, char **files, int nfiles)
{
	io_out out;
	int rc = io_out_open(&out, b->output);
	if (rc != 0)
		return rc;
	char *stdin_only[] = { "-" };
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	runner r = { .b = b, .out = out.fp };
	if (b->jobs > 1 && out.fp != NULL && (b->jsonl || nfiles > 1))
		rc = run_threads(&r, files, nfiles);
	else
		run_here(&r, files, nfiles);
	int first = rc != 0 ? rc : r.first;
	/* No half-written output file, except for records skipped leniently:
	 * then the good records are the output. A run whose threads did not
	 * start read nothing: its empty output must not replace the file. */
	if (first != 0 && b->output != NULL && (rc != 0 || !b->jsonl || b->strict)) {
		io_out_abort(&out);
		return first;
	}
	if (r.werr != 0)
		errno = r.werr; /* what commit reports on a write error */
	rc = io_out_commit(&out);
	return first != 0 ? first : rc;
}
