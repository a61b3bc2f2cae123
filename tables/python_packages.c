/*
 * python_packages: the Python distributions installed in the system's
 * site directories (/usr/lib/python3/dist-packages and the like) and in
 * each user's (~/.local/lib/python3.X/site-packages, pyenv's versions),
 * one row per *.dist-info or *.egg-info entry, described by its METADATA
 * or PKG-INFO.
 *
 * `WHERE directory = X` reads only X; `WHERE uid = N` reads only the
 * directories of the users with that uid.  Rows of system directories
 * have no uid.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "globdirs.h"
#include "homes.h"
#include "pathglob.h"
#include "pymeta.h"
#include "table.h"

/* The header is at the top; a long description may follow it. */
#define METADATA_CAP	(64u << 10)

/* Site directories: a literal directory and a pattern below it. */
struct site_pattern {
	const char	*base;
	const char	*pattern;
};

static const struct site_pattern system_sites[] = {
	{ "/usr/local/lib", "python%/dist-packages" },
	{ "/usr/local/lib", "python%/site-packages" },
	{ "/usr/local/lib64", "python%/site-packages" },
	{ "/usr/lib", "python%/dist-packages" },
	{ "/usr/lib", "python%/site-packages" },
	{ "/usr/lib64", "python%/site-packages" },
};

/* Below a home directory. */
static const char *const user_sites[] = {
	".local/lib/python%/site-packages",
	".pyenv/versions/%/lib/python%/site-packages",
};

enum {
	C_NAME,
	C_UID,
	C_VERSION,
	C_SUMMARY,
	C_AUTHOR,
	C_LICENSE,
	C_PATH,
	C_DIRECTORY,
	C_PID_WITH_NAMESPACE,
};

static const struct column python_packages_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL, "Package display name" },
	[C_UID] = { "uid", COL_BIGINT, COL_INDEX, NULL,
	    "The local user that owns the package's directory (NULL for the "
	    "system's)" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version",
	    "Package-supplied version" },
	[C_SUMMARY] = { "summary", COL_TEXT, 0, NULL,
	    "Package-supplied summary" },
	[C_AUTHOR] = { "author", COL_TEXT, 0, NULL,
	    "Optional package author" },
	[C_LICENSE] = { "license", COL_TEXT, 0, NULL,
	    "License under which package is launched" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL,
	    "Path at which this module resides" },
	[C_DIRECTORY] = { "directory", COL_TEXT, COL_INDEX | COL_OPTIMIZED,
	    NULL, "Directory where Python modules are located" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
};

/* One site directory to read, and who owns it. */
struct site {
	const char	*dir;
	int		 has_uid;
	uint32_t	 uid;
};

static int
is_distribution(const char *name, unsigned int d_type)
{
	(void)d_type;
	return dirlist_has_suffix(name, ".dist-info") ||
	    dirlist_has_suffix(name, ".egg-info");
}

static void
row_meta(struct gen_ctx *ctx, int col, struct span s, int has)
{
	if (has)
		row_textn(ctx, col, s.len ? s.p : "", s.len);
}

/*
 * The metadata of a distribution: METADATA in a .dist-info directory,
 * PKG-INFO in an .egg-info one, or the .egg-info file itself, which is
 * what distutils wrote.  NULL when there is none to read.
 */
static char *
read_metadata(struct gen_ctx *ctx, const char *path, const char *name,
    unsigned int d_type, size_t *len)
{
	char file[PATHGLOB_PATH_MAX];
	const char *inner;
	char *data = NULL;
	int rc;

	inner = dirlist_has_suffix(name, ".dist-info") ? "METADATA" :
	    "PKG-INFO";
	rc = -ENOTDIR;
	if (d_type != DT_REG &&
	    dirlist_path(path, inner, file, sizeof(file)) == 0)
		rc = collect_read_file(gen_collect(ctx), file, METADATA_CAP,
		    &data, len);
	if (rc == -ENOTDIR && strcmp(inner, "PKG-INFO") == 0)
		rc = collect_read_file(gen_collect(ctx), path, METADATA_CAP,
		    &data, len);
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return NULL;
	}
	return data;
}

