/*
 * precis.h - the one public header of libprecis, a fast extractive summarizer.
 *
 * Pipeline: bytes -> precis_doc (UTF-8 checked, split into sentences, tokenized)
 * -> precis_summarize() (a ranking method scores sentences, a budgeted selection
 * with redundancy control picks them) -> precis_summary (sentence indices, byte
 * spans and scores, in document order).
 *
 * Ownership: every object returned through an `**out` argument belongs to the
 * caller and is released with the matching `_free`, which accepts NULL; pointers
 * returned directly are borrowed from their parent and die with it.
 *
 * Errors: fallible calls return 0 or a negative precis_status and, when `err` is
 * not NULL, fill it with the code, a message and, for input errors, the byte
 * offset; on success they leave it cleared (code PRECIS_OK, every field 0,
 * an empty message), so a reused precis_error never shows a stale failure.
 * The library never prints, never exits and holds no global state.
 *
 * Threads: a precis_ctx is not thread-safe (it owns a stemmer and a stem cache);
 * use one per thread and reuse it across documents. A precis_doc is immutable
 * once built and may be read from several threads.
 *
 * The sections below follow the pipeline: text, context, documents,
 * splitting a stream, summarizing, rendering, background IDF models, learned
 * models, ROUGE, evaluation, training.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* API version (semver); the shared library's ABI number is kept apart. */
#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0

#if defined(__GNUC__) && __GNUC__ >= 4
#define PRECIS_EXTERN __attribute__((visibility("default")))
#else
#define PRECIS_EXTERN
#endif

/* Status codes: append only. */
typedef enum precis_status {
	PRECIS_OK = 0,
	PRECIS_ERR_NOMEM = -1,    /* out of memory */
	PRECIS_ERR_ARG = -2,      /* invalid argument or option value */
	PRECIS_ERR_UTF8 = -3,     /* input is not valid UTF-8; offset is set */
	PRECIS_ERR_LANGUAGE = -4, /* unknown or unsupported language */
	PRECIS_ERR_METHOD = -5,   /* unknown ranking method */
	PRECIS_ERR_PARSE = -6,    /* malformed structured input; line/offset set */
	PRECIS_ERR_IO = -7,       /* read or write failed */
	PRECIS_ERR_EMPTY = -8,    /* the input holds no sentence to work on */
	PRECIS_ERR_LIMIT = -9     /* the input exceeds a method's size limit */
} precis_status;

/* Filled by fallible calls when not NULL. Lives on the caller's stack. */
typedef struct precis_error {
	int code;          /* a precis_status */
	size_t offset;     /* byte offset into the input, when it applies */
	size_t line;       /* 1-based line, 0 when unknown */
	char message[200]; /* NUL-terminated, no trailing newline */
} precis_error;

/* Frees memory the library returned for the caller to free (the strings of
 * precis_utf8_sanitize() and precis_summary_text()); NULL is ignored. Use
 * it rather than free(): the library and its caller may not share a C
 * runtime. */
PRECIS_EXTERN void precis_free(void *p);

/* A static string naming a status code. */
PRECIS_EXTERN const char *precis_strerror(int code);
/* The library's version, "MAJOR.MINOR.PATCH". */
PRECIS_EXTERN const char *precis_version(void);

/* Receives output bytes; returns 0, or non-zero to stop with PRECIS_ERR_IO. */
typedef int (*precis_write_fn)(void *payload, const char *buf, size_t len);

/* ---- text --------------------------------------------------------------- */

/*
 * A malloc'd, NUL-terminated copy of s[0, len) in which every invalid UTF-8
 * sequence is replaced by U+FFFD (file names, say, before they go into
 * JSON); *out_len (when not NULL) gets its length. NULL when out of memory.
 * Release it with precis_free().
 */
PRECIS_EXTERN char *precis_utf8_sanitize(const char *s, size_t len,
					 size_t *out_len);

/*
 * Copies text[0, len) to `out` (at least `len` bytes) with each line break
 * and the white space around it folded to one space, or to nothing between
 * two CJK characters: how a sentence that spans lines is shown on one line.
 * Returns the bytes written (never more than `len`).
 */
PRECIS_EXTERN size_t precis_fold_lines(const char *text, size_t len, char *out);

/* ---- context ------------------------------------------------------------ */

typedef struct precis_ctx precis_ctx;

/*
 * Creates a context for one language, named by ISO 639-1 code ("en") or
 * English name ("english"); NULL means English. Fails with
 * PRECIS_ERR_LANGUAGE for a language precis has no resources for.
 */
PRECIS_EXTERN int precis_ctx_new(precis_ctx **out, const char *language,
				 precis_error *err);
PRECIS_EXTERN void precis_ctx_free(precis_ctx *ctx);
/* The ISO 639-1 code of the context's language (borrowed). */
PRECIS_EXTERN const char *precis_ctx_language(const precis_ctx *ctx);

/*
 * Replaces the context's stopwords (the words that are no terms) by the
 * list list[0, len): UTF-8 text, one word per line, a line starting with
 * '#' a comment; words are matched case-folded, as tokens are. An empty
 * list keeps every word; list NULL restores the language's own list. Set
 * it before building documents: documents built before keep their terms.
 * PRECIS_ERR_UTF8 (with the offset) for a list that is not UTF-8, and the
 * context keeps the language's own list then.
 */
PRECIS_EXTERN int precis_ctx_set_stopwords(precis_ctx *ctx, const char *list,
					   size_t len, precis_error *err);

/*
 * Tunable parameters of the ranking methods. New ids are appended; a new
 * method never changes a struct or a signature.
 */
