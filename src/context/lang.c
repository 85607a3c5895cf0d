/*
 * lang.c - language resources. Stopword lists and splitting rules are
 * compiled into the library (resources.h); stemmers come from stem.c, one
 * per context because a Snowball stemmer is not thread-safe. The table
 * below is the one list of languages: summarizing, splitting and ROUGE's
 * Unicode tokenizer all name languages through it.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/internal.h"
#include "base/resources.h"
#include "base/text.h"
#include "context/lang.h"

static const precis__lang_info languages[] = {
	{ "am", "amharic",     NULL },
	{ "ar", "arabic",      "arabic" },
	{ "bg", "bulgarian",   NULL },
	{ "ca", "catalan",     "catalan" },
	{ "cs", "czech",       NULL },
	{ "da", "danish",      "danish" },
	{ "de", "german",      "german" },
	{ "el", "greek",       "greek" },
	{ "en", "english",     "english" },
	{ "es", "spanish",     "spanish" },
	{ "eu", "basque",      "basque" },
	{ "fa", "persian",     NULL },
	{ "fi", "finnish",     "finnish" },
	{ "fr", "french",      "french" },
	{ "ga", "irish",       "irish" },
	{ "he", "hebrew",      NULL },
	{ "hi", "hindi",       "hindi" },
	{ "hu", "hungarian",   "hungarian" },
	{ "hy", "armenian",    "armenian" },
	{ "id", "indonesian",  "indonesian" },
	{ "it", "italian",     "italian" },
	{ "ja", "japanese",    NULL },
	{ "kk", "kazakh",      NULL },
	{ "ko", "korean",      NULL },
	{ "lt", "lithuanian",  "lithuanian" },
	{ "mr", "marathi",     NULL },
	{ "my", "burmese",     NULL },
	{ "ne", "nepali",      "nepali" },
	{ "nl", "dutch",       "dutch" },
	{ "no", "norwegian",   "norwegian" },
	{ "pl", "polish",      NULL },
	{ "pt", "portuguese",  "portuguese" },
	{ "ro", "romanian",    "romanian" },
	{ "ru", "russian",     "russian" },
	{ "sk", "slovak",      NULL },
	{ "sr", "serbian",     "serbian" },
	{ "sv", "swedish",     "swedish" },
	{ "ta", "tamil",       "tamil" },
	{ "th", "thai",        NULL },
	{ "tr", "turkish",     "turkish" },
	{ "uk", "ukrainian",   NULL },
	{ "ur", "urdu",        NULL },
	{ "vi", "vietnamese",  NULL },
	{ "yi", "yiddish",     "yiddish" },
	{ "zh", "chinese",     NULL },
};

/* Other names of a language of the table. */
static const struct { const char *alias, *code; } aliases[] = {
	{ "nb", "no" }, { "bokmal", "no" }, { "bokm\xC3\xA5l", "no" },
};

static const precis__lang_info *find_exact(const char *name)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (strcasecmp(name, languages[i].code) == 0 ||
		    strcasecmp(name, languages[i].name) == 0)
			return &languages[i];
	return NULL;
}

const precis__lang_info *precis__lang_find(const char *name)
{
	if (name == NULL)
		name = "en";
	const precis__lang_info *l = find_exact(name);
	for (size_t i = 0; l == NULL && i < sizeof aliases / sizeof *aliases; i++)
		if (strcasecmp(name, aliases[i].alias) == 0)
			l = find_exact(aliases[i].code);
	return l;
}

const char *precis_language(size_t i, const char **name, unsigned *has)
{
	if (i >= sizeof languages / sizeof languages[0])
		return NULL;
	const precis__lang_info *l = &languages[i];
	if (name != NULL)
		*name = l->name;
	if (has != NULL) {
		char path[64];
		*has = l->stemmer != NULL ? PRECIS_LANG_STEMMER : 0;
		snprintf(path, sizeof path, "stopwords/%s.txt", l->name);
		*has |= precis__resource_find(path) ? PRECIS_LANG_STOPWORDS : 0;
		snprintf(path, sizeof path, "abbrev/%s.txt", l->code);
		*has |= precis__resource_find(path) ? PRECIS_LANG_RULES : 0;
	}
	return l->code;
}

/* One word per line; '#' starts a comment; words are folded like tokens. */
int precis__lang_stopwords_parse(precis__lang *lang, const char *data,
				 size_t len, precis_error *err)
{
	size_t bad;
	precis__strtab_clear(&lang->stopwords);
	if (!precis__utf8_valid(data, len, &bad))
		return precis__fail_at(err, PRECIS_ERR_UTF8, bad,
				       "stopword list: invalid UTF-8");
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			e--; /* CRLF files, trailing blanks */
		if (e > p && *p != '#') {
			char buf[256];
			size_t n = precis__fold_word(p, (size_t)(e - p), buf, sizeof buf);
			if (n > 0 && precis__strtab_intern(&lang->stopwords, buf, n, NULL) < 0)
				return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
		}
		p = (nl ? nl : end) + 1;
	}
	return 0;
}

/* The language's own list (none: every word is kept). */
int precis__lang_stopwords_default(precis__lang *lang, precis_error *err)
{
	char path[64];
	snprintf(path, sizeof path, "stopwords/%s.txt", lang->info->name);
	const precis__resource *r = precis__resource_find(path);
	if (r == NULL) {
		precis__strtab_clear(&lang->stopwords);
		return 0;
	}
	return precis__lang_stopwords_parse(lang, r->data, r->len, err);
}

static int load_rules(precis__lang *lang, precis_error *err)
{
	char path[64];
	snprintf(path, sizeof path, "abbrev/%s.txt", lang->info->code);
	const precis__resource *r = precis__resource_find(path);
	return precis__segrules_parse(&lang->rules, r ? r->data : "",
				      r ? r->len : 0, err);
}

int precis__lang_open(precis__lang *lang, const char *name, precis_error *err)
{
	memset(lang, 0, sizeof *lang);
	lang->info = precis__lang_find(name);
	if (lang->info == NULL)
		return precis__fail(err, PRECIS_ERR_LANGUAGE,
				    "unsupported language '%s'", name);
	if (lang->info->stemmer != NULL &&
	    precis__stemmer_new(&lang->stemmer, lang->info->stemmer) != 0)
		return precis__fail(err, PRECIS_ERR_NOMEM, NULL);
	int rc = precis__lang_stopwords_default(lang, err);
	if (rc == 0)
		rc = load_rules(lang, err);
	if (rc != 0)
		precis__lang_close(lang);
	return rc;
}

void precis__lang_close(precis__lang *lang)
{
	precis__stemmer_free(lang->stemmer);
	precis__strtab_clear(&lang->stopwords);
	precis__segrules_free(lang->rules);
	memset(lang, 0, sizeof *lang);
}

const char *precis__lang_stem(precis__lang *lang, const char *w, size_t n,
			      size_t *out_len)
{
	if (lang->stemmer == NULL) {
		*out_len = n;
		return w;
	}
	return precis__stemmer_stem(lang->stemmer, w, n, out_len);
}
