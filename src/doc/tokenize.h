/*
 * tokenize.h - words to term ids. A word is a run of letters, marks and
 * numbers (by Unicode category) with apostrophes (' and ’) kept inside it;
 * hyphens split compounds for matching. Words are folded (NFC + case fold),
 * stopwords dropped, the rest stemmed and interned in the context. Runs of
 * Chinese, Japanese and Korean characters become character bigrams, and
 * each Han or kana character counts as a word.
 */
#ifndef PRECIS_TOKENIZE_H
#define PRECIS_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

typedef struct precis__terms {
	uint32_t *v;
	size_t n, cap;
} precis__terms;

/*
 * Finds the next word of s[0, n) at or after `pos`: returns 1 and its span
 * [*ws, *we), or 0 when there is none.
 */
int precis__next_word(const char *s, size_t n, size_t pos, size_t *ws,
		      size_t *we);

/*
 * Appends the term ids of text[start, end) to `out` (stopwords skipped) and
 * sets *words to the number of words seen. 0 or PRECIS_ERR_NOMEM.
 */
int precis__tokenize(precis_ctx *ctx, const char *text, size_t start,
		     size_t end, precis__terms *out, size_t *words,
		     precis_error *err);

/* The stem string of a term id (borrowed from the context). */
const char *precis__term_string(const precis_ctx *ctx, uint32_t id,
				size_t *len);

#endif