static int
distribution_row(struct gen_ctx *ctx, const struct site *s,
    const struct dirent_name *e)
{
	char path[PATHGLOB_PATH_MAX];
	struct pymeta m;
	char *data;
	size_t len = 0;
	int rc;

	if (dirlist_path(s->dir, e->name, path, sizeof(path)) == -1)
		return 0;
	data = read_metadata(ctx, path, e->name, e->d_type, &len);
	if (data == NULL || pymeta_parse(data, len, &m) == -1)
		memset(&m, 0, sizeof(m));
	row_begin(ctx);
	row_meta(ctx, C_NAME, m.name, m.has_name);
	if (s->has_uid)
		row_int(ctx, C_UID, s->uid);
	row_meta(ctx, C_VERSION, m.version, m.has_version);
	row_meta(ctx, C_SUMMARY, m.summary, m.has_summary);
	row_meta(ctx, C_AUTHOR, m.author, m.has_author);
	row_meta(ctx, C_LICENSE, m.license, m.has_license);
	row_text(ctx, C_PATH, path);
	row_text(ctx, C_DIRECTORY, s->dir);
	rc = row_end(ctx);
	free(data);
	return rc;
}

static int
site_rows(struct gen_ctx *ctx, const struct site *s)
{
	struct dirlist dl;
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), s->dir, is_distribution, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(ctx, "%s: %s", s->dir, strerror(-rc));
		return 0;
	}
	for (i = 0; i < dl.n && rc == 0; i++)
		rc = distribution_row(ctx, s, &dl.v[i]);
	dirlist_free(&dl);
	return rc;
}

/* The rows of the site directories found. */
static int
sites_rows(struct gen_ctx *ctx, struct globdirs *g, const struct site *owner)
{
	struct site s = *owner;
	size_t i;
	int rc = 0;

	for (i = 0; i < g->n && rc == 0; i++) {
		s.dir = g->v[i];
		rc = site_rows(ctx, &s);
	}
	return rc;
}

static int
system_rows(struct gen_ctx *ctx)
{
	struct site owner = { NULL, 0, 0 };
	struct globdirs g;
	size_t i;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	for (i = 0; i < sizeof(system_sites) / sizeof(system_sites[0]) &&
	    rc == 0; i++)
		rc = globdirs_add(ctx, system_sites[i].base,
		    system_sites[i].pattern, &g);
	if (rc == 0)
		rc = sites_rows(ctx, &g, &owner);
	globdirs_free(&g);
	return rc;
}

static int
home_rows(struct gen_ctx *ctx, const struct home *home)
{
	struct site owner = { NULL, 1, home->uid };
	struct globdirs g;
	size_t i;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	for (i = 0; i < sizeof(user_sites) / sizeof(user_sites[0]) &&
	    rc == 0; i++)
		rc = globdirs_add(ctx, home->dir, user_sites[i], &g);
	if (rc == 0)
		rc = sites_rows(ctx, &g, &owner);
	globdirs_free(&g);
	return rc;
}

static int
uid_wanted(struct gen_ctx *ctx, uint32_t uid)
{
	int i, n = gen_count(ctx, C_UID, GEN_EQ);

	for (i = 0; i < n; i++)
		if (gen_int(ctx, C_UID, GEN_EQ, i) == (int64_t)uid)
			return 1;
	return n == 0;
}

static int
user_rows(struct gen_ctx *ctx)
{
	struct homes h;
	size_t i;
	int rc;

	if (homes_read(ctx, &h) == -1)
		return -1;
	for (i = 0, rc = 0; i < h.n && rc == 0; i++)
		if (uid_wanted(ctx, h.v[i].uid))
			rc = home_rows(ctx, &h.v[i]);
	homes_free(&h);
	return rc;
}

static int
directory_rows(struct gen_ctx *ctx)
{
	struct site s = { NULL, 0, 0 };
	int i, n, rc = 0;

	n = gen_count(ctx, C_DIRECTORY, GEN_EQ);
	for (i = 0; i < n && rc == 0; i++)
		if ((s.dir = gen_text(ctx, C_DIRECTORY, GEN_EQ, i)) != NULL)
			rc = site_rows(ctx, &s);
	return rc;
}

static int
python_packages_generate(struct gen_ctx *ctx)
{
	int rc;

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	if (gen_count(ctx, C_DIRECTORY, GEN_EQ) > 0)
		rc = directory_rows(ctx);
	else {
		rc = 0;
		if (gen_count(ctx, C_UID, GEN_EQ) == 0)
			rc = system_rows(ctx);
		if (rc == 0)
			rc = user_rows(ctx);
	}
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_python_packages = {
	.name = "python_packages",
	.description = "Python packages installed in a system.",
	.example = "SELECT name, version, directory FROM python_packages "
	    "WHERE name = 'requests'",
	.columns = python_packages_columns,
	.ncolumns = NCOLUMNS(python_packages_columns),
	.generate = python_packages_generate,
};
