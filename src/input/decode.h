/*
 * decode.h - the source bytes as UTF-8: a byte order mark (UTF-8, UTF-16
 * and UTF-32 ones) decides the encoding unless one is named; a named one
 * is converted through iconv; UTF-8 is checked and, when lenient, invalid
 * sequences are replaced by U+FFFD. The result keeps a map back to the
 * source offsets.
 */
#ifndef PRECIS_INPUT_DECODE_H
#define PRECIS_INPUT_DECODE_H

#include <stddef.h>

#include "input/srcmap.h"
#include "precis.h"

typedef struct precis__utf8 {
	const char *text;      /* the UTF-8 text: `owned`, or borrowed from the
				  source when it was valid UTF-8 already */
	size_t len;
	char *owned;           /* NUL-terminated when set */
	size_t repairs;        /* sequences replaced by U+FFFD */
	precis__pieces pieces; /* repaired UTF-8: text -> source offsets */
	precis__encmap enc;    /* converted: text -> source offsets */
} precis__utf8;

/*
 * Decodes src[0, len). `encoding` NULL means UTF-8 unless a BOM says
 * otherwise; a name iconv does not know fails with PRECIS_ERR_ARG. Bytes
 * invalid in the encoding fail with PRECIS_ERR_UTF8 at their source offset
 * unless `lenient`. The UTF-8 BOM is not part of the text.
 */
int precis__decode(precis__utf8 *out, const char *src, size_t len,
		   const char *encoding, int lenient, precis_error *err);
/* The same for bytes that continue a stream: no byte order mark. */
int precis__decode_continued(precis__utf8 *out, const char *src, size_t len,
			     int lenient, precis_error *err);
/* The source offset of offset u of out->text; with `clen` (the UTF-8
 * length of the character at u) not 0, *end gets the source offset after
 * that character. */
size_t precis__decode_map(const precis__utf8 *d, size_t u, size_t clen,
			  size_t *end);
void precis__decode_free(precis__utf8 *d);

#endif
