/*
 * output.h - renderers beside output.c's text and JSON ones.
 */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H

#include "precis.h"

/* The rank of each pick (malloc'd, count entries): 1 for the highest
 * score, ties in document order. NULL when out of memory. */
size_t *precis__pick_ranks(const precis_summary *s);

/* The whole document as an HTML page with the picks marked. */
int precis__render_html(const precis_summary *s, const precis_doc *d,
			const char *name, precis_write_fn write, void *payload,
			precis_error *err);

#endif
