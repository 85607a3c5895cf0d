/*
 * markdown.c - Markdown as the text a reader sees, through md4c, a
 * CommonMark parser (Debian's libmd4c): chosen over cmark because it hands
 * text over as pointers into the source, which gives exact source offsets
 * for free, and it builds no tree, so it streams through large documents.
 *
 * Headings and paragraphs become paragraphs (a heading the text starts
 * with is the title); each list item is a line of its own in its list's paragraph;
 * inline markup is dropped and links give their text; code blocks, HTML
 * blocks, tables, images and a leading YAML/TOML front matter give nothing,
 * so nothing there can be picked. A paragraph or list item that is nothing
 * but links (a list of related links, a table of contents, "Read more")
 * points elsewhere instead of saying something, so it is left out too:
 * its words would otherwise weigh in the article's statistics; so is a
 * heading left with nothing under it ("## Links" over such a list). Soft
 * line breaks are spaces, hard ones line breaks.
 */
#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/entity.h"
#include "input/input.h"

/* A paragraph or list item being written: where it starts, and how much
 * of its text is a link's. */
typedef struct block {
	size_t start, link, other;
	size_t emphasized, plain; /* text inside and outside emphasis */
	int broke;                /* a soft break came */
	int need;
} block;

typedef struct md {
	precis__input *in;
	const char *u;      /* the source text (UTF-8) */
	size_t ulen, base;  /* its length; bytes of front matter before md4c's */
	char *buf;
	size_t len, cap;
	size_t last;        /* the u offset the text reached */
	int need;           /* line breaks owed before the next text */
	int hidden;         /* inside code, HTML, tables, images */
	int in_item;        /* inside list items */
	int heading;        /* inside a heading */
	int in_link;        /* inside link spans */
	int in_emph;        /* inside emphasis */
	size_t head_start;  /* the last heading but the title: where it */
	size_t head_end;    /* starts and ends (0, 0: none open) */
	block *blocks;      /* open paragraphs and list items */
	size_t nblocks, blocks_cap;
	int oom;
} md;

static void open_block(md *m)
{
	if (precis__grow((void **)&m->blocks, &m->blocks_cap, m->nblocks + 1,
			 sizeof *m->blocks) != 0) {
		m->oom = 1;
		return;
	}
	m->blocks[m->nblocks++] = (block){ m->len, 0, 0, 0, 0, 0, m->need };
}

/* Closes the innermost block; drops it when all its text was links'. */
static void close_block(md *m)
{
	if (m->nblocks == 0)
		return;
	block b = m->blocks[--m->nblocks];
	if (m->nblocks > 0) { /* a nested item counts for its parent */
		m->blocks[m->nblocks - 1].link += b.link;
		m->blocks[m->nblocks - 1].other += b.other;
	}
	if (b.link == 0 || b.other > 0 || m->len < b.start)
		return;
	m->len = b.start;
	m->buf[m->len] = '\0';
	precis__pieces_truncate(&m->in->pieces, m->len);
	/* A title heading inside the dropped item ("- # [Name](url)") went
	 * with it: the text that comes next is no title. */
	if (m->in->has_title && m->in->title_off >= m->len)
		m->in->has_title = 0;
	if (m->nblocks > 0) /* its words no longer count for the parent */
		m->blocks[m->nblocks - 1].link -= b.link;
	m->need = b.need;
}

/* Counts text of the innermost block as a link's or not. */
static void count_text(md *m, const char *s, size_t n)
{
	if (m->nblocks == 0)
		return;
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		words += s[i] != ' ' && s[i] != '\t' && s[i] != '\n';
	block *b = &m->blocks[m->nblocks - 1];
	if (m->in_link)
		b->link += words;
	else
		b->other += words;
	if (m->in_emph)
		b->emphasized += words;
	else
		b->plain += words;
}

