/*
 * html_extract.c - choosing the article: which nodes of the page to render.
 *
 * Four passes over the flat node array (preorder, so a top-down pass is a
 * forward loop and a bottom-up pass a backward one; nothing recurses):
 *  1. signals, top-down: dropped (scripts, form controls, hidden), inside
 *     a link or a quote, boilerplate ("junk": nav/aside/footer/header/
 *     figcaption, ARIA landmark roles, class/id names of comments, sharing,
 *     related links... see html_class.c);
 *  2. counts, bottom-up: visible characters, characters inside links and
 *     quotes, commas, descendant tags, each block's own text (not inside a
 *     nested block), and the text of good paragraphs;
 *  3. scores: every paragraph-like block with 25+ characters gives its
 *     parent 1 + commas + length/100 (max 3), less its link share, and its
 *     further ancestors a decaying part (the Readability scheme); each
 *     scored element starts from a bonus for what it is (div, article,
 *     itemprop=articleBody...) and its class names; the best element,
 *     after the score is discounted by its link density, is the article;
 *  4. selection: Readability's common-ancestor and climbing steps, then
 *     expansion to an ancestor for articles split into sections, plain
 *     paragraph siblings, then cleaning (boilerplate, link lines and lists,
 *     lead-ins, ad labels, headline and dateline lines, Readability's
 *     conditional cleaning) while marking what to render.
 * When the strict pass finds too little text, class/id names stop counting
 * as boilerplate and the page is scored again; at the end the JSON-LD
 * articleBody, when there is one, checks the choice. Each rule's comment
 * names the failure that motivated it (NOTES.md has the measurements).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

enum {
	F_DROP = 1,  /* never rendered */
	F_JUNK = 2,  /* boilerplate subtree */
	F_LINK = 4,  /* inside <a> */
	F_NEG = 8,   /* class/id says boilerplate */
	F_POS = 16,  /* class/id says content */
	F_BLOCK = 32,
	F_QUOTE = 64, /* inside <blockquote> */
};

#define MIN_PARA 25     /* characters a block needs to be scored */
#define MIN_ARTICLE 250 /* below this the strict pass is retried */

typedef struct {
	const precis__html_dom *dom;
	const precis__html_node *nd;
	size_t n;
	int strict;
	uint8_t *fl;
	uint32_t *owner;               /* nearest block ancestor-or-self */
	uint32_t *chars, *lchars, *commas; /* clean subtree totals */
	uint32_t *own, *lown, *owncommas;  /* a block's own text */
	uint32_t *np, *nimg, *nli, *ninput, *nembed; /* descendant counts */
	uint32_t *all;  /* visible characters, boilerplate included */
	uint32_t *good; /* characters in good paragraphs */
	uint32_t *quoted; /* characters inside blockquotes */
	float *score;
	uint8_t *scored;
	precis__html_attrs *at; /* attribute signals, read once */
	char title[256], og[256]; /* squashed <title> and og:title */
} ctx;

static int is_el(const precis__html_node *n)
{
	return n->tag <= GUMBO_TAG_LAST;
}

/* ------------------------------------------------------------ 1. signals */

/* HTML5 sectioning elements that hold no article text; figcaption too:
 * the annotated bodies never include image captions and credits. */
static int junk_tag(unsigned tag)
{
	return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
	       tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER ||
	       tag == GUMBO_TAG_MENU || tag == GUMBO_TAG_FIGCAPTION;
}

/* Elements whose class names must never discard them. */
static int protected_tag(unsigned tag)
{
	return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
	       tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE ||
	       tag == GUMBO_TAG_A || tag == GUMBO_TAG_P;
}

static uint8_t element_flags(const ctx *c, size_t i, uint8_t inherit)
{
	const precis__html_node *n = &c->nd[i];
	uint8_t f = inherit, a = c->at[i].flags;
	int neg = (a & PRECIS__HTML_A_NEG) != 0, pos = (a & PRECIS__HTML_A_POS) != 0;
	if (precis__html_tag_is_dropped(n->tag) || (a & PRECIS__HTML_A_HIDDEN))
		f |= F_DROP;
	if (n->tag == GUMBO_TAG_A)
		f |= F_LINK;
	if (n->tag == GUMBO_TAG_BLOCKQUOTE)
		f |= F_QUOTE;
	if (precis__html_tag_is_block(n->tag))
		f |= F_BLOCK;
	if (neg)
		f |= F_NEG;
	if (pos)
		f |= F_POS;
	if (junk_tag(n->tag) || (a & PRECIS__HTML_A_ROLE_JUNK))
		f |= F_JUNK;
	if (c->strict && neg && !pos && !protected_tag(n->tag) &&
	    !(a & PRECIS__HTML_A_BODY))
		f |= F_JUNK;
	return f;
}