typedef enum precis_param {
	PRECIS_PARAM_POSITION_WEIGHT = 0, /* tfidf: weight of the position prior */
	PRECIS_PARAM_POSITION_DECAY,      /* tfidf: decay of the prior per sentence */
	PRECIS_PARAM_PARAGRAPH_WEIGHT,    /* tfidf: bonus of paragraph-initial sentences */
	PRECIS_PARAM_TITLE_WEIGHT,        /* tfidf: weight of headline overlap */
	PRECIS_PARAM_REDUNDANCY,          /* select: max similarity to a chosen sentence */
	PRECIS_PARAM_MIN_WORDS,           /* select: shortest sentence worth picking */
	PRECIS_PARAM_LUHN_MIN_COUNT,      /* luhn: occurrences of a significant word */
	PRECIS_PARAM_LUHN_GAP,            /* luhn: max words between significant ones */
	PRECIS_PARAM_EDMUNDSON_CUE,       /* edmundson: weight of bonus/stigma words */
	PRECIS_PARAM_EDMUNDSON_KEY,       /* edmundson: weight of frequent words */
	PRECIS_PARAM_EDMUNDSON_TITLE,     /* edmundson: weight of headline words */
	PRECIS_PARAM_EDMUNDSON_LOCATION,  /* edmundson: weight of position */
	PRECIS_PARAM_LEXRANK_THRESHOLD,   /* lexrank: edge cut-off; 0 = continuous */
	PRECIS_PARAM_LEXRANK_JUMP,        /* lexrank: random-jump probability */
	PRECIS_PARAM_TEXTRANK_DAMPING,    /* textrank: PageRank damping factor d */
	PRECIS_PARAM_LSA_SIGMA_RATIO,     /* lsa: keep dimensions with s_i >= r s_1 */
	PRECIS_PARAM_CENTROID_POSITION,   /* centroid: weight of the position score */
	PRECIS_PARAM_CENTROID_FIRST,      /* centroid: weight of first-sentence overlap */
	PRECIS_PARAM_CENTROID_REDUNDANCY, /* centroid: weight of the overlap penalty */
	PRECIS_PARAM_LENGTH_TARGET,       /* tfidf: words beyond which a sentence pays; 0 = off */
	PRECIS_PARAM_LENGTH_WEIGHT,       /* tfidf: penalty per target length of excess */
	PRECIS_PARAM_GRAPH_EXACT_MAX,     /* lexrank, textrank: sentences up to which
					     the graph is exact, past it sparse */
	PRECIS_PARAM_COUNT_
} precis_param;

/* Sets a parameter; PRECIS_ERR_ARG when id or value is out of bounds. */
PRECIS_EXTERN int precis_ctx_set_param(precis_ctx *ctx, precis_param id,
				       double value);
PRECIS_EXTERN double precis_ctx_get_param(const precis_ctx *ctx,
					  precis_param id);
/* Bounds and default of a parameter; PRECIS_ERR_ARG for an unknown id. */
PRECIS_EXTERN int precis_param_bounds(precis_param id, double *lo, double *hi,
				      double *def);
/* The parameter's option-style name ("position-weight"), NULL if unknown. */
PRECIS_EXTERN const char *precis_param_name(precis_param id);

/* What precis has for a language: bits of precis_language()'s *has. */
enum precis_language_has {
	PRECIS_LANG_STEMMER = 1u << 0,   /* a Snowball stemmer */
	PRECIS_LANG_STOPWORDS = 1u << 1, /* a stopword list */
	PRECIS_LANG_RULES = 1u << 2      /* sentence rules (abbreviations...) */
};

/* The i-th supported language's ISO 639-1 code, NULL past the end; `name`
 * (its English name) and `has` are filled when not NULL. Either form names
 * it to precis_ctx_new(). */
PRECIS_EXTERN const char *precis_language(size_t i, const char **name,
					  unsigned *has);

/*
 * Language detection. A detector holds the stopword lists of every
 * language precis has (built once, then only read: one detector may serve
 * several threads). precis_detect_language() looks at the first 4 KB of
 * text[0, len) (of its words, the first 100 when they tell clearly, else
 * up to 400) and returns the ISO 639-1 code of the language (a static
 * string, one precis_ctx_new() takes), or NULL when the text has no
 * letters; *confidence (when not NULL) gets how clearly it won, from 0
 * (a guess: few or no telling words) to 1. Detected: every language with
 * a stopword list, and by their scripts zh, ja, ko, el, hy, ta, am, my,
 * fa, ur and vi; a text in another language comes out as the nearest of
 * these, or as en, ru, hi or ar when nothing tells.
 */
typedef struct precis_detector precis_detector;
PRECIS_EXTERN int precis_detector_new(precis_detector **out, precis_error *err);
PRECIS_EXTERN void precis_detector_free(precis_detector *det);
PRECIS_EXTERN const char *precis_detect_language(const precis_detector *det,
						 const char *text, size_t len,
						 double *confidence);


/* ---- documents ---------------------------------------------------------- */

typedef struct precis_doc precis_doc;

enum precis_doc_flags {
	PRECIS_DOC_LENIENT = 1u << 0,   /* replace invalid UTF-8 by U+FFFD */
	PRECIS_DOC_JOIN_LINES = 1u << 1, /* join hard-wrapped lines (PDF text):
					    PRECIS_WRAP_JOIN */
	PRECIS_DOC_SPLIT_ONLY = 1u << 2, /* segment only: no tokens, words 0,
					    and the document cannot be summarized */
	PRECIS_DOC_KEEP_NOISE = 1u << 3, /* a lossless split: noise ("+", "***",
					    "[…]") becomes units of kind
					    PRECIS_UNIT_NOISE and an omission mark
					    stays in its sentence, so every
					    non-space character is in a unit;
					    implies PRECIS_DOC_SPLIT_ONLY */
	PRECIS_DOC_BORROW = 1u << 4      /* precis_doc_read(): data[len] is a
					    NUL byte, and data[0, len] stays
					    as it is until precis_doc_free():
					    a text that is the data unchanged
					    (UTF-8 plain text with LF line
					    ends, nothing joined) is then not
					    copied, halving the memory a large
					    input takes */
};

/* The formats a document is read from (precis_doc_read()). */
typedef enum precis_input_format {
	PRECIS_INPUT_AUTO = 0,     /* by the name's extension, else the content */
	PRECIS_INPUT_TEXT = 1,     /* plain text */
	PRECIS_INPUT_MARKDOWN = 2, /* CommonMark with GitHub's tables: headings,
				      paragraphs and list items kept, markup,
				      code, HTML and tables dropped */
	PRECIS_INPUT_HTML = 3,     /* a web page: its article */
	PRECIS_INPUT_SUBTITLES = 4 /* SubRip (.srt) or WebVTT (.vtt): the cues'
				      text as running text, without numbers,
				      timings and tags */
} precis_input_format;

/* Line breaks inside a paragraph of plain text. */
typedef enum precis_wrap {
	PRECIS_WRAP_AUTO = 0, /* join the lines a program wrapped to a width;
				 keep headlines, list items, short lines */
	PRECIS_WRAP_JOIN = 1, /* join every line but a list item's first */
	PRECIS_WRAP_KEEP = 2  /* keep them: a line without terminal punctuation
				 is a unit of its own */
} precis_wrap;

