/*
 * os_version: the distribution, from os-release.  /etc/os-release is
 * usually a symlink into /usr/lib, which privd refuses to follow out of
 * /etc, so a refused or missing /etc/os-release falls back to
 * /usr/lib/os-release as the os-release(5) manual says readers should.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "table.h"
#include "keyvalue.h"

#define OS_RELEASE_CAP	(64u << 10)
#define OS_VALUE_MAX	256

enum {
	O_NAME,
	O_VERSION,
	O_MAJOR,
	O_MINOR,
	O_PATCH,
	O_BUILD,
	O_PLATFORM,
	O_PLATFORM_LIKE,
	O_CODENAME,
	O_ARCH,
	O_PID_WITH_NAMESPACE,
	O_MOUNT_NAMESPACE_ID,
};

static const struct column os_version_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Distribution or product name" },
	{ "version", COL_TEXT, 0, "version", "Pretty, suitable for "
	    "presentation, OS version" },
	{ "major", COL_INTEGER, 0, NULL, "Major release version" },
	{ "minor", COL_INTEGER, 0, NULL, "Minor release version" },
	{ "patch", COL_INTEGER, 0, NULL, "Optional patch release" },
	{ "build", COL_TEXT, 0, NULL, "Optional build-specific or variant "
	    "string" },
	{ "platform", COL_TEXT, 0, NULL, "OS Platform or ID" },
	{ "platform_like", COL_TEXT, 0, NULL, "Closely related platforms" },
	{ "codename", COL_TEXT, 0, NULL, "OS version codename" },
	{ "arch", COL_TEXT, 0, NULL, "OS Architecture" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
	{ "mount_namespace_id", COL_TEXT, COL_HIDDEN, NULL,
	    "Mount namespace id" },
};

static int
read_os_release(struct gen_ctx *ctx, char **data, size_t *len)
{
	struct collect *c = gen_collect(ctx);
	int rc;

	rc = collect_read_file(c, "/etc/os-release", OS_RELEASE_CAP, data,
	    len);
	if (rc == 0)
		return 0;
	free(*data);
	*data = NULL;
	rc = collect_read_file(c, "/usr/lib/os-release", OS_RELEASE_CAP,
	    data, len);
	if (rc < 0)
		gen_warn(ctx, "os_version: /usr/lib/os-release: %s",
		    strerror(-rc));
	return rc;
}

/* An os-release value as a column; absent keys give the empty string,
 * as osquery's do. */
static void
env_column(struct gen_ctx *ctx, int col, const char *data, size_t len,
    const char *key)
{
	char v[OS_VALUE_MAX];

	if (kv_env_value(data, len, key, v, sizeof(v)) < 0)
		v[0] = '\0';
	row_text(ctx, col, v);
}

static void
version_columns(struct gen_ctx *ctx, const char *data, size_t len)
{
	char v[OS_VALUE_MAX];
	int64_t parts[3] = { 0, 0, 0 };
	int n;

	n = kv_env_value(data, len, "VERSION_ID", v, sizeof(v));
	if (n > 0)
		txt_version3(v, (size_t)n, parts);
	row_int(ctx, O_MAJOR, parts[0]);
	row_int(ctx, O_MINOR, parts[1]);
	row_int(ctx, O_PATCH, parts[2]);
}

static int
os_version_generate(struct gen_ctx *ctx)
{
	struct utsname u;
	char *data = NULL;
	size_t len = 0;

	if (read_os_release(ctx, &data, &len) < 0) {
		free(data);
		return 0;
	}
	row_begin(ctx);
	env_column(ctx, O_NAME, data, len, "NAME");
	env_column(ctx, O_VERSION, data, len, "VERSION");
	version_columns(ctx, data, len);
	env_column(ctx, O_BUILD, data, len, "BUILD_ID");
	env_column(ctx, O_PLATFORM, data, len, "ID");
	env_column(ctx, O_PLATFORM_LIKE, data, len, "ID_LIKE");
	env_column(ctx, O_CODENAME, data, len, "VERSION_CODENAME");
	if (uname(&u) == 0)
		row_text(ctx, O_ARCH, u.machine);
	free(data);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "os_version: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_os_version = {
	.name = "os_version",
	.description = "A single row containing the operating system name "
	    "and version.",
	.example = "SELECT name, version, major, minor, arch FROM "
	    "os_version",
	.columns = os_version_columns,
	.ncolumns = NCOLUMNS(os_version_columns),
	.generate = os_version_generate,
};
