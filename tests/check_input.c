/*
 * check_input.c - the input stage (src/input): decoding with its offset
 * map, hard-wrap detection, Markdown, format detection, and the
 * documents and streams read through it.
 */
#include <string.h>

#include "doc/splitter.h"
#include "input/input.h"
#include "testutil.h"

static precis__input_opts opts(int format, int wrap)
{
	precis__input_opts o = { format, wrap, NULL, NULL, 0,
				 PRECIS__WIDTH_ESTIMATE, 0, 0 };
	return o;
}

/* Reads `src` and checks the text; returns the input for more checks. */
static precis__input read_as(const char *src, size_t len, precis__input_opts o,
			     const char *want)
{
	precis__input in;
	precis_error err;
	int rc = precis__input_read(&in, src, len, &o, &err);
	ck_assert_msg(rc == 0, "read failed: %s", err.message);
	if (want != NULL)
		ck_assert_str_eq(in.text, want);
	return in;
}

/* The source bytes behind the text span where `needle` stands: `want`,
 * `wlen` bytes (0: strlen). */
static void source_is(const precis__input *in, const char *src,
		      const char *needle, const char *want, size_t wlen)
{
	const char *at = strstr(in->text, needle);
	ck_assert_ptr_nonnull(at);
	size_t s, n;
	precis__input_source_span(in, (size_t)(at - in->text), strlen(needle), &s, &n);
	ck_assert_uint_eq(n, wlen ? wlen : strlen(want));
	ck_assert_msg(memcmp(src + s, want, n) == 0, "source '%.*s', want '%s'",
		      (int)n, src + s, want);
}

#define assert_source(in, src, needle, want) \
	source_is(in, src, needle, want, sizeof(want) - 1)

/* The text holds `s` (the message says which it lacks). */
#define assert_has(in, s) \
	ck_assert_msg(strstr((in)->text, s) != NULL, "text lacks '%s'", s)

/* --wrap=keep: the text is the plain source, every line as it stands. */
static void kept_as_is(const char *src, size_t len)
{
	precis__input in = read_as(src, len, opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP), src);
	ck_assert_uint_eq(in.pieces.n, 0);
	precis__input_free(&in);
}

/* ---- decoding ------------------------------------------------------------ */

START_TEST(utf16_with_bom)
{
	/* "Hé\nok." in UTF-16LE and BE, each after its BOM. */
	static const char le[] = "\xFF\xFEH\0\xE9\0\n\0o\0k\0.\0";
	static const char be[] = "\xFE\xFF\0H\0\xE9\0\n\0o\0k\0.";
	precis__input in = read_as(le, sizeof le - 1, opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP),
				   "H\xC3\xA9\nok.");
	assert_source(&in, le, "ok.", "o\0k\0.\0");
	assert_source(&in, le, "\xC3\xA9", "\xE9\0");
	precis__input_free(&in);
	in = read_as(be, sizeof be - 1, opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP),
		     "H\xC3\xA9\nok.");
	assert_source(&in, be, "k", "\0k");
	precis__input_free(&in);
}
END_TEST

START_TEST(utf16_surrogates_and_utf32)
{
	static const char pair[] = "\xFF\xFE=\0\x3D\xD8\x00\xDE!\0"; /* =😀! */
	precis__input in = read_as(pair, sizeof pair - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP),
				   "=\xF0\x9F\x98\x80!");
	assert_source(&in, pair, "!", "!\0");
	precis__input_free(&in);
	static const char u32[] = "\xFF\xFE\0\0a\0\0\0b\0\0\0";
	in = read_as(u32, sizeof u32 - 1, opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP), "ab");
	assert_source(&in, u32, "b", "b\0\0\0");
	precis__input_free(&in);
}
END_TEST

START_TEST(bad_utf16)
{
	static const char lone[] = "\xFF\xFEo\0\x00\xD8k\0"; /* a lone high surrogate */
	precis__input in;
	precis_error err;
	precis__input_opts o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP);
	ck_assert_int_eq(precis__input_read(&in, lone, sizeof lone - 1, &o, &err),
			 PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 4);
	precis__input_free(&in);
	o.lenient = 1;
	in = read_as(lone, sizeof lone - 1, o, "o\xEF\xBF\xBDk");
	ck_assert_uint_eq(in.utf8.repairs, 1);
	precis__input_free(&in);
}
END_TEST

