/*
 * detect.c - which of precis's languages a text is in. A small model of
 * our own, from the data precis ships: the script of the letters decides
 * where one script is one language (Han and kana, Hangul, Greek, Armenian,
 * Tamil, Ethiopic, Myanmar) or nearly (letters only Urdu or Persian
 * writes); elsewhere the words of the text are looked up in every stopword
 * list of that script, and the list that holds most of them wins, the
 * script's most common language (English, Russian, Hindi) unless another
 * beats it clearly. Vietnamese, which has no stopword list, shows by its
 * letters with two diacritics. Languages of a shared script without a
 * list (Polish, Slovak, Bulgarian, Kazakh, Marathi...) are not detected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/resources.h"
#include "base/strtab.h"
#include "base/text.h"
#include "base/unicode.h"
#include "precis.h"

/* Bytes of a text looked at: enough words to decide, and a bound on the
 * time a long document costs. */
#define DETECT_BYTES 4096
#define DETECT_WORDS 400
/* A count of words after which a clear lead stops the count: DETECT_VOTES
 * votes for the winner, DETECT_LEAD of them ahead of the next list. */
#define DETECT_SURE 100
#define DETECT_VOTES 20.0
#define DETECT_LEAD 0.5
#define MAX_LISTS 64

enum script { SC_NONE, SC_LATIN, SC_CYRILLIC, SC_ARABIC, SC_DEVANAGARI,
	      SC_HAN, SC_KANA, SC_HANGUL, SC_GREEK, SC_ARMENIAN, SC_TAMIL,
	      SC_ETHIOPIC, SC_MYANMAR, SC_COUNT_ };

/* Each script's common language, which wins unless clearly beaten. */
static const char *const prefer[SC_COUNT_] = {
	[SC_LATIN] = "en", [SC_CYRILLIC] = "ru", [SC_ARABIC] = "ar",
	[SC_DEVANAGARI] = "hi"
};

struct precis_detector {
	precis__strtab words; /* the folded words of every list */
	uint64_t *mask;       /* word id -> the lists holding it (bit k) */
	size_t nmask;
	const char *code[MAX_LISTS];
	unsigned char script[MAX_LISTS];
	size_t nlists;
	unsigned char ascii_word[128]; /* precis__uc_is_word() of each ASCII byte */
	/* The words of up to 8 ASCII bytes again, keyed by their bytes (zero
	 * padded): most of a text's words are answered with one probe. */
	struct short_word { uint64_t key, mask; } *shorts;
	size_t nshorts, shorts_cap; /* shorts_cap: a power of 2 */
};

static size_t short_slot(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & (cap - 1);
}

/* The lists holding the short word `key`, 0 for none. */
static uint64_t short_mask(const precis_detector *d, uint64_t key)
{
	for (size_t i = short_slot(key, d->shorts_cap);; i = (i + 1) & (d->shorts_cap - 1)) {
		if (d->shorts[i].key == key)
			return d->shorts[i].mask;
		if (d->shorts[i].key == 0)
			return 0;
	}
}

static int short_add(precis_detector *d, uint64_t key, uint64_t mask)
{
	if ((d->nshorts + 1) * 2 > d->shorts_cap) {
		size_t cap = d->shorts_cap ? d->shorts_cap * 2 : 4096;
		struct short_word *t = calloc(cap, sizeof *t);
		if (t == NULL)
			return -1;
		for (size_t i = 0; i < d->shorts_cap; i++) {
			if (d->shorts[i].key == 0)
				continue;
			size_t j = short_slot(d->shorts[i].key, cap);
			while (t[j].key != 0)
				j = (j + 1) & (cap - 1);
			t[j] = d->shorts[i];
		}
		free(d->shorts);
		d->shorts = t;
		d->shorts_cap = cap;
	}
	size_t i = short_slot(key, d->shorts_cap);
	while (d->shorts[i].key != 0 && d->shorts[i].key != key)
		i = (i + 1) & (d->shorts_cap - 1);
	if (d->shorts[i].key == 0)
		d->nshorts++;
	d->shorts[i].key = key;
	d->shorts[i].mask |= mask;
	return 0;
}

/* The key of a folded word: its bytes, zero padded, when it is 1 to 8
 * ASCII bytes; else 0. */
