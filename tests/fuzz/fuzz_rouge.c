/*
 * fuzz_rouge.c - fuzz target: ROUGE scores of a candidate against one to
 * three references, with both tokenizers and stemming off and on.
 *
 * Input: three header bytes, then the candidate and the references
 * separated by NUL bytes (pieces past the fourth are ignored; with no NUL
 * the candidate is scored against itself).
 *   [0] bits 0-1 max_n - 1, bit 2 ROUGE-L, bit 3 ROUGE-W, bits 4-5 skip
 *       flags, bit 6 stopwords, bit 7 best reference
 *   [1] bits 0-2 skip distance + 1, bits 3-4 limit kind (none, words,
 *       bytes, none), bits 5-7 limit amount
 *   [2] bits 0-3 alpha in eighths (clamped to 1), bits 4-7 language of
 *       the unicode tokenizer
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "precis.h"

#define HEADER 3
#define MAX_REFS 3

static const char *const languages[] = {
	NULL, "en", "de", "fr", "ru", "es", "nl", "it", "sv", "fi", "hu",
	"el", "ar", "tr", "english", "ja",
};

static int in_unit(double v)
{
	return !isnan(v) && v >= 0.0 && v <= 1.0;
}

static void check_scores(const precis_rouge *r, const precis_rouge_score *s)
{
	size_t m = precis_rouge_metric_count(r);
	for (size_t i = 0; i < m; i++) {
		FUZZ_CHECK(precis_rouge_metric_name(r, i) != NULL);
		FUZZ_CHECK(in_unit(s[i].r) && in_unit(s[i].p) && in_unit(s[i].f));
		FUZZ_CHECK(!isnan(s[i].hit) && s[i].hit >= 0.0);
		FUZZ_CHECK(!isnan(s[i].model_count) && s[i].model_count >= 0.0);
		FUZZ_CHECK(!isnan(s[i].peer_count) && s[i].peer_count >= 0.0);
	}
	FUZZ_CHECK(precis_rouge_metric_name(r, m) == NULL);
}

static void check_average(const precis_rouge_average *a)
{
	FUZZ_CHECK(in_unit(a->r) && in_unit(a->p) && in_unit(a->f));
	FUZZ_CHECK(in_unit(a->r_lo) && in_unit(a->r_hi));
	FUZZ_CHECK(in_unit(a->p_lo) && in_unit(a->p_hi));
	FUZZ_CHECK(in_unit(a->f_lo) && in_unit(a->f_hi));
	FUZZ_CHECK(in_unit(a->mean_r) && in_unit(a->mean_p) &&
		   in_unit(a->mean_f));
}

static void score(const precis_rouge_options *o, const char *cand,
		  size_t cand_len, const char *const *refs,
		  const size_t *ref_lens, size_t nrefs, int valid_utf8)
{
	precis_error err;
	precis_rouge *r = NULL;
	int rc = precis_rouge_new(&r, o, &err);
	if (rc != 0) {
		/* No metric at all, or an unsupported stemmer language. */
		FUZZ_CHECK(rc == PRECIS_ERR_ARG || rc == PRECIS_ERR_LANGUAGE);
		FUZZ_CHECK(r == NULL);
		return;
	}
	size_t m = precis_rouge_metric_count(r);
	FUZZ_CHECK(m > 0);
	precis_rouge_score *s = calloc(m, sizeof *s);
	FUZZ_CHECK(s != NULL);
	rc = precis_rouge_score_pair(r, cand, cand_len, refs, ref_lens, nrefs,
				     s, &err);
	if (rc == 0) {
		check_scores(r, s);
	} else {
		/* Bad UTF-8 is an error for the unicode tokenizer only; the
		 * LCS table has a size limit. */
		FUZZ_CHECK(rc == PRECIS_ERR_ARG || rc == PRECIS_ERR_UTF8);
		FUZZ_CHECK(rc != PRECIS_ERR_UTF8 ||
			   (o->tokenizer == PRECIS_ROUGE_TOKENIZE_UNICODE &&
			    !valid_utf8));
		free(s);
		precis_rouge_free(r);
		return;
	}

	/* The same pair twice through an eval set, then its averages. */
	precis_rouge_eval *ev = NULL;
	FUZZ_CHECK(precis_rouge_eval_new(&ev, r, &err) == 0);
	FUZZ_CHECK(precis_rouge_eval_add(ev, r, "a", cand, cand_len, refs,
					 ref_lens, nrefs, &err) == 0);
	FUZZ_CHECK(precis_rouge_eval_add_scores(ev, NULL, s, &err) == 0);
	FUZZ_CHECK(precis_rouge_eval_count(ev) == 2);
	const precis_rouge_score *again = precis_rouge_eval_scores(ev, 0);
	FUZZ_CHECK(again != NULL);
	for (size_t i = 0; i < m; i++)
		FUZZ_CHECK(again[i].r == s[i].r && again[i].p == s[i].p &&
			   again[i].f == s[i].f);
	precis_rouge_average *avg = calloc(m, sizeof *avg);
	FUZZ_CHECK(avg != NULL);
	FUZZ_CHECK(precis_rouge_eval_average(ev, 3, 95.0, avg, &err) == 0);
	for (size_t i = 0; i < m; i++)
		check_average(&avg[i]);
	free(avg);
	precis_rouge_eval_free(ev);
	free(s);
	precis_rouge_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t h[HEADER];
	size_t len;
	const char *text = fuzz_header(data, size, h, HEADER, &len);

	/* Pieces: the candidate, then the references. */
	const char *piece[MAX_REFS + 1];
	size_t plen[MAX_REFS + 1], np = 0, start = 0;
	for (size_t i = 0; i <= len && np < MAX_REFS + 1; i++) {
		if (i == len || text[i] == '\0') {
			piece[np] = text + start;
			plen[np] = i - start;
			np++;
			start = i + 1;
		}
	}
	const char *refs[MAX_REFS];
	size_t ref_lens[MAX_REFS], nrefs = 0;
	for (size_t i = 1; i < np; i++) {
		refs[nrefs] = piece[i];
		ref_lens[nrefs++] = plen[i];
	}
	if (nrefs == 0) {
		refs[0] = piece[0];
		ref_lens[0] = plen[0];
		nrefs = 1;
	}
	int valid = fuzz_utf8_check(piece[0], plen[0]) == plen[0];
	for (size_t i = 0; i < nrefs; i++)
		valid = valid && fuzz_utf8_check(refs[i], ref_lens[i]) == ref_lens[i];

	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.max_n = (h[0] & 3u) + 1;
	o.lcs = (h[0] >> 2) & 1;
	o.wlcs_weight = (h[0] & 8u) ? 1.2 : 0.0;
	o.skip = (h[0] >> 4) & 3u;
	o.stopwords = (h[0] >> 6) & 1;
	o.best_reference = (h[0] >> 7) & 1;
	o.skip_distance = (int)(h[1] & 7u) - 1;
	unsigned amount = (h[1] >> 5) + 1u;
	switch ((h[1] >> 3) & 3u) {
	case 1:
		o.limit_words = amount * 3;
		break;
	case 2:
		o.limit_bytes = amount * 17;
		break;
	default:
		break;
	}
	unsigned a = h[2] & 15u;
	o.alpha = a >= 8 ? 1.0 : a / 8.0;
	o.language = languages[h[2] >> 4];

	for (int tok = 0; tok < 2; tok++) {
		for (int stem = 0; stem < 2; stem++) {
			o.tokenizer = tok ? PRECIS_ROUGE_TOKENIZE_UNICODE
					  : PRECIS_ROUGE_TOKENIZE_ROUGE155;
			o.stem = stem;
			score(&o, piece[0], plen[0], refs, ref_lens, nrefs,
			      valid);
		}
	}
	return 0;
}
