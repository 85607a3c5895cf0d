/*
 * io.c - whole-file reads and atomic output files.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli/error.h"
#include "cli/io.h"

int io_is_stdin(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0;
}

const char *io_display_name(const char *path)
{
	return io_is_stdin(path) ? "<stdin>" : path;
}

static int slurp(FILE *fp, const char *name, char **out, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (buf == NULL)
		return cli_fail_in(EXIT_RUNTIME, name, "out of memory");
	for (;;) {
		if (cap - n < 2) {
			char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				return cli_fail_in(EXIT_RUNTIME, name, "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;
		free(buf);
		return cli_fail_in(EXIT_RUNTIME, name, "read error: %s", strerror(e));
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* Opens `path` for reading ("-" or NULL: stdin); messages name it. */
static int open_in(const char *path, FILE **fp)
{
	const char *name = io_display_name(path);
	if (path == NULL || strcmp(path, "-") == 0) {
		*fp = stdin;
		return 0;
	}
	*fp = fopen(path, "rb");
	/* Only the commands that read one document at a time whole fetch
	 * URLs (source.c); the others should not say "No such file". */
	if (*fp == NULL && errno == ENOENT &&
	    (strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0))
		return cli_fail_in(EXIT_RUNTIME, name, "URLs are read by summarize, "
				   "keywords and extract, not by this command");
	if (*fp == NULL)
		return cli_fail_in(EXIT_RUNTIME, name, "%s", strerror(errno));
	struct stat st;
	if (fstat(fileno(*fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(*fp);
		return cli_fail_in(EXIT_RUNTIME, name, "is a directory");
	}
	return 0;
}

static void close_in(FILE *fp)
{
	if (fp != stdin)
		fclose(fp);
}

int io_read_all(const char *path, char **out, size_t *len)
{
	FILE *fp;
	int rc = open_in(path, &fp);
	if (rc != 0)
		return rc;
	rc = slurp(fp, io_display_name(path), out, len);
	close_in(fp);
	return rc;
}

int io_read_blocks(const char *path, io_block_fn fn, void *arg)
{
	enum { BLOCK = 1 << 16 };
	const char *name = io_display_name(path);
	FILE *fp;
	int rc = open_in(path, &fp), e = 0;
	if (rc != 0)
		return rc;
	char *buf = malloc(BLOCK);
	if (buf == NULL)
		rc = cli_fail_in(EXIT_RUNTIME, name, "out of memory");
	for (size_t got = 1; rc == 0 && got > 0;) {
		got = fread(buf, 1, BLOCK, fp);
		if (got == 0 && ferror(fp)) {
			e = errno;
			rc = cli_fail_in(EXIT_RUNTIME, name, "read error: %s", strerror(e));
		} else
			rc = fn(arg, buf, got); /* 0 bytes: the end */
	}
	free(buf);
	close_in(fp);
	if (e != 0)
		errno = e; /* the caller may say it again, after our messages */
	return rc;
}

int io_out_open(io_out *out, const char *path)
{
	memset(out, 0, sizeof *out);
	if (path == NULL || strcmp(path, "-") == 0) {
		out->fp = stdout;
		return 0;
	}
	/* The file standard output already is (-o /dev/stdout > FILE) is
	 * written through it: a rename would replace the link, and the
	 * output would go nowhere. */
	struct stat st, so;
	if (stat(path, &st) == 0 && fstat(STDOUT_FILENO, &so) == 0 &&
	    st.st_dev == so.st_dev && st.st_ino == so.st_ino) {
		out->fp = stdout;
		return 0;
	}
	/* A device, FIFO or socket (-o /dev/null, -o /dev/stdout) is written
	 * in place: renaming a file over it would replace the node itself. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return cli_fail_in(EXIT_RUNTIME, path, "is a directory");
		out->path = strdup(path);
		out->fp = out->path ? fopen(path, "wb") : NULL;
		if (out->fp == NULL) {
			int e = out->path ? errno : ENOMEM;
			io_out_abort(out);
			return cli_fail_in(EXIT_RUNTIME, path, "%s", strerror(e));
		}
		return 0;
	}
	size_t n = strlen(path);
	out->path = strdup(path);
	out->tmp = malloc(n + 16);
	if (out->path == NULL || out->tmp == NULL) {
		io_out_abort(out);
		return cli_fail_in(EXIT_RUNTIME, path, "out of memory");
	}
	/* Same directory as the target, so rename() cannot cross devices. */
	snprintf(out->tmp, n + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(out->tmp);
	if (fd < 0) {
		int e = errno;
		free(out->tmp);
		out->tmp = NULL;
		io_out_abort(out);
		return cli_fail_in(EXIT_RUNTIME, path, "%s", strerror(e));
	}
	/* mkstemp() creates 0600; give the file the mode a plain open would. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* Not fatal: the output is still correct, only more private. */
	}
	out->fp = fdopen(fd, "wb");
	if (out->fp == NULL) {
		close(fd);
		io_out_abort(out);
		return cli_fail_in(EXIT_RUNTIME, path, "%s", strerror(errno));
	}
	return 0;
}

int io_out_commit(io_out *out)
{
	int rc = 0;
	const char *name = out->path ? out->path : "<stdout>";
	if (fflush(out->fp) != 0 || ferror(out->fp))
		rc = cli_fail_in(EXIT_RUNTIME, name, "write error: %s", strerror(errno));
	if (out->path == NULL)
		return rc;
	if (fclose(out->fp) != 0 && rc == 0)
		rc = cli_fail_in(EXIT_RUNTIME, name, "write error: %s", strerror(errno));
	out->fp = NULL;
	if (rc == 0 && out->tmp != NULL && rename(out->tmp, out->path) != 0)
		rc = cli_fail_in(EXIT_RUNTIME, name, "%s", strerror(errno));
	if (rc != 0 && out->tmp != NULL)
		unlink(out->tmp);
	free(out->tmp);
	free(out->path);
	out->tmp = out->path = NULL;
	return rc;
}

void io_out_abort(io_out *out)
{
	if (out->path != NULL && out->fp != NULL)
		fclose(out->fp);
	if (out->tmp != NULL)
		unlink(out->tmp);
	free(out->tmp);
	free(out->path);
	memset(out, 0, sizeof *out);
}

int io_write_file(void *payload, const char *buf, size_t len)
{
	return fwrite(buf, 1, len, (FILE *)payload) == len ? 0 : -1;
}

int io_load_idf(const char *path, precis_idf **out)
{
	char *buf;
	size_t len;
	precis_error err;
	int rc = io_read_all(path, &buf, &len);
	if (rc != 0)
		return rc;
	if (precis_idf_load(out, buf, len, &err) != 0)
		rc = cli_fail_lib(io_display_name(path), &err);
	free(buf);
	return rc;
}

int io_load_model(const char *path, precis_model **out)
{
	char *buf;
	size_t len;
	precis_error err;
	int rc = io_read_all(path, &buf, &len);
	if (rc != 0)
		return rc;
	if (precis_model_load(out, buf, len, &err) != 0)
		rc = cli_fail_lib(io_display_name(path), &err);
	free(buf);
	return rc;
}

json_t *io_json_name(const char *name)
{
	char *safe = precis_utf8_sanitize(name, strlen(name), NULL);
	json_t *j = safe ? json_string(safe) : NULL;
	precis_free(safe);
	return j;
}
