/*
 * dataset.c - loading evaluation data sets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/dataset.h"
#include "cli/error.h"
#include "cli/jsonl.h"

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static void record_free(record *r)
{
	free(r->id);
	free(r->article);
	free(r->title);
	for (size_t i = 0; i < r->nrefs; i++)
		free(r->refs[i]);
	free(r->refs);
	free(r->ref_lens);
	memset(r, 0, sizeof *r);
}

static char *id_of(json_t *rec, size_t line)
{
	char buf[JSONL_ID_MAX];
	const char *id = jsonl_id(rec, line, NULL, buf);
	return dup_n(id, strlen(id));
}

static const char *parse_refs(record *r, json_t *refs)
{
	if (!json_is_array(refs) || json_array_size(refs) == 0)
		return "no \"references\" array";
	size_t n = json_array_size(refs);
	r->refs = calloc(n, sizeof *r->refs);
	r->ref_lens = calloc(n, sizeof *r->ref_lens);
	if (r->refs == NULL || r->ref_lens == NULL)
		return "out of memory";
	for (size_t i = 0; i < n; i++) {
		json_t *s = json_array_get(refs, i);
		if (!json_is_string(s))
			return "a reference is not a string";
		r->ref_lens[i] = json_string_length(s);
		if ((r->refs[i] = dup_n(json_string_value(s), r->ref_lens[i])) == NULL)
			return "out of memory";
		r->nrefs++;
	}
	return NULL;
}

/* Fills r from rec; NULL, or why the record is unusable. */
static const char *parse_record(record *r, json_t *rec, size_t line)
{
	size_t len;
	const char *art = jsonl_string(rec, "article", &len);
	if (art == NULL)
		art = jsonl_string(rec, "text", &len);
	if (art == NULL)
		return "no \"article\" string";
	r->line = line;
	r->article_len = len;
	if ((r->article = dup_n(art, len)) == NULL || (r->id = id_of(rec, line)) == NULL)
		return "out of memory";
	const char *t = jsonl_string(rec, "title", &len);
	if (t != NULL && (r->title = dup_n(t, len)) == NULL)
		return "out of memory";
	return parse_refs(r, json_object_get(rec, "references"));
}

static int append(dataset *ds, json_t *rec, const jsonl_reader *rd)
{
	if (ds->n == ds->cap) {
		size_t cap = ds->cap ? ds->cap * 2 : 256;
		record *v = realloc(ds->v, cap * sizeof *v);
		if (v == NULL)
			return cli_fail(EXIT_RUNTIME, "out of memory");
		ds->v = v;
		ds->cap = cap;
	}
	record *r = &ds->v[ds->n];
	memset(r, 0, sizeof *r);
	const char *why = parse_record(r, rec, rd->line);
	if (why == NULL) {
		ds->n++;
		return 0;
	}
	record_free(r);
	return cli_fail_in(EXIT_INPUT, rd->name, "line %zu: %s", rd->line, why);
}

int dataset_load(dataset *ds, const char *path, int strict)
{
	jsonl_reader rd;
	memset(ds, 0, sizeof *ds);
	int rc = jsonl_open(&rd, path), k;
	json_t *rec;
	if (rc != 0)
		return rc;
	while ((k = jsonl_next(&rd, &rec)) != JSONL_EOF && k != JSONL_IOERR) {
		rc = k == JSONL_BAD ? EXIT_INPUT : append(ds, rec, &rd);
		json_decref(rec);
		if (rc == EXIT_RUNTIME || (rc != 0 && strict))
			break;
		if (rc != 0)
			ds->bad++;
		rc = 0;
	}
	int ioerr = rd.rc;
	jsonl_close(&rd);
	return k == JSONL_IOERR ? ioerr : rc;
}

void dataset_free(dataset *ds)
{
	for (size_t i = 0; i < ds->n; i++)
		record_free(&ds->v[i]);
	free(ds->v);
	memset(ds, 0, sizeof *ds);
}
