/*
 * marker.h - the list marker or quote mark a plain-text unit starts with
 * ("* ", "- ", "• ", "> "). It belongs to the list or the
 * quoted mail around the unit, not to the sentence: a digest, which shows
 * the sentence without its list, leaves it off, as the Markdown reader
 * leaves off Markdown's. split keeps it (split is lossless).
 */
#ifndef PRECIS_MARKER_H
#define PRECIS_MARKER_H

#include <stddef.h>

/* How many bytes of s[0, len) (valid UTF-8) are such marks and the spaces
 * after them; 0 when none, or when nothing but them would be left. */
size_t precis__lead_marker(const char *s, size_t len);

#endif
