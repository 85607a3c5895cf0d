/*
 * internal.h - internals of the ROUGE module (src/rouge/); never installed.
 *
 * Flow of one pair: each text (candidate, references) is split into lines,
 * cut to the length limit the way ROUGE-1.5.5 cuts it (limit.c),
 * tokenized (tok.c: 1.5.5's byte rules; utok.c: Unicode) and
 * each token mapped to a term id through the lexicon (lex.c:
 * stopwords, WordNet exceptions, 1.5.5's Porter variant in porter.c
 * or Snowball, all cached per context; base/strtab.c interns strings).
 * The pair's term ids are then renumbered densely (pair.c) so that
 * counting needs no hash of strings: n-grams and skip bigrams
 * (gram.c), union LCS and WLCS (lcs.c, bit-parallel for
 * candidate sentences of up to 64 tokens). score.c turns counts into
 * 1.5.5's rounded R/P/F; eval.c and rand48.c reproduce its
 * bootstrap averages.
 *
 * Cross-file functions carry the precis__rouge_ prefix (kept out of the ABI
 * by the export regex); types are rouge_*.
 */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "base/internal.h"
#include "base/strtab.h"
#include "context/stem.h"

#define ROUGE_NONE UINT32_MAX       /* no id */
#define ROUGE_DROP (UINT32_MAX - 1) /* a token that is dropped (stopword) */
#define ROUGE_MAX_METRICS (PRECIS_ROUGE_MAX_N + 4)

/* ---- lexicon: token -> term id (lex.c) ----------------------------- */

typedef struct rouge_lex {
	precis__strtab vocab;  /* tokens and terms seen so far */
	uint32_t *term;      /* vocab id -> term id, ROUGE_NONE until known */
	size_t term_cap;
	precis__strtab exc;   /* WordNet exceptions: inflected and base forms */
	uint32_t *exc_base;  /* exc id -> exc id of its base, or ROUGE_NONE */
	size_t exc_base_cap;
	precis__strtab stop;  /* stopwords */
	precis__stemmer *stemmer; /* Snowball (unicode tokenizer) or NULL */
	int porter;          /* ROUGE-1.5.5's Porter variant (porter.c) */
	size_t min_stem;     /* shortest token that is stemmed, in bytes */
	int use_stop;
	int use_exc;         /* WordNet exceptions before the stemmer (1.5.5) */
	char *fold;          /* scratch: the token being lower-cased */
	size_t fold_cap;
	char *sbuf;          /* scratch: the token being stemmed */
	size_t sbuf_cap;
} rouge_lex;

int precis__rouge_lex_init(rouge_lex *lx, const precis_rouge_options *o,
			   precis_error *err);
void precis__rouge_lex_free(rouge_lex *lx);
/* The term id of token s[0, len) (already case-folded; hash is its
 * precis__hash), or ROUGE_DROP. */
int precis__rouge_lex_term(rouge_lex *lx, const char *s, size_t len,
			   uint64_t hash, uint32_t *term);
/* Drops the token cache when it has grown past its bound. */
void precis__rouge_lex_trim(rouge_lex *lx);
/* Stems w[0, n) in place with ROUGE-1.5.5's Porter variant; the new length
 * (never longer). */
size_t precis__rouge_porter(char *w, size_t n);
/* The Snowball algorithm for a language (any name context/lang.c knows)
 * or a Snowball algorithm name; "" when the language is known but has no
 * stemmer; NULL when unknown. */
const char *precis__rouge_stemmer_name(const char *language);

/* ---- texts ------------------------------------------------------------- */

typedef struct rouge_span {
	size_t off, len;
} rouge_span;

/* A tokenized summary. `tok` holds the sentences (for ROUGE-L/W) back to
 * back, sentence s ending at sent[s]; `flat` the tokens of ROUGE-N/S, which
 * differ from `tok` only under a byte limit (1.5.5 cuts them differently). */
typedef struct rouge_text {
	uint32_t *tok;
	size_t ntok, tok_cap;
	size_t *sent;
	size_t nsent, sent_cap;
	uint32_t *flat_buf;
	size_t nflat_buf, flat_cap;
	int flat_is_tok;
} rouge_text;

static inline const uint32_t *rouge_text_flat(const rouge_text *t, size_t *n)
{
	*n = t->flat_is_tok ? t->ntok : t->nflat_buf;
	return t->flat_is_tok ? t->tok : t->flat_buf;
}

void precis__rouge_text_free(rouge_text *t);

/* Lines of text as spans: "\n" ends a line, empty lines are skipped. */
int precis__rouge_lines(const char *text, size_t len, rouge_span **v,
			size_t *n, size_t *cap);

/* Cuts lines to a word or byte limit as 1.5.5 does (limit.c): `lcs`
 * receives the sentences of ROUGE-L/W, `flat` those of ROUGE-N/S (the same
 * except under a byte limit). *same is set when they are identical. */
typedef struct rouge_cut {
	rouge_span *lcs, *flat;
	size_t nlcs, nflat, lcs_cap, flat_cap;
	int same;
} rouge_cut;

int precis__rouge_cut(const char *text, const rouge_span *lines, size_t n,
		      size_t limit_words, size_t limit_bytes, int utf8,
		      rouge_cut *out);
void precis__rouge_cut_free(rouge_cut *c);

/* ---- the context ---------------------------------------------------------- */

typedef enum rouge_kind {
	ROUGE_KIND_N = 0,
	ROUGE_KIND_L,
	ROUGE_KIND_W,
	ROUGE_KIND_S,
	ROUGE_KIND_SU
} rouge_kind;