static void signals(ctx *c)
{
	c->fl[0] = F_BLOCK;
	c->owner[0] = 0;
	for (size_t i = 1; i < c->n; i++) {
		uint32_t p = c->nd[i].parent;
		uint8_t inherit = c->fl[p] & (F_DROP | F_JUNK | F_LINK | F_QUOTE);
		if (!is_el(&c->nd[i])) {
			c->fl[i] = inherit;
			c->owner[i] = c->owner[p];
			continue;
		}
		c->fl[i] = element_flags(c, i, inherit);
		c->owner[i] = (c->fl[i] & F_BLOCK) ? (uint32_t)i : c->owner[p];
	}
}

/* ------------------------------------------------------------- 2. counts */

/* Visible characters of a text node (not white space) and its commas. */
static void count_text(const char *t, uint32_t *chars, uint32_t *commas)
{
	uint32_t n = 0, k = 0;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p == ',')
			k++;
		else if (*p == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
			k++; /* fullwidth comma */
		else if (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
			k++; /* ideographic comma */
		if ((*p & 0xC0) == 0x80 || *p <= ' ')
			continue;
		if (*p == 0xC2 && p[1] == 0xA0)
			continue;
		n++;
	}
	*chars = n;
	*commas = k;
}

static void count_tag(ctx *c, size_t i)
{
	switch (c->nd[i].tag) {
	case GUMBO_TAG_P: c->np[i]++; break;
	case GUMBO_TAG_IMG: c->nimg[i]++; break;
	case GUMBO_TAG_LI: c->nli[i]++; break;
	case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_BUTTON: c->ninput[i]++; break;
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_EMBED: case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_VIDEO: c->nembed[i]++; break;
	default: break;
	}
}

/* Blocks whose own text counts as a paragraph. */
static int scorable(unsigned tag)
{
	switch (tag) {
	case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
	case GUMBO_TAG_TH: case GUMBO_TAG_H1: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_LEGEND: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TR:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_HTML: case GUMBO_TAG_BODY:
		return 0;
	default:
		return 1;
	}
}

/* A paragraph that reads as article text: long enough, few links. */
static int good_block(const ctx *c, size_t i)
{
	return (c->fl[i] & F_BLOCK) && !(c->fl[i] & (F_DROP | F_JUNK)) &&
	       scorable(c->nd[i].tag) &&
	       c->own[i] >= 50 && (float)c->lown[i] < 0.3f * (float)c->own[i];
}

static void counts(ctx *c)
{
	for (size_t i = c->n; i-- > 0;) {
		const precis__html_node *n = &c->nd[i];
		uint8_t f = c->fl[i];
		if (n->tag == PRECIS__HTML_TAG_TEXT && !(f & F_DROP)) {
			uint32_t ch, co;
			count_text(n->g->v.text.text, &ch, &co);
			c->all[i] = ch;
			if (f & F_JUNK)
				ch = co = 0;
			c->chars[i] = ch;
			c->commas[i] = co;
			c->lchars[i] = (f & F_LINK) ? ch : 0;
			c->quoted[i] = (f & F_QUOTE) ? ch : 0;
			uint32_t o = c->owner[i];
			c->own[o] += ch;
			c->lown[o] += c->lchars[i];
			c->owncommas[o] += co;
		} else if (is_el(n) && !(f & F_JUNK)) {
			/* boilerplate inside (a newsletter box's inputs) must not
			 * condemn the article (failure: generated SPA pages) */
			count_tag(c, i);
			if (good_block(c, i))
				c->good[i] += c->own[i];
			/* a leaf block of text is a paragraph, as Readability
			 * counts divs it turned into <p> */
			if (n->tag != GUMBO_TAG_P && (f & F_BLOCK) &&
			    c->own[i] >= MIN_PARA && c->own[i] == c->chars[i])
				c->np[i]++;
		}
		if (i == 0)
			break;
		uint32_t p = n->parent;
		c->all[p] += c->all[i];
		c->good[p] += c->good[i];
		c->quoted[p] += c->quoted[i];
		c->chars[p] += c->chars[i];
		c->lchars[p] += c->lchars[i];
		c->commas[p] += c->commas[i];
		c->np[p] += c->np[i];
		c->nimg[p] += c->nimg[i];
		c->nli[p] += c->nli[i];
		c->ninput[p] += c->ninput[i];
		c->nembed[p] += c->nembed[i];
	}
}

/* ------------------------------------------------------------- 3. scores */

