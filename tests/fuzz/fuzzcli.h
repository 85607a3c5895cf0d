/*
 * fuzzcli.h - helpers of the fuzz targets that run the command line's own
 * commands (cmd_summarize(), cmd_rouge(), cmd_idf(), cmd_eval()) on an
 * input written to a file: a private temporary directory, files in and out,
 * and the JSON Lines view of the input that the checks compare the output
 * with. Header only, like fuzzutil.h.
 *
 * The commands print their diagnostics on stderr; campaigns run with
 * -close_fd_mask=3 so that only libFuzzer's and the sanitizers' reports
 * are seen (the replay in make check keeps them in its log).
 */
#ifndef PRECIS_FUZZCLI_H
#define PRECIS_FUZZCLI_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzzutil.h"

/* The target's own temporary directory (made on first use, removed at
 * exit) and the files in it. */
static char fuzz_dir[256];
static const char *const fuzz_names[] = { "in", "in2", "out", "out2", "model" };
#define FUZZ_NFILES (sizeof fuzz_names / sizeof fuzz_names[0])

static inline void fuzz_dir_remove(void)
{
	char p[300];
	for (size_t i = 0; i < FUZZ_NFILES; i++) {
		snprintf(p, sizeof p, "%s/%s", fuzz_dir, fuzz_names[i]);
		unlink(p);
	}
	rmdir(fuzz_dir);
}

/* The path of file `name` (one of fuzz_names) in the directory. */
static inline const char *fuzz_path(const char *name)
{
	static char paths[FUZZ_NFILES][300];
	if (fuzz_dir[0] == '\0') {
		const char *t = getenv("TMPDIR");
		snprintf(fuzz_dir, sizeof fuzz_dir, "%s/precis-fuzz.XXXXXX",
			 t && *t ? t : "/tmp");
		FUZZ_CHECK(mkdtemp(fuzz_dir) != NULL);
		atexit(fuzz_dir_remove);
	}
	for (size_t i = 0; i < FUZZ_NFILES; i++)
		if (strcmp(name, fuzz_names[i]) == 0) {
			snprintf(paths[i], sizeof paths[i], "%s/%s", fuzz_dir, name);
			return paths[i];
		}
	abort(); /* a name that would not be cleaned up */
}

static inline void fuzz_write(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(data, 1, len, f) == len);
	FUZZ_CHECK(fclose(f) == 0);
}

/* The whole file (NUL-terminated, malloc'd), or NULL when it is absent. */
static inline char *fuzz_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fuzz_sink s = { 0 };
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		FUZZ_CHECK(fuzz_sink_write(&s, buf, n) == 0);
	FUZZ_CHECK(!ferror(f));
	fclose(f);
	FUZZ_CHECK(fuzz_sink_write(&s, "", 1) == 0);
	*len = s.len - 1;
	return s.buf;
}

/* Runs a command as main() would (argv ends with NULL); its exit code. */
static inline int fuzz_run(int (*cmd)(int, char **), char **argv)
{
	int argc = 0;
	while (argv[argc] != NULL)
		argc++;
	int rc = cmd(argc, argv);
	fflush(stdout);
	fflush(stderr);
	return rc;
}

/* The records of a JSON Lines input as the readers see them: the lines
 * that are not blank (space, tab, CR, LF only), each with its 1-based
 * number and, when jansson takes it, the object. */
typedef struct fuzz_line {
	size_t lineno;
	json_t *obj; /* NULL: not a JSON object */
	const char *s;
	size_t len;
} fuzz_line;

typedef struct fuzz_lines {
	fuzz_line *v;
	size_t n;
} fuzz_lines;

static inline int fuzz_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static inline void fuzz_lines_read(fuzz_lines *ls, const char *data, size_t len)
{
	memset(ls, 0, sizeof *ls);
	ls->v = malloc((len + 1) * sizeof *ls->v);
	FUZZ_CHECK(ls->v != NULL);
	size_t lineno = 0;
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl + 1 : end;
		lineno++;
		if (!fuzz_blank(p, (size_t)(e - p))) {
			json_t *v = json_loadb(p, (size_t)(e - p), 0, NULL);
			if (v != NULL && !json_is_object(v)) {
				json_decref(v);
				v = NULL;
			}
			ls->v[ls->n++] = (fuzz_line){ lineno, v, p, (size_t)(e - p) };
		}
		p = e;
	}
}

static inline void fuzz_lines_free(fuzz_lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		json_decref(ls->v[i].obj);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

/* Whether `got` is the id the command line gives record `obj` on line
 * `lineno` (jsonl_id's rule, written again): its string, its integer,
 * else `prefix` and "line-N". */
static inline int fuzz_id_is(const char *got, json_t *obj, size_t lineno,
			     const char *prefix)
{
	json_t *id = obj ? json_object_get(obj, "id") : NULL;
	char buf[300];
	if (json_is_string(id))
		return strcmp(got, json_string_value(id)) == 0;
	if (json_is_integer(id))
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
	else
		snprintf(buf, sizeof buf, "%sline-%zu", prefix, lineno);
	return strcmp(got, buf) == 0;
}

#endif /* PRECIS_FUZZCLI_H */
