/*
 * deb_packages: the packages dpkg's database lists, as dpkg-query -W
 * sees them: the status file, with the records of the updates journal a
 * dpkg run left behind (when it was interrupted) laid over it.
 *
 * The status file is read through a descriptor a stanza at a time, so a
 * host with many packages costs the rows and not a copy of the file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deb822.h"
#include "dirlist.h"
#include "dpkg_admindir.h"
#include "dpkg.h"
#include "pathglob.h"
#include "stanza_reader.h"
#include "table.h"

#define STANZA_MAX		(4u << 20)
#define UPDATE_CAP		(4u << 20)
#define UPDATES_MAX		1000

enum {
	C_NAME,
	C_VERSION,
	C_SOURCE,
	C_SIZE,
	C_ARCH,
	C_REVISION,
	C_STATUS,
	C_MAINTAINER,
	C_SECTION,
	C_PRIORITY,
	C_ADMINDIR,
	C_PID_WITH_NAMESPACE,
	C_MOUNT_NAMESPACE_ID,
};

static const struct column deb_packages_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL, "Package name" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version_dpkg",
	    "Package version" },
	[C_SOURCE] = { "source", COL_TEXT, 0, NULL,
	    "Package source, as the Source field has it" },
	[C_SIZE] = { "size", COL_BIGINT, 0, NULL,
	    "Package size (the Installed-Size field, in KiB)" },
	[C_ARCH] = { "arch", COL_TEXT, 0, NULL, "Package architecture" },
	[C_REVISION] = { "revision", COL_TEXT, 0, NULL,
	    "Package revision (the version after its last '-')" },
	[C_STATUS] = { "status", COL_TEXT, 0, NULL,
	    "Package status: want, error flag and state" },
	[C_MAINTAINER] = { "maintainer", COL_TEXT, 0, NULL,
	    "Package maintainer" },
	[C_SECTION] = { "section", COL_TEXT, 0, NULL, "Package section" },
	[C_PRIORITY] = { "priority", COL_TEXT, 0, NULL, "Package priority" },
	[C_ADMINDIR] = { "admindir", COL_TEXT, COL_ADDITIONAL | COL_OPTIMIZED,
	    NULL, "libdpkg admindir. Defaults to /var/lib/dpkg" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
	[C_MOUNT_NAMESPACE_ID] = { "mount_namespace_id", COL_TEXT,
	    COL_HIDDEN, NULL,
	    "Mount namespace id (not supported: always NULL)" },
};

/* One record of the updates journal, which replaces the status file's
 * record of the same package. */
struct update {
	char		*text;
	size_t		 len;
	struct dpkg_pkg	 pkg;		/* spans into text */
	int		 used;
};

struct updates {
	struct update	*v;
	size_t		 n;
	size_t		 cap;
};

static void
updates_free(struct updates *u)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		free(u->v[i].text);
	free(u->v);
	memset(u, 0, sizeof(*u));
}

/* Keep one record; a later one for the same package replaces it. */
static int
updates_add(struct updates *u, struct span stanza)
{
	struct update nu, *v;
	size_t i, cap;

	memset(&nu, 0, sizeof(nu));
	if ((nu.text = malloc(stanza.len + 1)) == NULL)
		return -1;
	memcpy(nu.text, stanza.p, stanza.len);
	nu.text[stanza.len] = '\0';
	nu.len = stanza.len;
	stanza.p = nu.text;
	if (dpkg_parse_stanza(stanza, &nu.pkg) == -1) {
		free(nu.text);
		return 0;
	}
	for (i = 0; i < u->n; i++)
		if (dpkg_same_package(&u->v[i].pkg, &nu.pkg)) {
			free(u->v[i].text);
			u->v[i] = nu;
			return 0;
		}
	if (u->n == u->cap) {
		cap = u->cap ? u->cap * 2 : 8;
		if ((v = reallocarray(u->v, cap, sizeof(*v))) == NULL) {
			free(nu.text);
			return -1;
		}
		u->v = v;
		u->cap = cap;
	}
	u->v[u->n++] = nu;
	return 0;
}

/* dpkg names its journal files with digits only. */
static int
journal_name(const char *name, unsigned int d_type)
{
	(void)d_type;
	return strspn(name, "0123456789") == strlen(name);
}

static int
read_update(struct gen_ctx *ctx, const char *path, struct updates *u)
{
	struct span stanza;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, UPDATE_CAP, &data,
	    &len);
	if (rc < 0) {
		if (rc != -ENOENT)
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && deb822_next_stanza(data, len, &off, &stanza))
		rc = updates_add(u, stanza);
	free(data);
	return rc;
}

