/*
 * fetch.c - documents from the web (fetch.h). The limits keep a hostile or
 * broken server from holding precis: 10 s to connect, 60 s in all, 64 MB
 * of body, 10 redirects, http and https only (a redirect to file:// or
 * ftp:// is refused).
 */
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/error.h"
#include "cli/fetch.h"
#include "precis.h"

#define CONNECT_TIMEOUT 10L
#define TOTAL_TIMEOUT 60L
#define MAX_REDIRECTS 10L

int fetch_is_url(const char *arg)
{
	return arg != NULL && (strncasecmp(arg, "http://", 7) == 0 ||
			       strncasecmp(arg, "https://", 8) == 0);
}

typedef struct body {
	char *buf;
	size_t len, cap;
	int too_big, oom;
} body;

static size_t on_data(char *p, size_t size, size_t n, void *arg)
{
	body *b = arg;
	size_t k = size * n;
	if (b->len + k > FETCH_MAX_BYTES) {
		b->too_big = 1;
		return 0; /* curl stops with CURLE_WRITE_ERROR */
	}
	if (b->len + k + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1 << 16;
		while (cap < b->len + k + 1)
			cap *= 2;
		char *nb = realloc(b->buf, cap);
		if (nb == NULL) {
			b->oom = 1;
			return 0;
		}
		b->buf = nb;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, p, k);
	b->len += k;
	b->buf[b->len] = '\0';
	return k;
}

/* "text/html; charset=ISO-8859-1" -> the format and the charset. */
static int content_type(const char *ct, fetched *out, const char *url)
{
	out->format = PRECIS_INPUT_AUTO; /* a server that names none: sniff */
	if (ct == NULL)
		return 0;
	size_t n = strcspn(ct, "; \t");
	if ((n == 9 && strncasecmp(ct, "text/html", n) == 0) ||
	    (n == 21 && strncasecmp(ct, "application/xhtml+xml", n) == 0))
		out->format = PRECIS_INPUT_HTML;
	else if (n == 10 && strncasecmp(ct, "text/plain", n) == 0)
		out->format = PRECIS_INPUT_TEXT;
	else if (n == 13 && strncasecmp(ct, "text/markdown", n) == 0)
		out->format = PRECIS_INPUT_MARKDOWN;
	else if ((n == 8 && strncasecmp(ct, "text/vtt", n) == 0) ||
		 (n == 20 && strncasecmp(ct, "application/x-subrip", n) == 0))
		out->format = PRECIS_INPUT_SUBTITLES;
	else
		return cli_fail_in(EXIT_RUNTIME, url, "cannot read a document of type '%.*s' "
				   "(HTML, plain text, Markdown or subtitles)", (int)n, ct);
	const char *cs = NULL;
	for (const char *p = ct; *p && cs == NULL; p++)
		if (strncasecmp(p, "charset=", 8) == 0)
			cs = p;
	if (cs != NULL) {
		cs += 8;
		cs += *cs == '"';
		size_t m = strcspn(cs, "\"; \t");
		if (m < sizeof out->charset)
			snprintf(out->charset, sizeof out->charset, "%.*s", (int)m, cs);
	}
	return 0;
}

static void setup(CURL *c, const char *url, body *b, char *errbuf)
{
	char ua[96];
	snprintf(ua, sizeof ua, "precis/%s (extractive summarizer; libcurl)", precis_version());
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_USERAGENT, ua);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, MAX_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, TOTAL_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* safe on -j threads */
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
}

/* The outcome of a transfer: 0, or an exit code after a message. */
static int outcome(CURL *c, CURLcode rc, const body *b, const char *errbuf,
		   const char *url, fetched *out)
{
	long status = 0;
	char *ct = NULL;
	if (b->too_big)
		return cli_fail_in(EXIT_RUNTIME, url, "larger than %zu MB", FETCH_MAX_BYTES >> 20);
	if (b->oom)
		return cli_fail_in(EXIT_RUNTIME, url, "out of memory");
	if (rc != CURLE_OK)
		return cli_fail_in(EXIT_RUNTIME, url, "%s", *errbuf ? errbuf : curl_easy_strerror(rc));
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (status >= 400)
		return cli_fail_in(EXIT_RUNTIME, url, "HTTP %ld", status);
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
	return content_type(ct, out, url);
}

int fetch_url(const char *url, fetched *out)
{
	memset(out, 0, sizeof *out);
	/* libcurl >= 7.84 initializes thread-safely; Debian 12 has 7.88. */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return cli_fail_in(EXIT_RUNTIME, url, "cannot start libcurl");
	CURL *c = curl_easy_init();
	if (c == NULL) {
		curl_global_cleanup();
		return cli_fail_in(EXIT_RUNTIME, url, "cannot start libcurl");
	}
	body b = { 0 };
	char errbuf[CURL_ERROR_SIZE] = "";
	setup(c, url, &b, errbuf);
	CURLcode rc = curl_easy_perform(c);
	int ec = outcome(c, rc, &b, errbuf, url, out);
	curl_easy_cleanup(c);
	curl_global_cleanup(); /* counted: the last one releases */
	if (ec != 0) {
		free(b.buf);
		return ec;
	}
	out->data = b.buf ? b.buf : calloc(1, 1);
	out->len = b.len;
	return out->data ? 0 : cli_fail_in(EXIT_RUNTIME, url, "out of memory");
}

void fetched_free(fetched *f)
{
	free(f->data);
	memset(f, 0, sizeof *f);
}
