/*
 * html_input.c - a web page as the input stage's text: the article the
 * extractor (html.c) keeps, its title, and its map back to the page's
 * bytes. The page is read from its raw bytes, because its charset is
 * named inside it (a <meta> tag) or by the caller (HTTP's Content-Type).
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/html.h"
#include "input/input.h"

/* Where the text has `t` as a line of its own, or (size_t)-1. */
static size_t line_at(const char *text, size_t len, const char *t, size_t n)
{
	for (size_t i = 0; i + n <= len;) {
		if (memcmp(text + i, t, n) == 0 && (i + n == len || text[i + n] == '\n'))
			return i;
		const char *nl = memchr(text + i, '\n', len - i);
		if (nl == NULL)
			break;
		i = (size_t)(nl - text) + 1;
	}
	return (size_t)-1;
}

/* The page's title is the text's headline: the line that holds it when the
 * extractor kept the <h1> in the article, else a first paragraph of its
 * own, so that a page reads like its article written out under its
 * headline, which is what a reader sees and what a plain-text copy of it
 * holds. It maps to the element it came from. */
static int title(precis__input *in, precis__html_result *r)
{
	size_t n = r->title_len;
	if (n == 0)
		return 0;
	in->has_title = 1;
	in->title_off = 0;
	in->title_len = n;
	size_t at = line_at(in->text, in->len, r->title, n);
	if (at != (size_t)-1) {
		in->title_off = at; /* the article holds it (its <h1>) */
		return 0;
	}
	/* Sources stay in order: a title read after the article's text (a
	 * stray <title> in the body) maps to nothing. */
	size_t k = n + (in->len ? 2 : 1);
	size_t known = r->title_src_len > 0 &&
		(r->npieces == 0 ||
		 r->title_src_off + r->title_src_len <= r->pieces[0].src_off);
	char *t = malloc(k + in->len + 1);
	precis__html_piece *p = malloc((r->npieces + known) * sizeof *p);
	if (t == NULL || p == NULL) {
		free(t);
		free(p);
		return PRECIS_ERR_NOMEM;
	}
	memcpy(t, r->title, n);
	memcpy(t + n, "\n\n", k - n);
	memcpy(t + k, in->text, in->len + 1);
	if (known)
		p[0] = (precis__html_piece){ 0, n, r->title_src_off, r->title_src_len };
	for (size_t i = 0; i < r->npieces; i++) {
		p[i + known] = r->pieces[i];
		p[i + known].out_off += k;
	}
	free(in->text);
	free(r->pieces);
	in->text = t;
	in->len += k;
	r->text_len = in->len;
	r->pieces = p;
	r->npieces += known;
	return 0;
}

int precis__input_html(precis__input *in, const char *src, size_t len,
		       const char *charset)
{
	precis__html_options o = PRECIS__HTML_OPTIONS_INIT;
	o.charset = charset;
	precis__html_result *r = calloc(1, sizeof *r);
	if (r == NULL)
		return PRECIS_ERR_NOMEM;
	int rc = precis__html_extract(r, src, len, &o);
	if (rc != 0) {
		free(r);
		return rc == PRECIS__HTML_ERR_LIMIT ? PRECIS_ERR_LIMIT : PRECIS_ERR_NOMEM;
	}
	in->text = r->text;
	in->len = r->text_len;
	r->text = NULL; /* the input owns it now; the map keeps its length */
	in->html = r;
	rc = title(in, r);
	free(r->title);
	r->title = NULL;
	return rc;
}

void precis__input_html_free(precis__input *in)
{
	if (in->html != NULL) {
		precis__html_result_free(in->html);
		free(in->html);
		in->html = NULL;
	}
}

void precis__input_html_span(const precis__input *in, size_t t, size_t n,
			     size_t *s, size_t *slen)
{
	if (precis__html_map(in->html, t, n, s, slen) != 0) {
		*s = 0;
		*slen = 0;
	}
}
