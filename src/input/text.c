/*
 * text.c - plain text as the pipeline reads it: CRLF and CR line ends
 * become LF, and the line breaks wrap.c calls wraps become one space (none
 * between two characters of a script without spaces; none after a
 * hyphen that split a lower-case word: "docu-\nment"), the next line's
 * indentation dropped. A line that starts a paragraph without a blank line
 * before it (an indented first line) gets one. At a page break (a form
 * feed, as pdftotext and RFCs have them) the running header and footer
 * go, and a paragraph the break cut in two is whole again (page.c).
 * Everything else is kept byte for byte, so unwrapped LF text comes out
 * unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/input.h"
#include "input/lines.h"
#include "input/page.h"
#include "input/wrap.h"

typedef struct writer {
	precis__input *in;
	const char *u;  /* the text read: while buf is NULL, the text written
			   so far is u[0, len), unchanged, and not copied */
	size_t ulen;
	char *buf;
	size_t len, cap;
	bool joined_in; /* the next paragraph goes on the last (a page break) */
	int oom;
} writer;

/* The text written so far. */
static const char *sofar(const writer *w)
{
	return w->buf ? w->buf : w->u;
}

/* Whether appending p[0, n) keeps the text the start of u unchanged. */
static bool unchanged(const writer *w, const char *p, size_t n)
{
	return w->buf == NULL && n <= w->ulen - w->len &&
	       (p == w->u + w->len || memcmp(p, w->u + w->len, n) == 0);
}

/* Appends u[from, to) (or `lit`, when not NULL) mapped to u offset `from`. */
static void put(writer *w, const char *u, size_t from, size_t to, const char *lit)
{
	size_t n = lit ? strlen(lit) : to - from;
	const char *p = lit ? lit : u + from;
	if (w->oom || precis__pieces_add(&w->in->pieces, w->len, from) != 0) {
		w->oom = 1;
		return;
	}
	if (unchanged(w, p, n)) {
		w->len += n;
		return;
	}
	bool first = w->buf == NULL;
	if (w->len + n + 1 > w->cap &&
	    precis__grow((void **)&w->buf, &w->cap, w->len + n + 1, 1) != 0) {
		w->oom = 1;
		return;
	}
	if (first) /* the text departs from u here: copy what it had */
		memcpy(w->buf, w->u, w->len);
	memcpy(w->buf + w->len, p, n);
	w->len += n;
	w->buf[w->len] = '\0';
}

static size_t skip_indent(const char *u, const precis__line *ln)
{
	size_t i = ln->lo;
	while (i < ln->hi && (u[i] == ' ' || u[i] == '\t'))
		i++;
	return i;
}

static size_t trim_end(const char *u, const precis__line *ln)
{
	size_t hi = ln->hi;
	while (hi > ln->lo && (u[hi - 1] == ' ' || u[hi - 1] == '\t'))
		hi--;
	return hi;
}

/* Ends line l with the join to `next`: one space, or none after a split
 * word or between two characters of a script without spaces. */
static void join_to(writer *w, const char *u, const precis__line *l, size_t lo,
		    const precis__line *next)
{
	size_t hi = trim_end(u, l);
	if (l->hyphen && next->lower) {
		put(w, u, lo, hi - l->hyphen, NULL); /* "docu-" + "ment" */
	} else {
		put(w, u, lo, hi, NULL);
		if (!(l->nospace_end && next->nospace_start))
			put(w, u, l->hi, l->hi, " ");
	}
}

/* Writes line k of a paragraph and what follows it: its line break, or
 * the join with the next line (`glue`: the first line of the paragraph
 * after a page break, for the last line). */
static void write_line(writer *w, const char *u, const precis__line *ln,
		       size_t k, size_t n, const bool *joins, const bool *starts,
		       const precis__line *glue)
{
	const precis__line *l = &ln[k];
	if (starts[k])
		put(w, u, l->lo, l->lo, "\n"); /* the blank line it lacked */
	size_t lo = (k > 0 && joins[k - 1]) || (k == 0 && w->joined_in)
			    ? skip_indent(u, l) : l->lo;
	if (k + 1 == n && glue != NULL) {
		join_to(w, u, l, lo, glue);
		return;
	}
	if (k + 1 < n && joins[k]) {
		join_to(w, u, l, lo, &ln[k + 1]);
		return;
	}
	put(w, u, lo, l->hi, NULL);
	if (l->next > l->hi)
		put(w, u, l->next - 1, l->next, NULL); /* "\n", without a CR */
}

/* The lines of the paragraph that starts at `pos`, up to a blank line (or
 * `limit`, a page break). A paragraph longer than WINDOW lines is taken a
 * window at a time, so memory stays bounded; a break between windows is
 * kept, once in thousands of lines. */
#define WINDOW 4096

static size_t gather(const char *u, size_t len, size_t pos, size_t limit,
		     precis__line **v, size_t *cap)
{
	size_t n = 0;
	while (pos < limit && n < WINDOW) {
		precis__line ln = precis__line_span(u, len, pos);
		if (ln.blank)
			break;
		if (n + 1 > *cap && precis__grow((void **)v, cap, n + 1, sizeof **v) != 0)
			return (size_t)-1;
		(*v)[n++] = ln;
		pos = ln.next;
	}
	return n;
}