START_TEST(named_encoding)
{
	static const char latin1[] = "Caf\xE9 cr\xE8me.\n";
	precis__input_opts o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP);
	o.encoding = "latin1";
	precis__input in = read_as(latin1, sizeof latin1 - 1, o,
				   "Caf\xC3\xA9 cr\xC3\xA8me.\n");
	assert_source(&in, latin1, "cr\xC3\xA8me", "cr\xE8me");
	precis__input_free(&in);
	/* Shift_JIS: two bytes a character, one for ASCII; ISO-2022-JP: an
	 * escape sequence shifts to two bytes a character until the next one
	 * shifts back. Both: "日本 is Japan.", 本 from its two bytes. */
	static const struct { const char *name, *src, *hon; } jp[] = {
		{ "SHIFT_JIS", "\x93\xfa\x96\x7b is Japan.", "\x96\x7b" },
		{ "ISO-2022-JP", "\x1b$BF|K\\\x1b(B is Japan.", "K\\" },
	};
	for (size_t i = 0; i < sizeof jp / sizeof *jp; i++) {
		o.encoding = jp[i].name;
		in = read_as(jp[i].src, strlen(jp[i].src), o, "\xE6\x97\xA5\xE6\x9C\xAC is Japan.");
		source_is(&in, jp[i].src, "\xE6\x9C\xAC", jp[i].hon, 2);
		source_is(&in, jp[i].src, "Japan", "Japan", 0);
		precis__input_free(&in);
	}
}
END_TEST

START_TEST(bad_encodings)
{
	precis__input in;
	precis_error err;
	precis__input_opts o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP);
	o.encoding = "no-such-charset";
	ck_assert_int_eq(precis__input_read(&in, "x", 1, &o, &err), PRECIS_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(err.message, "no-such-charset"));
	precis__input_free(&in);
	/* Invalid in the named encoding: its offset. */
	o.encoding = "UTF-16LE";
	ck_assert_int_eq(precis__input_read(&in, "a\0b\0\x00\xDC", 6, &o, &err),
			 PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 4);
	precis__input_free(&in);
	/* Invalid UTF-8: the source offset; lenient repairs map around. */
	o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP);
	ck_assert_int_eq(precis__input_read(&in, "ok \xC3 bad", 8, &o, &err),
			 PRECIS_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 3);
	precis__input_free(&in);
	o.lenient = 1;
	in = read_as("ok \xC3 bad \xFF\xFE end", 16, o,
		     "ok \xEF\xBF\xBD bad \xEF\xBF\xBD\xEF\xBF\xBD end");
	assert_source(&in, "ok \xC3 bad \xFF\xFE end", "end", "end");
	assert_source(&in, "ok \xC3 bad \xFF\xFE end", "bad", "bad");
	precis__input_free(&in);
}
END_TEST

/* src, read as kept lines, is "Title\n\nOne line.\nTwo.\n", and its
 * first and last words map back to themselves. */
static void lines_are_lfs(const char *src, size_t len)
{
	precis__input in = read_as(src, len, opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP),
				   "Title\n\nOne line.\nTwo.\n");
	assert_source(&in, src, "Title", "Title");
	assert_source(&in, src, "Two.", "Two.");
	precis__input_free(&in);
}

START_TEST(bom_and_crlf)
{
	static const char src[] = "\xEF\xBB\xBFTitle\r\n\r\nOne line.\r\nTwo.\r\n";
	lines_are_lfs(src, sizeof src - 1);
}
END_TEST

/* Lines ended by a CR alone (old Mac OS) are lines, each offset its own;
 * a lone CR in text with LFs stays. */
START_TEST(cr_only_lines)
{
	static const char src[] = "Title\r\rOne line.\rTwo.\r";
	lines_are_lfs(src, sizeof src - 1);
	static const char mixed[] = "A\rB\nC\n";
	precis__input in = read_as(mixed, sizeof mixed - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_KEEP), NULL);
	ck_assert(in.text == NULL || strncmp(in.text, "A\rB", 3) == 0);
	precis__input_free(&in);
}
END_TEST

/* ---- plain text: wraps ------------------------------------------------- */

static const char wrapped[] =
	"Hard-wrapped text is what most plain files are: READMEs, licences,\n"
	"e-mail and books all break their lines at a width, so a sentence\n"
	"runs over several lines. Summarizing each line as a unit gives\n"
	"fragments, so the input stage joins the lines that a program wrapped\n"
	"and keeps apart those an author broke.\n"
	"\n"
	"A second paragraph follows the blank line, and it too is wrapped by\n"
	"the same program at the same width as the first one above it.\n";