static void put(md *m, const char *s, size_t n, size_t from)
{
	if (!m->oom && precis__text_append(&m->in->pieces, &m->buf, &m->len, &m->cap,
					   s, n, from) != 0)
		m->oom = 1;
}

/* The u offset of md4c's pointer `p`, or where the text reached when it
 * points elsewhere (md4c's own "\n" of a line break). */
static size_t where(const md *m, const char *p)
{
	if (p >= m->u + m->base && p <= m->u + m->ulen)
		return (size_t)(p - m->u);
	return m->last;
}

/* The line breaks owed, without doubling those already written. */
static void settle(md *m)
{
	if (m->len == 0) {
		m->need = 0;
		return;
	}
	int have = 0;
	while (have < 2 && (size_t)have < m->len && m->buf[m->len - 1 - have] == '\n')
		have++;
	for (; have < m->need; have++)
		put(m, "\n", 1, m->last);
	m->need = 0;
}

static void owe(md *m, int breaks)
{
	if (breaks > m->need)
		m->need = breaks;
}

/* Drops the last heading when nothing has been written under it. */
static void drop_empty_heading(md *m)
{
	if (m->head_end == 0)
		return;
	size_t end = m->len;
	while (end > m->head_end && m->buf[end - 1] == '\n')
		end--;
	if (end == m->head_end) {
		m->len = m->head_start;
		m->buf[m->len] = '\0';
		precis__pieces_truncate(&m->in->pieces, m->len);
	}
	m->head_start = m->head_end = 0;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	md *m = arg;
	(void)detail;
	switch (type) {
	case MD_BLOCK_CODE: case MD_BLOCK_HTML: case MD_BLOCK_TABLE:
		m->hidden++;
		break;
	case MD_BLOCK_H:
		drop_empty_heading(m);
		owe(m, 2);
		settle(m);
		/* The title is a heading the text starts with; a heading after
		 * some text heads a section. */
		if (!m->in->has_title && !m->hidden && m->len == 0) {
			m->heading = 1;
			m->in->title_off = m->len;
		} else if (!m->hidden) {
			m->head_start = m->len;
		}
		break;
	case MD_BLOCK_LI:
		owe(m, 1);
		m->in_item++;
		open_block(m);
		break;
	case MD_BLOCK_P:
		owe(m, m->in_item ? 1 : 2);
		open_block(m);
		break;
	case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_QUOTE: case MD_BLOCK_HR:
		owe(m, m->in_item ? 1 : 2);
		break;
	default:
		break;
	}
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	md *m = arg;
	(void)detail;
	switch (type) {
	case MD_BLOCK_CODE: case MD_BLOCK_HTML: case MD_BLOCK_TABLE:
		m->hidden--;
		owe(m, m->in_item ? 1 : 2);
		break;
	case MD_BLOCK_H:
		if (m->heading) {
			m->heading = 0;
			m->in->has_title = m->len > m->in->title_off;
			m->in->title_len = m->len - m->in->title_off;
		} else if (!m->hidden && m->len > m->head_start) {
			m->head_end = m->len;
		} else {
			m->head_start = m->head_end = 0;
		}
		owe(m, 2);
		break;
	case MD_BLOCK_LI:
		m->in_item--;
		close_block(m);
		owe(m, 1);
		break;
	case MD_BLOCK_P:
		close_block(m);
		owe(m, m->in_item ? 1 : 2);
		break;
	case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_QUOTE:
		owe(m, m->in_item ? 1 : 2);
		break;
	default:
		break;
	}
	return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	(void)detail;
	if (type == MD_SPAN_IMG)
		((md *)arg)->hidden++;
	else if (type == MD_SPAN_A)
		((md *)arg)->in_link++;
	else if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
		((md *)arg)->in_emph++;
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	(void)detail;
	if (type == MD_SPAN_IMG)
		((md *)arg)->hidden--;
	else if (type == MD_SPAN_A)
		((md *)arg)->in_link--;
	else if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
		((md *)arg)->in_emph--;
	return 0;
}

