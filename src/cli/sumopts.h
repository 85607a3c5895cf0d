/*
 * sumopts.h - the summarizing options shared by `summarize` and `eval`:
 * budget, method, parameters, language, IDF model, leniency. Each command
 * appends its own options to the shared table.
 */
#ifndef PRECIS_CLI_SUMOPTS_H
#define PRECIS_CLI_SUMOPTS_H

#include <getopt.h>

#include "precis.h"

typedef struct sumopts {
	precis_options opts;
	const char *language, *idf, *title;
	const char *stopwords; /* --stopwords=FILE, read by sumopts_ctx() */
	int auto_language;     /* -l auto: each input's language is detected */
	unsigned flags; /* precis_doc_flags */
	int jobs;       /* threads (-j), at least 1 */
	double param[PRECIS_PARAM_COUNT_];
	unsigned char param_given[PRECIS_PARAM_COUNT_];
} sumopts;

/* Option values of the shared options start here; commands use lower ones
 * (or short letters) for their own. */
enum { SUMOPT_FIRST = 1000 };

/* Short options shared ("n:m:l:j:") and the help lines of the shared options. */
extern const char sumopts_short[];
extern const char sumopts_help[];

void sumopts_init(sumopts *s);

/* A command's --help: its usage, the shared options, its own options. */
void sumopts_print_help(const char *usage, const char *own_help);

/*
 * A getopt_long table: the shared options followed by `own` (terminated by
 * a zero entry). malloc'd; NULL on OOM.
 */
struct option *sumopts_table(const struct option *own);

/*
 * Handles option `c`: -1 when it is not a shared option, 0 when handled, or
 * an exit code after a message. *done when it answered already
 * (--list-methods, --list-params).
 */
int sumopts_handle(sumopts *s, int c, const char *arg, const char *cmd,
		   int *done);

/* Checks the method name, makes the context (language, parameters) and
 * loads the IDF model. 0, or an exit code after a message. */
int sumopts_context(const sumopts *s, const char *cmd, precis_ctx **ctx,
		    precis_idf **idf);

/* Another context like sumopts_context's, weighing terms by `idf` (NULL:
 * none): one for each thread. 0, or -1 with err filled. */
int sumopts_ctx(const sumopts *s, const precis_idf *idf, precis_ctx **ctx,
		precis_error *err);
/* The same in `language` (-l auto: the detected one); `idf` is used only
 * when its language is that. */
int sumopts_ctx_in(const sumopts *s, const char *language,
		   const precis_idf *idf, precis_ctx **ctx, precis_error *err);

/* getopt_long over argv with the shared and `own` options; calls `own_fn`
 * for options that are not shared. 0, or an exit code; *done as above. */
typedef int (*sumopts_own_fn)(void *payload, int c, const char *arg, int *done);
int sumopts_parse(sumopts *s, int argc, char **argv, const char *cmd,
		  const char *own_short, const struct option *own,
		  sumopts_own_fn own_fn, void *payload, int *done);

#endif
