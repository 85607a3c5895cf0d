/*
 * stem.h - Snowball stemmers (libstemmer): the one owner of them, for the
 * languages' term stems and ROUGE's Unicode tokenizer alike. A stemmer is
 * re-entrant but not thread-safe: one per context (or ROUGE context).
 */
#ifndef PRECIS_CONTEXT_STEM_H
#define PRECIS_CONTEXT_STEM_H

#include <stddef.h>

typedef struct precis__stemmer precis__stemmer;

/*
 * A stemmer running Snowball algorithm `algo` ("english", "porter"...).
 * PRECIS_ERR_LANGUAGE when libstemmer has no such algorithm, or
 * PRECIS_ERR_NOMEM.
 */
int precis__stemmer_new(precis__stemmer **out, const char *algo);
void precis__stemmer_free(precis__stemmer *st);

/*
 * Stems w[0, n), which must be NFC and case-folded already; the result is
 * borrowed from the stemmer until its next call. NULL when out of memory.
 */
const char *precis__stemmer_stem(precis__stemmer *st, const char *w, size_t n,
				 size_t *out_len);

#endif
