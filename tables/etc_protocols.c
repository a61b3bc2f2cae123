/*
 * etc_protocols: the protocols of /etc/protocols, one row per entry,
 * with the first alias as osquery shows it; a line that is not
 * "name number [aliases]" is skipped and counted in a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "netdb_parse.h"
#include "table.h"

#define PROTOCOLS_PATH	"/etc/protocols"
#define PROTOCOLS_CAP	(1u << 20)

enum {
	C_NAME, C_NUMBER, C_ALIAS, C_COMMENT,
};

static const struct column columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL,
	    "Protocol name" },
	[C_NUMBER] = { "number", COL_INTEGER, 0, NULL,
	    "Protocol number" },
	[C_ALIAS] = { "alias", COL_TEXT, 0, NULL,
	    "Protocol alias" },
	[C_COMMENT] = { "comment", COL_TEXT, 0, NULL,
	    "Comment with protocol description" },
};

static int
protocols_row(struct gen_ctx *ctx, const struct protocols_line *pr)
{
	row_begin(ctx);
	row_textn(ctx, C_NAME, pr->name.p, pr->name.len);
	row_int(ctx, C_NUMBER, pr->number);
	if (pr->alias.len > 0)
		row_textn(ctx, C_ALIAS, pr->alias.p, pr->alias.len);
	if (pr->comment.len > 0)
		row_textn(ctx, C_COMMENT, pr->comment.p, pr->comment.len);
	return row_end(ctx);
}

static int
protocols_generate(struct gen_ctx *ctx)
{
	struct protocols_line pr;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0, bad = 0;
	int rc, kind;

	rc = collect_read_file(gen_collect(ctx), PROTOCOLS_PATH,
	    PROTOCOLS_CAP, &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", PROTOCOLS_PATH, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		kind = protocols_parse_line(line, &pr);
		if (kind == NETDB_BAD)
			bad++;
		else if (kind == NETDB_ENTRY)
			rc = protocols_row(ctx, &pr);
	}
	free(data);
	if (rc != 0) {
		gen_error(ctx, "etc_protocols: out of memory");
		return -1;
	}
	if (bad > 0)
		gen_warn(ctx, "%s: %zu malformed line%s skipped",
		    PROTOCOLS_PATH, bad, bad == 1 ? "" : "s");
	return 0;
}

const struct table table_etc_protocols = {
	.name = "etc_protocols",
	.description = "Line-parsed /etc/protocols.",
	.example = "SELECT name, number, alias FROM etc_protocols "
	    "WHERE number = 6",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = protocols_generate,
};
