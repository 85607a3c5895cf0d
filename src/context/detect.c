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
#define MAX_LISTS 64

enum script { SC_NONE, SC_LATIN, SC_CYRILLIC, SC_ARABIC, SC_DEVANAGARI,
	      SC_HAN, SC_KANA, SC_HANGUL, SC_GREEK, SC_ARMENIAN, SC_TAMIL,
	      SC_ETHIOPIC, SC_MYANMAR, SC_COUNT_ };

struct precis_detector {
	precis__strtab words; /* the folded words of every list */
	uint64_t *mask;       /* word id -> the lists holding it (bit k) */
	size_t nmask;
	const char *code[MAX_LISTS];
	unsigned char script[MAX_LISTS];
	size_t nlists;
};

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

/* The lists of script `top` scored by the words of text[0, len). */
static const char *by_words(const precis_detector *d, const char *text,
			    size_t len, enum script top, double *confidence)
{
	static const char *const prefer[SC_COUNT_] = {
		[SC_LATIN] = "en", [SC_CYRILLIC] = "ru", [SC_ARABIC] = "ar",
		[SC_DEVANAGARI] = "hi"
	};
	double score[MAX_LISTS] = { 0 };
	size_t words = 0;
	char buf[256];
	for (size_t i = 0; i < len && words < DETECT_WORDS;) {
		int32_t cp;
		size_t l = decode(text + i, len - i, &cp);
		if (!precis__uc_is_word((uint32_t)cp)) {
			i += l;
			continue;
		}
		size_t j = i;
		while (j < len && (l = decode(text + j, len - j, &cp), precis__uc_is_word((uint32_t)cp)))
			j += l;
		size_t n = precis__fold_word(text + i, j - i, buf, sizeof buf);
		int64_t id = n > 0 ? precis__strtab_find(&d->words, buf, n) : -1;
		/* A word in many lists ("a", "de", "la") tells little: each
		 * list holding it gets its share. */
		double share = id >= 0 ? 1.0 / __builtin_popcountll(d->mask[id]) : 0.0;
		for (size_t k = 0; id >= 0 && k < d->nlists; k++)
			if ((d->mask[id] >> k) & 1)
				score[k] += share;
		words++;
		i = j;
	}
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
	if (best == SIZE_MAX || score[best] <= 0.0) {
		*confidence = 0.0;
		return prefer[top];
	}
	/* The script's common language wins unless clearly beaten (a short
	 * English text holds Irish "a", "is", Romanian "a", "de"...). */
	if (pref != SIZE_MAX && pref != best && score[pref] >= 0.8 * score[best]) {
		second = score[best];
		best = pref;
	}
	*confidence = score[best] > second ? (score[best] - second) / score[best] : 0.0;
	return d->code[best];
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
		for (size_t i = 0; i < len;) {
			int32_t cp;
			size_t l = decode(text + i, len - i, &cp);
			count_letter(&c, cp);
			i += l;
		}
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
