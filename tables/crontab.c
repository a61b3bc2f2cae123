/*
 * crontab: the jobs of the system's crontab, of /etc/cron.d and of the
 * users' crontabs in cron's spool, a row per job line.  The directories
 * are osquery's list; one that does not exist here is skipped quietly.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "crontab_parse.h"
#include "dirlist.h"

#define CRONTAB_CAP	(4u << 20)

enum {
	C_EVENT,
	C_MINUTE,
	C_HOUR,
	C_DAY_OF_MONTH,
	C_MONTH,
	C_DAY_OF_WEEK,
	C_COMMAND,
	C_PATH,
	C_PID_WITH_NAMESPACE,
};

static const struct column crontab_columns[] = {
	{ "event", COL_TEXT, 0, NULL, "The job @event name (rare)" },
	{ "minute", COL_TEXT, 0, NULL, "The exact minute for the job" },
	{ "hour", COL_TEXT, 0, NULL, "The hour of the day for the job" },
	{ "day_of_month", COL_TEXT, 0, NULL, "The day of the month for the "
	    "job" },
	{ "month", COL_TEXT, 0, NULL, "The month of the year for the job" },
	{ "day_of_week", COL_TEXT, 0, NULL, "The day of the week for the "
	    "job" },
	{ "command", COL_TEXT, 0, NULL, "Raw command string" },
	{ "path", COL_TEXT, 0, NULL, "File parsed" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
};

static const char *const cron_dirs[] = {
	"/etc/cron.d",			/* the system's, with a user field */
	"/var/at/tabs",			/* users', BSD */
	"/var/spool/cron",		/* users', Red Hat */
	"/var/spool/cron/crontabs",	/* users', Debian */
	NULL,
};

static void
row_span(struct gen_ctx *ctx, int col, struct span s)
{
	if (s.p != NULL)
		row_textn(ctx, col, s.p, s.len);
}

static int
cron_row(struct gen_ctx *ctx, const char *path, const struct cron_line *c)
{
	row_begin(ctx);
	row_span(ctx, C_EVENT, c->event);
	row_span(ctx, C_MINUTE, c->minute);
	row_span(ctx, C_HOUR, c->hour);
	row_span(ctx, C_DAY_OF_MONTH, c->day_of_month);
	row_span(ctx, C_MONTH, c->month);
	row_span(ctx, C_DAY_OF_WEEK, c->day_of_week);
	row_span(ctx, C_COMMAND, c->command);
	row_text(ctx, C_PATH, path);
	return row_end(ctx);
}

/* The rows of one file; -1 when out of memory.  quiet: a file that is
 * not there is no news. */
static int
cron_file(struct gen_ctx *ctx, const char *path, int quiet)
{
	struct cron_line c;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, CRONTAB_CAP, &data,
	    &len);
	if (rc < 0) {
		if (!(quiet && rc == -ENOENT))
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (crontab_parse_line(line, &c) == 0)
			rc = cron_row(ctx, path, &c);
	free(data);
	return rc;
}

static int
not_dir(const char *name, unsigned int d_type)
{
	(void)name;
	return d_type != DT_DIR;
}

/* The regular files of dir, in name order. */
static int
cron_dir(struct gen_ctx *ctx, const char *dir)
{
	struct dirlist dl;
	char path[PATH_MAX];
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, not_dir, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(ctx, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0, rc = 0; i < dl.n && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0 &&
		    dirlist_is_regular(gen_collect(ctx), path))
			rc = cron_file(ctx, path, 1);
	dirlist_free(&dl);
	return rc;
}

static int
crontab_generate(struct gen_ctx *ctx)
{
	size_t i;
	int rc;

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	rc = cron_file(ctx, "/etc/crontab", 0);
	for (i = 0; cron_dirs[i] != NULL && rc == 0; i++)
		rc = cron_dir(ctx, cron_dirs[i]);
	if (rc == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_crontab = {
	.name = "crontab",
	.description = "Line parsed values from system and user cron/tab.",
	.example = "SELECT path, minute, hour, command FROM crontab "
	    "WHERE event = '@reboot'",
	.columns = crontab_columns,
	.ncolumns = NCOLUMNS(crontab_columns),
	.generate = crontab_generate,
};
