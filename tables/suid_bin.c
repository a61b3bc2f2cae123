/*
 * suid_bin: the set-user-ID and set-group-ID files under osquery's
 * binary directories, walked to the bottom.  A link to a directory below
 * a starting directory is not followed, as osquery does not follow it;
 * a link to a file is reported with the mode of the file it names.
 * Owners are named from /etc/passwd and /etc/group, or by number.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "passwd.h"

#define IDFILE_CAP	(8u << 20)
#define SUID_MAX_DEPTH	64

enum {
	SB_PATH,
	SB_USERNAME,
	SB_GROUPNAME,
	SB_PERMISSIONS,
	SB_PID_WITH_NAMESPACE,
};

static const struct column suid_bin_columns[] = {
	{ "path", COL_TEXT, 0, NULL, "Binary path" },
	{ "username", COL_TEXT, 0, NULL, "Binary owner username" },
	{ "groupname", COL_TEXT, 0, NULL, "Binary owner group" },
	{ "permissions", COL_TEXT, 0, NULL, "Binary permissions: S for "
	    "set-user-ID, G for set-group-ID" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
};

static const char *const suid_dirs[] = {
	"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin",
	"/usr/local/sbin", "/tmp", NULL,
};

/* The texts of /etc/passwd and /etc/group, to name owners by. */
struct suid_walk {
	struct gen_ctx	*ctx;
	char		*passwd;
	size_t		 passwd_len;
	char		*group;
	size_t		 group_len;
	unsigned int	 nwarn;
};

/* The name of uid (or gid) in the file's text; its number when none. */
static void
id_name(const char *data, size_t len, int is_group, uint32_t id, char *buf,
    size_t buflen)
{
	struct passwd_line pw;
	struct group_line gr;
	struct span line, name;
	size_t off = 0;

	while (txt_next_line(data, len, &off, &line)) {
		if (is_group ? group_parse_line(line, &gr) == 0 && gr.gid == id :
		    passwd_parse_line(line, &pw) == 0 && pw.uid == id) {
			name = is_group ? gr.name : pw.name;
			snprintf(buf, buflen, "%.*s", (int)name.len, name.p);
			return;
		}
	}
	snprintf(buf, buflen, "%u", id);
}

static int
suid_row(struct suid_walk *w, const char *path, const struct hq_stat *st)
{
	char user[256], group[256], perms[3];
	size_t n = 0;

	id_name(w->passwd, w->passwd_len, 0, st->uid, user, sizeof(user));
	id_name(w->group, w->group_len, 1, st->gid, group, sizeof(group));
	if (st->mode & S_ISUID)
		perms[n++] = 'S';
	if (st->mode & S_ISGID)
		perms[n++] = 'G';
	perms[n] = '\0';
	row_begin(w->ctx);
	row_text(w->ctx, SB_PATH, path);
	row_text(w->ctx, SB_USERNAME, user);
	row_text(w->ctx, SB_GROUPNAME, group);
	row_text(w->ctx, SB_PERMISSIONS, perms);
	return row_end(w->ctx);
}

static void
walk_warn(struct suid_walk *w, const char *path, int err)
{
	if (w->nwarn++ < 10)
		gen_warn(w->ctx, "%s: %s", path, strerror(err));
}

static int	walk_dir(struct suid_walk *, const char *, int);

/* One entry of a directory: a file to check, or a directory to enter. */
static int
walk_entry(struct suid_walk *w, const char *path, unsigned int d_type,
    int depth)
{
	struct collect *c = gen_collect(w->ctx);
	struct hq_stat st;
	int rc;

	if (d_type == DT_DIR)
		return walk_dir(w, path, depth + 1);
	/* Links are followed to a file, never to a directory. */
	rc = collect_stat(c, path, 0, &st);
	if (rc == 0 && S_ISDIR(st.mode))
		return walk_dir(w, path, depth + 1);
	if (rc == 0 && S_ISLNK(st.mode))
		rc = collect_stat(c, path, 1, &st);
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ELOOP)
			walk_warn(w, path, -rc);
		return 0;
	}
	if (!S_ISREG(st.mode) || (st.mode & (S_ISUID | S_ISGID)) == 0)
		return 0;
	return suid_row(w, path, &st);
}

static int
walk_dir(struct suid_walk *w, const char *dir, int depth)
{
	char path[PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	if (depth > SUID_MAX_DEPTH) {
		gen_warn(w->ctx, "%s: deeper than %d directories, not walked",
		    dir, SUID_MAX_DEPTH);
		return 0;
	}
	rc = dirlist_read(gen_collect(w->ctx), dir, NULL, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			walk_warn(w, dir, -rc);
		return 0;
	}
	for (i = 0, rc = 0; i < dl.n && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0)
			rc = walk_entry(w, path, dl.v[i].d_type, depth);
	dirlist_free(&dl);
	return rc;
}

static void
read_ids(struct suid_walk *w)
{
	struct collect *c = gen_collect(w->ctx);
	int rc;

	if ((rc = collect_read_file(c, "/etc/passwd", IDFILE_CAP, &w->passwd,
	    &w->passwd_len)) < 0) {
		gen_warn(w->ctx, "/etc/passwd: %s", strerror(-rc));
		w->passwd = NULL;
		w->passwd_len = 0;
	}
	if ((rc = collect_read_file(c, "/etc/group", IDFILE_CAP, &w->group,
	    &w->group_len)) < 0) {
		gen_warn(w->ctx, "/etc/group: %s", strerror(-rc));
		w->group = NULL;
		w->group_len = 0;
	}
}

static int
suid_bin_generate(struct gen_ctx *ctx)
{
	struct suid_walk w;
	size_t i;
	int rc = 0;

	if (gen_count(ctx, SB_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	read_ids(&w);
	for (i = 0; suid_dirs[i] != NULL && rc == 0; i++)
		rc = walk_dir(&w, suid_dirs[i], 0);
	if (w.nwarn > 10)
		gen_warn(ctx, "%u more warnings like these left out",
		    w.nwarn - 10);
	free(w.passwd);
	free(w.group);
	if (rc == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_suid_bin = {
	.name = "suid_bin",
	.description = "suid binaries in common locations.",
	.example = "SELECT path, username, permissions FROM suid_bin "
	    "WHERE username = 'root'",
	.columns = suid_bin_columns,
	.ncolumns = NCOLUMNS(suid_bin_columns),
	.generate = suid_bin_generate,
};
