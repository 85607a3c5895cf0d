/*
 * unicode.c - the character-class table (unicode.h). ASCII, which dominates
 * real text, is a table lookup (inline, unicode.h); other code points take
 * utf8proc's general category and the script blocks.
 */
#include <utf8proc.h>

#include "base/unicode.h"

#define U PRECIS__UC_UPPER
#define L PRECIS__UC_LOWER
#define D PRECIS__UC_DIGIT
const unsigned char precis__uc_ascii[128] = {
	['$'] = PRECIS__UC_CURRENCY,
	['0'] = D, D, D, D, D, D, D, D, D, D,
	['A'] = U, U, U, U, U, U, U, U, U, U, U, U, U,
		U, U, U, U, U, U, U, U, U, U, U, U, U,
	['a'] = L, L, L, L, L, L, L, L, L, L, L, L, L,
		L, L, L, L, L, L, L, L, L, L, L, L, L,
};
#undef U
#undef L
#undef D

/* Han (with its extensions and compatibility block) and kana: scripts
 * whose words are not separated by spaces, so each character is a token
 * of its own for ROUGE and a line break between two of them joins without
 * a space. The blocks' punctuation is classed apart (cjk_punct). */
static int ideographic(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||  /* hiragana, katakana */
	       c == 0x3005 ||                   /* ideographic iteration mark */
	       (c >= 0xFF66 && c <= 0xFF9F) ||  /* half-width katakana */
	       (c >= 0x31F0 && c <= 0x31FF) ||  /* katakana extensions */
	       (c >= 0x3400 && c <= 0x4DBF) ||  /* Han extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||  /* Han */
	       (c >= 0xF900 && c <= 0xFAFF) ||  /* compatibility Han */
	       (c >= 0x20000 && c <= 0x3FFFF);  /* Han supplements */
}

static int cjk_punct(uint32_t c)
{
	return (c >= 0x3001 && c <= 0x303F) ||  /* CJK symbols, punctuation */
	       (c >= 0xFF01 && c <= 0xFF65);    /* full-width forms */
}

static unsigned category(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return PRECIS__UC_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return PRECIS__UC_LOWER;
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return PRECIS__UC_CASELESS;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return PRECIS__UC_MARK;
	case UTF8PROC_CATEGORY_ND:
		return PRECIS__UC_DIGIT;
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return PRECIS__UC_NUMBER;
	case UTF8PROC_CATEGORY_SC:
		return PRECIS__UC_CURRENCY;
	default:
		return 0;
	}
}

unsigned precis__uc_class_wide(uint32_t cp)
{
	if (cp < 128)
		return precis__uc_ascii[cp];
	if (cp > 0x10FFFF)
		return 0;
	unsigned c = category(cp);
	if (ideographic(cp))
		c |= PRECIS__UC_IDEO;
	else if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
		 (cp >= 0x3130 && cp <= 0x318F))
		c |= PRECIS__UC_HANGUL;
	else if (cjk_punct(cp))
		c |= PRECIS__UC_CJK_PUNCT;
	return c;
}
