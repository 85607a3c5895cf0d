/*
 * html_class.c - what an element's attributes say about it: class and id
 * names (content-like or boilerplate-like), ARIA roles, schema.org
 * itemprop, and whether it is hidden.
 *
 * The name lists follow the idea of Readability's "unlikely candidates"
 * and class-weight regular expressions (words that site templates use for
 * comments, sharing, navigation...), rewritten as two kinds of match:
 * long, distinctive words match anywhere in the lowercased value
 * ("comments-area", "socialShare"), short ones only as a whole token
 * between non-letters ("ad", "nav", "meta"), so that "header" is not "ad",
 * "shadow" not "ad", "domain" not "main".
 */
#include <string.h>

#include "input/html.h"

/* Substrings marking boilerplate. */
static const char *const neg_sub[] = {
	"comment", "footer", "sidebar", "share", "sharing",
	"related", "recommend", "promo", "sponsor", "newsletter", "subscri",
	"signup", "sign-up", "cookie", "consent", "gdpr", "banner",
	"breadcrumb", "byline", "masthead", "popup", "modal", "advert",
	"outbrain", "taboola", "disqus", "pagination",
	"toolbar", "navbar", "navigation", "menu", "login", "paywall",
	"shoutbox", "skyscraper", "supplemental", "agegate", "trending",
	"most-popular", "mostpopular", "most-read", "mostread", "read-more",
	"readmore", "also-read", "more-stories", "newsfeed", "dropdown",
	"carousel", "tooltip", "offcanvas", "off-canvas", "hamburger",
	"copyright", "disclaimer", "author-bio", "authorbio", "author-info",
	"pullquote", "pull-quote", "caption", "rollover", "popover",
	"hovercard", "credit",
};

/* Whole tokens marking boilerplate. */
static const char *const neg_tok[] = {
	"nav", "ad", "ads", "adv", "tags", "tag", "meta", "author", "authors",
	"date", "dateline", "timestamp", "time", "foot", "header", "head",
	"hidden", "hide", "more", "pager", "rss", "combx", "community", "extra", "remark", "replies",
	"sr", "print", "skip", "alert", "search", "topics", "follow",
	"newsletter", "subscribe", "source", "util", "utility",
	"tools", "links", "bio", "sns", "inline-ad", "aside",
};

/* Substrings marking content. */
static const char *const pos_sub[] = {
	"article", "content", "entry", "hentry", "h-entry", "post", "text",
	"blog", "story", "body", "prose", "rich-text", "richtext",
};

/* Whole tokens marking content. */
static const char *const pos_tok[] = {"main", "page", "copy"};

static int is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The value's letter pairs, hashed into 1024 bits: a pattern whose first
 * pair is absent cannot occur, so most are rejected without a scan. */
typedef struct {
	uint64_t bit[16];
} pairs;

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return (a * 31u + b) & 1023u;
}

static void pairs_of(const char *v, pairs *p)
{
	memset(p, 0, sizeof(*p));
	for (size_t i = 0; v[i] && v[i + 1]; i++) {
		unsigned h = pair_hash((unsigned char)v[i], (unsigned char)v[i + 1]);
		p->bit[h >> 6] |= 1ull << (h & 63);
	}
}

static int may_have(const pairs *p, const char *pat)
{
	unsigned h = pair_hash((unsigned char)pat[0], (unsigned char)pat[1]);
	return (p->bit[h >> 6] >> (h & 63)) & 1;
}

/* "non-ad-column", "no-sidebar": a negated word says the opposite. */
static int negated(const char *v, const char *p)
{
	return (p - v >= 4 && !strncmp(p - 4, "non-", 4)) ||
	       (p - v >= 3 && !strncmp(p - 3, "no-", 3) && (p - v == 3 || !is_word(p[-4])));
}

static int has_sub(const char *v, const pairs *pr, const char *const *list,
		   size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *p = may_have(pr, list[i]) ? strstr(v, list[i]) : NULL; p;
		     p = strstr(p + 1, list[i]))
			if (!negated(v, p))
				return 1;
	return 0;
}

