/*
 * readopts.h - how the commands that read documents (summarize, keywords,
 * split, eval, idf build) read them: --input-format, --wrap, --encoding.
 */
#ifndef PRECIS_CLI_READOPTS_H
#define PRECIS_CLI_READOPTS_H

#include "cli/opt.h"
#include "precis.h"

/* Option ids of the table (above the commands' own). */
enum { READOPT_FORMAT = 900, READOPT_WRAP, READOPT_ENCODING };

/* The options, for a command's table list. */
extern const cli_opt readopts_options[];

/* Handles option `id`: -1 when it is not one of these, 0 when handled,
 * or an exit code after a message. */
int readopts_handle(precis_read_options *r, int id, const char *arg,
		    const char *cmd);

#endif
