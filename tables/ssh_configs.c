/*
 * ssh_configs: the options of each account's ~/.ssh/config and of the
 * system's /etc/ssh/ssh_config (as uid 0), a row per option with the
 * Host or Match block it is in.  Include directives are rows of their
 * own and are followed, as ssh(1) follows them: a relative path is under
 * ~/.ssh (or /etc/ssh), a wildcard in the last part of a path matches
 * files in name order, and the files read go on in the block the
 * Include was in.  As osquery, the keyword of an option or block is
 * lowercased; its arguments are kept as written.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "pathglob.h"
#include "sshconfig_parse.h"
#include "userfiles.h"

#define SSHCONFIG_CAP		(4u << 20)
#define SSHCONFIG_SYSTEM	"/etc/ssh/ssh_config"
/* ssh(1) stops following Include at this depth. */
#define SSHCONFIG_MAX_DEPTH	16

enum {
	SC_UID,
	SC_BLOCK,
	SC_OPTION,
	SC_SSH_CONFIG_FILE,
};

static const struct column ssh_configs_columns[] = {
	{ "uid", COL_BIGINT, COL_ADDITIONAL | COL_OPTIMIZED, NULL, "The "
	    "local owner of the ssh_config file" },
	{ "block", COL_TEXT, 0, NULL, "The host or match block" },
	{ "option", COL_TEXT, 0, NULL, "The option and value" },
	{ "ssh_config_file", COL_TEXT, 0, NULL, "Path to the ssh_config "
	    "file" },
};

/* One walk: the account whose files these are, and where relative
 * Include paths start. */
struct sshconf_walk {
	struct userfiles	*uf;
	uint32_t		 uid;
	const char		*home;		/* for "~/", NULL for none */
	const char		*base;		/* ~/.ssh or /etc/ssh */
};

static int	config_file(struct sshconf_walk *, const char *, const char *,
		    int);

/* The line with its keyword lowercased, into out (room for the line). */
static void
lowered(const struct sshconfig_line *c, char *out)
{
	size_t i;

	memcpy(out, c->text.p, c->text.len);
	for (i = 0; i < c->keyword.len; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	out[c->text.len] = '\0';
}

static int
option_row(struct sshconf_walk *w, const char *block, const char *option,
    const char *path)
{
	struct gen_ctx *ctx = w->uf->ctx;

	row_begin(ctx);
	row_int(ctx, SC_UID, w->uid);
	row_text(ctx, SC_BLOCK, block);
	row_text(ctx, SC_OPTION, option);
	row_text(ctx, SC_SSH_CONFIG_FILE, path);
	return row_end(ctx);
}

/* An Include argument as a path: "~/" is the home, a relative path is
 * under the walk's base.  -1 when it cannot be made one. */
static int
include_path(struct sshconf_walk *w, struct span arg, char *buf,
    size_t len)
{
	char name[PATH_MAX], joined[PATH_MAX];
	const char *from = w->base;
	int dir_only;

	if (arg.len == 0 || arg.len >= sizeof(name) ||
	    memchr(arg.p, '\0', arg.len) != NULL)
		return -1;
	memcpy(name, arg.p, arg.len);
	name[arg.len] = '\0';
	if (name[0] == '~') {
		if (name[1] != '/' || w->home == NULL)
			return -1;
		from = w->home;
		memmove(name, name + 2, arg.len - 1);
	}
	if (name[0] == '/')
		memcpy(joined, name, strlen(name) + 1);
	else if (pathglob_join(from, name, joined, sizeof(joined)) == -1)
		return -1;
	return pathglob_canonical(joined, buf, len, &dir_only);
}

static int
has_wildcard(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	return 0;
}

/* The files a pattern with wildcards in its last part matches, as
 * glob(3) matches them, in name order. */
static int
include_glob(struct sshconf_walk *w, const char *pattern, const char *block,
    int depth)
{
	char dir[PATH_MAX], path[PATH_MAX];
	const char *last = strrchr(pattern, '/') + 1;
	struct dirlist dl;
	size_t i;
	int rc;

	if (has_wildcard(pattern, (size_t)(last - pattern)) ||
	    pathglob_dirname(pattern, dir, sizeof(dir)) == -1) {
		userfiles_warn(w->uf, "Include %s: a wildcard before the last "
		    "part of a path is not followed", pattern);
		return 0;
	}
	rc = dirlist_read(gen_collect(w->uf->ctx), dir, NULL, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -ENOTDIR)
			userfiles_warn(w->uf, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0, rc = 0; i < dl.n && rc == 0; i++)
		if (fnmatch(last, dl.v[i].name, FNM_PERIOD) == 0 &&
		    dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0 &&
		    dirlist_is_regular(gen_collect(w->uf->ctx), path))
			rc = config_file(w, path, block, depth + 1);
	dirlist_free(&dl);
	return rc;
}

/* Follow every path an Include line names. */
static int
include_files(struct sshconf_walk *w, const struct sshconfig_line *c,
    const char *from, const char *block, int depth)
{
	struct span args = c->args, arg;
	char path[PATH_MAX];
	int rc = 0;

	if (depth >= SSHCONFIG_MAX_DEPTH) {
		userfiles_warn(w->uf, "%s: Include nested deeper than %d "
		    "files", from, SSHCONFIG_MAX_DEPTH);
		return 0;
	}
	while (rc == 0 && sshconfig_next_arg(&args, &arg)) {
		if (include_path(w, arg, path, sizeof(path)) == -1) {
			userfiles_warn(w->uf, "%s: cannot follow Include "
			    "%.*s", from, (int)arg.len, arg.p);
			continue;
		}
		if (has_wildcard(path, strlen(path)))
			rc = include_glob(w, path, block, depth);
		else
			rc = config_file(w, path, block, depth + 1);
	}
	return rc;
}

/* The lines of one file's text: rows, blocks, includes. */
static int
config_lines(struct sshconf_walk *w, const char *path, const char *data,
    size_t len, char **block, int depth)
{
	struct sshconfig_line c;
	struct span line;
	size_t off = 0;
	char *text, *copy;
	int rc = 0;

	if ((text = malloc(len + 1)) == NULL)
		return -1;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (sshconfig_parse_line(line, &c) == -1)
			continue;
		lowered(&c, text);
		if (c.kind == SSHCONFIG_BLOCK) {
			if ((copy = strdup(text)) == NULL)
				rc = -1;
			else {
				free(*block);
				*block = copy;
			}
			continue;
		}
		rc = option_row(w, *block, text, path);
		if (rc == 0 && c.kind == SSHCONFIG_INCLUDE)
			rc = include_files(w, &c, path, *block, depth);
	}
	free(text);
	return rc;
}