static uint64_t short_key(const char *w, size_t n)
{
	uint64_t key = 0;
	if (n == 0 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 0x80)
			return 0;
		key |= (uint64_t)c << (8 * i);
	}
	return key;
}

/* The character at s[0, n) (n >= 1) and its length; a bad byte decodes as
 * U+FFFD of length 1: the text may not have been checked. */
static size_t decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t need = s[0] < 0x80 ? 0 : s[0] < 0xC2 ? 9 : s[0] < 0xE0 ? 1
		: s[0] < 0xF0 ? 2 : s[0] < 0xF5 ? 3 : 9;
	*cp = s[0];
	if (need == 0)
		return 1;
	if (need == 9 || need >= n) {
		*cp = 0xFFFD;
		return 1;
	}
	int32_t c = s[0] & (0x3F >> need);
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return need + 1;
}

static enum script script_of(int32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? SC_LATIN : SC_NONE;
	if (cp < 0x250)
		return (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) ? SC_LATIN : SC_NONE;
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return SC_LATIN;
	if (cp >= 0x370 && cp <= 0x3FF)
		return SC_GREEK;
	if (cp >= 0x400 && cp <= 0x52F)
		return SC_CYRILLIC;
	if (cp >= 0x530 && cp <= 0x58F)
		return SC_ARMENIAN;
	if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F))
		return SC_ARABIC;
	if (cp >= 0x900 && cp <= 0x97F)
		return SC_DEVANAGARI;
	if (cp >= 0xB80 && cp <= 0xBFF)
		return SC_TAMIL;
	if (cp >= 0x1000 && cp <= 0x109F)
		return SC_MYANMAR;
	if (cp >= 0x1200 && cp <= 0x137F)
		return SC_ETHIOPIC;
	if (cp >= 0x3040 && cp <= 0x30FF)
		return SC_KANA;
	if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF))
		return SC_HAN;
	if (cp >= 0xAC00 && cp <= 0xD7A3)
		return SC_HANGUL;
	return SC_NONE;
}

/* The script of a list: that of its first word's first letter. */
static enum script list_script(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t l = decode(s + i, n - i, &cp);
		enum script sc = script_of(cp);
		if (sc != SC_NONE)
			return sc;
		i += l;
	}
	return SC_NONE;
}

static int add_list(precis_detector *d, size_t k, const char *data, size_t len)
{
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char buf[256];
		size_t n = *p == '#' ? 0 : precis__fold_word(p, (size_t)(e - p), buf, sizeof buf);
		if (n > 0) {
			if (d->script[k] == SC_NONE)
				d->script[k] = (unsigned char)list_script(buf, n);
			int64_t id = precis__strtab_intern(&d->words, buf, n, NULL);
			size_t old = d->nmask;
			if (id < 0 || precis__grow((void **)&d->mask, &d->nmask,
						  (size_t)id + 1, sizeof *d->mask) != 0)
				return PRECIS_ERR_NOMEM;
			memset(d->mask + old, 0, (d->nmask - old) * sizeof *d->mask);
			d->mask[id] |= (uint64_t)1 << k;
			uint64_t key = short_key(buf, n);
			if (key != 0 && short_add(d, key, (uint64_t)1 << k) != 0)
				return PRECIS_ERR_NOMEM;
		}
		p = e + 1;
	}
	return 0;
}

