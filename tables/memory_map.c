/*
 * memory_map: the physical memory map, every region of /proc/iomem
 * (nested regions included), with addresses as "0x" and the kernel's
 * hex digits.  The kernel shows the addresses only to a reader with
 * CAP_SYS_ADMIN; privd run by a normal user gets zeros, and the table
 * says so.
 */
#include <stdlib.h>
#include <string.h>

#include "iomem.h"
#include "row_hex.h"
#include "table.h"

#define IOMEM_FILE	"/proc/iomem"
#define IOMEM_FILE_CAP	(4u << 20)

enum { C_NAME, C_START, C_END };

static const struct column columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL,
	    "Region name" },
	[C_START] = { "start", COL_TEXT, 0, NULL,
	    "Start address of memory region" },
	[C_END] = { "end", COL_TEXT, 0, NULL,
	    "End address of memory region" },
};

static int
region_row(struct gen_ctx *ctx, const struct iomem_region *r)
{
	row_begin(ctx);
	row_textn(ctx, C_NAME, r->name.p, r->name.len);
	row_hex_digits(ctx, C_START, r->start);
	row_hex_digits(ctx, C_END, r->end);
	return row_end(ctx);
}

static int
memory_map_generate(struct gen_ctx *ctx)
{
	struct iomem_region r;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc, malformed = 0, hidden = 1, n = 0;

	rc = collect_read_file(gen_collect(ctx), IOMEM_FILE, IOMEM_FILE_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", IOMEM_FILE, strerror(-rc));
		return 0;
	}
	while ((rc = iomem_next(data, len, &off, &r)) != 0) {
		if (rc == -1) {
			malformed++;
			continue;
		}
		n++;
		if (!iomem_zero(r.end))
			hidden = 0;
		if (region_row(ctx, &r) == -1) {
			free(data);
			gen_error(ctx, "memory_map: out of memory");
			return -1;
		}
	}
	free(data);
	if (malformed > 0)
		gen_warn(ctx, "%d malformed lines in %s", malformed,
		    IOMEM_FILE);
	if (n > 0 && hidden)
		gen_warn(ctx, "%s shows no addresses: privd is not running "
		    "as root", IOMEM_FILE);
	return 0;
}

const struct table table_memory_map = {
	.name = "memory_map",
	.description = "OS memory region map.",
	.example = "SELECT name, start, end FROM memory_map "
	    "WHERE name = 'System RAM'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = memory_map_generate,
};
