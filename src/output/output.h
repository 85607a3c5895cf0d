/*
 * output.h - renderers beside output.c's text and JSON ones.
 */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H

#include "precis.h"

/* The whole document as an HTML page with the picks marked. */
int precis__render_html(const precis_summary *s, const precis_doc *d,
			const char *name, precis_write_fn write, void *payload,
			precis_error *err);

#endif