typedef struct scratch {
	precis__line *lines;
	bool *joins, *starts;
	size_t cap, joins_cap, starts_cap;
} scratch;

/* Writes the paragraph at *pos (up to `limit`); `page` is the page break
 * after it, if one comes next. */
static int paragraph(writer *w, const char *u, size_t len, size_t *pos,
		     size_t limit, const precis__page *page, int mode,
		     size_t width, scratch *s)
{
	size_t n = gather(u, len, *pos, limit, &s->lines, &s->cap);
	if (n == (size_t)-1 ||
	    precis__grow((void **)&s->joins, &s->joins_cap, n, sizeof *s->joins) ||
	    precis__grow((void **)&s->starts, &s->starts_cap, n, sizeof *s->starts))
		return PRECIS_ERR_NOMEM;
	if (n > 1) /* one line alone has nothing to decide */
		for (size_t k = 0; k < n; k++)
			precis__line_facts(u, &s->lines[k]);
	precis__line next;
	const precis__line *glue = NULL;
	if (page != NULL && page->glue && s->lines[n - 1].next == page->from &&
	    mode != PRECIS_WRAP_KEEP) {
		next = precis__line_at(u, len, page->to);
		glue = &next;
	}
	precis__wrap_decide(s->lines, n, width, mode, glue != NULL, s->joins, s->starts);
	for (size_t k = 0; k < n; k++)
		write_line(w, u, s->lines, k, n, s->joins, s->starts, glue);
	w->joined_in = false;
	*pos = s->lines[n - 1].next;
	return w->oom ? PRECIS_ERR_NOMEM : 0;
}

/* Passes over a page break's header and footer; the text around it stays
 * apart by a blank line unless a paragraph goes on. */
static void page_break(writer *w, const precis__page *pg, int mode)
{
	w->joined_in = pg->glue && mode != PRECIS_WRAP_KEEP;
	const char *t = sofar(w);
	if (!w->joined_in && w->len > 0 &&
	    !(w->len >= 2 && t[w->len - 1] == '\n' && t[w->len - 2] == '\n'))
		put(w, NULL, pg->from, pg->from, t[w->len - 1] == '\n' ? "\n" : "\n\n");
}

static int text_stage(precis__input *in, const char *u, size_t len,
		      const precis__input_opts *o)
{
	int mode = o->wrap;
	in->width = o->width != PRECIS__WIDTH_ESTIMATE ? o->width
		    : mode == PRECIS_WRAP_AUTO ? precis__wrap_width(u, len) : 0;
	writer w = { in, u, len, NULL, 0, 0, false, 0 };
	scratch s = { 0 };
	precis__page *pages = NULL;
	size_t npages = 0, pg = 0;
	/* Kept lines keep their page furniture too. */
	int rc = mode != PRECIS_WRAP_KEEP ? precis__pages(u, len, &pages, &npages) : 0;
	put(&w, u, 0, 0, "");
	for (size_t pos = 0; rc == 0 && pos < len;) {
		if (pg < npages && pos >= pages[pg].from) {
			page_break(&w, &pages[pg], mode);
			pos = pages[pg].to > pos ? pages[pg].to : pos;
			pg++;
			continue;
		}
		size_t limit = pg < npages ? pages[pg].from : len;
		precis__line ln = precis__line_span(u, len, pos);
		if (!ln.blank) {
			rc = paragraph(&w, u, len, &pos, limit, pg < npages ? &pages[pg] : NULL,
				       mode, in->width, &s);
			continue;
		}
		put(&w, u, ln.lo, ln.hi, NULL);
		if (ln.next > ln.hi)
			put(&w, u, ln.next - 1, ln.next, NULL);
		pos = ln.next;
	}
	free(pages);
	free(s.lines);
	free(s.joins);
	free(s.starts);
	if (rc == 0 && !w.oom && w.buf == NULL && w.len < len) {
		/* The start of u: a copy of its own, NUL-terminated. */
		if ((w.buf = malloc(w.len + 1)) == NULL)
			w.oom = 1;
		else {
			memcpy(w.buf, u, w.len);
			w.buf[w.len] = '\0';
		}
	}
	in->text = w.buf; /* NULL: u itself */
	in->len = w.len;
	return rc != 0 || w.oom ? PRECIS_ERR_NOMEM : 0;
}

/* Text whose lines end in a CR alone (old Mac OS files) is read with LFs
 * in their place: the same bytes otherwise, so every offset maps to
 * itself. Text with any LF keeps its lone CRs as they are. That is a
 * property of the whole text: a chunk the splitter cut from a stream
 * (o->continued) follows a blank line, so the text has an LF and the
 * chunk keeps its CRs even with no LF of its own. */
int precis__input_text(precis__input *in, const char *u, size_t len,
		       const precis__input_opts *o)
{
	if (len == 0 || o->continued || memchr(u, '\n', len) != NULL ||
	    memchr(u, '\r', len) == NULL)
		return text_stage(in, u, len, o);
	char *lf = malloc(len + 1);
	if (lf == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t i = 0; i < len; i++)
		lf[i] = u[i] == '\r' ? '\n' : u[i];
	lf[len] = '\0';
	int rc = text_stage(in, lf, len, o);
	if (rc == 0 && in->text == NULL)
		in->text = lf; /* the text is all of lf, which stays */
	else
		free(lf);
	return rc;
}
