/*
 * keywords.c - keywords rendered: alone (`precis keywords`), or as the
 * "keywords" member of a summary's JSON (output.c).
 */
#include <jansson.h>
#include <string.h>

#include "base/internal.h"
#include "output/output.h"

/* A keyword's text is the document's (valid UTF-8, checked or repaired);
 * a control character in it stays, escaped by JSON. */
static json_t *keyword_json(const precis_keyword *k, int detailed)
{
	if (!detailed)
		return json_stringn(k->text, k->length);
	return json_pack("{s:s%, s:f, s:I, s:I}", "text", k->text, k->length,
			 "score", k->score, "count", (json_int_t)k->count,
			 "offset", (json_int_t)k->source_offset);
}

json_t *precis__keywords_json(const precis_keywords *kw, int detailed)
{
	json_t *arr = json_array();
	precis_keyword k;
	for (size_t i = 0; arr != NULL && precis_keywords_get(kw, i, &k) == 0; i++)
		if (json_array_append_new(arr, keyword_json(&k, detailed)) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	return arr;
}

/* {"file"|"id": name, "keywords": [...]}; the name sanitized to UTF-8. */
static json_t *keywords_object(const precis_keywords *kw, const char *key,
			       const char *name, int detailed)
{
	json_t *root = json_object();
	if (root == NULL)
		return NULL;
	if (name != NULL) {
		char *safe = precis_utf8_sanitize(name, strlen(name), NULL);
		int bad = safe == NULL ||
			  json_object_set_new(root, key, json_string(safe)) != 0;
		precis_free(safe);
		if (bad) {
			json_decref(root);
			return NULL;
		}
	}
	if (json_object_set_new(root, "keywords", precis__keywords_json(kw, detailed)) != 0) {
		json_decref(root);
		return NULL;
	}
	return root;
}

int precis_keywords_render(const precis_keywords *kw, precis_format format,
			   const char *name, precis_write_fn write,
			   void *payload, precis_error *err)
{
	precis__clear(err);
	if (kw == NULL || write == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	precis_keyword k;
	json_t *root;
	int rc;
	switch (format) {
	case PRECIS_FORMAT_TEXT:
		for (size_t i = 0; precis_keywords_get(kw, i, &k) == 0; i++)
			if ((rc = precis__emit_line(write, payload, k.text, k.length, err)) != 0)
				return rc;
		return 0;
	case PRECIS_FORMAT_JSON:
	case PRECIS_FORMAT_JSON_RECORD:
	case PRECIS_FORMAT_JSONL:
		root = keywords_object(kw, format == PRECIS_FORMAT_JSON ? "file" : "id",
				       name, format != PRECIS_FORMAT_JSONL);
		rc = precis__emit_json(root, write, payload, err);
		json_decref(root);
		return rc;
	default:
		return precis__fail(err, PRECIS_ERR_ARG, "keywords have no %s form",
				    format == PRECIS_FORMAT_HTML ? "HTML" : "such");
	}
}
