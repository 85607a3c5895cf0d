/*
 * html_sniff.c - which encoding a page is in.
 *
 * The order is the HTML5 one, simplified (WHATWG HTML "determining the
 * character encoding"): a byte-order mark; a <meta charset> or <meta
 * http-equiv=content-type content="...; charset=..."> found by a prescan of
 * the first bytes; the caller's hint (an HTTP Content-Type charset); then,
 * instead of the browser's locale guess, UTF-8 when the whole input is valid
 * UTF-8 and windows-1252 otherwise. Labels are normalized as the WHATWG
 * Encoding standard reads them (iso-8859-1 and ascii mean windows-1252,
 * shift_jis means Microsoft's CP932, gb2312 means GB18030, ...), so the
 * decoder sees what a browser would.
 */
#include <ctype.h>
#include <iconv.h>
#include <string.h>

#include "input/html.h"

#define PRESCAN_BYTES 4096

typedef struct {
	const char *label;
	const char *name; /* iconv name; "" = unusable (replacement/utf-7) */
} label_map;

/* The WHATWG labels whose iconv name differs from the label itself. */
static const label_map labels[] = {
	{"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"unicode11utf8", "UTF-8"}, {"unicode20utf8", "UTF-8"},
	{"x-unicode20utf8", "UTF-8"},
	{"utf-16", "UTF-16LE"}, {"unicode", "UTF-16LE"}, {"ucs-2", "UTF-16LE"},
	{"csunicode", "UTF-16LE"}, {"iso-10646-ucs-2", "UTF-16LE"},
	{"unicodefeff", "UTF-16LE"}, {"unicodefffe", "UTF-16BE"},
	{"ascii", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
	{"ansi_x3.4-1968", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
	{"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
	{"iso88591", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
	{"l1", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
	{"x-cp1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
	{"ibm819", "WINDOWS-1252"}, {"iso-ir-100", "WINDOWS-1252"},
	{"csisolatin1", "WINDOWS-1252"}, {"x-user-defined", "WINDOWS-1252"},
	{"iso-8859-9", "WINDOWS-1254"}, {"iso8859-9", "WINDOWS-1254"},
	{"latin5", "WINDOWS-1254"}, {"l5", "WINDOWS-1254"},
	{"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"},
	{"dos-874", "WINDOWS-874"},
	{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
	{"x-sjis", "CP932"}, {"ms_kanji", "CP932"}, {"ms932", "CP932"},
	{"windows-31j", "CP932"}, {"csshiftjis", "CP932"},
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
	{"chinese", "GB18030"}, {"csgb2312", "GB18030"},
	{"gb_2312-80", "GB18030"}, {"iso-ir-58", "GB18030"},
	{"cp936", "GB18030"}, {"windows-936", "GB18030"},
	{"big5", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
	{"x-x-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
	{"korean", "CP949"}, {"windows-949", "CP949"}, {"ksc5601", "CP949"},
	{"ksc_5601", "CP949"}, {"csksc56011987", "CP949"},
	{"iso-ir-149", "CP949"},
	{"x-euc-jp", "EUC-JP"}, {"cseucpkdfmtjapanese", "EUC-JP"},
	{"csiso2022jp", "ISO-2022-JP"},
	{"koi", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi8r", "KOI8-R"},
	{"cskoi8r", "KOI8-R"}, {"koi8-ru", "KOI8-U"},
	{"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"},
	{"x-mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
	/* Stateful encodings browsers refuse (XSS vectors): unusable. */
	{"utf-7", ""}, {"iso-2022-kr", ""}, {"csiso2022kr", ""},
	{"iso-2022-cn", ""}, {"iso-2022-cn-ext", ""}, {"hz-gb-2312", ""},
	{"replacement", ""},
};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether iconv can decode `name` to UTF-8 (our own decoders aside). */
static int iconv_knows(const char *name)
{
	if (!strcmp(name, PRECIS__HTML_CS_UTF8) ||
	    !strcmp(name, PRECIS__HTML_CS_UTF16LE) ||
	    !strcmp(name, PRECIS__HTML_CS_UTF16BE))
		return 1;
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

int precis__html_label(const char *label, size_t n, char name[32])
{
	char low[32];
	size_t k = 0;
	while (n && is_space((unsigned char)*label))
		label++, n--;
	while (n && is_space((unsigned char)label[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(low))
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)label[i];
		/* Only label characters: no '/' to smuggle in //TRANSLIT. */
		if (!isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':')
			return -1;
		low[k++] = (char)tolower(c);
	}
	low[k] = '\0';
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if (strcmp(low, labels[i].label) != 0)
			continue;
		if (!labels[i].name[0])
			return -1;
		strcpy(name, labels[i].name);
		return 0;
	}
	for (size_t i = 0; i <= k; i++)
		name[i] = (char)toupper((unsigned char)low[i]);
	if (!strcmp(name, "UTF-16"))
		strcpy(name, PRECIS__HTML_CS_UTF16LE);
	return iconv_knows(name) ? 0 : -1;
}

static size_t bom_of(const unsigned char *p, size_t n, char name[32])
{
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		strcpy(name, PRECIS__HTML_CS_UTF8);
		return 3;
	}
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		strcpy(name, PRECIS__HTML_CS_UTF16LE);
		return 2;
	}
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		strcpy(name, PRECIS__HTML_CS_UTF16BE);
		return 2;
	}
	return 0;
}

/* UTF-16 without a BOM betrays itself by NULs beside ASCII markup. */
static int utf16_by_nuls(const unsigned char *p, size_t n, char name[32])
{
	if (n < 4)
		return 0;
	if (p[0] && !p[1] && p[2] && !p[3]) {
		strcpy(name, PRECIS__HTML_CS_UTF16LE);
		return 1;
	}
	if (!p[0] && p[1] && !p[2] && p[3]) {
		strcpy(name, PRECIS__HTML_CS_UTF16BE);
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------- prescan */

typedef struct {
	const unsigned char *p;
	size_t i, n;
} scan;

static int starts_ci(const scan *s, const char *lit)
{
	size_t k = strlen(lit);
	if (s->n - s->i < k)
		return 0;
	for (size_t j = 0; j < k; j++)
		if (tolower(s->p[s->i + j]) != lit[j])
			return 0;
	return 1;
}

/*
 * Reads one attribute ("get an attribute" of the prescan, simplified): its
 * name and value as slices of the input. 0 at the end of the tag.
 */
static int get_attr(scan *s, const unsigned char **name, size_t *nlen,
		    const unsigned char **val, size_t *vlen)
{
	while (s->i < s->n && (is_space(s->p[s->i]) || s->p[s->i] == '/'))
		s->i++;
	if (s->i >= s->n || s->p[s->i] == '>')
		return 0;
	*name = s->p + s->i;
	while (s->i < s->n && !is_space(s->p[s->i]) && s->p[s->i] != '=' &&
	       s->p[s->i] != '>' && s->p[s->i] != '/')
		s->i++;
	*nlen = (size_t)(s->p + s->i - *name);
	*val = s->p + s->i;
	*vlen = 0;
	while (s->i < s->n && is_space(s->p[s->i]))
		s->i++;
	if (s->i >= s->n || s->p[s->i] != '=')
		return 1;
	s->i++;
	while (s->i < s->n && is_space(s->p[s->i]))
		s->i++;
	if (s->i < s->n && (s->p[s->i] == '"' || s->p[s->i] == '\'')) {
		unsigned char q = s->p[s->i++];
		*val = s->p + s->i;
		while (s->i < s->n && s->p[s->i] != q)
			s->i++;
		*vlen = (size_t)(s->p + s->i - *val);
		if (s->i < s->n)
			s->i++;
		return 1;
	}
	*val = s->p + s->i;
	while (s->i < s->n && !is_space(s->p[s->i]) && s->p[s->i] != '>')
		s->i++;
	*vlen = (size_t)(s->p + s->i - *val);
	return 1;
}

static int eq_ci(const unsigned char *a, size_t n, const char *lit)
{
	if (strlen(lit) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower(a[i]) != lit[i])
			return 0;
	return 1;
}

/* The charset named in a content-type value ("text/html; charset=x"). */
static int charset_in_content(const unsigned char *v, size_t n, char name[32])
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (!eq_ci(v + i, 7, "charset"))
			continue;
		size_t j = i + 7;
		while (j < n && is_space(v[j]))
			j++;
		if (j >= n || v[j] != '=')
			continue;
		j++;
		while (j < n && is_space(v[j]))
			j++;
		unsigned char q = (j < n && (v[j] == '"' || v[j] == '\'')) ? v[j++] : 0;
		size_t k = j;
		while (k < n && (q ? v[k] != q : !is_space(v[k]) && v[k] != ';'))
			k++;
		return precis__html_label((const char *)v + j, k - j, name);
	}
	return -1;
}

/* A <meta> tag's charset, the scanner past its name. 0 when found. */
static int meta_charset(scan *s, char name[32])
{
	const unsigned char *an, *av, *content = NULL;
	size_t anl, avl, clen = 0;
	int pragma = 0, got = -1;
	while (get_attr(s, &an, &anl, &av, &avl)) {
		if (eq_ci(an, anl, "charset") && got != 0)
			got = precis__html_label((const char *)av, avl, name);
		else if (eq_ci(an, anl, "http-equiv"))
			pragma = eq_ci(av, avl, "content-type");
		else if (eq_ci(an, anl, "content"))
			content = av, clen = avl;
	}
	if (got != 0 && pragma && content)
		got = charset_in_content(content, clen, name);
	return got;
}

/* Skips a tag's name and attributes, so values cannot fake a <meta>. */
static void skip_tag(scan *s)
{
	const unsigned char *an, *av;
	size_t anl, avl;
	while (s->i < s->n && !is_space(s->p[s->i]) && s->p[s->i] != '>')
		s->i++;
	while (get_attr(s, &an, &anl, &av, &avl))
		;
}

const char *precis__html_find(const char *p, size_t n, const char *lit,
			      size_t k)
{
	if (k == 0)
		return p;
	while (n >= k) {
		const char *c = memchr(p, lit[0], n - k + 1);
		if (!c)
			return NULL;
		if (!memcmp(c, lit, k))
			return c;
		n -= (size_t)(c + 1 - p);
		p = c + 1;
	}
	return NULL;
}

static int skip_to(scan *s, const char *lit)
{
	const void *hit = precis__html_find((const char *)s->p + s->i,
					    s->n - s->i, lit, strlen(lit));
	if (!hit)
		return -1;
	s->i = (size_t)((const unsigned char *)hit - s->p) + strlen(lit);
	return 0;
}

static int prescan(const unsigned char *p, size_t n, char name[32])
{
	scan s = {p, 0, n < PRESCAN_BYTES ? n : PRESCAN_BYTES};
	while (s.i < s.n) {
		if (s.p[s.i] != '<') {
			const void *lt = memchr(s.p + s.i, '<', s.n - s.i);
			if (!lt)
				break;
			s.i = (size_t)((const unsigned char *)lt - s.p);
			continue;
		}
		if (starts_ci(&s, "<!--")) {
			s.i += 2; /* "<!-->" closes at once */
			if (skip_to(&s, "-->") < 0)
				break;
		} else if (starts_ci(&s, "<meta") && s.i + 5 < s.n &&
			   (is_space(s.p[s.i + 5]) || s.p[s.i + 5] == '/')) {
			s.i += 5;
			if (meta_charset(&s, name) == 0)
				return 0;
		} else if (s.i + 1 < s.n && (isalpha(s.p[s.i + 1]) ||
			   (s.p[s.i + 1] == '/' && s.i + 2 < s.n &&
			    isalpha(s.p[s.i + 2])))) {
			s.i++;
			skip_tag(&s);
		} else if (s.i + 1 < s.n && (s.p[s.i + 1] == '!' ||
			   s.p[s.i + 1] == '/' || s.p[s.i + 1] == '?')) {
			if (skip_to(&s, ">") < 0)
				break;
			continue;
		} else {
			s.i++;
			continue;
		}
	}
	return -1;
}

void precis__html_sniff(const unsigned char *p, size_t n, const char *hint,
			char name[32], size_t *bom)
{
	*bom = bom_of(p, n, name);
	if (*bom || utf16_by_nuls(p, n, name))
		return;
	if (prescan(p, n, name) == 0) {
		/* A <meta> the prescan could read in ASCII is not UTF-16. */
		if (!strncmp(name, "UTF-16", 6) || !strncmp(name, "UTF-32", 6))
			strcpy(name, PRECIS__HTML_CS_UTF8);
		return;
	}
	if (hint && precis__html_label(hint, strlen(hint), name) == 0)
		return;
	strcpy(name, precis__html_utf8_valid(p, n) ? PRECIS__HTML_CS_UTF8
						   : PRECIS__HTML_CS_FALLBACK);
}
