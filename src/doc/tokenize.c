/*
 * tokenize.c - word scanning and the context's stem cache.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/text.h"
#include "base/unicode.h"
#include "context/ctx.h"
#include "doc/tokenize.h"

/* Code point at s[i] (valid UTF-8) and its length. */
static size_t cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return precis__utf8_decode((const unsigned char *)s + i, n - i, cp);
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* ASCII bytes are looked up directly: they are nearly all of real text,
 * and decoding each as a code point was a tenth of a batch's time. */
static int ascii_word(unsigned char c)
{
	return (precis__uc_ascii[c] & PRECIS__UC_WORD) != 0;
}

int precis__next_word(const char *s, size_t n, size_t pos, size_t *ws,
		      size_t *we)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t cp;
	size_t i = pos, k;
	while (i < n) {
		if (u[i] < 0x80) {
			if (ascii_word(u[i]))
				break;
			i++;
			continue;
		}
		k = cp_at(s, n, i, &cp);
		if (precis__uc_is_word((uint32_t)cp))
			break;
		i += k;
	}
	if (i >= n)
		return 0;
	*ws = i;
	while (i < n) {
		if (u[i] < 0x80 && ascii_word(u[i])) {
			i++;
			continue;
		}
		k = cp_at(s, n, i, &cp);
		if (precis__uc_is_word((uint32_t)cp)) {
			i += k;
			continue;
		}
		/* An apostrophe stays when a word character follows: don't, Xi’s. */
		int32_t next;
		if (is_apostrophe(cp) && i + k < n &&
		    (cp_at(s, n, i + k, &next), precis__uc_is_word((uint32_t)next))) {
			i += k;
			continue;
		}
		break;
	}
	*we = i;
	return 1;
}

/* The term id of a folded word (or PRECIS__STOPWORD), uncached. */
static int64_t stem_term(precis_ctx *ctx, const char *w, size_t n)
{
	if (precis__lang_is_stopword(&ctx->lang, w, n))
		return PRECIS__STOPWORD;
	size_t sl;
	const char *stem = precis__lang_stem(&ctx->lang, w, n, &sl);
	if (stem == NULL)
		return PRECIS_ERR_NOMEM;
	int64_t tid = precis__strtab_intern(&ctx->terms, stem, sl, NULL);
	return tid < 0 ? PRECIS_ERR_NOMEM : tid;
}

/*
 * The hash of a folded word in the stem cache (ctx->surface, which no one
 * else reads): 8 bytes a step over the word's buffer, zeroed past the
 * word (the callers pad it), instead of FNV's multiply per byte. Not
 * precis__hash: only this file interns or looks up in that table.
 */