static float link_density(const ctx *c, size_t i)
{
	return c->chars[i] ? (float)c->lchars[i] / (float)c->chars[i] : 0.0f;
}

/* What an element is worth before its paragraphs count. */
static float base_score(const ctx *c, size_t i)
{
	const precis__html_node *n = &c->nd[i];
	float s = 0;
	switch (n->tag) {
	case GUMBO_TAG_DIV: s = 5; break;
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: s = 10; break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
	case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_TH: s = -5; break;
	default: break;
	}
	s += 25.0f * (float)c->at[i].weight;
	if (c->at[i].flags & PRECIS__HTML_A_BODY)
		s += 30;
	if (c->at[i].flags & PRECIS__HTML_A_ROLE_MAIN)
		s += 10;
	return s;
}

static void add_score(ctx *c, size_t i, float s)
{
	if (!c->scored[i]) {
		c->scored[i] = 1;
		c->score[i] = base_score(c, i);
	}
	c->score[i] += s;
}

static void score_blocks(ctx *c)
{
	for (size_t i = 1; i < c->n; i++) {
		uint8_t f = c->fl[i];
		if (!(f & F_BLOCK) || (f & (F_DROP | F_JUNK)) ||
		    c->own[i] < MIN_PARA || !scorable(c->nd[i].tag))
			continue;
		float ld = (float)c->lown[i] / (float)c->own[i];
		float s = 1.0f + (float)c->owncommas[i] +
			  fminf((float)(c->own[i] / 100), 3.0f);
		s *= 1.0f - ld;
		size_t a = c->nd[i].parent;
		for (int level = 0; level < 5 && a > 0; level++) {
			if (!is_el(&c->nd[a]) || c->nd[a].tag == GUMBO_TAG_HTML)
				break;
			float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3;
			add_score(c, a, s / div);
			a = c->nd[a].parent;
		}
	}
}

static float final_score(const ctx *c, size_t i)
{
	return c->score[i] * (1.0f - link_density(c, i));
}

#define TOP_N 5

/* The best candidates, best first; returns how many. */
static size_t top_candidates(const ctx *c, size_t *top)
{
	size_t k = 0;
	for (size_t i = 1; i < c->n; i++) {
		if (!c->scored[i])
			continue;
		float s = final_score(c, i);
		size_t j = k < TOP_N ? k++ : TOP_N;
		if (j == TOP_N && s <= final_score(c, top[TOP_N - 1]))
			continue;
		if (j == TOP_N)
			j = TOP_N - 1;
		while (j > 0 && final_score(c, top[j - 1]) < s) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = i;
	}
	return k;
}

/* ---------------------------------------------------------- 4. selection */

static int contains(const ctx *c, size_t a, size_t d)
{
	return a <= d && d < c->nd[a].end;
}

static int is_top_level(const ctx *c, size_t i)
{
	unsigned t = c->nd[i].tag;
	return i == 0 || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML ||
	       t == PRECIS__HTML_TAG_DOC;
}

static size_t element_children(const ctx *c, size_t p)
{
	size_t k = 0;
	for (size_t j = p + 1; j < c->nd[p].end; j = c->nd[j].end)
		if (is_el(&c->nd[j]) && !(c->fl[j] & F_DROP))
			k++;
	return k;
}

/* Several near-best candidates inside one ancestor: the article is split
 * into sections, take the ancestor (Readability's alternative candidates). */
static size_t common_ancestor(const ctx *c, const size_t *top, size_t k)
{
	size_t best = top[0], alts[TOP_N], na = 0;
	float bs = final_score(c, best);
	for (size_t j = 1; j < k; j++)
		if (final_score(c, top[j]) >= 0.75f * bs)
			alts[na++] = top[j];
	if (na < 3)
		return best;
	for (size_t a = c->nd[best].parent; !is_top_level(c, a); a = c->nd[a].parent) {
		size_t in = 0;
		for (size_t j = 0; j < na; j++)
			in += contains(c, a, alts[j]);
		if (in >= 3)
			return a;
	}
	return best;
}

/* Climbs while ancestors keep scoring; a single child means its parent. */
static size_t climb(const ctx *c, size_t best)
{
	float last = final_score(c, best), threshold = last / 3;
	for (size_t a = c->nd[best].parent; !is_top_level(c, a); a = c->nd[a].parent) {
		if (!c->scored[a])
			continue;
		float s = final_score(c, a);
		if (s < threshold)
			break;
		if (s > last) {
			best = a;
			break;
		}
		last = s;
	}
	while (!is_top_level(c, c->nd[best].parent) &&
	       element_children(c, c->nd[best].parent) == 1)
		best = c->nd[best].parent;
	return best;
}

