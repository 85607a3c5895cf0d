/*
 * jsonl.c - JSON Lines input: one object per line, blank lines skipped.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli/error.h"
#include "cli/io.h"
#include "cli/jsonl.h"
#include "cli/jsonscan.h"

int jsonl_open(jsonl_reader *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->name = io_display_name(path);
	if (path == NULL || strcmp(path, "-") == 0) {
		r->fp = stdin;
		return 0;
	}
	r->fp = fopen(path, "rb");
	if (r->fp == NULL)
		return cli_fail_in(EXIT_RUNTIME, r->name, "%s", strerror(errno));
	r->own = 1;
	/* stdio reads a file st_blksize (4 KiB) at a time: a read per
	 * CNN/DM article, under the lock of -j's readers. Without the memory
	 * the default buffer does. */
	enum { IOBUF = 1 << 16 };
	if ((r->iobuf = malloc(IOBUF)) != NULL && setvbuf(r->fp, r->iobuf, _IOFBF, IOBUF) != 0) {
		free(r->iobuf);
		r->iobuf = NULL;
	}
	return 0;
}

void jsonl_close(jsonl_reader *r)
{
	if (r->own && r->fp != NULL)
		fclose(r->fp);
	free(r->iobuf); /* after the stream that used it */
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

int jsonl_read_line(jsonl_reader *r, const char **line, size_t *len)
{
	ssize_t n;
	for (;;) {
		errno = 0;
		n = getline(&r->buf, &r->cap, r->fp);
		if (n < 0) {
			/* getline() also fails without ferror() when out of
			 * memory: only a real end of file ends the input. */
			if (ferror(r->fp) || !feof(r->fp))
				return cli_fail_in(EXIT_RUNTIME, r->name, "read error: %s",
						   strerror(errno)), JSONL_IOERR;
			return 0;
		}
		r->line++;
		if (!blank(r->buf, (size_t)n))
			break;
	}
	*line = r->buf;
	*len = (size_t)n;
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
