/*
 * record.c - the batch record of DESIGN.md, {"id", "summary",
 * "sentences"}, written straight into one buffer: byte for byte what
 * jansson dumps compactly for the same object (its escapes: \" \\ \b \f
 * \n \r \t, \u00XX in upper-case hex for the other C0 controls, the rest
 * as it is), without building the object first. Building and dumping it
 * through jansson was a tenth of a batch's time, most of it spent
 * checking UTF-8 the document has checked already.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/text.h"
#include "doc/doc.h"
#include "output/output.h"

typedef struct jbuf {
	char *v;
	size_t n, cap;
	int nomem;
} jbuf;

static void put(jbuf *b, const char *s, size_t n)
{
	if (b->nomem || (b->n + n > b->cap &&
			 PRECIS__VEC_RESERVE(b, b->n + n) != 0)) {
		b->nomem = 1;
		return;
	}
	memcpy(b->v + b->n, s, n);
	b->n += n;
}

/* s[0, n) (valid UTF-8) as a JSON string. */
static void put_string(jbuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	put(b, "\"", 1);
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		/* Eight plain bytes a step: no quote, backslash or control
		 * (the has-a-zero-byte tests, which never miss one). */
		const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
		for (uint64_t w, q, bs; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			q = w ^ (ones * '"');
			bs = w ^ (ones * '\\');
			if ((((q - ones) & ~q) | ((bs - ones) & ~bs) |
			     ((w - ones * 0x20) & ~w)) & high)
				break;
		}
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(b, s + from, i - from);
		from = i + 1;
		char e[6] = { '\\', 0, '0', '0', 0, 0 };
		const char *short_form = strchr("\"\\\b\f\n\r\t", c);
		if (c != 0 && short_form != NULL) {
			e[1] = "\"\\bfnrt"[short_form - "\"\\\b\f\n\r\t"];
			put(b, e, 2);
		} else {
			e[1] = 'u';
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			put(b, e, 6);
		}
	}
	put(b, s + from, n - from);
	put(b, "\"", 1);
}

static void put_size(jbuf *b, size_t v)
{
	char d[24];
	size_t k = sizeof d;
	do {
		d[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put(b, d + k, sizeof d - k);
}

int precis__render_record(const precis_summary *s, const precis_doc *d,
			  const char *id, precis_write_fn write, void *payload,
			  precis_error *err)
{
	jbuf b = { 0 };
	char *line = NULL;
	size_t line_cap = 0;
	precis_pick p;
	/* Room for a typical record at once, not doubling up from 8. */
	if (PRECIS__VEC_RESERVE(&b, 2048) != 0)
		b.nomem = 1;
	put(&b, "{\"id\":", 6);
	if (id == NULL) {
		put(&b, "null", 4);
	} else {
		/* An id need not be UTF-8 (a caller's file name); JSON's must. */
		size_t n = strlen(id);
		char *safe = NULL;
		if (precis__utf8_valid(id, n, NULL))
			put_string(&b, id, n);
		else if ((safe = precis_utf8_sanitize(id, n, &n)) == NULL)
			b.nomem = 1;
		else
			put_string(&b, safe, n);
		free(safe);
	}
	put(&b, ",\"summary\":[", 12);
	for (size_t i = 0; !b.nomem && precis_summary_pick(s, i, &p) == 0; i++) {
		if (p.length + 1 > line_cap &&
		    precis__grow((void **)&line, &line_cap, p.length + 1, 1) != 0) {
			b.nomem = 1;
			break;
		}
		if (i > 0)
			put(&b, ",", 1);
		put_string(&b, line, precis_fold_lines(d->text + p.offset, p.length, line));
	}
	free(line);
	put(&b, "],\"sentences\":[", 15);
	for (size_t i = 0; precis_summary_pick(s, i, &p) == 0; i++) {
		if (i > 0)
			put(&b, ",", 1);
		put_size(&b, p.sentence);
	}
	put(&b, "]}\n", 3);
	int rc = 0;
	if (b.nomem)
		rc = precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	else if (write(payload, b.v, b.n) != 0)
		rc = precis__fail(err, PRECIS_ERR_IO, "write failed");
	free(b.v);
	return rc;
}
