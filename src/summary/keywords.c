/*
 * keywords.c - precis_keywords_new(): TextRank keyphrases (Mihalcea &
 * Tarau 2004, section 3), shown in the words the text uses.
 *
 * 1. The content words of each unit, in order: words that are not
 *    stopwords, hold a letter and are longer than one character (TextRank
 *    keeps nouns and adjectives; without a tagger these filters drop most
 *    of what a tagger would). In English the SMART list of common words is
 *    left out too, as RAKE does (Rose et al. 2010): it holds the verbs and
 *    number words (will, said, two) that the Snowball list, made for
 *    matching, keeps. Page furniture is left out.
 * 2. A graph on their stems: an edge between two words that follow one
 *    another among the content words of a unit (the paper's window of 2),
 *    weighted by how often they do; PageRank with d = 0.85 (graph.c),
 *    its random jumps biased to words that come early and often, each
 *    occurrence weighing 1 / its position (PositionRank, Florescu &
 *    Caragea 2017): plain TextRank ranks a word low that only opens
 *    sentences ("Die Energiewende kostet..."), however often it does.
 * 3. The top third of the words (at least as many as asked for) are
 *    keywords; runs of keywords adjacent in the text (a space or a hyphen
 *    between) become phrases (the paper's post-processing), scored by the
 *    sum of their words' scores. A run is cut between two words that
 *    stand side by side only once in the whole text, and one still longer
 *    than three words where its words do so least often ("Lorvanian |
 *    Prime Minister | Helena Varga").
 * 4. Each phrase is shown in the form it most often has; a form at the
 *    start of a unit counts half, so a capital that only opens sentences
 *    does not win over the lower case the text uses elsewhere.
 *
 * Words are those of the tokenizer, re-scanned here for their spans: a
 * unit's content words are exactly its terms in the document, in order.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/resources.h"
#include "base/strtab.h"
#include "base/text.h"
#include "base/unicode.h"
#include "context/ctx.h"
#include "doc/doc.h"
#include "doc/tokenize.h"
#include "rank/graph.h"
#include "summary/clean.h"

#define MAX_PHRASE 3    /* words in a keyphrase */
#define DAMPING 0.85    /* TextRank's d */

struct precis_keywords {
	precis_keyword *v;
	size_t n;
	char *text; /* the surfaces, each NUL-ended */
};

/* A content word: its term, its bytes, and how it joins the one before. */
typedef struct word {
	uint32_t term;   /* document-local id */
	size_t start, end;
	size_t unit;     /* index of its unit, for the window */
	unsigned char joined;  /* adjacent in the text to the word before */
	unsigned char initial; /* opens its unit */
	unsigned char hyphen;  /* joined by a hyphen (else a space) */
} word;

typedef struct scan {
	word *v;
	size_t n, cap;
	precis__strtab common; /* words that are never keywords */
} scan;

/* The SMART common words (English only; an empty table otherwise),
 * folded as words are. */
static int load_common(precis__strtab *t, const precis_ctx *ctx)
{
	const precis__resource *r = strcmp(ctx->lang.info->code, "en") == 0
					    ? precis__resource_find("rouge/smart_common_words.txt")
					    : NULL;
	if (r == NULL)
		return 0;
	for (const char *p = r->data, *end = r->data + r->len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char buf[256];
		size_t n = precis__fold_word(p, (size_t)(e - p), buf, sizeof buf);
		if (n > 0 && precis__strtab_intern(t, buf, n, NULL) < 0)
			return PRECIS_ERR_NOMEM;
		p = e + 1;
	}
	return 0;
}

/* Whether w[0, n) holds a letter and more than one character. */
static int content_word(const char *w, size_t n)
{
	size_t chars = 0;
	int letter = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t k = precis__utf8_decode((const unsigned char *)w + i, n - i, &cp);
		letter |= (precis__uc_class((uint32_t)cp) & PRECIS__UC_LETTER) != 0;
		chars++;
		i += k ? k : 1;
	}
	return letter && chars > 1;
}

