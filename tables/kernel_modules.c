/*
 * kernel_modules: the loadable modules in the running kernel, as
 * /proc/modules lists them.  A kernel built without module support has
 * no /proc/modules: the table is then empty, with a warning.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "kmodules.h"

#define MODULES_CAP	(4u << 20)

enum {
	KM_NAME,
	KM_SIZE,
	KM_USED_BY,
	KM_STATUS,
	KM_ADDRESS,
};

static const struct column kernel_modules_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Module name" },
	{ "size", COL_BIGINT, 0, NULL, "Size of module content" },
	{ "used_by", COL_TEXT, 0, NULL, "Module reverse dependencies" },
	{ "status", COL_TEXT, 0, NULL, "Kernel module status" },
	{ "address", COL_TEXT, 0, NULL, "Kernel module address" },
};

static int
module_row(struct gen_ctx *ctx, const struct kmodule_line *m)
{
	row_begin(ctx);
	row_textn(ctx, KM_NAME, m->name.p, m->name.len);
	row_int(ctx, KM_SIZE, (int64_t)m->size);
	row_textn(ctx, KM_USED_BY, m->used_by.p, m->used_by.len);
	row_textn(ctx, KM_STATUS, m->status.p, m->status.len);
	row_textn(ctx, KM_ADDRESS, m->address.p, m->address.len);
	return row_end(ctx);
}

static int
kernel_modules_generate(struct gen_ctx *ctx)
{
	struct kmodule_line m;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	unsigned int bad = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/modules", MODULES_CAP,
	    &data, &len);
	if (rc == -ENOENT) {
		gen_warn(ctx, "/proc/modules: absent (a kernel "
		    "without loadable modules)");
		return 0;
	}
	if (rc < 0) {
		gen_warn(ctx, "/proc/modules: %s",
		    strerror(-rc));
		return 0;
	}
	rc = 0;
	while (txt_next_line(data, len, &off, &line)) {
		if (txt_trim(line).len == 0)
			continue;
		if (kmodule_parse_line(line, &m) == -1) {
			bad++;
			continue;
		}
		if (module_row(ctx, &m) == -1) {
			gen_error(ctx, "kernel_modules: out of memory");
			rc = -1;
			break;
		}
	}
	if (bad > 0)
		gen_warn(ctx, "%u malformed line(s) in "
		    "/proc/modules", bad);
	free(data);
	return rc;
}

const struct table table_kernel_modules = {
	.name = "kernel_modules",
	.description = "Linux kernel modules both loaded and within the load "
	    "search path.",
	.example = "SELECT name, size, used_by, status FROM kernel_modules "
	    "WHERE status = 'Live'",
	.columns = kernel_modules_columns,
	.ncolumns = NCOLUMNS(kernel_modules_columns),
	.generate = kernel_modules_generate,
};
