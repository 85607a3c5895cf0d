/*
 * detect.c - which format an input is when the caller says "auto": the
 * file name's extension when it names one, else the content. HTML shows
 * itself in its first tags. Markdown is only taken on strong evidence —
 * several kinds of its syntax — because reading plain text as Markdown
 * loses text (an indented paragraph becomes a code block), while reading
 * Markdown as text merely keeps a few marks.
 */
#include <string.h>
#include <strings.h>

#include "input/input.h"

#define SNIFF ((size_t)64 << 10) /* the content read for a verdict */

static const struct { const char *ext; int format; } extensions[] = {
	{ "md", PRECIS_INPUT_MARKDOWN },    { "markdown", PRECIS_INPUT_MARKDOWN },
	{ "mdown", PRECIS_INPUT_MARKDOWN }, { "mkd", PRECIS_INPUT_MARKDOWN },
	{ "mkdn", PRECIS_INPUT_MARKDOWN },  { "mdwn", PRECIS_INPUT_MARKDOWN },
	{ "html", PRECIS_INPUT_HTML },      { "htm", PRECIS_INPUT_HTML },
	{ "xhtml", PRECIS_INPUT_HTML },     { "shtml", PRECIS_INPUT_HTML },
	{ "txt", PRECIS_INPUT_TEXT },       { "text", PRECIS_INPUT_TEXT },
	{ "srt", PRECIS_INPUT_SUBTITLES },  { "vtt", PRECIS_INPUT_SUBTITLES },
};

/* The format a file name's extension names; a gzip suffix is looked past
 * (README.md.gz is Markdown: the command line reads it decompressed). */
static int by_extension(const char *name)
{
	const char *slash = strrchr(name, '/'), *base = slash ? slash + 1 : name;
	size_t end = strlen(base);
	if (end > 3 && strcasecmp(base + end - 3, ".gz") == 0)
		end -= 3;
	size_t dot = end;
	while (dot > 0 && base[dot - 1] != '.')
		dot--;
	if (dot <= 1) /* no extension, or a dot file's name */
		return PRECIS_INPUT_AUTO;
	for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
		if (strlen(extensions[i].ext) == end - dot &&
		    strncasecmp(base + dot, extensions[i].ext, end - dot) == 0)
			return extensions[i].format;
	return PRECIS_INPUT_AUTO;
}

static int starts_ci(const char *s, size_t n, const char *with)
{
	size_t m = strlen(with);
	return n >= m && strncasecmp(s, with, m) == 0;
}

/* "<!DOCTYPE html", "<html", or a <head>/<body> among the first tags. */
static int looks_html(const char *t, size_t len)
{
	size_t i = 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
		i++;
	if (starts_ci(t + i, len - i, "<!doctype html") || starts_ci(t + i, len - i, "<html"))
		return 1;
	if (i >= len || t[i] != '<')
		return 0;
	size_t end = len < i + 1024 ? len : i + 1024;
	for (size_t k = i; k + 5 < end; k++)
		if (t[k] == '<' && (starts_ci(t + k, end - k, "<head") ||
				    starts_ci(t + k, end - k, "<body")))
			return 1;
	return 0;
}

/* How many of l[0, n) are in `set` (bounded, unlike strspn). */
static size_t span(const char *l, size_t n, const char *set)
{
	size_t i = 0;
	while (i < n && l[i] != '\0' && strchr(set, l[i]) != NULL)
		i++;
	return i;
}

enum { SIG_HEADING = 1, SIG_SETEXT = 2, SIG_LINK = 4, SIG_FENCE = 8,
       SIG_EMPHASIS = 16, SIG_TABLE = 32 };

