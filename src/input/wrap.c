/*
 * wrap.c - hard-wrap detection (wrap.h).
 *
 * A program that wraps text to a width moves a word to the next line only
 * when it does not fit on the current one (greedy filling, as fmt, Emacs
 * and mail clients do). So a break is a wrap when the next line's first
 * word would not have fitted after the line, and the line is not short:
 * a headline, a list item or a line of an address or a poem ends well
 * before the width with room for the next word. The width is the
 * document's, not the paragraph's, because a two-line paragraph alone
 * cannot tell "a wrapped sentence" from "a name above a street".
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/wrap.h"

/* Widths outside this range are not a wrap: narrower ones are columns of
 * a table or the lines of a poem, wider ones lines an editor never broke. */
#define WIDTH_MIN 38
#define WIDTH_MAX 200
/* A line shorter than this share of the width ends for its own reason. */
#define SHORT_SHARE 0.5
/* Lines needed before a width is trusted. */
#define MIN_SAMPLES 4

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The widths of the lines a wrap could have ended: those followed by
 * another line of the same paragraph. */
static size_t sample(const char *t, size_t len, size_t *w, size_t cap)
{
	size_t n = 0, pos = 0, limit = len < PRECIS__WRAP_SAMPLE ? len : PRECIS__WRAP_SAMPLE;
	precis__line prev = { 0 };
	prev.blank = true;
	while (pos < len && n < cap) {
		precis__line ln = precis__line_span(t, len, pos);
		if (!prev.blank && !ln.blank) {
			if (prev.cols == 0)
				precis__line_facts(t, &prev);
			w[n++] = prev.cols;
		}
		if (ln.blank && ln.next > limit)
			break; /* paragraphs that start past the sample are out */
		prev = ln;
		pos = ln.next;
	}
	return n;
}

size_t precis__wrap_width(const char *t, size_t len)
{
	size_t cap = 4096, *w = malloc(cap * sizeof *w);
	if (w == NULL)
		return 0; /* no estimate: lines are kept as they are */
	size_t n = sample(t, len, w, cap), width = 0;
	if (n >= MIN_SAMPLES) {
		qsort(w, n, sizeof *w, by_size);
		/* The 90th percentile: a few overlong lines (a URL) do not
		 * raise it, and most wrapped lines end near it. */
		width = w[(n * 9) / 10];
		/* Wrapped text is ragged but full: its median line is near the
		 * width. Lines of a list or a poem vary far more. */
		if (w[n / 2] * 4 < width * 3)
			width = 0;
	}
	free(w);
	return width >= WIDTH_MIN && width <= WIDTH_MAX ? width : 0;
}

/* Did the wrapper break here: the next word would not have fitted? */
static bool wrapped(const precis__line *a, const precis__line *b, size_t width)
{
	if (width == 0 || (double)a->cols < SHORT_SHARE * (double)width)
		return false;
	return a->cols + 1 + b->first_word > width;
}

/*
 * Text that a wrap brought to the start of a line can look like a list
 * marker: a dash inside a sentence ("France's Snecma - on the military
 * side\n- are some of the firms") or a number that ends one ("store
 * manager at\n19. A popular"). It goes on the line before when that line
 * is full and holds no colon and no marker of its own: a list item
 * follows a colon or an item, or starts where it would have fitted. A
 * dash before a capital after a finished sentence, or a bullet, is taken
 * as an item.
 */
static bool marker_goes_on(const precis__line *a, const precis__line *b,
			   size_t width)
{
	if (a->colon || a->list || !wrapped(a, b, width))
		return false;
	/* A dash that would not have fitted came down with the wrap, unless
	 * it opens a sentence after a finished one; a number needs the
	 * line before to be unfinished. */
	if (b->marker == PRECIS__MARK_DASH)
		return !a->terminal || !b->marker_upper;
	return b->marker == PRECIS__MARK_NUMBER && !a->terminal;
}

/* A sentence that goes on in lower case after a break without
 * punctuation, and ends later in the paragraph: a stray break ("This is a
 * sentence\ncut off in the middle because pdf."), or a hand-wrapped line
 * that broke early ("and the web\npage shows no data"). */
static bool continues(const precis__line *ln, size_t n, size_t i, bool open_end)
{
	if (ln[i].terminal || ln[i].colon || !ln[i + 1].lower)
		return false;
	for (size_t j = i + 1; j < n; j++)
		if (ln[j].terminal)
			return true;
	return open_end;
}

/* Book-style paragraphs without blank lines between them: an indented
 * line among flush ones starts a paragraph (a list item or a scrap of a
 * sentence too: it stands apart either way). The paragraph's own indent is
 * the smallest of its lines; where most lines are indented (a list with
 * hanging indents, code) nothing starts. */