/*
 * Takes in ancestors that add article text at little cost: an article cut
 * into sections by pull quotes or figures has its best-scoring section
 * chosen, but the sections' common ancestor gains far more good
 * paragraphs than boilerplate (failure: quantamagazine, R 0.75). Never
 * past an enclosing <article>: beyond it lie teaser lists, whose excerpts
 * read like paragraphs (failure: nationalreview's most-popular list).
 */
static size_t expand(const ctx *c, size_t best)
{
	size_t cur = best;
	int steps = 0;
	for (size_t a = best; !is_top_level(c, a); a = c->nd[a].parent)
		if (c->nd[a].tag == GUMBO_TAG_ARTICLE)
			return best;
	for (size_t a = c->nd[best].parent; !is_top_level(c, a) && steps < 6;
	     a = c->nd[a].parent, steps++) {
		int64_t dg = (int64_t)c->good[a] - c->good[cur];
		int64_t db = ((int64_t)c->all[a] - c->good[a]) -
			     ((int64_t)c->all[cur] - c->good[cur]);
		/* a split article: the ancestor adds at least half as much text
		 * again; a box beside it (key points, "About us") adds less */
		if (dg > 0 && dg >= 2 * db && 2 * dg >= (int64_t)c->good[cur]) {
			cur = a;
			steps = 0;
		}
	}
	return cur;
}

/* Whether the text under s has a sentence end (". " or a final '.'). */
static int has_sentence(const ctx *c, size_t s)
{
	char last = 0;
	for (size_t i = s; i < c->nd[s].end; i++) {
		if (c->nd[i].tag != PRECIS__HTML_TAG_TEXT || (c->fl[i] & F_DROP))
			continue;
		const char *t = c->nd[i].g->v.text.text;
		if (strstr(t, ". "))
			return 1;
		for (; *t; t++)
			if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
				last = *t;
	}
	return last == '.';
}

/*
 * Whether a sibling of the article belongs to it: Readability's rule for
 * plain paragraphs beside the chosen element. Its other rule, siblings
 * scoring a fifth of the best (even three quarters), only ever added
 * boilerplate here (press releases' "About" sections, copyright lines,
 * "Highlights": 5 pages, none helped) once expansion handles articles
 * split into sections, so it is gone.
 */
static int sibling_joins(const ctx *c, size_t s, size_t best)
{
	if (s == best)
		return 1;
	if ((c->fl[s] & (F_DROP | F_JUNK)) || c->nd[s].tag != GUMBO_TAG_P)
		return 0;
	float ld = link_density(c, s);
	uint32_t len = c->chars[s];
	if (len > 80 && ld < 0.25f)
		return 1;
	return len > 0 && len <= 80 && ld == 0 && has_sentence(c, s);
}

/* Readability's conditional cleaning: widgets, link lists, image strips. */
static int clean_conditionally(const ctx *c, size_t e)
{
	unsigned tag = c->nd[e].tag;
	if (tag != GUMBO_TAG_FORM && tag != GUMBO_TAG_FIELDSET &&
	    tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL &&
	    tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION &&
	    tag != GUMBO_TAG_DL && tag != GUMBO_TAG_UNKNOWN)
		return 0;
	/* Quotes, embedded posts among them, are the article's: their
	 * links (handles, t.co) are no sign of boilerplate (failures: nj.com,
	 * thehill; the annotators kept every embedded tweet). */
	if (c->quoted[e] * 2 >= c->chars[e] && c->chars[e])
		return 0;
	/* A div with no block inside is a paragraph: Readability turns such
	 * divs into <p> before cleaning (failure: generated pages whose
	 * paragraphs are <div>s lost those with a link). */
	if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_TABLE &&
	    c->own[e] == c->chars[e] && c->chars[e])
		return 0;
	/* Nor is an element made of good paragraphs a widget, whatever its
	 * image or input counts say (failure: a generated page lost its
	 * itemprop=articleBody div to the inputs of a form inside it). */
	if (c->chars[e] >= 200 && c->good[e] * 5 >= c->chars[e] * 4)
		return 0;
	float weight = 25.0f * (float)c->at[e].weight;
	float cs = c->scored[e] ? final_score(c, e) : 0;
	if (weight + cs < 0)
		return 1;
	if (c->commas[e] >= 10)
		return 0;
	int list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
	float p = (float)c->np[e], img = (float)c->nimg[e];
	float li = (float)c->nli[e] - 100, input = (float)c->ninput[e];
	float ld = link_density(c, e), len = (float)c->chars[e];
	uint32_t embed = c->nembed[e];
	return (img > 1 && p / img < 0.5f) || (!list && li > p) ||
	       (input > floorf(p / 3)) ||
	       (!list && len < 25 && (img == 0 || img > 2)) ||
	       (!list && weight < 25 && ld > 0.2f) || (weight >= 25 && ld > 0.5f) ||
	       (embed == 1 && len < 75) || embed > 1;
}

