/*
 * subtitles.c - SubRip (.srt) and WebVTT (.vtt) subtitles as the running
 * text they caption: cue numbers and identifiers, timings and cue
 * settings, the WEBVTT header and NOTE, STYLE and REGION blocks go, and
 * so do inline tags (<i>, <v Speaker>, <c.name>, <00:01.000>, SubRip's
 * {\an8}) and lines that only describe a sound ("[applause]", "(music)",
 * "♪ ... ♪"). A cue's lines and the cues themselves are joined with
 * spaces into one paragraph: a spoken sentence runs across cues as a
 * printed one runs across wrapped lines. A line that repeats the one
 * before (rolling captions, which show each line twice) comes once.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/entity.h"
#include "input/input.h"
#include "input/lines.h"

typedef struct sub {
	precis__input *in;
	const char *u;
	size_t ulen;
	char *buf;
	size_t len, cap;
	size_t prev_lo, prev_hi; /* the last line written, in u (hi 0: none) */
	int oom;
} sub;

/* Lines are precis__line_span()'s: lo, hi (without the line end), next,
 * blank. */
typedef precis__line span;

static bool starts(const char *u, span l, const char *word)
{
	size_t n = strlen(word);
	return l.hi - l.lo >= n && memcmp(u + l.lo, word, n) == 0 &&
	       (l.hi - l.lo == n || u[l.lo + n] == ' ' || u[l.lo + n] == '\t');
}

/* "00:01:02,500 --> 00:01:04,000" (SubRip), "01:02.500 --> 01:04.000
 * align:start" (WebVTT): digits, colons and a decimal mark before the
 * arrow, a digit after it. */
static bool timing(const char *u, span l)
{
	size_t i = l.lo, digits = 0, colons = 0;
	while (i < l.hi && (u[i] == ' ' || u[i] == '\t'))
		i++;
	for (; i < l.hi && strchr("0123456789:,.", u[i]) != NULL && u[i] != '\0'; i++) {
		digits += u[i] >= '0' && u[i] <= '9';
		colons += u[i] == ':';
	}
	while (i < l.hi && (u[i] == ' ' || u[i] == '\t'))
		i++;
	if (digits < 4 || colons == 0 || l.hi - i < 4 || memcmp(u + i, "-->", 3) != 0)
		return false;
	for (i += 3; i < l.hi && (u[i] == ' ' || u[i] == '\t'); i++)
		;
	return i < l.hi && u[i] >= '0' && u[i] <= '9';
}

static void put(sub *s, const char *p, size_t n, size_t from)
{
	if (!s->oom && precis__text_append(&s->in->pieces, &s->buf, &s->len, &s->cap,
					   p, n, from) != 0)
		s->oom = 1;
}

/* Whether u[a, b) (trimmed) only describes a sound: "[applause]",
 * "(door slams)", "♪ la la ♪". */
static bool sound_only(const char *u, size_t a, size_t b)
{
	static const char note[] = "\xE2\x99\xAA"; /* U+266A ♪ */
	if (b - a >= 2 && ((u[a] == '[' && u[b - 1] == ']') || (u[a] == '(' && u[b - 1] == ')')))
		return memchr(u + a + 1, u[a], b - a - 2) == NULL;
	return b - a >= 3 && memcmp(u + a, note, 3) == 0;
}

/* The end of an inline tag at u[i] ('<' or '{'), or i when it is none. */
static size_t tag_end(const char *u, size_t i, size_t hi)
{
	if (u[i] == '{' && i + 1 < hi && u[i + 1] == '\\') {
		const char *e = memchr(u + i, '}', hi - i);
		return e ? (size_t)(e - u) + 1 : i;
	}
	if (u[i] != '<' || i + 1 >= hi)
		return i;
	char c = u[i + 1];
	if (!(c == '/' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	      (c >= '0' && c <= '9')))
		return i;
	const char *e = memchr(u + i, '>', hi - i);
	return e ? (size_t)(e - u) + 1 : i;
}

