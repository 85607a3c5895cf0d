/*
 * internal.h - what the segment_*.c files share; never installed.
 *
 * The segmenter works on blocks: runs of lines of one paragraph that belong
 * together (one line, unless lines are joined). A block is scanned twice:
 * pass 1 (pairs.c) matches quotes and brackets and finds list
 * markers; pass 2 (scan.c) decides each candidate boundary with the
 * language's rules (rules.c). segment.c cuts the input into blocks
 * and turns the cuts into units.
 */
#ifndef PRECIS_SEGMENT_INT_H
#define PRECIS_SEGMENT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/internal.h"
#include "base/unicode.h"
#include "segment/segment.h"

/* ---- characters --------------------------------------------------------- */

/* Classes of bytes, from precis__segrules.byteclass. */
enum {
	SB_SPACE = 1u << 0, /* ASCII white space but '\n' */
	SB_NL = 1u << 1,    /* '\n' */
	SB_STOP = 1u << 2,  /* ASCII terminator of the language */
	SB_PAIR = 1u << 3,  /* ASCII quote or bracket */
	SB_LEAD = 1u << 4,  /* first byte of a special non-ASCII character */
	SB_DIGIT = 1u << 5,
	SB_UPPER = 1u << 6,
	SB_LOWER = 1u << 7
};

/* Roles of special characters (seg_special.flags). */
enum {
	SC_STOP = 1u << 0,      /* terminator that needs space after it: . ? ! */
	SC_STRONG = 1u << 1,    /* terminator that ends a sentence at once: 。 */
	SC_COMMA = 1u << 2,     /* Arabic comma: ends unless the next word does */
	SC_OPEN = 1u << 3,      /* opens a quote or bracket pair */
	SC_CLOSE = 1u << 4,     /* closes one */
	SC_BULLET = 1u << 5,    /* list bullet */
	SC_ELLIPSIS = 1u << 6,  /* … */
	SC_DASH = 1u << 7,      /* - – — */
	SC_SPACE = 1u << 8,     /* non-ASCII white space (NBSP, ideographic) */
	SC_INVISIBLE = 1u << 9, /* format characters (bidi marks, ZWSP) */
	SC_INVERTED = 1u << 10, /* ¿ ¡: opens a sentence, pairs with nothing */
	SC_WEAK = 1u << 11,     /* ends a sentence only before a capital: ; */
	SC_TERM = SC_STOP | SC_STRONG | SC_COMMA
};

typedef struct seg_special {
	uint32_t cp;
	uint16_t flags;
	uint32_t close; /* for SC_OPEN: the character that closes it */
} seg_special;

/* Letter case classes (precis__seg_cclass). */
enum { CC_OTHER, CC_UPPER, CC_LOWER, CC_CASELESS, CC_DIGIT, CC_MARK };

/* Decodes the UTF-8 character at s[0, n), n >= 1. Bad bytes decode as
 * U+FFFD of length 1, so a scan always advances. */
static inline uint32_t seg_decode(const char *str, size_t n, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0];
	size_t need = c < 0x80 ? 0 : c < 0xC2 ? 9 : c < 0xE0 ? 1 : c < 0xF0 ? 2
		: c < 0xF5 ? 3 : 9;
	if (need == 0 || need == 9 || need >= n) {
		*len = 1;
		return need == 0 ? c : 0xFFFD;
	}
	c &= 0x3Fu >> need;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*len = need + 1;
	return c;
}