static int is_heading(unsigned tag)
{
	return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* A block that is (nearly) all link text: "Related: <a>...</a>", a
 * teaser headline (failures: livescience, space.com, foxnews). */
static int link_block(const ctx *c, size_t i)
{
	return (c->fl[i] & F_BLOCK) && !(c->fl[i] & F_QUOTE) &&
	       !is_heading(c->nd[i].tag) &&
	       c->own[i] > 0 && (float)c->lown[i] >= 0.8f * (float)c->own[i] &&
	       c->chars[i] - c->own[i] < MIN_PARA;
}

/* A list mostly of links: related stories, tags, sources. Readability
 * spares lists from its link density rule; a list half links is not
 * prose (failures: aljazeera "More:", cleveland "You may also like"). */
static int link_list(const ctx *c, size_t i)
{
	unsigned t = c->nd[i].tag;
	return (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) && c->chars[i] &&
	       link_density(c, i) >= 0.5f;
}

/* Copies up to cap-1 bytes of the visible text under i, lowercased,
 * white space collapsed; returns its length. Looks at 64 nodes at most, so
 * that asking every element of a deep chain stays linear. */
static size_t short_text(const ctx *c, size_t i, char *buf, size_t cap)
{
	size_t k = 0, end = c->nd[i].end;
	if (end - i > 64)
		end = i + 64;
	for (size_t j = i; j < end && k + 1 < cap; j++) {
		if (c->nd[j].tag != PRECIS__HTML_TAG_TEXT || (c->fl[j] & (F_DROP | F_JUNK)))
			continue;
		for (const char *t = c->nd[j].g->v.text.text; *t && k + 1 < cap; t++) {
			char ch = *t;
			if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
				if (k && buf[k - 1] != ' ')
					buf[k++] = ' ';
				continue;
			}
			buf[k++] = (char)((ch >= 'A' && ch <= 'Z') ? ch | 0x20 : ch);
		}
	}
	while (k && buf[k - 1] == ' ')
		k--;
	buf[k] = '\0';
	return k;
}

/* The labels pages put over ad slots (failure: morebikes "Advert"). */
static int ad_label(const ctx *c, size_t i)
{
	static const char *const labels[] = {
		"advertisement", "advert", "ad", "ads", "sponsored",
		"sponsored content", "story continues below",
		"story continues below advertisement", "article continues below",
		"continue reading below", "scroll to continue with content",
		"anzeige", "publicité", "publicidad", "pubblicità", "reklama",
		"реклама",
	};
	char buf[48];
	if (!(c->fl[i] & F_BLOCK) || c->chars[i] == 0 || c->chars[i] > 40)
		return 0;
	short_text(c, i, buf, sizeof(buf));
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
		if (!strcmp(buf, labels[k]))
			return 1;
	return 0;
}

/* The first text node with visible characters in [from, to), or 0. */
static size_t next_text(const ctx *c, size_t from, size_t to)
{
	for (size_t j = from; j < to && j < from + 64; j++)
		if (c->nd[j].tag == PRECIS__HTML_TAG_TEXT && c->chars[j])
			return j;
	return 0;
}

/* Whether text node j starts links that a heading could announce: a
 * link list, or two link lines in a row (a single "Related: ..." line
 * announces itself). Looks no further than `to`. */
static int linky_text(const ctx *c, size_t j, size_t to)
{
	size_t b = c->owner[j];
	if (link_block(c, b)) {
		size_t k = next_text(c, c->nd[b].end, to);
		return k && link_block(c, c->owner[k]);
	}
	for (int up = 0; up < 3 && b > 0; up++, b = c->nd[b].parent)
		if (link_list(c, b))
			return 1;
	return 0;
}

/* A short line without a sentence end announcing the links that follow:
 * "More:", "DON'T MISS", "You may also like..." (failures: aljazeera,
 * express, cleveland). */
static int lead_in(const ctx *c, size_t i, size_t r)
{
	char buf[64];
	if (!(c->fl[i] & F_BLOCK) || c->chars[i] == 0 || c->chars[i] > 50)
		return 0;
	size_t k = short_text(c, i, buf, sizeof(buf));
	if (k && (buf[k - 1] == '.' || buf[k - 1] == '!' || buf[k - 1] == '?'))
		if (k < 3 || strcmp(buf + k - 3, "..."))
			return 0;
	/* only links inside the article: after its last line come the
	 * site's lists (failure: a closing signature was taken for one) */
	size_t j = next_text(c, c->nd[i].end, c->nd[r].end);
	return j && linky_text(c, j, c->nd[r].end);
}

