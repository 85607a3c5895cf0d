/*
 * wrap.h - hard-wrap detection in plain text: which line breaks inside a
 * paragraph a program made to fit a width (and are joined) and which an
 * author made (a headline, a list item, a line of an address or a poem).
 */
#ifndef PRECIS_INPUT_WRAP_H
#define PRECIS_INPUT_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "input/lines.h"

/*
 * The wrap width of t[0, len): the width most wrapped lines reach, from
 * the paragraphs that start in the first WRAP_SAMPLE bytes (so a stream
 * split chunk by chunk finds the width the whole text gives); 0 when the
 * text does not look wrapped at all.
 */
#define PRECIS__WRAP_SAMPLE ((size_t)64 << 10)
size_t precis__wrap_width(const char *t, size_t len);

/*
 * For the n lines of one paragraph (no blank line among them): joins[i]
 * when the break after line i is a wrap (i < n - 1), starts[i] when line
 * i begins a paragraph of its own though no blank line precedes it (an
 * indented first line). `mode` is a precis_wrap; `open_end` when the
 * paragraph's last sentence goes on past its last line (over a page break).
 */
void precis__wrap_decide(const precis__line *ln, size_t n, size_t width,
			 int mode, bool open_end, bool *joins, bool *starts);

#endif
