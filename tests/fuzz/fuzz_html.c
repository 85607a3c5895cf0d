/*
 * fuzz_html.c - libFuzzer target for the HTML extractor.
 *
 *   make fuzz_html && ./fuzz_html -max_len=65536 -timeout=10 fuzz_corpus
 *
 * The first byte picks options (a charset hint, a low depth limit, a memory
 * limit that fails part-way), the rest is the page. Beyond the sanitizers'
 * checks it asserts the result's invariants: valid UTF-8 text, pieces in
 * order and inside both the text and the page, and a map that stays inside
 * the page for every span it accepts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const hints[] = {NULL, "windows-1251", "shift_jis",
				    "utf-16be", "iso-2022-jp", "bogus"};

static void check(const precis__html_result *r, size_t size)
{
	if (!precis__html_utf8_valid((const unsigned char *)r->text, r->text_len) ||
	    strlen(r->text) != r->text_len || strlen(r->title) != r->title_len ||
	    !precis__html_utf8_valid((const unsigned char *)r->title, r->title_len))
		abort();
	size_t end = 0;
	for (size_t i = 0; i < r->npieces; i++) {
		const precis__html_piece *p = &r->pieces[i];
		if (p->out_off < end || p->out_off + p->out_len > r->text_len ||
		    p->src_off + p->src_len > size)
			abort();
		end = p->out_off + p->out_len;
	}
	for (size_t off = 0; off < r->text_len; off += 1 + off / 3) {
		size_t so, sl, len = (r->text_len - off) / 2 + 1;
		if (precis__html_map(r, off, len, &so, &sl) == 0 && so + sl > size)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	precis__html_options opt = PRECIS__HTML_OPTIONS_INIT;
	uint8_t mode = data[0];
	opt.charset = hints[mode % 6];
	if (mode & 0x10)
		opt.max_depth = 16;
	if (mode & 0x20)
		opt.max_memory = 64u << 10;
	precis__html_result r;
	int rc = precis__html_extract(&r, (const char *)data + 1, size - 1, &opt);
	if (rc == 0) {
		check(&r, size - 1);
		precis__html_result_free(&r);
	} else if (rc != PRECIS__HTML_ERR_NOMEM || !(mode & 0x20)) {
		abort(); /* only the memory limit may fail */
	}
	return 0;
}
