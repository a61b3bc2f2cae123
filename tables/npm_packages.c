/*
 * npm_packages: the Node packages installed under node_modules
 * directories: the global ones (/usr/lib, /usr/local/lib) and each
 * user's (~/.npm-global/lib, nvm's versions), or the directories a query
 * names with `WHERE directory = X`.  A package is a directory of
 * node_modules (or of an @scope in it) with a package.json; the packages
 * nested in a package's own node_modules are found too, down to
 * max_depth levels (100 unless the query sets it; -1 for no bound).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "globdirs.h"
#include "homes.h"
#include "npmpkg.h"
#include "pathglob.h"
#include "table.h"

#define MANIFEST_CAP	(1u << 20)
#define DEFAULT_MAX_DEPTH	100
/* Directories a walk may enter, whatever max_depth says. */
#define WALK_MAX_DIRS	100000

static const struct {
	const char	*base;
	const char	*pattern;
} system_sites[] = {
	{ "/usr/local/lib", "" },
	{ "/usr/lib", "" },
};

/* Below a home directory. */
static const char *const user_sites[] = {
	".npm-global/lib",
	".nvm/versions/node/%/lib",
};

enum {
	C_NAME,
	C_VERSION,
	C_DESCRIPTION,
	C_AUTHOR,
	C_LICENSE,
	C_HOMEPAGE,
	C_PATH,
	C_DIRECTORY,
	C_DEPTH,
	C_MAX_DEPTH,
	C_PID_WITH_NAMESPACE,
	C_MOUNT_NAMESPACE_ID,
};

static const struct column npm_packages_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL, "Package display name" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version",
	    "Package-supplied version" },
	[C_DESCRIPTION] = { "description", COL_TEXT, 0, NULL,
	    "Package-supplied description" },
	[C_AUTHOR] = { "author", COL_TEXT, 0, NULL,
	    "Package-supplied author" },
	[C_LICENSE] = { "license", COL_TEXT, 0, NULL,
	    "License under which package is launched" },
	[C_HOMEPAGE] = { "homepage", COL_TEXT, 0, NULL,
	    "Package supplied homepage" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL,
	    "Path of the package's package.json" },
	[C_DIRECTORY] = { "directory", COL_TEXT, COL_INDEX | COL_OPTIMIZED,
	    NULL, "Directory where node_modules are located" },
	[C_DEPTH] = { "depth", COL_INTEGER, 0, NULL,
	    "How deep the package is nested: 0 for the directory's own "
	    "node_modules" },
	[C_MAX_DEPTH] = { "max_depth", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "How deep nested node_modules are searched (default 100, -1 for "
	    "no bound)" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
	[C_MOUNT_NAMESPACE_ID] = { "mount_namespace_id", COL_TEXT,
	    COL_HIDDEN, NULL,
	    "Mount namespace id (not supported: always NULL)" },
};

/* A directory whose node_modules is to be read, at a depth. */
struct pending {
	char	*dir;
	int	 depth;
};

/* One walk from a site directory. */
struct walk {
	struct gen_ctx	*ctx;
	const char	*site;
	int		 max_depth;
	struct pending	*stack;
	size_t		 nstack, capstack;
	struct hq_stat	*seen;		/* node_modules entered, by inode */
	size_t		 nseen, capseen;
	size_t		 entered;
	int		 nomem;
};

static int
push(struct walk *w, const char *dir, int depth)
{
	struct pending *v;
	size_t cap;

	if (w->nstack == w->capstack) {
		cap = w->capstack ? w->capstack * 2 : 16;
		if ((v = reallocarray(w->stack, cap, sizeof(*v))) == NULL)
			return -1;
		w->stack = v;
		w->capstack = cap;
	}
	if ((w->stack[w->nstack].dir = strdup(dir)) == NULL)
		return -1;
	w->stack[w->nstack++].depth = depth;
	return 0;
}

/* Has this node_modules been entered already (a link back up)? */
static int
seen_before(struct walk *w, const struct hq_stat *st)
{
	struct hq_stat *v;
	size_t i, cap;

	for (i = 0; i < w->nseen; i++)
		if (w->seen[i].ino == st->ino && w->seen[i].dev == st->dev)
			return 1;
	if (w->nseen == w->capseen) {
		cap = w->capseen ? w->capseen * 2 : 64;
		if ((v = reallocarray(w->seen, cap, sizeof(*v))) == NULL) {
			w->nomem = 1;
			return 1;
		}
		w->seen = v;
		w->capseen = cap;
	}
	w->seen[w->nseen++] = *st;
	return 0;
}

static void
row_member(struct gen_ctx *ctx, int col, const char *v)
{
	if (v != NULL)
		row_text(ctx, col, v);
}

static int
manifest_row(struct walk *w, const char *json, const struct npm_manifest *m,
    int depth)
{
	struct gen_ctx *ctx = w->ctx;

	row_begin(ctx);
	if (m != NULL) {
		row_member(ctx, C_NAME, m->name);
		row_member(ctx, C_VERSION, m->version);
		row_member(ctx, C_DESCRIPTION, m->description);
		row_member(ctx, C_AUTHOR, m->author);
		row_member(ctx, C_LICENSE, m->license);
		row_member(ctx, C_HOMEPAGE, m->homepage);
	}
	row_text(ctx, C_PATH, json);
	row_text(ctx, C_DIRECTORY, w->site);
	row_int(ctx, C_DEPTH, depth);
	row_int(ctx, C_MAX_DEPTH, w->max_depth);
	return row_end(ctx);
}