#define PRECIS_READ_OPTIONS_VERSION 1

/* How precis_doc_read() reads its bytes. */
typedef struct precis_read_options {
	unsigned version;     /* PRECIS_READ_OPTIONS_VERSION */
	int format;           /* a precis_input_format */
	int wrap;             /* a precis_wrap */
	const char *name;     /* the file's name, whose extension AUTO reads
				 first (may be NULL) */
	const char *encoding; /* an iconv name ("latin1"); NULL: UTF-8, or
				 UTF-16 or UTF-32 when a byte order mark says so */
	const char *title;    /* the headline, when the input has none (may be
				 NULL: a Markdown or HTML title, else a first
				 short line, is detected) */
	unsigned flags;       /* precis_doc_flags */
} precis_read_options;

#define PRECIS_READ_OPTIONS_INIT \
	{ PRECIS_READ_OPTIONS_VERSION, PRECIS_INPUT_AUTO, PRECIS_WRAP_AUTO, \
	  NULL, NULL, NULL, 0 }
PRECIS_EXTERN void precis_read_options_init(precis_read_options *opts);

/*
 * Reads a document from `len` bytes in the format and encoding `opts`
 * names (NULL: the defaults, PRECIS_READ_OPTIONS_INIT), through the input
 * stage: the bytes are decoded to UTF-8 and turned into the text a reader
 * sees (wrapped lines joined with one space, markup removed), which is
 * precis_doc_text(); offsets into it map back to the source bytes with
 * precis_doc_source_span(). Bytes invalid in the encoding fail with
 * PRECIS_ERR_UTF8 and the source offset of the first, unless
 * PRECIS_DOC_LENIENT is set; so do bytes that are no text at all, by
 * their first bytes (a PDF, a ZIP archive such as a .docx, an image,
 * compressed data), with offset 0 and a message that says what they are
 * ("not text but a PDF document ..."). An encoding iconv does not know, or
 * an unknown format or wrap mode, fails with PRECIS_ERR_ARG.
 */
PRECIS_EXTERN int precis_doc_read(precis_doc **out, precis_ctx *ctx,
				  const char *data, size_t len,
				  const precis_read_options *opts,
				  precis_error *err);

/*
 * precis_doc_read() of `len` bytes of UTF-8 plain text (a BOM is skipped,
 * CRLF is a line break) with its line breaks kept (PRECIS_WRAP_KEEP, or
 * PRECIS_WRAP_JOIN with PRECIS_DOC_JOIN_LINES): precis's reading before
 * the input stage. `title` may be NULL: a headline is then detected (a
 * first short line without terminal punctuation).
 */
PRECIS_EXTERN int precis_doc_new(precis_doc **out, precis_ctx *ctx,
				 const char *text, size_t len,
				 const char *title, unsigned flags,
				 precis_error *err);
PRECIS_EXTERN void precis_doc_free(precis_doc *doc);

/* The document's text (borrowed, NUL-terminated): what the input stage
 * made of the input (the input itself for unwrapped UTF-8 text with LF
 * line ends, and with PRECIS_DOC_BORROW then the very bytes given after
 * a UTF-8 BOM; repaired where lenient). */
PRECIS_EXTERN const char *precis_doc_text(const precis_doc *doc, size_t *len);
/* The format the document was read as (a precis_input_format, not AUTO). */
PRECIS_EXTERN int precis_doc_format(const precis_doc *doc);
/*
 * The bytes of the source the text span [offset, offset + length) of
 * precis_doc_text() came from. PRECIS_ERR_ARG for a span outside the text.
 */
PRECIS_EXTERN int precis_doc_source_span(const precis_doc *doc, size_t offset,
					 size_t length, size_t *src_offset,
					 size_t *src_length);
/* Invalid byte sequences replaced when lenient (0 otherwise). */
PRECIS_EXTERN size_t precis_doc_repairs(const precis_doc *doc);

typedef enum precis_unit_kind {
	PRECIS_UNIT_SENTENCE = 0, /* a sentence of running text */
	PRECIS_UNIT_LINE = 1,     /* a line without terminal punctuation: headline,
				     list item, caption, tag line */
	PRECIS_UNIT_NOISE = 2     /* only punctuation or markers ("+", "***"):
				     with PRECIS_DOC_KEEP_NOISE only; it has the
				     index of the paragraph it is in, and a
				     paragraph of only noise is not counted */
} precis_unit_kind;

typedef struct precis_sentence {
	size_t offset;        /* byte offset into precis_doc_text() */
	size_t length;        /* bytes */
	size_t paragraph;     /* 0-based paragraph index */
	size_t words;         /* word tokens */
	int kind;             /* precis_unit_kind */
	size_t source_offset; /* the span in the source bytes */
	size_t source_length;
} precis_sentence;

/* Units of the document in order (noise lines such as "+" are not units,
 * unless the document keeps noise). */
PRECIS_EXTERN size_t precis_doc_sentence_count(const precis_doc *doc);
PRECIS_EXTERN int precis_doc_sentence(const precis_doc *doc, size_t i,
				      precis_sentence *out);
/* The headline as a byte span of precis_doc_text() (a first short line,
 * a Markdown heading, a web page's title, which heads its text); 0 when it
 * is none (or given as text). */
PRECIS_EXTERN int precis_doc_title(const precis_doc *doc, size_t *offset,
				   size_t *length);
/* A headline that is not in the text (borrowed; NULL when none): given
 * with precis_read_options.title. */
PRECIS_EXTERN const char *precis_doc_given_title(const precis_doc *doc);

/* ---- splitting a stream ------------------------------------------------ */

/*
 * Splitting a stream: text fed in pieces of any size; each sentence is
 * handed to `fn` as soon as no later byte can change it (after a blank line,
 * in chunks of a few hundred kilobytes), so memory stays bounded by the
 * chunk and the longest paragraph, not the input. The sentences, offsets and
 * paragraphs are exactly those precis_doc_read() (or precis_doc_new()) with
 * PRECIS_DOC_SPLIT_ONLY gives for the whole text (`words` is 0). Invalid
 * UTF-8 fails at the same byte as there, but only once the splitter reaches
 * it: the sentences of earlier chunks have been handed out by then. `text`
 * is the sentence's bytes, valid during the call. A nonzero return from
 * `fn` stops the split, and _feed or _finish returns it with `err` clear.
 * After any error, or after _finish, the splitter can only be freed. The
 * context is only read: splitters on one context may run on several
 * threads, and it must outlive them.
 */
