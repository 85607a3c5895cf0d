/*
 * opt.h - declarative option tables. A command describes each option once
 * (its letter, long name, value and help) and the table drives both the
 * parser (getopt_long) and --help, so the two cannot disagree. Every
 * command also takes -h/--help and -V/--version from here.
 */
#ifndef PRECIS_CLI_OPT_H
#define PRECIS_CLI_OPT_H

#include <stdio.h>

/*
 * One option, or a line of text in --help. The handler gets `letter` for
 * the short form and `id` for the long one; most options make them equal
 * (id = the letter, or an id >= 256 when there is no letter).
 */
typedef struct cli_opt {
	int id;           /* what the long form hands over; 0: a text line */
	char letter;      /* the short form, 0 when none */
	const char *name; /* long form without "--"; NULL when none */
	const char *arg;  /* the value's name in --help ("N"); NULL: no value */
	const char *help; /* lines separated by '\n', the first beside the
			     option, the rest under it; a text entry's text
			     as it is; NULL: parsed but not listed */
} cli_opt;

#define CLI_TEXT(s) { 0, 0, NULL, NULL, (s) }
#define CLI_END { -1, 0, NULL, NULL, NULL }
/* Where --help lists -h and -V, when not after the last option. */
#define CLI_COMMON { -2, 0, NULL, NULL, NULL }

typedef struct cli_command {
	const char *name;             /* as errors name it: "summarize" */
	const char *usage;            /* what --help prints first */
	const cli_opt *const *tables; /* NULL-terminated; shared ones first */
	const char *epilogue;         /* what --help prints last, or NULL */
} cli_command;

/* A handler's answer when the option did the command's whole job (a
 * listing, say): parsing stops and the command exits with success. */
enum { CLI_DONE = -1 };

/* Handles one option (arg NULL for one without a value): 0 to go on,
 * CLI_DONE, or an exit code after a message. */
typedef int (*cli_opt_fn)(void *payload, int id, const char *arg);

/*
 * Parses the options of argv (argv[0] names the command) with the tables
 * and the common -h/--help and -V/--version. Returns 0 with *first the
 * index of the first operand, or an exit code after a message; *done is
 * set when help, the version or a handler's CLI_DONE already answered
 * (the exit code is then 0).
 */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opt_fn fn,
	      void *payload, int *done, int *first);

/* --help: the usage, the options table by table, the common ones (at
 * CLI_COMMON, or last), the epilogue. */
void cli_print_help(const cli_command *cmd, FILE *fp);

#endif
