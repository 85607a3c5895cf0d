/*
 * model.c - learned models: load (validated, errors with their line),
 * write, free, and making a context use one.
 *
 * File format (text, UTF-8, one statement a line, fields separated by
 * tabs or spaces; '#' lines are comments, kept and written back first):
 *   precis-model 1                  header: magic and format version
 *   model NAME                      starts a model ([a-z0-9_-], <= 31)
 *   bias VALUE                      the model's constant
 *   weight FEATURE VALUE            a feature's weight (features.c names)
 *   gate bias VALUE                 bundle: the model's choice score...
 *   gate DOC-FEATURE VALUE          ...from document features
 * A sentence scores bias + sum of weight * feature; a document goes to the
 * model whose gate score is highest (the first on ties; one model needs
 * no gate). Values are finite, |value| <= 1e6.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "context/ctx.h"
#include "rank/model.h"

#define MAX_LINE 4096

precis_model *precis__model_alloc(void)
{
	return calloc(1, sizeof(precis_model));
}

void precis_model_free(precis_model *m)
{
	if (m == NULL)
		return;
	free(m->notes);
	free(m);
}

size_t precis_model_count(const precis_model *m)
{
	return m ? m->n : 0;
}

const char *precis_model_name(const precis_model *m, size_t i)
{
	return m && i < m->n ? m->m[i].name : NULL;
}

/* Appends each line of text[0, len) as "# LINE\n", all or nothing. */
int precis__model_note(precis_model *m, const char *text, size_t len)
{
	size_t need = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
		need += n + 3;
		i += n + (nl != NULL);
	}
	char *p = realloc(m->notes, m->notes_len + need + 1);
	if (p == NULL)
		return PRECIS_ERR_NOMEM;
	m->notes = p;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
		memcpy(p + m->notes_len, "# ", 2);
		memcpy(p + m->notes_len + 2, text + i, n);
		p[m->notes_len + 2 + n] = '\n';
		m->notes_len += n + 3;
		i += n + (nl != NULL);
	}
	p[m->notes_len] = '\0';
	return 0;
}

int precis_model_note(precis_model *m, const char *text, precis_error *err)
{
	precis__clear(err);
	if (m == NULL || text == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	if (precis__model_note(m, text, strlen(text)) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	return 0;
}

size_t precis__model_choose(const precis_model *m, const double *dx)
{
	size_t best = 0;
	double top = -HUGE_VAL;
	for (size_t k = 0; k < m->n; k++) {
		double s = m->m[k].gate_bias;
		for (size_t f = 0; f < PRECIS__NDFEAT; f++)
			s += m->m[k].gate[f] * dx[f];
		if (s > top) {
			top = s;
			best = k;
		}
	}
	return best;
}

/* ---- loading -------------------------------------------------------- */

typedef struct parser {
	precis_model *m;
	size_t line;
	precis_error *err;
	const char *f[4]; /* the line's fields */
	size_t flen[4], nf;
} parser;

static int bad(parser *p, const char *fmt, ...) PRECIS__PRINTF(2, 3);

static int bad(parser *p, const char *fmt, ...)
{
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	precis__fail(p->err, PRECIS_ERR_PARSE, "%s", msg);
	if (p->err != NULL)
		p->err->line = p->line;
	return PRECIS_ERR_PARSE;
}

/* Splits s[0, n) at runs of tabs and spaces; -1 with more than 4 fields. */
static int split(parser *p, const char *s, size_t n)
{
	p->nf = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == n)
			break;
		if (p->nf == 4)
			return -1;
		size_t j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\r')
			j++;
		p->f[p->nf] = s + i;
		p->flen[p->nf++] = j - i;
		i = j;
	}
	return 0;
}

static int is(const parser *p, size_t i, const char *word)
{
	return p->flen[i] == strlen(word) && memcmp(p->f[i], word, p->flen[i]) == 0;
}

