/*
 * Gathering the files a query on `file` or `hash` names, from its path
 * and directory constraints.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filepaths.h"
#include "pathglob.h"

/* One gathering: the query, the list it fills, the bounds it shares. */
struct gather {
	struct gen_ctx		*ctx;
	struct filepaths	*fp;
	struct pathglob_limits	 lim;
	int			 cut;
	int			 nomem;
	/* Directories a `directory LIKE` walk found, to be listed. */
	char			**dirs;
	size_t			 ndirs;
	size_t			 capdirs;
	/* The directory being listed for `directory = X`. */
	const char		*listing;
};

void
filepaths_warn(struct gen_ctx *ctx, struct filepaths *fp, const char *fmt,
    ...)
{
	char line[1024];
	va_list ap;

	if (fp->nwarn++ >= FILEPATHS_MAX_WARN)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	gen_warn(ctx, "%s", line);
}

void
filepaths_warn_end(struct gen_ctx *ctx, struct filepaths *fp)
{
	if (fp->nwarn > FILEPATHS_MAX_WARN)
		gen_warn(ctx, "%u more warnings like these not shown",
		    fp->nwarn - FILEPATHS_MAX_WARN);
}

static void
filepath_clear(struct filepath *f)
{
	free(f->path);
	free(f->real);
	free(f->directory);
}

void
filepaths_free(struct filepaths *fp)
{
	size_t i;

	for (i = 0; i < fp->n; i++)
		filepath_clear(&fp->v[i]);
	free(fp->v);
	memset(fp, 0, sizeof(*fp));
}

static int
add_file(struct gather *g, const char *path, const char *directory,
    unsigned int d_type)
{
	struct filepaths *fp = g->fp;
	struct filepath *v;
	char real[PATHGLOB_PATH_MAX];
	size_t cap;
	int dir_only;

	if (pathglob_canonical(path, real, sizeof(real), &dir_only) == -1) {
		filepaths_warn(g->ctx, fp, "skipped %s: it holds \"..\" or "
		    "is too long", path);
		return 0;
	}
	if (fp->n == fp->cap) {
		cap = fp->cap ? fp->cap * 2 : 64;
		if ((v = reallocarray(fp->v, cap, sizeof(*v))) == NULL)
			goto nomem;
		fp->v = v;
		fp->cap = cap;
	}
	v = &fp->v[fp->n];
	v->path = strdup(path);
	v->real = strdup(real);
	v->directory = strdup(directory);
	v->d_type = d_type;
	v->dir_only = dir_only;
	if (v->path == NULL || v->real == NULL || v->directory == NULL) {
		filepath_clear(v);
		goto nomem;
	}
	fp->n++;
	return 0;
nomem:
	g->nomem = 1;
	return -1;
}

/* A path with the directory osquery gives it: the one it sits in. */
static int
add_path(struct gather *g, const char *path, unsigned int d_type)
{
	char dir[PATHGLOB_PATH_MAX];

	if (pathglob_dirname(path, dir, sizeof(dir)) == -1)
		return 0;
	return add_file(g, path, dir, d_type);
}

static int
list_dir(void *arg, const char *dir, pathglob_entry_fn fn, void *fnarg)
{
	struct gather *g = arg;
	char real[PATHGLOB_PATH_MAX];
	int dir_only, rc;

	if (pathglob_canonical(dir, real, sizeof(real), &dir_only) == -1) {
		filepaths_warn(g->ctx, g->fp, "skipped %s: it holds \"..\" "
		    "or is too long", dir);
		return -EINVAL;
	}
	rc = collect_list_dir(gen_collect(g->ctx), real, fn, fnarg);
	if (rc < 0 && rc != -ENOENT && rc != -ENOTDIR)
		filepaths_warn(g->ctx, g->fp, "cannot list %s: %s", dir,
		    strerror(-rc));
	return rc;
}

static int
emit_path(void *arg, const char *path, unsigned int d_type)
{
	return add_path(arg, path, d_type);
}

static int
emit_dir(void *arg, const char *path, unsigned int d_type)
{
	struct gather *g = arg;
	char **v;
	size_t cap;

	(void)d_type;
	if (g->ndirs == g->capdirs) {
		cap = g->capdirs ? g->capdirs * 2 : 16;
		if ((v = reallocarray(g->dirs, cap, sizeof(*v))) == NULL)
			goto nomem;
		g->dirs = v;
		g->capdirs = cap;
	}
	if ((g->dirs[g->ndirs] = strdup(path)) == NULL)
		goto nomem;
	g->ndirs++;
	return 0;
nomem:
	g->nomem = 1;
	return -1;
}

/* Walk one LIKE pattern; -1 after gen_error() when it cannot be used. */
static int
walk_pattern(struct gather *g, const char *col, const char *pattern,
    unsigned int flags)
{
	struct pathglob_ops ops = { list_dir, emit_path, g };
	struct pathglob pg;
	const char *why;

	if (pathglob_compile(pattern, &pg, &why) == -1) {
		gen_error(g->ctx, "%s LIKE '%s': %s", col, pattern, why);
		return -1;
	}
	if (flags & PATHGLOB_DIRS)
		ops.emit = emit_dir;
	g->cut |= pathglob_walk(&pg, flags, &ops, &g->lim);
	pathglob_free(&pg);
	return 0;
}

static int
on_dir_entry(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct gather *g = arg;
	char path[PATHGLOB_PATH_MAX];

	(void)ino;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return 0;
	if (*name == '\0' || strchr(name, '/') != NULL)
		return 0;	/* not a name a directory can hold */
	if (++g->lim.entries > g->lim.max_entries) {
		g->cut |= PATHGLOB_CUT_ENTRIES;
		return 1;
	}
	if (pathglob_join(g->listing, name, path, sizeof(path)) == -1) {
		g->cut |= PATHGLOB_CUT_LENGTH;
		return 0;
	}
	return add_file(g, path, g->listing, d_type) == -1;
}

