/*
 * output.h - renderers beside output.c's text and JSON ones.
 */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H

#include <jansson.h>

#include "precis.h"

/* One line of text output and its newline, control characters shown as
 * U+FFFD (a terminal must not act on them). */
int precis__emit_line(precis_write_fn write, void *payload, const char *s,
		      size_t n, precis_error *err);

/* `root` as compact JSON and a newline; PRECIS_ERR_NOMEM for NULL. */
int precis__emit_json(const json_t *root, precis_write_fn write,
		      void *payload, precis_error *err);

/* The batch record {"id", "summary", "sentences"} and a newline, written
 * directly (record.c); `id` may be NULL. */
int precis__render_record(const precis_summary *s, const precis_doc *d,
			  const char *id, precis_write_fn write, void *payload,
			  precis_error *err);

/* The keywords as JSON: [{"text", "score", "count", "offset"}, ...] when
 * `detailed`,
 * else [text, ...]. NULL when out of memory. */
json_t *precis__keywords_json(const precis_keywords *kw, int detailed);

/* The rank of each pick (malloc'd, count entries): 1 for the highest
 * score, ties in document order. NULL when out of memory. */
size_t *precis__pick_ranks(const precis_summary *s);

/* The whole document as an HTML page with the picks marked; its legend
 * lists the keywords when `kw` is not NULL. */
int precis__render_html(const precis_summary *s, const precis_doc *d,
			const precis_keywords *kw, const char *name,
			precis_write_fn write, void *payload, precis_error *err);

#endif
