/*
 * rules.c - per-language segmentation rules: parsing a rules file
 * (data/abbrev/<lang>.txt, format described at the top of each file), the
 * special-character table and the word hash.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "segment/internal.h"

/* Defaults of the sections a rules file may leave out. */
static const uint32_t default_stops[] = { '.', '?', '!' };
static const uint32_t default_strong[] = {
	0x3002, 0xFF01, 0xFF1F, 0xFF61, /* 。！？｡ */
	0x1362, 0x1367, 0x104B,         /* Ethiopic ። ፧, Myanmar ။ */
	0x0964, 0x0965, 0x06D4, 0x061F, /* । ॥ ۔ ؟ */
	0x0589                          /* Armenian ։ */
};
static const uint32_t default_pairs[][2] = {
	{ '(', ')' }, { '[', ']' }, { '{', '}' }, { '"', '"' }, { '\'', '\'' },
	{ 0x201C, 0x201D }, { 0x2018, 0x2019 }, { 0x00AB, 0x00BB },
	{ 0x201E, 0x201C }, { 0x201A, 0x2018 }, { 0x00BB, 0x00AB },
	{ 0x2039, 0x203A }, { 0x300C, 0x300D }, { 0x300E, 0x300F },
	{ 0x300A, 0x300B }, { 0x3008, 0x3009 }, { 0x3010, 0x3011 },
	{ 0xFF08, 0xFF09 }, { 0xFF3B, 0xFF3D }, { 0x3014, 0x3015 },
	{ '`', '\'' } /* ``TeX-style'' quotes (UD German and Russian text) */
};
static const uint32_t default_bullets[] = {
	0x2022, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x2023, 0x2043, 0x25A0,
	0x25BA, 0x25B8
};

/* Characters every language treats the same way. */
static const struct { uint32_t lo, hi; uint16_t flags; } fixed_ranges[] = {
	{ 0x00A0, 0x00A0, SC_SPACE }, { 0x2000, 0x200A, SC_SPACE },
	{ 0x202F, 0x202F, SC_SPACE }, { 0x205F, 0x205F, SC_SPACE },
	{ 0x3000, 0x3000, SC_SPACE }, { 0x200B, 0x200F, SC_INVISIBLE },
	{ 0x202A, 0x202E, SC_INVISIBLE }, { 0x2060, 0x2064, SC_INVISIBLE },
	{ 0x2066, 0x2069, SC_INVISIBLE }, { 0xFEFF, 0xFEFF, SC_INVISIBLE },
	{ '-', '-', SC_DASH }, { 0x2012, 0x2015, SC_DASH },
	{ 0x2026, 0x2026, SC_ELLIPSIS }, { 0x00BF, 0x00BF, SC_INVERTED },
	{ 0x00A1, 0x00A1, SC_INVERTED }
};

/* The section a rules-file line belongs to. */
enum sect { S_NONE, S_STOPS, S_STRONG, S_COMMAS, S_WEAK, S_PAIRS, S_BULLETS,
	    S_OPTIONS, S_TITLE, S_ABBREV, S_ENDER, S_STARTERS, S_MONTHS,
	    S_ARTICLES, S_SALUTATIONS,
	    S_COUNT_ };
static const char *const sect_names[S_COUNT_] = {
	"", "stops", "strong", "commas", "weak", "pairs", "bullets", "options",
	"title", "abbrev", "ender", "starters", "months", "articles",
	"salutations"
};

typedef struct parser {
	precis__segrules *r;
	struct { seg_special *v; size_t n, cap; } sp;
	enum sect sect;
	bool seen[S_COUNT_];
	size_t line;
	precis_error *err;
} parser;

/* ---- special characters ------------------------------------------------- */

