/*
 * entity.c - character references (entity.h). Numeric ones are decoded
 * whole; of the 2,000-odd named ones, those prose uses: quotes, dashes,
 * spaces, the marks of Latin-1 and a few symbols. Another name is kept as
 * written: visible, so nothing is lost silently.
 */
#include <stdint.h>
#include <string.h>

#include "base/text.h"
#include "input/entity.h"

static const struct { const char *name; uint32_t cp; } names[] = {
	{ "AElig", 0xC6 }, { "Aacute", 0xC1 }, { "Agrave", 0xC0 }, { "Auml", 0xC4 },
	{ "Ccedil", 0xC7 }, { "Eacute", 0xC9 }, { "Egrave", 0xC8 }, { "Ntilde", 0xD1 },
	{ "Oacute", 0xD3 }, { "Ouml", 0xD6 }, { "Uuml", 0xDC }, { "aacute", 0xE1 },
	{ "acirc", 0xE2 }, { "aelig", 0xE6 }, { "agrave", 0xE0 }, { "amp", '&' },
	{ "apos", '\'' }, { "aring", 0xE5 }, { "atilde", 0xE3 }, { "auml", 0xE4 },
	{ "bdquo", 0x201E }, { "bull", 0x2022 }, { "ccedil", 0xE7 }, { "cent", 0xA2 },
	{ "copy", 0xA9 }, { "dagger", 0x2020 }, { "deg", 0xB0 }, { "eacute", 0xE9 },
	{ "ecirc", 0xEA }, { "egrave", 0xE8 }, { "emsp", 0x2003 }, { "ensp", 0x2002 },
	{ "euml", 0xEB }, { "euro", 0x20AC }, { "frac12", 0xBD }, { "gt", '>' },
	{ "hellip", 0x2026 }, { "iacute", 0xED }, { "icirc", 0xEE }, { "iexcl", 0xA1 },
	{ "iquest", 0xBF }, { "iuml", 0xEF }, { "laquo", 0xAB }, { "ldquo", 0x201C },
	{ "lsaquo", 0x2039 }, { "lsquo", 0x2018 }, { "lt", '<' }, { "mdash", 0x2014 },
	{ "middot", 0xB7 }, { "nbsp", 0xA0 }, { "ndash", 0x2013 }, { "ntilde", 0xF1 },
	{ "oacute", 0xF3 }, { "ocirc", 0xF4 }, { "ograve", 0xF2 }, { "ouml", 0xF6 },
	{ "para", 0xB6 }, { "pound", 0xA3 }, { "quot", '"' }, { "raquo", 0xBB },
	{ "rdquo", 0x201D }, { "reg", 0xAE }, { "rsaquo", 0x203A }, { "rsquo", 0x2019 },
	{ "sbquo", 0x201A }, { "sect", 0xA7 }, { "shy", 0xAD }, { "szlig", 0xDF },
	{ "thinsp", 0x2009 }, { "times", 0xD7 }, { "trade", 0x2122 }, { "uacute", 0xFA },
	{ "ucirc", 0xFB }, { "ugrave", 0xF9 }, { "uuml", 0xFC }, { "yen", 0xA5 },
	{ "zwj", 0x200D }, { "zwnj", 0x200C },
};

/* "#233" or "#xE9" (without '&' and ';'); 0 when malformed. */
static uint32_t numeric(const char *s, size_t n)
{
	int hex = n > 1 && (s[1] == 'x' || s[1] == 'X');
	size_t i = hex ? 2 : 1;
	uint32_t v = 0;
	if (i >= n || n - i > 7)
		return 0;
	for (; i < n; i++) {
		char c = s[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			   : hex && c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			   : hex && c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 99;
		if (d == 99)
			return 0;
		v = v * (hex ? 16 : 10) + d;
	}
	/* CommonMark: 0, surrogates and values past Unicode are U+FFFD. */
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	return v;
}

size_t precis__entity(const char *s, size_t n, char *out)
{
	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	s++;
	n -= 2;
	if (s[0] == '#') {
		uint32_t cp = numeric(s, n);
		return cp ? precis__utf8_encode(cp, out) : 0;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n && memcmp(names[i].name, s, n) == 0)
			return precis__utf8_encode(names[i].cp, out);
	return 0;
}