static int has_tok(const char *v, const pairs *pr, const char *const *list,
		   size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(list[i]);
		for (const char *p = may_have(pr, list[i]) ? strstr(v, list[i]) : NULL; p;
		     p = strstr(p + 1, list[i]))
			if ((p == v || !is_word(p[-1])) && !is_word(p[k]) && !negated(v, p))
				return 1;
	}
	return 0;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Lowercases up to cap-1 bytes of s into buf. */
static void lower(const char *s, char *buf, size_t cap)
{
	size_t i = 0;
	for (; s[i] && i + 1 < cap; i++)
		buf[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] | 0x20 : s[i]);
	buf[i] = '\0';
}

/*
 * +1 content-like, -1 boilerplate-like, 0 neither or both, for one value.
 * A content word anywhere protects (Readability's okMaybeItsACandidate):
 * wrappers are named "content-with-sidebar-wrp", "article-body
 * share-enabled", and losing the article costs more than keeping a widget
 * (failure: thehill, when a boilerplate word inside a name won).
 */
static int weigh(const char *value, int *neg, int *pos)
{
	char v[256];
	pairs pr;
	lower(value, v, sizeof(v));
	pairs_of(v, &pr);
	*neg = has_sub(v, &pr, neg_sub, N(neg_sub)) ||
	       has_tok(v, &pr, neg_tok, N(neg_tok));
	*pos = has_sub(v, &pr, pos_sub, N(pos_sub)) ||
	       has_tok(v, &pr, pos_tok, N(pos_tok));
	return *pos - *neg;
}

/* Whether `style` sets display:none or visibility:hidden. */
static int style_hides(const char *style)
{
	char v[512], *w = v;
	size_t i = 0;
	for (; style[i] && w + 1 < v + sizeof(v); i++)
		if (style[i] != ' ' && style[i] != '\t' && style[i] != '\n')
			*w++ = (char)((style[i] >= 'A' && style[i] <= 'Z') ? style[i] | 0x20
									    : style[i]);
	*w = '\0';
	return strstr(v, "display:none") || strstr(v, "visibility:hidden");
}

/* ARIA roles of landmarks and widgets that are not the article. */
static int role_flags(const char *v)
{
	static const char *const junk[] = {
		"navigation", "complementary", "contentinfo", "banner", "search",
		"menu", "menubar", "dialog", "alertdialog", "alert", "tooltip",
		"toolbar", "form",
	};
	for (size_t i = 0; i < N(junk); i++)
		if (!strcmp(v, junk[i]))
			return PRECIS__HTML_A_ROLE_JUNK;
	if (!strcmp(v, "main") || !strcmp(v, "article"))
		return PRECIS__HTML_A_ROLE_MAIN;
	return 0;
}

/* One pass over the attributes (gumbo lowercases their names). */
void precis__html_read_attrs(const precis__html_node *n, precis__html_attrs *out)
{
	out->flags = 0;
	out->weight = 0;
	if (n->g->type != GUMBO_NODE_ELEMENT && n->g->type != GUMBO_NODE_TEMPLATE)
		return;
	const GumboVector *av = &n->g->v.element.attributes;
	for (unsigned i = 0; i < av->length; i++) {
		const GumboAttribute *a = av->data[i];
		const char *k = a->name, *v = a->value;
		int neg, pos;
		if (!strcmp(k, "class") || !strcmp(k, "id")) {
			if (!v[0])
				continue;
			out->weight = (int8_t)(out->weight + weigh(v, &neg, &pos));
			out->flags |= (neg ? PRECIS__HTML_A_NEG : 0) | (pos ? PRECIS__HTML_A_POS : 0);
		} else if (!strcmp(k, "hidden") ||
			   (!strcmp(k, "aria-hidden") && !strcmp(v, "true")) ||
			   (!strcmp(k, "style") && style_hides(v))) {
			out->flags |= PRECIS__HTML_A_HIDDEN;
		} else if (!strcmp(k, "role")) {
			out->flags |= (uint8_t)role_flags(v);
		} else if (!strcmp(k, "itemprop") &&
			   (strstr(v, "articleBody") || strstr(v, "articlebody"))) {
			out->flags |= PRECIS__HTML_A_BODY;
		}
	}
}

int precis__html_is_hidden(const precis__html_node *n)
{
	precis__html_attrs a;
	precis__html_read_attrs(n, &a);
	return (a.flags & PRECIS__HTML_A_HIDDEN) != 0;
}
