/*
 * marker.c - list markers and quote marks at a unit's start (marker.h).
 */
#include <string.h>

#include "summary/marker.h"

/* The bullets lines.c takes for list items, as UTF-8. */
static const char *const bullets[] = {
	"\xE2\x80\xA2", /* U+2022 • */
	"\xE2\x80\xA3", /* U+2023 ‣ */
	"\xE2\x81\x83", /* U+2043 ⁃ */
	"\xE2\x96\xAA", /* U+25AA ▪ */
	"\xE2\x97\x8F", /* U+25CF ● */
	"\xE2\x97\xA6", /* U+25E6 ◦ */
	NULL
};

/* Bytes of the mark at s (without its space): "*", "+", "-", ">" or a
 * bullet; 0 when none. A dash that opens speech (–, —) is the sentence's,
 * and so is a number ("1. FC Köln", "3. Oktober" open German sentences),
 * so numbered items keep theirs. */
static size_t mark_at(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (memchr("*+->", s[0], 4) != NULL)
		return 1;
	for (size_t b = 0; bullets[b] != NULL; b++)
		if (len >= 3 && memcmp(s, bullets[b], 3) == 0)
			return 3;
	return 0;
}

size_t precis__lead_marker(const char *s, size_t len)
{
	size_t at = 0;
	for (;;) {
		size_t m = mark_at(s + at, len - at);
		if (m == 0 || at + m >= len || (s[at + m] != ' ' && s[at + m] != '\t'))
			break;
		at += m;
		while (at < len && (s[at] == ' ' || s[at] == '\t'))
			at++;
	}
	return at < len ? at : 0;
}
