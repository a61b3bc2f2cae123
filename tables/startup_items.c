/*
 * startup_items: what starts on its own.  The systemd unit files of the
 * system's unit directories, each with its enablement state as
 * `systemctl list-unit-files` gives it (osquery asks the running systemd
 * over D-Bus for each loaded unit's active state; the worker has no bus,
 * and the files are what says what will start at boot); the SysV scripts
 * of /etc/init.d; and the XDG autostart entries of /etc/xdg/autostart and
 * of every user's ~/.config/autostart (and autostart-scripts).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "mountparse.h"
#include "passwd.h"
#include "pathglob.h"
#include "unitfile.h"

#define UNIT_CAP	(1u << 20)
#define DESKTOP_CAP	(256u << 10)
#define PASSWD_CAP	(16u << 20)

enum {
	SI_NAME,
	SI_PATH,
	SI_ARGS,
	SI_TYPE,
	SI_SOURCE,
	SI_STATUS,
	SI_USERNAME,
};

static const struct column startup_items_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Name of startup item" },
	{ "path", COL_TEXT, 0, NULL, "Path of startup item" },
	{ "args", COL_TEXT, 0, NULL, "Arguments provided to startup "
	    "executable" },
	{ "type", COL_TEXT, 0, NULL, "Startup Item or Login Item" },
	{ "source", COL_TEXT, 0, NULL, "Directory or plist containing "
	    "startup item" },
	{ "status", COL_TEXT, 0, NULL, "Startup status; either enabled or "
	    "disabled" },
	{ "username", COL_TEXT, 0, NULL, "The name of the user that "
	    "installed the item" },
};

/* systemd's search path for system units, most important first. */
static const char *const unit_dirs[] = {
	"/etc/systemd/system",
	"/run/systemd/system",
	"/usr/local/lib/systemd/system",
	"/usr/lib/systemd/system",
	"/lib/systemd/system",
};
#define ETC_UNITS	0
#define RUN_UNITS	1

/* ---- sets of names ---- */

struct nameset {
	char	**v;
	size_t	  n, cap;
};

static int
nameset_has(const struct nameset *ns, const char *name)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return 1;
	return 0;
}

static int
nameset_add(struct nameset *ns, const char *name)
{
	char **nv;
	size_t ncap;

	if (ns->n == ns->cap) {
		ncap = ns->cap ? ns->cap * 2 : 64;
		if ((nv = reallocarray(ns->v, ncap, sizeof(*nv))) == NULL)
			return -1;
		ns->v = nv;
		ns->cap = ncap;
	}
	if ((ns->v[ns->n] = strdup(name)) == NULL)
		return -1;
	ns->n++;
	return 0;
}

static void
nameset_free(struct nameset *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
	memset(ns, 0, sizeof(*ns));
}

/* List dir; a directory that is not there is an empty list. */
static int
list_dir(struct gen_ctx *ctx, const char *dir, struct dirlist *dl)
{
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, NULL, dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0 && rc != -ENOENT && rc != -ENOTDIR)
		gen_warn(ctx, "%s: %s", dir, strerror(-rc));
	return 0;
}

/* ---- systemd units ---- */

struct units {
	struct nameset	seen;		/* unit names already given a row */
	struct nameset	wants_etc;	/* names linked from .wants/... */
	struct nameset	wants_run;
};

static int
is_dep_dir(const char *name)
{
	static const char *const sfx[] = { ".wants", ".requires",
	    ".upholds" };
	size_t i, n = strlen(name), s;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		s = strlen(sfx[i]);
		if (n > s && strcmp(name + n - s, sfx[i]) == 0)
			return 1;
	}
	return 0;
}

/* The names linked from the .wants, .requires and .upholds directories
 * of a configuration directory: the units enabled there. */
static int
gather_wants(struct gen_ctx *ctx, const char *dir, struct nameset *out)
{
	struct dirlist top, sub;
	char path[PATHGLOB_PATH_MAX];
	size_t i, j;
	int rc = 0;

	if (list_dir(ctx, dir, &top) == -1)
		return -1;
	for (i = 0; i < top.n && rc == 0; i++) {
		if (top.v[i].d_type != DT_DIR || !is_dep_dir(top.v[i].name) ||
		    pathglob_join(dir, top.v[i].name, path, sizeof(path)) == -1)
			continue;
		if ((rc = list_dir(ctx, path, &sub)) == -1)
			break;
		for (j = 0; j < sub.n && rc == 0; j++)
			rc = nameset_add(out, sub.v[j].name);
		dirlist_free(&sub);
	}
	dirlist_free(&top);
	return rc;
}

/* Is the unit, or for a template any instance of it, linked? */
static int
is_wanted(const struct nameset *w, const char *name)
{
	size_t i;

	if (!unitfile_is_template(name))
		return nameset_has(w, name);
	for (i = 0; i < w->n; i++)
		if (unitfile_instance_of(w->v[i], name))
			return 1;
	return 0;
}

