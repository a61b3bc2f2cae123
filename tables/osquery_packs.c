/*
 * osquery_packs: the daemon's query packs, whether they apply to this
 * host and whether their discovery queries made them active.  Empty in
 * the shell.
 */
#include "runtime.h"
#include "table.h"

enum {
	OP_NAME, OP_PLATFORM, OP_VERSION, OP_SHARD, OP_DISCOVERY_CACHE_HITS,
	OP_DISCOVERY_EXECUTIONS, OP_ACTIVE,
};

static const struct column osquery_packs_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "The given name for this query pack" },
	{ "platform", COL_TEXT, 0, NULL, "Platforms this query is supported on" },
	{ "version", COL_TEXT, 0, "version",
	    "Minimum agent version that this query will run on" },
	{ "shard", COL_INTEGER, 0, NULL,
	    "Shard restriction limit, 1-100, 0 meaning no restriction" },
	{ "discovery_cache_hits", COL_INTEGER, 0, NULL,
	    "The number of times that the discovery query used cached values "
	    "since the last time the config was reloaded" },
	{ "discovery_executions", COL_INTEGER, 0, NULL,
	    "The number of times that the discovery queries have been executed "
	    "since the last time the config was reloaded" },
	{ "active", COL_INTEGER, 0, NULL,
	    "Whether this pack is active (the version, platform and discovery "
	    "queries match) yes=1, no=0." },
};

static int
osquery_packs_generate(struct gen_ctx *ctx)
{
	const struct runtime *rt = gen_runtime(ctx);
	struct runtime_pack p;
	size_t i, n;

	if (rt->npacks == NULL)
		return 0;
	n = rt->npacks(rt->owner);
	for (i = 0; i < n; i++) {
		rt->pack(rt->owner, i, &p);
		row_begin(ctx);
		row_text(ctx, OP_NAME, p.name);
		row_text(ctx, OP_PLATFORM, p.platform != NULL ? p.platform : "");
		row_text(ctx, OP_VERSION, p.version != NULL ? p.version : "");
		row_int(ctx, OP_SHARD, p.shard);
		row_int(ctx, OP_DISCOVERY_CACHE_HITS,
		    (int64_t)p.discovery_cache_hits);
		row_int(ctx, OP_DISCOVERY_EXECUTIONS,
		    (int64_t)p.discovery_executions);
		row_int(ctx, OP_ACTIVE, p.active);
		if (row_end(ctx) == -1) {
			gen_error(ctx, "out of memory");
			return -1;
		}
	}
	return 0;
}

const struct table table_osquery_packs = {
	"osquery_packs",
	"Information about the current query packs that are loaded.",
	"SELECT name, active FROM osquery_packs;",
	osquery_packs_columns, NCOLUMNS(osquery_packs_columns),
	osquery_packs_generate,
};
