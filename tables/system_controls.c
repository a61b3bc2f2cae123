/*
 * system_controls: the kernel's tunables under /proc/sys, each with
 * its value now and the value the sysctl.d(5) files set at boot.
 *
 * Names are sysctl(8)'s: the path below /proc/sys with '/' written as
 * '.', and a '.' inside a component (an interface "eth0.100") written as
 * '/'.  A control the kernel makes write-only, or one that fails to read
 * (net.ipv6.conf.*.stable_secret before it is set), still has its row,
 * without a value, as in osquery.  WHERE name = reads only that file and
 * WHERE subsystem = walks only that directory.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "pathglob.h"
#include "sysctlconf.h"
#include "textparse.h"

#define SYSCTL_VALUE_CAP	(64u << 10)
#define SYSCTL_CONF_CAP		(1u << 20)
/* /proc/sys is about six levels deep; anything deeper is not sysctl. */
#define SYSCTL_MAX_DEPTH	16
#define SYSCTL_NAME_MAX		PATHGLOB_PATH_MAX

enum {
	SC_NAME,
	SC_OID,
	SC_SUBSYSTEM,
	SC_CURRENT_VALUE,
	SC_CONFIG_VALUE,
	SC_TYPE,
};

static const struct column system_controls_columns[] = {
	{ "name", COL_TEXT, COL_INDEX, NULL, "Full sysctl MIB name" },
	{ "oid", COL_TEXT, COL_ADDITIONAL, NULL, "Control MIB" },
	{ "subsystem", COL_TEXT, COL_ADDITIONAL, NULL, "Subsystem for MIB" },
	{ "current_value", COL_TEXT, 0, NULL, "Value of setting" },
	{ "config_value", COL_TEXT, 0, NULL, "The MIB value set in "
	    "/etc/sysctl.conf" },
	{ "type", COL_TEXT, 0, NULL, "Data type" },
};

/* Where systemd-sysctl looks, most important first, and the file both
 * it and sysctl --system read after them. */
static const char *const conf_dirs[] = {
	"/etc/sysctl.d",
	"/run/sysctl.d",
	"/usr/local/lib/sysctl.d",
	"/usr/lib/sysctl.d",
	"/lib/sysctl.d",
};
#define CONF_FILE	"/etc/sysctl.conf"

struct sc_state {
	struct gen_ctx		*ctx;
	struct sysctl_conf	 conf;
	int			 want_conf;
	unsigned int		 refused;
	char			 first_refused[256];
	unsigned int		 unlisted;
};

/* ---- sysctl.d ---- */

static int
conf_file_wanted(const char *name, unsigned int d_type)
{
	return d_type != DT_DIR && sysctl_file_wanted(name);
}

