/*
 * dns_resolvers: the name servers, sort list and search list the
 * system's resolver uses, from /etc/resolv.conf read with glibc's rules,
 * and glibc's option bits on every row as osquery shows them.  Without
 * a search or domain line the search list is the domain of the host's
 * name, as glibc has it.  The file is often a link into /run (systemd-
 * resolved, resolvconf, NetworkManager), which privd does not follow out
 * of /etc: then the file it names is read, under the policy's rules for
 * that file.
 */
#include <sys/socket.h>

#include <arpa/inet.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathresolve.h"
#include "pidns.h"
#include "resolv_parse.h"
#include "sysvalue.h"
#include "table.h"

#define RESOLV_DIR	"/etc"
#define RESOLV_PATH	RESOLV_DIR "/resolv.conf"
#define RESOLV_CAP	(1u << 20)
#define HOSTNAME_PATH	"/proc/sys/kernel/hostname"

enum {
	C_ID, C_TYPE, C_ADDRESS, C_NETMASK, C_OPTIONS, C_PID_WITH_NAMESPACE,
};

static const struct column columns[] = {
	[C_ID] = { "id", COL_INTEGER, 0, NULL,
	    "Address type index or order" },
	[C_TYPE] = { "type", COL_TEXT, 0, NULL,
	    "Address type: sortlist, nameserver, search" },
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "Resolver IP/IPv6 address" },
	[C_NETMASK] = { "netmask", COL_TEXT, 0, NULL,
	    "Address (sortlist) netmask length" },
	[C_OPTIONS] = { "options", COL_BIGINT, 0, NULL,
	    "Resolver options" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace" },
};

static void
row_start(struct gen_ctx *ctx, size_t id, const char *type,
    const struct resolv_conf *c)
{
	row_begin(ctx);
	row_int(ctx, C_ID, (int64_t)id);
	row_text(ctx, C_TYPE, type);
	row_int(ctx, C_OPTIONS, (int64_t)c->options);
	row_int(ctx, C_PID_WITH_NAMESPACE, 0);
}

static int
nameserver_rows(struct gen_ctx *ctx, const struct resolv_conf *c)
{
	size_t i;

	for (i = 0; i < c->nns; i++) {
		row_start(ctx, i, "nameserver", c);
		row_text(ctx, C_ADDRESS, c->ns[i].text);
		row_text(ctx, C_NETMASK,
		    c->ns[i].family == AF_INET6 ? "128" : "32");
		if (row_end(ctx) != 0)
			return -1;
	}
	return 0;
}

/* A sort list mask as its length, or dotted when it is not contiguous. */
static int
sortlist_rows(struct gen_ctx *ctx, const struct resolv_conf *c)
{
	char addr[INET_ADDRSTRLEN], mask[INET_ADDRSTRLEN];
	size_t i;
	int bits;

	for (i = 0; i < c->nsort; i++) {
		inet_ntop(AF_INET, c->sort[i].addr, addr, sizeof(addr));
		if ((bits = resolv_mask_bits(c->sort[i].mask)) >= 0)
			snprintf(mask, sizeof(mask), "%d", bits);
		else
			inet_ntop(AF_INET, c->sort[i].mask, mask, sizeof(mask));
		row_start(ctx, i, "sortlist", c);
		row_text(ctx, C_ADDRESS, addr);
		row_text(ctx, C_NETMASK, mask);
		if (row_end(ctx) != 0)
			return -1;
	}
	return 0;
}

static int
search_rows(struct gen_ctx *ctx, const struct resolv_conf *c)
{
	size_t i;

	for (i = 0; i < c->nsearch; i++) {
		row_start(ctx, i, "search", c);
		row_textn(ctx, C_ADDRESS, c->search[i].p, c->search[i].len);
		if (row_end(ctx) != 0)
			return -1;
	}
	return 0;
}

/*
 * The file, or where its link leads when privd will not follow it;
 * path says which was read (or refused).
 */
static int
resolv_read(struct gen_ctx *ctx, char **data, size_t *len, char *path,
    size_t pathsz)
{
	char target[PATH_MAX], real[PATH_MAX];
	int rc;

	snprintf(path, pathsz, "%s", RESOLV_PATH);
	rc = collect_read_file(gen_collect(ctx), RESOLV_PATH, RESOLV_CAP, data,
	    len);
	if (rc != -EACCES || collect_readlink(gen_collect(ctx), RESOLV_PATH,
	    target, sizeof(target)) != 0 ||
	    path_resolve(RESOLV_DIR, target, real, sizeof(real)) == -1)
		return rc;
	snprintf(path, pathsz, "%s", real);
	return collect_read_file(gen_collect(ctx), path, RESOLV_CAP, data,
	    len);
}

static int
resolvers_generate(struct gen_ctx *ctx)
{
	struct resolv_conf conf;
	char *data = NULL, hostname[256], path[PATH_MAX];
	size_t len = 0;
	int rc;

	if (pidns_other_asked(ctx, C_PID_WITH_NAMESPACE))
		return 0;
	rc = resolv_read(ctx, &data, &len, path, sizeof(path));
	if (rc < 0 && rc != -ENOENT) {
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	/* A missing file is glibc's defaults, not an error. */
	resolv_parse(rc < 0 ? "" : data, rc < 0 ? 0 : len, &conf);
	if (!conf.search_set &&
	    sysvalue_read(ctx, HOSTNAME_PATH, hostname, sizeof(hostname)) == 0)
		resolv_default_search(&conf, hostname, strlen(hostname));
	rc = nameserver_rows(ctx, &conf);
	if (rc == 0)
		rc = sortlist_rows(ctx, &conf);
	if (rc == 0)
		rc = search_rows(ctx, &conf);
	free(data);
	if (rc != 0) {
		gen_error(ctx, "dns_resolvers: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_dns_resolvers = {
	.name = "dns_resolvers",
	.description = "Resolvers used by this host.",
	.example = "SELECT address FROM dns_resolvers "
	    "WHERE type = 'nameserver'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = resolvers_generate,
};
