/*
 * user_groups: the groups of each local account, as getgrouplist(3)
 * gives them from the files: its primary group first, then every group
 * of /etc/group that lists it as a member, each gid once.  As osquery,
 * an account whose uid came before in /etc/passwd is not listed again.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "passwd.h"
#include "userfiles.h"

#define GROUP_CAP	(8u << 20)

enum {
	UG_UID,
	UG_GID,
};

static const struct column user_groups_columns[] = {
	{ "uid", COL_BIGINT, COL_INDEX | COL_OPTIMIZED, NULL, "User ID" },
	{ "gid", COL_BIGINT, COL_INDEX, NULL, "Group ID" },
};

/* The text of /etc/group, and the gids given to the account at hand. */
struct groups_walk {
	const char	*data;
	size_t		 len;
	uint32_t	*given;
	size_t		 ngiven, cap;
};

static int
gid_wanted(struct gen_ctx *ctx, uint32_t gid)
{
	int i, n = gen_count(ctx, UG_GID, GEN_EQ);

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if (gen_int(ctx, UG_GID, GEN_EQ, i) == (int64_t)gid)
			return 1;
	return 0;
}

static int
is_member(struct span members, struct span name)
{
	struct span m;

	while (txt_next_field(&members, ',', &m)) {
		/* The C library skips blanks before a member's name. */
		while (m.len > 0 && (m.p[0] == ' ' || m.p[0] == '\t')) {
			m.p++;
			m.len--;
		}
		if (m.len == name.len && m.len > 0 &&
		    memcmp(m.p, name.p, m.len) == 0)
			return 1;
	}
	return 0;
}

/* A row for gid, unless the account has it already; -1 when out of
 * memory. */
static int
give(struct gen_ctx *ctx, struct groups_walk *g, uint32_t uid, uint32_t gid)
{
	uint32_t *grown;
	size_t i;

	for (i = 0; i < g->ngiven; i++)
		if (g->given[i] == gid)
			return 0;
	if (g->ngiven == g->cap) {
		grown = reallocarray(g->given, g->cap ? g->cap * 2 : 16,
		    sizeof(*grown));
		if (grown == NULL)
			return -1;
		g->given = grown;
		g->cap = g->cap ? g->cap * 2 : 16;
	}
	g->given[g->ngiven++] = gid;
	if (!gid_wanted(ctx, gid))
		return 0;
	row_begin(ctx);
	row_int(ctx, UG_UID, uid);
	row_int(ctx, UG_GID, gid);
	return row_end(ctx);
}

static int
account_groups(struct userfiles *uf, const struct user *u, void *arg)
{
	struct groups_walk *g = arg;
	struct group_line gr;
	struct span line;
	size_t off = 0;
	int rc;

	g->ngiven = 0;
	rc = give(uf->ctx, g, u->uid, u->gid);
	while (rc == 0 && txt_next_line(g->data, g->len, &off, &line))
		if (group_parse_line(line, &gr) == 0 &&
		    is_member(gr.members, u->pw->name))
			rc = give(uf->ctx, g, u->uid, gr.gid);
	return rc;
}

static int
user_groups_generate(struct gen_ctx *ctx)
{
	struct groups_walk g;
	struct userfiles uf;
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/etc/group", GROUP_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/etc/group: %s", strerror(-rc));
		data = NULL;
		len = 0;
	}
	memset(&g, 0, sizeof(g));
	g.data = data;
	g.len = len;
	userfiles_init(&uf, ctx);
	rc = userfiles_each_user(&uf, UG_UID, 1, account_groups, &g);
	userfiles_end(&uf);
	free(g.given);
	free(data);
	return rc;
}

const struct table table_user_groups = {
	.name = "user_groups",
	.description = "Local system user group relationships.",
	.example = "SELECT u.username, g.groupname FROM user_groups ug "
	    "JOIN users u USING (uid) JOIN groups g USING (gid)",
	.columns = user_groups_columns,
	.ncolumns = NCOLUMNS(user_groups_columns),
	.generate = user_groups_generate,
};
