/*
 * batch.c - the shared input loop of summarize, split and idf build: on
 * this thread, or with jobs > 1 on worker threads while this one reads
 * ahead into a window of inputs. An input's output and messages are held
 * until those before it are written, so both streams come out in input
 * order, and memory is bounded by the window however long the input.
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

enum { WAITING, TAKEN, DONE };

typedef struct runner {
	const batch *b;
	FILE *out;         /* NULL: no output wanted (idf build) */
	int first;         /* the first error's code */
	atomic_int stop;   /* no more input: read by the reader without mu */
	int werr;          /* errno of a failed write on out, on any thread */
	/* with threads */
	int par;
	item *ring;        /* the window: items head..tail-1, by number */
	size_t cap, head, next, tail; /* written out, taken, read */
	int closing;
	int writing;       /* a thread is writing out the head (mu) */
	pthread_mutex_t mu;
	pthread_cond_t work, space; /* an item to take; room in the window */
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

/* Whether the run has stopped; the writer may be another thread. */
static int stopped(runner *r)
{
	/* An atomic, not the mutex: the reader asks at every line, and
	 * taking mu that often made it contend with the workers. */
	return atomic_load(&r->stop);
}

/* The next waiting item, or NULL when there is none and no more will come.
 * With r->mu held. */
static item *take(runner *r)
{
	for (;;) {
		/* A failed read is done when read, and may be written out
		 * before a worker passes it. */
		if (r->next < r->head)
			r->next = r->head;
		while (r->next < r->tail && r->ring[r->next % r->cap].state != WAITING)
			r->next++;
		if (r->next < r->tail) {
			item *it = &r->ring[r->next++ % r->cap];
			it->state = TAKEN;
			return it;
		}
		if (r->closing)
			return NULL;
		pthread_cond_wait(&r->work, &r->mu);
	}
}

