/*
 * unicode.h - what a code point is: the one character-class table that the
 * segmenter (case, digits, marks, scripts without spaces), the tokenizer
 * (word characters) and ROUGE's Unicode tokenizer (word characters, one
 * token per ideograph) all read, so the stages never disagree about a
 * character. Classes come from the Unicode general category (utf8proc) and
 * from the blocks of the scripts written without spaces between words.
 */
#ifndef PRECIS_BASE_UNICODE_H
#define PRECIS_BASE_UNICODE_H

#include <stdint.h>

enum precis__uc {
	PRECIS__UC_UPPER = 1u << 0,     /* Lu, Lt */
	PRECIS__UC_LOWER = 1u << 1,     /* Ll */
	PRECIS__UC_CASELESS = 1u << 2,  /* Lm, Lo: letters without case */
	PRECIS__UC_MARK = 1u << 3,      /* Mn, Mc, Me */
	PRECIS__UC_DIGIT = 1u << 4,     /* Nd */
	PRECIS__UC_NUMBER = 1u << 5,    /* Nl, No: Roman numerals, fractions */
	PRECIS__UC_CURRENCY = 1u << 6,  /* Sc */
	PRECIS__UC_IDEO = 1u << 7,      /* Han ideographs and kana: a word each */
	PRECIS__UC_CJK_PUNCT = 1u << 8, /* CJK punctuation, full-width forms */
	PRECIS__UC_HANGUL = 1u << 9     /* Hangul: spaced words with particles */
};

#define PRECIS__UC_LETTER \
	(PRECIS__UC_UPPER | PRECIS__UC_LOWER | PRECIS__UC_CASELESS)
/* Letters, marks and numbers: what words are made of. */
#define PRECIS__UC_WORD \
	(PRECIS__UC_LETTER | PRECIS__UC_MARK | PRECIS__UC_DIGIT | PRECIS__UC_NUMBER)
/* Scripts written without spaces: a line break between two of their
 * characters stands for nothing. */
#define PRECIS__UC_NOSPACE (PRECIS__UC_IDEO | PRECIS__UC_CJK_PUNCT)

/* The classes of ASCII (a constant table) and of the rest. */
extern const unsigned char precis__uc_ascii[128];
unsigned precis__uc_class_wide(uint32_t cp);

/* The precis__uc bits of `cp` (0 for white space, punctuation, symbols and
 * anything unassigned). Inline for ASCII, which dominates real text. */
static inline unsigned precis__uc_class(uint32_t cp)
{
	return cp < 128 ? precis__uc_ascii[cp] : precis__uc_class_wide(cp);
}

/* 1 when `cp` is part of a word: a letter, a mark or a number. */
static inline int precis__uc_is_word(uint32_t cp)
{
	return (precis__uc_class(cp) & PRECIS__UC_WORD) != 0;
}

#endif