/* What lies between two words that a phrase may span: white space without
 * a blank line, or one hyphen. 0: no, 1: space, 2: hyphen. */
static int gap_kind(const char *s, size_t n)
{
	if (n == 1 && s[0] == '-')
		return 2;
	size_t lines = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			lines++;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	}
	return n > 0 && lines < 2 ? 1 : 0;
}

/*
 * The content words of unit i, appended to sc. The unit's terms are its
 * words that fold and are not stopwords, in order; when the count does not
 * come out (the tokenizer changed), the unit is left out rather than
 * matched wrongly.
 */
static int scan_unit(scan *sc, const precis_ctx *ctx, const precis_doc *d,
		     size_t i)
{
	size_t nt, k = 0, ws, we, pos = d->units.v[i].start, end = d->units.v[i].end;
	const uint32_t *t = precis__doc_terms(d, i, &nt);
	size_t from = sc->n, prev_end = 0;
	int prev_content = 0, mismatch = 0;
	char buf[512];
	while (precis__next_word(d->text, end, pos, &ws, &we)) {
		pos = we;
		size_t n = precis__fold_word(d->text + ws, we - ws, buf, sizeof buf);
		if (n == 0 || precis__lang_is_stopword(&ctx->lang, buf, n)) {
			prev_content = 0;
			continue;
		}
		if (k >= nt) {
			mismatch = 1;
			break;
		}
		uint32_t term = t[k++];
		if (!content_word(d->text + ws, we - ws) ||
		    precis__strtab_find(&sc->common, buf, n) >= 0) {
			prev_content = 0;
			continue;
		}
		if (PRECIS__VEC_RESERVE(sc, sc->n + 1) != 0)
			return PRECIS_ERR_NOMEM;
		int g = prev_content ? gap_kind(d->text + prev_end, ws - prev_end) : 0;
		sc->v[sc->n] = (word){ term, ws, we, i, g != 0,
				       ws == d->units.v[i].start, g == 2 };
		sc->n++;
		prev_content = 1;
		prev_end = we;
	}
	if (mismatch || k != nt)
		sc->n = from;
	return 0;
}

