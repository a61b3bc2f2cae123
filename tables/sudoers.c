/*
 * sudoers: the rules of /etc/sudoers and of the files it includes, in
 * the order sudo reads them.  An include directive is a row of its own
 * (header "include" or "includedir") followed by the rows of what it
 * names; the files of an included directory are read in name order,
 * leaving out those whose name holds a '.' or ends in '~', as sudo does.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "pathglob.h"
#include "sudoers_parse.h"

#define SUDOERS_MAIN	"/etc/sudoers"
#define SUDOERS_CAP	(4u << 20)
/* sudoers(5): no more than 128 files may be nested. */
#define SUDOERS_MAX_DEPTH	128

enum {
	SU_SOURCE,
	SU_HEADER,
	SU_RULE_DETAILS,
};

static const struct column sudoers_columns[] = {
	{ "source", COL_TEXT, 0, NULL, "Source file containing details" },
	{ "header", COL_TEXT, 0, NULL, "Symbol for given rule" },
	{ "rule_details", COL_TEXT, 0, NULL, "Rule definition" },
};

static int	sudoers_file(struct gen_ctx *, const char *, int);

static int
sudoers_row(struct gen_ctx *ctx, const char *source, struct span header,
    struct span details)
{
	row_begin(ctx);
	row_text(ctx, SU_SOURCE, source);
	row_textn(ctx, SU_HEADER, header.p, header.len);
	row_textn(ctx, SU_RULE_DETAILS, details.p, details.len);
	return row_end(ctx);
}

/* An included path as sudo takes it: one that is not absolute is in the
 * directory of the file that names it.  -1 when it cannot be used. */
static int
include_path(const char *from, struct span p, char *buf, size_t len)
{
	char dir[PATH_MAX], name[PATH_MAX], joined[PATH_MAX];
	int dir_only;

	if (p.len == 0 || p.len >= sizeof(name) || memchr(p.p, '\0', p.len))
		return -1;
	memcpy(name, p.p, p.len);
	name[p.len] = '\0';
	if (name[0] != '/') {
		if (pathglob_dirname(from, dir, sizeof(dir)) == -1 ||
		    pathglob_join(dir, name, joined, sizeof(joined)) == -1)
			return -1;
	} else
		memcpy(joined, name, p.len + 1);
	return pathglob_canonical(joined, buf, len, &dir_only);
}

/* sudo reads the files of an included directory whose name holds no
 * '.' and does not end in '~'. */
static int
sudo_reads(const char *name, unsigned int d_type)
{
	size_t l = strlen(name);

	return d_type != DT_DIR && l > 0 && strchr(name, '.') == NULL &&
	    name[l - 1] != '~';
}

static int
sudoers_dir(struct gen_ctx *ctx, const char *dir, int depth)
{
	struct dirlist dl;
	char path[PATH_MAX];
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, sudo_reads, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0, rc = 0; i < dl.n && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0 &&
		    dirlist_is_regular(gen_collect(ctx), path))
			rc = sudoers_file(ctx, path, depth + 1);
	dirlist_free(&dl);
	return rc;
}

/* The row of an include directive, then what it names. */
static int
sudoers_include(struct gen_ctx *ctx, const char *source,
    const struct sudoers_entry *e, int depth)
{
	static const struct span inc = { "include", 7 };
	static const struct span incdir = { "includedir", 10 };
	char path[PATH_MAX];
	struct span p;

	if (include_path(source, e->details, path, sizeof(path)) == -1) {
		gen_warn(ctx, "%s: cannot follow %.*s %.*s", source,
		    (int)e->header.len, e->header.p, (int)e->details.len,
		    e->details.p);
		return sudoers_row(ctx, source, e->kind == SUDOERS_INCLUDE ?
		    inc : incdir, e->details);
	}
	p.p = path;
	p.len = strlen(path);
	if (sudoers_row(ctx, source, e->kind == SUDOERS_INCLUDE ? inc :
	    incdir, p) == -1)
		return -1;
	if (depth >= SUDOERS_MAX_DEPTH) {
		gen_warn(ctx, "%s: includes nested deeper than %d files",
		    source, SUDOERS_MAX_DEPTH);
		return 0;
	}
	return e->kind == SUDOERS_INCLUDE ? sudoers_file(ctx, path,
	    depth + 1) : sudoers_dir(ctx, path, depth);
}

/* The rows of one file and of everything it includes; -1 when out of
 * memory. */
static int
sudoers_file(struct gen_ctx *ctx, const char *path, int depth)
{
	struct sudoers_entry e;
	char *data = NULL, *out;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, SUDOERS_CAP, &data,
	    &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	if ((out = malloc(len + 1)) == NULL) {
		free(data);
		return -1;
	}
	rc = 0;
	while (rc == 0 && sudoers_next(data, len, &off, out, &e)) {
		if (e.kind == SUDOERS_RULE)
			rc = sudoers_row(ctx, path, e.header, e.details);
		else
			rc = sudoers_include(ctx, path, &e, depth);
	}
	free(out);
	free(data);
	return rc;
}

static int
sudoers_generate(struct gen_ctx *ctx)
{
	if (sudoers_file(ctx, SUDOERS_MAIN, 1) == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_sudoers = {
	.name = "sudoers",
	.description = "Rules for running commands as other users via sudo.",
	.example = "SELECT source, header, rule_details FROM sudoers "
	    "WHERE rule_details LIKE '%NOPASSWD%'",
	.columns = sudoers_columns,
	.ncolumns = NCOLUMNS(sudoers_columns),
	.generate = sudoers_generate,
};
