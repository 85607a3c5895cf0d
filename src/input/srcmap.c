/*
 * srcmap.c - the offset maps of srcmap.h.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/srcmap.h"

int precis__pieces_add(precis__pieces *p, size_t t, size_t s)
{
	size_t now = precis__pieces_map(p, t);
	if (now == s)
		return 0; /* the mapping goes on as it was */
	if (p->n > 0 && p->v[p->n - 1].t == t) {
		p->v[p->n - 1].s = s; /* a later word on the same offset wins */
		return 0;
	}
	if (PRECIS__VEC_RESERVE(p, p->n + 1) != 0)
		return PRECIS_ERR_NOMEM;
	p->v[p->n++] = (precis__piece){ t, s };
	return 0;
}

int precis__text_append(precis__pieces *p, char **buf, size_t *len, size_t *cap,
			const char *s, size_t n, size_t from)
{
	if (precis__pieces_add(p, *len, from) != 0 ||
	    precis__grow((void **)buf, cap, *len + n + 1, 1) != 0)
		return PRECIS_ERR_NOMEM;
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

size_t precis__pieces_map(const precis__pieces *p, size_t t)
{
	if (p->n == 0 || t < p->v[0].t)
		return t;
	size_t lo = 0, hi = p->n; /* the last piece with .t <= t */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->v[mid].t <= t)
			lo = mid;
		else
			hi = mid;
	}
	return p->v[lo].s + (t - p->v[lo].t);
}

void precis__pieces_truncate(precis__pieces *p, size_t t)
{
	while (p->n > 0 && p->v[p->n - 1].t > t)
		p->n--;
}

void precis__pieces_free(precis__pieces *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

int precis__encmap_add(precis__encmap *e, size_t ulen, size_t slen)
{
	if (e->nchars % PRECIS__ENC_STEP == 0) {
		size_t c1 = e->mark_cap, c2 = e->mark_cap;
		if (precis__grow((void **)&e->mark_u, &c1, e->nmarks + 1, sizeof *e->mark_u) ||
		    precis__grow((void **)&e->mark_s, &c2, e->nmarks + 1, sizeof *e->mark_s))
			return PRECIS_ERR_NOMEM;
		e->mark_cap = c1 < c2 ? c1 : c2;
		e->mark_u[e->nmarks] = e->u_end;
		e->mark_s[e->nmarks++] = e->s_end;
	}
	if (precis__grow((void **)&e->len, &e->cap, e->nchars + 1, 1) != 0)
		return PRECIS_ERR_NOMEM;
	/* A character of more than 63 source bytes (an escape sequence before
	 * it, in a stateful encoding) is rare; its offsets become approximate. */
	e->len[e->nchars++] = (unsigned char)((ulen - 1) | (slen > 63 ? 63 : slen) << 2);
	e->u_end += ulen;
	e->s_end += slen;
	e->converted = 1;
	return 0;
}

size_t precis__encmap_map(const precis__encmap *e, size_t u, size_t *slen)
{
	if (slen != NULL)
		*slen = 1;
	if (!e->converted)
		return u + e->base;
	if (u >= e->u_end)
		return e->base + e->s_end + (u - e->u_end);
	size_t lo = 0, hi = e->nmarks; /* the last checkpoint at or before u */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->mark_u[mid] <= u)
			lo = mid;
		else
			hi = mid;
	}
	size_t pu = e->mark_u[lo], ps = e->mark_s[lo], k = lo * PRECIS__ENC_STEP;
	while (k < e->nchars) {
		size_t l = (e->len[k] & 3u) + 1;
		if (pu + l > u)
			break;
		pu += l;
		ps += e->len[k++] >> 2;
	}
	if (slen != NULL && k < e->nchars)
		*slen = e->len[k] >> 2;
	return e->base + ps;
}

void precis__encmap_free(precis__encmap *e)
{
	free(e->len);
	free(e->mark_u);
	free(e->mark_s);
	memset(e, 0, sizeof *e);
}