int precis_detector_new(precis_detector **out, precis_error *err)
{
	precis__clear(err);
	if (out == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	precis_detector *d = *out = calloc(1, sizeof *d);
	if (d == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	for (uint32_t c = 0; c < 128; c++)
		d->ascii_word[c] = (unsigned char)precis__uc_is_word(c);
	const char *code, *name;
	for (size_t i = 0; (code = precis_language(i, &name, NULL)) != NULL; i++) {
		char path[64];
		snprintf(path, sizeof path, "stopwords/%s.txt", name);
		const precis__resource *r = precis__resource_find(path);
		if (r == NULL || d->nlists == MAX_LISTS)
			continue;
		d->code[d->nlists] = code;
		if (add_list(d, d->nlists++, r->data, r->len) != 0) {
			precis_detector_free(d);
			*out = NULL;
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		}
	}
	return 0;
}

void precis_detector_free(precis_detector *d)
{
	if (d == NULL)
		return;
	precis__strtab_clear(&d->words);
	free(d->mask);
	free(d->shorts);
	free(d);
}

/* What the text's letters say. */
typedef struct letters {
	size_t n[SC_COUNT_];
	size_t vietnamese; /* letters with a second diacritic: ơ ư ạ ế ... */
	size_t urdu, persian;
} letters;

static void count_letter(letters *c, int32_t cp)
{
	c->n[script_of(cp)]++;
	if ((cp >= 0x1EA0 && cp <= 0x1EF9) || cp == 0x1A1 || cp == 0x1B0 ||
	    cp == 0x1A0 || cp == 0x1AF || cp == 0x103 || cp == 0x102 ||
	    cp == 0x111 || cp == 0x110)
		c->vietnamese++;
	if (cp == 0x6D2 || cp == 0x6BA || cp == 0x679 || cp == 0x688 || cp == 0x691)
		c->urdu++; /* ے ں ٹ ڈ ڑ */
	if (cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF ||
	    cp == 0x6CC || cp == 0x6A9)
		c->persian++; /* پ چ ژ گ ی ک (Urdu writes some too) */
}

/* The ASCII letters among 8 ASCII bytes: a byte folded to lower case is
 * one when it is at least 'a' and not past 'z' (no sum carries: every
 * byte stays below 0x80 + 0x1F). */
static unsigned ascii_letters8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t y = x | ones * 0x20;
	uint64_t ge_a = y + ones * (0x80 - 'a'), gt_z = y + ones * (0x80 - 'z' - 1);
	/* a 0/1 per byte, summed into the top byte by the multiply */
	return (unsigned)((((ge_a & ~gt_z & high) >> 7) * ones) >> 56);
}

/* count_letter() over text[0, len), ASCII eight bytes a step. */
static void count_letters(letters *c, const char *text, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint64_t x;
		if (len - i >= 8 && (memcpy(&x, text + i, 8), (x & 0x8080808080808080u) == 0)) {
			c->n[SC_LATIN] += ascii_letters8(x);
			i += 8;
			continue;
		}
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80) {
			c->n[SC_LATIN] += (unsigned)((b | 0x20) - 'a') < 26;
			i++;
			continue;
		}
		int32_t cp;
		i += decode(text + i, len - i, &cp);
		count_letter(c, cp);
	}
}

static const char *by_script(const letters *c, enum script top)
{
	switch (top) {
	case SC_HAN: case SC_KANA:
		return c->n[SC_KANA] * 10 > c->n[SC_HAN] + c->n[SC_KANA] ? "ja" : "zh";
	case SC_HANGUL: return "ko";
	case SC_GREEK: return "el";
	case SC_ARMENIAN: return "hy";
	case SC_TAMIL: return "ta";
	case SC_ETHIOPIC: return "am";
	case SC_MYANMAR: return "my";
	case SC_ARABIC:
		if (c->urdu * 100 > c->n[SC_ARABIC])
			return "ur";
		return c->persian * 30 > c->n[SC_ARABIC] ? "fa" : NULL;
	case SC_LATIN:
		return c->vietnamese * 20 > c->n[SC_LATIN] ? "vi" : NULL;
	default:
		return NULL;
	}
}

/* The length of the word character at s[0, n) (n >= 1), or 0 when it is
 * none: ASCII from the detector's table, the rest decoded. */
static inline size_t word_char(const precis_detector *d, const char *s, size_t n)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80)
		return d->ascii_word[b];
	int32_t cp;
	size_t l = decode(s, n, &cp);
	return precis__uc_is_word((uint32_t)cp) ? l : 0;
}

static inline size_t char_length(const char *s, size_t n)
{
	if ((unsigned char)s[0] < 0x80)
		return 1;
	int32_t cp;
	return decode(s, n, &cp);
}

/* Adds the votes of the words of text[*at, len) to score, until `words`
 * reaches `limit`. */
