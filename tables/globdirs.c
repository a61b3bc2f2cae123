/*
 * Directories named by a pattern below a directory, one segment at a
 * time through privd.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "globdirs.h"
#include "pathglob.h"

#define SEGMENT_MAX	256

int
globdirs_add_path(struct globdirs *g, const char *path)
{
	char **v;
	size_t cap;

	if (g->n == g->cap) {
		cap = g->cap ? g->cap * 2 : 16;
		if ((v = reallocarray(g->v, cap, sizeof(*v))) == NULL)
			return -1;
		g->v = v;
		g->cap = cap;
	}
	if ((g->v[g->n] = strdup(path)) == NULL)
		return -1;
	g->n++;
	return 0;
}

void
globdirs_free(struct globdirs *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->v[i]);
	free(g->v);
	memset(g, 0, sizeof(*g));
}

static int
may_be_dir(unsigned int d_type)
{
	return d_type == DT_DIR || d_type == DT_LNK || d_type == DT_UNKNOWN;
}

/* The entries of dir that seg matches, added to next. */
static int
match_entries(struct gen_ctx *ctx, const char *dir, const char *seg,
    struct globdirs *next)
{
	char path[PATHGLOB_PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, NULL, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR && rc != -EINVAL)
			gen_warn(ctx, "cannot list %s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0; i < dl.n && rc == 0; i++)
		if (may_be_dir(dl.v[i].d_type) &&
		    pathglob_match(seg, dl.v[i].name) &&
		    dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0)
			rc = globdirs_add_path(next, path);
	dirlist_free(&dl);
	return rc;
}

/* Every path of cur followed by one segment of the pattern. */
static int
step(struct gen_ctx *ctx, const struct globdirs *cur, const char *seg,
    struct globdirs *next)
{
	char path[PATHGLOB_PATH_MAX];
	size_t i;
	int rc = 0;

	for (i = 0; i < cur->n && rc == 0; i++) {
		if (pathglob_is_wild(seg))
			rc = match_entries(ctx, cur->v[i], seg, next);
		else if (dirlist_path(cur->v[i], seg, path, sizeof(path)) == 0)
			rc = globdirs_add_path(next, path);
	}
	return rc;
}

int
globdirs_add(struct gen_ctx *ctx, const char *base, const char *pattern,
    struct globdirs *out)
{
	struct globdirs cur, next;
	char seg[SEGMENT_MAX];
	const char *p = pattern, *end;
	size_t i, n;
	int rc = 0;

	memset(&cur, 0, sizeof(cur));
	if (globdirs_add_path(&cur, base) == -1)
		return -1;
	while (rc == 0 && *p != '\0') {
		end = strchr(p, '/');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		if (n > 0 && n < sizeof(seg)) {
			memcpy(seg, p, n);
			seg[n] = '\0';
			memset(&next, 0, sizeof(next));
			rc = step(ctx, &cur, seg, &next);
			globdirs_free(&cur);
			cur = next;
		}
		p += n + (end != NULL);
	}
	for (i = 0; i < cur.n && rc == 0; i++)
		rc = globdirs_add_path(out, cur.v[i]);
	globdirs_free(&cur);
	return rc;
}