/* The start of the character that ends just before `pos` (> lo). */
static inline size_t seg_prev(const char *t, size_t lo, size_t pos)
{
	size_t p = pos - 1;
	while (p > lo && pos - p < 4 && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* The letter case class of `cp` (the shared table of base/unicode.h). */
static inline int precis__seg_cclass(uint32_t cp)
{
	unsigned c = precis__uc_class(cp);
	return c & PRECIS__UC_UPPER ? CC_UPPER
	     : c & PRECIS__UC_LOWER ? CC_LOWER
	     : c & PRECIS__UC_CASELESS ? CC_CASELESS
	     : c & PRECIS__UC_DIGIT ? CC_DIGIT
	     : c & PRECIS__UC_MARK ? CC_MARK : CC_OTHER;
}

/* Scripts written without spaces between words: a line break between two
 * of their characters stands for nothing. */
static inline bool precis__seg_is_cjk(uint32_t cp)
{
	return (precis__uc_class(cp) & PRECIS__UC_NOSPACE) != 0;
}

/* ---- rules -------------------------------------------------------------- */

/* Word sets of the rules file, and the kinds of abbreviations. */
enum { SET_ABBR = 1, SET_STARTER, SET_MONTH, SET_ARTICLE, SET_SALUTE };
enum {
	AB_NONE = 0,
	AB_TITLE,  /* precedes a name or number: never ends a sentence */
	AB_PLAIN,  /* ends a sentence only before a capitalized word */
	AB_ENDER   /* ends a sentence only before a sentence starter */
};
/* Options of the rules file. */
enum { OPT_ROMAN_ORDINALS = 1u << 0, OPT_JOIN_CJK_LINES = 1u << 1,
       OPT_ORDINAL_DOTS = 1u << 2 };

typedef struct seg_slot {
	uint32_t off;  /* key in pool */
	uint16_t len;  /* 0: empty slot */
	uint8_t set, kind;
} seg_slot;

struct precis__segrules {
	unsigned char byteclass[256];
	unsigned char lead[256];  /* lead byte of some special character */
	uint16_t aflags[128];     /* seg_special flags of the ASCII characters */
	seg_special *specials;    /* sorted by cp */
	size_t nspecials;
	seg_slot *slots;          /* open addressing, power of two */
	size_t nslots, nkeys;
	char *pool;
	size_t pool_len, pool_cap;
	unsigned options;
};

/* The special character `cp`, or NULL. */
const seg_special *precis__seg_special_find(const precis__segrules *r, uint32_t cp);
/* Flags of `cp` (0 for an ordinary character). */
static inline unsigned seg_flags(const precis__segrules *r, uint32_t cp)
{
	if (cp < 128)
		return r->aflags[cp];
	const seg_special *sp = precis__seg_special_find(r, cp);
	return sp != NULL ? sp->flags : 0;
}
/* The kind (set SET_ABBR) or 1 (other sets) of word s[0, n), 0 if absent.
 * Exact match first, then lower-cased against lower-case entries. */
int precis__seg_lookup(const precis__segrules *r, int set, const char *s, size_t n);
/* The same, trying "Gen" for "GEN" too when `capitalized`. */
int precis__seg_lookup_as(const precis__segrules *r, int set, const char *s,
			  size_t n, bool capitalized);

/* ---- scanning a block --------------------------------------------------- */

#define SEG_MAX_WORD 64   /* longer tokens are never abbreviations */
#define SEG_MAX_PAIR 400  /* longest quote or bracket that protects */
#define SEG_STACK 32      /* depth of open quotes and brackets tracked */

typedef struct seg_span { size_t lo, hi; } seg_span;
/* A list marker: cut before `cut`, no boundary inside [cut, skip). */
typedef struct seg_marker { size_t cut, skip; } seg_marker;
typedef struct seg_open { size_t pos; uint32_t close; } seg_open;
/* A possible list marker ("2.", "b)", a bullet) before pass 1 decides. */
typedef struct seg_cand {
	size_t cut, skip;
	unsigned value;  /* number, or letter - 'a' */
	unsigned char type; /* CAND_NUMBER, CAND_LETTER or CAND_BULLET */
	bool first;      /* at the start of the block */
} seg_cand;
enum { CAND_NUMBER, CAND_LETTER, CAND_BULLET, CAND_CUT /* always kept */ };

typedef struct seg_scan {
	const precis__segrules *r;
	const char *t;
	size_t bs, be;     /* the block [bs, be) */
	size_t unit;       /* start of the current unit (pass 2) */
	struct { seg_span *v; size_t n, cap; } prot;   /* protected spans */
	struct { size_t *v; size_t n, cap; } closes;    /* matched closers */
	struct { seg_marker *v; size_t n, cap; } marks; /* list markers */
	struct { seg_cand *v; size_t n, cap; } cand;    /* marker candidates */
	struct { size_t *v; size_t n, cap; } cuts;      /* boundaries */
	seg_open stack[SEG_STACK];
	size_t depth;
	size_t addr_at;    /* pass 2: the last period looked at for an address */
	bool addr_mark;    /* and whether its token held an address mark */
} seg_scan;

int precis__seg_pass1(seg_scan *s);
/* Records a candidate marker (pass 1). */
int precis__seg_add_cand(seg_scan *s, size_t cut, size_t skip, unsigned value,
			 int type);
/* The ends of flattened lines at p, the start of a word (flat.c). */
int precis__seg_flat(seg_scan *s, size_t p);
int precis__seg_pass2(seg_scan *s);

/* The word after a candidate boundary, past opening quotes and dots. */
typedef struct seg_word {
	size_t lo, hi;  /* letters and digits, at most SEG_MAX_WORD bytes */
	int cc;         /* class of its first character (CC_OTHER: none) */
	bool dash;      /* a dash comes first: "бар? — деді" */
	bool dot;       /* a period follows it: "Mr." */
} seg_word;
/* The token before a period, without quotes and brackets around it. */
typedef struct seg_tok {
	size_t lo, hi;
	bool longtok;   /* longer than SEG_MAX_WORD: a URL, never an abbreviation */
} seg_tok;
/* Token classes (beyond AB_TITLE, AB_PLAIN, AB_ENDER). */
enum { TK_WORD = 8, TK_URL, TK_NUMBER, TK_ROMAN };

void precis__seg_next_word(const seg_scan *s, size_t k, seg_word *w);
bool precis__seg_word_in(const seg_scan *s, const seg_word *w, int set);
void precis__seg_prev_token(const seg_scan *s, size_t i, seg_tok *tk);
int precis__seg_classify(const seg_scan *s, const seg_tok *tk);
/* Is the word that ends before the white space before `pos` one of `set`
 * ("im" in "im 6. Stock")? */
bool precis__seg_prev_word_in(const seg_scan *s, size_t pos, int set);
/* Tokens in [s->unit, pos), counted up to `max`. */
size_t precis__seg_words_before(const seg_scan *s, size_t pos, size_t max);

/* Helpers over text, for both passes (chars.c). */
bool precis__seg_space_at(const seg_scan *s, size_t i, size_t *len);
size_t precis__seg_skip_space(const seg_scan *s, size_t i);
bool precis__seg_protected(const seg_scan *s, size_t b);
bool precis__seg_is_close(const seg_scan *s, size_t pos);

#endif
