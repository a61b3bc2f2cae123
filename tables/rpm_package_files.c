/*
 * rpm_package_files: the files of the packages of the RPM database, as
 * rpm -ql lists them, with the owner, mode, size and digest the package
 * gives each.  `WHERE package = X` reads only X's header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpmdb.h"
#include "table.h"

/* More directories than any package has: a header claiming them is
 * damaged, and its paths are left out. */
#define DIRS_MAX	(1u << 20)

enum {
	C_PACKAGE,
	C_PATH,
	C_USERNAME,
	C_GROUPNAME,
	C_MODE,
	C_SIZE,
	C_SHA256,
};

static const struct column rpm_package_files_columns[] = {
	[C_PACKAGE] = { "package", COL_TEXT, COL_INDEX | COL_OPTIMIZED, NULL,
	    "RPM package name" },
	[C_PATH] = { "path", COL_TEXT, COL_INDEX, NULL,
	    "File path within the package" },
	[C_USERNAME] = { "username", COL_TEXT, 0, NULL,
	    "File default username from info DB" },
	[C_GROUPNAME] = { "groupname", COL_TEXT, 0, NULL,
	    "File default groupname from info DB" },
	[C_MODE] = { "mode", COL_TEXT, 0, NULL,
	    "File permissions mode from info DB" },
	[C_SIZE] = { "size", COL_BIGINT, 0, NULL,
	    "Expected file size in bytes from RPM info DB" },
	[C_SHA256] = { "sha256", COL_TEXT, 0, "nocase",
	    "SHA256 file digest from RPM info DB (NULL when the package "
	    "digests its files otherwise, or the file has none)" },
};

/* The per-file arrays of one header, each checked to hold a value per
 * file or left out. */
struct files {
	struct span		 package;
	uint32_t		 count;
	struct span		*dirs;		/* DIRNAMES, for DIRINDEXES */
	uint32_t		 ndirs;
	struct rpmhdr_value	 dirindexes, modes, sizes;
	struct rpmhdr_strings	 names, users, groups, digests;
	int			 has_dirindexes, has_modes, has_sizes;
	int			 has_users, has_groups, has_digests;
	int			 old_names;	/* OLDFILENAMES: whole paths */
};

/* A string array with a string per file, or nothing. */
static int
per_file_strings(const struct rpmhdr *h, uint32_t tag, uint32_t count,
    struct rpmhdr_strings *s)
{
	struct rpmhdr_value v;

	if (rpmhdr_get(h, tag, &v) == -1 || v.count != count ||
	    rpmhdr_strings(&v, s) == -1)
		return 0;
	return 1;
}

static int
per_file_numbers(const struct rpmhdr *h, uint32_t tag, uint32_t count,
    struct rpmhdr_value *v)
{
	return rpmhdr_get(h, tag, v) == 0 && v->count == count &&
	    rpmhdr_is_number(v);
}

/* DIRNAMES as an array, for DIRINDEXES to index; -1 out of memory. */
static int
load_dirs(const struct rpmhdr *h, struct files *f)
{
	struct rpmhdr_value v;
	struct rpmhdr_strings s;
	uint32_t i;

	if (rpmhdr_get(h, RPMTAG_DIRNAMES, &v) == -1 ||
	    rpmhdr_strings(&v, &s) == -1 || v.count > DIRS_MAX)
		return 0;
	if ((f->dirs = calloc(v.count, sizeof(*f->dirs))) == NULL)
		return -1;
	for (i = 0; i < v.count && rpmhdr_strings_next(&s, &f->dirs[i]); i++)
		;
	f->ndirs = i;
	return 0;
}

/* 0 with the arrays of a header that lists files, 1 when it lists
 * none, -1 when out of memory. */
