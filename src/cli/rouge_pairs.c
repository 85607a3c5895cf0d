/*
 * rouge_pairs.c - the pairs file of `precis rouge --pairs`, read fast.
 *
 * Scoring a pair takes a few microseconds, so a general JSON parser would
 * be most of the run. Lines of the usual shape (an object of strings, arrays
 * of strings and integers) are decoded here in place; any other line - and
 * every malformed one - goes to jansson, so what is accepted and how errors
 * read is jansson's. The fast path refuses what jansson refuses: control
 * bytes and invalid UTF-8 in strings, lone surrogates, \u0000.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/error.h"
#include "cli/io.h"
#include "cli/rouge_pairs.h"

int pairs_open(pairs_reader *r, const char *path)
{
	memset(r, 0, sizeof *r);
	return jsonl_open(&r->in, path);
}

void pairs_close(pairs_reader *r)
{
	jsonl_close(&r->in);
	json_decref(r->held);
	free(r->dec);
	free(r->refs);
	free(r->ref_lens);
	memset(r, 0, sizeof *r);
}

/* ---- the fast path -------------------------------------------------------- */

typedef struct cursor {
	const char *p, *end; /* the line */
	char *out;           /* where decoded strings go, NUL-terminated */
} cursor;

static void skip_ws(cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' ||
				 *c->p == '\r' || *c->p == '\n'))
		c->p++;
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char h = s[i];
		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= (unsigned)(h - '0');
		else if (h >= 'a' && h <= 'f')
			v |= (unsigned)(h - 'a' + 10);
		else if (h >= 'A' && h <= 'F')
			v |= (unsigned)(h - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static char *put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		*d++ = (char)cp;
	} else if (cp < 0x800) {
		*d++ = (char)(0xC0 | cp >> 6);
		*d++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*d++ = (char)(0xE0 | cp >> 12);
		*d++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*d++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*d++ = (char)(0xF0 | cp >> 18);
		*d++ = (char)(0x80 | (cp >> 12 & 0x3F));
		*d++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*d++ = (char)(0x80 | (cp & 0x3F));
	}
	return d;
}