typedef struct precis_splitter precis_splitter;
typedef int (*precis_sentence_fn)(void *arg, const char *text,
				  const precis_sentence *s);

/*
 * A splitter that reads as precis_doc_read() with `opts` (NULL: the
 * defaults) does. Plain UTF-8 text streams; Markdown, HTML and other
 * encodings cannot be split before they end, so their bytes are held
 * until _finish. A given title does not apply.
 */
PRECIS_EXTERN int precis_splitter_read(precis_splitter **out,
				       const precis_ctx *ctx,
				       const precis_read_options *opts,
				       precis_error *err);
/* precis_splitter_read() of plain UTF-8 text with its line breaks kept
 * (see precis_doc_new()); flags: PRECIS_DOC_LENIENT, PRECIS_DOC_JOIN_LINES
 * and PRECIS_DOC_KEEP_NOISE. */
PRECIS_EXTERN int precis_splitter_new(precis_splitter **out,
				      const precis_ctx *ctx, unsigned flags,
				      precis_error *err);
PRECIS_EXTERN void precis_splitter_free(precis_splitter *sp);
PRECIS_EXTERN int precis_splitter_feed(precis_splitter *sp, const char *data,
				       size_t len, precis_sentence_fn fn,
				       void *arg, precis_error *err);
/* The end of the input: the sentences still held. */
PRECIS_EXTERN int precis_splitter_finish(precis_splitter *sp,
					 precis_sentence_fn fn, void *arg,
					 precis_error *err);
/* Invalid byte sequences replaced so far when lenient. */
PRECIS_EXTERN size_t precis_splitter_repairs(const precis_splitter *sp);

/* ---- summarizing -------------------------------------------------------- */

#define PRECIS_OPTIONS_VERSION 1

/*
 * Budget: the first non-zero of `words`, `bytes`, `ratio` wins over
 * `sentences`; `sentences` 0 means 3.
 */
typedef struct precis_options {
	unsigned version;   /* PRECIS_OPTIONS_VERSION */
	const char *method; /* ranking method; NULL = "tfidf" */
	size_t sentences;   /* sentence budget */
	double ratio;       /* fraction (0, 1] of the document's sentences */
	size_t words;       /* word budget */
	size_t bytes;       /* byte budget */
	unsigned long seed; /* for randomized methods */
} precis_options;

#define PRECIS_OPTIONS_INIT { PRECIS_OPTIONS_VERSION, NULL, 3, 0.0, 0, 0, 0 }
PRECIS_EXTERN void precis_options_init(precis_options *opts);

typedef struct precis_summary precis_summary;

typedef struct precis_pick {
	size_t sentence; /* index into the document's units */
	size_t offset;   /* byte span in precis_doc_text(): the sentence's,
			    without a list bullet or quote mark ("* ",
			    "> ") it starts with */
	size_t length;
	double score;    /* the method's score of the sentence */
} precis_pick;

/*
 * Summarizes `doc` with `ctx`'s parameters. Picks come in document order.
 * PRECIS_ERR_METHOD for an unknown method, PRECIS_ERR_ARG for a bad budget,
 * PRECIS_ERR_EMPTY when the document has no sentence.
 */
PRECIS_EXTERN int precis_summarize(precis_summary **out, precis_ctx *ctx,
				   const precis_doc *doc,
				   const precis_options *opts,
				   precis_error *err);
PRECIS_EXTERN void precis_summary_free(precis_summary *sum);
PRECIS_EXTERN size_t precis_summary_count(const precis_summary *sum);
/* What made the summary: the method's name ("tfidf"...), "oracle"
 * (precis_oracle) or "first" (precis_lead_plain); static. */
PRECIS_EXTERN const char *precis_summary_method(const precis_summary *sum);
PRECIS_EXTERN int precis_summary_pick(const precis_summary *sum, size_t i,
				      precis_pick *out);

/* Ranking methods: name and one-line description of the i-th, NULL past the end. */
PRECIS_EXTERN const char *precis_method_name(size_t i);
PRECIS_EXTERN const char *precis_method_summary(size_t i);

/* ---- keywords ----------------------------------------------------------- */

/*
 * The document's keyphrases, ranked: TextRank (Mihalcea & Tarau 2004) on
 * the graph of content words (stopwords, numbers and one-letter words left
 * out; in English also SMART's common words) that follow one another
 * within a sentence, then runs of top-ranked words adjacent in the text
 * joined into phrases of up to three words where they stand side by side
 * more than once. A phrase scores the sum of its words' scores (scaled so
 * that the average word scores 1), and one whose words all lie in phrases
 * ranked above it that stand at least as often is left out. Words are matched by stem, and each phrase is
 * given in the form it most often has in the text (a form that opens a
 * sentence counting half), so "quotas" and "Quota" are one keyword shown
 * as the text writes it.
 */
typedef struct precis_keywords precis_keywords;

typedef struct precis_keyword {
	const char *text; /* the surface form, NUL-terminated (borrowed) */
	size_t length;    /* bytes of text */
	size_t offset;    /* its first occurrence in precis_doc_text() */
	size_t count;     /* how often the phrase stands in the text */
	double score;     /* higher ranks first */
	size_t source_offset; /* offset's place in the bytes the document was
				 read from (precis_doc_source_span()) */
} precis_keyword;

/* At most `max` keyphrases of `doc` (built with `ctx`), best first; fewer,
 * or none, when the text has fewer. PRECIS_ERR_ARG for a document built
 * for splitting only. */
PRECIS_EXTERN int precis_keywords_new(precis_keywords **out,
				      const precis_ctx *ctx,
				      const precis_doc *doc, size_t max,
				      precis_error *err);
PRECIS_EXTERN void precis_keywords_free(precis_keywords *kw);
PRECIS_EXTERN size_t precis_keywords_count(const precis_keywords *kw);
PRECIS_EXTERN int precis_keywords_get(const precis_keywords *kw, size_t i,
				      precis_keyword *out);

/* ---- rendering ---------------------------------------------------------- */