static int
conf_read_one(struct sc_state *st, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = collect_read_file(gen_collect(st->ctx), path, SYSCTL_CONF_CAP,
	    &data, &len);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0) {
		gen_warn(st->ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	rc = sysctl_conf_add(&st->conf, data, len);
	free(data);
	return rc;
}

/* Gather every candidate file with its directory's rank. */
static int
conf_gather(struct sc_state *st, struct sysctl_file **files, size_t *nfiles)
{
	struct dirlist dl;
	struct sysctl_file *f = NULL, *nf;
	size_t d, i, n = 0;
	int rc;

	for (d = 0; d < sizeof(conf_dirs) / sizeof(conf_dirs[0]); d++) {
		rc = dirlist_read(gen_collect(st->ctx), conf_dirs[d],
		    conf_file_wanted, &dl);
		if (rc == -ENOMEM)
			goto nomem;
		if (rc < 0 && rc != -ENOENT && rc != -ENOTDIR)
			gen_warn(st->ctx, "%s: %s", conf_dirs[d],
			    strerror(-rc));
		if ((nf = reallocarray(f, n + dl.n + 1, sizeof(*f))) == NULL) {
			dirlist_free(&dl);
			goto nomem;
		}
		f = nf;
		for (i = 0; i < dl.n; i++) {
			if ((f[n].name = strdup(dl.v[i].name)) == NULL) {
				dirlist_free(&dl);
				goto nomem;
			}
			f[n++].dir = (int)d;
		}
		dirlist_free(&dl);
	}
	*files = f;
	*nfiles = n;
	return 0;
nomem:
	for (i = 0; i < n; i++)
		free(f[i].name);
	free(f);
	return -1;
}

static int
conf_load(struct sc_state *st)
{
	struct sysctl_file *f = NULL;
	char path[PATHGLOB_PATH_MAX];
	size_t i, n = 0;
	int rc = 0;

	if (conf_gather(st, &f, &n) == -1)
		return -1;
	n = sysctl_files_order(f, n);
	for (i = 0; i < n; i++) {
		if (rc == 0 && pathglob_join(conf_dirs[f[i].dir], f[i].name,
		    path, sizeof(path)) == 0)
			rc = conf_read_one(st, path);
		free(f[i].name);
	}
	free(f);
	if (rc == 0)
		rc = conf_read_one(st, CONF_FILE);
	if (st->conf.bad > 0)
		gen_warn(st->ctx, "%u line(s) of the sysctl.d files are not "
		    "settings", st->conf.bad);
	return rc;
}

/* ---- controls ---- */

/* A read the kernel allows (the file has read bits) but that failed
 * with EACCES was refused by the policy. */
static void
note_refusal(struct sc_state *st, const char *path)
{
	struct hq_stat sb;

	if (collect_stat(gen_collect(st->ctx), path, 0, &sb) != 0 ||
	    (sb.mode & (S_IRUSR | S_IRGRP | S_IROTH)) == 0)
		return;
	if (st->refused++ == 0)
		snprintf(st->first_refused, sizeof(st->first_refused), "%s",
		    path);
}

/* One control: the row, with its value when the file reads. */
static int
control_row(struct sc_state *st, const char *path)
{
	struct gen_ctx *ctx = st->ctx;
	char name[SYSCTL_NAME_MAX], *data = NULL;
	const char *rel = path + sizeof(SYSCTL_ROOT), *dot, *cv;
	size_t len = 0;
	int rc;

	if (sysctl_name_from_rel(rel, name, sizeof(name)) == -1)
		return 0;
	rc = collect_read_file(gen_collect(ctx), path, SYSCTL_VALUE_CAP,
	    &data, &len);
	if (rc == -ENOENT || rc == -EISDIR)
		return 0;
	if (rc == -EACCES)
		note_refusal(st, path);
	row_begin(ctx);
	row_text(ctx, SC_NAME, name);
	dot = strchr(name, '.');
	row_textn(ctx, SC_SUBSYSTEM, name, dot ? (size_t)(dot - name) :
	    strlen(name));
	if (rc == 0) {
		struct span v = txt_trim((struct span){ data, len });

		row_textn(ctx, SC_CURRENT_VALUE, v.p, v.len);
	}
	if (st->want_conf && (cv = sysctl_conf_value(&st->conf, name)) != NULL)
		row_text(ctx, SC_CONFIG_VALUE, cv);
	row_text(ctx, SC_TYPE, "string");
	free(data);
	return row_end(ctx);
}

static int walk_dir(struct sc_state *, const char *, int);

static int
walk_entry(struct sc_state *st, const char *dir, const struct dirent_name *e,
    int depth)
{
	char path[PATHGLOB_PATH_MAX];

	if (pathglob_join(dir, e->name, path, sizeof(path)) == -1)
		return 0;
	if (e->d_type == DT_DIR)
		return walk_dir(st, path, depth + 1);
	return control_row(st, path);
}

/* List first, then visit: privd answers one request at a time. */
static int
walk_dir(struct sc_state *st, const char *dir, int depth)
{
	struct dirlist dl;
	size_t i;
	int rc;

	if (depth > SYSCTL_MAX_DEPTH)
		return 0;
	rc = dirlist_read(gen_collect(st->ctx), dir, NULL, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0 && st->unlisted++ == 0)
		gen_warn(st->ctx, "%s: %s", dir, strerror(-rc));
	rc = 0;
	for (i = 0; i < dl.n && rc == 0; i++)
		rc = walk_entry(st, dir, &dl.v[i], depth);
	dirlist_free(&dl);
	return rc;
}

/* WHERE name = ...: the one file each name stands for. */
static int
by_names(struct sc_state *st)
{
	char path[PATHGLOB_PATH_MAX];
	const char *name;
	int i, n = gen_count(st->ctx, SC_NAME, GEN_EQ);

	for (i = 0; i < n; i++) {
		name = gen_text(st->ctx, SC_NAME, GEN_EQ, i);
		if (name == NULL ||
		    sysctl_path_from_name(name, path, sizeof(path)) == -1)
			continue;
		if (control_row(st, path) == -1)
			return -1;
	}
	return 0;
}

/* WHERE subsystem = ...: the one top directory each names. */
static int
by_subsystems(struct sc_state *st)
{
	char path[PATHGLOB_PATH_MAX];
	const char *sub;
	int i, n = gen_count(st->ctx, SC_SUBSYSTEM, GEN_EQ);

	for (i = 0; i < n; i++) {
		sub = gen_text(st->ctx, SC_SUBSYSTEM, GEN_EQ, i);
		if (sub == NULL || *sub == '\0' || strchr(sub, '/') != NULL ||
		    strchr(sub, '.') != NULL)
			continue;
		if (pathglob_join(SYSCTL_ROOT, sub, path, sizeof(path)) == -1)
			continue;
		if (walk_dir(st, path, 1) == -1)
			return -1;
	}
	return 0;
}

static int
system_controls_generate(struct gen_ctx *ctx)
{
	struct sc_state st;
	int rc;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.want_conf = gen_used(ctx, SC_CONFIG_VALUE);
	if (st.want_conf && conf_load(&st) == -1) {
		sysctl_conf_free(&st.conf);
		gen_error(ctx, "system_controls: out of memory");
		return -1;
	}
	if (gen_count(ctx, SC_NAME, GEN_EQ) > 0)
		rc = by_names(&st);
	else if (gen_count(ctx, SC_SUBSYSTEM, GEN_EQ) > 0)
		rc = by_subsystems(&st);
	else
		rc = walk_dir(&st, SYSCTL_ROOT, 0);
	if (st.refused > 0)
		gen_warn(ctx, "%u control(s) without a value, refused by the "
		    "policy (%s ...)", st.refused, st.first_refused);
	sysctl_conf_free(&st.conf);
	if (rc == -1) {
		gen_error(ctx, "system_controls: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_system_controls = {
	.name = "system_controls",
	.description = "sysctl names, values, and settings information.",
	.example = "SELECT name, current_value, config_value FROM "
	    "system_controls WHERE name = 'net.ipv4.ip_forward'",
	.columns = system_controls_columns,
	.ncolumns = NCOLUMNS(system_controls_columns),
	.generate = system_controls_generate,
};
