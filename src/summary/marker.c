/*
 * marker.c - list markers and quote marks at a unit's start (marker.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/text.h"
#include "input/lines.h"
#include "summary/marker.h"

/* Bytes of the mark at s (without its space): "*", "+", "-", ">" or a
 * bullet of a list item (precis__is_bullet); 0 when none. A dash that
 * opens speech (–, —) is the sentence's, and so is a number ("1. FC
 * Köln", "3. Oktober" open German sentences), so numbered items keep
 * theirs. */
static size_t mark_at(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (memchr("*+->", s[0], 4) != NULL)
		return 1;
	int32_t cp;
	size_t n = precis__utf8_decode((const unsigned char *)s, len, &cp);
	return n > 1 && precis__is_bullet(cp) ? n : 0;
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
