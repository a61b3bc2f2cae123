/*
 * logged_in_users and last: the login records of utmp(5), read through a
 * descriptor privd opens, a few records at a time, so that a wtmp of
 * years does not have to fit in the worker's memory at once.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "table.h"
#include "utmp_parse.h"

#define UTMP_CHUNK_RECORDS	64

typedef int (*utmp_row_fn)(struct gen_ctx *, const struct utmp_rec *);

/* Read fd to its end, handing each whole record to fn.  Returns 0,
 * -ENOMEM when fn ran out of memory, or the negative errno of read(2). */
static int
each_record(struct gen_ctx *ctx, int fd, utmp_row_fn fn, size_t *partial)
{
	char buf[UTMP_CHUNK_RECORDS * UTMP_RECORD_SIZE];
	struct utmp_rec r;
	size_t have = 0, off;
	ssize_t n;

	for (;;) {
		n = read(fd, buf + have, sizeof(buf) - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -errno;
		if (n == 0)
			break;
		have += (size_t)n;
		for (off = 0; utmp_parse_record(buf + off, have - off, &r) == 0;
		    off += UTMP_RECORD_SIZE)
			if (fn(ctx, &r) == -1)
				return -ENOMEM;
		memmove(buf, buf + off, have - off);
		have -= off;
	}
	*partial = have;
	return 0;
}

/* The records of the first of paths that exists. */
static int
utmp_each(struct gen_ctx *ctx, const char *const *paths, utmp_row_fn fn)
{
	const char *path = paths[0];
	struct stat sb;
	size_t i, partial = 0;
	int fd = -1, rc = -ENOENT;

	for (i = 0; paths[i] != NULL && rc == -ENOENT; i++) {
		rc = collect_open_file(gen_collect(ctx), paths[i], &fd);
		if (rc != -ENOENT)
			path = paths[i];
	}
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	/* A FIFO put in the file's place would block the read. */
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		gen_warn(ctx, "%s: not a regular file", path);
		close(fd);
		return 0;
	}
	rc = each_record(ctx, fd, fn, &partial);
	close(fd);
	if (rc == -ENOMEM) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
	else if (partial > 0)
		gen_warn(ctx, "%s: ends in a partial record of %zu bytes",
		    path, partial);
	return 0;
}

enum {
	LU_TYPE,
	LU_USER,
	LU_TTY,
	LU_HOST,
	LU_TIME,
	LU_PID,
};

static const struct column logged_in_users_columns[] = {
	{ "type", COL_TEXT, 0, NULL, "Login type" },
	{ "user", COL_TEXT, 0, NULL, "User login name" },
	{ "tty", COL_TEXT, 0, NULL, "Device name" },
	{ "host", COL_TEXT, 0, NULL, "Remote hostname" },
	{ "time", COL_BIGINT, 0, NULL, "Time entry was made" },
	{ "pid", COL_INTEGER, 0, NULL, "Process (or thread) ID" },
};

static int
logged_in_row(struct gen_ctx *ctx, const struct utmp_rec *r)
{
	/* osquery leaves out the records of init itself. */
	if (r->pid == 1)
		return 0;
	row_begin(ctx);
	row_text(ctx, LU_TYPE, utmp_type_name(r->type));
	row_textn(ctx, LU_USER, r->user.p, r->user.len);
	row_textn(ctx, LU_TTY, r->line.p, r->line.len);
	row_textn(ctx, LU_HOST, r->host.p, r->host.len);
	row_int(ctx, LU_TIME, r->tv_sec);
	row_int(ctx, LU_PID, r->pid);
	return row_end(ctx);
}

static int
logged_in_users_generate(struct gen_ctx *ctx)
{
	static const char *const paths[] = { "/run/utmp", "/var/run/utmp",
	    NULL };

	return utmp_each(ctx, paths, logged_in_row);
}

const struct table table_logged_in_users = {
	.name = "logged_in_users",
	.description = "Users with an active shell on the system.",
	.example = "SELECT user, tty, host, time FROM logged_in_users "
	    "WHERE type = 'user'",
	.columns = logged_in_users_columns,
	.ncolumns = NCOLUMNS(logged_in_users_columns),
	.generate = logged_in_users_generate,
};

enum {
	L_USERNAME,
	L_TTY,
	L_PID,
	L_TYPE,
	L_TYPE_NAME,
	L_TIME,
	L_HOST,
};

static const struct column last_columns[] = {
	{ "username", COL_TEXT, 0, NULL, "Entry username" },
	{ "tty", COL_TEXT, 0, NULL, "Entry terminal" },
	{ "pid", COL_INTEGER, 0, NULL, "Process (or thread) ID" },
	{ "type", COL_INTEGER, 0, NULL, "Entry type, according to ut_type "
	    "types (utmp.h)" },
	{ "type_name", COL_TEXT, 0, NULL, "Entry type name, according to "
	    "ut_type types (utmp.h)" },
	{ "time", COL_INTEGER, 0, NULL, "Entry timestamp" },
	{ "host", COL_TEXT, 0, NULL, "Entry hostname" },
};

static int
last_row(struct gen_ctx *ctx, const struct utmp_rec *r)
{
	/* Logins and logouts; boots and run levels are left out, as
	 * osquery leaves them out. */
	if (r->type != UTMP_USER_PROCESS && r->type != UTMP_DEAD_PROCESS)
		return 0;
	row_begin(ctx);
	row_textn(ctx, L_USERNAME, r->user.p, r->user.len);
	row_textn(ctx, L_TTY, r->line.p, r->line.len);
	row_int(ctx, L_PID, r->pid);
	row_int(ctx, L_TYPE, r->type);
	row_text(ctx, L_TYPE_NAME, utmp_last_type_name(r->type));
	row_int(ctx, L_TIME, r->tv_sec);
	row_textn(ctx, L_HOST, r->host.p, r->host.len);
	return row_end(ctx);
}

static int
last_generate(struct gen_ctx *ctx)
{
	static const char *const paths[] = { "/var/log/wtmp", NULL };

	return utmp_each(ctx, paths, last_row);
}

const struct table table_last = {
	.name = "last",
	.description = "System logins and logouts.",
	.example = "SELECT username, tty, host, datetime(time, 'unixepoch') "
	    "FROM last WHERE type_name = 'user-process'",
	.columns = last_columns,
	.ncolumns = NCOLUMNS(last_columns),
	.generate = last_generate,
};
