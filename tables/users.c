/*
 * users: the local accounts of /etc/passwd.  A uid or username
 * constraint is applied while the file is read, so a lookup of one
 * account hands over one row.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "passwd.h"

#define PASSWD_CAP	(8u << 20)

enum {
	U_UID,
	U_GID,
	U_UID_SIGNED,
	U_GID_SIGNED,
	U_USERNAME,
	U_DESCRIPTION,
	U_DIRECTORY,
	U_SHELL,
	U_UUID,
	U_PID_WITH_NAMESPACE,
	U_INCLUDE_REMOTE,
};

static const struct column users_columns[] = {
	{ "uid", COL_BIGINT, COL_INDEX, NULL, "User ID" },
	{ "gid", COL_BIGINT, 0, NULL, "Group ID (unsigned)" },
	{ "uid_signed", COL_BIGINT, 0, NULL, "User ID as int64 signed "
	    "(Apple)" },
	{ "gid_signed", COL_BIGINT, 0, NULL, "Default group ID as int64 "
	    "signed (Apple)" },
	{ "username", COL_TEXT, COL_ADDITIONAL, NULL, "Username" },
	{ "description", COL_TEXT, 0, NULL, "Optional user description" },
	{ "directory", COL_TEXT, 0, NULL, "User's home directory" },
	{ "shell", COL_TEXT, 0, NULL, "User's configured default shell" },
	{ "uuid", COL_TEXT, COL_INDEX, "nocase", "User's UUID (Apple) or "
	    "SID (Windows)" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
	{ "include_remote", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "1 to include remote (LDAP/AD) accounts (default 0)" },
};

static int
uid_wanted(struct gen_ctx *ctx, uint32_t uid)
{
	int i, n = gen_count(ctx, U_UID, GEN_EQ);

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if (gen_int(ctx, U_UID, GEN_EQ, i) == (int64_t)uid)
			return 1;
	return 0;
}

static int
name_wanted(struct gen_ctx *ctx, struct span name)
{
	int i, n = gen_count(ctx, U_USERNAME, GEN_EQ);
	const char *want;

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if ((want = gen_text(ctx, U_USERNAME, GEN_EQ, i)) != NULL &&
		    txt_eq(name, want))
			return 1;
	return 0;
}

static int
user_row(struct gen_ctx *ctx, const struct passwd_line *pw)
{
	row_begin(ctx);
	row_int(ctx, U_UID, pw->uid);
	row_int(ctx, U_GID, pw->gid);
	row_int(ctx, U_UID_SIGNED, (int32_t)pw->uid);
	row_int(ctx, U_GID_SIGNED, (int32_t)pw->gid);
	row_textn(ctx, U_USERNAME, pw->name.p, pw->name.len);
	row_textn(ctx, U_DESCRIPTION, pw->gecos.p, pw->gecos.len);
	row_textn(ctx, U_DIRECTORY, pw->dir.p, pw->dir.len);
	row_textn(ctx, U_SHELL, pw->shell.p, pw->shell.len);
	row_text(ctx, U_UUID, "");
	return row_end(ctx);
}

static int
users_generate(struct gen_ctx *ctx)
{
	struct passwd_line pw;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/etc/passwd", PASSWD_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "users: /etc/passwd: %s", strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (passwd_parse_line(line, &pw) == -1 ||
		    !uid_wanted(ctx, pw.uid) || !name_wanted(ctx, pw.name))
			continue;
		rc = user_row(ctx, &pw);
	}
	free(data);
	if (rc == -1) {
		gen_error(ctx, "users: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_users = {
	.name = "users",
	.description = "Local user accounts (including domain accounts that "
	    "have logged on locally (Windows)).",
	.example = "SELECT uid, username, shell FROM users WHERE uid = 0",
	.columns = users_columns,
	.ncolumns = NCOLUMNS(users_columns),
	.generate = users_generate,
};
