/*
 * html_ld.c - the words of a page's JSON-LD articleBody, as a check.
 *
 * Many publishers repeat the article's text in schema.org JSON-LD
 * (<script type="application/ld+json">{"articleBody": "..."}). It is not
 * trusted as the output (it is often truncated, stale, or stripped of
 * paragraphs, and offsets into it would not point at the visible text),
 * only as a check of the chosen element: html_extract.c asks how many of
 * the chosen text's words it contains. This file finds the longest
 * articleBody string, decodes its JSON escapes, and keeps its words
 * (lowercased runs of letters and digits) as 64-bit hashes in an open
 * addressing set.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

#define MIN_WORDS 80 /* shorter bodies are teasers, not the article */

static uint64_t word_hash(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		h = (h ^ (uint64_t)((c >= 'A' && c <= 'Z') ? c | 0x20 : c)) * 0x100000001b3ull;
	}
	return h | 1; /* 0 marks an empty slot */
}

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

size_t precis__html_words(const char *s, size_t n, precis__html_word_fn fn,
			  void *ctx)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && !is_word_byte(p[i]))
			i++;
		size_t j = i;
		while (j < n && is_word_byte(p[j]))
			j++;
		if (j > i) {
			if (fn)
				fn(ctx, word_hash(p + i, j - i));
			count++;
		}
		i = j;
	}
	return count;
}

static void set_add(void *ctx, uint64_t h)
{
	precis__html_ldset *s = ctx;
	size_t m = s->cap - 1, k = (size_t)h & m;
	while (s->slot[k] && s->slot[k] != h)
		k = (k + 1) & m;
	if (!s->slot[k])
		s->slot[k] = h, s->distinct++;
}

int precis__html_ld_has(const precis__html_ldset *s, uint64_t h)
{
	if (!s->cap)
		return 0;
	size_t m = s->cap - 1, k = (size_t)h & m;
	while (s->slot[k]) {
		if (s->slot[k] == h)
			return 1;
		k = (k + 1) & m;
	}
	return 0;
}

/* Decodes the JSON string starting after the quote at s; returns its
 * length in out (UTF-8), out having room for n bytes. */
static size_t json_string(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n && s[i] != '"'; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			out[k++] = s[i];
			continue;
		}
		char e = s[++i];
		if (e == 'u' && i + 4 < n) {
			/* only the word boundary matters: any escaped code
			 * point becomes a space unless it is a letter < 0x80 */
			unsigned v = 0;
			for (int d = 1; d <= 4; d++) {
				char c = s[i + d];
				v = v * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0'
							: ((c | 0x20) - 'a' + 10) & 15);
			}
			out[k++] = v < 0x80 && is_word_byte((unsigned char)v) ? (char)v
			       : v >= 0x80 ? 'x' : ' ';
			i += 4;
		} else {
			out[k++] = (e == 'n' || e == 't' || e == 'r' || e == 'b' ||
				    e == 'f') ? ' ' : e;
		}
	}
	return k;
}

/* The longest "articleBody" string value in one script's text. */
static void best_body(const char *t, const char **at, size_t *len)
{
	for (const char *p = strstr(t, "\"articleBody\""); p;
	     p = strstr(p + 1, "\"articleBody\"")) {
		const char *q = p + 13;
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == ':')
			q++;
		if (*q != '"')
			continue;
		const char *e = ++q;
		while (*e && *e != '"')
			e += (*e == '\\' && e[1]) ? 2 : 1;
		if ((size_t)(e - q) > *len) {
			*at = q;
			*len = (size_t)(e - q);
		}
	}
}

int precis__html_ld_read(const precis__html_dom *dom, precis__html_ldset *out)
{
	const char *at = NULL;
	size_t len = 0;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i + 1 < dom->nnodes; i++) {
		const precis__html_node *n = &dom->nodes[i];
		if (n->tag != GUMBO_TAG_SCRIPT || dom->nodes[i + 1].tag != PRECIS__HTML_TAG_TEXT)
			continue;
		const char *type = precis__html_attr(n, "type");
		if (type && strstr(type, "ld+json"))
			best_body(dom->nodes[i + 1].g->v.text.text, &at, &len);
	}
	if (!at)
		return 0;
	char *buf = malloc(len + 1);
	if (!buf)
		return PRECIS__HTML_ERR_NOMEM;
	size_t k = json_string(at, len, buf);
	size_t words = precis__html_words(buf, k, NULL, NULL);
	if (words >= MIN_WORDS) {
		size_t cap = 64;
		while (cap < words * 2)
			cap *= 2;
		out->slot = calloc(cap, sizeof(*out->slot));
		if (!out->slot) {
			free(buf);
			return PRECIS__HTML_ERR_NOMEM;
		}
		out->cap = cap;
		out->words = words;
		precis__html_words(buf, k, set_add, out);
	}
	free(buf);
	return 0;
}

void precis__html_ld_free(precis__html_ldset *s)
{
	if (!s)
		return;
	free(s->slot);
	memset(s, 0, sizeof(*s));
}
