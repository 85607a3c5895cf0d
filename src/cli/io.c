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

/*
 * Inputs are read through zlib's gz reader, which passes plain bytes
 * through as they are and decompresses gzip (Debian's README.gz and
 * changelog.gz, saved pages, data sets as .jsonl.gz): `precis README.gz`
 * reads the text, and offsets point into the decompressed bytes.
 */
int io_in_open(io_in *in, const char *path, unsigned flags)
{
	const char *name = io_display_name(path);
	in->name = name;
	in->gz = NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		in->fp = stdin;
	} else {
		in->fp = fopen(path, "rb");
		/* Only the commands that read one document at a time whole
		 * fetch URLs (source.c); the others should not say "No such
		 * file". */
		if (in->fp == NULL && errno == ENOENT &&
		    (strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0))
			return cli_fail_in(EXIT_RUNTIME, name, "URLs are read by summarize, "
					   "keywords and extract, not by this command");
		if (in->fp == NULL)
			return cli_fail_in(EXIT_RUNTIME, name, "%s", strerror(errno));
	}
	struct stat st;
	int known = fstat(fileno(in->fp), &st) == 0;
	if (known && S_ISDIR(st.st_mode) && in->fp != stdin) {
		fclose(in->fp);
		return cli_fail_in(EXIT_RUNTIME, name, "is a directory");
	}
	if ((flags & IO_IN_STREAM) && !(known && S_ISREG(st.st_mode)))
		return 0;
	/* A descriptor of its own, so that closing the reader leaves stdin. */
	int fd = dup(fileno(in->fp));
	if (fd < 0 || (in->gz = gzdopen(fd, "rb")) == NULL) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		if (in->fp != stdin)
			fclose(in->fp);
		return cli_fail_in(EXIT_RUNTIME, name, "%s", e ? strerror(e) : "out of memory");
	}
	/* zlib reads straight into the caller's buffer only when asked for
	 * well more than its own holds: at 16 KiB the 64 KiB reads of
	 * io_read_blocks() and the JSON Lines reader are copied no more
	 * (callgrind, 1,412 CNN/DM records: 622.7 M instructions at 32 KiB,
	 * 618.2 M here, 619.0 M through stdio before). */
	gzbuffer(in->gz, 1 << 14);
	return 0;
}

void io_in_close(io_in *in)
{
	if (in->gz != NULL)
		gzclose_r(in->gz);
	if (in->fp != stdin)
		fclose(in->fp);
}

/* zlib's message without the "<fd:N>: " it names the stream by. */
static const char *gz_message(gzFile gz, int *z)
{
	const char *msg = gzerror(gz, z);
	const char *sep = strncmp(msg, "<fd:", 4) == 0 ? strstr(msg, ": ") : NULL;
	return sep != NULL ? sep + 2 : msg;
}

/* A stream's next bytes as they come. */
static long read_raw(io_in *in, char *buf, size_t want, int *e, int *rc)
{
	for (;;) {
		ssize_t got = read(fileno(in->fp), buf, want);
		if (got >= 0)
			return (long)got;
		if (errno != EINTR) {
			*e = errno;
			*rc = cli_fail_in(EXIT_RUNTIME, in->name, "read error: %s", strerror(*e));
			return -1;
		}
	}
}

long io_in_read(io_in *in, char *buf, size_t want, int *e, int *rc)
{
	if (in->gz == NULL)
		return read_raw(in, buf, want, e, rc);
	unsigned n = want > (1u << 30) ? 1u << 30 : (unsigned)want;
	int got = gzread(in->gz, buf, n);
	if (got >= 0) {
		int z;
		const char *msg = gz_message(in->gz, &z);
		if (z == Z_OK || z == Z_STREAM_END)
			return got;
		/* A truncated stream, or data that is no gzip past its start. */
		*e = 0;
		*rc = cli_fail_in(EXIT_INPUT, in->name, "gzip data: %s", msg);
		return -1;
	}
	int z;
	const char *msg = gz_message(in->gz, &z);
	*e = z == Z_ERRNO ? errno : 0;
	*rc = z == Z_ERRNO ? cli_fail_in(EXIT_RUNTIME, in->name, "read error: %s", strerror(*e))
	      : z == Z_MEM_ERROR ? cli_fail_in(EXIT_RUNTIME, in->name, "out of memory")
			     : cli_fail_in(EXIT_INPUT, in->name, "gzip data: %s", msg);
	return -1;
}

static int slurp(io_in *in, char **out, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	int e = 0, rc = 0;
	if (buf == NULL)
		return cli_fail_in(EXIT_RUNTIME, in->name, "out of memory");
	for (;;) {
		if (cap - n < 2) {
			char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				return cli_fail_in(EXIT_RUNTIME, in->name, "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		long got = io_in_read(in, buf + n, cap - n - 1, &e, &rc);
		if (got < 0) {
			free(buf);
			return rc;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int io_read_all(const char *path, char **out, size_t *len)
{
	io_in in;
	int rc = io_in_open(&in, path, 0);
	if (rc != 0)
		return rc;
	rc = slurp(&in, out, len);
	io_in_close(&in);
	return rc;
}

int io_read_blocks(const char *path, io_block_fn fn, void *arg)
{
	enum { BLOCK = 1 << 16 };
	io_in in;
	int rc = io_in_open(&in, path, 0), e = 0;
	if (rc != 0)
		return rc;
	char *buf = malloc(BLOCK);
	if (buf == NULL)
		rc = cli_fail_in(EXIT_RUNTIME, in.name, "out of memory");
	for (long got = 1; rc == 0 && got > 0;) {
		got = io_in_read(&in, buf, BLOCK, &e, &rc);
		if (got >= 0)
			rc = fn(arg, buf, (size_t)got); /* 0 bytes: the end */
	}
	free(buf);
	io_in_close(&in);
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
