/*
 * known_hosts: the host keys each account has accepted, from
 * ~/.ssh/known_hosts, a row per line (markers, hashed host names and
 * all), as osquery lists them.
 */
#include <limits.h>
#include <stdlib.h>

#include "table.h"
#include "userfiles.h"

#define KNOWN_HOSTS_CAP	(8u << 20)

enum {
	K_UID,
	K_KEY,
	K_KEY_FILE,
};

static const struct column known_hosts_columns[] = {
	{ "uid", COL_BIGINT, COL_INDEX | COL_OPTIMIZED, NULL, "The local "
	    "user that owns the known_hosts file" },
	{ "key", COL_TEXT, 0, NULL, "parsed authorized keys line" },
	{ "key_file", COL_TEXT, 0, NULL, "Path to known_hosts file" },
};

static int
user_known_hosts(struct userfiles *uf, const struct user *u, void *arg)
{
	struct span line;
	char path[PATH_MAX], *data;
	size_t len, off = 0;
	int rc = 0;

	(void)arg;
	if (u->home == NULL ||
	    userfiles_path(u->home, ".ssh/known_hosts", path,
	    sizeof(path)) == -1 ||
	    !userfiles_read(uf, path, KNOWN_HOSTS_CAP, &data, &len, NULL))
		return 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		line = txt_trim(line);
		if (line.len == 0 || line.p[0] == '#')
			continue;
		row_begin(uf->ctx);
		row_int(uf->ctx, K_UID, u->uid);
		row_textn(uf->ctx, K_KEY, line.p, line.len);
		row_text(uf->ctx, K_KEY_FILE, path);
		rc = row_end(uf->ctx);
	}
	free(data);
	return rc;
}

static int
known_hosts_generate(struct gen_ctx *ctx)
{
	struct userfiles uf;
	int rc;

	userfiles_init(&uf, ctx);
	rc = userfiles_each_user(&uf, K_UID, 0, user_known_hosts, NULL);
	userfiles_end(&uf);
	return rc;
}

const struct table table_known_hosts = {
	.name = "known_hosts",
	.description = "A line-delimited known_hosts table.",
	.example = "SELECT uid, key, key_file FROM known_hosts "
	    "WHERE uid = 1000",
	.columns = known_hosts_columns,
	.ncolumns = NCOLUMNS(known_hosts_columns),
	.generate = known_hosts_generate,
};