START_TEST(wrap_joined)
{
	precis__input in = read_as(wrapped, sizeof wrapped - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	ck_assert_uint_ge(in.width, 60);
	assert_has(&in, "so a sentence runs over several lines.");
	assert_has(&in, "joins the lines that a program wrapped and keeps");
	assert_has(&in, "above it.\n");
	assert_has(&in, "apart those an author broke.\n\nA second");
	/* Each join maps back onto the source around it. */
	assert_source(&in, wrapped, "sentence runs", "sentence\nruns");
	precis__input_free(&in);
	kept_as_is(wrapped, sizeof wrapped - 1);
}
END_TEST

START_TEST(wrap_keeps_short_lines)
{
	/* A headline, an address, a list and a poem amid wrapped prose. */
	static const char src[] =
		"Council Approves New Budget\n"
		"\n"
		"The council approved the new budget for the coming year on Friday\n"
		"evening after a debate that lasted more than four hours, and the\n"
		"mayor said the plan would protect schools and the library service.\n"
		"\n"
		"Jane Smith\n"
		"12 Market Street\n"
		"Springfield\n"
		"\n"
		"- first item of the list\n"
		"- second item of the list\n"
		"\n"
		"The woods are lovely, dark and deep,\n"
		"But I have promises to keep,\n"
		"And miles to go before I sleep.\n";
	precis__input in = read_as(src, sizeof src - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	assert_has(&in, "Friday evening after");
	assert_has(&in, "Jane Smith\n12 Market Street\nSpringfield\n");
	assert_has(&in, "- first item of the list\n- second");
	assert_has(&in, "deep,\nBut I have promises to keep,\nAnd");
	assert_has(&in, "Council Approves New Budget\n\nThe");
	precis__input_free(&in);
}
END_TEST

/* Where the document's lines tell no width (a Debian copyright file: its
 * fields and file lists are short), a paragraph of greedily wrapped prose
 * is joined at its own width, even where a line starts in capitals; a
 * long field line, a list of names and quoted mail are not. */
START_TEST(wrap_paragraph_width)
{
	static const char src[] =
		"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
		"Upstream-Name: tidewatch\n"
		"Source: https://tidewatch.example/releases/\n"
		"Files-Excluded:\n"
		" doc/*.pdf\n"
		" doc/manual.*\n"
		" data/gauges.db\n"
		" tests/fixtures/*.bin\n"
		" tools/old/*\n"
		"\n"
		"Files: *\n"
		"Copyright: 2019-2024 Harbour Instruments Ltd. <office@harbour.example>\n"
		"           2021 Maria Lindqvist <maria@tessel.example>\n"
		"           2022 Tom Okafor <tom.okafor@example.net>\n"
		"License: GPL-3+\n"
		" Tidewatch is free software; you can redistribute it and/or modify it\n"
		" under the terms of the GNU General Public License as published by the\n"
		" Free Software Foundation; either version 3, or (at your option) any\n"
		" later version.\n"
		" .\n"
		" On Debian systems the licence is in /usr/share/common-licenses/GPL-3.\n"
		"\n"
		"Files: debian/*\n"
		"Copyright: 2024 Jane Smith <jane@example.org>\n"
		"License: GPL-3+\n"
		"\n"
		"> The readings of the harbour gauges are written to the journal, and the\n"
		"> old log file is gone. Is that what the package is meant to do\n"
		"> now?\n";
	precis__input in = read_as(src, sizeof src - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	ck_assert_uint_eq(in.width, 0); /* the document tells none */
	assert_has(&in, "published by the Free Software Foundation; "
			"either version 3, or (at your option) any later version.\n");
	assert_has(&in, "/1.0/\nUpstream-Name:");
	assert_has(&in, "<office@harbour.example>\n");
	assert_has(&in, "<maria@tessel.example>\n");
	assert_has(&in, "and the\n> old log");
	assert_source(&in, src, "by the Free", "by the\n Free");
	precis__input_free(&in);
	kept_as_is(src, sizeof src - 1);
}
END_TEST

/* Dots before a page number are a leader (a table of contents stays in
 * lines); dots inside running text are an ellipsis and join. */
START_TEST(wrap_leaders_and_ellipses)
{
	static const char src[] =
		"Contents\n"
		"\n"
		"1. Introduction .................... 1\n"
		"2. Reading the records ............. 4\n"
		"3. Security . . . . . . . . . . . . iv\n"
		"\n"
		"He played what he liked across the range of\n"
		"music.... this is not going to be the same, and\n"
		"all they seem to be doing is what they have.\n"
		"The list of shows could go on and on, and the\n"
		"letters kept coming in from every part of it.\n";
	precis__input in = read_as(src, sizeof src - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	assert_has(&in, "... 1\n2. Reading the records ............. 4\n3.");
	assert_has(&in, "range of music.... this is not going to be the same, and all");
	precis__input_free(&in);
}
END_TEST

START_TEST(wrap_golden_rules)
{
	/* en-ps-040: a sentence that goes on in lower case joins; en-ps-042:
	 * a list of lower-case lines without any sentence end does not. */
	precis__input_opts o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO);
	static const char pdf[] = "This is a sentence\ncut off in the middle because pdf.";
	static const char list[] = "features\ncontact manager\nevents, activities\n";
	precis__input in = read_as(pdf, sizeof pdf - 1, o,
				   "This is a sentence cut off in the middle because pdf.");
	precis__input_free(&in);
	in = read_as(list, sizeof list - 1, o, list);
	precis__input_free(&in);
}
END_TEST

START_TEST(wrap_join_mode)
{
	precis__input_opts o = opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_JOIN);
	static const char lines[] = "Short\nlines are\njoined here.\n- a list item\ngoes on\n- the next\n";
	static const char hyph[] = "the docu-\nment and the well-\nKnown Cases\n";
	precis__input in = read_as(lines, sizeof lines - 1, o,
				   "Short lines are joined here.\n- a list item goes on\n- the next\n");
	precis__input_free(&in);
	/* A word split by a hyphen at the line end is whole again. */
	in = read_as(hyph, sizeof hyph - 1, o, "the document and the well- Known Cases\n");
	precis__input_free(&in);
	/* So is one that man pages break with U+2010, or a soft hyphen; a
	 * hyphen inside a closing quote is no break of a word. */
	static const char uhyph[] = "is speci\xE2\x80\x90\nfied, the hyphen\xC2\xAD\nation, \"a-\"\nquote\n";
	in = read_as(uhyph, sizeof uhyph - 1, o, "is specified, the hyphenation, \"a-\" quote\n");
	assert_source(&in, uhyph, "specified", "speci\xE2\x80\x90\nfied");
	precis__input_free(&in);
}
END_TEST

START_TEST(wrap_indented_paragraphs)
{
	/* Book style: no blank lines, each paragraph's first line indented. */
	static const char src[] =
		"  It was late when the train finally pulled into the station, and the\n"
		"platform was empty but for a porter asleep on his trolley near the\n"
		"gate.\n"
		"  She stepped down with her single bag and looked about her for the\n"
		"man who had promised to meet her, but there was no one there at all.\n"
		"  The porter woke, and without a word he pointed towards the town.\n";
	precis__input in = read_as(src, sizeof src - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	assert_has(&in, "near the gate.\n\n  She stepped");
	assert_has(&in, "all.\n\n  The porter");
	precis__input_free(&in);
}
END_TEST

/* ---- Markdown ------------------------------------------------------------ */

static const char md[] =
	"---\ntitle: ignored\n---\n"
	"# The Headline\n"
	"\n"
	"A paragraph with **bold**, _emphasis_, `code` and a\n"
	"[link](https://example.com/x) that wraps &amp; goes on.\n"
	"\n"
	"```\nint main(void) { return 0; }\n```\n"
	"\n"
	"    indented code\n"
	"\n"
	"| a | b |\n|---|---|\n| 1 | 2 |\n"
	"\n"
	"![an image](i.png) After the image.\n"
	"\n"
	"## Links\n"
	"\n"
	"- [First](https://a.example)\n"
	"- [Second](https://b.example)\n";

START_TEST(markdown_text)
{
	precis__input in = read_as(md, sizeof md - 1,
				   opts(PRECIS_INPUT_MARKDOWN, PRECIS_WRAP_AUTO), NULL);
	ck_assert_str_eq(in.text,
			 "The Headline\n\n"
			 "A paragraph with bold, emphasis, code and a link that wraps & goes on.\n\n"
			 "After the image.\n");
	ck_assert(in.has_title);
	ck_assert_uint_eq(in.title_off, 0);
	ck_assert_uint_eq(in.title_len, 12);
	assert_source(&in, md, "link that", "link](https://example.com/x) that");
	assert_source(&in, md, "The Headline", "The Headline");
	assert_source(&in, md, "After the image.", "After the image.");
	precis__input_free(&in);
	/* Items and paragraphs that are only links go; those with words of
	 * their own stay, links and all. */
	static const char links[] = "- [Home](/) and more words\n- [Only](/x)\n\n[Read more](/m)\n";
	in = read_as(links, sizeof links - 1, opts(PRECIS_INPUT_MARKDOWN, PRECIS_WRAP_AUTO),
		     "Home and more words\n");
	precis__input_free(&in);
	/* A leading heading dropped with its item of links leaves no title
	 * (the next paragraph is not one). */
	static const char gone[] = "- # [Name](/n)\n\nThe body goes on here.\n";
	in = read_as(gone, sizeof gone - 1, opts(PRECIS_INPUT_MARKDOWN, PRECIS_WRAP_AUTO),
		     "The body goes on here.\n");
	ck_assert(!in.has_title);
	precis__input_free(&in);
}
END_TEST

START_TEST(markdown_deep_nesting)
{
	/* 100,000 nested quotes and list items: a result, in bounded time. */
	size_t n = 100000;
	char *s = malloc(n * 2 + 16);
	ck_assert_ptr_nonnull(s);
	for (int kind = 0; kind < 2; kind++) {
		for (size_t i = 0; i < n; i++)
			memcpy(s + 2 * i, kind ? "- " : "> ", 2);
		memcpy(s + 2 * n, "deep text.\n", 12);
		precis__input in = read_as(s, 2 * n + 11,
					   opts(PRECIS_INPUT_MARKDOWN, PRECIS_WRAP_AUTO), NULL);
		ck_assert_ptr_nonnull(in.text);
		precis__input_free(&in);
	}
	free(s);
}
END_TEST

/* ---- files that are no text ----------------------------------------------- */

START_TEST(binary_files)
{
	ck_assert_ptr_nonnull(strstr(precis__input_binary("%PDF-1.7\n", 9), "PDF"));
	ck_assert_ptr_nonnull(strstr(precis__input_binary("PK\003\004rest", 8), "ZIP"));
	ck_assert_ptr_nonnull(strstr(precis__input_binary("\211PNG\r\n\032\n", 8), "PNG"));
	ck_assert_ptr_nonnull(strstr(precis__input_binary("BZh91AY&SY....", 14), "bzip2"));
	/* Text that merely starts like one. */
	ck_assert_ptr_null(precis__input_binary("BZh is a word here.", 19));
	ck_assert_ptr_null(precis__input_binary("PK said so.", 11));
	ck_assert_ptr_null(precis__input_binary("%PDF", 4));
	ck_assert_ptr_null(precis__input_binary("", 0));
	/* The input stage refuses one, unless lenient. */
	precis__input in;
	precis_error err;
	precis__input_opts o = opts(PRECIS_INPUT_AUTO, PRECIS_WRAP_AUTO);
	ck_assert_int_eq(precis__input_read(&in, "%PDF-1.4\n", 9, &o, &err), PRECIS_ERR_UTF8);
	ck_assert_ptr_nonnull(strstr(err.message, "not text but a PDF document"));
	precis__input_free(&in);
	o.lenient = 1;
	in = read_as("%PDF-1.4\n", 9, o, "%PDF-1.4\n");
	precis__input_free(&in);
}
END_TEST

/* ---- subtitles ------------------------------------------------------------ */

/* Cue numbers, timings, settings, header and NOTE/STYLE blocks, tags and
 * sound lines go; cues join into running text; a rolling caption's repeat
 * comes once; offsets map into the file. */
START_TEST(subtitles_text)
{
	static const char vtt[] =
		"WEBVTT\nKind: captions\n\n"
		"NOTE made by hand\n\n"
		"STYLE\n::cue { color: yellow }\n\n"
		"intro\n00:00.000 --> 00:03.500 align:start\n"
		"<v Anna>So today we talk about</v>\n\n"
		"00:03.500 --> 00:07.000\n"
		"<v Anna>So today we talk about</v>\n"
		"the harbour &amp; its <i>long</i> history.\n\n"
		"00:07.000 --> 00:09.000\n[applause]\n\n"
		"00:09.000 --> 00:14.000\n"
		"The wall<00:11.000> failed.\n";
	precis__input in = read_as(vtt, sizeof vtt - 1, opts(PRECIS_INPUT_SUBTITLES, PRECIS_WRAP_AUTO),
				   "So today we talk about the harbour & its long history. "
				   "The wall failed.\n");
	assert_source(&in, vtt, "harbour", "harbour");
	assert_source(&in, vtt, "& its", "&amp; its");
	assert_source(&in, vtt, "failed", "failed");
	precis__input_free(&in);
	static const char srt[] =
		"1\r\n00:00:01,000 --> 00:00:04,000\r\n<font color=\"#ff0\">{\\an8}The boats</font>\r\n"
		"came in.\r\n\r\n"
		"2\r\n00:00:04,500 --> 00:00:08,000\r\n- Who saw them?\r\n- Nobody did.\r\n\r\n"
		"3\r\nno timing: kept as text\r\n";
	in = read_as(srt, sizeof srt - 1, opts(PRECIS_INPUT_SUBTITLES, PRECIS_WRAP_AUTO),
		     "The boats came in. - Who saw them? - Nobody did. 3 no timing: kept as text\n");
	precis__input_free(&in);
	/* Nothing but timings: an empty text. */
	in = read_as("1\n00:00:01,000 --> 00:00:02,000\n\n", 32,
		     opts(PRECIS_INPUT_SUBTITLES, PRECIS_WRAP_AUTO), "");
	precis__input_free(&in);
	/* Found by name and by content; a timing alone in prose is not. */
	ck_assert_int_eq(precis__input_detect("talk.vtt", "x", 1), PRECIS_INPUT_SUBTITLES);
	ck_assert_int_eq(precis__input_detect("film.en.SRT", "x", 1), PRECIS_INPUT_SUBTITLES);
	ck_assert_int_eq(precis__input_detect(NULL, vtt, sizeof vtt - 1), PRECIS_INPUT_SUBTITLES);
	ck_assert_int_eq(precis__input_detect(NULL, srt, sizeof srt - 1), PRECIS_INPUT_SUBTITLES);
	ck_assert_int_eq(precis__input_detect(NULL, "\n\n12\n00:01,000 --> 00:02,000\nHi.\n", 34),
			 PRECIS_INPUT_SUBTITLES);
	ck_assert_int_eq(precis__input_detect(NULL, "The 12 --> 13 of May.\n", 22), PRECIS_INPUT_TEXT);
	ck_assert_int_eq(precis__input_detect(NULL, "1999\nwas a year.\n", 17), PRECIS_INPUT_TEXT);
}
END_TEST

/* ---- format detection ---------------------------------------------------- */

START_TEST(detect)
{
	ck_assert_int_eq(precis__input_detect("a/b/notes.md", "x", 1), PRECIS_INPUT_MARKDOWN);
	ck_assert_int_eq(precis__input_detect("PAGE.HTM", "x", 1), PRECIS_INPUT_HTML);
	ck_assert_int_eq(precis__input_detect("r.txt", "# H\n[a](b)\n", 11), PRECIS_INPUT_TEXT);
	/* A gzip suffix is looked past; a dot file or ".gz" alone names none. */
	ck_assert_int_eq(precis__input_detect("doc/README.md.gz", "x", 1), PRECIS_INPUT_MARKDOWN);
	ck_assert_int_eq(precis__input_detect("p.HTML.GZ", "x", 1), PRECIS_INPUT_HTML);
	ck_assert_int_eq(precis__input_detect("d.md/.gz", "<html>", 6), PRECIS_INPUT_HTML);
	ck_assert_int_eq(precis__input_detect(".md", "<html>", 6), PRECIS_INPUT_HTML);
	ck_assert_int_eq(precis__input_detect("a.txt.gz", "<html>", 6), PRECIS_INPUT_TEXT);
	ck_assert_int_eq(precis__input_detect(NULL, "  <!DOCTYPE html><p>x", 21), PRECIS_INPUT_HTML);
	ck_assert_int_eq(precis__input_detect(NULL, "# Title\n\nSee [the docs](http://x).\n", 34),
			 PRECIS_INPUT_MARKDOWN);
	/* One stray '#' or a pair of asterisks is not Markdown. */
	ck_assert_int_eq(precis__input_detect(NULL, "# not a heading alone\nplain.\n", 29),
			 PRECIS_INPUT_TEXT);
	ck_assert_int_eq(precis__input_detect("dir.v2/README", "Plain **text**.\n", 16),
			 PRECIS_INPUT_TEXT);
	/* A heading and one inline mark, found wherever it is on its line
	 * (a stray mark before it, its last possible place); too late or
	 * unclosed, no mark. */
	static const struct { const char *text; int format; } marks[] = {
		{ "# T\na * b ] c **bold*\n", PRECIS_INPUT_MARKDOWN },
		{ "# T\na ` b `c\n", PRECIS_INPUT_MARKDOWN },
		{ "# T\nx] [y](z)\n", PRECIS_INPUT_MARKDOWN },
		{ "# T\n] [a](\n", PRECIS_INPUT_TEXT },
		{ "# T\nab [a](x \n", PRECIS_INPUT_MARKDOWN },
		{ "# T\nab [a](\n", PRECIS_INPUT_TEXT },
		{ "# T\nx](y) [z]\n", PRECIS_INPUT_TEXT },
		{ "# T\na ** b\n", PRECIS_INPUT_TEXT },
		{ "# T\na `` b\n", PRECIS_INPUT_TEXT },
		{ "# T\na **b\n", PRECIS_INPUT_TEXT },
	};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		ck_assert_msg(precis__input_detect(NULL, marks[i].text, strlen(marks[i].text)) ==
			      marks[i].format, "%s", marks[i].text);
	ck_assert(precis__input_is_html(NULL, " <html><body>", 13));
	ck_assert(precis__input_is_html("x.htm", "plain", 5));
	ck_assert(!precis__input_is_html("x.md", "<html>", 6));
	ck_assert(!precis__input_is_html(NULL, "# T\n[a](b) **c**\n", 18));
}
END_TEST

/* ---- documents and streams ---------------------------------------------- */

START_TEST(doc_read_offsets)
{
	precis_ctx *ctx;
	precis_doc *d;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", &err), 0);
	precis_read_options o = PRECIS_READ_OPTIONS_INIT;
	o.name = "x.md";
	ck_assert_int_eq(precis_doc_read(&d, ctx, md, sizeof md - 1, &o, &err), 0);
	ck_assert_int_eq(precis_doc_format(d), PRECIS_INPUT_MARKDOWN);
	size_t off, len;
	ck_assert_int_eq(precis_doc_title(d, &off, &len), 1);
	ck_assert_uint_eq(len, 12);
	precis_sentence s;
	ck_assert_int_eq(precis_doc_sentence(d, 1, &s), 0);
	ck_assert_uint_eq(s.source_offset, (size_t)(strstr(md, "A paragraph") - md));
	ck_assert_int_eq(precis_doc_source_span(d, 0, d ? 1u << 30 : 0, NULL, NULL),
			 PRECIS_ERR_ARG);
	precis_doc_free(d);
	/* A bad wrap mode and an unknown format are errors. */
	o.wrap = 99;
	ck_assert_int_eq(precis_doc_read(&d, ctx, "x", 1, &o, &err), PRECIS_ERR_ARG);
	o.wrap = PRECIS_WRAP_AUTO;
	o.format = 42;
	ck_assert_int_eq(precis_doc_read(&d, ctx, "x", 1, &o, &err), PRECIS_ERR_ARG);
	precis_ctx_free(ctx);
}
END_TEST

/* A web page's headline heads its text, whether or not the article's
 * container holds it, and maps back to its element. */
START_TEST(html_title_heads_text)
{
	static const char page[] =
		"<html><head><title>Harbour shut by storm | Coast Herald</title></head>"
		"<body><nav><a href=/>Home</a> <a href=/a>Sport</a></nav>"
		"<header><h1>Harbour shut by storm</h1></header><article>"
		"<p>The harbour at Westport was closed on Monday as a storm "
		"brought waves of eight metres to the coast, the port said.</p>"
		"<p>Ferries to the islands were cancelled until Wednesday, and "
		"fishing boats stayed in the inner basin all day.</p>"
		"</article><footer>(c) Coast Herald</footer></body></html>";
	precis__input in = read_as(page, sizeof page - 1,
				   opts(PRECIS_INPUT_HTML, PRECIS_WRAP_AUTO), NULL);
	ck_assert_msg(strncmp(in.text, "Harbour shut by storm\n\nThe harbour", 34) == 0,
		      "text: %s", in.text);
	ck_assert_int_eq(in.has_title, 1);
	ck_assert_uint_eq(in.title_off, 0);
	ck_assert_uint_eq(in.title_len, 21);
	assert_source(&in, page, "Harbour shut by storm", "<h1>Harbour shut by storm</h1>");
	assert_source(&in, page, "Ferries", "Ferries");
	ck_assert_ptr_null(strstr(in.text, "Home"));
	precis__input_free(&in);

	precis_ctx *ctx;
	precis_doc *d;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", &err), 0);
	precis_read_options o = PRECIS_READ_OPTIONS_INIT;
	o.format = PRECIS_INPUT_HTML;
	ck_assert_int_eq(precis_doc_read(&d, ctx, page, sizeof page - 1, &o, &err), 0);
	size_t off, len;
	ck_assert_int_eq(precis_doc_title(d, &off, &len), 1);
	ck_assert_uint_eq(off, 0);
	ck_assert_ptr_null(precis_doc_given_title(d));
	ck_assert_uint_eq(precis_doc_sentence_count(d), 3);
	precis_sentence s;
	ck_assert_int_eq(precis_doc_sentence(d, 0, &s), 0);
	ck_assert_uint_eq(s.source_offset, (size_t)(strstr(page, "<h1>") - page));
	precis_doc_free(d);
	precis_ctx_free(ctx);

	/* An article whose <h1> stands below a kicker has it once, as its
	 * headline; a title only found after the text maps to no bytes, so the
	 * sources stay in order. */
	static const char kicker[] =
		"<html><head><title>Harbour shut by storm</title></head><body><article>"
		"<p>Weather</p><h1>Harbour shut by storm</h1>"
		"<p>The harbour at Westport was closed on Monday as a storm "
		"brought waves of eight metres to the coast, the port said.</p>"
		"</article></body></html>";
	in = read_as(kicker, sizeof kicker - 1, opts(PRECIS_INPUT_HTML, PRECIS_WRAP_AUTO), NULL);
	const char *h = strstr(in.text, "Harbour shut by storm\n");
	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_null(strstr(h + 1, "Harbour shut by storm"));
	assert_has(&in, "Weather\n\nThe harbour");
	ck_assert_int_eq(in.has_title, 1);
	ck_assert_uint_eq(in.title_off, (size_t)(h - in.text));
	precis__input_free(&in);
	static const char late[] = "<p>Only a line of text here</p><title>Late</title>";
	in = read_as(late, sizeof late - 1, opts(PRECIS_INPUT_HTML, PRECIS_WRAP_AUTO), NULL);
	ck_assert_msg(strncmp(in.text, "Late\n\nOnly a line", 17) == 0, "text: %s", in.text);
	size_t s0, n0;
	precis__input_source_span(&in, 0, 4, &s0, &n0);
	ck_assert_uint_eq(n0, 0);
	precis__input_free(&in);
}
END_TEST

typedef struct got {
	char text[4096];
	size_t n, offsets[64], sources[64];
} got;

static int collect(void *arg, const char *text, const precis_sentence *s)
{
	got *g = arg;
	size_t used = strlen(g->text);
	snprintf(g->text + used, sizeof g->text - used, "%.*s|", (int)s->length, text);
	if (g->n < 64) {
		g->offsets[g->n] = s->offset;
		g->sources[g->n] = s->source_offset;
	}
	g->n++;
	return 0;
}

/* Pages as pdftotext writes them: a running header and footer around
 * each form feed, a paragraph and a word cut by the break. */
static const char paged[] =
	"Annual Review 2025\n\n"
	"Work on the quay began in April, after two years of fundraising and a\n"
	"long exchange with the harbour authority about the materials we could\n"
	"use for the repair of the old walls, which had been patched before.\n\n"
	"Our contractor removed the concrete by hand, a slow and costly choice\n"
	"that we believe was justified, since most of the granite blocks could\n"
	"be reused and the rest were matched with stone from a quarry that reo-\n\n"
	"4\n"
	"\fAnnual Review 2025\n\n"
	"pened for one season to supply us. The quay was opened to boats on the\n"
	"last day of September, three weeks later than we had planned it.\n\n"
	"A second page ends on a whole sentence, as most pages of a report do.\n\n"
	"Page 5\n"
	"\fAnnual Review 2025\n\n"
	"The third page starts a paragraph of its own after the running header\n"
	"and ends the document without a footer of any kind at its foot.\n";

START_TEST(page_breaks)
{
	precis__input in = read_as(paged, sizeof paged - 1,
				   opts(PRECIS_INPUT_TEXT, PRECIS_WRAP_AUTO), NULL);
	assert_has(&in, "from a quarry that reopened for one season");
	ck_assert_ptr_null(strstr(in.text, "4\n"));
	ck_assert_ptr_null(strstr(in.text, "Page 5"));
	assert_has(&in, "do.\n\nThe third page");
	/* The first line is a headline, not a running header. */
	assert_has(&in, "Annual Review 2025\n\nWork");
	assert_source(&in, paged, "reopened", "reo-\n\n4\n\fAnnual Review 2025\n\npened");
	precis__input_free(&in);
	kept_as_is(paged, sizeof paged - 1);
}
END_TEST

/* A wrapped text split as a stream, cut at every blank line, gives what
 * the whole document gives; so do pages, and Markdown, held whole. */
START_TEST(stream_equals_doc)
{
	precis_ctx *ctx;
	precis_error err;
	ck_assert_int_eq(precis_ctx_new(&ctx, "en", &err), 0);
	const char *texts[] = { wrapped, md, paged };
	const char *names[] = { NULL, "y.markdown", NULL };
	for (int k = 0; k < 3; k++) {
		precis_read_options o = PRECIS_READ_OPTIONS_INIT;
		o.name = names[k];
		o.flags = PRECIS_DOC_SPLIT_ONLY;
		precis_doc *d;
		ck_assert_int_eq(precis_doc_read(&d, ctx, texts[k], strlen(texts[k]), &o, &err), 0);
		got whole = { 0 }, stream = { 0 };
		for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
			precis_sentence s;
			precis_doc_sentence(d, i, &s);
			collect(&whole, precis_doc_text(d, NULL) + s.offset, &s);
		}
		precis_splitter *sp;
		o.flags = 0;
		ck_assert_int_eq(precis_splitter_read(&sp, ctx, &o, &err), 0);
		precis__splitter_chunk(sp, 1);
		for (const char *p = texts[k]; *p; p++)
			ck_assert_int_eq(precis_splitter_feed(sp, p, 1, collect, &stream, &err), 0);
		ck_assert_int_eq(precis_splitter_finish(sp, collect, &stream, &err), 0);
		ck_assert_str_eq(stream.text, whole.text);
		ck_assert_uint_eq(stream.n, whole.n);
		for (size_t i = 0; i < whole.n && i < 64; i++) {
			ck_assert_uint_eq(stream.offsets[i], whole.offsets[i]);
			ck_assert_uint_eq(stream.sources[i], whole.sources[i]);
		}
		precis_splitter_free(sp);
		precis_doc_free(d);
	}
	precis_ctx_free(ctx);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, utf16_with_bom);
	tcase_add_test(tc, utf16_surrogates_and_utf32);
	tcase_add_test(tc, bad_utf16);
	tcase_add_test(tc, named_encoding);
	tcase_add_test(tc, bad_encodings);
	tcase_add_test(tc, bom_and_crlf);
	tcase_add_test(tc, cr_only_lines);
	tcase_add_test(tc, wrap_joined);
	tcase_add_test(tc, wrap_keeps_short_lines);
	tcase_add_test(tc, wrap_paragraph_width);
	tcase_add_test(tc, wrap_leaders_and_ellipses);
	tcase_add_test(tc, wrap_golden_rules);
	tcase_add_test(tc, wrap_join_mode);
	tcase_add_test(tc, wrap_indented_paragraphs);
	tcase_add_test(tc, page_breaks);
	tcase_add_test(tc, markdown_text);
	tcase_add_test(tc, markdown_deep_nesting);
	tcase_add_test(tc, detect);
	tcase_add_test(tc, subtitles_text);
	tcase_add_test(tc, binary_files);
	tcase_add_test(tc, doc_read_offsets);
	tcase_add_test(tc, html_title_heads_text);
	tcase_add_test(tc, stream_equals_doc);
	suite_add_tcase(s, tc);
	return s;
}
