/*
 * check_rouge_tok.c - ROUGE's tokenizers, stemmers and length limits: the
 * byte rules of ROUGE-1.5.5 (rouge155), its WordNet exceptions and Porter
 * variant, and the Unicode tokenizer. Terms are read back as strings from
 * the context's vocabulary.
 */
#include "rouge/internal.h"
#include "testutil.h"

static precis_rouge *make(int tokenizer, int stem, int stop,
			  const char *language)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.tokenizer = tokenizer;
	o.stem = stem;
	o.stopwords = stop;
	o.language = language;
	precis_rouge *r = NULL;
	precis_error err;
	int rc = precis_rouge_new(&r, &o, &err);
	ck_assert_msg(rc == 0, "precis_rouge_new: %s", err.message);
	return r;
}

/* The terms of `text` joined by spaces, sentences by " | ". */
static const char *terms(precis_rouge *r, const char *text)
{
	static char out[1024];
	rouge_text t = { 0 };
	precis_error err;
	int rc = precis__rouge_tokenize(r, text, strlen(text), &t, &err);
	ck_assert_msg(rc == 0, "tokenize: %s", err.message);
	size_t n = 0, s = 0;
	out[0] = '\0';
	for (size_t i = 0; i < t.ntok; i++) {
		while (s < t.nsent && t.sent[s] == i && i > 0) {
			n += (size_t)snprintf(out + n, sizeof out - n, " |");
			s++;
		}
		size_t len;
		const char *w = precis__strtab_get(&r->lex.vocab, t.tok[i],
							 &len);
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s",
				      n ? " " : "", (int)len, w);
	}
	precis__rouge_text_free(&t);
	return out;
}

#define EXPECT(r, text, want) ck_assert_str_eq(terms((r), (text)), (want))

START_TEST(rouge155_bytes)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_ROUGE155, 0, 0, NULL);
	EXPECT(r, "COVID-19", "covid 19");
	EXPECT(r, "caf\xc3\xa9", "caf");
	EXPECT(r, "Z\xc3\xbcrich", "z rich");
	EXPECT(r, "John\xe2\x80\x99s dog", "john s dog");
	EXPECT(r, "Revenue rose 3.5% in the U.S.", "revenue rose 3 5 in the u s");
	EXPECT(r, "AT&T state-of-the-art", "at t state of the art");
	EXPECT(r, "3rd gpt4 under_score", "3rd gpt4 under score");
	EXPECT(r, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 2024", "2024");
	EXPECT(r, "One.\nTwo three.\n\nFour", "one | two three | four");
	precis_rouge_free(r);
}
END_TEST

START_TEST(rouge155_stem)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_ROUGE155, 1, 0, NULL);
	EXPECT(r, "mice", "mouse");   /* WordNet exception, not stemmed again */
	EXPECT(r, "mouse", "mous");   /* Porter */
	EXPECT(r, "were", "be");
	EXPECT(r, "best better", "well well");
	EXPECT(r, "ran was are", "ran was are"); /* 3 bytes: never stemmed */
	EXPECT(r, "Running runners", "run runner");
	/* ROUGE's Porter variant, not the paper's (libstemmer keeps these) */
	EXPECT(r, "parliament agreement possibly", "parliam agreem possibl");
	EXPECT(r, "yelling happiness relational", "yell happi relat");
	precis_rouge_free(r);
}
END_TEST

START_TEST(porter_in_place)
{
	char w[32] = "generously";
	size_t n = precis__rouge_porter(w, strlen(w));
	ck_assert_int_eq((int)n, 5);
	ck_assert_int_eq(memcmp(w, "gener", 5), 0);
	strcpy(w, "measurement");
	n = precis__rouge_porter(w, strlen(w));
	ck_assert_int_eq(memcmp(w, "measur", n), 0);
	ck_assert_int_eq((int)n, 6);
	strcpy(w, "at");
	ck_assert_int_eq((int)precis__rouge_porter(w, 2), 2);
}
END_TEST

START_TEST(stopwords)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_ROUGE155, 0, 1, NULL);
	EXPECT(r, "The cat is on the mat", "cat mat");
	precis_rouge_free(r);
}
END_TEST

START_TEST(unicode_words)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_UNICODE, 0, 0, NULL);
	EXPECT(r, "caf\xc3\xa9", "caf\xc3\xa9");
	EXPECT(r, "Z\xc3\xbcrich COVID-19", "z\xc3\xbcrich covid 19");
	EXPECT(r, "\xef\xac\x81nal Stra\xc3\x9f" "e", "final strasse"); /* NFKC, fold */
	EXPECT(r, "John\xe2\x80\x99s dog's", "john's dog's");
	EXPECT(r, "\xe5\x8c\x97\xe4\xba\xac\xe6\x98\xaf", /* 北京是 */
	       "\xe5\x8c\x97 \xe4\xba\xac \xe6\x98\xaf");
	EXPECT(r, "Vi\xe1\xbb\x87t Nam", "vi\xe1\xbb\x87t nam");
	precis_rouge_free(r);
}
END_TEST

