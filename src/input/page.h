/*
 * page.h - page breaks in plain text: a form feed, as pdftotext writes
 * between pages and RFCs keep. The running footer before it and header
 * after it are no part of the text, and a paragraph the break cut in two
 * goes on after them.
 */
#ifndef PRECIS_INPUT_PAGE_H
#define PRECIS_INPUT_PAGE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct precis__page {
	size_t from, to; /* the footer, the break and the header, with the
			    blank lines around them */
	bool glue;       /* the paragraph before goes on after it */
} precis__page;

/* The page breaks of t[0, len), in order, into a malloc'd *v (NULL when
 * there are none). 0 or PRECIS_ERR_NOMEM. */
int precis__pages(const char *t, size_t len, precis__page **v, size_t *n);

#endif
