/*
 * opt.c - the option tables of opt.h turned into getopt_long's arguments
 * and into --help.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/error.h"
#include "cli/opt.h"
#include "precis.h"

/* Where help text starts, after the option's own column. */
#define HELP_COLUMN 24

enum { OPT_HELP = 'h', OPT_VERSION = 'V' };

static const cli_opt common[] = {
	{ OPT_HELP, 'h', "help", NULL, "show this help and exit" },
	{ OPT_VERSION, 'V', "version", NULL, "show the version and exit" },
	CLI_END
};

#define MAX_TABLES 8

/* The command's tables and the common one, in --help's order. */
static size_t tables_of(const cli_command *cmd, const cli_opt **out)
{
	size_t n = 0;
	for (const cli_opt *const *t = cmd->tables; *t && n + 1 < MAX_TABLES; t++)
		out[n++] = *t;
	out[n++] = common;
	return n;
}

/* The tables as getopt_long wants them; *longs is malloc'd. */
static int build(const cli_command *cmd, struct option **longs, char *shorts,
		 size_t cap)
{
	const cli_opt *tab[MAX_TABLES];
	size_t nt = tables_of(cmd, tab), n = 0, k = 0;
	for (size_t i = 0; i < nt; i++)
		for (const cli_opt *o = tab[i]; o->id != -1; o++)
			n += o->id > 0 && o->name != NULL;
	*longs = calloc(n + 1, sizeof **longs);
	if (*longs == NULL)
		return -1;
	n = 0;
	shorts[k++] = ':'; /* a missing value is ':', not '?' */
	for (size_t i = 0; i < nt; i++)
		for (const cli_opt *o = tab[i]; o->id != -1; o++) {
			if (o->id <= 0)
				continue;
			if (o->name != NULL)
				(*longs)[n++] = (struct option){
					o->name,
					o->arg ? required_argument : no_argument,
					NULL, o->id };
			if (o->letter != 0 && k + 3 < cap) {
				shorts[k++] = o->letter;
				if (o->arg != NULL)
					shorts[k++] = ':';
			}
		}
	shorts[k] = '\0';
	return 0;
}

static int unknown(const char *cmd, char **argv)
{
	if (optopt != 0 && optopt < 256)
		return cli_usage_error(cmd, "unknown option '-%c'", optopt);
	return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

/* One option from getopt_long: 0 to go on, CLI_DONE, or an exit code. */
static int one(const cli_command *cmd, int c, char **argv, cli_opt_fn fn,
	       void *payload)
{
	switch (c) {
	case '?':
		return unknown(cmd->name, argv);
	case ':':
		return cli_usage_error(cmd->name, "option '%s' needs a value",
				       argv[optind - 1]);
	case OPT_HELP:
		cli_print_help(cmd, stdout);
		return CLI_DONE;
	case OPT_VERSION:
		printf("precis %s\n", precis_version());
		return CLI_DONE;
	default:
		return fn(payload, c, optarg);
	}
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opt_fn fn,
	      void *payload, int *done, int *first)
{
	struct option *longs;
	char shorts[128];
	*done = 0;
	if (build(cmd, &longs, shorts, sizeof shorts) != 0)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1)
		rc = one(cmd, c, argv, fn, payload);
	free(longs);
	*first = optind;
	if (rc == CLI_DONE) {
		*done = 1;
		rc = 0;
	}
	return rc;
}

/* ---- --help ------------------------------------------------------------- */

/* "  -n, --sentences=N", "      --ratio=R", "  -f A|B": the option column. */
static int option_column(const cli_opt *o, FILE *fp)
{
	int n = fprintf(fp, "  ");
	if (o->letter != 0)
		n += fprintf(fp, "-%c%s", o->letter, o->name ? ", " : "");
	else
		n += fprintf(fp, "    ");
	if (o->name != NULL)
		n += fprintf(fp, "--%s%s%s", o->name, o->arg ? "=" : "",
			     o->arg ? o->arg : "");
	else if (o->arg != NULL)
		n += fprintf(fp, " %s", o->arg);
	return n;
}

static void print_option(const cli_opt *o, FILE *fp)
{
	int n = option_column(o, fp);
	const char *h = o->help;
	if (n + 2 > HELP_COLUMN) {
		fputc('\n', fp);
		n = 0;
	}
	for (int first = 1; first || *h != '\0'; first = 0) {
		size_t len = strcspn(h, "\n");
		fprintf(fp, "%*s%.*s\n", first ? HELP_COLUMN - n : HELP_COLUMN, "",
			(int)len, h);
		h += len + (h[len] == '\n');
	}
}

static void print_common(FILE *fp)
{
	for (const cli_opt *o = common; o->id != -1; o++)
		print_option(o, fp);
}

void cli_print_help(const cli_command *cmd, FILE *fp)
{
	const cli_opt *tab[MAX_TABLES];
	size_t nt = tables_of(cmd, tab) - 1; /* common: at its marker or last */
	int placed = 0;
	fputs(cmd->usage, fp);
	for (size_t i = 0; i < nt; i++)
		for (const cli_opt *o = tab[i]; o->id != -1; o++)
			if (o->id == -2) {
				print_common(fp);
				placed = 1;
			} else if (o->id == 0) {
				fputs(o->help, fp);
			} else if (o->help != NULL) {
				print_option(o, fp);
			}
	if (!placed)
		print_common(fp);
	if (cmd->epilogue != NULL)
		fputs(cmd->epilogue, fp);
}
