/*
 * memory_info: the main counters of /proc/meminfo, in bytes, in one
 * row.  A counter the kernel does not report (MemAvailable before 3.14)
 * is NULL.
 */
#include <stdlib.h>
#include <string.h>

#include "keyvalue.h"
#include "table.h"

#define MEMINFO_FILE	"/proc/meminfo"
#define MEMINFO_CAP	(1u << 20)

enum {
	C_MEMORY_TOTAL, C_MEMORY_FREE, C_MEMORY_AVAILABLE, C_BUFFERS,
	C_CACHED, C_SWAP_CACHED, C_ACTIVE, C_INACTIVE, C_SWAP_TOTAL,
	C_SWAP_FREE, C_NCOLUMNS
};

static const struct column columns[] = {
	[C_MEMORY_TOTAL] = { "memory_total", COL_BIGINT, 0, NULL,
	    "Total amount of physical RAM, in bytes" },
	[C_MEMORY_FREE] = { "memory_free", COL_BIGINT, 0, NULL,
	    "The amount of physical RAM, in bytes, left unused by the "
	    "system" },
	[C_MEMORY_AVAILABLE] = { "memory_available", COL_BIGINT, 0, NULL,
	    "The amount of physical RAM, in bytes, available for starting "
	    "new applications, without swapping" },
	[C_BUFFERS] = { "buffers", COL_BIGINT, 0, NULL,
	    "The amount of physical RAM, in bytes, used for file buffers" },
	[C_CACHED] = { "cached", COL_BIGINT, 0, NULL,
	    "The amount of physical RAM, in bytes, used as cache memory" },
	[C_SWAP_CACHED] = { "swap_cached", COL_BIGINT, 0, NULL,
	    "The amount of swap, in bytes, used as cache memory" },
	[C_ACTIVE] = { "active", COL_BIGINT, 0, NULL,
	    "The total amount of buffer or page cache memory, in bytes, "
	    "that is in active use" },
	[C_INACTIVE] = { "inactive", COL_BIGINT, 0, NULL,
	    "The total amount of buffer or page cache memory, in bytes, "
	    "that are free and available" },
	[C_SWAP_TOTAL] = { "swap_total", COL_BIGINT, 0, NULL,
	    "The total amount of swap available, in bytes" },
	[C_SWAP_FREE] = { "swap_free", COL_BIGINT, 0, NULL,
	    "The total amount of swap free, in bytes" },
};

/* The /proc/meminfo key of each column. */
static const char *const keys[C_NCOLUMNS] = {
	[C_MEMORY_TOTAL] = "MemTotal",
	[C_MEMORY_FREE] = "MemFree",
	[C_MEMORY_AVAILABLE] = "MemAvailable",
	[C_BUFFERS] = "Buffers",
	[C_CACHED] = "Cached",
	[C_SWAP_CACHED] = "SwapCached",
	[C_ACTIVE] = "Active",
	[C_INACTIVE] = "Inactive",
	[C_SWAP_TOTAL] = "SwapTotal",
	[C_SWAP_FREE] = "SwapFree",
};

static int
memory_info_generate(struct gen_ctx *ctx)
{
	char *data = NULL;
	size_t len = 0;
	int64_t bytes;
	int col, rc;

	rc = collect_read_file(gen_collect(ctx), MEMINFO_FILE, MEMINFO_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", MEMINFO_FILE, strerror(-rc));
		return 0;
	}
	row_begin(ctx);
	for (col = 0; col < C_NCOLUMNS; col++)
		if (kv_meminfo_bytes(data, len, keys[col], &bytes) == 0)
			row_int(ctx, col, bytes);
	free(data);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "memory_info: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_memory_info = {
	.name = "memory_info",
	.description = "Main memory information in bytes.",
	.example = "SELECT memory_total, memory_available, swap_free "
	    "FROM memory_info",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = memory_info_generate,
};