/* A small element with a boilerplate word in a class or id name, even
 * beside a content word: "entry-meta", "post-footer", "article-tags".
 * Only when it holds no good paragraph, so a wrapper named
 * "content-with-sidebar" is never lost (failure: generated WordPress
 * pages kept "Posted on ... by admin"). */
static int small_negative(const ctx *c, size_t i, size_t r)
{
	if (!(c->fl[i] & F_NEG))
		return 0;
	/* An author bio is made of good paragraphs: what gives it away is a
	 * boilerplate name on an element holding a sliver of the article
	 * (failure: theantijunecleaver's "post-author" box). */
	return (c->good[i] == 0 && c->chars[i] < 200) ||
	       (c->chars[i] < 1000 && (uint64_t)c->chars[i] * 8 < c->chars[r]);
}

/* The sibling next to j on one side, through the preorder layout: the
 * next one starts where j's subtree ends; the previous one is the
 * ancestor of node j-1 that is a child of j's parent. 0 when none. */
static size_t step(const ctx *c, size_t j, int after)
{
	size_t p = c->nd[j].parent;
	if (after)
		return c->nd[j].end < c->nd[p].end ? c->nd[j].end : 0;
	if (j - 1 == p)
		return 0;
	size_t k = j - 1;
	while (c->nd[k].parent != p)
		k = c->nd[k].parent;
	return k;
}

/* The nearest sibling of i on one side that is not white space (looking
 * past four blank ones at most); 0 when none, SIZE_MAX when unknown. */
static size_t sibling(const ctx *c, size_t i, int after)
{
	size_t j = i;
	for (int hops = 0; hops < 5; hops++) {
		j = step(c, j, after);
		if (!j || c->nd[j].tag != PRECIS__HTML_TAG_TEXT || c->all[j])
			return j;
	}
	return SIZE_MAX;
}

/* Whether sibling j (0: none) ends a line: absent, a <br> or a block. */
static int breaks_line(const ctx *c, size_t j)
{
	if (j == SIZE_MAX)
		return 0;
	return j == 0 || c->nd[j].tag == GUMBO_TAG_BR ||
	       (c->fl[j] & F_BLOCK);
}

/* A block, or an inline element standing on a line of its own. */
static int is_line(const ctx *c, size_t i)
{
	if (c->fl[i] & F_BLOCK)
		return 1;
	return breaks_line(c, sibling(c, i, 0)) && breaks_line(c, sibling(c, i, 1));
}

/* The headline again, or a "Last updated ..." line: the annotated bodies
 * never include them; old table layouts put both in the body's cell. */
static int title_or_dateline(const ctx *c, size_t i)
{
	static const char *const dated[] = {"updated", "last updated", "published",
					    "first published", "posted", "posted on"};
	char buf[320], sq[320];
	uint32_t n = c->chars[i];
	if (n < 6 || n > 300 || !is_line(c, i))
		return 0;
	size_t k = short_text(c, i, buf, sizeof(buf));
	for (size_t d = 0; d < sizeof(dated) / sizeof(dated[0]) && n <= 60; d++) {
		size_t dl = strlen(dated[d]);
		if (!strncmp(buf, dated[d], dl) && (buf[dl] == ' ' || buf[dl] == ':'))
			return 1;
	}
	size_t q = precis__html_squash(buf, k, sq, sizeof(sq));
	return q >= 8 && (!strcmp(sq, c->og) ||
			   (!strncmp(sq, c->title, q) && q * 10 >= strlen(c->title) * 6));
}

/* Whether element i, inside the article rooted at r, is left out;
 * without `clean` only what is never text (hidden, boilerplate) is. */
static int removed(const ctx *c, size_t i, size_t r, int clean)
{
	const precis__html_node *n = &c->nd[i];
	uint8_t f = c->fl[i];
	if (f & F_DROP)
		return 1;
	if (i == r || !is_el(n))
		return 0;
	if (!clean)
		return (f & F_JUNK) != 0;
	return (f & F_JUNK) || n->tag == GUMBO_TAG_H1 || link_block(c, i) ||
	       link_list(c, i) || ad_label(c, i) || lead_in(c, i, r) ||
	       small_negative(c, i, r) || title_or_dateline(c, i) ||
	       clean_conditionally(c, i);
}

