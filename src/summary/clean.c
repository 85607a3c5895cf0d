/*
 * clean.c - page furniture in scraped news (see clean.h). Matching is on
 * words folded to ASCII lower case, so "PUBLISHED: 12:52 EST" and the
 * PTB-tokenized "published : 12:52 est" look alike; nothing keys on
 * tokenization artifacts. English patterns only: the corpora that carry
 * this furniture are English, and elsewhere the patterns simply never match.
 */
#include <string.h>

#include "doc/tokenize.h"
#include "summary/clean.h"

#define LEAD_WORDS 6 /* leading words kept for phrase matching */
#define WORD_MAX 16  /* longer words are kept truncated: none of ours is */
#define CREDIT_WORDS 20 /* the longest credit line */

typedef struct words {
	char lead[LEAD_WORDS][WORD_MAX];
	size_t n;        /* words in the unit, counted up to a limit + 1 */
	size_t pos;      /* where the scan goes on */
	int stamp_only;  /* every word belongs to a date or time stamp */
	int stamp_cue;   /* a month, a time zone, "published" or "updated" */
	int has_digit;
} words;

/* Whether w is in `list` (alphabetical). */
static int in_list(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL && list[i][0] <= w[0]; i++)
		if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Words that mark a time stamp, and the glue between them; each list in
 * alphabetical order: in_list() stops past its word's first letter. */
static const char *const stamp_cues[] = {
	"apr", "april", "aug", "august", "bst", "cdt", "cst", "dec",
	"december", "edt", "est", "feb", "february", "gmt", "jan", "january",
	"jul", "july", "june", "mar", "march", "may", "nov", "november",
	"oct", "october", "pdt", "pst", "published", "sep", "sept",
	"september", "updated", "utc", NULL
};
static const char *const stamp_glue[] = {
	"am", "at", "friday", "jun", "last", "monday", "on", "pm", "saturday",
	"sunday", "thursday", "tuesday", "wednesday", NULL
};

static void fold(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < WORD_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	out[k] = '\0';
}

static void add_word(words *w, const char *s, size_t n)
{
	if (!w->stamp_only && w->n >= LEAD_WORDS) {
		w->n++; /* only counted */
		return;
	}
	char f[WORD_MAX];
	fold(s, n, f);
	if (w->n < LEAD_WORDS)
		memcpy(w->lead[w->n], f, WORD_MAX);
	w->n++;
	/* Once a word is no stamp word the unit is no stamp: skip the lists
	 * (they were most of the time spent on a long document). */
	if (!w->stamp_only)
		return;
	int digit = f[0] >= '0' && f[0] <= '9';
	int cue = in_list(f, stamp_cues);
	w->has_digit |= digit;
	w->stamp_cue |= cue;
	if (!digit && !cue && !in_list(f, stamp_glue))
		w->stamp_only = 0;
}

static void scan_start(words *w)
{
	memset(w, 0, sizeof *w);
	w->stamp_only = 1;
}

/* Scans on until more than `limit` words are counted (to the end while
 * every word may belong to a stamp). */
static void scan(const char *s, size_t len, words *w, size_t limit)
{
	size_t ws, we;
	while ((w->stamp_only || w->n <= limit) &&
	       precis__next_word(s, len, w->pos, &ws, &we)) {
		add_word(w, s + ws, we - ws);
		w->pos = we;
	}
}

/* The unit starts with the words of `phrase` (space-separated). */
static int starts_with(const words *w, const char *phrase)
{
	size_t i = 0;
	while (*phrase != '\0') {
		const char *sp = strchr(phrase, ' ');
		size_t n = sp ? (size_t)(sp - phrase) : strlen(phrase);
		if (i >= w->n || i >= LEAD_WORDS ||
		    strlen(w->lead[i]) != n || memcmp(w->lead[i], phrase, n) != 0)
			return 0;
		i++;
		phrase += n + (sp != NULL);
	}
	return 1;
}

/* Link and widget text: the phrase and the longest unit it may open. */
static const struct {
	const char *phrase;
	size_t max_words;
} openers[] = {
	{ "scroll down for video", 40 }, { "scroll down for videos", 40 },
	{ "scroll down to see", 40 },    { "scroll down to watch", 40 },
	{ "click here", 40 },            { "read more", 20 },
	{ "e mail to a friend", 10 },    { "email to a friend", 10 },
	{ "share this article", 10 },    { "all rights reserved", 10 },
	{ "copyright", 12 },
};

