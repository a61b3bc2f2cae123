/*
 * deb_package_files: the paths dpkg installed for each package, from the
 * file lists of its database (<admindir>/info/<package>.list, or
 * <package>:<arch>.list for a package that may be installed for several
 * architectures at once).
 *
 * `WHERE package = X` reads only X's list.  Without it every list is
 * read; a path constraint cannot narrow that, as dpkg keeps no index
 * from paths to packages (dpkg -S reads every list too).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "dpkg_admindir.h"
#include "pathglob.h"
#include "table.h"
#include "textparse.h"

#define LIST_CAP	(64u << 20)
#define LIST_SUFFIX	".list"

enum {
	C_PACKAGE,
	C_PATH,
	C_ADMINDIR,
};

static const struct column deb_package_files_columns[] = {
	[C_PACKAGE] = { "package", COL_TEXT, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Package name" },
	[C_PATH] = { "path", COL_TEXT, COL_INDEX, NULL,
	    "Path of a file or directory the package installed" },
	[C_ADMINDIR] = { "admindir", COL_TEXT, COL_ADDITIONAL | COL_OPTIMIZED,
	    NULL, "libdpkg admindir. Defaults to /var/lib/dpkg" },
};

/* What one query reads: the admindir, and its info directory listed
 * once when a package's list has an architecture in its name. */
struct listing {
	struct gen_ctx	*ctx;
	const char	*admindir;
	char		 info[PATHGLOB_PATH_MAX];
	struct dirlist	 lists;
	int		 listed;
};

static int
is_list(const char *name, unsigned int d_type)
{
	(void)d_type;
	return dirlist_has_suffix(name, LIST_SUFFIX);
}

/* The package a list file is for: its name without ".list" and without
 * the ":arch" of a multi-arch package. */
static size_t
package_len(const char *file)
{
	size_t n = strlen(file) - strlen(LIST_SUFFIX);
	const char *colon = memchr(file, ':', n);

	return colon != NULL ? (size_t)(colon - file) : n;
}

static int
path_rows(struct gen_ctx *ctx, const char *package, size_t plen,
    const char *admindir, const char *data, size_t len)
{
	struct span line;
	size_t off = 0;
	int rc = 0, want_package, want_path, want_admindir;

	/* Every row is kept until the query is done: the columns it does
	 * not read are left out of them. */
	want_package = gen_used(ctx, C_PACKAGE);
	want_path = gen_used(ctx, C_PATH);
	want_admindir = gen_used(ctx, C_ADMINDIR);
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (line.len == 0)
			continue;
		row_begin(ctx);
		if (want_package)
			row_textn(ctx, C_PACKAGE, package, plen);
		if (want_path)
			row_textn(ctx, C_PATH, line.p, line.len);
		if (want_admindir)
			row_text(ctx, C_ADMINDIR, admindir);
		rc = row_end(ctx);
	}
	return rc;
}

/* The rows of one list file; a list that is gone is no error, and
 * *found says whether it was there. */
static int
list_rows(struct listing *l, const char *file, int *found)
{
	char path[PATHGLOB_PATH_MAX];
	char *data = NULL;
	size_t len = 0;
	int rc;

	*found = 0;
	if (dirlist_path(l->info, file, path, sizeof(path)) == -1)
		return 0;
	rc = collect_read_file(gen_collect(l->ctx), path, LIST_CAP, &data,
	    &len);
	if (rc == -ENOENT)
		return 0;
	*found = 1;
	if (rc < 0) {
		gen_warn(l->ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	if (len == LIST_CAP)
		gen_warn(l->ctx, "%s: only the first %u bytes read", path,
		    LIST_CAP);
	rc = path_rows(l->ctx, file, package_len(file), l->admindir, data,
	    len);
	free(data);
	return rc;
}

/* 0, or -1 when out of memory; a listing refused is a warning. */
static int
list_info(struct listing *l)
{
	int rc;

	if (l->listed)
		return 0;
	l->listed = 1;
	rc = dirlist_read(gen_collect(l->ctx), l->info, is_list, &l->lists);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0)
		gen_warn(l->ctx, "%s: %s", l->info, strerror(-rc));
	return 0;
}

static int
all_packages(struct listing *l)
{
	size_t i;
	int rc, found;

	if ((rc = list_info(l)) != 0)
		return rc;
	for (i = 0; i < l->lists.n && rc == 0; i++)
		rc = list_rows(l, l->lists.v[i].name, &found);
	return rc;
}

/* A name dpkg could have given a package, and so a file name. */
static int
package_name_ok(const char *name)
{
	return *name != '\0' && strchr(name, '/') == NULL &&
	    strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* NAME.list, else the NAME:ARCH.list files of the listing. */
static int
one_package(struct listing *l, const char *name)
{
	char file[PATHGLOB_PATH_MAX];
	size_t i, n = strlen(name);
	int rc, found;

	if (!package_name_ok(name) ||
	    (size_t)snprintf(file, sizeof(file), "%s%s", name,
	    LIST_SUFFIX) >= sizeof(file))
		return 0;
	if ((rc = list_rows(l, file, &found)) != 0 || found)
		return rc;
	if ((rc = list_info(l)) != 0)
		return rc;
	for (i = 0; i < l->lists.n && rc == 0; i++)
		if (strncmp(l->lists.v[i].name, name, n) == 0 &&
		    l->lists.v[i].name[n] == ':')
			rc = list_rows(l, l->lists.v[i].name, &found);
	return rc;
}

static int
admindir_rows(struct gen_ctx *ctx, const char *admindir)
{
	struct listing l;
	const char *name;
	int i, n, rc = 0;

	memset(&l, 0, sizeof(l));
	l.ctx = ctx;
	l.admindir = admindir;
	if (dpkg_admindir_path(ctx, admindir, "info", l.info,
	    sizeof(l.info)) == -1)
		return 0;
	n = gen_count(ctx, C_PACKAGE, GEN_EQ);
	if (n == 0)
		rc = all_packages(&l);
	for (i = 0; i < n && rc == 0; i++)
		if ((name = gen_text(ctx, C_PACKAGE, GEN_EQ, i)) != NULL)
			rc = one_package(&l, name);
	dirlist_free(&l.lists);
	return rc;
}

static int
deb_package_files_generate(struct gen_ctx *ctx)
{
	return dpkg_admindir_each(ctx, C_ADMINDIR, admindir_rows);
}

const struct table table_deb_package_files = {
	.name = "deb_package_files",
	.description = "Files installed by the DEB packages of the host.",
	.example = "SELECT path FROM deb_package_files "
	    "WHERE package = 'openssh-server'",
	.columns = deb_package_files_columns,
	.ncolumns = NCOLUMNS(deb_package_files_columns),
	.generate = deb_package_files_generate,
};