static void
unit_row_common(struct gen_ctx *ctx, const char *name, const char *path,
    const char *status)
{
	row_begin(ctx);
	row_text(ctx, SI_NAME, name);
	row_text(ctx, SI_PATH, path);
	row_text(ctx, SI_TYPE, "systemd unit");
	row_text(ctx, SI_STATUS, status);
}

/* A unit that is a file: its state from the links to it and its
 * [Install] section. */
static int
unit_file_row(struct gen_ctx *ctx, struct units *u, const char *name,
    const char *path)
{
	struct unit_info ui;
	const char *status;
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, UNIT_CAP, &data, &len);
	unitfile_parse(rc == 0 ? data : "", rc == 0 ? len : 0, &ui);
	if (rc == 0 && len == 0)
		status = "masked";	/* an empty file masks, as a link */
	else if (is_wanted(&u->wants_etc, name))
		status = "enabled";
	else if (is_wanted(&u->wants_run, name))
		status = "enabled-runtime";
	else if (rc < 0)
		status = "bad";		/* systemctl's word for unreadable */
	else
		status = ui.install ? "disabled" : ui.also ? "indirect" :
		    "static";
	unit_row_common(ctx, name, path, status);
	if (ui.user.len > 0)
		row_textn(ctx, SI_USERNAME, ui.user.p, ui.user.len);
	free(data);
	return row_end(ctx);
}

/* A unit name that is a symlink: masked, an alias of another unit, or a
 * link to the file itself elsewhere. */
static int
unit_link_row(struct gen_ctx *ctx, struct units *u, const char *name,
    const char *path)
{
	char target[PATHGLOB_PATH_MAX], real[PATHGLOB_PATH_MAX];
	const char *base;

	if (collect_readlink(gen_collect(ctx), path, target,
	    sizeof(target)) < 0 ||
	    mount_link_target(path, target, real, sizeof(real)) == -1)
		return unit_file_row(ctx, u, name, path);
	if (strcmp(real, "/dev/null") == 0) {
		unit_row_common(ctx, name, path, "masked");
		return row_end(ctx);
	}
	base = strrchr(real, '/') + 1;
	if (strcmp(base, name) != 0 && !unitfile_instance_of(name, base)) {
		unit_row_common(ctx, name, path, "alias");
		return row_end(ctx);
	}
	return unit_file_row(ctx, u, name, real);
}

static int
units_in_dir(struct gen_ctx *ctx, struct units *u, const char *dir)
{
	struct dirlist dl;
	const struct dirent_name *e;
	char path[PATHGLOB_PATH_MAX];
	size_t i;
	int rc = 0;

	if (list_dir(ctx, dir, &dl) == -1)
		return -1;
	for (i = 0; i < dl.n && rc == 0; i++) {
		e = &dl.v[i];
		if (e->d_type == DT_DIR || !unitfile_is_unit(e->name) ||
		    nameset_has(&u->seen, e->name) ||
		    pathglob_join(dir, e->name, path, sizeof(path)) == -1)
			continue;
		if (nameset_add(&u->seen, e->name) == -1)
			rc = -1;
		else if (e->d_type == DT_LNK)
			rc = unit_link_row(ctx, u, e->name, path);
		else
			rc = unit_file_row(ctx, u, e->name, path);
	}
	dirlist_free(&dl);
	return rc;
}

static int
systemd_rows(struct gen_ctx *ctx)
{
	struct units u;
	size_t d;
	int rc = 0;

	memset(&u, 0, sizeof(u));
	if (gather_wants(ctx, unit_dirs[ETC_UNITS], &u.wants_etc) == -1 ||
	    gather_wants(ctx, unit_dirs[RUN_UNITS], &u.wants_run) == -1)
		rc = -1;
	for (d = 0; rc == 0 && d < sizeof(unit_dirs) / sizeof(unit_dirs[0]);
	    d++)
		rc = units_in_dir(ctx, &u, unit_dirs[d]);
	nameset_free(&u.seen);
	nameset_free(&u.wants_etc);
	nameset_free(&u.wants_run);
	return rc;
}

/* ---- SysV scripts and XDG autostart ---- */

/* source is the directory as osquery writes it, with a '/' at the end. */
static void
item_row_common(struct gen_ctx *ctx, const char *dir, const char *user)
{
	char source[PATHGLOB_PATH_MAX];

	snprintf(source, sizeof(source), "%s/", dir);
	row_text(ctx, SI_TYPE, "Startup Item");
	row_text(ctx, SI_SOURCE, source);
	row_text(ctx, SI_USERNAME, user);
}

