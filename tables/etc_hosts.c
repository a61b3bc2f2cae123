/*
 * etc_hosts: the entries of /etc/hosts, one row per line, with the host
 * names as one space-separated list.
 */
#include <stdlib.h>
#include <string.h>

#include "netdb_parse.h"
#include "pidns.h"
#include "row_words.h"
#include "table.h"

#define HOSTS_PATH	"/etc/hosts"
#define HOSTS_CAP	(8u << 20)

enum {
	C_ADDRESS, C_HOSTNAMES, C_PID_WITH_NAMESPACE,
};

static const struct column columns[] = {
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "IP address mapping" },
	[C_HOSTNAMES] = { "hostnames", COL_TEXT, 0, NULL,
	    "Raw hosts mapping" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace" },
};

static int
hosts_row(struct gen_ctx *ctx, const struct hosts_line *h)
{
	row_begin(ctx);
	row_textn(ctx, C_ADDRESS, h->address.p, h->address.len);
	if (h->names.len > 0 && row_words(ctx, C_HOSTNAMES, h->names) == -1)
		return -1;
	row_int(ctx, C_PID_WITH_NAMESPACE, 0);
	return row_end(ctx);
}

static int
hosts_generate(struct gen_ctx *ctx)
{
	struct hosts_line h;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	if (pidns_other_asked(ctx, C_PID_WITH_NAMESPACE))
		return 0;
	rc = collect_read_file(gen_collect(ctx), HOSTS_PATH, HOSTS_CAP, &data,
	    &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", HOSTS_PATH, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (hosts_parse_line(line, &h) == NETDB_ENTRY)
			rc = hosts_row(ctx, &h);
	free(data);
	if (rc != 0) {
		gen_error(ctx, "etc_hosts: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_etc_hosts = {
	.name = "etc_hosts",
	.description = "Line-parsed /etc/hosts.",
	.example = "SELECT address, hostnames FROM etc_hosts "
	    "WHERE address = '127.0.0.1'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = hosts_generate,
};