/* Marks what to render under root r, cleaning as it goes. */
static size_t keep_subtree(const ctx *c, size_t r, uint8_t *keep, int clean)
{
	size_t text = 0;
	for (size_t i = r; i < c->nd[r].end;) {
		const precis__html_node *n = &c->nd[i];
		if (removed(c, i, r, clean)) {
			i = n->end;
			continue;
		}
		keep[i] = PRECIS__HTML_KEEP;
		if (n->tag == PRECIS__HTML_TAG_TEXT)
			text += c->chars[i];
		i++;
	}
	return text;
}

/* Marks the way down from the document to node r. */
static void keep_path(const ctx *c, size_t r, uint8_t *keep)
{
	for (size_t a = r; a > 0; a = c->nd[a].parent)
		keep[c->nd[a].parent] = PRECIS__HTML_KEEP;
}

/* Chooses and marks the article; returns its visible characters. */
static size_t select_article(const ctx *c, uint8_t *keep, size_t *root)
{
	size_t top[TOP_N], k = top_candidates(c, top), text = 0;
	memset(keep, 0, c->n);
	if (!k) { /* no paragraph anywhere: all the visible text */
		*root = 0;
		return keep_subtree(c, 0, keep, 0);
	}
	keep_path(c, top[0], keep);
	size_t best = expand(c, climb(c, common_ancestor(c, top, k)));
	size_t p = c->nd[best].parent;
	*root = best;
	keep_path(c, best, keep);
	if (is_top_level(c, best))
		return keep_subtree(c, best, keep, 1);
	for (size_t s = p + 1; s < c->nd[p].end; s = c->nd[s].end)
		if (is_el(&c->nd[s]) && sibling_joins(c, s, best))
			text += keep_subtree(c, s, keep, 1);
	return text;
}

/* ---------------------------------------------------------------- driver */

static int ctx_alloc(ctx *c, const precis__html_dom *dom)
{
	size_t n = dom->nnodes;
	memset(c, 0, sizeof(*c));
	c->dom = dom;
	c->nd = dom->nodes;
	c->n = n;
	c->fl = calloc(n, 1);
	c->scored = calloc(n, 1);
	c->score = calloc(n, sizeof(float));
	c->at = malloc(n * sizeof(*c->at));
	uint32_t **arrays[] = {&c->owner, &c->chars, &c->lchars, &c->commas,
			       &c->own, &c->lown, &c->owncommas, &c->np,
			       &c->nimg, &c->nli, &c->ninput, &c->nembed,
			       &c->all, &c->good, &c->quoted};
	int ok = c->fl && c->scored && c->score && c->at;
	for (size_t i = 0; ok && i < n; i++)
		precis__html_read_attrs(&dom->nodes[i], &c->at[i]);
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		ok &= (*arrays[i] = calloc(n, sizeof(uint32_t))) != NULL;
	return ok ? 0 : PRECIS__HTML_ERR_NOMEM;
}

static void ctx_reset(ctx *c)
{
	size_t n = c->n;
	memset(c->fl, 0, n);
	memset(c->scored, 0, n);
	memset(c->score, 0, n * sizeof(float));
	uint32_t *arrays[] = {c->owner, c->chars, c->lchars, c->commas, c->own,
			      c->lown, c->owncommas, c->np, c->nimg, c->nli,
			      c->ninput, c->nembed, c->all, c->good,
			      c->quoted};
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		memset(arrays[i], 0, n * sizeof(uint32_t));
}

static void ctx_free(ctx *c)
{
	free(c->fl);
	free(c->scored);
	free(c->score);
	free(c->at);
	uint32_t *arrays[] = {c->owner, c->chars, c->lchars, c->commas, c->own,
			      c->lown, c->owncommas, c->np, c->nimg, c->nli,
			      c->ninput, c->nembed, c->all, c->good,
			      c->quoted};
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		free(arrays[i]);
}

static size_t run_pass(ctx *c, int strict, uint8_t *keep, size_t *root)
{
	ctx_reset(c);
	c->strict = strict;
	signals(c);
	counts(c);
	score_blocks(c);
	return select_article(c, keep, root);
}

static size_t run_pass(ctx *c, int strict, uint8_t *keep, size_t *root);

/* -------------------------------------------------------- JSON-LD check */

typedef struct {
	const precis__html_ldset *ld;
	uint32_t hits;
} ld_count;

static void count_hit(void *p, uint64_t h)
{
	ld_count *k = p;
	k->hits += precis__html_ld_has(k->ld, h);
}

