/*
 * html.c - a summary shown where it stands: the whole article as one
 * HTML page, paragraphs kept, the chosen sentences marked. Reviewing what a
 * summarizer picked (and what it passed over) is easier in context than from
 * the extracted lines alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "doc/doc.h"
#include "output/output.h"

/* A growing buffer; the page is written unit by unit to bound memory. */
typedef struct page {
	char *buf;
	size_t len, cap;
	int nomem;
} page;

static void put(page *p, const char *s, size_t n)
{
	if (p->nomem)
		return;
	if (p->len + n > p->cap) {
		size_t cap = p->cap ? p->cap : 256;
		while (cap < p->len + n)
			cap *= 2;
		char *b = realloc(p->buf, cap);
		if (b == NULL) {
			p->nomem = 1;
			return;
		}
		p->buf = b;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, s, n);
	p->len += n;
}

static void puts_(page *p, const char *s)
{
	put(p, s, strlen(s));
}

/* Text (folded to one line) with the five HTML specials escaped. */
static void put_escaped(page *p, const char *s, size_t n)
{
	char *line = malloc(n + 1);
	if (line == NULL) {
		p->nomem = 1;
		return;
	}
	n = precis_fold_lines(s, n, line);
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = NULL;
		switch (line[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		put(p, line + from, i - from);
		puts_(p, e);
		from = i + 1;
	}
	put(p, line + from, n - from);
	free(line);
}

/* Hands the buffered bytes to the sink. */
static int flush(page *p, precis_write_fn write, void *payload,
		 precis_error *err)
{
	if (p->nomem)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = p->len && write(payload, p->buf, p->len) != 0;
	p->len = 0;
	return rc ? precis__fail(err, PRECIS_ERR_IO, "write failed") : 0;
}

/* Text from the caller, a file name or a given title, need not be UTF-8
 * (the document's text is, checked or repaired): the page says it is, so
 * invalid bytes become U+FFFD, as in JSON. */
static void put_caller_text(page *p, const char *s)
{
	size_t n;
	char *safe = precis_utf8_sanitize(s, strlen(s), &n);
	if (safe == NULL) {
		p->nomem = 1;
		return;
	}
	put_escaped(p, safe, n);
	free(safe);
}

/* The page's head, named after the headline (given, or detected in the
 * text) or else after `name`. */
static void head(page *p, const precis_doc *d, const char *name)
{
	puts_(p, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
		 "<title>");
	if (d->title_text != NULL)
		put_caller_text(p, d->title_text);
	else if (d->has_title)
		put_escaped(p, d->text + d->title_off, d->title_len);
	else if (name != NULL)
		put_caller_text(p, name);
	puts_(p, "</title>\n<style>mark { background: #fff0a0; }</style>\n"
		 "</head>\n<body>\n<article>\n");
	if (d->title_text != NULL) {
		puts_(p, "<h1>");
		put_caller_text(p, d->title_text);
		puts_(p, "</h1>\n");
	}
}

/* One unit, marked when picked; `pick` advances through the picks. */
static void unit(page *p, const precis_doc *d, const precis_summary *s,
		 size_t i, size_t *pick)
{
	const precis__unit *u = &d->units.v[i];
	precis_pick k;
	int marked = precis_summary_pick(s, *pick, &k) == 0 && k.sentence == i;
	if (marked) {
		char attr[64];
		snprintf(attr, sizeof attr, "<mark data-score=\"%.6g\">", k.score);
		puts_(p, attr);
		(*pick)++;
	}
	put_escaped(p, d->text + u->start, u->end - u->start);
	if (marked)
		puts_(p, "</mark>");
}

int precis__render_html(const precis_summary *s, const precis_doc *d,
			const precis_keywords *kw, const char *name,
			precis_write_fn write, void *payload, precis_error *err)
{
	(void)kw;
	page p = { 0 };
	head(&p, d, name);
	size_t pick = 0, par = (size_t)-1;
	int rc = 0;
	for (size_t i = 0; i < d->units.n && rc == 0; i++) {
		if (d->has_title && d->title_text == NULL && i == d->title_unit) {
			/* Through unit(): a summary may pick the headline
			 * (the oracle can), and the picks after it must still
			 * be found. */
			puts_(&p, "<h1>");
			unit(&p, d, s, i, &pick);
			puts_(&p, "</h1>\n");
			continue;
		}
		if (d->units.v[i].paragraph != par) {
			puts_(&p, par == (size_t)-1 ? "<p>" : "</p>\n<p>");
			par = d->units.v[i].paragraph;
		} else {
			puts_(&p, " ");
		}
		unit(&p, d, s, i, &pick);
		rc = flush(&p, write, payload, err);
	}
	if (rc == 0) {
		puts_(&p, par == (size_t)-1 ? "" : "</p>\n");
		puts_(&p, "</article>\n</body>\n</html>\n");
		rc = flush(&p, write, payload, err);
	}
	free(p.buf);
	return rc;
}
