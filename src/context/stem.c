/*
 * stem.c - the only caller of libstemmer. libstemmer's sb_stemmer_new()
 * answers NULL both for an unknown algorithm and for out of memory, so an
 * unknown name is told apart by looking it up in sb_stemmer_list().
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "context/stem.h"

struct precis__stemmer {
	struct sb_stemmer *sb;
};

static int known(const char *algo)
{
	for (const char **a = sb_stemmer_list(); *a != NULL; a++)
		if (strcmp(*a, algo) == 0)
			return 1;
	return 0;
}

int precis__stemmer_new(precis__stemmer **out, const char *algo)
{
	*out = NULL;
	if (algo == NULL || !known(algo))
		return PRECIS_ERR_LANGUAGE;
	precis__stemmer *st = malloc(sizeof *st);
	if (st == NULL)
		return PRECIS_ERR_NOMEM;
	st->sb = sb_stemmer_new(algo, "UTF_8");
	if (st->sb == NULL) {
		free(st);
		return PRECIS_ERR_NOMEM;
	}
	*out = st;
	return 0;
}

void precis__stemmer_free(precis__stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st);
}

const char *precis__stemmer_stem(precis__stemmer *st, const char *w, size_t n,
				 size_t *out_len)
{
	/* libstemmer takes an int length; a word that long is not a word. */
	if (n > (size_t)1 << 20)
		n = (size_t)1 << 20;
	const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
	if (s == NULL)
		return NULL;
	*out_len = (size_t)sb_stemmer_length(st->sb);
	return (const char *)s;
}
