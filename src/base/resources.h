/*
 * resources.h - the data files of data/ (stopwords, abbreviations, language
 * rules), compiled into the library by build-aux/embed.sh so that an
 * uninstalled or relocated binary needs no data directory.
 */
#ifndef PRECIS_RESOURCES_H
#define PRECIS_RESOURCES_H

#include <stddef.h>

typedef struct precis__resource {
	const char *name; /* path below data/, e.g. "stopwords/english.txt" */
	const char *data; /* the file's bytes, NUL-terminated for convenience */
	size_t len;
} precis__resource;

/* The resource named `name`, or NULL. */
const precis__resource *precis__resource_find(const char *name);

#endif
