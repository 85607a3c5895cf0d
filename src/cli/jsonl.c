/*
 * jsonl.c - JSON Lines input: one object per line, blank lines skipped.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "cli/error.h"
#include "cli/io.h"
#include "cli/jsonl.h"
#include "cli/jsonscan.h"

/* Reads of 64 KiB: one per twenty CNN/DM articles, each under the lock
 * of -j's readers (stdio's 4 KiB made it one per article). */
#define IOBUF ((size_t)1 << 16)

int jsonl_open(jsonl_reader *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->name = io_display_name(path);
	if ((r->iobuf = malloc(IOBUF)) == NULL)
		return cli_fail_in(EXIT_RUNTIME, r->name, "out of memory");
	int rc = io_in_open(&r->in, path, IO_IN_STREAM);
	if (rc != 0) {
		free(r->iobuf);
		r->iobuf = NULL;
	}
	return rc;
}

void jsonl_close(jsonl_reader *r)
{
	if (r->iobuf != NULL)
		io_in_close(&r->in);
	free(r->iobuf);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Appends p[0, n) to the line in r->buf, NUL-terminated. */
static int append(jsonl_reader *r, size_t *len, const char *p, size_t n)
{
	if (*len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 256;
		while (cap < *len + n + 1)
			cap = cap > SIZE_MAX / 2 ? *len + n + 1 : cap * 2;
		char *b = realloc(r->buf, cap);
		if (b == NULL)
			return cli_fail_in(EXIT_RUNTIME, r->name, "out of memory");
		r->buf = b;
		r->cap = cap;
	}
	memcpy(r->buf + *len, p, n);
	*len += n;
	r->buf[*len] = '\0';
	return 0;
}

/* The next line, its '\n' kept, into r->buf: 1, 0 at the end of the
 * input, JSONL_IOERR after a message. */
static int next_line(jsonl_reader *r, size_t *len)
{
	*len = 0;
	for (;;) {
		if (r->ipos == r->ilen) {
			int e = 0;
			long got = r->eof ? 0 : io_in_read(&r->in, r->iobuf, IOBUF, &e, &r->rc);
			if (got < 0)
				return JSONL_IOERR;
			r->eof = got == 0;
			r->ipos = 0;
			r->ilen = (size_t)got;
			if (got == 0)
				return *len > 0; /* a last line without its '\n' */
		}
		const char *p = r->iobuf + r->ipos;
		const char *nl = memchr(p, '\n', r->ilen - r->ipos);
		size_t n = nl ? (size_t)(nl - p) + 1 : r->ilen - r->ipos;
		if ((r->rc = append(r, len, p, n)) != 0)
			return JSONL_IOERR;
		r->ipos += n;
		if (nl != NULL)
			return 1;
	}
}

int jsonl_read_line(jsonl_reader *r, const char **line, size_t *len)
{
	size_t n;
	for (;;) {
		int k = next_line(r, &n);
		if (k != 1)
			return k;
		r->line++;
		if (!blank(r->buf, n))
			break;
	}
	*line = r->buf;
	*len = n;
	return 1;
}

int jsonl_parse(const char *name, size_t lineno, const char *line, size_t len,
		json_t **rec)
{
	json_error_t je;
	*rec = jsonscan_flat(line, len);
	if (*rec != NULL)
		return JSONL_RECORD;
	json_t *v = json_loadb(line, len, 0, &je);
	if (v == NULL) {
		cli_fail_in(EXIT_INPUT, name, "line %zu: invalid JSON: %s", lineno, je.text);
		return JSONL_BAD;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		cli_fail_in(EXIT_INPUT, name, "line %zu: not a JSON object", lineno);
		return JSONL_BAD;
	}
	*rec = v;
	return JSONL_RECORD;
}

int jsonl_next(jsonl_reader *r, json_t **rec)
{
	const char *line;
	size_t len;
	*rec = NULL;
	int k = jsonl_read_line(r, &line, &len);
	if (k != 1)
		return k == 0 ? JSONL_EOF : JSONL_IOERR;
	return jsonl_parse(r->name, r->line, line, len, rec);
}

const char *jsonl_string(json_t *rec, const char *key, size_t *len)
{
	json_t *v = json_object_get(rec, key);
	if (!json_is_string(v))
		return NULL;
	if (len != NULL)
		*len = json_string_length(v);
	return json_string_value(v);
}

const char *jsonl_id(json_t *rec, size_t lineno, const char *prefix,
		     char *buf)
{
	json_t *v = rec ? json_object_get(rec, "id") : NULL;
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(buf, JSONL_ID_MAX, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (lineno > 0)
		snprintf(buf, JSONL_ID_MAX, "%.*sline-%zu", (int)JSONL_PREFIX_MAX,
			 prefix ? prefix : "", lineno);
	else
		return NULL;
	return buf;
}