static void vote(const precis_detector *d, const char *text, size_t len,
		 size_t *at, size_t *words, size_t limit, double *score)
{
	char buf[256];
	size_t i = *at;
	while (i < len && *words < limit) {
		size_t l = word_char(d, text + i, len - i);
		if (l == 0) {
			i += char_length(text + i, len - i);
			continue;
		}
		/* The word's end, and its key while it is short ASCII (folded
		 * as precis__fold_word() folds ASCII). */
		size_t j = i;
		uint64_t key = 0;
		int ascii = 1;
		while (j < len) {
			unsigned char b = (unsigned char)text[j];
			if (b < 0x80) {
				if (!d->ascii_word[b])
					break;
				if (j - i < 8)
					key |= (uint64_t)(b >= 'A' && b <= 'Z' ? b + 32 : b) << (8 * (j - i));
				j++;
			} else if ((l = word_char(d, text + j, len - j)) > 0) {
				ascii = 0;
				j += l;
			} else {
				break;
			}
		}
		uint64_t m = 0;
		if (ascii && j - i <= 8) {
			m = short_mask(d, key);
		} else {
			size_t n = precis__fold_word(text + i, j - i, buf, sizeof buf);
			int64_t id = n > 0 ? precis__strtab_find(&d->words, buf, n) : -1;
			m = id >= 0 ? d->mask[id] : 0;
		}
		/* A word in many lists ("a", "de", "la") tells little: each
		 * list holding it gets its share. */
		if (m != 0) {
			double share = 1.0 / __builtin_popcountll(m);
			for (; m != 0; m &= m - 1)
				score[__builtin_ctzll(m)] += share;
		}
		(*words)++;
		i = j;
	}
	*at = i;
}

/* The list of script `top` the scores choose (SIZE_MAX: none scored),
 * and how clearly: the lead over the next list, as a share of its score. */
static size_t decide(const precis_detector *d, const double *score,
		     enum script top, double *confidence)
{
	size_t best = SIZE_MAX, pref = SIZE_MAX;
	double second = 0.0;
	for (size_t k = 0; k < d->nlists; k++) {
		if (d->script[k] != top)
			continue;
		if (prefer[top] != NULL && strcmp(d->code[k], prefer[top]) == 0)
			pref = k;
		if (best == SIZE_MAX || score[k] > score[best]) {
			second = best == SIZE_MAX ? 0 : score[best];
			best = k;
		} else if (score[k] > second) {
			second = score[k];
		}
	}
	*confidence = 0.0;
	if (best == SIZE_MAX || score[best] <= 0.0)
		return SIZE_MAX;
	/* The script's common language wins unless clearly beaten (a short
	 * English text holds Irish "a", "is", Romanian "a", "de"...). */
	if (pref != SIZE_MAX && pref != best && score[pref] >= 0.8 * score[best]) {
		second = score[best];
		best = pref;
	}
	*confidence = score[best] > second ? (score[best] - second) / score[best] : 0.0;
	return best;
}

/* The lists of script `top` scored by the words of text[0, len): the
 * first DETECT_SURE words, and more up to DETECT_WORDS while the outcome
 * is not yet clear. */
static const char *by_words(const precis_detector *d, const char *text,
			    size_t len, enum script top, double *confidence)
{
	double score[MAX_LISTS] = { 0 };
	size_t at = 0, words = 0, best;
	for (size_t limit = DETECT_SURE;; limit += DETECT_SURE) {
		vote(d, text, len, &at, &words, limit, score);
		best = decide(d, score, top, confidence);
		if (at >= len || limit >= DETECT_WORDS ||
		    (best != SIZE_MAX && score[best] >= DETECT_VOTES &&
		     *confidence >= DETECT_LEAD))
			break;
	}
	return best == SIZE_MAX ? prefer[top] : d->code[best];
}

const char *precis_detect_language(const precis_detector *d, const char *text,
				   size_t len, double *confidence)
{
	double conf = 0.0;
	const char *code = NULL;
	if (d != NULL && text != NULL) {
		if (len > DETECT_BYTES)
			len = DETECT_BYTES;
		letters c = { { 0 }, 0, 0, 0 };
		count_letters(&c, text, len);
		enum script top = SC_NONE;
		size_t most = 0;
		for (int s = SC_LATIN; s < SC_COUNT_; s++) {
			size_t n = c.n[s] + (s == SC_HAN ? c.n[SC_KANA] : 0);
			if (n > most) {
				most = n;
				top = (enum script)s;
			}
		}
		if (top == SC_KANA)
			top = SC_HAN;
		if (top != SC_NONE) {
			code = by_script(&c, top);
			conf = 1.0;
			if (code == NULL)
				code = by_words(d, text, len, top, &conf);
		}
	}
	if (confidence != NULL)
		*confidence = code != NULL ? conf : 0.0;
	return code;
}
