/*
 * util.c - growable buffers and the library version.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/internal.h"

#define STR_(x) #x
#define STR(x) STR_(x)

const char *precis_version(void)
{
	return STR(PRECIS_VERSION_MAJOR) "." STR(PRECIS_VERSION_MINOR) "." STR(
		PRECIS_VERSION_PATCH);
}

int precis__grow(void **buf, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return PRECIS_ERR_NOMEM;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / size)
		return PRECIS_ERR_NOMEM;
	void *p = realloc(*buf, ncap * size);
	if (p == NULL)
		return PRECIS_ERR_NOMEM;
	*buf = p;
	*cap = ncap;
	return 0;
}

void precis_free(void *p)
{
	free(p);
}
