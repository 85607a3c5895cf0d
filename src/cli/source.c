/*
 * source.c - a document's bytes from a file, stdin or a URL (source.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/fetch.h"
#include "cli/io.h"
#include "cli/source.h"

int source_read(const char *arg, source *s)
{
	memset(s, 0, sizeof *s);
	s->format = PRECIS_INPUT_AUTO;
	if (fetch_is_url(arg)) {
		fetched f;
		int rc = fetch_url(arg, &f);
		if (rc != 0)
			return rc;
		s->data = f.data;
		s->len = f.len;
		s->name = arg; /* its path's extension, when no type was sent */
		s->format = f.format;
		memcpy(s->charset, f.charset, sizeof s->charset);
		return 0;
	}
	s->name = io_is_stdin(arg) ? NULL : arg;
	return io_read_all(arg, &s->data, &s->len);
}

void source_free(source *s)
{
	free(s->data);
	s->data = NULL;
}

precis_read_options source_options(const source *s, const precis_read_options *base)
{
	precis_read_options o = *base;
	o.name = s->name;
	if (o.format == PRECIS_INPUT_AUTO)
		o.format = s->format;
	if (o.encoding == NULL && s->charset[0] != '\0')
		o.encoding = s->charset;
	return o;
}