/* Queue the package's own node_modules, if it has one not seen yet. */
static int
queue_nested(struct walk *w, const char *pkgdir, int depth)
{
	char path[PATHGLOB_PATH_MAX];
	struct hq_stat st;

	if (w->max_depth != -1 && depth >= w->max_depth)
		return 0;
	if (dirlist_path(pkgdir, "node_modules", path, sizeof(path)) == -1 ||
	    collect_stat(gen_collect(w->ctx), path, 1, &st) < 0 ||
	    !S_ISDIR(st.mode) || seen_before(w, &st))
		return w->nomem ? -1 : 0;
	return push(w, pkgdir, depth + 1);
}

/* The package in directory pkgdir, if it has a package.json. */
static int
package(struct walk *w, const char *pkgdir, int depth)
{
	struct npm_manifest m;
	char json[PATHGLOB_PATH_MAX], err[128];
	char *data = NULL;
	size_t len = 0;
	int rc, parsed;

	if (dirlist_path(pkgdir, "package.json", json, sizeof(json)) == -1)
		return 0;
	rc = collect_read_file(gen_collect(w->ctx), json, MANIFEST_CAP,
	    &data, &len);
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(w->ctx, "%s: %s", json, strerror(-rc));
		return 0;
	}
	parsed = npm_manifest_parse(data, len, &m, err, sizeof(err)) == 0;
	if (!parsed)
		gen_warn(w->ctx, "%s: %s", json, err);
	rc = manifest_row(w, json, parsed ? &m : NULL, depth);
	if (parsed)
		npm_manifest_free(&m);
	free(data);
	if (rc == 0)
		rc = queue_nested(w, pkgdir, depth);
	return rc;
}

/* The packages of one directory of packages (node_modules, or an @scope
 * in it). */
static int
packages_in(struct walk *w, const char *dir, int depth, int scopes)
{
	char path[PATHGLOB_PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(w->ctx), dir, NULL, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(w->ctx, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0; i < dl.n && rc == 0; i++) {
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == -1)
			continue;
		if (scopes && dl.v[i].name[0] == '@')
			rc = packages_in(w, path, depth, 0);
		else if (dl.v[i].name[0] != '.')
			rc = package(w, path, depth);
	}
	dirlist_free(&dl);
	return rc;
}

static int
walk_site(struct gen_ctx *ctx, const char *site, int max_depth)
{
	struct walk w;
	struct pending p;
	char modules[PATHGLOB_PATH_MAX];
	size_t i;
	int rc = 0;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.site = site;
	w.max_depth = max_depth;
	if (push(&w, site, 0) == -1)
		return -1;
	while (rc == 0 && w.nstack > 0) {
		p = w.stack[--w.nstack];
		if (++w.entered > WALK_MAX_DIRS) {
			gen_warn(ctx, "%s: stopped after %d node_modules "
			    "directories", site, WALK_MAX_DIRS);
			free(p.dir);
			break;
		}
		if (dirlist_path(p.dir, "node_modules", modules,
		    sizeof(modules)) == 0)
			rc = packages_in(&w, modules, p.depth, 1);
		free(p.dir);
	}
	for (i = 0; i < w.nstack; i++)
		free(w.stack[i].dir);
	free(w.stack);
	free(w.seen);
	return rc;
}

static int
max_depth_of(struct gen_ctx *ctx)
{
	int64_t v;

	if (gen_count(ctx, C_MAX_DEPTH, GEN_EQ) == 0)
		return DEFAULT_MAX_DEPTH;
	v = gen_int(ctx, C_MAX_DEPTH, GEN_EQ, 0);
	if (v < -1 || v > 100000)
		return DEFAULT_MAX_DEPTH;
	return (int)v;
}

/* The directories to search when the query names none. */
static int
default_sites(struct gen_ctx *ctx, struct globdirs *g)
{
	struct homes h;
	size_t i, k;
	int rc = 0;

	for (i = 0; i < sizeof(system_sites) / sizeof(system_sites[0]) &&
	    rc == 0; i++)
		rc = globdirs_add(ctx, system_sites[i].base,
		    system_sites[i].pattern, g);
	if (rc != 0 || homes_read(ctx, &h) == -1)
		return -1;
	for (i = 0; i < h.n && rc == 0; i++)
		for (k = 0; k < sizeof(user_sites) / sizeof(user_sites[0]) &&
		    rc == 0; k++)
			rc = globdirs_add(ctx, h.v[i].dir, user_sites[k], g);
	homes_free(&h);
	return rc;
}

static int
npm_packages_generate(struct gen_ctx *ctx)
{
	struct globdirs g;
	const char *dir;
	size_t i;
	int k, n, rc = 0, max_depth = max_depth_of(ctx);

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	memset(&g, 0, sizeof(g));
	n = gen_count(ctx, C_DIRECTORY, GEN_EQ);
	if (n == 0)
		rc = default_sites(ctx, &g);
	for (k = 0; k < n && rc == 0; k++)
		if ((dir = gen_text(ctx, C_DIRECTORY, GEN_EQ, k)) != NULL)
			rc = globdirs_add_path(&g, dir);
	for (i = 0; i < g.n && rc == 0; i++)
		rc = walk_site(ctx, g.v[i], max_depth);
	globdirs_free(&g);
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_npm_packages = {
	.name = "npm_packages",
	.description = "Node packages installed in a system.",
	.example = "SELECT name, version, path FROM npm_packages "
	    "WHERE directory = '/srv/app'",
	.columns = npm_packages_columns,
	.ncolumns = NCOLUMNS(npm_packages_columns),
	.generate = npm_packages_generate,
};