/* The journal's records, oldest first; -1 when out of memory. */
static int
read_updates(struct gen_ctx *ctx, const char *admindir, struct updates *u)
{
	char dir[PATHGLOB_PATH_MAX], path[PATHGLOB_PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	memset(u, 0, sizeof(*u));
	if (dirlist_path(admindir, "updates", dir, sizeof(dir)) == -1)
		return 0;
	rc = dirlist_read(gen_collect(ctx), dir, journal_name, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT)
			gen_warn(ctx, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	if (dl.n > UPDATES_MAX)
		gen_warn(ctx, "%s: only the first %d of %zu records read",
		    dir, UPDATES_MAX, dl.n);
	for (i = 0, rc = 0; i < dl.n && i < UPDATES_MAX && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0)
			rc = read_update(ctx, path, u);
	dirlist_free(&dl);
	return rc;
}

static void
row_span(struct gen_ctx *ctx, int col, struct span s)
{
	row_textn(ctx, col, s.len ? s.p : "", s.len);
}

static int
package_row(struct gen_ctx *ctx, const struct dpkg_pkg *p,
    const char *admindir)
{
	char status[128];
	uint64_t size;

	if (!dpkg_listed(p))
		return 0;
	row_begin(ctx);
	row_span(ctx, C_NAME, p->name);
	row_span(ctx, C_VERSION, p->version);
	if (p->has_source)
		row_span(ctx, C_SOURCE, p->source);
	if (p->has_size && txt_u64(p->size.p, p->size.len, &size) == 0 &&
	    size <= INT64_MAX)
		row_int(ctx, C_SIZE, (int64_t)size);
	row_span(ctx, C_ARCH, p->arch);
	row_span(ctx, C_REVISION, p->revision);
	dpkg_status_text(p, status, sizeof(status));
	row_text(ctx, C_STATUS, status);
	if (p->has_maintainer)
		row_span(ctx, C_MAINTAINER, p->maintainer);
	if (p->has_section)
		row_span(ctx, C_SECTION, p->section);
	row_span(ctx, C_PRIORITY, dpkg_priority(p));
	row_text(ctx, C_ADMINDIR, admindir);
	return row_end(ctx);
}

/* The record to report for a stanza of the status file: its own, or
 * the journal's newer one. */
static const struct dpkg_pkg *
newest(struct updates *u, const struct dpkg_pkg *p)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		if (!u->v[i].used && dpkg_same_package(&u->v[i].pkg, p)) {
			u->v[i].used = 1;
			return &u->v[i].pkg;
		}
	return p;
}

static int
read_status(struct gen_ctx *ctx, int fd, const char *path,
    const char *admindir, struct updates *u)
{
	struct stanza_reader r;
	struct dpkg_pkg pkg;
	struct span stanza;
	size_t i;
	int rc = 0, err = 0;

	stanza_reader_init(&r, fd, STANZA_MAX);
	while (err == 0 && (rc = stanza_reader_next(&r, &stanza)) == 1) {
		if (dpkg_parse_stanza(stanza, &pkg) == -1)
			continue;
		err = package_row(ctx, newest(u, &pkg), admindir);
	}
	stanza_reader_free(&r);
	if (err == 0 && rc < 0) {
		if (rc == -ENOMEM)
			return -1;
		gen_warn(ctx, "%s: %s; the packages after it are left out",
		    path, rc == -EFBIG ? "a record is too long" :
		    strerror(-rc));
	}
	for (i = 0; err == 0 && i < u->n; i++)
		if (!u->v[i].used)
			err = package_row(ctx, &u->v[i].pkg, admindir);
	return err;
}

static int
admindir_rows(struct gen_ctx *ctx, const char *admindir)
{
	char path[PATHGLOB_PATH_MAX];
	struct updates u;
	int fd, rc;

	if (dpkg_admindir_path(ctx, admindir, "status", path,
	    sizeof(path)) == -1)
		return 0;
	rc = collect_open_file(gen_collect(ctx), path, &fd);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	if (read_updates(ctx, admindir, &u) == -1)
		rc = -1;
	else
		rc = read_status(ctx, fd, path, admindir, &u);
	updates_free(&u);
	close(fd);
	return rc;
}

static int
deb_packages_generate(struct gen_ctx *ctx)
{
	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	return dpkg_admindir_each(ctx, C_ADMINDIR, admindir_rows);
}

const struct table table_deb_packages = {
	.name = "deb_packages",
	.description = "The installed DEB package database.",
	.example = "SELECT name, version, arch FROM deb_packages "
	    "WHERE name LIKE 'openssl%'",
	.columns = deb_packages_columns,
	.ncolumns = NCOLUMNS(deb_packages_columns),
	.generate = deb_packages_generate,
};