/* What an item wrote and said, out: on the writing thread, without mu. */
static void put_out(runner *r, const item *it, int *failed, int *err)
{
	if (it->said.len > 0)
		fwrite(it->said.text, 1, it->said.len, stderr);
	if (it->outlen > 0)
		fwrite(it->out, 1, it->outlen, r->out);
	*failed = it->name != NULL && fflush(r->out) != 0;
	/* errno is per thread: commit, on the reader's, would report
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
 * the other workers waiting for their next input, most of -j's futex
 * calls. The head item's place stays taken while it is written, so the
 * reader cannot reuse it; items finished meanwhile are the writer's too.
 */
static void write_ready(runner *r)
{
	if (r->writing)
		return;
	r->writing = 1;
	while (r->head < r->tail && r->ring[r->head % r->cap].state == DONE) {
		item *it = &r->ring[r->head % r->cap];
		if (!atomic_load(&r->stop)) {
			int failed, err;
			pthread_mutex_unlock(&r->mu);
			put_out(r, it, &failed, &err);
			pthread_mutex_lock(&r->mu);
			if (it->rc != 0 && r->first == 0)
				r->first = it->rc;
			if ((it->rc != 0 && r->b->strict) || failed)
				atomic_store(&r->stop, 1);
			if (err != 0 && r->werr == 0)
				r->werr = err;
		}
		free(it->said.text);
		free(it->out);
		free(it->copy);
		r->head++;
		/* The reader, waiting for a full window to drain, is woken
		 * once half of it is free, not at every record. */
		if (r->tail - r->head <= r->cap / 2)
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

static void *worker_main(void *state)
{
	worker *w = state;
	runner *r = w->r;
	item *it;
	pthread_mutex_lock(&r->mu);
	while ((it = take(r)) != NULL) {
		pthread_mutex_unlock(&r->mu);
		run_held(r->b, w->payload, it);
		pthread_mutex_lock(&r->mu);
		it->state = DONE;
		write_ready(r);
	}
	pthread_mutex_unlock(&r->mu);
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

/* Puts an item (copied) in the window, once there is room: the reader
 * never runs more than the window ahead of the writer. */
static void enqueue(runner *r, item *it)
{
	if (it->line != NULL && !it->failed) {
		cli_hold(&it->said);
		if ((it->copy = malloc(it->len + 1)) == NULL) {
			it->rc = cli_fail(EXIT_RUNTIME, "out of memory");
			it->failed = 1;
		} else
			it->line = memcpy(it->copy, it->line, it->len);
		cli_release(&it->said);
	}
	pthread_mutex_lock(&r->mu);
	while (r->tail - r->head == r->cap && !atomic_load(&r->stop))
		pthread_cond_wait(&r->space, &r->mu);
	if (atomic_load(&r->stop)) {
		pthread_mutex_unlock(&r->mu);
		free(it->said.text);
		free(it->copy);
		return;
	}
	item *slot = &r->ring[r->tail++ % r->cap];
	*slot = *it;
	slot->state = it->failed ? DONE : WAITING;
	if (it->failed)
		write_ready(r);
	else
		pthread_cond_signal(&r->work);
	pthread_mutex_unlock(&r->mu);
}

/* Works on an input here, or hands it to the workers. */
static void submit(runner *r, item *it)
{
	if (r->par) {
		enqueue(r, it);
		return;
	}
	if (!it->failed)
		it->rc = run_item(r->b, r->b->payload, it, r->out);
	settle(r, it);
}

/* The reader's own messages (a file that cannot be opened or read) must
 * come out in input order too: with threads they are held, and submitted
 * as a failed item. */
static void hold(runner *r, cli_held *said)
{
	*said = (cli_held){ NULL, NULL, 0, NULL };
	if (r->par)
		cli_hold(said);
}

static void unhold(runner *r, cli_held *said)
{
	if (r->par)
		cli_release(said);
}

static void read_failed(runner *r, int rc, cli_held *said)
{
	item it = { .failed = 1, .rc = rc, .said = *said };
	submit(r, &it);
}

static void feed_jsonl(runner *r, const char *path)
{
	jsonl_reader rd;
	cli_held said;
	hold(r, &said);
	int k = jsonl_open(&rd, path);
	unhold(r, &said);
	if (k != 0) {
		read_failed(r, k, &said);
		return;
	}
	while (!stopped(r)) {
		item it = { .name = rd.name };
		hold(r, &said);
		k = jsonl_read_line(&rd, &it.line, &it.len);
		unhold(r, &said);
		if (k != 1)
			break;
		it.lineno = rd.line;
		submit(r, &it);
	}
	if (k == JSONL_IOERR)
		read_failed(r, EXIT_RUNTIME, &said);
	jsonl_close(&rd);
}

static void runner_finish(runner *r)
{
	if (!r->par)
		return;
	pthread_mutex_lock(&r->mu);
	r->closing = 1;
	pthread_cond_broadcast(&r->work);
	while (r->head < r->tail)
		pthread_cond_wait(&r->space, &r->mu);
	pthread_mutex_unlock(&r->mu);
	workers_join(&r->ws);
	pthread_cond_destroy(&r->work);
	pthread_cond_destroy(&r->space);
	pthread_mutex_destroy(&r->mu);
	free(r->ring);
}

static int runner_start(runner *r, const batch *b, FILE *out, int nfiles)
{
	memset(r, 0, sizeof *r);
	r->b = b;
	r->out = out;
	r->par = b->jobs > 1 && out != NULL && (b->jsonl || nfiles > 1);
	if (!r->par)
		return 0;
	/* Enough inputs in flight that a slow one rarely idles the others. */
	r->cap = 8 * (size_t)b->jobs;
	if ((r->ring = calloc(r->cap, sizeof *r->ring)) == NULL) {
		r->par = 0;
		return cli_fail(EXIT_RUNTIME, "out of memory");
	}
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->work, NULL);
	pthread_cond_init(&r->space, NULL);
	int rc = workers_start(&r->ws, b->jobs, sizeof(worker), r, worker_open,
			       worker_main, worker_close);
	if (rc != 0) {
		runner_finish(r);
		r->par = 0;
	}
	return rc;
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
	runner r;
	rc = runner_start(&r, b, out.fp, nfiles);
	for (int i = 0; rc == 0 && i < nfiles && !stopped(&r); i++) {
		if (b->jsonl) {
			feed_jsonl(&r, files[i]);
			continue;
		}
		item it = { .path = files[i], .index = i, .nfiles = nfiles };
		submit(&r, &it);
	}
	runner_finish(&r);
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
