/*
 * authorized_keys: the public keys each account lets log in, from
 * ~/.ssh/authorized_keys and ~/.ssh/authorized_keys2, a row per key.
 */
#include <limits.h>
#include <stdlib.h>

#include "table.h"
#include "authkeys_parse.h"
#include "userfiles.h"

#define AUTHKEYS_CAP	(4u << 20)

enum {
	A_UID,
	A_ALGORITHM,
	A_KEY,
	A_OPTIONS,
	A_COMMENT,
	A_KEY_FILE,
	A_PID_WITH_NAMESPACE,
};

static const struct column authorized_keys_columns[] = {
	{ "uid", COL_BIGINT, COL_ADDITIONAL, NULL, "The local owner of "
	    "authorized_keys file" },
	{ "algorithm", COL_TEXT, 0, NULL, "Key type" },
	{ "key", COL_TEXT, 0, NULL, "Key encoded as base64" },
	{ "options", COL_TEXT, 0, NULL, "Optional list of login options" },
	{ "comment", COL_TEXT, 0, NULL, "Optional comment" },
	{ "key_file", COL_TEXT, 0, NULL, "Path to the authorized_keys file" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
};

static void
row_span(struct gen_ctx *ctx, int col, struct span s)
{
	if (s.p != NULL)
		row_textn(ctx, col, s.p, s.len);
}

static int
key_row(struct gen_ctx *ctx, uint32_t uid, const char *path,
    const struct authkey_line *k)
{
	row_begin(ctx);
	row_int(ctx, A_UID, uid);
	row_span(ctx, A_ALGORITHM, k->algorithm);
	row_span(ctx, A_KEY, k->key);
	row_span(ctx, A_OPTIONS, k->options);
	row_span(ctx, A_COMMENT, k->comment);
	row_text(ctx, A_KEY_FILE, path);
	return row_end(ctx);
}

static int
keys_file(struct userfiles *uf, const struct user *u, const char *rel)
{
	struct authkey_line k;
	struct span line;
	char path[PATH_MAX], *data;
	size_t len, off = 0;
	int rc = 0;

	if (userfiles_path(u->home, rel, path, sizeof(path)) == -1 ||
	    !userfiles_read(uf, path, AUTHKEYS_CAP, &data, &len, NULL))
		return 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (authkeys_parse_line(line, &k) == 0)
			rc = key_row(uf->ctx, u->uid, path, &k);
	free(data);
	return rc;
}

static int
user_keys(struct userfiles *uf, const struct user *u, void *arg)
{
	(void)arg;
	if (u->home == NULL)
		return 0;
	if (keys_file(uf, u, ".ssh/authorized_keys") == -1)
		return -1;
	return keys_file(uf, u, ".ssh/authorized_keys2");
}

static int
authorized_keys_generate(struct gen_ctx *ctx)
{
	struct userfiles uf;
	int rc;

	if (gen_count(ctx, A_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	userfiles_init(&uf, ctx);
	rc = userfiles_each_user(&uf, A_UID, 0, user_keys, NULL);
	userfiles_end(&uf);
	return rc;
}

const struct table table_authorized_keys = {
	.name = "authorized_keys",
	.description = "A line-delimited authorized_keys table.",
	.example = "SELECT u.username, k.algorithm, k.comment FROM users u "
	    "JOIN authorized_keys k USING (uid)",
	.columns = authorized_keys_columns,
	.ncolumns = NCOLUMNS(authorized_keys_columns),
	.generate = authorized_keys_generate,
};
