/*
 * file_lines: the lines of the files a query names, one row each, for
 * checks of configuration files (`WHERE path = '/etc/ssh/sshd_config'
 * AND line LIKE 'PermitRootLogin%'`).  The path is required, with =, IN
 * or LIKE as `file` takes it.  A line loses its '\n' and a '\r' before
 * it; empty lines are rows too.  Files are read through a descriptor,
 * up to FILE_LINES_MAX bytes each.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filepaths.h"
#include "table.h"

#define READ_CHUNK	(64u << 10)
#define LINE_MAX_BYTES	(1u << 20)
#define FILE_LINES_MAX	(16u << 20)

enum {
	C_PATH,
	C_LINE,
};

static const struct column file_lines_columns[] = {
	[C_PATH] = { "path", COL_TEXT, COL_INDEX | COL_REQUIRED |
	    COL_OPTIMIZED, NULL, "Path of the file" },
	[C_LINE] = { "line", COL_TEXT, 0, NULL,
	    "One line of the file, without its line ending" },
};

/* The line being gathered across reads. */
struct reader {
	struct gen_ctx		*ctx;
	struct filepaths	*fp;
	const struct filepath	*f;
	char			*line;
	size_t			 len;
	size_t			 cap;
	int			 cut;		/* the line is too long */
};

static int
emit_line(struct reader *r)
{
	size_t n = r->len;

	if (n > 0 && r->line[n - 1] == '\r')
		n--;
	row_begin(r->ctx);
	row_text(r->ctx, C_PATH, r->f->path);
	row_textn(r->ctx, C_LINE, n > 0 ? r->line : "", n);
	r->len = 0;
	r->cut = 0;
	return row_end(r->ctx);
}

/* Add bytes to the current line; past LINE_MAX_BYTES they are dropped. */
static int
append(struct reader *r, const char *p, size_t n)
{
	size_t cap;
	char *grown;

	if (n > LINE_MAX_BYTES - r->len) {
		n = LINE_MAX_BYTES - r->len;
		if (!r->cut)
			filepaths_warn(r->ctx, r->fp, "%s: a line longer than "
			    "%u bytes was cut", r->f->path, LINE_MAX_BYTES);
		r->cut = 1;
	}
	if (n == 0)
		return 0;
	if (r->len + n > r->cap) {
		cap = r->cap ? r->cap : 256;
		while (cap < r->len + n)
			cap *= 2;
		if ((grown = realloc(r->line, cap)) == NULL)
			return -1;
		r->line = grown;
		r->cap = cap;
	}
	memcpy(r->line + r->len, p, n);
	r->len += n;
	return 0;
}

static int
split_chunk(struct reader *r, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (append(r, p, (size_t)((nl != NULL ? nl : end) - p)) == -1)
			return -1;
		if (nl == NULL)
			break;
		if (emit_line(r) == -1)
			return -1;
		p = nl + 1;
	}
	return 0;
}

/* Read the file's lines; -1 only when out of memory. */
static int
read_lines(struct reader *r, int fd)
{
	char *buf;
	size_t total = 0;
	ssize_t n;
	int rc = 0;

	if ((buf = malloc(READ_CHUNK)) == NULL)
		return -1;
	while (rc == 0 && total < FILE_LINES_MAX) {
		n = read(fd, buf, READ_CHUNK);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == -1)
				filepaths_warn(r->ctx, r->fp, "%s: %s",
				    r->f->path, strerror(errno));
			break;
		}
		if ((size_t)n > FILE_LINES_MAX - total)
			n = (ssize_t)(FILE_LINES_MAX - total);
		total += (size_t)n;
		rc = split_chunk(r, buf, (size_t)n);
	}
	if (rc == 0 && total == FILE_LINES_MAX)
		filepaths_warn(r->ctx, r->fp, "%s: only the first %u bytes "
		    "were read", r->f->path, FILE_LINES_MAX);
	if (rc == 0 && r->len > 0)
		rc = emit_line(r);
	free(buf);
	return rc;
}

static int
file_rows(struct gen_ctx *ctx, struct filepaths *fp, const struct filepath *f,
    void *arg)
{
	struct reader r;
	struct stat st;
	int fd, rc;

	(void)arg;
	/* What a LIKE walk found to be no file has no lines. */
	if (f->d_type != DT_UNKNOWN && f->d_type != DT_REG &&
	    f->d_type != DT_LNK)
		return 0;
	rc = collect_open_file(gen_collect(ctx), f->real, &fd);
	if (rc == -ENOENT || rc == -ENOTDIR)
		return 0;
	if (rc == -EINVAL) {
		filepaths_warn(ctx, fp, "%s is not a regular file", f->path);
		return 0;
	}
	if (rc < 0) {
		filepaths_warn(ctx, fp, "cannot open %s: %s", f->path,
		    strerror(-rc));
		return 0;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		filepaths_warn(ctx, fp, "%s is not a regular file", f->path);
		close(fd);
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	r.fp = fp;
	r.f = f;
	rc = read_lines(&r, fd);
	free(r.line);
	close(fd);
	return rc;
}

static int
file_lines_generate(struct gen_ctx *ctx)
{
	if (gen_count(ctx, C_PATH, GEN_EQ) == 0 &&
	    gen_count(ctx, C_PATH, GEN_LIKE) == 0) {
		gen_error(ctx, "the query must give path (with =, IN or LIKE)");
		return -1;
	}
	/* file_lines has neither a directory nor a namespace column. */
	return filepaths_each(ctx, C_PATH, -1, -1, file_rows, NULL);
}

const struct table table_file_lines = {
	.name = "file_lines",
	.description = "The lines of text files, one row each.",
	.example = "SELECT line FROM file_lines WHERE path = "
	    "'/etc/ssh/sshd_config' AND line LIKE 'PermitRootLogin%'",
	.columns = file_lines_columns,
	.ncolumns = NCOLUMNS(file_lines_columns),
	.generate = file_lines_generate,
};