typedef struct rouge_metric {
	rouge_kind kind;
	unsigned n;    /* ROUGE-N: n */
	char name[32]; /* "ROUGE-2" */
} rouge_metric;

/* Per-reference counts of one metric, combined by score.c. */
typedef struct rouge_counts {
	double hit, model, peer;
	double best; /* -f B: the per-reference score 1.5.5 compares */
} rouge_counts;

/* Hash table of the candidate's n-gram keys with candidate and reference
 * counts; a slot is in use when gen[slot] is the table's generation. */
typedef struct rouge_grams {
	uint64_t *ka, *kb;
	uint32_t *peer, *model, *gen;
	uint32_t cur;      /* current generation */
	size_t cap;        /* slots, a power of two */
	uint32_t *touched; /* slots counted for the current reference */
	size_t touched_cap;
	uint64_t *keys;    /* scratch: the keys of one text, ka kb ka kb... */
	size_t keys_cap;
} rouge_grams;

void precis__rouge_grams_free(rouge_grams *g);

typedef struct rouge_pair rouge_pair;

struct precis_rouge {
	precis_rouge_options opt;
	char language[32];
	int utf8; /* unicode tokenizer */
	size_t nmetrics;
	rouge_metric metric[ROUGE_MAX_METRICS];
	rouge_lex lex;
	rouge_pair *pair; /* scratch of the pair being scored */
};

/* Tokenizes one summary into `out` with 1.5.5's rules (tok.c) or
 * Unicode's (utok.c). */
int precis__rouge_tokenize(precis_rouge *r, const char *text, size_t len,
			   rouge_text *out, precis_error *err);
int precis__rouge_tokenize_unicode(precis_rouge *r, const char *text,
				   size_t len, rouge_text *out,
				   precis_error *err);
/* Appends the term ids of s[0, len) to (*v)[*n...] (capacity *cap). */
typedef int (*rouge_span_fn)(rouge_lex *lx, const char *s, size_t len,
			     uint32_t **v, size_t *n, size_t *cap);
/* Tokenizes the spans of `cut` into `out` with `tok`: the sentences for
 * ROUGE-L, and the flat text for the rest unless it is the same. */
int precis__rouge_tok_spans(rouge_lex *lx, rouge_span_fn tok, const char *text,
			    const rouge_cut *cut, rouge_text *out);

/* ---- the pair being scored (pair.c) -------------------------------- */

struct rouge_pair {
	rouge_text *text; /* [0] candidate, [1..] references */
	size_t ntext, text_cap;
	uint32_t *local;  /* term id -> dense id in this pair */
	uint32_t *stamp;  /* term id -> pair number that set local[] */
	size_t local_cap;
	uint32_t serial;
	size_t nterms;    /* dense ids in use */
	uint32_t *cnt_model, *cnt_peer; /* unigram counts by dense id */
	size_t cnt_cap;
	uint32_t *dp;     /* two rows of the LCS table */
	double *wdp;      /* two rows of the WLCS table */
	uint32_t *wlen;   /* two rows of WLCS run lengths */
	size_t dp_cap, wdp_cap;
	uint64_t *up;     /* trace-back bits of the tables */
	size_t up_cap;
	uint8_t *mask;    /* union LCS marks over a reference's tokens */
	size_t mask_cap;
	uint64_t *pm;     /* term -> positions in a candidate sentence */
	size_t pm_cap;
	uint64_t *rows;   /* bit-parallel LCS rows */
	size_t rows_cap;
	uint32_t *touch;  /* terms counted for the current reference */
	size_t touch_cap;
	double *weight;   /* weight[k] = k^weight_w for WLCS */
	size_t weight_cap;
	double weight_w;
	rouge_grams grams;
	rouge_cut cut;
	rouge_span *lines;
	size_t nlines, lines_cap;
};

void precis__rouge_pair_free(rouge_pair *p);
/* Renumbers the pair's term ids densely. */
int precis__rouge_pair_densify(rouge_pair *p, size_t vocab_size);
/* Grows p->cnt_* to the pair's dense ids. */
int precis__rouge_pair_counts(rouge_pair *p);

/* Counts of each reference (per_ref[r] for text r + 1) for one metric:
 * gram.c (ROUGE-N, S, SU), lcs.c (ROUGE-L, W). */
int precis__rouge_gram_counts(rouge_pair *p, rouge_kind kind, unsigned n,
			      int distance, rouge_counts *per_ref);
int precis__rouge_lcs_counts(rouge_pair *p, rouge_counts *per_ref);
int precis__rouge_wlcs_counts(rouge_pair *p, double w, rouge_counts *per_ref);
/* Largest LCS table of a sentence pair, in cells: one trace-back bit each
 * (128 MB). Only candidate sentences of more than 64 tokens and ROUGE-W
 * need the table. */
#define ROUGE_MAX_LCS_CELLS ((size_t)1 << 30)

/* Scores every metric of the tokenized pair in r->pair into out[]; per_ref
 * is scratch for one count per reference. */
int precis__rouge_score_metrics(precis_rouge *r, rouge_counts *per_ref,
				precis_rouge_score *out);

/* Rounds as printf("%7.5f") and reads the result back, like 1.5.5. */
double precis__rouge_round5(double x);
/* 1.5.5's F from rounded R and P. */
double precis__rouge_fscore(double r, double p, double alpha);

/* ---- drand48, with explicit state (rand48.c) ---------------------- */

typedef struct rouge_rand48 {
	uint64_t x;
} rouge_rand48;

/* Perl's srand(seed) with its drand48: x = seed << 16 | 0x330e. */
void precis__rouge_srand48(rouge_rand48 *r, uint32_t seed);
/* The next value in [0, 1). */
double precis__rouge_drand48(rouge_rand48 *r);

#endif
