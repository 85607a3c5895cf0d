/*
 * cmd.h - the subcommands of the precis command line. Each lives in its own
 * cmd_<name>.c and is listed in main.c's command table. A command parses its
 * own options (argv[0] is the command name) and returns an exit code
 * (error.h).
 */
#ifndef PRECIS_CLI_CMD_H
#define PRECIS_CLI_CMD_H

int cmd_summarize(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_idf(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_keywords(int argc, char **argv);

#endif