static unsigned line_signals(const char *l, size_t n, size_t prev_len)
{
	unsigned s = 0;
	size_t h = 0;
	while (h < n && h < 7 && l[h] == '#')
		h++;
	if (h >= 1 && h <= 6 && h < n && l[h] == ' ' && h + 1 < n)
		s |= SIG_HEADING;
	if (n >= 3 && prev_len > 0 && (l[0] == '=' || l[0] == '-') &&
	    span(l, n, l[0] == '=' ? "=" : "-") == n)
		s |= SIG_SETEXT;
	if (n >= 3 && (memcmp(l, "```", 3) == 0 || memcmp(l, "~~~", 3) == 0))
		s |= SIG_FENCE;
	if (n >= 5 && l[0] == '|' && memchr(l, '-', n) && span(l, n, "|-: ") == n)
		s |= SIG_TABLE;
	/* Most lines of prose hold none of the inline marks: memchr finds
	 * that faster than a look at every byte. */
	if (n <= 3)
		return s;
	/* Each mark is looked at where memchr finds it (i + 3 < n), not
	 * byte by byte: prose with a stray '*' was a thirtieth of a batch. */
	const size_t lim = n - 3;
	const char *p;
	for (p = l; (p = memchr(p, ']', lim - (size_t)(p - l))) != NULL; p++)
		if (p[1] == '(' && memchr(l, '[', (size_t)(p - l))) {
			s |= SIG_LINK;
			break;
		}
	for (p = l; (p = memchr(p, '*', lim - (size_t)(p - l))) != NULL; p++)
		if (p[1] == '*' && p[2] != ' ' && memchr(p + 2, '*', n - (size_t)(p - l) - 2)) {
			s |= SIG_EMPHASIS;
			break;
		}
	for (p = l; !(s & SIG_EMPHASIS) &&
	     (p = memchr(p, '`', lim - (size_t)(p - l))) != NULL; p++)
		if (p[1] != '`' && memchr(p + 1, '`', n - (size_t)(p - l) - 1)) {
			s |= SIG_EMPHASIS;
			break;
		}
	return s;
}

static int looks_markdown(const char *t, size_t len)
{
	unsigned seen = 0;
	size_t prev = 0, end = len < SNIFF ? len : SNIFF;
	for (size_t pos = 0; pos < end;) {
		const char *nl = memchr(t + pos, '\n', end - pos);
		size_t n = (nl ? (size_t)(nl - t) : end) - pos;
		if (n > 0 && t[pos + n - 1] == '\r')
			n--;
		seen |= line_signals(t + pos, n, prev);
		prev = n;
		pos += n + 1 + (nl && t[pos + n] == '\r');
	}
	int kinds = 0;
	for (unsigned b = seen; b; b &= b - 1)
		kinds++;
	/* Headings with links, code or emphasis; not one stray '#'. */
	return kinds >= 2 && (seen & (SIG_HEADING | SIG_SETEXT | SIG_FENCE | SIG_TABLE));
}

const char *precis__input_binary(const char *src, size_t len)
{
	static const struct { const char *magic; size_t n; const char *what; } kinds[] = {
		{ "%PDF-", 5, "a PDF document (pdftotext FILE - makes text of it)" },
		{ "PK\x03\x04", 4, "a ZIP archive (a .docx, .odt or .epub is one: "
				  "save it as text, Markdown or HTML)" },
		{ "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
		  "an old Office document (save it as text, Markdown or HTML)" },
		{ "{\\rtf", 5, "an RTF document (save it as text, Markdown or HTML)" },
		{ "\x89PNG", 4, "a PNG image" },
		{ "\xFF\xD8\xFF", 3, "a JPEG image" },
		{ "GIF8", 4, "a GIF image" },
		{ "\x7F""ELF", 4, "a program" },
		{ "\x1F\x8B", 2, "gzip data (zcat decompresses it)" },
		{ "\xFD""7zXZ", 5, "xz data (xzcat decompresses it)" },
		{ "BZh", 3, NULL }, /* bzip2, checked below: "BZh" opens words */
		{ "\x28\xB5\x2F\xFD", 4, "zstd data (zstdcat decompresses it)" },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (len < kinds[i].n || memcmp(src, kinds[i].magic, kinds[i].n) != 0)
			continue;
		if (kinds[i].what != NULL)
			return kinds[i].what;
		/* bzip2: "BZh", a block size digit, then the block magic. */
		if (len >= 10 && src[3] >= '1' && src[3] <= '9' &&
		    memcmp(src + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0)
			return "bzip2 data (bzcat decompresses it)";
	}
	return NULL;
}

int precis__input_is_html(const char *name, const char *text, size_t len)
{
	int f = name != NULL ? by_extension(name) : PRECIS_INPUT_AUTO;
	return f != PRECIS_INPUT_AUTO ? f == PRECIS_INPUT_HTML : looks_html(text, len);
}

int precis__input_detect(const char *name, const char *text, size_t len)
{
	int f = name != NULL ? by_extension(name) : PRECIS_INPUT_AUTO;
	if (f != PRECIS_INPUT_AUTO)
		return f;
	if (looks_html(text, len))
		return PRECIS_INPUT_HTML;
	if (precis__looks_subtitles(text, len))
		return PRECIS_INPUT_SUBTITLES;
	return looks_markdown(text, len) ? PRECIS_INPUT_MARKDOWN : PRECIS_INPUT_TEXT;
}
