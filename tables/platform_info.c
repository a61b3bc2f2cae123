/*
 * platform_info: the firmware, from the SMBIOS BIOS Information structure
 * (type 0), and whether it booted the system as UEFI (Linux then has
 * /sys/firmware/efi) or as a legacy BIOS.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include "smbios_read.h"
#include "table.h"

#define EFI_DIR	"/sys/firmware/efi"

enum {
	C_VENDOR,
	C_VERSION,
	C_DATE,
	C_REVISION,
	C_EXTRA,
	C_FIRMWARE_TYPE,
	C_ADDRESS,
	C_SIZE,
	C_VOLUME_SIZE,
};

static const struct column platform_info_columns[] = {
	[C_VENDOR] = { "vendor", COL_TEXT, 0, NULL, "Platform code vendor" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version",
	    "Platform code version" },
	[C_DATE] = { "date", COL_TEXT, 0, NULL, "Self-reported platform code "
	    "update date" },
	[C_REVISION] = { "revision", COL_TEXT, 0, NULL,
	    "BIOS major and minor revision" },
	[C_EXTRA] = { "extra", COL_TEXT, 0, NULL,
	    "Platform-specific additional information (not on Linux: "
	    "always NULL)" },
	[C_FIRMWARE_TYPE] = { "firmware_type", COL_TEXT, 0, NULL,
	    "The type of firmware (uefi, bios, unknown)" },
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "Relevant address of the firmware loaded in memory (none on "
	    "UEFI)" },
	[C_SIZE] = { "size", COL_TEXT, 0, NULL,
	    "Size in bytes of the firmware ROM" },
	[C_VOLUME_SIZE] = { "volume_size", COL_INTEGER, 0, NULL,
	    "(Optional) size of firmware volume (not on Linux: always "
	    "NULL)" },
};

static void
row_span(struct gen_ctx *ctx, int col, struct span s)
{
	if (s.len > 0)
		row_textn(ctx, col, s.p, s.len);
}

static const char *
firmware_type(struct gen_ctx *ctx)
{
	struct hq_stat st;
	int rc;

	rc = collect_stat(gen_collect(ctx), EFI_DIR, 1, &st);
	if (rc == 0)
		return "uefi";
	if (rc == -ENOENT)
		return "bios";
	return "unknown";
}

static int
bios_row(struct gen_ctx *ctx, const struct smbios_bios *b)
{
	char buf[32];

	row_begin(ctx);
	row_span(ctx, C_VENDOR, b->vendor);
	row_span(ctx, C_VERSION, b->version);
	row_span(ctx, C_DATE, b->date);
	if (b->release_major >= 0) {
		snprintf(buf, sizeof(buf), "%d.%d", b->release_major,
		    b->release_minor);
		row_text(ctx, C_REVISION, buf);
	}
	row_text(ctx, C_FIRMWARE_TYPE, firmware_type(ctx));
	if (b->address >= 0) {
		snprintf(buf, sizeof(buf), "0x%05" PRIx64,
		    (uint64_t)b->address);
		row_text(ctx, C_ADDRESS, buf);
	}
	if (b->rom_size >= 0) {
		snprintf(buf, sizeof(buf), "%" PRId64, b->rom_size);
		row_text(ctx, C_SIZE, buf);
	}
	return row_end(ctx);
}

static int
platform_info_generate(struct gen_ctx *ctx)
{
	struct smbios_table t;
	struct smbios_walk w;
	struct smbios_struct st;
	struct smbios_bios b;
	int rc = 0;

	if (smbios_table_read(ctx, &t) == -1)
		return 0;
	smbios_table_walk(&t, &w);
	while (smbios_next(&w, &st))
		if (smbios_bios_parse(&st, &b) == 0) {
			rc = bios_row(ctx, &b);
			break;
		}
	smbios_table_walk_end(ctx, &w);
	smbios_table_free(&t);
	if (rc == -1) {
		gen_error(ctx, "platform_info: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_platform_info = {
	.name = "platform_info",
	.description = "Information about EFI/UEFI/ROM and platform/boot.",
	.example = "SELECT vendor, version, date, revision FROM platform_info",
	.columns = platform_info_columns,
	.ncolumns = NCOLUMNS(platform_info_columns),
	.generate = platform_info_generate,
};