static void mark_starts(const precis__line *ln, size_t n, size_t width,
			bool *starts)
{
	size_t base = ln[0].indent, flush = 0;
	for (size_t i = 1; i < n; i++)
		base = ln[i].indent < base ? ln[i].indent : base;
	for (size_t i = 0; i < n; i++)
		flush += ln[i].indent == base;
	if (flush * 2 < n || ln[0].list)
		return;
	/* The paragraph before must have ended, or the line before must end
	 * where no wrap would have ended it: a hanging indent goes on a line
	 * the wrap filled ("1.1 \"The Work\" means the software\n    in
	 * source or object form"), while a heading or a caption above an
	 * indented paragraph stops short of the width. Without a width only
	 * punctuation tells. */
	for (size_t i = 1; i < n; i++)
		starts[i] = ln[i].indent > base && ln[i].indent <= base + 8 &&
			    (ln[i - 1].terminal ||
			     (width > 0 && !wrapped(&ln[i - 1], &ln[i], width)));
}

/*
 * Verse: four lines or more, none as long as a line of wrapped prose, with
 * many ends punctuated or most lines capitalized; its breaks are the
 * poet's. Prose wrapped narrow ends a line on a comma or period only where
 * a word that carries one happened to reach the width (about one line in
 * eight in news), so this misreads a few narrow prose paragraphs: it only
 * stops lower-case continuations, which the width test covers there.
 */
static bool verse(const precis__line *ln, size_t n)
{
	size_t punct = 0, caps = 0;
	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (ln[i].cols >= 60 || ln[i].list)
			return false;
		punct += ln[i].terminal || ln[i].colon || ln[i].comma;
		caps += ln[i].upper;
	}
	return punct * 5 >= n * 2 || caps * 5 >= n * 4;
}

static bool short_lines(const precis__line *ln, size_t n)
{
	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ln[i].cols >= 60)
			return false;
	return true;
}

/*
 * A paragraph's own width where the document's lines tell none: a file of
 * short lines (fields, names, lists of files) with wrapped prose among
 * them, as Debian's copyright files carry their licence texts. The
 * longest line but the last, when it is as wide as prose is wrapped
 * (verse and tables are narrower); 0 for verse, and for quoted mail,
 * whose '>' the width test would take for the next line's first word.
 */
#define PARAGRAPH_WIDTH_MIN 60
static size_t paragraph_width(const precis__line *ln, size_t n)
{
	if (n < 3 || verse(ln, n))
		return 0;
	size_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (ln[i].quoted)
			return 0;
	for (size_t i = 0; i + 1 < n; i++)
		max = ln[i].cols > max ? ln[i].cols : max;
	return max >= PARAGRAPH_WIDTH_MIN && max <= WIDTH_MAX ? max : 0;
}

/*
 * With a paragraph's own width, a break is a wrap only in a run of two
 * or more in a row that each pass the width test, between lines indented
 * alike. Greedy filling passes it at every break of its paragraph; a list
 * of names or fields passes it at a long line here and there (a field
 * holding a URL, a name with its address), and a list aligned under its
 * field's value is indented apart.
 */
static bool own_wrap(const precis__line *ln, size_t i, size_t width)
{
	return ln[i + 1].indent == ln[i].indent && wrapped(&ln[i], &ln[i + 1], width);
}

static bool in_run(const precis__line *ln, size_t n, size_t i, size_t width)
{
	return own_wrap(ln, i, width) &&
	       ((i > 0 && own_wrap(ln, i - 1, width)) ||
		(i + 2 < n && own_wrap(ln, i + 1, width)));
}

void precis__wrap_decide(const precis__line *ln, size_t n, size_t width,
			 int mode, bool open_end, bool *joins, bool *starts)
{
	memset(joins, 0, n * sizeof *joins);
	memset(starts, 0, n * sizeof *starts);
	if (mode == PRECIS_WRAP_KEEP || n < 2)
		return;
	if (mode == PRECIS_WRAP_AUTO)
		mark_starts(ln, n, width, starts);
	/* Lower-case lines go on a sentence, but not in verse: in a text with
	 * no wrap width, four short lines or more are verse enough. */
	size_t own = mode == PRECIS_WRAP_AUTO && width == 0 ? paragraph_width(ln, n) : 0;
	bool stray = mode == PRECIS_WRAP_AUTO &&
		     (width > 0 ? !verse(ln, n) : !short_lines(ln, n));
	for (size_t i = 0; i + 1 < n; i++) {
		const precis__line *a = &ln[i], *b = &ln[i + 1];
		if ((b->list && !marker_goes_on(a, b, width)) || starts[i + 1] ||
		    ((a->tabular || b->tabular) && mode == PRECIS_WRAP_AUTO))
			continue;
		joins[i] = mode == PRECIS_WRAP_JOIN || wrapped(a, b, width) ||
			   (own > 0 && in_run(ln, n, i, own)) ||
			   (stray && continues(ln, n, i, open_end));
	}
}
