/*
 * replay.c - a plain main() for the fuzz targets: feeds every file named on
 * the command line, and every regular file of every directory named, to
 * LLVMFuzzerTestOneInput. Builds with any C compiler, without libFuzzer, so
 * that `make check` (and valgrind) replays the seed corpus and the
 * reproducers of past findings.
 *
 * Exit status: 0 when every input ran, 1 when an input could not be read
 * (a broken invariant aborts instead). Directory entries are replayed in
 * name order so that a run is reproducible.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzzutil.h"

/* Reads a whole file into an exactly sized buffer, so that a read past the
 * end is caught by valgrind or ASan as it would be under libFuzzer. */
static int read_file(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	while (buf != NULL) {
		if (n == cap) {
			uint8_t *p = realloc(buf, cap * 2);
			if (p == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	int bad = buf == NULL || ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return -1;
	}
	uint8_t *exact = malloc(n ? n : 1);
	if (exact == NULL) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, n);
	free(buf);
	*out = exact;
	*len = n;
	return 0;
}

static int run_file(const char *path)
{
	uint8_t *data;
	size_t len;
	if (read_file(path, &data, &len) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	/* Names the input before running it: an abort then points at it. */
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the regular files of `dir` in name order; returns the count or -1. */
static long run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int bad = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			char **p = realloc(names, nc * sizeof *p);
			if (p == NULL) {
				bad = 1;
				break;
			}
			names = p;
			cap = nc;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if ((names[n] = malloc(len)) == NULL) {
			bad = 1;
			break;
		}
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	long ran = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (!bad && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(names[i]) != 0)
				bad = 1;
			else
				ran++;
		}
		free(names[i]);
	}
	free(names);
	if (bad) {
		fprintf(stderr, "replay: %s: cannot read the directory\n", dir);
		return -1;
	}
	return ran;
}

int main(int argc, char **argv)
{
	long total = 0;
	int status = 0;
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			long k = run_dir(argv[i]);
			if (k < 0)
				status = 1;
			else
				total += k;
		} else if (run_file(argv[i]) != 0) {
			status = 1;
		} else {
			total++;
		}
	}
	printf("replayed %ld inputs\n", total);
	return status;
}
