/*
 * Reading the SMBIOS table.  Both files are readable by root only; the
 * policy names them.  On a machine without them (some virtual machines,
 * kernels without CONFIG_DMI_SYSFS) the tables that decode them are
 * empty, with a warning: the worker never goes to /dev/mem.
 */
#include <stdlib.h>
#include <string.h>

#include "smbios_read.h"

#define DMI_TABLE	"/sys/firmware/dmi/tables/DMI"
#define DMI_ENTRY	"/sys/firmware/dmi/tables/smbios_entry_point"
#define DMI_TABLE_CAP	(1u << 20)
#define DMI_ENTRY_CAP	64

static void
read_entry(struct gen_ctx *ctx, struct smbios_table *t)
{
	char *data = NULL;
	size_t len = 0;

	if (collect_read_file(gen_collect(ctx), DMI_ENTRY, DMI_ENTRY_CAP,
	    &data, &len) < 0)
		return;
	t->have_entry = smbios_entry_parse(data, len, &t->entry) == 0;
	free(data);
}

int
smbios_table_read(struct gen_ctx *ctx, struct smbios_table *t)
{
	int rc;

	memset(t, 0, sizeof(*t));
	rc = collect_read_file(gen_collect(ctx), DMI_TABLE, DMI_TABLE_CAP,
	    &t->data, &t->len);
	if (rc < 0) {
		gen_warn(ctx, "no SMBIOS table: %s: %s", DMI_TABLE,
		    strerror(-rc));
		t->data = NULL;
		return -1;
	}
	read_entry(ctx, t);
	return 0;
}

void
smbios_table_free(struct smbios_table *t)
{
	free(t->data);
	memset(t, 0, sizeof(*t));
}

void
smbios_table_walk(const struct smbios_table *t, struct smbios_walk *w)
{
	size_t len = t->len;
	unsigned int count = 0;

	/* The 2.x entry point gives the exact length and count; 3.x only
	 * a maximum, and the end-of-table structure ends the walk. */
	if (t->have_entry) {
		if (t->entry.table_len < len)
			len = t->entry.table_len;
		count = t->entry.count;
	}
	smbios_walk_init(w, t->data, len, count);
}

void
smbios_table_walk_end(struct gen_ctx *ctx, const struct smbios_walk *w)
{
	if (w->broken)
		gen_warn(ctx, "SMBIOS table damaged at offset %zu: "
		    "structures after it left out", w->off);
}