static int scan_doc(scan *sc, const precis_ctx *ctx, const precis_doc *d)
{
	if (load_common(&sc->common, ctx) != 0)
		return PRECIS_ERR_NOMEM;
	for (size_t i = 0; i < d->units.n; i++) {
		const precis__unit *u = &d->units.v[i];
		if (precis__is_furniture(d->text + u->start, u->end - u->start))
			continue;
		int rc = scan_unit(sc, ctx, d, i);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* ---- the word graph ------------------------------------------------------ */

typedef struct edge {
	uint32_t u, v;
} edge;

static int by_edge(const void *a, const void *b)
{
	const edge *x = a, *y = b;
	if (x->u != y->u)
		return x->u < y->u ? -1 : 1;
	return (x->v > y->v) - (x->v < y->v);
}

/* The graph on the document's terms (nodes 0..nterms-1; terms without a
 * content word have no edge): both directions of each pair of neighbours,
 * repeats adding weight. */
static int build_graph(precis__graph *g, const scan *sc, size_t nterms)
{
	memset(g, 0, sizeof *g);
	edge *e = malloc((2 * sc->n + 1) * sizeof *e);
	g->row = calloc(nterms + 1, sizeof *g->row);
	if (e == NULL || g->row == NULL) {
		free(e);
		precis__graph_free(g);
		return PRECIS_ERR_NOMEM;
	}
	size_t ne = 0;
	for (size_t j = 1; j < sc->n; j++) {
		const word *a = &sc->v[j - 1], *b = &sc->v[j];
		if (a->unit != b->unit || a->term == b->term)
			continue;
		e[ne++] = (edge){ a->term, b->term };
		e[ne++] = (edge){ b->term, a->term };
	}
	qsort(e, ne, sizeof *e, by_edge);
	g->col = malloc((ne ? ne : 1) * sizeof *g->col);
	g->w = malloc((ne ? ne : 1) * sizeof *g->w);
	if (g->col == NULL || g->w == NULL) {
		free(e);
		precis__graph_free(g);
		return PRECIS_ERR_NOMEM;
	}
	size_t m = 0;
	for (size_t k = 0; k < ne; k++) {
		if (m > 0 && e[k].u == e[k - 1].u && e[k].v == e[k - 1].v) {
			g->w[m - 1] += 1.0;
			continue;
		}
		g->col[m] = e[k].v;
		g->w[m++] = 1.0;
		g->row[e[k].u + 1]++;
	}
	for (size_t u = 0; u < nterms; u++)
		g->row[u + 1] += g->row[u];
	g->n = nterms;
	g->nedges = m;
	free(e);
	return 0;
}

/* ---- phrases ------------------------------------------------------------- */

/* One occurrence of a phrase: words w[0, len) of the scan. */
typedef struct piece {
	const word *w;
	size_t len;
	const char *text;
} piece;

/* Orders pieces by their stems, then by their surface (words' bytes and
 * joins), then by place: each phrase, and each of its forms, contiguous. */
static int by_surface(const piece *x, const piece *y)
{
	for (size_t i = 0; i < x->len && i < y->len; i++) {
		const word *a = &x->w[i], *b = &y->w[i];
		size_t la = a->end - a->start, lb = b->end - b->start;
		int c = memcmp(x->text + a->start, y->text + b->start, la < lb ? la : lb);
		if (c != 0)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		if (i > 0 && a->hyphen != b->hyphen)
			return a->hyphen ? 1 : -1;
	}
	return (x->len > y->len) - (x->len < y->len);
}

static int by_phrase(const void *pa, const void *pb)
{
	const piece *x = pa, *y = pb;
	for (size_t i = 0; i < x->len && i < y->len; i++)
		if (x->w[i].term != y->w[i].term)
			return x->w[i].term < y->w[i].term ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	int c = by_surface(x, y);
	if (c != 0)
		return c;
	return (x->w->start > y->w->start) - (x->w->start < y->w->start);
}

static int same_phrase(const piece *x, const piece *y)
{
	if (x->len != y->len)
		return 0;
	for (size_t i = 0; i < x->len; i++)
		if (x->w[i].term != y->w[i].term)
			return 0;
	return 1;
}

/* Pairs of keywords side by side in the text, with how often they are. */
typedef struct pair {
	uint32_t u, v;
	size_t count;
} pair;

typedef struct pairs {
	pair *v;
	size_t n;
} pairs;

static int by_pair(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->u != y->u)
		return x->u < y->u ? -1 : 1;
	return (x->v > y->v) - (x->v < y->v);
}

static int count_pairs(pairs *ps, const scan *sc)
{
	ps->v = malloc((sc->n ? sc->n : 1) * sizeof *ps->v);
	ps->n = 0;
	if (ps->v == NULL)
		return PRECIS_ERR_NOMEM;
	for (size_t j = 1; j < sc->n; j++)
		if (sc->v[j].joined)
			ps->v[ps->n++] = (pair){ sc->v[j - 1].term, sc->v[j].term, 1 };
	qsort(ps->v, ps->n, sizeof *ps->v, by_pair);
	size_t m = 0;
	for (size_t k = 0; k < ps->n; k++) {
		if (m > 0 && by_pair(&ps->v[k], &ps->v[m - 1]) == 0)
			ps->v[m - 1].count++;
		else
			ps->v[m++] = ps->v[k];
	}
	ps->n = m;
	return 0;
}

/* How often term b stands right after term a. */
static size_t link(const pairs *ps, uint32_t a, uint32_t b)
{
	pair key = { a, b, 0 };
	const pair *f = bsearch(&key, ps->v, ps->n, sizeof *ps->v, by_pair);
	return f ? f->count : 0;
}

/*
 * Cuts the run w[0, n) into phrases, appending them to v: at every link
 * seen only once in the text (side by side once is chance, not a name or
 * a term: "Volcano erupts" in a headline), then, while a piece is longer
 * than MAX_PHRASE, at its weakest link (the first of equals).
 */
static void cut(const word *w, size_t n, const pairs *ps, const char *text,
		piece *v, size_t *nv)
{
	size_t at = 0, weakest = (size_t)-1;
	for (size_t i = 1; i < n; i++) {
		size_t l = link(ps, w[i - 1].term, w[i].term);
		if (l < weakest) {
			weakest = l;
			at = i;
		}
	}
	if (n <= 1 || (weakest >= 2 && n <= MAX_PHRASE)) {
		v[(*nv)++] = (piece){ w, n, text };
		return;
	}
	cut(w, at, ps, text, v, nv);
	cut(w + at, n - at, ps, text, v, nv);
}

/* The pieces: runs of keywords adjacent in the text, cut to phrases.
 * `key[term]` marks the keywords. */
static piece *cut_pieces(const scan *sc, const unsigned char *key,
			 const pairs *ps, const char *text, size_t *np)
{
	piece *v = malloc((sc->n ? sc->n : 1) * sizeof *v);
	size_t n = 0;
	if (v == NULL)
		return NULL;
	for (size_t j = 0; j < sc->n;) {
		if (!key[sc->v[j].term]) {
			j++;
			continue;
		}
		size_t k = j + 1;
		while (k < sc->n && sc->v[k].joined && key[sc->v[k].term])
			k++;
		cut(&sc->v[j], k - j, ps, text, v, &n);
		j = k;
	}
	*np = n;
	return v;
}

/* A phrase found: its pieces [first, first + n) in the sorted array. */
typedef struct phrase {
	size_t first, n;
	double score;
	size_t offset;   /* earliest occurrence */
	size_t form;     /* the piece whose surface is shown */
} phrase;

/* Scores a phrase and picks its form: the surface with the most weight
 * (2 per occurrence, 1 at the start of a unit), the earliest on a tie. */
static void settle(phrase *ph, const piece *p, const double *score)
{
	ph->score = 0;
	for (size_t i = 0; i < p[ph->first].len; i++)
		ph->score += score[p[ph->first].w[i].term];
	ph->offset = (size_t)-1;
	size_t best = 0, best_at = (size_t)-1;
	for (size_t i = ph->first; i < ph->first + ph->n;) {
		size_t j = i, weight = 0, at = (size_t)-1;
		for (; j < ph->first + ph->n && by_surface(&p[i], &p[j]) == 0; j++) {
			weight += p[j].w->initial ? 1 : 2;
			if (p[j].w->start < at)
				at = p[j].w->start;
		}
		if (weight > best || (weight == best && at < best_at)) {
			best = weight;
			best_at = at;
			ph->form = i;
		}
		if (at < ph->offset)
			ph->offset = at;
		i = j;
	}
}

static int by_rank(const void *a, const void *b)
{
	const phrase *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->offset > y->offset) - (x->offset < y->offset);
}

