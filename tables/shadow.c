/*
 * shadow: the password ageing of the local accounts, and how each
 * password is locked and hashed, never the hash.  privd reads /etc/shadow
 * on the policy's "crypt-field 2" terms: the hashes are cut out before a
 * byte of the file leaves it (see shadow_parse.h for what is left).
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "shadow_parse.h"

#define SHADOW_CAP	(8u << 20)

enum {
	S_PASSWORD_STATUS,
	S_HASH_ALG,
	S_LAST_CHANGE,
	S_MIN,
	S_MAX,
	S_WARNING,
	S_INACTIVE,
	S_EXPIRE,
	S_FLAG,
	S_USERNAME,
};

static const struct column shadow_columns[] = {
	{ "password_status", COL_TEXT, 0, NULL, "Password status: active, "
	    "locked, not_set (\"!!\") or empty" },
	{ "hash_alg", COL_TEXT, 0, NULL, "Password hashing algorithm: the "
	    "crypt(3) id (1, 5, 6, y, 2b ...)" },
	{ "last_change", COL_BIGINT, 0, NULL, "Date of last password change "
	    "(starting from UNIX epoch date)" },
	{ "min", COL_BIGINT, 0, NULL, "Minimal number of days between "
	    "password changes" },
	{ "max", COL_BIGINT, 0, NULL, "Maximum number of days between "
	    "password changes" },
	{ "warning", COL_BIGINT, 0, NULL, "Number of days before password "
	    "expires to warn user about it" },
	{ "inactive", COL_BIGINT, 0, NULL, "Number of days after password "
	    "expires until account is blocked" },
	{ "expire", COL_BIGINT, 0, NULL, "Number of days since UNIX epoch "
	    "date until account is disabled" },
	{ "flag", COL_BIGINT, 0, NULL, "Reserved" },
	{ "username", COL_TEXT, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Username" },
};

static int
name_wanted(struct gen_ctx *ctx, struct span name)
{
	int i, n = gen_count(ctx, S_USERNAME, GEN_EQ);
	const char *want;

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if ((want = gen_text(ctx, S_USERNAME, GEN_EQ, i)) != NULL &&
		    txt_eq(name, want))
			return 1;
	return 0;
}

static int
shadow_row(struct gen_ctx *ctx, const struct shadow_line *sp)
{
	row_begin(ctx);
	row_text(ctx, S_PASSWORD_STATUS, shadow_status_name(sp->status));
	if (sp->hash_alg.len > 0)
		row_textn(ctx, S_HASH_ALG, sp->hash_alg.p, sp->hash_alg.len);
	row_int(ctx, S_LAST_CHANGE, sp->last_change);
	row_int(ctx, S_MIN, sp->min);
	row_int(ctx, S_MAX, sp->max);
	row_int(ctx, S_WARNING, sp->warning);
	row_int(ctx, S_INACTIVE, sp->inactive);
	row_int(ctx, S_EXPIRE, sp->expire);
	row_int(ctx, S_FLAG, sp->flag);
	row_textn(ctx, S_USERNAME, sp->name.p, sp->name.len);
	return row_end(ctx);
}

static int
shadow_generate(struct gen_ctx *ctx)
{
	struct shadow_line sp;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	unsigned int bad = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/etc/shadow", SHADOW_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/etc/shadow: %s", strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (shadow_parse_line(line, &sp) == -1) {
			line = txt_trim(line);
			if (line.len > 0 && strchr("#+-", line.p[0]) == NULL)
				bad++;
			continue;
		}
		if (name_wanted(ctx, sp.name))
			rc = shadow_row(ctx, &sp);
	}
	free(data);
	if (rc == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	if (bad > 0)
		gen_warn(ctx, "/etc/shadow: %u malformed lines skipped", bad);
	return 0;
}

const struct table table_shadow = {
	.name = "shadow",
	.description = "Local system users' password ageing and the status "
	    "and method of their passwords (never the hash).",
	.example = "SELECT username, password_status, hash_alg FROM shadow "
	    "WHERE password_status = 'active'",
	.columns = shadow_columns,
	.ncolumns = NCOLUMNS(shadow_columns),
	.generate = shadow_generate,
};
