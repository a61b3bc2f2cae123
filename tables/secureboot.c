/*
 * secureboot: whether the firmware enforces Secure Boot and is in setup
 * mode, from the EFI variables the kernel exposes.  A machine booted
 * without EFI has none: the one row then has no values, as in osquery,
 * and the query says why.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "efivar.h"

/* Attributes and a byte; more means the file is not what we expect. */
#define EFIVAR_CAP	64

enum {
	SB_SECURE_BOOT,
	SB_SETUP_MODE,
};

static const struct column secureboot_columns[] = {
	{ "secure_boot", COL_INTEGER, 0, NULL, "Whether secure boot is "
	    "enabled" },
	{ "setup_mode", COL_INTEGER, 0, NULL, "Whether setup mode is "
	    "enabled" },
};

/* One variable into its column; *absent counts those not there. */
static void
efivar_column(struct gen_ctx *ctx, const char *name, int col, int *absent)
{
	char path[128], *data = NULL;
	size_t len = 0;
	int rc, v;

	snprintf(path, sizeof(path), "%s/%s-%s", EFIVAR_DIR, name,
	    EFIVAR_GLOBAL_GUID);
	rc = collect_read_file(gen_collect(ctx), path, EFIVAR_CAP, &data,
	    &len);
	if (rc == -ENOENT) {
		(*absent)++;
		return;
	}
	if (rc < 0)
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
	else if (efivar_bool(data, len, &v) == -1)
		gen_warn(ctx, "%s: %zu bytes, not a boolean "
		    "variable", path, len);
	else {
		if (v == -1)
			gen_warn(ctx, "%s: unknown value", path);
		row_int(ctx, col, v);
	}
	free(data);
}

static int
secureboot_generate(struct gen_ctx *ctx)
{
	int absent = 0;

	row_begin(ctx);
	efivar_column(ctx, "SecureBoot", SB_SECURE_BOOT, &absent);
	efivar_column(ctx, "SetupMode", SB_SETUP_MODE, &absent);
	if (absent == 2)
		gen_warn(ctx, "no EFI variables (%s): not booted "
		    "with EFI", EFIVAR_DIR);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "secureboot: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_secureboot = {
	.name = "secureboot",
	.description = "Secure Boot UEFI Settings.",
	.example = "SELECT secure_boot, setup_mode FROM secureboot",
	.columns = secureboot_columns,
	.ncolumns = NCOLUMNS(secureboot_columns),
	.generate = secureboot_generate,
};
