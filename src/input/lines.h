/*
 * lines.h - plain text as lines and paragraphs, with what the wrap
 * detector (wrap.c) asks of each line: its width in columns, its
 * indentation, its first word, how it ends and how it starts.
 */
#ifndef PRECIS_INPUT_LINES_H
#define PRECIS_INPUT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PRECIS__MARK_NONE, PRECIS__MARK_DASH, PRECIS__MARK_NUMBER,
       PRECIS__MARK_BULLET };

typedef struct precis__line {
	size_t lo, hi;      /* content: [lo, hi), without the line break */
	size_t next;        /* start of the next line */
	size_t cols;        /* width in columns (tabs to multiples of 8) */
	size_t indent;      /* leading white space, in columns */
	size_t first_word;  /* columns of the first word (up to a space) */
	bool blank;         /* nothing but white space */
	bool terminal;      /* ends in . ! ? (closing quotes aside) */
	bool colon;         /* ends in : or ; */
	bool comma;         /* ends in a comma */
	bool lower;         /* starts (after the indentation) in lower case */
	bool upper;         /* starts in upper case */
	bool list;          /* starts a list item: "- ", "* ", "1.", "a)", a bullet */
	bool quoted;        /* starts with '>', quoted mail */
	unsigned char marker; /* its kind: PRECIS__MARK_DASH ("- ", "– "),
				 _NUMBER ("19. ", "a) ") or _BULLET */
	bool marker_upper;  /* the word after the marker is capitalized */
	unsigned char hyphen; /* ends in a lower-case letter and a hyphen
				 ("docu-"; U+2010 and the soft hyphen, which
				 man pages and word processors break words
				 with, too): the hyphen's bytes, else 0 */
	bool tabular;       /* a row of columns or a table of contents: dot
			       leaders, or two gaps of three spaces or more */
	bool nospace_end;   /* ends in a character of a script without spaces */
	bool nospace_start; /* starts with one */
} precis__line;

/* A bullet that opens a list item: • ‣ ⁃ ▪ ● ◦. */
bool precis__is_bullet(int32_t cp);

/* The line starting at `pos` of t[0, len) and its facts. */
precis__line precis__line_at(const char *t, size_t len, size_t pos);
/* Only its span and whether it is blank (the other facts zero): cheap,
 * for scanning. */
precis__line precis__line_span(const char *t, size_t len, size_t pos);
/* Fills in the other facts of a line from precis__line_span(). */
void precis__line_facts(const char *t, precis__line *ln);

#endif
