/*
 * sumopts.h - the summarizing options shared by `summarize` and `eval`:
 * budget, method, parameters, language, IDF model, leniency. Each command
 * appends its own options to the shared table.
 */
#ifndef PRECIS_CLI_SUMOPTS_H
#define PRECIS_CLI_SUMOPTS_H

#include "cli/opt.h"
#include "cli/readopts.h"
#include "precis.h"

typedef struct sumopts {
	precis_options opts;
	precis_read_options read; /* --input-format, --wrap, --encoding */
	const char *language, *idf, *title, *model_path;
	precis_model *model; /* loaded by sumopts_context(); sumopts_free() */
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

/* The shared options, with their --help headings; a command lists it
 * first among its tables. */
extern const cli_opt sumopts_options[];

void sumopts_init(sumopts *s);
/* Frees what sumopts_context() loaded into `s` (the model). */
void sumopts_free(sumopts *s);

/*
 * Handles option `c`: -1 when it is not a shared option, 0 when handled, or
 * an exit code after a message. *done when it answered already
 * (--list-methods, --list-params).
 */
int sumopts_handle(sumopts *s, int c, const char *arg, const char *cmd,
		   int *done);

/* Checks the method name, makes the context (language, parameters) and
 * loads the IDF model and the learned model (into s->model; --model
 * without -m means -m learned). 0, or an exit code after a message. */
int sumopts_context(sumopts *s, const char *cmd, precis_ctx **ctx,
		    precis_idf **idf);

/* Another context like sumopts_context's, weighing terms by `idf` (NULL:
 * none) and scoring with s->model: one for each thread. 0, or -1 with err
 * filled. */
int sumopts_ctx(const sumopts *s, const precis_idf *idf, precis_ctx **ctx,
		precis_error *err);
/* The same in `language` (-l auto: the detected one); `idf` is used only
 * when its language is that. */
int sumopts_ctx_in(const sumopts *s, const char *language,
		   const precis_idf *idf, precis_ctx **ctx, precis_error *err);

/* Parses argv with `cmd`'s tables (sumopts_options among them): shared
 * options here, the others through `own` (a cli_opt_fn). As cli_parse(). */
typedef int (*sumopts_own_fn)(void *payload, int id, const char *arg);
int sumopts_parse(sumopts *s, const cli_command *cmd, int argc, char **argv,
		  sumopts_own_fn own, void *payload, int *done, int *first);

#endif
