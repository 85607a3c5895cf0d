/*
 * output.c - renderers: a summary to text or JSON through a caller's sink
 * (HTML: html.c).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "doc/doc.h"
#include "output/output.h"

static int emit(precis_write_fn write, void *payload, const char *buf,
		size_t len, precis_error *err)
{
	if (write(payload, buf, len) != 0)
		return precis__fail(err, PRECIS_ERR_IO, "write failed");
	return 0;
}

/* Whether the UTF-8 character at s[0, n) is a control character: C0 but
 * the tab, DEL, or C1 (U+0080-U+009F, C2 80-C2 9F). The text is valid
 * UTF-8 (checked or repaired), so a C2 byte opens a character. */
static size_t control_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if ((c < 0x20 && c != '\t') || c == 0x7f)
		return 1;
	if (c == 0xc2 && n > 1 && (unsigned char)s[1] < 0xa0)
		return 2;
	return 0;
}

/*
 * Writes one line of text output and its newline. Text output goes to
 * terminals, and the input's control characters must not act on them: an
 * ESC in an article could recolour, retitle or clear the reader's screen,
 * a CR or backspaces overwrite what was shown, a NUL cut the line for C
 * tools downstream. Each becomes U+FFFD, visible and harmless (JSON keeps
 * them, escaped).
 */
int precis__emit_line(precis_write_fn write, void *payload, const char *s,
		      size_t n, precis_error *err)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t from = 0, k;
	for (size_t i = 0; i < n; i += k ? k : 1) {
		if ((k = control_at(s + i, n - i)) == 0)
			continue;
		if (emit(write, payload, s + from, i - from, err) != 0 ||
		    emit(write, payload, fffd, 3, err) != 0)
			return PRECIS_ERR_IO;
		from = i + k;
	}
	if (emit(write, payload, s + from, n - from, err) != 0)
		return PRECIS_ERR_IO;
	return emit(write, payload, "\n", 1, err);
}

static int render_text(const precis_summary *s, const precis_doc *d,
		       precis_write_fn write, void *payload, precis_error *err)
{
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++) {
		char *line = malloc(p.length + 1);
		if (line == NULL)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		size_t n = precis_fold_lines(d->text + p.offset, p.length, line);
		int rc = precis__emit_line(write, payload, line, n, err);
		free(line);
		if (rc != 0)
			return rc;
	}
	return 0;
}

typedef struct ranked {
	double score;
	size_t i;
} ranked;

/* Higher scores first; ties (and scores that do not compare) in document
 * order. */
static int by_score(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->score > y->score)
		return -1;
	if (x->score < y->score)
		return 1;
	return (x->i > y->i) - (x->i < y->i);
}

size_t *precis__pick_ranks(const precis_summary *s)
{
	size_t n = precis_summary_count(s);
	size_t *rank = malloc((n ? n : 1) * sizeof *rank);
	ranked *r = malloc((n ? n : 1) * sizeof *r);
	if (rank == NULL || r == NULL) {
		free(rank);
		free(r);
		return NULL;
	}
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		r[i] = (ranked){ p.score, i };
	qsort(r, n, sizeof *r, by_score);
	for (size_t k = 0; k < n; k++)
		rank[r[k].i] = k + 1;
	free(r);
	return rank;
}

static json_t *pick_json(const precis_doc *d, const precis_pick *p,
			 size_t rank)
{
	char *text = malloc(p->length + 1);
	if (text == NULL)
		return NULL;
	size_t n = precis_fold_lines(d->text + p->offset, p->length, text);
	/* Offsets are the source's, whatever the input stage rewrote. */
	size_t so = p->offset, sl = p->length;
	precis_doc_source_span(d, p->offset, p->length, &so, &sl);
	json_t *o = json_pack("{s:I, s:I, s:I, s:f, s:I, s:s%}", "index",
			      (json_int_t)p->sentence, "offset",
			      (json_int_t)so, "length",
			      (json_int_t)sl, "score", p->score, "rank",
			      (json_int_t)rank, "text", text, n);
	free(text);
	return o;
}

/* PRECIS_FORMAT_JSON's object; `key` names `name` ("file" or "id"). */
static json_t *summary_json(const precis_summary *s, const precis_doc *d,
			    const char *name, const char *key)
{
	json_t *arr = json_array(), *root = json_object();
	size_t *rank = precis__pick_ranks(s);
	if (arr == NULL || root == NULL || rank == NULL)
		goto fail;
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++)
		if (json_array_append_new(arr, pick_json(d, &p, rank[i])) != 0)
			goto fail;
	free(rank);
	rank = NULL;
	if (name != NULL) {
		/* A file name need not be UTF-8; JSON strings must be. */
		char *safe = precis_utf8_sanitize(name, strlen(name), NULL);
		int bad = safe == NULL ||
			  json_object_set_new(root, key, json_string(safe)) != 0;
		free(safe);
		if (bad)
			goto fail;
	}
	if (json_object_set_new(root, "sentences", arr) != 0) {
		arr = NULL;
		goto fail;
	}
	/* The language the document was read as (given, or detected). */
	if (d->language != NULL &&
	    json_object_set_new(root, "language", json_string(d->language)) != 0)
		goto fail_root;
	return root;