START_TEST(unicode_stem)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_UNICODE, 1, 0, "ru");
	/* Москва столица России -> москв столиц росс */
	EXPECT(r, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
		  "\xd1\x81\xd1\x82\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb0 "
		  "\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd0\xb8",
	       "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2 "
	       "\xd1\x81\xd1\x82\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x86 "
	       "\xd1\x80\xd0\xbe\xd1\x81\xd1\x81");
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_TOKENIZE_UNICODE, 1, 0, "german");
	EXPECT(r, "H\xc3\xa4user laufen", "haus lauf");
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_TOKENIZE_UNICODE, 1, 0, "vi"); /* no stemmer */
	EXPECT(r, "c\xc3\xa1" "c nh\xc3\xa0", "c\xc3\xa1" "c nh\xc3\xa0");
	precis_rouge_free(r);
}
END_TEST

START_TEST(unicode_bad_utf8)
{
	precis_rouge *r = make(PRECIS_ROUGE_TOKENIZE_UNICODE, 0, 0, NULL);
	rouge_text t = { 0 };
	precis_error err;
	ck_assert_int_eq(precis__rouge_tokenize(r, "ab\xff", 3, &t, &err),
			 PRECIS_ERR_UTF8);
	ck_assert_int_eq((int)err.offset, 2);
	precis__rouge_text_free(&t);
	precis_rouge_free(r);
}
END_TEST

START_TEST(languages)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
	o.stem = 1;
	o.language = "klingon";
	precis_rouge *r = NULL;
	precis_error err;
	ck_assert_int_eq(precis_rouge_new(&r, &o, &err), PRECIS_ERR_LANGUAGE);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(precis__rouge_stemmer_name("en"), "english");
	ck_assert_str_eq(precis__rouge_stemmer_name("russian"), "russian");
	ck_assert_str_eq(precis__rouge_stemmer_name("vi"), "");
	ck_assert_ptr_null(precis__rouge_stemmer_name("xx"));
	/* The one language table: any case, aliases, and Snowball names that
	 * are no language. */
	ck_assert_str_eq(precis__rouge_stemmer_name("German"), "german");
	ck_assert_str_eq(precis__rouge_stemmer_name("nb"), "norwegian");
	ck_assert_str_eq(precis__rouge_stemmer_name("porter"), "porter");
	ck_assert_str_eq(precis__rouge_stemmer_name("ko"), "");
}
END_TEST

/* 1.5.5 counts words as split(/\s+/) fields: a leading blank is a field. */
START_TEST(limit_words)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.limit_words = 3;
	precis_rouge *r = NULL;
	ck_assert_int_eq(precis_rouge_new(&r, &o, NULL), 0);
	EXPECT(r, "one two\nthree four five", "one two | three");
	EXPECT(r, "  one two three", "one two");
	EXPECT(r, "one-two three four", "one two three four");
	precis_rouge_free(r);
}
END_TEST

/* With -b, ROUGE-N/S text is cut at the running total, ROUGE-L/W text per
 * sentence (1.5.5 never adds up the lengths there). */
START_TEST(limit_bytes)
{
	precis_rouge_options o;
	precis_rouge_options_init(&o);
	o.limit_bytes = 7;
	precis_rouge *r = NULL;
	ck_assert_int_eq(precis_rouge_new(&r, &o, NULL), 0);
	EXPECT(r, "abcdef\ngh", "abcdef | gh");
	rouge_text t = { 0 };
	ck_assert_int_eq(precis__rouge_tokenize(r, "abcdef\ngh", 9, &t, NULL), 0);
	size_t n;
	const uint32_t *flat = rouge_text_flat(&t, &n);
	ck_assert_int_eq((int)n, 2);
	size_t len;
	const char *w = precis__strtab_get(&r->lex.vocab, flat[1], &len);
	ck_assert_int_eq((int)len, 1);
	ck_assert_int_eq(w[0], 'g');
	precis__rouge_text_free(&t);
	EXPECT(r, "abcdefghij\nkl", "abcdefg");
	precis_rouge_free(r);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rouge_tok");
	TCase *tc = tcase_create("rouge155");
	tcase_add_test(tc, rouge155_bytes);
	tcase_add_test(tc, rouge155_stem);
	tcase_add_test(tc, porter_in_place);
	tcase_add_test(tc, stopwords);
	suite_add_tcase(s, tc);
	tc = tcase_create("unicode");
	tcase_add_test(tc, unicode_words);
	tcase_add_test(tc, unicode_stem);
	tcase_add_test(tc, unicode_bad_utf8);
	tcase_add_test(tc, languages);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_test(tc, limit_words);
	tcase_add_test(tc, limit_bytes);
	suite_add_tcase(s, tc);
	return s;
}
