/*
 * html_align.c - which raw bytes each stretch of a text node came from.
 *
 * gumbo gives a text node its decoded text and its raw source slice
 * (original_text), not the correspondence between them. The two agree byte
 * for byte except where the tokenizer or tree builder changed something:
 *   - a character reference ("&amp;", "&#233;", legacy "&copy" without ';')
 *     became one or two code points;
 *   - CR LF became LF (a lone CR became LF: same length, no change);
 *   - a NUL was dropped or became U+FFFD;
 *   - an ignored tag or comment sits inside the slice (gumbo puts a stray
 *     "</noscript>" into the text node that follows it);
 * so the alignment walks both, byte for byte while they agree, and at each
 * difference decides which of those it is, then resynchronizes. The result
 * is a list of spans: exact ones (same length, same bytes modulo CR/LF)
 * and changed ones (an entity and its expansion). Anything it cannot
 * explain it consumes one character on each side, so it always ends.
 */
#include <string.h>

#include "input/html.h"

#define MAX_ENTITY 40

typedef struct {
	const char *t, *s;
	size_t tlen, slen;
	size_t i, j;   /* positions in s and t */
	size_t ri, rj; /* start of the current exact run */
	precis__html_span_fn emit;
	void *ctx;
	int rc;
} aligner;

static size_t cp_len(const char *p, size_t n)
{
	size_t k = precis__html_utf8_seq((const unsigned char *)p, n);
	return k ? k : 1;
}

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static void flush(aligner *a)
{
	if (a->j > a->rj && !a->rc) {
		precis__html_span sp = {a->rj, a->j - a->rj, a->ri, a->i - a->ri};
		a->rc = a->emit(a->ctx, &sp);
	}
	a->ri = a->i;
	a->rj = a->j;
}

/* A changed stretch: t advances by dt, s by ds. */
static void changed(aligner *a, size_t dt, size_t ds)
{
	flush(a);
	if (dt && !a->rc) {
		precis__html_span sp = {a->j, dt, a->i, ds};
		a->rc = a->emit(a->ctx, &sp);
	}
	a->i += ds;
	a->j += dt;
	a->ri = a->i;
	a->rj = a->j;
}

/* Whether s continuing at si agrees with t continuing at tj. */
static int resyncs(const aligner *a, size_t si, size_t tj)
{
	if (tj >= a->tlen)
		return 1;
	return si < a->slen && (a->s[si] == a->t[tj] ||
				(a->s[si] == '\r' && a->t[tj] == '\n'));
}

/* A character reference at s[i] == '&': length of the reference in s and
 * of its expansion in t, when some split makes both sides continue. */
static int entity(aligner *a, size_t *ds, size_t *dt)
{
	size_t i = a->i + 1, max = a->slen - a->i;
	if (max > MAX_ENTITY)
		max = MAX_ENTITY;
	size_t e = 1;
	if (i < a->slen && a->s[i] == '#')
		e++;
	while (e < max && is_alnum(a->s[a->i + e]))
		e++;
	if (e < max && a->s[a->i + e] == ';')
		e++;
	size_t c1 = cp_len(a->t + a->j, a->tlen - a->j);
	size_t c2 = a->j + c1 < a->tlen ? c1 + cp_len(a->t + a->j + c1,
						       a->tlen - a->j - c1) : c1;
	for (size_t len = e; len >= 2; len--) {
		if (resyncs(a, a->i + len, a->j + c1)) {
			*ds = len, *dt = c1;
			return 1;
		}
		if (c2 > c1 && a->j + c2 <= a->tlen && resyncs(a, a->i + len, a->j + c2)) {
			*ds = len, *dt = c2;
			return 1;
		}
	}
	return 0;
}

/* Bytes of markup (ignored tag, comment) starting at s[i] == '<'. */
static size_t markup_len(const aligner *a)
{
	const char *s = a->s + a->i;
	size_t n = a->slen - a->i;
	if (n >= 4 && !memcmp(s, "<!--", 4)) {
		const char *e = precis__html_find(s + 4, n - 4, "-->", 3);
		return e ? (size_t)(e - s) + 3 : n;
	}
	const char *gt = memchr(s, '>', n);
	return gt ? (size_t)(gt - s) + 1 : n;
}

/* Explains one difference at (i, j). */
static void differ(aligner *a)
{
	char sc = a->s[a->i];
	size_t ds, dt;
	if (sc == '&' && entity(a, &ds, &dt)) {
		changed(a, dt, ds);
	} else if (sc == '\r' && a->i + 1 < a->slen && a->s[a->i + 1] == '\n' &&
		   a->t[a->j] == '\n') {
		changed(a, 1, 2);
	} else if (sc == '<' && a->t[a->j] != '<') {
		changed(a, 0, markup_len(a));
	} else if (sc == '\0') {
		int fffd = a->tlen - a->j >= 3 && !memcmp(a->t + a->j, "\xEF\xBF\xBD", 3);
		changed(a, fffd ? 3 : 0, 1);
	} else {
		changed(a, cp_len(a->t + a->j, a->tlen - a->j),
			cp_len(a->s + a->i, a->slen - a->i));
	}
}

int precis__html_align(const char *t, size_t tlen, const char *s, size_t slen,
		       precis__html_span_fn emit, void *ctx)
{
	aligner a = {t, s, tlen, slen, 0, 0, 0, 0, emit, ctx, 0};
	while (a.j < a.tlen && !a.rc) {
		if (a.i >= a.slen) {
			changed(&a, a.tlen - a.j, 0); /* text with no source left */
			break;
		}
		char sc = a.s[a.i], tc = a.t[a.j];
		if (sc != '&' && (sc == tc || (sc == '\r' && tc == '\n'))) {
			a.i++;
			a.j++;
			continue;
		}
		if (sc == '&' && tc == '&' && !entity(&a, &(size_t){0}, &(size_t){0})) {
			a.i++;
			a.j++;
			continue;
		}
		differ(&a);
	}
	flush(&a);
	return a.rc;
}
