/*
 * io.h - reading inputs and writing outputs for the command line.
 */
#ifndef PRECIS_CLI_IO_H
#define PRECIS_CLI_IO_H

#include <stdio.h>
#include <stddef.h>

#include <zlib.h>

#include <jansson.h>

#include "precis.h"

/* An input file or stdin, read through zlib's gz reader: plain bytes as
 * they are, gzip decompressed. */
typedef struct io_in {
	FILE *fp;
	gzFile gz;        /* NULL: read(2) as bytes come (IO_IN_STREAM) */
	const char *name; /* for messages */
} io_in;

/* Opens `path` ("-" or NULL: stdin). 0, or an exit code after a message.
 * With IO_IN_STREAM a pipe, FIFO or terminal is read as its bytes come
 * (a record answered before the next is written), not decompressed:
 * zlib's reader waits for a whole buffer. A regular file is read through
 * it either way. */
enum { IO_IN_STREAM = 1 };
int io_in_open(io_in *in, const char *path, unsigned flags);
/* Up to `want` bytes into buf: how many, 0 at the end; -1 after printing
 * the error, with the exit code in *rc (a read error is a runtime error,
 * broken gzip data invalid input) and errno's cause in *e (0: none). */
long io_in_read(io_in *in, char *buf, size_t want, int *e, int *rc);
void io_in_close(io_in *in);

/* Reads all of `path` ("-" or NULL: stdin) into a malloc'd, NUL-terminated
 * buffer. 0, or an exit code after printing the error. */
int io_read_all(const char *path, char **out, size_t *len);

/* Reads `path` ("-" or NULL: stdin) in blocks, calling fn on each and once
 * more with len 0 at the end; stops at fn's first nonzero return, which it
 * returns (an exit status; read errors are reported here, and leave their
 * cause in errno). */
typedef int (*io_block_fn)(void *arg, const char *buf, size_t len);
int io_read_blocks(const char *path, io_block_fn fn, void *arg);

/* Whether `path` means standard input ("-" or NULL). */
int io_is_stdin(const char *path);
/* The name to show for `path` in messages ("<stdin>" for "-"). */
const char *io_display_name(const char *path);

/*
 * Output that lands atomically: with a path, data goes to a temporary file in
 * the same directory, renamed over `path` by io_out_commit() and removed by
 * io_out_abort(); without one (NULL or "-"), or one naming the file stdout
 * is, to stdout. A path that names a device, FIFO or socket is written in
 * place (tmp stays NULL).
 */
typedef struct io_out {
	FILE *fp;
	char *path;
	char *tmp;
} io_out;

int io_out_open(io_out *out, const char *path);
int io_out_commit(io_out *out);
void io_out_abort(io_out *out);
/* precis_write_fn over a FILE *. */
int io_write_file(void *payload, const char *buf, size_t len);

/* A JSON string of a name that need not be UTF-8 (a file name): invalid
 * bytes become U+FFFD. NULL when out of memory. */
json_t *io_json_name(const char *name);

/* Loads a background IDF model file. 0, or an exit code after a message. */
int io_load_idf(const char *path, precis_idf **out);

/* Loads a learned model file. 0, or an exit code after a message (3, with
 * the line, for a bad model). */
int io_load_model(const char *path, precis_model **out);

#endif