typedef enum precis_format {
	PRECIS_FORMAT_TEXT = 0, /* one sentence per line, line breaks folded */
	PRECIS_FORMAT_JSON = 1, /* an object with the picks and their scores */
	PRECIS_FORMAT_JSONL = 2, /* a batch record: {"id", "summary": [text...],
				    "sentences": [index...]} on one line */
	PRECIS_FORMAT_HTML = 3,  /* the whole document as an HTML page, its
				    paragraphs kept, the picks in <mark> */
	PRECIS_FORMAT_JSON_RECORD = 4 /* PRECIS_FORMAT_JSON's object with `name`
					 as its "id": a batch record with the
					 picks' offsets, scores and ranks */
} precis_format;

/* Renders a summary through `write`; `name` (may be NULL) is the JSON
 * "file" or the record's "id". In JSON each pick has its "index", byte
 * "offset" and "length", "score", "rank" (1 for the pick with the highest
 * score, ties in document order) and "text". */
PRECIS_EXTERN int precis_summary_render(const precis_summary *sum,
					const precis_doc *doc,
					precis_format format, const char *name,
					precis_write_fn write, void *payload,
					precis_error *err);

/*
 * precis_summary_render() with the document's keywords (NULL: none) as a
 * "keywords" member: [{"text", "score", "count", "offset"}, ...] in JSON
 * and JSON records, the texts alone in a JSONL record; the HTML page lists them in
 * its legend. Text output leaves them out.
 */
PRECIS_EXTERN int precis_summary_render_keywords(const precis_summary *sum,
						 const precis_doc *doc,
						 const precis_keywords *kw,
						 precis_format format,
						 const char *name,
						 precis_write_fn write,
						 void *payload,
						 precis_error *err);

/*
 * Renders keywords alone: text, one per line; JSON, {"file": name,
 * "keywords": [{"text", "score", "count", "offset"}, ...]} ("offset": the
 * source_offset, as a summary's JSON gives its picks'); a JSON record
 * (PRECIS_FORMAT_JSON_RECORD) the same with "id" for "file"; a JSONL record
 * {"id", "keywords": [text, ...]}. PRECIS_ERR_ARG for HTML.
 */
PRECIS_EXTERN int precis_keywords_render(const precis_keywords *kw,
					 precis_format format,
					 const char *name,
					 precis_write_fn write, void *payload,
					 precis_error *err);

/* The summary's sentences one per line (line breaks inside folded), as
 * ROUGE reads them: a malloc'd string for precis_free(), or NULL on
 * OOM. */
PRECIS_EXTERN char *precis_summary_text(const precis_summary *sum,
					const precis_doc *doc, size_t *len);

/* ---- background IDF models ------------------------------------------- */

/*
 * Document frequencies of stemmed terms over a corpus, so that rare words
 * weigh more than in the article's own sentences alone. A model is built
 * document by document, written as text (a header line with the language
 * and the document count, then "term<TAB>df" lines sorted by term), loaded,
 * and merged by adding counts (map/reduce friendly).
 */
typedef struct precis_idf precis_idf;

/* An empty model for `ctx`'s language. */
PRECIS_EXTERN int precis_idf_new(precis_idf **out, const precis_ctx *ctx,
				 precis_error *err);
PRECIS_EXTERN void precis_idf_free(precis_idf *idf);
/* Counts each distinct term of `doc` (built with `ctx`) once. */
PRECIS_EXTERN int precis_idf_add(precis_idf *idf, const precis_ctx *ctx,
				 const precis_doc *doc, precis_error *err);
/* Adds `from`'s counts to `into`; PRECIS_ERR_ARG when languages differ,
 * PRECIS_ERR_LIMIT (nothing added) when a count would pass 2^53. */
PRECIS_EXTERN int precis_idf_merge(precis_idf *into, const precis_idf *from,
				   precis_error *err);
/*
 * Parses a model file's bytes; PRECIS_ERR_PARSE with the line on error.
 * Only a model precis could have written loads: whole counts, 1 to 2^53
 * documents, each term once, in 1 to that many documents, its bytes UTF-8
 * without control characters.
 */
PRECIS_EXTERN int precis_idf_load(precis_idf **out, const char *data,
				  size_t len, precis_error *err);
/* Writes the model file; PRECIS_ERR_EMPTY for a model of no document. */
PRECIS_EXTERN int precis_idf_write(const precis_idf *idf,
				   precis_write_fn write, void *payload,
				   precis_error *err);
/* Documents counted, and distinct terms held. */
PRECIS_EXTERN double precis_idf_documents(const precis_idf *idf);
PRECIS_EXTERN size_t precis_idf_terms(const precis_idf *idf);
/* The model's language code (borrowed). */
PRECIS_EXTERN const char *precis_idf_language(const precis_idf *idf);
/*
 * Makes `ctx` weigh terms by `idf` (borrowed: it must outlive its use; NULL
 * goes back to in-document idf). PRECIS_ERR_LANGUAGE when the languages
 * differ.
 */
PRECIS_EXTERN int precis_ctx_set_idf(precis_ctx *ctx, const precis_idf *idf,
				     precis_error *err);

/* ---- learned models ----------------------------------------------------- */

/*
 * A learned scorer for the "learned" method (`-m learned`): one linear model
 * over per-sentence features (position, paragraph start, tf-idf centroid
 * cosine, LexRank and TextRank centrality, headline overlap, length,
 * novelty, word frequency, quotes, digits), or a bundle of a few such
 * models with a linear choice among them from document features. Models
 * are text: a "precis-model 1" header line, then "model NAME", "bias V",
 * "weight FEATURE V" and "gate FEATURE V" lines ('#' lines are comments);
 * data/models/README documents the format and the features. precis train
 * (precis_trainer below) fits them to reference summaries.
 */
typedef struct precis_model precis_model;

/* Parses a model file's bytes; PRECIS_ERR_PARSE with the line on error
 * (unknown statement or feature, bad number, unsupported version...). */
PRECIS_EXTERN int precis_model_load(precis_model **out, const char *data,
				    size_t len, precis_error *err);
/* The shipped model, the one the learned method uses by default. */
PRECIS_EXTERN int precis_model_default(precis_model **out, precis_error *err);
/* Writes the model in the text format (values with 17 digits: a model
 * loaded back scores exactly the same). */
PRECIS_EXTERN int precis_model_write(const precis_model *m,
				     precis_write_fn write, void *payload,
				     precis_error *err);
PRECIS_EXTERN void precis_model_free(precis_model *m);
/* The models of a bundle (1 for a single model), and the i-th's name
 * (borrowed; NULL past the end). */