/* \uXXXX (and its low surrogate) at s; the code point, or -1. */
static long unicode_escape(const char **s, const char *end)
{
	unsigned hi, lo;
	if (end - *s < 6 || hex4(*s + 2, &hi) != 0)
		return -1;
	*s += 6;
	if (hi == 0 || (hi >= 0xDC00 && hi <= 0xDFFF))
		return -1;
	if (hi < 0xD800 || hi > 0xDBFF)
		return (long)hi;
	if (end - *s < 6 || (*s)[0] != '\\' || (*s)[1] != 'u' ||
	    hex4(*s + 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
		return -1;
	*s += 6;
	return 0x10000 + ((long)(hi - 0xD800) << 10) + (long)(lo - 0xDC00);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s, const unsigned char *end)
{
	unsigned c = s[0];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (n == 0 || c > 0xF4 || (size_t)(end - s) < n)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
		return 0; /* overlong, surrogate, past U+10FFFF */
	return n;
}

static int simple_escape(char e, char *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = e ? strchr(from, e) : NULL;
	if (k == NULL)
		return -1;
	*out = to[k - from];
	return 0;
}

/* Decodes the escape or UTF-8 sequence at *s to *d; -1 to fall back. */
static int special(const char **s, const char *end, char **d)
{
	const char *p = *s;
	if ((unsigned char)*p < 0x20)
		return -1;
	if (*p == '\\' && p + 1 < end && p[1] == 'u') {
		long cp = unicode_escape(s, end);
		if (cp < 0)
			return -1;
		*d = put_utf8(*d, (unsigned)cp);
		return 0;
	}
	if (*p == '\\') {
		if (p + 1 >= end || simple_escape(p[1], *d) != 0)
			return -1;
		*s += 2, *d += 1;
		return 0;
	}
	size_t n = utf8_len((const unsigned char *)p, (const unsigned char *)end);
	if (n == 0)
		return -1;
	memcpy(*d, p, n);
	*s += n, *d += n;
	return 0;
}

/* Decodes the string opening at c->p into c->out; -1 to fall back. */
static int string(cursor *c, const char **out, size_t *len)
{
	const char *s = ++c->p;
	char *d = c->out, *start = d;
	for (;;) {
		const char *run = s; /* plain ASCII goes in one copy */
		while (s < c->end && (unsigned char)*s >= 0x20 &&
		       (unsigned char)*s < 0x80 && *s != '"' && *s != '\\')
			s++;
		memcpy(d, run, (size_t)(s - run));
		d += s - run;
		if (s >= c->end)
			return -1;
		if (*s == '"')
			break;
		if (special(&s, c->end, &d) != 0)
			return -1;
	}
	c->p = s + 1;
	*d = '\0';
	c->out = d + 1;
	*out = start;
	*len = (size_t)(d - start);
	return 0;
}

static int push_ref(pairs_reader *r, const char *s, size_t n)
{
	if (r->nrefs == r->refs_cap) {
		size_t cap = r->refs_cap ? 2 * r->refs_cap : 4;
		const char **v = realloc(r->refs, cap * sizeof *v);
		size_t *l = v ? realloc(r->ref_lens, cap * sizeof *l) : NULL;
		if (v != NULL)
			r->refs = v;
		if (l == NULL)
			return -1;
		r->ref_lens = l;
		r->refs_cap = cap;
	}
	r->refs[r->nrefs] = s;
	r->ref_lens[r->nrefs++] = n;
	return 0;
}

/* ["...", ...] as the references; -1 to fall back. */
static int string_array(pairs_reader *r, cursor *c)
{
	c->p++;
	r->nrefs = 0;
	skip_ws(c);
	if (c->p < c->end && *c->p == ']') {
		c->p++;
		return 0;
	}
	for (;;) {
		const char *s;
		size_t n;
		if (c->p >= c->end || *c->p != '"' || string(c, &s, &n) != 0 ||
		    push_ref(r, s, n) != 0)
			return -1;
		skip_ws(c);
		if (c->p < c->end && *c->p == ']') {
			c->p++;
			return 0;
		}
		if (c->p >= c->end || *c->p != ',')
			return -1;
		c->p++;
		skip_ws(c);
	}
}

/* A plain integer id (up to 18 digits, as jansson prints it). */
static int integer(pairs_reader *r, cursor *c)
{
	const char *s = c->p, *digits;
	if (*s == '-')
		s++;
	digits = s;
	while (s < c->end && *s >= '0' && *s <= '9')
		s++;
	size_t n = (size_t)(s - c->p), nd = (size_t)(s - digits);
	if (nd == 0 || nd > 18 || (digits[0] == '0' && (nd > 1 || digits > c->p)))
		return -1;
	memcpy(r->idbuf, c->p, n);
	r->idbuf[n] = '\0';
	r->id = r->idbuf;
	c->p = s;
	return 0;
}

static int is_key(const char *k, size_t n, const char *want)
{
	return n == strlen(want) && memcmp(k, want, n) == 0;
}

/* The value of member `key`; -1 to fall back. */
static int member(pairs_reader *r, cursor *c, const char *key, size_t klen)
{
	const char *s;
	size_t n;
	char ch = *c->p;
	if (is_key(key, klen, "references")) /* jansson's path refuses the rest */
		return ch == '[' ? string_array(r, c) : -1;
	if (is_key(key, klen, "id") && ((ch >= '0' && ch <= '9') || ch == '-'))
		return integer(r, c);
	if (ch != '"' || string(c, &s, &n) != 0)
		return -1; /* other values and members: jansson's business */
	if (is_key(key, klen, "id"))
		r->id = s;
	else if (is_key(key, klen, "candidate"))
		r->cand = s, r->cand_len = n;
	return 0;
}

/* Decodes line [p, end) into r->dec; 0, or -1 to fall back to jansson. */
static int fast_record(pairs_reader *r, const char *p, const char *end)
{
	cursor c = { p, end, r->dec };
	int has_refs = 0;
	skip_ws(&c);
	if (c.p >= c.end || *c.p++ != '{')
		return -1;
	for (;;) {
		const char *key;
		size_t klen;
		skip_ws(&c);
		if (c.p >= c.end || *c.p != '"' || string(&c, &key, &klen) != 0)
			return -1;
		skip_ws(&c);
		if (c.p >= c.end || *c.p++ != ':')
			return -1;
		skip_ws(&c);
		if (c.p >= c.end || member(r, &c, key, klen) != 0)
			return -1;
		has_refs |= is_key(key, klen, "references");
		skip_ws(&c);
		if (c.p < c.end && *c.p == ',') {
			c.p++;
			continue;
		}
		if (c.p >= c.end || *c.p++ != '}')
			return -1;
		skip_ws(&c);
		return c.p == c.end && r->cand != NULL && has_refs && r->nrefs > 0 ? 0 : -1;
	}
}

/* ---- jansson, for everything else ---------------------------------------- */

/*
 * A string is not taken for a list of one reference: it is more likely a
 * reference list flattened by mistake (its sentences joined) than meant,
 * and ROUGE against it would differ silently. No reference at all leaves
 * nothing to score against.
 */
static int json_refs(pairs_reader *r, json_t *v)
{
	r->nrefs = 0;
	if (!json_is_array(v))
		return -2;
	if (json_array_size(v) == 0)
		return -3;
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *s = json_array_get(v, i);
		if (!json_is_string(s))
			return -2;
		if (push_ref(r, json_string_value(s), json_string_length(s)) != 0)
			return -1;
	}
	return 0;
}

static int bad(pairs_reader *r, const char *why)
{
	cli_fail_in(EXIT_INPUT, r->in.name, "line %zu: %s", r->in.line, why);
	return -EXIT_INPUT;
}

static int slow_record(pairs_reader *r, const char *line, size_t n)
{
	json_t *v;
	if (jsonl_parse(r->in.name, r->in.line, line, n, &v) != JSONL_RECORD)
		return -EXIT_INPUT;
	r->held = v;
	r->id = jsonl_id(v, 0, NULL, r->idbuf);
	json_t *cand = json_object_get(v, "candidate");
	if (!json_is_string(cand))
		return bad(r, "\"candidate\" must be a string");
	r->cand = json_string_value(cand);
	r->cand_len = json_string_length(cand);
	int rc = json_refs(r, json_object_get(v, "references"));
	if (rc == -1)
		return cli_fail(EXIT_RUNTIME, "out of memory"), -EXIT_RUNTIME;
	if (rc == -3)
		return bad(r, "no references");
	if (rc != 0)
		return bad(r, "\"references\" must be an array of strings");
	return 0;
}

int pairs_next(pairs_reader *r)
{
	const char *line;
	size_t n;
	json_decref(r->held);
	r->held = NULL;
	int k = jsonl_read_line(&r->in, &line, &n);
	if (k != 1)
		return k == 0 ? 0 : -r->in.rc;
	r->id = NULL;
	r->cand = NULL;
	r->nrefs = 0;
	/* decoded strings and their NULs never take more than twice the line */
	if (2 * n + 2 > r->dec_cap) {
		free(r->dec);
		r->dec_cap = 2 * n + 2;
		r->dec = malloc(r->dec_cap);
		if (r->dec == NULL) {
			r->dec_cap = 0;
			return -cli_fail(EXIT_RUNTIME, "out of memory");
		}
	}
	if (fast_record(r, line, line + n) == 0)
		return 1;
	r->id = NULL;
	r->cand = NULL;
	int rc = slow_record(r, line, n);
	return rc < 0 ? rc : 1;
}