/* A paragraph whose first line is all emphasis is a label over its text
 * ("> **Note**\n> Version 2 changed..."): that line stays a line. */
static int label_line(md *m)
{
	if (m->nblocks == 0)
		return 0;
	block *b = &m->blocks[m->nblocks - 1];
	int first = !b->broke;
	b->broke = 1;
	return first && b->emphasized > 0 && b->plain == 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *arg)
{
	md *m = arg;
	if (m->hidden || type == MD_TEXT_HTML)
		return 0;
	size_t at = where(m, s);
	settle(m);
	if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE || type == MD_TEXT_ENTITY)
		count_text(m, s, size);
	char ent[8];
	switch (type) {
	case MD_TEXT_SOFTBR:
		put(m, label_line(m) ? "\n" : " ", 1, at);
		break;
	case MD_TEXT_BR:
		put(m, "\n", 1, at);
		break;
	case MD_TEXT_NULLCHAR:
		put(m, "\xEF\xBF\xBD", 3, at);
		break;
	case MD_TEXT_ENTITY: {
		size_t k = precis__entity(s, size, ent);
		if (k > 0)
			put(m, ent, k, at);
		else
			put(m, s, size, at);
		break;
	}
	default:
		/* Text after something dropped (an image) may start with the
		 * space that separated them: not at the start of a line. */
		if (m->len == 0 || m->buf[m->len - 1] == '\n')
			while (size > 0 && (*s == ' ' || *s == '\t')) {
				s++;
				size--;
				at++;
			}
		put(m, s, size, at);
		break;
	}
	if (s >= m->u + m->base && s <= m->u + m->ulen)
		m->last = (size_t)(s - m->u) + size;
	return m->oom ? -1 : 0;
}

/* A YAML ("---") or TOML ("+++") block at the very start, up to its
 * closing line: metadata, not text. Returns the bytes it takes. */
static size_t front_matter(const char *u, size_t len)
{
	for (int k = 0; k < 2; k++) {
		const char *fence = k ? "+++" : "---";
		if (len < 4 || memcmp(u, fence, 3) != 0 || (u[3] != '\n' && u[3] != '\r'))
			continue;
		for (size_t pos = 4; pos < len;) {
			const char *nl = memchr(u + pos, '\n', len - pos);
			size_t end = nl ? (size_t)(nl - u) : len, e = end;
			if (e > pos && u[e - 1] == '\r')
				e--;
			if (e - pos == 3 && (memcmp(u + pos, fence, 3) == 0 ||
					     (k == 0 && memcmp(u + pos, "...", 3) == 0)))
				return nl ? end + 1 : len;
			pos = nl ? end + 1 : len;
		}
	}
	return 0;
}

int precis__input_markdown(precis__input *in, const char *u, size_t len)
{
	if (len > UINT32_MAX)
		return PRECIS_ERR_LIMIT; /* md4c counts in unsigned */
	md m = { .in = in, .u = u, .ulen = len };
	m.base = front_matter(u, len);
	m.last = m.base;
	MD_PARSER p = { 0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
			   MD_FLAG_PERMISSIVEAUTOLINKS, enter_block, leave_block,
			enter_span, leave_span, text, NULL, NULL };
	put(&m, "", 0, m.base);
	int rc = m.oom ? -1 : md_parse(u + m.base, (MD_SIZE)(len - m.base), &p, &m);
	if (rc == 0)
		drop_empty_heading(&m);
	while (rc == 0 && m.len > 1 && m.buf[m.len - 1] == '\n' && m.buf[m.len - 2] == '\n')
		m.buf[--m.len] = '\0'; /* one line break ends the text */
	if (rc == 0 && m.len > 0 && m.buf[m.len - 1] != '\n')
		put(&m, "\n", 1, m.last);
	free(m.blocks);
	in->text = m.buf;
	in->len = m.len;
	return rc != 0 || m.oom ? PRECIS_ERR_NOMEM : 0;
}
