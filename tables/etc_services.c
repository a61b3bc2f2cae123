/*
 * etc_services: the services of /etc/services, one row per entry; a
 * line that is not "name port/protocol [aliases]" is skipped and
 * counted in a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "netdb_parse.h"
#include "row_words.h"
#include "table.h"

#define SERVICES_PATH	"/etc/services"
#define SERVICES_CAP	(8u << 20)

enum {
	C_NAME, C_PORT, C_PROTOCOL, C_ALIASES, C_COMMENT,
};

static const struct column columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL,
	    "Service name" },
	[C_PORT] = { "port", COL_INTEGER, 0, NULL,
	    "Service port number" },
	[C_PROTOCOL] = { "protocol", COL_TEXT, 0, NULL,
	    "Transport protocol (TCP/UDP)" },
	[C_ALIASES] = { "aliases", COL_TEXT, 0, NULL,
	    "Optional space separated list of other names for a service" },
	[C_COMMENT] = { "comment", COL_TEXT, 0, NULL,
	    "Optional comment for a service." },
};

static int
services_row(struct gen_ctx *ctx, const struct services_line *sv)
{
	row_begin(ctx);
	row_textn(ctx, C_NAME, sv->name.p, sv->name.len);
	row_int(ctx, C_PORT, sv->port);
	row_textn(ctx, C_PROTOCOL, sv->protocol.p, sv->protocol.len);
	/* osquery's aliases are "" rather than NULL when there are none. */
	if (row_words(ctx, C_ALIASES, sv->aliases) == -1)
		return -1;
	if (sv->comment.len > 0)
		row_textn(ctx, C_COMMENT, sv->comment.p, sv->comment.len);
	return row_end(ctx);
}

static int
services_generate(struct gen_ctx *ctx)
{
	struct services_line sv;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0, bad = 0;
	int rc, kind;

	rc = collect_read_file(gen_collect(ctx), SERVICES_PATH, SERVICES_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", SERVICES_PATH, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		kind = services_parse_line(line, &sv);
		if (kind == NETDB_BAD)
			bad++;
		else if (kind == NETDB_ENTRY)
			rc = services_row(ctx, &sv);
	}
	free(data);
	if (rc != 0) {
		gen_error(ctx, "etc_services: out of memory");
		return -1;
	}
	if (bad > 0)
		gen_warn(ctx, "%s: %zu malformed line%s skipped", SERVICES_PATH,
		    bad, bad == 1 ? "" : "s");
	return 0;
}

const struct table table_etc_services = {
	.name = "etc_services",
	.description = "Line-parsed /etc/services.",
	.example = "SELECT name, port, protocol FROM etc_services "
	    "WHERE port = 22",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = services_generate,
};
