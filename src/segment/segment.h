/*
 * segment.h - splits text into paragraphs, standalone lines and sentences.
 *
 * Input is valid UTF-8 (the doc module checks it) without a BOM. Spans are
 * byte offsets into that input, trimmed of surrounding white space. Noise
 * (lines or pieces of only punctuation or markers: "+", "[…]", "***")
 * produces no unit unless kept. Linear in the input.
 */
#ifndef PRECIS_SEGMENT_H
#define PRECIS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

/* Per-language rules: abbreviations, terminators, quote pairs. Immutable once
 * built, so one copy may serve many threads. */
typedef struct precis__segrules precis__segrules;

/* Parses a rules file (data/abbrev/<lang>.txt); len 0 gives generic rules. */
int precis__segrules_parse(precis__segrules **out, const char *data,
			   size_t len, precis_error *err);
void precis__segrules_free(precis__segrules *rules);

/* 24 bytes: a 100 MB document holds 800,000 of them. */
typedef struct precis__unit {
	size_t start, end;   /* byte span [start, end) */
	uint32_t paragraph;  /* 0-based, counts paragraphs that hold units
				(past 2^32 - 1, some 12 GB of text, the text
				fails with PRECIS_ERR_LIMIT) */
	unsigned char kind;  /* PRECIS_UNIT_SENTENCE or PRECIS_UNIT_LINE */
} precis__unit;

typedef struct precis__units {
	precis__unit *v;
	size_t n, cap;
	size_t paragraphs; /* paragraphs that hold units other than noise */
} precis__units;

/* PRECIS__SEG_KEEP_NOISE: noise becomes units of kind PRECIS_UNIT_NOISE
 * and omission marks stay in their sentence, so that every non-space
 * character is in a unit; a noise unit takes the index of the paragraph
 * it is in without counting it, so the other units' paragraphs do not
 * change. */
enum { PRECIS__SEG_JOIN_LINES = 1u << 0, PRECIS__SEG_KEEP_NOISE = 1u << 1 };

/* The segmenter's flags for a document's PRECIS_DOC_* flags. */
static inline unsigned precis__seg_flags(unsigned doc_flags)
{
	return ((doc_flags & PRECIS_DOC_JOIN_LINES) ? PRECIS__SEG_JOIN_LINES : 0) |
	       ((doc_flags & PRECIS_DOC_KEEP_NOISE) ? PRECIS__SEG_KEEP_NOISE : 0);
}

/* Appends the units of text[0, len) to `out` (which the caller zeroes). */
int precis__segment(const precis__segrules *rules, const char *text,
		    size_t len, unsigned flags, precis__units *out,
		    precis_error *err);
void precis__units_free(precis__units *units);
/*
 * The end of the last blank line of t[0, len) (0 when none): text before it
 * segments alone exactly as within the whole. Scanning starts at *from, a
 * line start, and *from moves to the start of the last incomplete line so a
 * growing buffer is scanned once.
 */
size_t precis__segment_cut(const precis__segrules *r, const char *t,
			   size_t len, size_t *from);


#endif