fail:
	free(rank);
	json_decref(arr);
fail_root:
	json_decref(root);
	return NULL;
}

/* The batch record of DESIGN.md: id, summary texts, sentence indices. */
static json_t *record_json(const precis_summary *s, const precis_doc *d,
			   const char *id)
{
	/* An id need not be UTF-8 (a caller's file name); JSON strings must. */
	char *safe = id ? precis_utf8_sanitize(id, strlen(id), NULL) : NULL;
	if (id != NULL && safe == NULL)
		return NULL;
	json_t *texts = json_array(), *idx = json_array();
	json_t *root = json_pack("{s:s?, s:o, s:o}", "id", safe, "summary", texts,
				 "sentences", idx);
	free(safe);
	if (root == NULL)
		return NULL;
	precis_pick p;
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++) {
		json_t *o = pick_json(d, &p, 0);
		if (o == NULL || json_array_append(texts, json_object_get(o, "text")) != 0 ||
		    json_array_append_new(idx, json_integer((json_int_t)p.sentence)) != 0) {
			json_decref(o);
			json_decref(root);
			return NULL;
		}
		json_decref(o);
	}
	return root;
}

/*
 * The JSON text of `root` (*len bytes, not NUL-ended), or NULL. Not
 * json_dumps(): jansson ignores a failure to append an object's key to its
 * growing buffer, so running out of memory there gives a key-less object
 * and no error. json_dumpb() into a buffer sized first never appends in
 * vain, and reports the allocations it does make.
 */
static char *dump_json(const json_t *root, size_t *len)
{
	size_t flags = JSON_COMPACT | JSON_REAL_PRECISION(6);
	/* Most records fit a first guess: one pass instead of a sizing pass
	 * and a writing pass (a tenth of a batch's time went to dumping). */
	size_t cap = 4096;
	char *buf = malloc(cap);
	size_t n = buf ? json_dumpb(root, buf, cap, flags) : 0;
	if (buf != NULL && n > cap) {
		char *nb = realloc(buf, n);
		size_t again = nb ? json_dumpb(root, nb, n, flags) : 0;
		buf = nb ? nb : buf;
		if (nb == NULL || again != n)
			n = 0;
	}
	if (n == 0) {
		free(buf);
		buf = NULL;
	}
	*len = n;
	return buf;
}

int precis__emit_json(const json_t *root, precis_write_fn write,
		      void *payload, precis_error *err)
{
	size_t len = 0;
	char *buf = root ? dump_json(root, &len) : NULL;
	if (buf == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = emit(write, payload, buf, len, err);
	if (rc == 0)
		rc = emit(write, payload, "\n", 1, err);
	free(buf);
	return rc;
}

static int render_json(const precis_summary *s, const precis_doc *d,
		       const precis_keywords *kw, const char *name,
		       precis_format f, precis_write_fn write, void *payload,
		       precis_error *err)
{
	int record = f == PRECIS_FORMAT_JSONL;
	if (record && kw == NULL)
		return precis__render_record(s, d, name, write, payload, err);
	json_t *root = record ? record_json(s, d, name)
			      : summary_json(s, d, name, f == PRECIS_FORMAT_JSON ? "file" : "id");
	if (root != NULL && kw != NULL &&
	    json_object_set_new(root, "keywords", precis__keywords_json(kw, !record)) != 0) {
		json_decref(root);
		root = NULL;
	}
	int rc = precis__emit_json(root, write, payload, err);
	json_decref(root);
	return rc;
}

int precis_summary_render_keywords(const precis_summary *s, const precis_doc *d,
				   const precis_keywords *kw, precis_format format,
				   const char *name, precis_write_fn write,
				   void *payload, precis_error *err)
{
	precis__clear(err);
	if (s == NULL || d == NULL || write == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	switch (format) {
	case PRECIS_FORMAT_TEXT:
		return render_text(s, d, write, payload, err);
	case PRECIS_FORMAT_JSON:
	case PRECIS_FORMAT_JSONL:
	case PRECIS_FORMAT_JSON_RECORD:
		return render_json(s, d, kw, name, format, write, payload, err);
	case PRECIS_FORMAT_HTML:
		return precis__render_html(s, d, kw, name, write, payload, err);
	default:
		return precis__fail(err, PRECIS_ERR_ARG, "unknown format");
	}
}

int precis_summary_render(const precis_summary *s, const precis_doc *d,
			  precis_format format, const char *name,
			  precis_write_fn write, void *payload,
			  precis_error *err)
{
	return precis_summary_render_keywords(s, d, NULL, format, name, write,
					      payload, err);
}
