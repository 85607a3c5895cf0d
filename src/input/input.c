/*
 * input.c - the input stage (input.h): decode the source to UTF-8, decide
 * its format, and turn it into the text the pipeline reads.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "input/input.h"

static int known_format(int f)
{
	return f == PRECIS_INPUT_AUTO || f == PRECIS_INPUT_TEXT ||
	       f == PRECIS_INPUT_MARKDOWN || f == PRECIS_INPUT_HTML ||
	       f == PRECIS_INPUT_SUBTITLES;
}

static int known_wrap(int w)
{
	return w == PRECIS_WRAP_AUTO || w == PRECIS_WRAP_JOIN || w == PRECIS_WRAP_KEEP;
}

static int html_text(precis__input *in, const char *src, size_t len,
		     const precis__input_opts *o, precis_error *err)
{
	int rc = precis__input_html(in, src, len, o->encoding);
	if (rc == PRECIS_ERR_LIMIT)
		return precis__fail(err, rc, "input too large for its format");
	return rc != 0 ? precis__fail(err, rc, NULL) : 0;
}

/*
 * The text is the decoded source u[0, len) unchanged (UTF-8 with LF line
 * ends and nothing joined, the common case): one copy of it is enough. A
 * decoded copy becomes the text; the caller's bytes are borrowed when it
 * allows (they are NUL-terminated there), copied otherwise.
 */
static int keep_source(precis__input *in, const char *u, size_t len,
		       const precis__input_opts *o)
{
	if (in->utf8.owned != NULL && u == in->utf8.owned) {
		in->text = in->utf8.owned;
		in->utf8.owned = NULL;
		return 0;
	}
	if (o->borrow) {
		in->text = (char *)u; /* never written through */
		in->borrowed = 1;
		return 0;
	}
	if ((in->text = malloc(len + 1)) == NULL)
		return PRECIS_ERR_NOMEM;
	memcpy(in->text, u, len);
	in->text[len] = '\0';
	return 0;
}

/* The source as UTF-8 in a format, then that format's text. */
static int read_text(precis__input *in, const char *src, size_t len,
		     const precis__input_opts *o, precis_error *err)
{
	/* A page names its charset inside: it is read from its raw bytes. */
	size_t bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	in->format = o->format;
	if (in->format == PRECIS_INPUT_AUTO &&
	    precis__input_is_html(o->name, src + bom, len - bom))
		in->format = PRECIS_INPUT_HTML;
	if (in->format == PRECIS_INPUT_HTML)
		return html_text(in, src, len, o, err);
	int rc = o->continued
		? precis__decode_continued(&in->utf8, src, len, o->lenient, err)
		: precis__decode(&in->utf8, src, len, o->encoding, o->lenient, err);
	if (rc != 0)
		return rc;
	const char *u = in->utf8.text;
	size_t ulen = in->utf8.len;
	if (in->format == PRECIS_INPUT_AUTO)
		in->format = precis__input_detect(o->name, u, ulen);
	switch (in->format) {
	case PRECIS_INPUT_MARKDOWN:
		rc = precis__input_markdown(in, u, ulen);
		break;
	case PRECIS_INPUT_SUBTITLES:
		rc = precis__input_subtitles(in, u, ulen);
		break;
	case PRECIS_INPUT_HTML: /* a page in UTF-16, found once decoded */
		precis__decode_free(&in->utf8);
		return html_text(in, src, len, o, err);
	default:
		rc = precis__input_text(in, u, ulen, o);
		if (rc == 0 && in->text == NULL)
			rc = keep_source(in, u, ulen, o);
		break;
	}
	/* The decoded copy is no longer needed; its offset maps are. */
	free(in->utf8.owned);
	in->utf8.owned = NULL;
	in->utf8.text = NULL;
	if (rc == PRECIS_ERR_LIMIT)
		return precis__fail(err, rc, "input too large for its format");
	return rc != 0 ? precis__fail(err, rc, NULL) : 0;
}

int precis__input_read(precis__input *in, const char *src, size_t len,
		       const precis__input_opts *o, precis_error *err)
{
	memset(in, 0, sizeof *in);
	if (!known_format(o->format))
		return precis__fail(err, PRECIS_ERR_ARG, "unknown input format %d", o->format);
	if (!known_wrap(o->wrap))
		return precis__fail(err, PRECIS_ERR_ARG, "unknown wrap mode %d", o->wrap);
	in->srclen = len;
	const char *binary = src != NULL && !o->lenient && !o->continued
				     ? precis__input_binary(src, len) : NULL;
	if (binary != NULL)
		return precis__fail(err, PRECIS_ERR_UTF8, "not text but %s", binary);
	return read_text(in, src ? src : "", len, o, err);
}

void precis__input_free(precis__input *in)
{
	if (in == NULL)
		return;
	if (!in->borrowed)
		free(in->text);
	precis__input_html_free(in);
	precis__pieces_free(&in->pieces);
	precis__decode_free(&in->utf8);
	memset(in, 0, sizeof *in);
}

size_t precis__input_source(const precis__input *in, size_t t)
{
	if (in->html != NULL) {
		size_t s, n;
		precis__input_html_span(in, t, 0, &s, &n);
		return s;
	}
	return precis__decode_map(&in->utf8, precis__pieces_map(&in->pieces, t),
				  0, NULL);
}

void precis__input_source_span(const precis__input *in, size_t t, size_t n,
			       size_t *s, size_t *slen)
{
	if (in->html != NULL) {
		precis__input_html_span(in, t, n, s, slen);
		return;
	}
	size_t a = precis__input_source(in, t), b = a;
	if (n > 0 && t + n <= in->len) {
		/* The span ends where its last character ends in the source. */
		size_t last = t + n - 1, clen;
		while (last > t && ((unsigned char)in->text[last] & 0xC0) == 0x80)
			last--;
		clen = t + n - last;
		precis__decode_map(&in->utf8, precis__pieces_map(&in->pieces, last),
				   clen, &b);
		/* A replacement character stands for fewer source bytes than
		 * its own three: the text after it says where they end. */
		size_t after = t + n < in->len ? precis__input_source(in, t + n) : in->srclen;
		if (after > a && after < b)
			b = after;
		if (b > in->srclen)
			b = in->srclen;
	}
	*s = a;
	*slen = b > a ? b - a : 0;
}