static int number(parser *p, size_t i, double *out)
{
	char buf[64], *end;
	if (p->flen[i] >= sizeof buf)
		return bad(p, "bad number '%.*s'", (int)(p->flen[i] > 40 ? 40 : p->flen[i]), p->f[i]);
	memcpy(buf, p->f[i], p->flen[i]);
	buf[p->flen[i]] = '\0';
	double v = strtod(buf, &end);
	if (*end != '\0' || end == buf || !isfinite(v) || fabs(v) > 1e6)
		return bad(p, "bad number '%.*s' (finite, at most 1e6 in size)", (int)(p->flen[i]), p->f[i]);
	*out = v;
	return 0;
}

static int model_line(parser *p)
{
	precis_model *m = p->m;
	if (p->nf != 2)
		return bad(p, "expected 'model NAME'");
	if (m->n == PRECIS__MODEL_MAX)
		return bad(p, "more than 8 models in one file");
	if (p->flen[1] >= PRECIS__MODEL_NAME)
		return bad(p, "model name '%.*s' longer than 31 bytes", (int)(31), p->f[1]);
	for (size_t i = 0; i < p->flen[1]; i++) {
		char c = p->f[1][i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return bad(p, "model name '%.*s': use a-z, 0-9, '-' and '_'", (int)(p->flen[1]), p->f[1]);
	}
	for (size_t k = 0; k < m->n; k++)
		if (strlen(m->m[k].name) == p->flen[1] &&
		    memcmp(m->m[k].name, p->f[1], p->flen[1]) == 0)
			return bad(p, "model '%.*s' defined twice", (int)(p->flen[1]), p->f[1]);
	precis__submodel *s = &m->m[m->n++];
	memcpy(s->name, p->f[1], p->flen[1]);
	s->name[p->flen[1]] = '\0';
	return 0;
}

static int weight_line(parser *p, precis__submodel *s)
{
	if (p->nf != 3)
		return bad(p, "expected 'weight FEATURE VALUE'");
	int f = precis__feat_find(p->f[1], p->flen[1]);
	if (f < 0)
		return bad(p, "unknown feature '%.*s'", (int)(p->flen[1]), p->f[1]);
	if (s->used[f])
		return bad(p, "feature '%.*s' weighted twice", (int)(p->flen[1]), p->f[1]);
	s->used[f] = 1;
	return number(p, 2, &s->w[f]);
}

static int gate_line(parser *p, precis__submodel *s)
{
	if (p->nf != 3)
		return bad(p, "expected 'gate bias|DOC-FEATURE VALUE'");
	if (is(p, 1, "bias"))
		return number(p, 2, &s->gate_bias);
	int f = precis__dfeat_find(p->f[1], p->flen[1]);
	if (f < 0)
		return bad(p, "unknown document feature '%.*s'", (int)(p->flen[1]), p->f[1]);
	if (s->gate_used[f])
		return bad(p, "document feature '%.*s' given twice", (int)(p->flen[1]), p->f[1]);
	s->gate_used[f] = 1;
	return number(p, 2, &s->gate[f]);
}

static int statement(parser *p)
{
	if (is(p, 0, "model"))
		return model_line(p);
	if (!is(p, 0, "bias") && !is(p, 0, "weight") && !is(p, 0, "gate"))
		return bad(p, "unknown statement '%.*s'", (int)(p->flen[0] > 40 ? 40 : p->flen[0]), p->f[0]);
	if (p->m->n == 0)
		return bad(p, "'%.*s' before the first 'model' line", (int)(p->flen[0]), p->f[0]);
	precis__submodel *s = &p->m->m[p->m->n - 1];
	if (is(p, 0, "bias")) {
		if (p->nf != 2)
			return bad(p, "expected 'bias VALUE'");
		return number(p, 1, &s->bias);
	}
	return is(p, 0, "weight") ? weight_line(p, s) : gate_line(p, s);
}

static int header(parser *p, const char *s, size_t n)
{
	if (split(p, s, n) != 0 || p->nf != 2 || !is(p, 0, "precis-model"))
		return bad(p, "not a precis model (expected 'precis-model 1')");
	if (!is(p, 1, "1"))
		return bad(p, "model format version '%.*s' not supported (this precis reads 1)",
			   (int)(p->flen[1] > 20 ? 20 : p->flen[1]), p->f[1]);
	return 0;
}

static int one_line(parser *p, const char *s, size_t n)
{
	if (n > MAX_LINE)
		return bad(p, "line longer than 4096 bytes");
	if (memchr(s, '\0', n) != NULL)
		return bad(p, "NUL byte in a model file");
	if (p->line == 1)
		return header(p, s, n);
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '#') {
		size_t b = i + 1 + (i + 1 < n && s[i + 1] == ' ');
		return precis__model_note(p->m, s + b, n - b) ? PRECIS_ERR_NOMEM : 0;
	}
	if (split(p, s, n) != 0)
		return bad(p, "too many fields");
	return p->nf == 0 ? 0 : statement(p);
}