/* ---- the keywords -------------------------------------------------------- */

/* Whether every word of phrase `ph` (its pieces p[ph->first...]) is in a
 * phrase taken already that stands at least as often: "cloud" after "ash
 * cloud", but not "volcano" after a headline's "volcano eruption". */
static int subsumed(const phrase *ph, const piece *p, const size_t *covered)
{
	const piece *a = &p[ph->first];
	for (size_t i = 0; i < a->len; i++)
		if (covered[a->w[i].term] < ph->n)
			return 0;
	return 1;
}

/* The surface of piece p: its words with a space or a hyphen between. */
static size_t surface(const piece *p, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < p->len; i++) {
		const word *w = &p->w[i];
		if (i > 0)
			out[n++] = w->hyphen ? '-' : ' ';
		memcpy(out + n, p->text + w->start, w->end - w->start);
		n += w->end - w->start;
	}
	out[n] = '\0';
	return n;
}

/* Bytes surface() writes, its NUL included. */
static size_t surface_size(const piece *p)
{
	size_t n = p->len; /* the joins and the NUL */
	for (size_t i = 0; i < p->len; i++)
		n += p->w[i].end - p->w[i].start;
	return n;
}

/* Takes the best phrases, up to `max`, into kw; `covered` (per term,
 * zeroed) holds the most occurrences of a phrase taken with the term. */
