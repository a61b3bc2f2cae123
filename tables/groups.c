/*
 * groups: the local groups of /etc/group, with a gid constraint applied
 * while the file is read.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "passwd.h"

#define GROUP_CAP	(8u << 20)

enum {
	G_GID,
	G_GID_SIGNED,
	G_GROUPNAME,
	G_PID_WITH_NAMESPACE,
};

static const struct column groups_columns[] = {
	{ "gid", COL_BIGINT, COL_INDEX, NULL, "Unsigned int64 group ID" },
	{ "gid_signed", COL_BIGINT, 0, NULL, "A signed int64 version of "
	    "gid" },
	{ "groupname", COL_TEXT, 0, NULL, "Canonical local group name" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
};

static int
gid_wanted(struct gen_ctx *ctx, uint32_t gid)
{
	int i, n = gen_count(ctx, G_GID, GEN_EQ);

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if (gen_int(ctx, G_GID, GEN_EQ, i) == (int64_t)gid)
			return 1;
	return 0;
}

static int
group_row(struct gen_ctx *ctx, const struct group_line *gr)
{
	row_begin(ctx);
	row_int(ctx, G_GID, gr->gid);
	row_int(ctx, G_GID_SIGNED, (int32_t)gr->gid);
	row_textn(ctx, G_GROUPNAME, gr->name.p, gr->name.len);
	return row_end(ctx);
}

static int
groups_generate(struct gen_ctx *ctx)
{
	struct group_line gr;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/etc/group", GROUP_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "groups: /etc/group: %s", strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (group_parse_line(line, &gr) == -1 ||
		    !gid_wanted(ctx, gr.gid))
			continue;
		rc = group_row(ctx, &gr);
	}
	free(data);
	if (rc == -1) {
		gen_error(ctx, "groups: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_groups = {
	.name = "groups",
	.description = "Local system groups.",
	.example = "SELECT gid, groupname FROM groups WHERE gid = 0",
	.columns = groups_columns,
	.ncolumns = NCOLUMNS(groups_columns),
	.generate = groups_generate,
};