static int parse(parser *p, const char *data, size_t len)
{
	const char *end = data + len;
	for (const char *s = data; s < end || p->line == 0;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		p->line++;
		int rc = one_line(p, s, (size_t)(e - s));
		if (rc != 0)
			return rc;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	if (p->m->n == 0)
		return bad(p, "no 'model' in the file");
	return 0;
}

int precis_model_load(precis_model **out, const char *data, size_t len,
		      precis_error *err)
{
	precis__clear(err);
	if (out == NULL || (data == NULL && len > 0))
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	parser p = { precis__model_alloc(), 0, err, { 0 }, { 0 }, 0 };
	if (p.m == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = parse(&p, data ? data : "", len);
	if (rc == PRECIS_ERR_NOMEM)
		precis__fail(err, rc, NULL);
	if (rc != 0) {
		precis_model_free(p.m);
		return rc;
	}
	*out = p.m;
	return 0;
}

/* ---- writing -------------------------------------------------------- */

/* Writes "KEY\tNAME\tVALUE\n" (NAME NULL: "KEY\tVALUE\n"); VALUE with 17
 * digits, so a loaded model scores exactly as the one written. */
static int put(precis_write_fn write, void *payload, const char *key,
	       const char *name, double v)
{
	char buf[128];
	int k = name ? snprintf(buf, sizeof buf, "%s\t%s\t%.17g\n", key, name, v)
		     : snprintf(buf, sizeof buf, "%s\t%.17g\n", key, v);
	return k < 0 || (size_t)k >= sizeof buf || write(payload, buf, (size_t)k);
}

static int write_submodel(const precis_model *m, const precis__submodel *s,
			  precis_write_fn write, void *payload)
{
	char line[64];
	int k = snprintf(line, sizeof line, "model\t%s\n", s->name);
	int bad_io = write(payload, line, (size_t)k) ||
		     put(write, payload, "bias", NULL, s->bias);
	for (size_t f = 0; f < PRECIS__NFEAT && !bad_io; f++)
		if (s->used[f])
			bad_io = put(write, payload, "weight", precis__feat_name(f), s->w[f]);
	if (m->n > 1 && !bad_io)
		bad_io = put(write, payload, "gate", "bias", s->gate_bias);
	for (size_t f = 0; f < PRECIS__NDFEAT && !bad_io; f++)
		if (s->gate_used[f])
			bad_io = put(write, payload, "gate", precis__dfeat_name(f), s->gate[f]);
	return bad_io;
}

int precis_model_write(const precis_model *m, precis_write_fn write,
		       void *payload, precis_error *err)
{
	precis__clear(err);
	if (m == NULL || write == NULL || m->n == 0)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	static const char head[] = "precis-model\t1\n";
	int bad_io = write(payload, head, sizeof head - 1) ||
		     (m->notes_len > 0 && write(payload, m->notes, m->notes_len));
	for (size_t k = 0; k < m->n && !bad_io; k++)
		bad_io = write_submodel(m, &m->m[k], write, payload);
	return bad_io ? precis__fail(err, PRECIS_ERR_IO, "write failed") : 0;
}

int precis_ctx_set_model(precis_ctx *ctx, const precis_model *m,
			 precis_error *err)
{
	precis__clear(err);
	if (ctx == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	ctx->model = m;
	return 0;
}
