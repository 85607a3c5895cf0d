/*
 * porter.c - the Porter stemmer as ROUGE-1.5.5 runs it with -m.
 *
 * ROUGE ships the Perl "Release 1" Porter stemmer with one change, so the
 * original algorithm (Porter 1980; libstemmer's "porter") gives different
 * stems for some words. The rules, as that version applies them:
 *
 * - Words shorter than 3 letters are left alone. An initial y is a
 *   consonant; elsewhere y is a vowel after a consonant and a consonant
 *   after a vowel. Any other byte that is not a, e, i, o, u (digits too) is
 *   a consonant. m is the number of vowel-consonant sequences.
 * - 1a: sses -> ss, ies -> i, else a final s after a non-s is dropped.
 * - 1b: eed -> ee when m > 0 before it (and nothing else when m = 0); else
 *   ed or ing is dropped when a vowel precedes it, then at/bl/iz gain an e,
 *   a double consonant other than l, s, z loses one, and a whole word of the
 *   shape consonants-vowel-consonant (last not w, x, y) gains an e.
 * - 1c: a final y becomes i when a vowel precedes it.
 * - 2 and 3: the longest listed suffix is replaced when m > 0 before it.
 *   Step 2's list has the "bli" -> "ble" and "logi" -> "log" rules of the
 *   Release 1 code rather than the paper's "abli".
 * - 4 (changed by ROUGE's author): the longest suffix among al ance ence er
 *   ic able ible ant ement ou ism ate iti ous ive ize is dropped when m > 1
 *   before it; then, on the result, ment is dropped when m > 1; then ent is
 *   dropped when m > 1, or else (when the word does not end in ent) ion
 *   after s or t. Unlike the paper, these tests cascade.
 * - 5: a final e is dropped when m > 1, or m = 1 and the rest is not of the
 *   consonants-vowel-consonant shape; then ll -> l when m > 1.
 */
#include <string.h>

#include "rouge/internal.h"

static int is_aeiou(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Whether w[i] is a consonant; an initial y counts as one. */
static int cons(const char *w, size_t i)
{
	if (is_aeiou(w[i]))
		return 0;
	if (w[i] == 'y' && i > 0)
		return !cons(w, i - 1);
	return 1;
}

/* m of w[0, n): the number of vowel-consonant sequences. */
static int measure(const char *w, size_t n)
{
	size_t i = 0;
	int m = 0;
	while (i < n && cons(w, i))
		i++;
	for (;;) {
		while (i < n && !cons(w, i))
			i++;
		if (i >= n)
			return m;
		while (i < n && cons(w, i))
			i++;
		m++;
	}
}

static int has_vowel(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!cons(w, i))
			return 1;
	return 0;
}

/* The whole of w[0, n) is consonants, one vowel, a consonant not w/x/y. */
static int cvc_word(const char *w, size_t n)
{
	if (n < 3 || is_aeiou(w[0]))
		return 0;
	for (size_t i = 1; i + 2 < n; i++)
		if (is_aeiou(w[i]) || w[i] == 'y')
			return 0;
	char v = w[n - 2], c = w[n - 1];
	return (is_aeiou(v) || v == 'y') && !is_aeiou(c) && c != 'w' &&
	       c != 'x' && c != 'y';
}

static int ends(const char *w, size_t n, const char *s)
{
	size_t k = strlen(s);
	return n >= k && memcmp(w + n - k, s, k) == 0;
}

typedef struct rule {
	const char *from, *to;
} rule;

