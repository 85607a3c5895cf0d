/*
 * readopts.c - the reading options (readopts.h).
 */
#include <string.h>

#include "cli/error.h"
#include "cli/readopts.h"

const cli_opt readopts_options[] = {
	{ READOPT_FORMAT, 0, "input-format", "FORMAT",
	  "auto (default: by the file's extension, else its\n"
	  "content), text, markdown, html or subtitles\n"
	  "(SubRip .srt, WebVTT .vtt)" },
	{ READOPT_WRAP, 0, "wrap", "MODE", "plain text's line breaks: auto (default: join the\n"
					  "lines a program wrapped to a width), join, keep" },
	{ READOPT_ENCODING, 0, "encoding", "NAME", "the input's encoding (an iconv name: latin1,\n"
						   "cp1252, utf-16...; default UTF-8, or what a\n"
						   "byte order mark says)" },
	CLI_END
};

static int pick(const char *arg, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(arg, names[i]) == 0)
			return i;
	return -1;
}

int readopts_handle(precis_read_options *r, int id, const char *arg,
		    const char *cmd)
{
	static const char *const formats[] = { "auto", "text", "markdown", "html", "subtitles" };
	static const char *const wraps[] = { "auto", "join", "keep" };
	int v;
	switch (id) {
	case READOPT_FORMAT:
		if ((v = pick(arg, formats, 5)) < 0)
			return cli_usage_error(cmd, "unknown input format '%s' (auto, text, markdown, html, subtitles)",
					       arg);
		r->format = v; /* the order of precis_input_format */
		return 0;
	case READOPT_WRAP:
		if ((v = pick(arg, wraps, 3)) < 0)
			return cli_usage_error(cmd, "unknown wrap mode '%s' (auto, join, keep)", arg);
		r->wrap = v; /* the order of precis_wrap */
		return 0;
	case READOPT_ENCODING:
		if (*arg == '\0')
			return cli_usage_error(cmd, "--encoding needs a name");
		r->encoding = arg;
		return 0;
	default:
		return -1;
	}
}