/* Every entry of directory dir, which is the directory column's value. */
static void
list_directory(struct gather *g, const char *dir)
{
	if (*dir != '/') {
		filepaths_warn(g->ctx, g->fp, "directory '%s' is not absolute",
		    dir);
		return;
	}
	if (g->cut & PATHGLOB_CUT_ENTRIES)
		return;
	g->listing = dir;
	(void)list_dir(g, dir, on_dir_entry, g);
	g->listing = NULL;
}

static int
gather_paths(struct gather *g, int col)
{
	const char *v;
	int i, n;

	n = gen_count(g->ctx, col, GEN_EQ);
	for (i = 0; i < n && !g->nomem; i++) {
		if ((v = gen_text(g->ctx, col, GEN_EQ, i)) == NULL)
			continue;
		if (*v != '/') {
			filepaths_warn(g->ctx, g->fp, "path '%s' is not "
			    "absolute", v);
			continue;
		}
		(void)add_path(g, v, DT_UNKNOWN);
	}
	n = gen_count(g->ctx, col, GEN_LIKE);
	for (i = 0; i < n && !g->nomem; i++) {
		if ((v = gen_text(g->ctx, col, GEN_LIKE, i)) == NULL)
			continue;
		if (walk_pattern(g, "path", v, 0) == -1)
			return -1;
	}
	return 0;
}

static int
gather_directories(struct gather *g, int col)
{
	const char *v;
	size_t k;
	int i, n;

	n = gen_count(g->ctx, col, GEN_EQ);
	for (i = 0; i < n && !g->nomem; i++)
		if ((v = gen_text(g->ctx, col, GEN_EQ, i)) != NULL)
			list_directory(g, v);
	n = gen_count(g->ctx, col, GEN_LIKE);
	for (i = 0; i < n && !g->nomem; i++) {
		if ((v = gen_text(g->ctx, col, GEN_LIKE, i)) == NULL)
			continue;
		if (walk_pattern(g, "directory", v, PATHGLOB_DIRS) == -1)
			return -1;
	}
	for (k = 0; k < g->ndirs && !g->nomem; k++)
		list_directory(g, g->dirs[k]);
	return 0;
}

static int
filepath_cmp(const void *a, const void *b)
{
	const struct filepath *x = a, *y = b;
	int c;

	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	return strcmp(x->directory, y->directory);
}

/* Sort by path and drop what two constraints both named. */
static void
sort_unique(struct filepaths *fp)
{
	size_t i, j;

	if (fp->n < 2)
		return;
	qsort(fp->v, fp->n, sizeof(*fp->v), filepath_cmp);
	for (i = 0, j = 1; j < fp->n; j++) {
		if (filepath_cmp(&fp->v[i], &fp->v[j]) == 0) {
			filepath_clear(&fp->v[j]);
			continue;
		}
		fp->v[++i] = fp->v[j];
	}
	fp->n = i + 1;
}

static void
warn_cut(struct gather *g)
{
	if (g->cut & PATHGLOB_CUT_ENTRIES)
		gen_warn(g->ctx, "stopped after %llu directory entries; "
		    "narrow the pattern",
		    (unsigned long long)g->lim.max_entries);
	if (g->cut & PATHGLOB_CUT_DEPTH)
		gen_warn(g->ctx, "a recursive pattern was not followed "
		    "deeper than %d levels", g->lim.max_depth);
	if (g->cut & PATHGLOB_CUT_LENGTH)
		gen_warn(g->ctx, "paths longer than %d bytes were skipped",
		    PATHGLOB_PATH_MAX - 1);
}

static int
constrained(struct gen_ctx *ctx, int col)
{
	return gen_count(ctx, col, GEN_EQ) > 0 ||
	    gen_count(ctx, col, GEN_LIKE) > 0;
}

int
filepaths_gather(struct gen_ctx *ctx, int col_path,
    int col_dir, struct filepaths *fp)
{
	struct gather g;
	size_t k;
	int rc = 0;

	memset(fp, 0, sizeof(*fp));
	if (!constrained(ctx, col_path) && !constrained(ctx, col_dir)) {
		gen_error(ctx, "the query must give path or directory (with "
		    "=, IN or LIKE)");
		return -1;
	}
	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	g.fp = fp;
	pathglob_limits_init(&g.lim);
	if (gather_paths(&g, col_path) == -1 ||
	    gather_directories(&g, col_dir) == -1)
		rc = -1;
	for (k = 0; k < g.ndirs; k++)
		free(g.dirs[k]);
	free(g.dirs);
	if (rc == 0 && (g.nomem || (g.cut & PATHGLOB_NOMEM))) {
		gen_error(ctx, "out of memory");
		rc = -1;
	}
	if (rc == -1) {
		filepaths_free(fp);
		return -1;
	}
	warn_cut(&g);
	sort_unique(fp);
	return 0;
}

int
filepaths_each(struct gen_ctx *ctx, int col_path, int col_dir,
    int col_pid_with_namespace, filepath_row_fn row, void *arg)
{
	struct filepaths fp;
	size_t i;
	int rc = 0;

	if (gen_count(ctx, col_pid_with_namespace, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	if (filepaths_gather(ctx, col_path, col_dir, &fp) == -1)
		return -1;
	for (i = 0; i < fp.n && rc == 0; i++)
		rc = row(ctx, &fp, &fp.v[i], arg);
	filepaths_warn_end(ctx, &fp);
	filepaths_free(&fp);
	if (rc == -1)
		gen_error(ctx, "out of memory");
	return rc;
}