/* Per node: words of its visible text, and those in the JSON-LD body. */
static void ld_tally(const ctx *c, const precis__html_ldset *ld, uint32_t *hit,
		     uint32_t *tot)
{
	for (size_t i = c->n; i-- > 1;) {
		const precis__html_node *n = &c->nd[i];
		if (n->tag == PRECIS__HTML_TAG_TEXT && !(c->fl[i] & F_DROP)) {
			ld_count k = {ld, 0};
			const char *t = n->g->v.text.text;
			tot[i] += (uint32_t)precis__html_words(t, strlen(t), count_hit, &k);
			hit[i] += k.hits;
		}
		hit[n->parent] += hit[i];
		tot[n->parent] += tot[i];
	}
}

static uint64_t kept_hits(const ctx *c, const uint8_t *keep, const uint32_t *hit)
{
	uint64_t h = 0;
	for (size_t i = 0; i < c->n; i++)
		if (keep[i] && c->nd[i].tag == PRECIS__HTML_TAG_TEXT)
			h += hit[i];
	return h;
}

/*
 * When the page's JSON-LD repeats the article and the chosen text holds
 * less than half of its words, the choice was wrong (a class-name rule or
 * a teaser list won): take instead the element whose text best matches
 * the JSON-LD body (most words in it, fewest not), cleaned as usual, if
 * that recovers far more of it. A check, never the output itself.
 */
static int ld_rescue(ctx *c, uint8_t *keep, size_t *root)
{
	precis__html_ldset ld;
	int rc = precis__html_ld_read(c->dom, &ld);
	if (rc || !ld.words)
		return rc;
	uint32_t *hit = calloc(c->n, sizeof(*hit)), *tot = calloc(c->n, sizeof(*tot));
	uint8_t *alt = malloc(c->n);
	if (!hit || !tot || !alt) {
		rc = PRECIS__HTML_ERR_NOMEM;
		goto done;
	}
	ld_tally(c, &ld, hit, tot);
	uint64_t have = kept_hits(c, keep, hit);
	if (have * 2 >= ld.words)
		goto done;
	size_t best = 0;
	int64_t bs = 0;
	for (size_t i = 1; i < c->n; i++) {
		int64_t s = 2 * (int64_t)hit[i] - tot[i];
		if (is_el(&c->nd[i]) && !(c->fl[i] & F_DROP) && s > bs)
			best = i, bs = s;
	}
	if (!best)
		goto done;
	if (c->strict) { /* class names must not cut into the rescued text */
		size_t r2;
		run_pass(c, 0, alt, &r2);
	}
	memset(alt, 0, c->n);
	keep_path(c, best, alt);
	keep_subtree(c, best, alt, 1);
	if (kept_hits(c, alt, hit) * 2 > have * 3) {
		memcpy(keep, alt, c->n);
		*root = best;
	}
done:
	free(hit);
	free(tot);
	free(alt);
	precis__html_ld_free(&ld);
	return rc;
}

/* The squashed text of <title> and og:title, for title_or_dateline. */
static void page_titles(ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const precis__html_node *n = &c->nd[i];
		if (n->tag == GUMBO_TAG_TITLE && !c->title[0] && i + 1 < n->end &&
		    c->nd[i + 1].tag == PRECIS__HTML_TAG_TEXT) {
			const char *t = c->nd[i + 1].g->v.text.text;
			precis__html_squash(t, strlen(t), c->title, sizeof(c->title));
		} else if (n->tag == GUMBO_TAG_META && !c->og[0]) {
			const char *p = precis__html_attr(n, "property");
			const char *v = precis__html_attr(n, "content");
			if (p && v && !strcmp(p, "og:title"))
				precis__html_squash(v, strlen(v), c->og, sizeof(c->og));
		} else if (n->tag == GUMBO_TAG_BODY) {
			break;
		}
	}
}

int precis__html_select(const precis__html_dom *dom, uint8_t *keep,
			size_t *root)
{
	ctx c;
	*root = 0;
	if (!dom->nnodes)
		return 0;
	if (ctx_alloc(&c, dom)) {
		ctx_free(&c);
		return PRECIS__HTML_ERR_NOMEM;
	}
	int rc = 0;
	page_titles(&c);
	size_t got = run_pass(&c, 1, keep, root);
	if (got < MIN_ARTICLE) {
		uint8_t *alt = malloc(dom->nnodes);
		size_t r2 = 0;
		if (!alt)
			rc = PRECIS__HTML_ERR_NOMEM;
		else if (run_pass(&c, 0, alt, &r2) > got) {
			memcpy(keep, alt, dom->nnodes);
			*root = r2;
		}
		free(alt);
	}
	if (!rc)
		rc = ld_rescue(&c, keep, root);
	ctx_free(&c);
	return rc;
}