PRECIS_EXTERN size_t precis_model_count(const precis_model *m);
PRECIS_EXTERN const char *precis_model_name(const precis_model *m, size_t i);
/* Appends `text` (lines) to the model's comments, written as "# " lines
 * after the header: where it came from, say. */
PRECIS_EXTERN int precis_model_note(precis_model *m, const char *text,
				    precis_error *err);
/*
 * Makes `ctx`'s learned method score with `m` (borrowed: it must outlive
 * its use; NULL goes back to the shipped model).
 */
PRECIS_EXTERN int precis_ctx_set_model(precis_ctx *ctx, const precis_model *m,
				       precis_error *err);

/* ==== ROUGE (section owned by the rouge module) ============================ */

/*
 * ROUGE scores of candidate summaries against reference summaries,
 * numerically identical to the ROUGE-1.5.5 Perl script: per pair to the
 * printed 5 decimals (R and P rounded first, F computed from them), and the
 * bootstrap averages and confidence bounds exactly as it prints them.
 *
 * Texts hold one sentence per line ("\n"; empty lines are skipped). ROUGE-N
 * and skip-bigrams run over the whole text; ROUGE-L and ROUGE-W are
 * summary-level (union LCS per reference sentence, clipped by unigram counts).
 *
 * A precis_rouge holds the options, the stemmer, the exception and stopword
 * tables and scratch memory: not thread-safe, use one per thread and reuse it
 * across pairs. A precis_rouge_eval collects per-pair scores and computes
 * averages; it is independent of the precis_rouge that fed it.
 */
typedef struct precis_rouge precis_rouge;
typedef struct precis_rouge_eval precis_rouge_eval;

typedef enum precis_rouge_tokenizer {
	PRECIS_ROUGE_TOKENIZE_ROUGE155 = 0, /* 1.5.5's byte rules: [a-z0-9]+ */
	PRECIS_ROUGE_TOKENIZE_UNICODE = 1   /* NFKC + case fold, words by Unicode
					       category, Snowball stemmer */
} precis_rouge_tokenizer;

/* Which skip-bigram metrics to compute (1.5.5: -2 with -u or -U). */
enum precis_rouge_skip {
	PRECIS_ROUGE_SKIP_S = 1u << 0, /* ROUGE-S<d>: skip bigrams */
	PRECIS_ROUGE_SKIP_SU = 1u << 1 /* ROUGE-SU<d>: skip bigrams + unigrams */
};

#define PRECIS_ROUGE_OPTIONS_VERSION 1
#define PRECIS_ROUGE_MAX_N 4

/*
 * Options; the ROUGE-1.5.5 flag each mirrors is in brackets. The default
 * (PRECIS_ROUGE_OPTIONS_INIT) is ROUGE-1..4, L, W-1.2, S4 and SU4 without
 * stemming or stopword removal, alpha 0.5, model average.
 */
typedef struct precis_rouge_options {
	unsigned version;      /* PRECIS_ROUGE_OPTIONS_VERSION */
	unsigned max_n;        /* ROUGE-1..max_n, 0..PRECIS_ROUGE_MAX_N [-n] */
	int lcs;               /* non-zero: ROUGE-L [off with -x] */
	double wlcs_weight;    /* ROUGE-W weight (> 0); 0: no ROUGE-W [-w] */
	unsigned skip;         /* precis_rouge_skip flags; 0: none [-u, -U] */
	int skip_distance;     /* max gap of a skip bigram; < 0: any [-2] */
	int stem;              /* stem tokens longer than 3 bytes: WordNet 2.0
				  exceptions, then ROUGE-1.5.5's Porter variant
				  [-m]; unicode tokenizer: Snowball, all tokens */
	int stopwords;         /* drop ROUGE's (SMART) stopwords [-s] */
	double alpha;          /* F = 1 / (alpha / P + (1 - alpha) / R) [-p] */
	int best_reference;    /* 0: sum over references [-f A]; 1: best [-f B] */
	size_t limit_words;    /* keep the first N words of each text, 0: all [-l] */
	size_t limit_bytes;    /* keep the first N bytes [-b]; not with words */
	int tokenizer;         /* a precis_rouge_tokenizer */
	const char *language;  /* unicode tokenizer: stemmer language, ISO 639-1
				  or Snowball name; NULL: English (copied) */
} precis_rouge_options;

#define PRECIS_ROUGE_OPTIONS_INIT                                            \
	{ PRECIS_ROUGE_OPTIONS_VERSION, 4, 1, 1.2,                           \
	  PRECIS_ROUGE_SKIP_S | PRECIS_ROUGE_SKIP_SU, 4, 0, 0, 0.5, 0, 0, 0, \
	  PRECIS_ROUGE_TOKENIZE_ROUGE155, NULL }
PRECIS_EXTERN void precis_rouge_options_init(precis_rouge_options *opts);

/*
 * Creates a scoring context. PRECIS_ERR_ARG for inconsistent options (no
 * metric, both limits, alpha outside [0, 1], max_n too large),
 * PRECIS_ERR_LANGUAGE for a language without tokenizer support.
 */
PRECIS_EXTERN int precis_rouge_new(precis_rouge **out,
				   const precis_rouge_options *opts,
				   precis_error *err);
PRECIS_EXTERN void precis_rouge_free(precis_rouge *rouge);

/* The metrics computed, in 1.5.5's order: ROUGE-1..N, L, W, S, SU. */
PRECIS_EXTERN size_t precis_rouge_metric_count(const precis_rouge *rouge);
/* "ROUGE-1", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4"... (borrowed); NULL past
 * the end. */
PRECIS_EXTERN const char *precis_rouge_metric_name(const precis_rouge *rouge,
						   size_t i);

/* One metric of one pair. */
typedef struct precis_rouge_score {
	double r, p, f;     /* as 1.5.5 prints them (5 decimals) */
	double hit;         /* clipped matches, summed over references */
	double model_count; /* reference units, summed over references */
	double peer_count;  /* candidate units times the number of references */
} precis_rouge_score;

/*
 * Scores `cand` (cand_len bytes) against `nrefs` references (refs[i],
 * ref_lens[i] bytes) and fills out[0 .. metric_count). An empty candidate or
 * reference scores 0. PRECIS_ERR_UTF8 (unicode tokenizer only) for invalid
 * UTF-8, PRECIS_ERR_ARG for a sentence pair too long for the LCS table.
 */
