/*
 * shell_history: the commands in each account's shell history files
 * (osquery's list, and the .history files of ~/.bash_sessions), a row
 * per command.  Histories hold passwords typed by mistake and tokens on command lines:
 * the default policy keeps them back, and then this table says how many
 * files it was refused instead of giving their rows.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "history_parse.h"
#include "userfiles.h"

#define HISTORY_CAP	(8u << 20)

enum {
	H_UID,
	H_TIME,
	H_COMMAND,
	H_HISTORY_FILE,
};

static const struct column shell_history_columns[] = {
	{ "uid", COL_BIGINT, COL_ADDITIONAL | COL_OPTIMIZED, NULL, "Shell "
	    "history owner" },
	{ "time", COL_INTEGER, 0, NULL, "Entry timestamp" },
	{ "command", COL_TEXT, 0, NULL, "Unparsed date/line/command history "
	    "line" },
	{ "history_file", COL_TEXT, 0, NULL, "Path to the .*_history for "
	    "this user" },
};

static const char *const history_files[] = {
	".bash_history", ".zsh_history", ".zhistory", ".history",
	".sh_history", NULL,
};

/* zsh writes its history metafied. */
static int
is_zsh(const char *path)
{
	return dirlist_has_suffix(path, "/.zsh_history") ||
	    dirlist_has_suffix(path, "/.zhistory");
}

static int
history_row(struct gen_ctx *ctx, uint32_t uid, const char *path,
    const struct history_entry *e, char *unmeta)
{
	row_begin(ctx);
	row_int(ctx, H_UID, uid);
	row_int(ctx, H_TIME, e->time);
	if (unmeta != NULL)
		row_textn(ctx, H_COMMAND, unmeta,
		    history_unmeta(e->command, unmeta));
	else
		row_textn(ctx, H_COMMAND, e->command.p, e->command.len);
	row_text(ctx, H_HISTORY_FILE, path);
	return row_end(ctx);
}

static int
history_file(struct userfiles *uf, uint32_t uid, const char *path)
{
	struct history_state st = { 0, 0 };
	struct history_entry e;
	struct span line;
	char *data, *unmeta = NULL;
	size_t len, off = 0;
	int rc = 0, cut;

	if (!userfiles_read(uf, path, HISTORY_CAP, &data, &len, &cut))
		return 0;
	if (cut)
		userfiles_warn(uf, "%s: only the first %u MiB read", path,
		    HISTORY_CAP >> 20);
	if (is_zsh(path) && (unmeta = malloc(len + 1)) == NULL)
		rc = -1;
	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (history_parse_line(&st, line, &e))
			rc = history_row(uf->ctx, uid, path, &e, unmeta);
	free(unmeta);
	free(data);
	return rc;
}

static int
is_session_history(const char *name, unsigned int d_type)
{
	return d_type != DT_DIR && dirlist_has_suffix(name, ".history");
}

static int
user_history(struct userfiles *uf, const struct user *u, void *arg)
{
	char path[PATH_MAX];
	size_t i;
	int rc = 0;

	(void)arg;
	if (u->home == NULL)
		return 0;
	for (i = 0; history_files[i] != NULL && rc == 0; i++)
		if (userfiles_path(u->home, history_files[i], path,
		    sizeof(path)) == 0)
			rc = history_file(uf, u->uid, path);
	/* Terminal's per-session histories (macOS), which osquery looks
	 * for on every system. */
	return rc == 0 ? userfiles_each_in_dir(uf, u, ".bash_sessions",
	    is_session_history, history_file) : rc;
}

static int
shell_history_generate(struct gen_ctx *ctx)
{
	struct userfiles uf;
	int rc;

	userfiles_init(&uf, ctx);
	uf.count_refusals = 1;		/* said once, below */
	rc = userfiles_each_user(&uf, H_UID, 0, user_history, NULL);
	userfiles_end(&uf);
	if (uf.nrefused > 0)
		gen_warn(ctx, "%u history files refused by the policy: "
		    "histories hold secrets, and a policy of your own must "
		    "allow them", uf.nrefused);
	return rc;
}

const struct table table_shell_history = {
	.name = "shell_history",
	.description = "A line-delimited (command) table of per-user "
	    ".*_history data.",
	.example = "SELECT uid, datetime(time, 'unixepoch'), command "
	    "FROM shell_history WHERE command LIKE '%curl%'",
	.columns = shell_history_columns,
	.ncolumns = NCOLUMNS(shell_history_columns),
	.generate = shell_history_generate,
};