/* Writes a cue's text line without its tags, references decoded. */
static void text_line(sub *s, span l)
{
	size_t a = l.lo, b = l.hi;
	while (a < b && (s->u[a] == ' ' || s->u[a] == '\t'))
		a++;
	while (b > a && (s->u[b - 1] == ' ' || s->u[b - 1] == '\t'))
		b--;
	if (a == b || sound_only(s->u, a, b))
		return;
	if (s->prev_hi > 0 && s->prev_hi - s->prev_lo == b - a &&
	    memcmp(s->u + s->prev_lo, s->u + a, b - a) == 0)
		return; /* a rolling caption's repeat */
	if (s->len > 0)
		put(s, " ", 1, a);
	s->prev_lo = a;
	s->prev_hi = b;
	size_t run = a;
	for (size_t i = a; i < b; i++) {
		size_t e = tag_end(s->u, i, b);
		char ref[8];
		size_t rn = 0;
		if (e == i && s->u[i] == '&') {
			const char *semi = memchr(s->u + i, ';', b - i < 12 ? b - i : 12);
			if (semi != NULL && (rn = precis__entity(s->u + i, (size_t)(semi - s->u) - i + 1, ref)) > 0)
				e = (size_t)(semi - s->u) + 1;
		}
		if (e == i)
			continue;
		put(s, s->u + run, i - run, run);
		if (rn > 0)
			put(s, ref, rn, i);
		run = e;
		i = e - 1;
	}
	put(s, s->u + run, b - run, run);
}

/* One block (lines up to a blank one) from `pos`: a cue's text, or
 * nothing for the header and NOTE/STYLE/REGION blocks. A block without a
 * timing is text as it stands (a malformed file loses no words). */
static size_t block(sub *s, size_t pos, bool first)
{
	span l = precis__line_span(s->u, s->ulen, pos);
	bool skip = (first && starts(s->u, l, "WEBVTT")) || starts(s->u, l, "NOTE") ||
		    starts(s->u, l, "STYLE") || starts(s->u, l, "REGION");
	span second = precis__line_span(s->u, s->ulen, l.next);
	size_t text = pos;
	if (timing(s->u, l))
		text = l.next;
	else if (timing(s->u, second))
		text = second.next; /* a cue number or identifier first */
	else if (skip)
		text = s->ulen; /* nothing of it is text */
	for (; pos < s->ulen; pos = l.next) {
		l = precis__line_span(s->u, s->ulen, pos);
		if (l.blank)
			break;
		if (pos >= text && !timing(s->u, l))
			text_line(s, l);
	}
	return pos;
}

int precis__input_subtitles(precis__input *in, const char *u, size_t len)
{
	sub s = { .in = in, .u = u, .ulen = len };
	size_t pos = len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	put(&s, "", 0, pos);
	for (bool first = true; pos < len && !s.oom; first = false) {
		span l = precis__line_span(u, len, pos);
		pos = l.blank ? l.next : block(&s, pos, first);
	}
	if (s.len > 0)
		put(&s, "\n", 1, len);
	in->text = s.buf != NULL ? s.buf : calloc(1, 1);
	in->len = s.len;
	return s.oom || in->text == NULL ? PRECIS_ERR_NOMEM : 0;
}

int precis__looks_subtitles(const char *u, size_t len)
{
	size_t pos = len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	span l = { .next = pos };
	do
		l = precis__line_span(u, len, l.next);
	while (l.next < len && l.blank);
	if (starts(u, l, "WEBVTT"))
		return 1;
	/* SubRip: a cue number, then a timing. */
	bool number = l.hi > l.lo;
	for (size_t i = l.lo; i < l.hi; i++)
		number = number && u[i] >= '0' && u[i] <= '9';
	return number && l.next < len && timing(u, precis__line_span(u, len, l.next));
}