PRECIS_EXTERN int precis_rouge_score_pair(precis_rouge *rouge,
					  const char *cand, size_t cand_len,
					  const char *const *refs,
					  const size_t *ref_lens, size_t nrefs,
					  precis_rouge_score *out,
					  precis_error *err);

/* An empty set of per-pair scores with `rouge`'s metrics. */
PRECIS_EXTERN int precis_rouge_eval_new(precis_rouge_eval **out,
					const precis_rouge *rouge,
					precis_error *err);
PRECIS_EXTERN void precis_rouge_eval_free(precis_rouge_eval *ev);
/* Scores a pair with `rouge` and appends it under `id` (copied; may be NULL). */
PRECIS_EXTERN int precis_rouge_eval_add(precis_rouge_eval *ev,
					precis_rouge *rouge, const char *id,
					const char *cand, size_t cand_len,
					const char *const *refs,
					const size_t *ref_lens, size_t nrefs,
					precis_error *err);
/* Appends scores computed elsewhere (metric_count entries). */
PRECIS_EXTERN int precis_rouge_eval_add_scores(precis_rouge_eval *ev,
					       const char *id,
					       const precis_rouge_score *scores,
					       precis_error *err);
PRECIS_EXTERN size_t precis_rouge_eval_count(const precis_rouge_eval *ev);
/* Metrics per pair of an eval set (its precis_rouge's metric count). */
PRECIS_EXTERN size_t precis_rouge_eval_metric_count(const precis_rouge_eval *ev);
/* The id of the i-th pair ("" when added without one), borrowed. */
PRECIS_EXTERN const char *precis_rouge_eval_id(const precis_rouge_eval *ev,
					       size_t i);
/* The scores of the i-th pair (metric_count entries, borrowed); NULL past
 * the end. */
PRECIS_EXTERN const precis_rouge_score *
precis_rouge_eval_scores(const precis_rouge_eval *ev, size_t i);

/* Averages of one metric over the pairs of an eval set. */
typedef struct precis_rouge_average {
	double r, p, f;       /* 1.5.5's printed Average_R/P/F */
	double r_lo, r_hi;    /* confidence interval bounds */
	double p_lo, p_hi;
	double f_lo, f_hi;
	double mean_r, mean_p, mean_f; /* plain mean of the per-pair values,
					  rounded to 5 decimals */
} precis_rouge_average;

/*
 * Fills out[0 .. metric_count) with 1.5.5's averages: the mean of
 * `resamples` bootstrap resample means (resample i drawn with drand48
 * seeded by i over the pairs in insertion order, as 1.5.5 draws them over
 * its numbered evaluations) and the `confidence` percent interval [-r, -c].
 * resamples 0: the plain mean, with the interval collapsed onto it.
 * PRECIS_ERR_ARG for confidence outside [0, 100].
 */
PRECIS_EXTERN int precis_rouge_eval_average(const precis_rouge_eval *ev,
					    unsigned resamples,
					    double confidence,
					    precis_rouge_average *out,
					    precis_error *err);

/* ==== end ROUGE ============================================================ */

/* ---- evaluation ---------------------------------------------------------- */

/*
 * The greedy extractive oracle: starting from nothing, adds the unit that
 * most raises ROUGE-1 F + ROUGE-2 F against the references, while that sum
 * rises and fewer than `max_sentences` are chosen. `rouge` must compute
 * ROUGE-1 and ROUGE-2 (max_n >= 2); candidates are built one unit per line.
 * Picks come in document order with their gain as score.
 */
PRECIS_EXTERN int precis_oracle(precis_summary **out, precis_rouge *rouge,
				const precis_doc *doc,
				const char *const *refs,
				const size_t *ref_lens, size_t nrefs,
				size_t max_sentences, precis_error *err);

/*
 * The oracle held to the budget precis_summarize() would hold a summary of
 * `doc` to with `ctx` and `opts` (NULL: the defaults): their sentences,
 * ratio (of the units `ctx`'s min-words parameter leaves eligible), words
 * or bytes; the method and seed are ignored. Under a word or byte budget it
 * adds only units that keep the summary within it, except that, as in
 * precis_summarize(), one unit is picked when no unit fits on its own.
 * `ctx` may be NULL (default parameters).
 */
PRECIS_EXTERN int precis_oracle_budget(precis_summary **out,
				       precis_rouge *rouge,
				       const precis_ctx *ctx,
				       const precis_doc *doc,
				       const char *const *refs,
				       const size_t *ref_lens, size_t nrefs,
				       const precis_options *opts,
				       precis_error *err);

/*
 * The literature's Lead-N baseline: the document's first sentences as the
 * splitter found them (headlines and other lines without terminal
 * punctuation are not sentences), with none of precis_summarize()'s
 * cleaning, minimum length or duplicate filter, under the budget `opts`
 * sets (NULL: 3 sentences; a ratio is of the document's sentences; under
 * a word or byte budget it stops at the first sentence that does not fit,
 * but takes one at least). Scores are 0. PRECIS_ERR_EMPTY without any
 * sentence.
 */
PRECIS_EXTERN int precis_lead_plain(precis_summary **out,
				    const precis_doc *doc,
				    const precis_options *opts,
				    precis_error *err);

/* Which value of a ROUGE score a test looks at. */
typedef enum precis_rouge_value {
	PRECIS_ROUGE_R = 0,
	PRECIS_ROUGE_P = 1,
	PRECIS_ROUGE_F = 2
} precis_rouge_value;

/*
 * Paired bootstrap test of system `b` against system `a` on the same pairs in
 * the same order: *diff = mean(b) - mean(a) of metric `metric`, and *p the
 * two-sided p-value, the share of `resamples` resamples (drawn with a
 * generator seeded by `seed`) whose mean difference does not keep the
 * observed sign, doubled and capped at 1. PRECIS_ERR_ARG when the sets differ
 * in size or metric count, or `metric` is not one of theirs.
 */
PRECIS_EXTERN int precis_rouge_paired_test(const precis_rouge_eval *a,
					   const precis_rouge_eval *b,
					   size_t metric,
					   precis_rouge_value value,
					   unsigned resamples,
					   unsigned long seed, double *diff,
					   double *p, precis_error *err);


/* ---- training ------------------------------------------------------------ */