/* "CNN's Jane Doe contributed to this report." credits, not content. */
static int is_credit(const char *s, size_t len, const words *w)
{
	static const char *const tails[] = { "contributed to this report",
					     "contributed reporting",
					     "contributed to this story" };
	if (w->n > CREDIT_WORDS)
		return 0;
	/* Every tail starts with a 'c': memchr finds the places to compare
	 * (a byte-by-byte strncmp at every offset was a tenth of a batch). */
	const char *end = s + len;
	for (const char *p = s; p < end && (p = memchr(p, 'c', (size_t)(end - p))) != NULL; p++)
		for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
			size_t n = strlen(tails[i]);
			if ((size_t)(end - p) >= n && memcmp(p, tails[i], n) == 0)
				return 1;
		}
	return 0;
}

/* The rules, word by word (see precis__is_furniture). */
static int furniture(const char *s, size_t len)
{
	words w;
	scan_start(&w);
	scan(s, len, &w, LEAD_WORDS);
	if (w.n == 0)
		return 0;
	/* Count the words only as far as a rule that may still match asks:
	 * a credit's, or an opener's the unit starts with. */
	size_t need = CREDIT_WORDS;
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
		if (openers[i].max_words > need && starts_with(&w, openers[i].phrase))
			need = openers[i].max_words;
	scan(s, len, &w, need);
	if (w.stamp_only && w.stamp_cue && w.has_digit)
		return 1;
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
		if (w.n <= openers[i].max_words && starts_with(&w, openers[i].phrase))
			return 1;
	return is_credit(s, len, &w);
}

/* Whether a unit whose first word folds to f may be a stamp (a digit, a
 * cue or glue) or open with an opener's phrase. */
static int may_lead(const char *f)
{
	if ((f[0] >= '0' && f[0] <= '9') || in_list(f, stamp_cues) ||
	    in_list(f, stamp_glue))
		return 1;
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
		const char *p = openers[i].phrase;
		size_t k = 0;
		while (f[k] != '\0' && f[k] == p[k])
			k++;
		if (f[k] == '\0' && (p[k] == ' ' || p[k] == '\0'))
			return 1;
	}
	return 0;
}

/* Whether "contributed", which every credit tail starts with, occurs. */
static int has_contributed(const char *s, size_t len)
{
	static const char cue[] = "contributed";
	const size_t n = sizeof cue - 1;
	const char *end = s + len;
	for (const char *p = s; (size_t)(end - p) >= n &&
	     (p = memchr(p, 'c', (size_t)(end - p) - n + 1)) != NULL; p++)
		if (memcmp(p, cue, n) == 0)
			return 1;
	return 0;
}

/* A sign-off: "-- " and a name, with an address or a date (the trailer of
 * each entry of a Debian changelog, a mail's signature line). Prose that
 * a dash opens starts with one dash, or with a dash a wrap brought down
 * and the input stage joined back. */
#define SIGNOFF_WORDS 16
static int is_signoff(const char *s, size_t len)
{
	size_t i = 0, nwords = 0;
	while (i < len && s[i] == ' ')
		i++;
	if (len - i < 3 || s[i] != '-' || s[i + 1] != '-' || s[i + 2] != ' ')
		return 0;
	for (size_t ws, we; nwords <= SIGNOFF_WORDS && precis__next_word(s, len, i, &ws, &we); i = we)
		nwords++;
	return nwords > 0 && nwords <= SIGNOFF_WORDS;
}

/*
 * Nearly every unit is ruled out by its first word and a look for a
 * credit's "contributed": the rules word by word cost a sixth of a batch
 * (a unit's first 21 words scanned, folded and looked up in the lists).
 */
int precis__is_furniture(const char *s, size_t len)
{
	if (is_signoff(s, len))
		return 1;
	size_t ws, we;
	if (!precis__next_word(s, len, 0, &ws, &we))
		return 0;
	char f[WORD_MAX];
	fold(s + ws, we - ws, f);
	if (!may_lead(f) && !has_contributed(s, len))
		return 0;
	return furniture(s, len);
}
