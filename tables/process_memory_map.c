/*
 * process_memory_map: the memory mappings of every process, one row per
 * line of /proc/<pid>/maps.  Addresses keep the kernel's hex digits
 * behind "0x", as osquery shows them; a mapping with a name but no
 * inode ([heap], [stack], [vdso]) is "pseudo".
 */
#include <errno.h>
#include <string.h>

#include "procmaps.h"
#include "procpids.h"
#include "row_hex.h"
#include "table.h"

enum {
	C_PID, C_START, C_END, C_PERMISSIONS, C_OFFSET, C_DEVICE, C_INODE,
	C_PATH, C_PSEUDO,
};

static const struct column columns[] = {
	[C_PID] = { "pid", COL_INTEGER, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Process (or thread) ID" },
	[C_START] = { "start", COL_TEXT, 0, NULL,
	    "Virtual start address (hex)" },
	[C_END] = { "end", COL_TEXT, 0, NULL, "Virtual end address (hex)" },
	[C_PERMISSIONS] = { "permissions", COL_TEXT, 0, NULL,
	    "r=read, w=write, x=execute, p=private (cow)" },
	[C_OFFSET] = { "offset", COL_BIGINT, 0, NULL,
	    "Offset into mapped path" },
	[C_DEVICE] = { "device", COL_TEXT, 0, NULL,
	    "MA:MI Major/minor device ID" },
	[C_INODE] = { "inode", COL_INTEGER, 0, NULL,
	    "Mapped path inode, 0 means uninitialized (BSS)" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL, "Path to mapped file or "
	    "mapped type" },
	[C_PSEUDO] = { "pseudo", COL_INTEGER, 0, NULL,
	    "1 If path is a pseudo path, else 0" },
};

struct memory_maps {
	struct gen_ctx	*ctx;
	int		 malformed;
	int		 failed;
};

static int
mapping_row(struct memory_maps *m, int32_t pid,
    const struct procmaps_entry *e)
{
	struct gen_ctx *ctx = m->ctx;

	row_begin(ctx);
	row_int(ctx, C_PID, pid);
	row_hex_digits(ctx, C_START, e->start);
	row_hex_digits(ctx, C_END, e->end);
	row_textn(ctx, C_PERMISSIONS, e->perms.p, e->perms.len);
	/* An offset past BIGINT is no offset a file can have. */
	row_int(ctx, C_OFFSET, e->offset <= INT64_MAX ?
	    (int64_t)e->offset : -1);
	row_textn(ctx, C_DEVICE, e->device.p, e->device.len);
	row_int(ctx, C_INODE, e->inode <= INT64_MAX ? (int64_t)e->inode : -1);
	row_textn(ctx, C_PATH, e->path.p, e->path.len);
	row_int(ctx, C_PSEUDO, e->inode == 0 && e->path.len > 0);
	return row_end(ctx);
}

static int
maps_of_process(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct memory_maps *m = arg;
	struct procmaps_entry e;
	size_t off = 0;
	int rc;

	if (err != 0 || kind != PROC_MAPS)
		return 0;
	while ((rc = procmaps_next(data, len, &off, &e)) != 0) {
		if (rc == -1) {
			m->malformed++;
			continue;
		}
		if (mapping_row(m, pid, &e) == -1) {
			m->failed = 1;
			return 1;
		}
	}
	return 0;
}

static int
memory_map_generate(struct gen_ctx *ctx)
{
	struct memory_maps m = { ctx, 0, 0 };
	int rc;

	rc = procpids_read(ctx, C_PID, PROC_KIND_BIT(PROC_MAPS),
	    maps_of_process, &m);
	if (m.failed || rc == -ENOMEM) {
		gen_error(ctx, "process_memory_map: out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "reading /proc/<pid>/maps: %s", strerror(-rc));
	if (m.malformed > 0)
		gen_warn(ctx, "%d malformed lines in /proc/<pid>/maps",
		    m.malformed);
	return 0;
}

const struct table table_process_memory_map = {
	.name = "process_memory_map",
	.description = "Process memory mapped files and pseudo device/regions.",
	.example = "SELECT start, end, permissions, path FROM "
	    "process_memory_map WHERE pid = 1 AND path LIKE '%.so%'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = memory_map_generate,
};
