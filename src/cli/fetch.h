/*
 * fetch.h - documents named by an http:// or https:// URL, through
 * libcurl: redirects followed, time and size bounded, an honest
 * User-Agent, the Content-Type telling the format and charset.
 */
#ifndef PRECIS_CLI_FETCH_H
#define PRECIS_CLI_FETCH_H

#include <stddef.h>

/* The largest body read, in bytes (the rest is an error, not a cut). */
#define FETCH_MAX_BYTES ((size_t)64 << 20)

typedef struct fetched {
	char *data;         /* the body, NUL-terminated (malloc'd) */
	size_t len;
	int format;         /* a precis_input_format from the Content-Type */
	char charset[48];   /* its charset parameter, "" when none */
} fetched;

/* Whether `arg` is a URL precis fetches (http:// or https://). */
int fetch_is_url(const char *arg);

/*
 * Fetches `url`. 0, or an exit code after a message naming the URL: 1 for
 * a network failure, an HTTP status of 400 or more, a body over
 * FETCH_MAX_BYTES or a Content-Type precis cannot read.
 */
int fetch_url(const char *url, fetched *out);
void fetched_free(fetched *f);

#endif