static inline uint64_t surface_hash(const char *buf, size_t n)
{
	uint64_t h, w;
	if (n <= 8) { /* most words: one multiply, its high half folded down */
		memcpy(&w, buf, 8);
		h = (w ^ n) * 0x9E3779B97F4A7C15ull;
		return h ^ (h >> 31);
	}
	h = 0x9E3779B97F4A7C15ull ^ n;
	for (size_t k = 0; k < n; k += 8) {
		memcpy(&w, buf + k, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

/*
 * The term id of a folded word (hash: surface_hash() of it; 8 bytes past it
 * readable, as precis__strtab_find_padded asks), stemming and caching it
 * when new. Room for the cache entry is made before the word
 * is interned, and an entry whose stemming failed stays PRECIS__UNKNOWN,
 * so an allocation failure never leaves the cache answering wrongly.
 */
static int64_t new_term(precis_ctx *ctx, const char *w, size_t n, uint64_t hash);

/* The short-word table (ctx.h): 2^14 entries of 16 bytes, 256 KB; a
 * word's entry is the one its hash names, the last word seen there. */
#define SHORT_BITS 14
struct precis__short_word {
	uint64_t key;  /* the word's bytes, zero past it */
	uint32_t len;  /* 0: empty */
	int32_t term;  /* term id or PRECIS__STOPWORD */
};

static inline int64_t term_of(precis_ctx *ctx, const char *w, size_t n,
			      uint64_t hash)
{
	struct precis__short_word *e = NULL;
	uint64_t key = 0;
	if (n <= 8 && ctx->short_words != NULL) {
		memcpy(&key, w, 8);
		e = &ctx->short_words[hash & (((size_t)1 << SHORT_BITS) - 1)];
		if (e->len == n && e->key == key)
			return e->term;
	}
	int64_t sid = precis__strtab_find_padded(&ctx->surface, w, n, hash);
	int64_t tid = sid >= 0 && ctx->surface_term[sid] != PRECIS__UNKNOWN
		      ? ctx->surface_term[sid] : new_term(ctx, w, n, hash);
	if (n <= 8 && ctx->short_words == NULL)
		/* Made on first use; without memory, words go the long way. */
		ctx->short_words = calloc((size_t)1 << SHORT_BITS, sizeof *ctx->short_words);
	if (n <= 8 && ctx->short_words != NULL && (tid >= 0 || tid == PRECIS__STOPWORD)) {
		memcpy(&key, w, 8);
		e = &ctx->short_words[hash & (((size_t)1 << SHORT_BITS) - 1)];
		*e = (struct precis__short_word){ key, (uint32_t)n, (int32_t)tid };
	}
	return tid;
}

/* term_of() for a word the cache does not answer. */
static int64_t new_term(precis_ctx *ctx, const char *w, size_t n, uint64_t hash)
{
	if (ctx->surface.n + 1 > ctx->surface_cap &&
	    precis__grow((void **)&ctx->surface_term, &ctx->surface_cap,
			 ctx->surface.n + 1, sizeof *ctx->surface_term) != 0)
		return PRECIS_ERR_NOMEM;
	int added;
	int64_t sid = precis__strtab_intern_hashed(&ctx->surface, w, n, hash, &added);
	if (sid < 0)
		return PRECIS_ERR_NOMEM;
	if (added)
		ctx->surface_term[sid] = PRECIS__UNKNOWN;
	if (ctx->surface_term[sid] != PRECIS__UNKNOWN)
		return ctx->surface_term[sid];
	int64_t tid = stem_term(ctx, w, n);
	if (tid != PRECIS_ERR_NOMEM)
		ctx->surface_term[sid] = (int32_t)tid;
	return tid;
}

/* Appends a term id (none for a stopword). */
static inline int push_term(precis__terms *out, int64_t tid)
{
	if (tid == PRECIS__STOPWORD)
		return 0;
	if (tid < 0 || (out->n + 1 > out->cap &&
			PRECIS__VEC_RESERVE(out, out->n + 1) != 0))
		return PRECIS_ERR_NOMEM;
	out->v[out->n++] = (uint32_t)tid;
	return 0;
}

/* Folds w[0, n) and appends its term (none for a stopword). */
static int add_term(precis_ctx *ctx, const char *w, size_t n,
		    precis__terms *out)
{
	char buf[512 + 8];
	size_t m = precis__fold_word(w, n, buf, 512);
	if (m == 0)
		return 0; /* absurdly long: not a term worth matching */
	memset(buf + m, 0, 8);
	return push_term(out, term_of(ctx, buf, m, surface_hash(buf, m)));
}

/*
 * Scripts written without spaces between words (Han, kana), and Hangul,
 * whose spaced words carry particles: 1 for the first (a character holds
 * about a word's worth of text), 2 for Hangul, 0 otherwise.
 */
static int cjk_kind(int32_t cp)
{
	unsigned c = precis__uc_class((uint32_t)cp);
	return (c & PRECIS__UC_IDEO) ? 1 : (c & PRECIS__UC_HANGUL) ? 2 : 0;
}

/*
 * A run of CJK characters becomes its overlapping character bigrams, as
 * search engines index Chinese, Japanese and Korean ("北京大学" -> 北京 京大
 * 大学), so that two sentences sharing a word share a term; a single
 * character stands alone. *count grows by its characters (Han, kana) or
 * by one (a Hangul word).
 */
static int cjk_terms(precis_ctx *ctx, const char *s, size_t lo, size_t hi,
		     int kind, precis__terms *out, size_t *count)
{
	int32_t cp;
	size_t a = lo, b = lo + cp_at(s, hi, lo, &cp), chars = 1;
	int rc = b >= hi ? add_term(ctx, s + lo, hi - lo, out) : 0;
	while (rc == 0 && b < hi) {
		size_t c = b + cp_at(s, hi, b, &cp);
		rc = add_term(ctx, s + a, c - a, out);
		a = b;
		b = c;
		chars++;
	}
	*count += kind == 1 ? chars : 1;
	return rc;
}

/* The terms of the word s[ws, we): split into CJK runs and the rest. */
static int word_terms(precis_ctx *ctx, const char *s, size_t ws, size_t we,
		      precis__terms *out, size_t *count)
{
	size_t i = ws;
	while (i < we && (unsigned char)s[i] < 0xE1)
		i++;
	if (i == we) { /* no CJK character can be in it: the common case */
		(*count)++;
		return add_term(ctx, s + ws, we - ws, out);
	}
	int rc = 0;
	for (i = ws; i < we && rc == 0;) {
		int32_t cp;
		size_t j = i, l = cp_at(s, we, i, &cp);
		int kind = cjk_kind(cp);
		while (j < we && (l = cp_at(s, we, j, &cp), cjk_kind(cp) == kind))
			j += l;
		if (kind != 0) {
			rc = cjk_terms(ctx, s, i, j, kind, out, count);
		} else {
			(*count)++;
			rc = add_term(ctx, s + i, j - i, out);
		}
		i = j;
	}
	return rc;
}

/* Longest word the fast path folds; longer ones take the general path. */
#define FAST_MAX 64

/* The fast path's view of a byte: the folded byte of an ASCII word
 * character (precis__uc_ascii's: digits and letters), 1 for the
 * apostrophe, 0 for the rest (the bytes past ASCII among them).
 * check_tokenize holds it to the general path byte by byte. */
#define LOWER_RUN(c) c, c + 1, c + 2, c + 3, c + 4, c + 5, c + 6, c + 7, \
	c + 8, c + 9, c + 10, c + 11, c + 12, c + 13, c + 14, c + 15, c + 16, \
	c + 17, c + 18, c + 19, c + 20, c + 21, c + 22, c + 23, c + 24, c + 25
static const unsigned char fold_byte[256] = {
	['\''] = 1,
	['0'] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
	['A'] = LOWER_RUN('a'),
	['a'] = LOWER_RUN('a'),
};
#undef LOWER_RUN

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_WORDS 1
/* The high bit of each of w's 8 bytes that is an ASCII digit or letter:
 * range tests on the low 7 bits, which carry into no other byte. */
static inline uint64_t word_bytes8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t b = w & ~high, lo = b | (ones * 0x20);
	uint64_t letter = (lo + ones * 0x1F) & ~(lo + ones * 0x05);
	uint64_t digit = (b + ones * 0x50) & ~(b + ones * 0x46);
	return (letter | digit) & ~w & high;
}
#endif

/*
 * A word of ASCII letters and digits (apostrophes between them) that ASCII
 * or the end follows, folded into buf in the pass that finds its end, 8
 * bytes a step where it can: the end, or 0 when the word needs the
 * general path (a byte past ASCII in it or after it, a long word). u[i] is
 * an ASCII word byte. Scanning, folding and hashing each word in passes
 * of their own, a byte at a time, was a fifth of a batch's time.
 */
static size_t ascii_fold(const unsigned char *u, size_t i, size_t n,
			 char *buf, size_t *len, uint64_t *hash)
{
	const unsigned char *p = u + i, *end = u + n;
	const unsigned char *lim = n - i > FAST_MAX ? p + FAST_MAX : end;
	unsigned char *o = (unsigned char *)buf;
#ifdef SWAR_WORDS
	/* Whole chunks of word bytes; the chunk with the word's end stores
	 * its 8 bytes too (the ones past the end are zeroed below). */
	while (p + 8 <= lim) {
		const uint64_t high = 0x8080808080808080ull;
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t m = word_bytes8(w);
		uint64_t folded = w | ((m & ~(w << 2)) >> 2); /* upper: bit 5 clear */
		memcpy(o, &folded, 8);
		if (m == high) {
			o += 8;
			p += 8;
			continue;
		}
		unsigned at = (unsigned)__builtin_ctzll(~m & high) >> 3;
		o += at;
		p += at;
		break;
	}
	if (p == lim) {
		if (lim != end)
			return 0;
		goto done;
	}
#endif
	for (;;) {
		unsigned char c = *p, f = fold_byte[c];
		if (f <= 1) {
			if (c >= 0x80)
				return 0;
			/* An apostrophe stays when a word character follows
			 * (past ASCII: the general path tells). */
			if (f == 0 || p + 1 >= end)
				break;
			if (p[1] >= 0x80)
				return 0;
			if (fold_byte[p[1]] <= 1)
				break;
			f = c;
		}
		*o++ = f;
		if (++p == lim) {
			if (lim != end)
				return 0;
			break;
		}
	}
#ifdef SWAR_WORDS
done:;
#endif
	size_t k = (size_t)(o - (unsigned char *)buf);
	memset(buf + k, 0, 8); /* what the hash and the padded lookup read */
	*len = k;
	*hash = surface_hash(buf, k);
	return (size_t)(p - u);
}

int precis__tokenize(precis_ctx *ctx, const char *text, size_t start,
		     size_t end, precis__terms *out, size_t *words,
		     precis_error *err)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t ws, we, pos = start, count = 0;
	while (pos < end) {
		if (u[pos] < 0x80) {
			if (fold_byte[u[pos]] <= 1) { /* not an ASCII word byte */
				pos++;
				continue;
			}
			char buf[FAST_MAX + 8];
			size_t len, next;
			uint64_t h;
			if ((next = ascii_fold(u, pos, end, buf, &len, &h)) != 0) {
				count++;
				if (push_term(out, term_of(ctx, buf, len, h)) != 0)
					return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
				pos = next;
				continue;
			}
		}
		if (!precis__next_word(text, end, pos, &ws, &we))
			break;
		pos = we;
		if (word_terms(ctx, text, ws, we, out, &count) != 0)
			return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	}
	*words = count;
	return 0;
}

const char *precis__term_string(const precis_ctx *ctx, uint32_t id,
				size_t *len)
{
	return precis__strtab_get(&ctx->terms, id, len);
}
