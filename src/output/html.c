/*
 * html.c - a summary shown where it stands: the whole article as one
 * HTML page, paragraphs kept, the chosen sentences marked, under a legend
 * that says what the marks are. Reviewing what a
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

/*
 * Readable at any width: a column of about 66 characters (the measure
 * typographers give for running text), with margins that shrink on a
 * narrow screen, which the viewport line lets a phone report as it is.
 */
static const char style[] =
	"<style>\n"
	"body { margin: 0; background: #fdfdfb; color: #1d1d1d;\n"
	"  font: 1.0625rem/1.6 Georgia, \"Times New Roman\", serif; }\n"
	"main { max-width: 38em; margin: 0 auto; padding: 1.5em 1.25em 3em; }\n"
	"h1 { font-size: 1.6em; line-height: 1.25; margin: 0 0 .75em; }\n"
	"mark { background: #fff0a0; color: inherit; padding: 0 .1em; }\n"
	"mark[data-rank=\"1\"] { background: #ffdd57; }\n"
	"mark[title] { cursor: help; }\n"
	".legend { font: .875rem/1.45 system-ui, sans-serif; color: #444;\n"
	"  border-left: 4px solid #ffdd57; background: #f4f4ef;\n"
	"  padding: .5em .9em; margin: 0 0 1.75em; }\n"
	".legend p { margin: .25em 0; }\n"
	"</style>\n";

/* The page's head, named after the headline (given, or detected in the
 * text) or else after `name`, in the document's language. */
static void head(page *p, const precis_doc *d, const char *name)
{
	puts_(p, "<!DOCTYPE html>\n<html lang=\"");
	puts_(p, d->language ? d->language : "en");
	puts_(p, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<title>");
	if (d->title_text != NULL)
		put_caller_text(p, d->title_text);
	else if (d->has_title)
		put_escaped(p, d->text + d->title_off, d->title_len);
	else if (name != NULL)
		put_caller_text(p, name);
	puts_(p, "</title>\n");
	puts_(p, style);
	puts_(p, "</head>\n<body>\n<main>\n");
}

/* What the marks are: the method, how many sentences it picked and what
 * share of the article they are, and the keywords when given. */
static void legend(page *p, const precis_doc *d, const precis_summary *s,
		   const precis_keywords *kw)
{
	size_t k = precis_summary_count(s), words = 0, picked = 0;
	for (size_t i = 0; i < d->units.n; i++)
		words += d->words ? d->words[i] : 0;
	precis_pick pk;
	for (size_t i = 0; precis_summary_pick(s, i, &pk) == 0; i++)
		picked += d->words ? d->words[pk.sentence] : 0;
	char buf[256];
	const char *method = precis_summary_method(s);
	puts_(p, "<aside class=\"legend\">\n<p><mark>Marked</mark>: the ");
	snprintf(buf, sizeof buf, "%zu sentence%s", k, k == 1 ? "" : "s");
	puts_(p, buf);
	puts_(p, " chosen by <b>");
	put_caller_text(p, method ? method : "precis");
	snprintf(buf, sizeof buf,
		 "</b>, %zu of %zu sentences and %zu of %zu words (%.0f%%) of the "
		 "article. Hover over one for its rank and score.</p>\n",
		 k, d->units.n, picked, words,
		 words ? 100.0 * (double)picked / (double)words : 0.0);
	puts_(p, buf);
	precis_keyword w;
	for (size_t i = 0; kw != NULL && precis_keywords_get(kw, i, &w) == 0; i++) {
		puts_(p, i == 0 ? "<p>Keywords: " : ", ");
		put_escaped(p, w.text, w.length);
		if (i + 1 == precis_keywords_count(kw))
			puts_(p, ".</p>\n");
	}
	puts_(p, "</aside>\n<article>\n");
	if (d->title_text != NULL) {
		puts_(p, "<h1>");
		put_caller_text(p, d->title_text);
		puts_(p, "</h1>\n");
	}
}

/* One unit, marked when picked, its rank (of the picks, 1 the highest
 * score) and score in attributes and in a title a browser shows on
 * hover; `pick` advances through the picks. */
static void unit(page *p, const precis_doc *d, const precis_summary *s,
		 const size_t *rank, size_t i, size_t *pick)
{
	const precis__unit *u = &d->units.v[i];
	precis_pick k;
	int marked = precis_summary_pick(s, *pick, &k) == 0 && k.sentence == i;
	if (marked) {
		char attr[160];
		size_t r = rank[*pick];
		snprintf(attr, sizeof attr,
			 "<mark data-score=\"%.6g\" data-rank=\"%zu\" title=\"rank %zu of %zu, "
			 "score %.4g\">", k.score, r, r, precis_summary_count(s), k.score);
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
	page p = { 0 };
	size_t *rank = precis__pick_ranks(s);
	if (rank == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	head(&p, d, name);
	legend(&p, d, s, kw);
	size_t pick = 0, par = (size_t)-1;
	int rc = 0;
	for (size_t i = 0; i < d->units.n && rc == 0; i++) {
		if (d->has_title && d->title_text == NULL && i == d->title_unit) {
			/* Through unit(): a summary may pick the headline
			 * (the oracle can), and the picks after it must still
			 * be found. */
			/* A headline the splitter cut ("Who knew? Not
			 * us") is one heading still. */
			puts_(&p, "<h1>");
			unit(&p, d, s, rank, i, &pick);
			while (i + 1 < d->units.n &&
			       d->units.v[i + 1].end <= d->title_off + d->title_len) {
				puts_(&p, " ");
				unit(&p, d, s, rank, ++i, &pick);
			}
			puts_(&p, "</h1>\n");
			continue;
		}
		if (d->units.v[i].paragraph != par) {
			puts_(&p, par == (size_t)-1 ? "<p>" : "</p>\n<p>");
			par = d->units.v[i].paragraph;
		} else {
			puts_(&p, " ");
		}
		unit(&p, d, s, rank, i, &pick);
		rc = flush(&p, write, payload, err);
	}
	if (rc == 0) {
		puts_(&p, par == (size_t)-1 ? "" : "</p>\n");
		puts_(&p, "</article>\n</main>\n</body>\n</html>\n");
		rc = flush(&p, write, payload, err);
	}
	free(p.buf);
	free(rank);
	return rc;
}
