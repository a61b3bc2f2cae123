/*
 * The accounts a per-user query asks about, and their files; see
 * userfiles.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathglob.h"
#include "userfiles.h"

#define PASSWD_CAP	(8u << 20)

void
userfiles_init(struct userfiles *uf, struct gen_ctx *ctx)
{
	memset(uf, 0, sizeof(*uf));
	uf->ctx = ctx;
}

void
userfiles_warn(struct userfiles *uf, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (uf->nwarn >= USERFILES_MAX_WARN) {
		uf->nleft++;
		return;
	}
	uf->nwarn++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gen_warn(uf->ctx, "%s", msg);
}

void
userfiles_end(struct userfiles *uf)
{
	if (uf->nleft > 0)
		gen_warn(uf->ctx, "%u more warnings like these left out",
		    uf->nleft);
	uf->nleft = 0;
}

int
userfiles_uid_wanted(struct gen_ctx *ctx, int col_uid, uint32_t uid)
{
	int i, n;

	if (col_uid < 0 || (n = gen_count(ctx, col_uid, GEN_EQ)) <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if (gen_int(ctx, col_uid, GEN_EQ, i) == (int64_t)uid)
			return 1;
	return 0;
}

/* The uids met so far, for user_groups' once-per-uid walk.  The list is
 * small (the accounts of one file): a linear look is enough. */
struct uidset {
	uint32_t	*v;
	size_t		 n, cap;
};

/* 1 when uid was met before, 0 when it is new (and now kept), -1 when
 * out of memory. */
static int
uidset_seen(struct uidset *s, uint32_t uid)
{
	uint32_t *grown;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == uid)
			return 1;
	if (s->n == s->cap) {
		grown = reallocarray(s->v, s->cap == 0 ? 64 : s->cap * 2,
		    sizeof(*s->v));
		if (grown == NULL)
			return -1;
		s->v = grown;
		s->cap = s->cap == 0 ? 64 : s->cap * 2;
	}
	s->v[s->n++] = uid;
	return 0;
}

/* The account of one passwd line; its home is NULL when it cannot name
 * files (empty, relative, too long). */
static void
user_from_line(const struct passwd_line *pw, char *home, size_t homelen,
    struct user *u)
{
	u->uid = pw->uid;
	u->gid = pw->gid;
	u->pw = pw;
	u->home = NULL;
	if (pw->dir.len == 0 || pw->dir.len >= homelen ||
	    pw->dir.p[0] != '/' || memchr(pw->dir.p, '\0', pw->dir.len))
		return;
	memcpy(home, pw->dir.p, pw->dir.len);
	home[pw->dir.len] = '\0';
	u->home = home;
}

static int
each_line(struct userfiles *uf, const char *data, size_t len, int col_uid,
    int once, user_fn fn, void *arg)
{
	struct passwd_line pw;
	struct user u;
	struct span line;
	struct uidset seen = { NULL, 0, 0 };
	char home[PATH_MAX];
	size_t off = 0;
	int rc = 0, met;

	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (passwd_parse_line(line, &pw) == -1 ||
		    !userfiles_uid_wanted(uf->ctx, col_uid, pw.uid))
			continue;
		if (once && (met = uidset_seen(&seen, pw.uid)) != 0) {
			rc = met == -1 ? -1 : 0;
			continue;
		}
		user_from_line(&pw, home, sizeof(home), &u);
		rc = fn(uf, &u, arg);
	}
	free(seen.v);
	return rc;
}

int
userfiles_each_user(struct userfiles *uf, int col_uid, int once, user_fn fn,
    void *arg)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = collect_read_file(gen_collect(uf->ctx), "/etc/passwd",
	    PASSWD_CAP, &data, &len);
	if (rc < 0) {
		gen_warn(uf->ctx, "/etc/passwd: %s", strerror(-rc));
		return 0;
	}
	rc = each_line(uf, data, len, col_uid, once, fn, arg);
	free(data);
	if (rc == -1) {
		gen_error(uf->ctx, "out of memory");
		return -1;
	}
	return 0;
}

int
userfiles_path(const char *home, const char *rel, char *buf, size_t len)
{
	char joined[PATH_MAX];
	int dir_only;

	if (home[0] != '/' ||
	    pathglob_join(home, rel, joined, sizeof(joined)) == -1 ||
	    pathglob_canonical(joined, buf, len, &dir_only) == -1)
		return -1;
	return 0;
}

int
userfiles_each_in_dir(struct userfiles *uf, const struct user *u,
    const char *rel, dirlist_filter_fn keep, userfile_fn fn)
{
	char dir[PATH_MAX], path[PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	if (u->home == NULL ||
	    userfiles_path(u->home, rel, dir, sizeof(dir)) == -1)
		return 0;
	rc = dirlist_read(gen_collect(uf->ctx), dir, keep, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			userfiles_warn(uf, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0, rc = 0; i < dl.n && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0)
			rc = fn(uf, u->uid, path);
	dirlist_free(&dl);
	return rc;
}

/* A refusal or an error met on path: counted, and said. */
static void
warn_unreadable(struct userfiles *uf, const char *path, int err)
{
	if (err == EACCES) {
		uf->nrefused++;
		if (!uf->count_refusals)
			userfiles_warn(uf, "%s: refused by the policy", path);
	} else
		userfiles_warn(uf, "%s: %s", path, strerror(err));
}

static int
absent(int err)
{
	return err == ENOENT || err == ENOTDIR || err == ELOOP;
}

int
userfiles_read(struct userfiles *uf, const char *path, size_t cap,
    char **data, size_t *len, int *truncated)
{
	struct collect *c = gen_collect(uf->ctx);
	struct hq_stat st;
	int rc;

	*data = NULL;
	*len = 0;
	if (truncated != NULL)
		*truncated = 0;
	/* Metadata first: most homes hold none of the files asked for, and
	 * a refusal to read a file that does not exist is not news. */
	rc = collect_stat(c, path, 1, &st);
	if (rc < 0 && absent(-rc))
		return 0;
	if (rc == 0 && !S_ISREG(st.mode))
		return 0;
	if (rc == 0)
		rc = collect_read_file(c, path, cap, data, len);
	if (rc < 0) {
		if (!absent(-rc))
			warn_unreadable(uf, path, -rc);
		free(*data);
		*data = NULL;
		*len = 0;
		return 0;
	}
	if (truncated != NULL)
		*truncated = st.size > 0 && (uint64_t)st.size > cap;
	return 1;
}
