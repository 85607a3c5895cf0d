/*
 * entity.h - HTML character references ("&amp;", "&#8217;", "&#x2014;"),
 * which Markdown (and HTML) text may carry, decoded to UTF-8.
 */
#ifndef PRECIS_INPUT_ENTITY_H
#define PRECIS_INPUT_ENTITY_H

#include <stddef.h>

/* Decodes the reference s[0, n) (with its '&' and ';') into out (room for
 * 8 bytes); returns the bytes written, 0 when it is not one precis knows
 * (the caller keeps it as written). */
size_t precis__entity(const char *s, size_t n, char *out);

#endif
