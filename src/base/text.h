/*
 * text.h - the byte level: UTF-8 validation and repair, BOM, and the folding
 * of a word to the form terms are matched on (NFC + case fold, utf8proc).
 */
#ifndef PRECIS_TEXT_H
#define PRECIS_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length of a leading UTF-8 byte order mark (3 or 0). */
size_t precis__bom_len(const char *s, size_t n);

/* 1 when s[0, n) is valid UTF-8, else 0 with the first bad byte's offset. */
int precis__utf8_valid(const char *s, size_t n, size_t *bad);

/* Length of the valid UTF-8 sequence at s (n bytes left, n > 0), or 0 when
 * the bytes there are invalid. */
size_t precis__utf8_seq(const unsigned char *s, size_t n);
/* Bytes of the maximal invalid subpart at s (at least 1). */
size_t precis__utf8_bad_run(const unsigned char *s, size_t n);

/*
 * A malloc'd copy of s[0, n) with each invalid sequence (a maximal invalid
 * subpart, as Unicode recommends) replaced by U+FFFD; *repairs counts them.
 * 0 or PRECIS_ERR_NOMEM.
 */
int precis__utf8_repair(const char *s, size_t n, char **out, size_t *outlen,
			size_t *repairs);

/* Bytes in the UTF-8 sequence starting at s[0] (valid input), 1 to 4. */
static inline size_t precis__utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Writes the UTF-8 form of code point cp (at most U+10FFFF) to out (room
 * for 4 bytes); returns its length. */
size_t precis__utf8_encode(uint32_t cp, char *out);

/* Decodes the valid sequence at s (n bytes available); returns its length. */
size_t precis__utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/*
 * Writes the NFC case-folded form of the word w[0, n) to out (cap bytes);
 * returns its length, or 0 when it does not fit. Curly apostrophes become
 * ASCII ones so "don’t" and "don't" are one term. No allocation.
 */
size_t precis__fold_word(const char *w, size_t n, char *out, size_t cap);

#endif