static const rule rules2[] = {
	{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
	{ "anci", "ance" },   { "izer", "ize" },	{ "bli", "ble" },
	{ "alli", "al" },     { "entli", "ent" },	{ "eli", "e" },
	{ "ousli", "ous" },   { "ization", "ize" }, { "ation", "ate" },
	{ "ator", "ate" },    { "alism", "al" },	{ "iveness", "ive" },
	{ "fulness", "ful" }, { "ousness", "ous" }, { "aliti", "al" },
	{ "iviti", "ive" },   { "biliti", "ble" },	{ "logi", "log" },
	{ NULL, NULL }
};

static const rule rules3[] = {
	{ "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
	{ "ical", "ic" },  { "ful", "" },   { "ness", "" },    { NULL, NULL }
};

static const rule rules4[] = {
	{ "al", "" },	 { "ance", "" }, { "ence", "" }, { "er", "" },
	{ "ic", "" },	 { "able", "" }, { "ible", "" }, { "ant", "" },
	{ "ement", "" }, { "ou", "" },	 { "ism", "" },	 { "ate", "" },
	{ "iti", "" },	 { "ous", "" },	 { "ive", "" },	 { "ize", "" },
	{ NULL, NULL }
};

/* The longest rule whose suffix ends w[0, n), or NULL. */
static const rule *longest(const rule *rules, const char *w, size_t n)
{
	const rule *best = NULL;
	for (const rule *r = rules; r->from != NULL; r++)
		if (ends(w, n, r->from) &&
		    (best == NULL || strlen(r->from) > strlen(best->from)))
			best = r;
	return best;
}

/* Replaces the suffix of rule r when m of the rest exceeds min_m. */
static size_t apply(char *w, size_t n, const rule *r, int min_m)
{
	if (r == NULL)
		return n;
	size_t stem = n - strlen(r->from), k = strlen(r->to);
	if (measure(w, stem) <= min_m)
		return n;
	memcpy(w + stem, r->to, k);
	return stem + k;
}

/* Drops suffix s when m of the rest is > 1. */
static size_t drop_m1(char *w, size_t n, const char *s)
{
	size_t stem = n - strlen(s);
	return measure(w, stem) > 1 ? stem : n;
}

static size_t step1ab(char *w, size_t n)
{
	if (ends(w, n, "sses") || ends(w, n, "ies"))
		n -= 2;
	else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
		n--;
	if (ends(w, n, "eed"))
		return measure(w, n - 3) > 0 ? n - 1 : n;
	size_t cut = ends(w, n, "ed") ? 2 : ends(w, n, "ing") ? 3 : 0;
	if (cut == 0 || !has_vowel(w, n - cut))
		return n;
	n -= cut;
	if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz")) {
		w[n] = 'e';
		return n + 1;
	}
	char c = w[n - 1];
	if (n >= 2 && c == w[n - 2] && !is_aeiou(c) && !strchr("ylsz", c))
		return n - 1;
	if (cvc_word(w, n))
		w[n++] = 'e';
	return n;
}

static size_t step4(char *w, size_t n)
{
	const rule *r = longest(rules4, w, n);
	if (r != NULL)
		n = drop_m1(w, n, r->from);
	if (ends(w, n, "ment"))
		n = drop_m1(w, n, "ment");
	if (ends(w, n, "ent"))
		n = drop_m1(w, n, "ent");
	else if (ends(w, n, "sion") || ends(w, n, "tion"))
		n = drop_m1(w, n, "ion");
	return n;
}

static size_t step5(char *w, size_t n)
{
	if (n > 0 && w[n - 1] == 'e') {
		int m = measure(w, n - 1);
		if (m > 1 || (m == 1 && !cvc_word(w, n - 1)))
			n--;
	}
	if (ends(w, n, "ll") && measure(w, n) > 1)
		n--;
	return n;
}

size_t precis__rouge_porter(char *w, size_t n)
{
	if (n < 3)
		return n;
	int upper_y = w[0] == 'y';
	if (upper_y)
		w[0] = 'Y'; /* a consonant in every rule below */
	n = step1ab(w, n);
	if (n > 0 && w[n - 1] == 'y' && has_vowel(w, n - 1))
		w[n - 1] = 'i';
	n = apply(w, n, longest(rules2, w, n), 0);
	n = apply(w, n, longest(rules3, w, n), 0);
	n = step4(w, n);
	n = step5(w, n);
	if (upper_y)
		w[0] = 'y';
	return n;
}