/* Every file of dir is a script that starts. */
static int
script_rows(struct gen_ctx *ctx, const char *dir, const char *user)
{
	struct dirlist dl;
	char path[PATHGLOB_PATH_MAX];
	size_t i;
	int rc = 0;

	if (list_dir(ctx, dir, &dl) == -1)
		return -1;
	for (i = 0; i < dl.n && rc == 0; i++) {
		if (dl.v[i].d_type == DT_DIR ||
		    pathglob_join(dir, dl.v[i].name, path, sizeof(path)) == -1)
			continue;
		row_begin(ctx);
		row_text(ctx, SI_NAME, dl.v[i].name);
		row_text(ctx, SI_PATH, path);
		row_text(ctx, SI_STATUS, "enabled");
		item_row_common(ctx, dir, user);
		rc = row_end(ctx);
	}
	dirlist_free(&dl);
	return rc;
}

static int
desktop_row(struct gen_ctx *ctx, const char *dir, const char *file,
    const char *user)
{
	struct desktop_entry de;
	struct span prog, args;
	char path[PATHGLOB_PATH_MAX], *data = NULL;
	size_t len = 0;
	int rc;

	if (pathglob_join(dir, file, path, sizeof(path)) == -1)
		return 0;
	rc = collect_read_file(gen_collect(ctx), path, DESKTOP_CAP, &data,
	    &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	desktop_parse(data, len, &de);
	desktop_exec_split(de.exec, &prog, &args);
	row_begin(ctx);
	if (de.name.len > 0)
		row_textn(ctx, SI_NAME, de.name.p, de.name.len);
	else
		row_text(ctx, SI_NAME, file);
	row_textn(ctx, SI_PATH, prog.p, prog.len);
	if (args.len > 0)
		row_textn(ctx, SI_ARGS, args.p, args.len);
	row_text(ctx, SI_STATUS, de.hidden ? "disabled" : "enabled");
	item_row_common(ctx, dir, user);
	free(data);
	return row_end(ctx);
}

static int
desktop_rows(struct gen_ctx *ctx, const char *dir, const char *user)
{
	struct dirlist dl;
	size_t i;
	int rc = 0;

	if (list_dir(ctx, dir, &dl) == -1)
		return -1;
	for (i = 0; i < dl.n && rc == 0; i++)
		if (dl.v[i].d_type != DT_DIR &&
		    dirlist_has_suffix(dl.v[i].name, ".desktop"))
			rc = desktop_row(ctx, dir, dl.v[i].name, user);
	dirlist_free(&dl);
	return rc;
}

/* Each account's home once, with the first account that has it. */
static int
user_rows(struct gen_ctx *ctx)
{
	struct passwd_line pw;
	struct nameset homes;
	struct span line;
	char *data = NULL, user[256], home[PATHGLOB_PATH_MAX];
	char dir[PATHGLOB_PATH_MAX + 64];
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/etc/passwd", PASSWD_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/etc/passwd: %s", strerror(-rc));
		return 0;
	}
	memset(&homes, 0, sizeof(homes));
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (passwd_parse_line(line, &pw) == -1 || pw.dir.len < 2 ||
		    pw.dir.p[0] != '/' || pw.dir.len >= sizeof(home) - 64 ||
		    pw.name.len >= sizeof(user))
			continue;
		snprintf(home, sizeof(home), "%.*s", (int)pw.dir.len,
		    pw.dir.p);
		snprintf(user, sizeof(user), "%.*s", (int)pw.name.len,
		    pw.name.p);
		if (nameset_has(&homes, home))
			continue;
		if (nameset_add(&homes, home) == -1) {
			rc = -1;
			break;
		}
		snprintf(dir, sizeof(dir), "%s/.config/autostart", home);
		rc = desktop_rows(ctx, dir, user);
		snprintf(dir, sizeof(dir), "%s/.config/autostart-scripts",
		    home);
		if (rc == 0)
			rc = script_rows(ctx, dir, user);
	}
	nameset_free(&homes);
	free(data);
	return rc;
}

static int
startup_items_generate(struct gen_ctx *ctx)
{
	int rc;

	rc = user_rows(ctx);
	if (rc == 0)
		rc = script_rows(ctx, "/etc/init.d", NULL);
	if (rc == 0)
		rc = desktop_rows(ctx, "/etc/xdg/autostart", NULL);
	if (rc == 0)
		rc = systemd_rows(ctx);
	if (rc == -1) {
		gen_error(ctx, "startup_items: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_startup_items = {
	.name = "startup_items",
	.description = "Applications and binaries set as user/login startup "
	    "items.",
	.example = "SELECT name, path, status, source FROM startup_items "
	    "WHERE type = 'systemd unit' AND status = 'enabled'",
	.columns = startup_items_columns,
	.ncolumns = NCOLUMNS(startup_items_columns),
	.generate = startup_items_generate,
};
