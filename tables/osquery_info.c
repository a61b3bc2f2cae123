/*
 * osquery_info: the agent itself.  pid is privd's, the process the
 * operator started; watcher is -1 as in osquery when no separate watcher
 * runs (privd is both the agent and its watchdog).
 */
#include "runtime.h"
#include "table.h"

enum {
	OI_PID, OI_UUID, OI_INSTANCE_ID, OI_VERSION, OI_CONFIG_HASH,
	OI_CONFIG_VALID, OI_EXTENSIONS, OI_BUILD_PLATFORM, OI_BUILD_DISTRO,
	OI_START_TIME, OI_WATCHER, OI_PLATFORM_MASK,
};

static const struct column osquery_info_columns[] = {
	{ "pid", COL_INTEGER, 0, NULL, "Process (or thread/handle) ID" },
	{ "uuid", COL_TEXT, 0, "nocase", "Unique ID provided by the system" },
	{ "instance_id", COL_TEXT, 0, NULL,
	    "Unique, long-lived ID per instance of the agent" },
	{ "version", COL_TEXT, 0, "version", "hostql's version" },
	{ "config_hash", COL_TEXT, 0, "nocase",
	    "Hash of the working configuration state" },
	{ "config_valid", COL_INTEGER, 0, NULL,
	    "1 if the config was loaded and is valid, else 0" },
	{ "extensions", COL_TEXT, 0, NULL,
	    "Extension support: inactive (hostql loads no extensions)" },
	{ "build_platform", COL_TEXT, 0, NULL, "Platform built for" },
	{ "build_distro", COL_TEXT, 0, NULL, "Distribution built on" },
	{ "start_time", COL_INTEGER, 0, NULL,
	    "UNIX time in seconds when the process started" },
	{ "watcher", COL_INTEGER, 0, NULL,
	    "Process ID of the watcher, -1 when none runs apart" },
	{ "platform_mask", COL_INTEGER, 0, NULL,
	    "The osquery platform bitmask (linux and posix)" },
};

/* osquery's platform bits: posix 0x01, linux 0x08. */
#define PLATFORM_MASK_LINUX	(0x01 | 0x08)

static int
osquery_info_generate(struct gen_ctx *ctx)
{
	const struct runtime *rt = gen_runtime(ctx);

	row_begin(ctx);
	row_int(ctx, OI_PID, rt->pid);
	row_text_nonempty(ctx, OI_UUID, rt->instance_id);
	row_text_nonempty(ctx, OI_INSTANCE_ID, rt->instance_id);
	row_text(ctx, OI_VERSION, HOSTQL_VERSION);
	row_text(ctx, OI_CONFIG_HASH, rt->config_hash);
	row_int(ctx, OI_CONFIG_VALID, rt->config_valid);
	row_text(ctx, OI_EXTENSIONS, "inactive");
	row_text(ctx, OI_BUILD_PLATFORM, "linux");
	row_text(ctx, OI_BUILD_DISTRO, "debian");
	row_int(ctx, OI_START_TIME, rt->start_time);
	row_int(ctx, OI_WATCHER, -1);
	row_int(ctx, OI_PLATFORM_MASK, PLATFORM_MASK_LINUX);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_osquery_info = {
	"osquery_info",
	"Information about the running agent: version, start time, config.",
	"SELECT version, start_time, config_valid FROM osquery_info;",
	osquery_info_columns, NCOLUMNS(osquery_info_columns),
	osquery_info_generate,
};
