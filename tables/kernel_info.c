/*
 * kernel_info: the running kernel's release and the command line it was
 * booted with; the boot loader's BOOT_IMAGE= word names the image and is
 * taken out of the arguments.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "keyvalue.h"
#include "sysvalue.h"

#define CMDLINE_CAP	(64u << 10)

enum {
	KI_VERSION,
	KI_ARGUMENTS,
	KI_PATH,
	KI_DEVICE,
};

static const struct column kernel_info_columns[] = {
	{ "version", COL_TEXT, 0, "version", "Kernel version" },
	{ "arguments", COL_TEXT, 0, NULL, "Kernel arguments" },
	{ "path", COL_TEXT, 0, NULL, "Kernel path" },
	{ "device", COL_TEXT, 0, NULL, "Kernel device identifier" },
};

static int
cmdline_columns(struct gen_ctx *ctx)
{
	struct span image, root;
	char *data = NULL, *args;
	size_t len = 0, n;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/cmdline",
	    CMDLINE_CAP, &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "kernel_info: /proc/cmdline: %s", strerror(-rc));
		return 0;
	}
	if ((args = malloc(len + 1)) == NULL) {
		free(data);
		return -1;
	}
	n = kv_kernel_cmdline(data, len, args, &image, &root);
	row_textn(ctx, KI_ARGUMENTS, args, n);
	row_textn(ctx, KI_PATH, image.p, image.len);
	row_textn(ctx, KI_DEVICE, root.p, root.len);
	free(args);
	free(data);
	return 0;
}

static int
kernel_info_generate(struct gen_ctx *ctx)
{
	char release[256];
	int rc;

	row_begin(ctx);
	rc = sysvalue_read(ctx, "/proc/sys/kernel/osrelease", release,
	    sizeof(release));
	if (rc < 0)
		gen_warn(ctx, "kernel_info: /proc/sys/kernel/osrelease: %s",
		    strerror(-rc));
	else
		row_text(ctx, KI_VERSION, release);
	if (cmdline_columns(ctx) == -1 || row_end(ctx) == -1) {
		gen_error(ctx, "kernel_info: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_kernel_info = {
	.name = "kernel_info",
	.description = "Basic active kernel information.",
	.example = "SELECT version, arguments FROM kernel_info",
	.columns = kernel_info_columns,
	.ncolumns = NCOLUMNS(kernel_info_columns),
	.generate = kernel_info_generate,
};
