/*
 * srcmap.h - where the text the pipeline reads came from. The input stage
 * rewrites a document (line ends, wrapped lines joined, markup removed,
 * another encoding converted), yet offsets reported to users point into
 * the bytes they gave: a map leads from each offset of the text back to an
 * offset of the source.
 *
 * Two layers compose. Pieces map the text to the UTF-8 form of the source:
 * from piece k's text offset on, bytes map one for one from its source
 * offset, up to the next piece; a text without pieces is the source itself.
 * An encoding table maps that UTF-8 form to the source bytes when the
 * source was in another encoding: the source length of every character,
 * with a checkpoint every few hundred characters.
 */
#ifndef PRECIS_INPUT_SRCMAP_H
#define PRECIS_INPUT_SRCMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct precis__piece {
	size_t t; /* text offset where the piece starts */
	size_t s; /* the source offset it maps to */
} precis__piece;

typedef struct precis__pieces {
	precis__piece *v; /* ascending t */
	size_t n, cap;
} precis__pieces;

/* Text offset t maps to source offset s from here on. Pieces come in
 * ascending t; one that changes nothing is not stored. 0 or
 * PRECIS_ERR_NOMEM. */
int precis__pieces_add(precis__pieces *p, size_t t, size_t s);
/* Appends s[0, n) to the text buf[0, *len) (grown as needed, kept
 * NUL-terminated), mapped to source offset `from` on: what the format
 * readers write their text with. 0 or PRECIS_ERR_NOMEM. */
int precis__text_append(precis__pieces *p, char **buf, size_t *len, size_t *cap,
			const char *s, size_t n, size_t from);
/* The source offset of text offset t. */
size_t precis__pieces_map(const precis__pieces *p, size_t t);
/* Forgets the pieces from text offset t on (the text was cut back). */
void precis__pieces_truncate(precis__pieces *p, size_t t);
void precis__pieces_free(precis__pieces *p);

/* Character lengths in the source encoding, for converted sources. */
#define PRECIS__ENC_STEP 256 /* characters between checkpoints */

typedef struct precis__encmap {
	int converted;       /* 0: the UTF-8 form is the source itself */
	size_t base;         /* source bytes before the first character (BOM) */
	unsigned char *len;  /* per character: UTF-8 bytes - 1 in the low two
				bits, source bytes (at most 63) above */
	size_t nchars, cap;
	size_t *mark_u;      /* UTF-8 offset of character k * STEP */
	size_t *mark_s;      /* its source offset */
	size_t nmarks, mark_cap;
	size_t u_end, s_end; /* totals, for appending */
} precis__encmap;

/* Appends one character: `ulen` bytes of UTF-8 from `slen` source bytes. */
int precis__encmap_add(precis__encmap *e, size_t ulen, size_t slen);
/* The source offset of UTF-8 offset u (of the converted text), and when
 * `slen` is not NULL the source bytes of the character there. */
size_t precis__encmap_map(const precis__encmap *e, size_t u, size_t *slen);
void precis__encmap_free(precis__encmap *e);

#endif
