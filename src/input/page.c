/*
 * page.c - page breaks (page.h). A running header or footer is a block of
 * one or two lines next to the form feed that holds a digit (the page
 * number, a date, a document number: "[Page 2]", "4", "March 2026"); a
 * longer block, or one without a digit, is kept as text. The paragraph
 * before goes on after the break when it stopped unfinished (no terminal
 * punctuation, no colon) and the next one starts in lower case.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/lines.h"
#include "input/page.h"

#define RUNNING_MAX 2 /* lines of a running header or footer */

static bool has_digit(const char *t, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return true;
	return false;
}

/* The start of the line holding offset p. */
static size_t line_start(const char *t, size_t p)
{
	while (p > 0 && t[p - 1] != '\n')
		p--;
	return p;
}

/* Skips blank lines from `pos` on; returns where the next text starts. */
static size_t skip_blank(const char *t, size_t len, size_t pos)
{
	while (pos < len) {
		precis__line ln = precis__line_span(t, len, pos);
		if (!ln.blank)
			break;
		pos = ln.next;
	}
	return pos;
}

/* The header: the block from `pos` (the form feed's line) when it is a
 * running one; returns where the text after it starts, or `pos`. */
static size_t header_end(const char *t, size_t len, size_t pos)
{
	size_t p = pos, lines = 0;
	bool digit = false;
	while (p < len && lines <= RUNNING_MAX) {
		precis__line ln = precis__line_span(t, len, p);
		if (ln.blank)
			break;
		digit |= has_digit(t, ln.lo, ln.hi);
		lines++;
		p = ln.next;
	}
	if (lines == 0 || lines > RUNNING_MAX || !digit)
		return skip_blank(t, len, pos);
	return skip_blank(t, len, p);
}

/* The footer: the block ending before `ls` (the form feed's line), with
 * the blank lines around it, when it is a running one; returns where the
 * text before it ended, or `ls`. *last gets the start of that text's last
 * line. */
static size_t footer_start(const char *t, size_t ls, size_t *last)
{
	size_t p = ls, block_end = ls, lines = 0;
	bool digit = false, blank = true;
	/* Back over blank lines, then the block, then blank lines again. */
	while (p > 0) {
		size_t s = line_start(t, p - 1);
		precis__line ln = precis__line_span(t, p, s);
		if (ln.blank != blank) {
			if (!blank)
				break; /* the block is over */
			blank = false;
			block_end = p;
		}
		if (!blank) {
			lines++;
			digit |= has_digit(t, ln.lo, ln.hi);
		}
		p = s;
	}
	size_t from = (lines >= 1 && lines <= RUNNING_MAX && digit) ? p : block_end;
	/* The text before ends at `from` after its blank lines. */
	size_t q = from;
	while (q > 0) {
		size_t s = line_start(t, q - 1);
		precis__line ln = precis__line_span(t, q, s);
		if (!ln.blank) {
			*last = s;
			return q;
		}
		q = s;
	}
	*last = (size_t)-1;
	return q;
}

static int add_page(const char *t, size_t len, size_t ff, precis__page **v,
		    size_t *n, size_t *cap)
{
	size_t ls = line_start(t, ff), last;
	size_t from = footer_start(t, ls, &last);
	size_t to = header_end(t, len, ls);
	if (*n > 0 && from < (*v)[*n - 1].to)
		return 0; /* two form feeds in one break */
	bool glue = false;
	if (last != (size_t)-1 && to < len) {
		precis__line a = precis__line_at(t, from, last);
		precis__line b = precis__line_at(t, len, to);
		glue = !a.terminal && !a.colon && !b.list && b.lower;
	}
	if (precis__grow((void **)v, cap, *n + 1, sizeof **v) != 0)
		return PRECIS_ERR_NOMEM;
	(*v)[(*n)++] = (precis__page){ from, to, glue };
	return 0;
}

int precis__pages(const char *t, size_t len, precis__page **v, size_t *n)
{
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	for (const char *f = memchr(t, '\f', len); f != NULL;
	     f = memchr(f + 1, '\f', len - (size_t)(f + 1 - t))) {
		if (add_page(t, len, (size_t)(f - t), v, n, &cap) != 0) {
			free(*v);
			*v = NULL;
			*n = 0;
			return PRECIS_ERR_NOMEM;
		}
	}
	return 0;
}