static int take(precis_keywords *kw, phrase *ph, size_t nph, const piece *p,
		size_t max, double scale, size_t *covered)
{
	qsort(ph, nph, sizeof *ph, by_rank);
	size_t k = 0, bytes = 0;
	for (size_t i = 0; i < nph && k < max; i++) {
		const piece *a = &p[ph[i].first];
		if (subsumed(&ph[i], p, covered))
			continue;
		for (size_t j = 0; j < a->len; j++)
			if (covered[a->w[j].term] < ph[i].n)
				covered[a->w[j].term] = ph[i].n;
		ph[k++] = ph[i];
		bytes += surface_size(&p[ph[k - 1].form]);
	}
	kw->v = calloc(k ? k : 1, sizeof *kw->v);
	kw->text = malloc(bytes ? bytes : 1);
	if (kw->v == NULL || kw->text == NULL)
		return PRECIS_ERR_NOMEM;
	char *at = kw->text;
	for (size_t i = 0; i < k; i++) {
		size_t n = surface(&p[ph[i].form], at);
		kw->v[i] = (precis_keyword){ at, n, ph[i].offset, ph[i].n,
					     ph[i].score * scale, 0 };
		at += n + 1;
	}
	kw->n = k;
	return 0;
}

typedef struct ranked_word {
	double score;
	size_t first; /* order of first occurrence */
	uint32_t term;
} ranked_word;

