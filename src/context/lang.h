/*
 * lang.h - per-language resources: the Snowball stemmer, the stopword set and
 * the sentence-splitting rules, found by ISO 639-1 code or English name.
 */
#ifndef PRECIS_LANG_H
#define PRECIS_LANG_H

#include <stddef.h>

#include "base/strtab.h"
#include "context/stem.h"
#include "precis.h"
#include "segment/segment.h"

typedef struct precis__lang_info {
	const char *code;    /* ISO 639-1 */
	const char *name;    /* English name, lower case */
	const char *stemmer; /* libstemmer algorithm, NULL when none */
} precis__lang_info;

/* The language named by `name` (code, English name or an alias such as
 * "nb" for Norwegian, any case), or NULL. */
const precis__lang_info *precis__lang_find(const char *name);

typedef struct precis__lang {
	const precis__lang_info *info;
	precis__stemmer *stemmer;   /* NULL: the language is not stemmed */
	precis__strtab stopwords;   /* folded forms */
	precis__segrules *rules;
} precis__lang;

/* Loads the resources of `name` (NULL: English). PRECIS_ERR_LANGUAGE when
 * the language is unknown. */
int precis__lang_open(precis__lang *lang, const char *name, precis_error *err);
void precis__lang_close(precis__lang *lang);
/* Replaces the stopwords by the list data[0, len) (one word per line, '#'
 * comments), or by the language's own list. */
int precis__lang_stopwords_parse(precis__lang *lang, const char *data,
				 size_t len, precis_error *err);
int precis__lang_stopwords_default(precis__lang *lang, precis_error *err);

static inline int precis__lang_is_stopword(const precis__lang *lang,
					   const char *w, size_t n)
{
	return precis__strtab_find(&lang->stopwords, w, n) >= 0;
}

/*
 * Stems the folded word w[0, n); the result is borrowed from the stemmer and
 * valid until its next call. Without a stemmer the word comes back as is.
 * NULL on out of memory.
 */
const char *precis__lang_stem(precis__lang *lang, const char *w, size_t n,
			      size_t *out_len);

#endif