/* The rows of one file, which starts in block_in (the block of the
 * Include that names it, or none). */
static int
config_file(struct sshconf_walk *w, const char *path, const char *block_in,
    int depth)
{
	char *data, *block;
	size_t len;
	int rc;

	if (!userfiles_read(w->uf, path, SSHCONFIG_CAP, &data, &len, NULL))
		return 0;
	if ((block = strdup(block_in)) == NULL) {
		free(data);
		return -1;
	}
	rc = config_lines(w, path, data, len, &block, depth);
	free(block);
	free(data);
	return rc;
}

static int
user_config(struct userfiles *uf, const struct user *u, void *arg)
{
	struct sshconf_walk w = { uf, u->uid, u->home, NULL };
	char base[PATH_MAX], path[PATH_MAX];

	(void)arg;
	if (u->home == NULL ||
	    userfiles_path(u->home, ".ssh", base, sizeof(base)) == -1 ||
	    userfiles_path(u->home, ".ssh/config", path, sizeof(path)) == -1)
		return 0;
	w.base = base;
	return config_file(&w, path, "", 0);
}

static int
ssh_configs_generate(struct gen_ctx *ctx)
{
	struct sshconf_walk w = { NULL, 0, NULL, "/etc/ssh" };
	struct userfiles uf;
	int rc;

	userfiles_init(&uf, ctx);
	w.uf = &uf;
	rc = userfiles_each_user(&uf, SC_UID, 0, user_config, NULL);
	if (rc == 0 && userfiles_uid_wanted(ctx, SC_UID, 0) &&
	    config_file(&w, SSHCONFIG_SYSTEM, "", 0) == -1) {
		gen_error(ctx, "out of memory");
		rc = -1;
	}
	userfiles_end(&uf);
	return rc;
}

const struct table table_ssh_configs = {
	.name = "ssh_configs",
	.description = "A table of parsed ssh_configs.",
	.example = "SELECT uid, block, option FROM ssh_configs "
	    "WHERE option LIKE 'stricthostkeychecking%'",
	.columns = ssh_configs_columns,
	.ncolumns = NCOLUMNS(ssh_configs_columns),
	.generate = ssh_configs_generate,
};
