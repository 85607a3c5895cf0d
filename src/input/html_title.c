/*
 * html_title.c - the article's title.
 *
 * Candidates: the <h1> of the article (inside the chosen root, else the
 * last one before it, else the first after it, never one in nav, aside,
 * footer or a hidden element), og:title (or twitter:title), and <title>.
 * The <h1> is the headline as the reader sees it, so it wins when it
 * agrees with the metadata (most of its words appear in og:title or
 * <title>: a page's other <h1>s, "Related stories" or the site's logo,
 * do not). Otherwise og:title, which sites write for sharing and which
 * rarely carries the site's name, then <title>. A trailing (or leading)
 * " | Site", " - Site" is removed from og:title and <title> only when it is
 * clearly the site: it matches og:site_name or application-name, looks
 * like a domain ("nj.com"), or what remains is exactly the headline.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

#define TITLE_MAX 1024

typedef struct {
	char s[TITLE_MAX];
	size_t n;
	size_t node; /* the element the text came from, for its source span */
} tbuf;

static void tb_add(tbuf *b, const char *t)
{
	for (; *t && b->n + 4 < sizeof(b->s); t++) {
		unsigned char c = (unsigned char)*t;
		int space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f' || (c == 0xC2 && (unsigned char)t[1] == 0xA0);
		if (c == 0xC2 && (unsigned char)t[1] == 0xA0)
			t++;
		if (space) {
			if (b->n && b->s[b->n - 1] != ' ')
				b->s[b->n++] = ' ';
		} else if (c >= 0x20 && c != 0x7F) {
			b->s[b->n++] = (char)c;
		}
	}
	b->s[b->n] = '\0';
}

static void tb_trim(tbuf *b)
{
	while (b->n && b->s[b->n - 1] == ' ')
		b->s[--b->n] = '\0';
	size_t k = 0;
	while (k < b->n && b->s[k] == ' ')
		k++;
	memmove(b->s, b->s + k, b->n - k + 1);
	b->n -= k;
	/* cut back to a character boundary if tb_add stopped mid-way */
	while (b->n && ((unsigned char)b->s[b->n - 1] & 0xC0) == 0x80 &&
	       !precis__html_utf8_valid((const unsigned char *)b->s, b->n))
		b->s[--b->n] = '\0';
	if (b->n && !precis__html_utf8_valid((const unsigned char *)b->s, b->n))
		b->s[--b->n] = '\0';
}

/* The visible text of element i (scripts and hidden parts skipped). */
static void element_text(const precis__html_dom *d, size_t i, tbuf *b)
{
	b->n = 0;
	b->s[0] = '\0';
	b->node = i;
	for (size_t j = i + 1; j < d->nodes[i].end;) {
		const precis__html_node *n = &d->nodes[j];
		if (n->tag <= GUMBO_TAG_LAST &&
		    (precis__html_tag_is_dropped(n->tag) || precis__html_is_hidden(n))) {
			j = n->end;
			continue;
		}
		if (n->tag == PRECIS__HTML_TAG_TEXT) {
			tb_add(b, " ");
			tb_add(b, n->g->v.text.text);
		}
		j++;
	}
	tb_trim(b);
}

size_t precis__html_squash(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[k++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			out[k++] = (char)(c | 0x20);
	}
	out[k] = '\0';
	return k;
}

static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
	char x[TITLE_MAX], y[TITLE_MAX];
	size_t xn = precis__html_squash(a, an, x, sizeof(x)), yn = precis__html_squash(b, bn, y, sizeof(y));
	return xn && xn == yn && !memcmp(x, y, xn);
}

typedef struct {
	tbuf og, title, site, h1;
} cands;

