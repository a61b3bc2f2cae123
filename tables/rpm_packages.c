/*
 * rpm_packages: the packages of the RPM database, as rpm -qa sees them.
 * `WHERE name = X` looks X up in the database's name index.
 */
#include <stdlib.h>
#include <string.h>

#include "rpmdb.h"
#include "table.h"

enum {
	C_NAME,
	C_VERSION,
	C_RELEASE,
	C_SOURCE,
	C_SIZE,
	C_SHA1,
	C_ARCH,
	C_EPOCH,
	C_INSTALL_TIME,
	C_VENDOR,
	C_PACKAGE_GROUP,
	C_PID_WITH_NAMESPACE,
	C_MOUNT_NAMESPACE_ID,
};

static const struct column rpm_packages_columns[] = {
	[C_NAME] = { "name", COL_TEXT, COL_INDEX | COL_OPTIMIZED, NULL,
	    "RPM package name" },
	[C_VERSION] = { "version", COL_TEXT, COL_INDEX, "version_rhel",
	    "Package version" },
	[C_RELEASE] = { "release", COL_TEXT, COL_INDEX, NULL,
	    "Package release" },
	[C_SOURCE] = { "source", COL_TEXT, 0, NULL,
	    "Source RPM package name (optional)" },
	[C_SIZE] = { "size", COL_BIGINT, 0, NULL,
	    "Package size in bytes" },
	[C_SHA1] = { "sha1", COL_TEXT, 0, "nocase",
	    "SHA1 hash of the package's header" },
	[C_ARCH] = { "arch", COL_TEXT, COL_INDEX, NULL,
	    "Architecture(s) supported" },
	[C_EPOCH] = { "epoch", COL_INTEGER, COL_INDEX, NULL,
	    "Package epoch value (NULL when the package has none)" },
	[C_INSTALL_TIME] = { "install_time", COL_INTEGER, 0, NULL,
	    "When the package was installed" },
	[C_VENDOR] = { "vendor", COL_TEXT, 0, NULL,
	    "Package vendor" },
	[C_PACKAGE_GROUP] = { "package_group", COL_TEXT, 0, NULL,
	    "Package group" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
	[C_MOUNT_NAMESPACE_ID] = { "mount_namespace_id", COL_TEXT,
	    COL_HIDDEN, NULL,
	    "Mount namespace id (not supported: always NULL)" },
};

static void
row_tag_text(struct gen_ctx *ctx, int col, const struct rpmhdr *h,
    uint32_t tag)
{
	struct span s;

	if (rpmhdr_string(h, tag, &s) == 0)
		row_textn(ctx, col, s.p, s.len);
}

static void
row_tag_int(struct gen_ctx *ctx, int col, const struct rpmhdr *h,
    uint32_t tag)
{
	uint64_t v;

	if (rpmhdr_number(h, tag, &v) == 0 && v <= INT64_MAX)
		row_int(ctx, col, (int64_t)v);
}

static int
package_row(struct gen_ctx *ctx, const struct rpmhdr *h, void *arg)
{
	uint64_t size;

	(void)arg;
	row_begin(ctx);
	row_tag_text(ctx, C_NAME, h, RPMTAG_NAME);
	row_tag_text(ctx, C_VERSION, h, RPMTAG_VERSION);
	row_tag_text(ctx, C_RELEASE, h, RPMTAG_RELEASE);
	row_tag_text(ctx, C_SOURCE, h, RPMTAG_SOURCERPM);
	/* Packages of 4 GiB and more carry LONGSIZE instead. */
	if ((rpmhdr_number(h, RPMTAG_LONGSIZE, &size) == 0 ||
	    rpmhdr_number(h, RPMTAG_SIZE, &size) == 0) && size <= INT64_MAX)
		row_int(ctx, C_SIZE, (int64_t)size);
	row_tag_text(ctx, C_SHA1, h, RPMTAG_SHA1HEADER);
	row_tag_text(ctx, C_ARCH, h, RPMTAG_ARCH);
	row_tag_int(ctx, C_EPOCH, h, RPMTAG_EPOCH);
	row_tag_int(ctx, C_INSTALL_TIME, h, RPMTAG_INSTALLTIME);
	row_tag_text(ctx, C_VENDOR, h, RPMTAG_VENDOR);
	row_tag_text(ctx, C_PACKAGE_GROUP, h, RPMTAG_GROUP);
	return row_end(ctx);
}

static int
rpm_packages_generate(struct gen_ctx *ctx)
{
	const char **names;
	size_t n;
	int rc;

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	if (rpmdb_wanted_names(ctx, C_NAME, &names, &n) == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	rc = rpmdb_each(ctx, names, n, package_row, NULL);
	free(names);
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_rpm_packages = {
	.name = "rpm_packages",
	.description = "RPM packages that are currently installed on the host "
	    "system.",
	.example = "SELECT name, version, release, arch FROM rpm_packages "
	    "WHERE name = 'openssl'",
	.columns = rpm_packages_columns,
	.ncolumns = NCOLUMNS(rpm_packages_columns),
	.generate = rpm_packages_generate,
};