/*
 * Fits a learned model (precis_model) to a data set with references: each
 * document's units are labelled by the greedy oracle (precis_oracle_budget:
 * R-1 + R-2 against the references under the summaries' budget) and a
 * regularized linear model of their features is fitted, by logistic
 * regression on the labels or by pairwise ranking (each oracle unit above
 * each other unit of its document; RankNet's loss with a linear scorer),
 * each document weighing the same. The loss and the L2 strength are chosen
 * by k-fold cross-validation over documents (document i in fold i mod k):
 * the mean ROUGE-1 + 2 + L F of the held-out documents' summaries, made
 * exactly as precis_summarize() makes them. Then a lead prior: the model's
 * score plus kappa times 1 / (1 + rank), kappa from 0 (the model as
 * fitted) up to infinity (Lead itself), the one whose held-out ROUGE gains
 * most over Lead's on the weakest of the three (the smallest of equals);
 * news, whose highlights restate its lead, keeps close to Lead.
 * Deterministic: the same documents in the same order and the same options
 * give the same model, to the byte.
 *
 * A bundle: documents are added in groups (say, news and other text); the
 * fit makes one model per group and a choice among them from document
 * features: a logistic regression, for each model, on whether it
 * summarized each document better than the others out of fold (weighted
 * by how much, each group weighing the same), or on the document's group;
 * its L2 strength and its ROUGE are cross-validated on the same folds.
 */
typedef struct precis_trainer precis_trainer;

typedef enum precis_train_loss {
	PRECIS_TRAIN_AUTO = 0,     /* either of the two, chosen per model by CV */
	PRECIS_TRAIN_LOGISTIC = 1, /* oracle units 1, others 0 */
	PRECIS_TRAIN_PAIRWISE = 2  /* oracle units above the others (RankNet) */
} precis_train_loss;

#define PRECIS_TRAIN_OPTIONS_VERSION 1
#define PRECIS_TRAIN_MAX_L2 16
/* (loss, L2 strength) pairs cross-validated: both losses with AUTO. */
#define PRECIS_TRAIN_MAX_CANDIDATES (2 * PRECIS_TRAIN_MAX_L2)

typedef struct precis_train_options {
	unsigned version;      /* PRECIS_TRAIN_OPTIONS_VERSION */
	int loss;              /* a precis_train_loss (0: AUTO) */
	size_t folds;          /* k >= 2 of the cross-validation; 0: 5 */
	const double *l2;      /* candidate L2 strengths (>= 0), CV picks one; */
	size_t nl2;            /* NULL / 0: 0.001, 0.01, 0.1, 1 */
	const char *features;  /* comma-separated feature names; NULL: all */
	const char *names;     /* comma-separated model names, one per group;
				  NULL: "learned" (one group), "g0,g1..." */
	int no_prior;          /* non-zero: no lead prior (see above) */
	int gate_by_group;     /* bundle: the choice learns each document's
				  group (a genre classifier) rather than
				  which model summarized it better */
	const char *doc_features; /* bundle: the document features the choice
				     reads, comma-separated; NULL: all */
} precis_train_options;

#define PRECIS_TRAIN_OPTIONS_INIT \
	{ PRECIS_TRAIN_OPTIONS_VERSION, 0, 0, NULL, 0, NULL, NULL, 0, 0, NULL }

/* Mean ROUGE-1, -2 and -L F over documents. */
typedef struct precis_train_rouge {
	double r1, r2, rl;
} precis_train_rouge;

typedef struct precis_train_report {
	size_t documents, units, positives; /* used (units: eligible ones) */
	size_t ncand;                 /* (loss, L2) candidates tried */
	int loss[PRECIS_TRAIN_MAX_CANDIDATES];
	double l2[PRECIS_TRAIN_MAX_CANDIDATES];
	precis_train_rouge cv[PRECIS_TRAIN_MAX_CANDIDATES]; /* held-out; each
					 document by its own group's model */
	size_t best[8];               /* per model: the chosen candidate */
	precis_train_rouge lead;      /* the lead method on the same documents */
	precis_train_rouge oracle;    /* the labels' own summaries */
	precis_train_rouge choice;    /* held-out, the chosen strength(s); a
					 bundle: each document by the model its
					 choice (fitted out of fold) picks */
	size_t chosen[8];             /* documents each model got in `choice` */
	size_t group_docs[8];         /* documents per group */
	size_t group_right[8];        /* ...sent to their own group's model */
	precis_train_rouge group_choice[8]; /* a group's documents in `choice` */
	precis_train_rouge group_lead[8];   /* ...and by the lead method */
	double gate_l2;               /* bundle: the choice's L2 strength */
	double prior[8];              /* per model: the lead prior's kappa
					 chosen (0: none; HUGE_VAL: Lead) */
} precis_train_report;

/*
 * A trainer on `ctx` (borrowed; its parameters, such as redundancy and
 * min-words, hold during training and should be those the model will run
 * with) that scores with ROUGE options `ropts` (NULL: ROUGE-1.5.5 with
 * stemming; the oracle uses the same tokenization and limits) and holds
 * summaries to the budget of `opts` (NULL: 3 sentences).
 */
PRECIS_EXTERN int precis_trainer_new(precis_trainer **out, precis_ctx *ctx,
				     const precis_rouge_options *ropts,
				     const precis_options *opts,
				     precis_error *err);
PRECIS_EXTERN void precis_trainer_free(precis_trainer *t);
/*
 * Adds a document built with the trainer's context (borrowed: it must
 * outlive the trainer's last fit) and its references (copied) to group
 * `group` (< 8; 0 unless training a bundle). PRECIS_ERR_EMPTY for a
 * document without a sentence to pick.
 */
PRECIS_EXTERN int precis_trainer_add(precis_trainer *t, const precis_doc *doc,
				     const char *const *refs,
				     const size_t *ref_lens, size_t nrefs,
				     size_t group, precis_error *err);
/* The name of the i-th per-sentence feature a model may weigh, NULL past
 * the end (--features, the model file's weight lines). */
PRECIS_EXTERN const char *precis_train_feature(size_t i);
/* The same for the document features a bundle's choice reads. */
PRECIS_EXTERN const char *precis_train_doc_feature(size_t i);
/*
 * Fits the model (a bundle when documents came in several groups) and
 * fills `report` (may be NULL). PRECIS_ERR_ARG for bad options or fewer
 * documents than folds. The trainer stays usable: another fit with other
 * options may follow.
 */
PRECIS_EXTERN int precis_trainer_fit(precis_trainer *t,
				     const precis_train_options *opts,
				     precis_model **out,
				     precis_train_report *report,
				     precis_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
