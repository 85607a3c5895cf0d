/*
 * limit.c - summaries as lines, cut to a length limit exactly as
 * ROUGE-1.5.5 cuts them with -l (words) and -b (bytes).
 *
 * 1.5.5 counts words as Perl's split(/\s+/) fields of each raw line, so a
 * line with leading white space has an extra, empty first field. It keeps
 * whole lines while the running total stays below the limit, then the first
 * (limit - total) fields or bytes of the next line, and stops. For ROUGE-L/W
 * it cuts again, per sentence: with -l the same way, but with -b it never
 * adds up the bytes of earlier lines, so every line shorter than the limit
 * is kept whole until one is not (a 1.5.5 bug reproduced on purpose).
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/internal.h"

/* Perl's \s on bytes. */
static int perl_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

int precis__rouge_lines(const char *text, size_t len, rouge_span **v,
			size_t *n, size_t *cap)
{
	size_t i = 0;
	*n = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end > i) {
			if (precis__grow((void **)v, cap, *n + 1, sizeof **v))
				return PRECIS_ERR_NOMEM;
			(*v)[(*n)++] = (rouge_span){ i, end - i };
		}
		i = end + 1;
	}
	return 0;
}

/* The number of split(/\s+/) fields of s[0, len). */
static size_t fields(const char *s, size_t len)
{
	size_t runs = 0;
	for (size_t i = 0; i < len; i++)
		if (!perl_space((unsigned char)s[i]) &&
		    (i == 0 || perl_space((unsigned char)s[i - 1])))
			runs++;
	if (runs == 0)
		return 0; /* only empty fields: Perl drops them all */
	return runs + (perl_space((unsigned char)s[0]) ? 1 : 0);
}

/* The length of the prefix of s holding its first k fields. */
static size_t fields_prefix(const char *s, size_t len, size_t k)
{
	if (len > 0 && perl_space((unsigned char)s[0]))
		k--; /* the empty leading field */
	size_t i = 0;
	while (k > 0 && i < len) {
		while (i < len && perl_space((unsigned char)s[i]))
			i++;
		while (i < len && !perl_space((unsigned char)s[i]))
			i++;
		k--;
	}
	return i;
}

/* Backs a byte cut off to a UTF-8 character boundary. */
static size_t char_cut(const char *s, size_t len, size_t k)
{
	while (k > 0 && k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

static int push(rouge_span **v, size_t *n, size_t *cap, rouge_span s)
{
	if (precis__grow((void **)v, cap, *n + 1, sizeof **v) != 0)
		return PRECIS_ERR_NOMEM;
	(*v)[(*n)++] = s;
	return 0;
}

static int cut_words(const char *text, const rouge_span *lines, size_t n,
		     size_t limit, rouge_cut *out)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		rouge_span s = lines[i];
		size_t f = fields(text + s.off, s.len);
		if (total + f < limit) {
			total += f;
		} else {
			s.len = fields_prefix(text + s.off, s.len, limit - total);
			return push(&out->lcs, &out->nlcs, &out->lcs_cap, s);
		}
		if (push(&out->lcs, &out->nlcs, &out->lcs_cap, s) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

static int cut_bytes_flat(const char *text, const rouge_span *lines, size_t n,
			  size_t limit, int utf8, rouge_cut *out)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		rouge_span s = lines[i];
		if (total + s.len < limit) {
			total += s.len;
		} else {
			size_t k = limit - total;
			s.len = utf8 ? char_cut(text + s.off, s.len, k) : k;
			return push(&out->flat, &out->nflat, &out->flat_cap, s);
		}
		if (push(&out->flat, &out->nflat, &out->flat_cap, s) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

static int cut_bytes_lcs(const char *text, const rouge_span *lines, size_t n,
			 size_t limit, int utf8, rouge_cut *out)
{
	for (size_t i = 0; i < n; i++) {
		rouge_span s = lines[i];
		if (s.len >= limit) {
			s.len = utf8 ? char_cut(text + s.off, s.len, limit) : limit;
			return push(&out->lcs, &out->nlcs, &out->lcs_cap, s);
		}
		if (push(&out->lcs, &out->nlcs, &out->lcs_cap, s) != 0)
			return PRECIS_ERR_NOMEM;
	}
	return 0;
}

int precis__rouge_cut(const char *text, const rouge_span *lines, size_t n,
		      size_t limit_words, size_t limit_bytes, int utf8,
		      rouge_cut *out)
{
	out->nlcs = out->nflat = 0;
	out->same = 1;
	if (limit_words > 0)
		return cut_words(text, lines, n, limit_words, out);
	if (limit_bytes > 0) {
		out->same = 0;
		if (cut_bytes_flat(text, lines, n, limit_bytes, utf8, out) != 0)
			return PRECIS_ERR_NOMEM;
		return cut_bytes_lcs(text, lines, n, limit_bytes, utf8, out);
	}
	if (n > out->lcs_cap &&
	    precis__grow((void **)&out->lcs, &out->lcs_cap, n, sizeof *out->lcs))
		return PRECIS_ERR_NOMEM;
	if (n > 0)
		memcpy(out->lcs, lines, n * sizeof *lines);
	out->nlcs = n;
	return 0;
}

void precis__rouge_cut_free(rouge_cut *c)
{
	free(c->lcs);
	free(c->flat);
	memset(c, 0, sizeof *c);
}
