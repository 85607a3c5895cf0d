/*
 * html.c - HTML pages as the article text a reader sees.
 */
#include "input/input.h"

int precis__input_html(precis__input *in, const char *u, size_t len)
{
	(void)in;
	(void)u;
	(void)len;
	return PRECIS_ERR_ARG;
}
