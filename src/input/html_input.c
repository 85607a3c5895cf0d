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

/* The page's title heads the text as its first paragraph, whether or not
 * the extractor kept the <h1> in the article: a page reads like its article
 * written out under its headline, which is what a reader sees and what a
 * plain-text copy of it holds. It maps to the element it came from. */
static int title(precis__input *in, precis__html_result *r)
{
	size_t n = r->title_len;
	if (n == 0)
		return 0;
	in->has_title = 1;
	in->title_off = 0;
	in->title_len = n;
	if (strcspn(in->text, "\n") == n && memcmp(in->text, r->title, n) == 0)
		return 0; /* the article starts with it */
	size_t k = n + (in->len ? 2 : 1), known = r->title_src_len > 0;
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
