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

/* The title is a headline in the text when the article starts with it
 * (an <h1> kept as its first paragraph); else it stands apart. */
static int title(precis__input *in, const char *t, size_t n)
{
	if (n == 0)
		return 0;
	size_t first = strcspn(in->text, "\n");
	if (first == n && memcmp(in->text, t, n) == 0) {
		in->has_title = 1;
		in->title_off = 0;
		in->title_len = n;
		return 0;
	}
	in->title_text = malloc(n + 1);
	if (in->title_text == NULL)
		return PRECIS_ERR_NOMEM;
	memcpy(in->title_text, t, n + 1);
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
	rc = title(in, r->title, r->title_len);
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