static int add_special(parser *p, uint32_t cp, unsigned flags, uint32_t close)
{
	for (size_t i = 0; i < p->sp.n; i++) {
		seg_special *e = &p->sp.v[i];
		if (e->cp != cp)
			continue;
		e->flags |= flags;
		if ((flags & SC_OPEN) && e->close == 0)
			e->close = close;
		return 0;
	}
	if (PRECIS__VEC_RESERVE(&p->sp, p->sp.n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	p->sp.v[p->sp.n++] = (seg_special){ cp, (uint16_t)flags, close };
	return 0;
}

static int add_list(parser *p, const uint32_t *cps, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++)
		if (add_special(p, cps[i], flags, 0) != 0)
			return PRECIS_ERR_NOMEM;
	return 0;
}

static int add_pair(parser *p, uint32_t open, uint32_t close)
{
	if (add_special(p, open, SC_OPEN, close) != 0 ||
	    add_special(p, close, SC_CLOSE, 0) != 0)
		return PRECIS_ERR_NOMEM;
	return 0;
}

/* Sections left out take their defaults; fixed characters join in. */
static int add_defaults(parser *p)
{
	int rc = 0;
	if (!p->seen[S_STOPS])
		rc |= add_list(p, default_stops, 3, SC_STOP);
	if (!p->seen[S_STRONG])
		rc |= add_list(p, default_strong,
			       sizeof default_strong / sizeof *default_strong,
			       SC_STRONG);
	if (!p->seen[S_BULLETS])
		rc |= add_list(p, default_bullets,
			       sizeof default_bullets / sizeof *default_bullets,
			       SC_BULLET);
	for (size_t i = 0; !p->seen[S_PAIRS] &&
			   i < sizeof default_pairs / sizeof *default_pairs; i++)
		rc |= add_pair(p, default_pairs[i][0], default_pairs[i][1]);
	for (size_t i = 0; i < sizeof fixed_ranges / sizeof *fixed_ranges; i++)
		for (uint32_t c = fixed_ranges[i].lo; c <= fixed_ranges[i].hi; c++)
			rc |= add_special(p, c, fixed_ranges[i].flags, 0);
	return rc != 0 ? PRECIS_ERR_NOMEM : 0;
}

static int cmp_special(const void *a, const void *b)
{
	uint32_t x = ((const seg_special *)a)->cp, y = ((const seg_special *)b)->cp;
	return x < y ? -1 : x > y;
}

/* Byte classes: ASCII from the table, non-ASCII specials by lead byte. */
static void build_classes(precis__segrules *r)
{
	for (int c = 0; c < 128; c++) {
		unsigned char k = 0;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
			k |= SB_SPACE;
		k |= c == '\n' ? SB_NL : 0;
		k |= (c >= '0' && c <= '9') ? SB_DIGIT : 0;
		k |= (c >= 'A' && c <= 'Z') ? SB_UPPER : 0;
		k |= (c >= 'a' && c <= 'z') ? SB_LOWER : 0;
		r->byteclass[c] = k;
	}
	for (size_t i = 0; i < r->nspecials; i++) {
		const seg_special *e = &r->specials[i];
		if (e->cp < 128) {
			r->aflags[e->cp] = e->flags;
			if (e->flags & (SC_TERM | SC_WEAK))
				r->byteclass[e->cp] |= SB_STOP;
			if (e->flags & (SC_OPEN | SC_CLOSE))
				r->byteclass[e->cp] |= SB_PAIR;
			continue;
		}
		unsigned char b[4];
		utf8proc_encode_char((utf8proc_int32_t)e->cp, b);
		r->lead[b[0]] = 1;
		r->byteclass[b[0]] |= SB_LEAD;
	}
}

const seg_special *precis__seg_special_find(const precis__segrules *r, uint32_t cp)
{
	size_t lo = 0, hi = r->nspecials;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t c = r->specials[mid].cp;
		if (c == cp)
			return &r->specials[mid];
		if (c < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- the word hash ------------------------------------------------------ */

static size_t slot_of(const precis__segrules *r, int set, const char *s,
		      size_t n)
{
	uint64_t h = precis__hash(s, n) ^ ((uint64_t)set * 0x9E3779B97F4A7C15ull);
	size_t i = (size_t)(h ^ (h >> 29)) & (r->nslots - 1);
	for (;;) {
		const seg_slot *e = &r->slots[i];
		if (e->len == 0 || (e->set == set && e->len == n &&
				    memcmp(r->pool + e->off, s, n) == 0))
			return i;
		i = (i + 1) & (r->nslots - 1);
	}
}

static int rehash(precis__segrules *r)
{
	size_t old_n = r->nslots;
	seg_slot *old = r->slots;
	r->nslots = old_n ? old_n * 2 : 64;
	r->slots = calloc(r->nslots, sizeof *r->slots);
	if (r->slots == NULL) {
		r->slots = old;
		r->nslots = old_n;
		return PRECIS_ERR_NOMEM;
	}
	for (size_t i = 0; i < old_n; i++)
		if (old[i].len != 0)
			r->slots[slot_of(r, old[i].set, r->pool + old[i].off,
					 old[i].len)] = old[i];
	free(old);
	return 0;
}

static int add_word(precis__segrules *r, int set, int kind, const char *s,
		    size_t n)
{
	if (n == 0 || n > SEG_MAX_WORD)
		return 0;
	if ((r->nkeys + 1) * 2 > r->nslots && rehash(r) != 0)
		return PRECIS_ERR_NOMEM;
	size_t i = slot_of(r, set, s, n);
	if (r->slots[i].len != 0) {
		r->slots[i].kind = (uint8_t)kind; /* the last entry wins */
		return 0;
	}
	if (precis__grow((void **)&r->pool, &r->pool_cap, r->pool_len + n, 1) != 0)
		return PRECIS_ERR_NOMEM;
	memcpy(r->pool + r->pool_len, s, n);
	r->slots[i] = (seg_slot){ (uint32_t)r->pool_len, (uint16_t)n,
				  (uint8_t)set, (uint8_t)kind };
	r->pool_len += n;
	r->nkeys++;
	return 0;
}

/* Lower-cases s[0, n) into buf, but its first character when `keep_first`
 * ("GEN" -> "Gen"); the length, or 0 when it does not fit. */
static size_t lower(const char *s, size_t n, bool keep_first, char *buf,
		    size_t cap)
{
	size_t o = 0;
	for (size_t i = 0, l; i < n; i += l) {
		uint32_t c = seg_decode(s + i, n - i, &l);
		if (i > 0 || !keep_first)
			c = c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c)
				    : (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
		if (o + 4 > cap)
			return 0;
		o += (size_t)utf8proc_encode_char((utf8proc_int32_t)c,
						  (utf8proc_uint8_t *)buf + o);
	}
	return o;
}

static int lookup_as(const precis__segrules *r, int set, const char *s,
		     size_t n, bool keep_first)
{
	char buf[4 * SEG_MAX_WORD];
	size_t m = lower(s, n, keep_first, buf, sizeof buf);
	if (m == 0 || (m == n && memcmp(buf, s, n) == 0))
		return 0;
	size_t i = slot_of(r, set, buf, m);
	return r->slots[i].len != 0 ? r->slots[i].kind : 0;
}

/* Exact, then lower-cased ("CO." as "co."), and capitalized when asked:
 * text set in capitals ("ORAL ARGUMENT OF GEN. ELIZABETH") writes "Gen."
 * so, but "the FT. But" or "the SEC. The" are no titles. */
int precis__seg_lookup_as(const precis__segrules *r, int set, const char *s,
			  size_t n, bool capitalized)
{
	if (r->nkeys == 0 || n == 0 || n > SEG_MAX_WORD)
		return 0;
	size_t i = slot_of(r, set, s, n);
	if (r->slots[i].len != 0)
		return r->slots[i].kind;
	int kind = lookup_as(r, set, s, n, false);
	return kind != 0 || !capitalized ? kind : lookup_as(r, set, s, n, true);
}

int precis__seg_lookup(const precis__segrules *r, int set, const char *s, size_t n)
{
	return precis__seg_lookup_as(r, set, s, n, false);
}

/* ---- parsing ------------------------------------------------------------ */

static int parse_fail(parser *p, const char *what, const char *s, size_t n)
{
	int rc = precis__fail(p->err, PRECIS_ERR_PARSE,
			      "segmentation rules, line %zu: %s '%.*s'",
			      p->line, what, (int)(n > 40 ? 40 : n), s);
	if (p->err != NULL)
		p->err->line = p->line;
	return rc;
}

/* The one character an item of a character section must be. */
static int one_char(parser *p, const char *s, size_t n, uint32_t *cp)
{
	size_t l;
	*cp = seg_decode(s, n, &l);
	if (l != n || *cp == 0xFFFD)
		return parse_fail(p, "expected one character, got", s, n);
	return 0;
}

static int word_item(parser *p, const char *s, size_t n)
{
	static const int kinds[] = { [S_TITLE] = AB_TITLE,
				     [S_ABBREV] = AB_PLAIN,
				     [S_ENDER] = AB_ENDER };
	if (p->sect == S_STARTERS)
		return add_word(p->r, SET_STARTER, 1, s, n);
	if (p->sect == S_MONTHS)
		return add_word(p->r, SET_MONTH, 1, s, n);
	if (p->sect == S_ARTICLES)
		return add_word(p->r, SET_ARTICLE, 1, s, n);
	if (p->sect == S_SALUTATIONS)
		return add_word(p->r, SET_SALUTE, 1, s, n);
	if (n > 1 && s[n - 1] == '.')
		n--; /* "Mr." is stored as "Mr": the period is the candidate */
	return add_word(p->r, SET_ABBR, kinds[p->sect], s, n);
}

static int option_item(parser *p, const char *s, size_t n)
{
	if (n == 14 && memcmp(s, "roman-ordinals", n) == 0)
		p->r->options |= OPT_ROMAN_ORDINALS;
	else if (n == 14 && memcmp(s, "join-cjk-lines", n) == 0)
		p->r->options |= OPT_JOIN_CJK_LINES;
	else if (n == 12 && memcmp(s, "ordinal-dots", n) == 0)
		p->r->options |= OPT_ORDINAL_DOTS;
	else
		return parse_fail(p, "unknown option", s, n);
	return 0;
}

/* One item of the current section (pairs take their line whole). */
static int item(parser *p, const char *s, size_t n)
{
	static const unsigned char_flags[] = { [S_STOPS] = SC_STOP,
					       [S_STRONG] = SC_STRONG,
					       [S_COMMAS] = SC_COMMA,
					       [S_WEAK] = SC_WEAK,
					       [S_BULLETS] = SC_BULLET };
	uint32_t cp;
	switch (p->sect) {
	case S_NONE:
		return parse_fail(p, "entry outside a section", s, n);
	case S_STOPS: case S_STRONG: case S_COMMAS: case S_WEAK: case S_BULLETS:
		if (one_char(p, s, n, &cp) != 0)
			return PRECIS_ERR_PARSE;
		return add_special(p, cp, char_flags[p->sect], 0);
	case S_OPTIONS:
		return option_item(p, s, n);
	default:
		return word_item(p, s, n);
	}
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Splits a line into items; "# ..." after white space is a comment. */
static size_t split_items(const char *s, size_t n, const char **it,
			  size_t *len, size_t max)
{
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		while (i < n && is_blank(s[i]))
			i++;
		if (i == n || s[i] == '#')
			break;
		size_t j = i;
		while (j < n && !is_blank(s[j]))
			j++;
		it[k] = s + i;
		len[k++] = j - i;
		i = j;
	}
	return k;
}

static int section(parser *p, const char *s, size_t n)
{
	for (int i = 1; i < S_COUNT_; i++)
		if (strlen(sect_names[i]) == n - 2 &&
		    memcmp(sect_names[i], s + 1, n - 2) == 0) {
			p->sect = (enum sect)i;
			p->seen[i] = true;
			return 0;
		}
	return parse_fail(p, "unknown section", s, n);
}

static int parse_line(parser *p, const char *s, size_t n)
{
	const char *it[64];
	size_t len[64];
	size_t k = split_items(s, n, it, len, 64);
	if (k == 0)
		return 0;
	if (k == 1 && len[0] > 2 && it[0][0] == '[' && it[0][len[0] - 1] == ']')
		return section(p, it[0], len[0]);
	if (p->sect == S_PAIRS) {
		uint32_t a, b;
		if (k != 2)
			return parse_fail(p, "a pair needs two characters:", s, n);
		if (one_char(p, it[0], len[0], &a) != 0 ||
		    one_char(p, it[1], len[1], &b) != 0)
			return PRECIS_ERR_PARSE;
		return add_pair(p, a, b);
	}
	for (size_t i = 0; i < k; i++) {
		int rc = item(p, it[i], len[i]);
		if (rc != 0)
			return rc;
	}
	return k == 64 ? parse_fail(p, "too many items on the line", s, n) : 0;
}

static int parse_all(parser *p, const char *data, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - data) : len;
		p->line++;
		int rc = parse_line(p, data + i, end - i);
		if (rc != 0)
			return rc;
		i = end + 1;
	}
	int rc = add_defaults(p);
	if (rc != 0)
		return rc;
	qsort(p->sp.v, p->sp.n, sizeof *p->sp.v, cmp_special);
	p->r->specials = p->sp.v;
	p->r->nspecials = p->sp.n;
	p->sp.v = NULL;
	build_classes(p->r);
	return 0;
}

int precis__segrules_parse(precis__segrules **out, const char *data,
			   size_t len, precis_error *err)
{
	*out = NULL;
	parser p = { .err = err };
	p.r = calloc(1, sizeof *p.r);
	if (p.r == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = parse_all(&p, data, len);
	free(p.sp.v);
	if (rc != 0) {
		precis__segrules_free(p.r);
		return rc == PRECIS_ERR_NOMEM
			? precis__fail(err, PRECIS_ERR_NOMEM, NULL) : rc;
	}
	*out = p.r;
	return 0;
}

void precis__segrules_free(precis__segrules *rules)
{
	if (rules == NULL)
		return;
	free(rules->specials);
	free(rules->slots);
	free(rules->pool);
	free(rules);
}