static int by_word_rank(const void *a, const void *b)
{
	const ranked_word *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* Marks in key[] the top third of the words that have a content word (at
 * least `want` of them), and returns how many words there are. */
static int mark_keywords(const scan *sc, const double *score, size_t nterms,
			 size_t want, unsigned char *key, size_t *nwords)
{
	ranked_word *r = malloc((nterms ? nterms : 1) * sizeof *r);
	unsigned char *seen = calloc(nterms ? nterms : 1, 1);
	size_t n = 0;
	if (r == NULL || seen == NULL) {
		free(r);
		free(seen);
		return PRECIS_ERR_NOMEM;
	}
	for (size_t j = 0; j < sc->n; j++)
		if (!seen[sc->v[j].term]) {
			seen[sc->v[j].term] = 1;
			r[n] = (ranked_word){ score[sc->v[j].term], n, sc->v[j].term };
			n++;
		}
	qsort(r, n, sizeof *r, by_word_rank);
	size_t top = (n + 2) / 3 > want ? (n + 2) / 3 : want;
	for (size_t i = 0; i < top && i < n; i++)
		key[r[i].term] = 1;
	free(r);
	free(seen);
	*nwords = n;
	return 0;
}

/* Groups the sorted pieces into phrases, scored and with a form each. */
static phrase *group(const piece *p, size_t np, const double *score, size_t *nph)
{
	phrase *ph = malloc((np ? np : 1) * sizeof *ph);
	size_t n = 0;
	if (ph == NULL)
		return NULL;
	for (size_t i = 0; i < np;) {
		size_t j = i + 1;
		while (j < np && same_phrase(&p[i], &p[j]))
			j++;
		ph[n] = (phrase){ i, j - i, 0, 0, i };
		settle(&ph[n++], p, score);
		i = j;
	}
	*nph = n;
	return ph;
}

/* PositionRank's jump: each content word's sum of 1 / position (1-based,
 * among the content words), normalized; NULL when out of memory. */
static double *position_bias(const scan *sc, size_t nterms)
{
	double *b = calloc(nterms, sizeof *b), sum = 0;
	if (b == NULL)
		return NULL;
	for (size_t j = 0; j < sc->n; j++) {
		b[sc->v[j].term] += 1.0 / (double)(j + 1);
		sum += 1.0 / (double)(j + 1);
	}
	for (size_t t = 0; sum > 0 && t < nterms; t++)
		b[t] /= sum;
	return b;
}

typedef struct work {
	scan sc;
	precis__graph g;
	pairs ps;
	double *score, *bias;
	unsigned char *key;
	size_t *covered;
	piece *p;
	phrase *ph;
} work;

static void work_free(work *w)
{
	free(w->sc.v);
	precis__strtab_clear(&w->sc.common);
	precis__graph_free(&w->g);
	free(w->ps.v);
	free(w->score);
	free(w->bias);
	free(w->key);
	free(w->covered);
	free(w->p);
	free(w->ph);
}

static int find(precis_keywords *kw, const precis_ctx *ctx,
		const precis_doc *d, size_t max, work *w)
{
	size_t nt = d->nterms ? d->nterms : 1, nwords, np, nph;
	int rc = scan_doc(&w->sc, ctx, d);
	if (rc == 0)
		rc = build_graph(&w->g, &w->sc, d->nterms);
	if (rc == 0)
		rc = count_pairs(&w->ps, &w->sc);
	w->score = calloc(nt, sizeof *w->score);
	w->key = calloc(nt, 1);
	w->covered = calloc(nt, sizeof *w->covered);
	if (rc != 0 || w->score == NULL || w->key == NULL || w->covered == NULL)
		return PRECIS_ERR_NOMEM;
	if ((w->bias = position_bias(&w->sc, nt)) == NULL ||
	    precis__graph_rank_biased(&w->g, 1.0 - DAMPING, w->bias, w->score) != 0 ||
	    mark_keywords(&w->sc, w->score, d->nterms, max, w->key, &nwords) != 0 ||
	    (w->p = cut_pieces(&w->sc, w->key, &w->ps, d->text, &np)) == NULL)
		return PRECIS_ERR_NOMEM;
	qsort(w->p, np, sizeof *w->p, by_phrase);
	if ((w->ph = group(w->p, np, w->score, &nph)) == NULL)
		return PRECIS_ERR_NOMEM;
	/* The walk's scores sum to 1 over all terms, content words or not:
	 * scaled, the average content word scores 1 whatever the length. */
	double sum = 0;
	for (size_t j = 0; j < w->sc.n; j++)
		if (w->covered[w->sc.v[j].term] == 0) {
			w->covered[w->sc.v[j].term] = 1;
			sum += w->score[w->sc.v[j].term];
		}
	memset(w->covered, 0, nt * sizeof *w->covered);
	double scale = sum > 0 ? (double)nwords / sum : 0;
	return take(kw, w->ph, nph, w->p, max, scale, w->covered);
}

int precis_keywords_new(precis_keywords **out, const precis_ctx *ctx,
			const precis_doc *d, size_t max, precis_error *err)
{
	precis__clear(err);
	if (out == NULL || ctx == NULL || d == NULL)
		return precis__fail(err, PRECIS_ERR_ARG, "invalid argument");
	*out = NULL;
	if (d->split_only)
		return precis__fail(err, PRECIS_ERR_ARG,
				    "document was built for splitting only");
	precis_keywords *kw = calloc(1, sizeof *kw);
	if (kw == NULL)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	work w;
	memset(&w, 0, sizeof w);
	int rc = max > 0 ? find(kw, ctx, d, max, &w) : 0;
	work_free(&w);
	for (size_t i = 0; rc == 0 && i < kw->n; i++)
		precis_doc_source_span(d, kw->v[i].offset, 0, &kw->v[i].source_offset, NULL);
	if (rc != 0) {
		precis_keywords_free(kw);
		return precis__fail(err, rc, NULL);
	}
	*out = kw;
	return 0;
}

void precis_keywords_free(precis_keywords *kw)
{
	if (kw == NULL)
		return;
	free(kw->v);
	free(kw->text);
	free(kw);
}

size_t precis_keywords_count(const precis_keywords *kw)
{
	return kw ? kw->n : 0;
}

int precis_keywords_get(const precis_keywords *kw, size_t i, precis_keyword *out)
{
	if (kw == NULL || out == NULL || i >= kw->n)
		return PRECIS_ERR_ARG;
	*out = kw->v[i];
	return 0;
}