static int is_html_el(const precis__html_node *n, unsigned tag)
{
	return n->tag == tag && n->g->type == GUMBO_NODE_ELEMENT &&
	       n->g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

static void set_once(tbuf *b, const char *v, size_t node)
{
	if (b->n || !v)
		return;
	b->node = node;
	tb_add(b, v);
	tb_trim(b);
}

/* og:title, twitter:title, site names and the first <title>. */
static void read_meta(const precis__html_dom *d, cands *c)
{
	tbuf tw = {{0}, 0, 0};
	for (size_t i = 0; i < d->nnodes; i++) {
		const precis__html_node *n = &d->nodes[i];
		if (is_html_el(n, GUMBO_TAG_TITLE) && !c->title.n) {
			element_text(d, i, &c->title);
			continue;
		}
		if (!is_html_el(n, GUMBO_TAG_META))
			continue;
		const char *k = precis__html_attr(n, "property");
		if (!k)
			k = precis__html_attr(n, "name");
		const char *v = precis__html_attr(n, "content");
		if (!k || !v)
			continue;
		if (!strcmp(k, "og:title"))
			set_once(&c->og, v, i);
		else if (!strcmp(k, "twitter:title"))
			set_once(&tw, v, i);
		else if (!strcmp(k, "og:site_name") || !strcmp(k, "application-name"))
			set_once(&c->site, v, i);
	}
	if (!c->og.n && tw.n)
		c->og = tw;
}

/* Whether an <h1> is out of the article's way (nav, aside, hidden...). */
static int h1_excluded(const precis__html_dom *d, size_t i)
{
	for (size_t a = i; a > 0; a = d->nodes[a].parent) {
		const precis__html_node *n = &d->nodes[a];
		if (n->tag == GUMBO_TAG_NAV || n->tag == GUMBO_TAG_ASIDE ||
		    n->tag == GUMBO_TAG_FOOTER || precis__html_is_hidden(n) ||
		    (n->tag <= GUMBO_TAG_LAST && precis__html_tag_is_dropped(n->tag)))
			return 1;
	}
	return 0;
}

#define H1_MAX 64

/* The article's <h1>: inside the root, else the last before it, else the
 * first after it. */
static void find_h1(const precis__html_dom *d, size_t root, tbuf *out)
{
	size_t before = 0, after = 0, seen = 0, end = d->nodes[root].end;
	for (size_t i = 1; i < d->nnodes && seen < H1_MAX; i++) {
		if (!is_html_el(&d->nodes[i], GUMBO_TAG_H1))
			continue;
		seen++;
		if (h1_excluded(d, i))
			continue;
		tbuf t;
		element_text(d, i, &t);
		if (!t.n)
			continue;
		if (!root || (i > root && i < end)) {
			*out = t; /* no article: the first one */
			return;
		}
		if (i < root)
			before = i;
		else if (!after)
			after = i;
	}
	if (before || after)
		element_text(d, before ? before : after, out);
}

/* Whether most words of the <h1> occur in a metadata title. */
static int agrees(const tbuf *h1, const tbuf *meta)
{
	char m[TITLE_MAX], w[TITLE_MAX];
	if (!meta->n || !precis__html_squash(meta->s, meta->n, m, sizeof(m)))
		return 0;
	size_t words = 0, found = 0;
	for (const char *p = h1->s; *p;) {
		const char *q = strchr(p, ' ');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		if (precis__html_squash(p, len, w, sizeof(w)) >= 2) {
			words++;
			found += strstr(m, w) != NULL;
		}
		p += len + (q != NULL);
	}
	return words && found * 10 >= words * 6;
}

static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
				   " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
				   " \xC2\xAB ", " \xC2\xBB ", " ~ ", " / "};

/* "nj.com", "Example.co.uk": one word with a dot, letters at the end. */
static int domain_like(const char *s, size_t n)
{
	int dot = 0;
	if (n < 4 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '.')
			dot = 1;
		else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
			 !(c >= '0' && c <= '9') && c != '-')
			return 0;
	}
	return dot && ((s[n - 1] | 0x20) >= 'a' && (s[n - 1] | 0x20) <= 'z');
}

/* Whether `part` is clearly the site's name, or `rest` alone the title. */
static int site_part(const cands *c, const char *part, size_t pn,
		     const char *rest, size_t rn, const tbuf *other)
{
	return (c->site.n && same_text(part, pn, c->site.s, c->site.n)) ||
	       domain_like(part, pn) ||
	       (c->h1.n && same_text(rest, rn, c->h1.s, c->h1.n)) ||
	       (other && other->n && same_text(rest, rn, other->s, other->n));
}

/* Position and length of the last (or first) separator in b. */
static int find_sep(const tbuf *b, int last, size_t *at, size_t *len)
{
	int found = 0;
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t sl = strlen(seps[k]);
		for (const char *p = strstr(b->s, seps[k]); p; p = strstr(p + 1, seps[k])) {
			size_t pos = (size_t)(p - b->s);
			if (!found || (last ? pos > *at : pos < *at)) {
				*at = pos;
				*len = sl;
				found = 1;
			}
			if (!last)
				break;
		}
	}
	return found;
}

/* Removes " | Site" suffixes and "Site | " prefixes that are clearly the
 * site's; `other` is the other metadata title, for "title = og + suffix". */
static void strip_site(const cands *c, tbuf *b, const tbuf *other)
{
	for (int round = 0; round < 3; round++) {
		size_t at = 0, len = 0;
		if (find_sep(b, 1, &at, &len) &&
		    site_part(c, b->s + at + len, b->n - at - len, b->s, at, other)) {
			b->n = at;
			b->s[at] = '\0';
			continue;
		}
		if (find_sep(b, 0, &at, &len) &&
		    site_part(c, b->s, at, b->s + at + len, b->n - at - len, other)) {
			memmove(b->s, b->s + at + len, b->n - at - len + 1);
			b->n -= at + len;
			continue;
		}
		break;
	}
	tb_trim(b);
}

int precis__html_title(const precis__html_dom *dom, size_t root,
		       precis__html_result *res, size_t *node)
{
	cands *c = calloc(1, sizeof(*c));
	if (!c)
		return PRECIS__HTML_ERR_NOMEM;
	read_meta(dom, c);
	find_h1(dom, root, &c->h1);
	tbuf og = c->og;
	strip_site(c, &c->og, &c->title);
	strip_site(c, &c->title, &og);
	const tbuf *pick = &c->h1;
	if (!c->h1.n || ((c->og.n || c->title.n) && !agrees(&c->h1, &og) &&
			 !agrees(&c->h1, &c->title)))
		pick = c->og.n ? &c->og : c->title.n ? &c->title : &c->h1;
	res->title = malloc(pick->n + 1);
	if (res->title) {
		memcpy(res->title, pick->s, pick->n + 1);
		res->title_len = pick->n;
		*node = pick->node;
	}
	free(c);
	return res->title ? 0 : PRECIS__HTML_ERR_NOMEM;
}
