/*
 * main.c - the precis command: dispatches to a subcommand, summarize when the
 * first argument names none.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/error.h"
#include "precis.h"

typedef struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "summarize", cmd_summarize, "summarize files (the default command)" },
	{ "split", cmd_split, "split text into sentences, one per line" },
	{ "extract", cmd_extract, "print the text precis reads (a web page's article)" },
	{ "rouge", cmd_rouge, "score summaries against references (ROUGE-1.5.5)" },
	{ "eval", cmd_eval, "evaluate summaries of a data set against references" },
	{ "idf", cmd_idf, "build and merge background IDF models" },
	{ "keywords", cmd_keywords, "the keywords and keyphrases of files" },
	{ "train", cmd_train, "fit the learned scorer to reference summaries" },
	{ NULL, NULL, NULL }
};

static void print_commands(FILE *fp)
{
	fputs("\nCommands:\n", fp);
	for (const command *c = commands; c->name != NULL; c++)
		fprintf(fp, "  %-10s  %s\n", c->name, c->summary);
	fputs("\n'precis COMMAND --help' describes a command.\n", fp);
}

/* A word that could only be a command name: no file has it, and it has
 * none of a path's marks ("summarise", not "notes.txt" or "./x"). */
static int unknown_command(const char *word)
{
	for (const char *p = word; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-' || *p == '_'))
			return 0;
	return access(word, F_OK) != 0;
}

static int no_command(const char *word)
{
	char names[128] = "";
	for (const command *c = commands; c->name != NULL; c++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			 c == commands ? "" : ", ", c->name);
	return cli_fail(EXIT_USAGE, "unknown command '%s', and no such file (commands: %s)",
			word, names);
}

static int dispatch(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("precis %s\n", precis_version());
		return EXIT_OK;
	}
	if (argc >= 2 && argv[1][0] != '-') {
		for (const command *c = commands; c->name != NULL; c++)
			if (strcmp(argv[1], c->name) == 0)
				return c->fn(argc - 1, argv + 1);
		if (unknown_command(argv[1]))
			return no_command(argv[1]);
	}
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0)) {
		int rc = cmd_summarize(argc, argv);
		print_commands(stdout);
		return rc;
	}
	/* Arguments that name no command are summarize's: `precis FILE`. */
	return cmd_summarize(argc, argv);
}

int main(int argc, char **argv)
{
	int rc = dispatch(argc, argv);
	/* Output that never reached its destination (a full disk, a closed
	 * pipe) is a failure, even for --help. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == EXIT_OK)
			rc = cli_fail(EXIT_RUNTIME, "<stdout>: write error");
	}
	return rc;
}