static int
load_files(const struct rpmhdr *h, struct files *f)
{
	struct rpmhdr_value names;
	uint32_t algo;
	uint64_t a;

	memset(f, 0, sizeof(*f));
	if (rpmhdr_string(h, RPMTAG_NAME, &f->package) == -1)
		return 1;
	if (rpmhdr_get(h, RPMTAG_BASENAMES, &names) == -1) {
		if (rpmhdr_get(h, RPMTAG_OLDFILENAMES, &names) == -1)
			return 1;
		f->old_names = 1;
	}
	if (rpmhdr_strings(&names, &f->names) == -1)
		return 1;
	f->count = names.count;
	if (!f->old_names) {
		f->has_dirindexes = per_file_numbers(h, RPMTAG_DIRINDEXES,
		    f->count, &f->dirindexes);
		if (load_dirs(h, f) == -1)
			return -1;
	}
	f->has_modes = per_file_numbers(h, RPMTAG_FILEMODES, f->count,
	    &f->modes);
	f->has_sizes = per_file_numbers(h, RPMTAG_LONGFILESIZES, f->count,
	    &f->sizes) || per_file_numbers(h, RPMTAG_FILESIZES, f->count,
	    &f->sizes);
	f->has_users = per_file_strings(h, RPMTAG_FILEUSERNAME, f->count,
	    &f->users);
	f->has_groups = per_file_strings(h, RPMTAG_FILEGROUPNAME, f->count,
	    &f->groups);
	algo = rpmhdr_number(h, RPMTAG_FILEDIGESTALGO, &a) == 0 ?
	    (uint32_t)a : RPM_DIGEST_MD5;
	if (algo == RPM_DIGEST_SHA256)
		f->has_digests = per_file_strings(h, RPMTAG_FILEDIGESTS,
		    f->count, &f->digests);
	return 0;
}

/* The path of file i: its directory and base name; -1 when the header
 * does not say. */
static int
file_path(const struct files *f, uint32_t i, struct span base, char *buf,
    size_t len)
{
	uint64_t d;
	int n;

	if (f->old_names)
		n = snprintf(buf, len, "%.*s", (int)base.len, base.p);
	else {
		if (!f->has_dirindexes)
			return -1;
		d = rpmhdr_value_number(&f->dirindexes, i);
		if (d >= f->ndirs)
			return -1;
		n = snprintf(buf, len, "%.*s%.*s", (int)f->dirs[d].len,
		    f->dirs[d].p, (int)base.len, base.p);
	}
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static void
row_next_string(struct gen_ctx *ctx, int col, int has,
    struct rpmhdr_strings *s, int nonempty)
{
	struct span v;

	if (!has || !rpmhdr_strings_next(s, &v))
		return;
	if (!nonempty || v.len > 0)
		row_textn(ctx, col, v.p, v.len);
}

static int
file_row(struct gen_ctx *ctx, struct files *f, uint32_t i, char *path,
    size_t pathlen)
{
	struct span base;
	char mode[8];
	uint64_t v;

	if (!rpmhdr_strings_next(&f->names, &base))
		return 0;
	row_begin(ctx);
	row_textn(ctx, C_PACKAGE, f->package.p, f->package.len);
	if (file_path(f, i, base, path, pathlen) == 0)
		row_text(ctx, C_PATH, path);
	row_next_string(ctx, C_USERNAME, f->has_users, &f->users, 0);
	row_next_string(ctx, C_GROUPNAME, f->has_groups, &f->groups, 0);
	if (f->has_modes) {
		v = rpmhdr_value_number(&f->modes, i);
		snprintf(mode, sizeof(mode), "%04o", (unsigned int)(v & 07777));
		row_text(ctx, C_MODE, mode);
	}
	if (f->has_sizes && (v = rpmhdr_value_number(&f->sizes, i)) <=
	    INT64_MAX)
		row_int(ctx, C_SIZE, (int64_t)v);
	row_next_string(ctx, C_SHA256, f->has_digests, &f->digests, 1);
	return row_end(ctx);
}

static int
package_files(struct gen_ctx *ctx, const struct rpmhdr *h, void *arg)
{
	struct files f;
	char *path;
	size_t pathlen = 2 * 4096 + 1;
	uint32_t i;
	int rc;

	(void)arg;
	if ((rc = load_files(h, &f)) != 0)
		return rc == 1 ? 0 : -1;
	if ((path = malloc(pathlen)) == NULL) {
		free(f.dirs);
		return -1;
	}
	for (i = 0, rc = 0; i < f.count && rc == 0; i++)
		rc = file_row(ctx, &f, i, path, pathlen);
	free(path);
	free(f.dirs);
	return rc;
}

static int
rpm_package_files_generate(struct gen_ctx *ctx)
{
	const char **names;
	size_t n;
	int rc;

	if (rpmdb_wanted_names(ctx, C_PACKAGE, &names, &n) == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	rc = rpmdb_each(ctx, names, n, package_files, NULL);
	free(names);
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_rpm_package_files = {
	.name = "rpm_package_files",
	.description = "Files of the RPM packages installed on the host "
	    "system.",
	.example = "SELECT path, mode, sha256 FROM rpm_package_files "
	    "WHERE package = 'openssh-server'",
	.columns = rpm_package_files_columns,
	.ncolumns = NCOLUMNS(rpm_package_files_columns),
	.generate = rpm_package_files_generate,
};
