/*
 * smbios_tables: one row per structure of the SMBIOS table, in table
 * order, with the md5 of its bytes (formatted area and strings), as
 * osquery lists them.
 */
#include "digest.h"
#include "smbios_read.h"
#include "table.h"

enum {
	C_NUMBER,
	C_TYPE,
	C_DESCRIPTION,
	C_HANDLE,
	C_HEADER_SIZE,
	C_SIZE,
	C_MD5,
};

static const struct column smbios_tables_columns[] = {
	[C_NUMBER] = { "number", COL_INTEGER, 0, NULL,
	    "Table entry number" },
	[C_TYPE] = { "type", COL_INTEGER, 0, NULL, "Table entry type" },
	[C_DESCRIPTION] = { "description", COL_TEXT, 0, NULL,
	    "Table entry description" },
	[C_HANDLE] = { "handle", COL_INTEGER, 0, NULL,
	    "Table entry handle" },
	[C_HEADER_SIZE] = { "header_size", COL_INTEGER, 0, NULL,
	    "Header size in bytes (the formatted area)" },
	[C_SIZE] = { "size", COL_INTEGER, 0, NULL,
	    "Table entry size in bytes, strings included" },
	[C_MD5] = { "md5", COL_TEXT, 0, "nocase",
	    "MD5 hash of table entry" },
};

static int
structure_row(struct gen_ctx *ctx, unsigned int number,
    const struct smbios_struct *st, int want_md5)
{
	struct digest_hex hex;

	row_begin(ctx);
	row_int(ctx, C_NUMBER, number);
	row_int(ctx, C_TYPE, st->type);
	row_text(ctx, C_DESCRIPTION, smbios_type_name(st->type));
	row_int(ctx, C_HANDLE, st->handle);
	row_int(ctx, C_HEADER_SIZE, st->length);
	row_int(ctx, C_SIZE, (int64_t)st->size);
	if (want_md5 && digest_buf(st->data, st->size, DIGEST_MD5, &hex) == 0)
		row_text(ctx, C_MD5, hex.md5);
	return row_end(ctx);
}

static int
smbios_tables_generate(struct gen_ctx *ctx)
{
	struct smbios_table t;
	struct smbios_walk w;
	struct smbios_struct st;
	unsigned int number = 0;
	int want_md5 = gen_used(ctx, C_MD5), rc = 0;

	if (smbios_table_read(ctx, &t) == -1)
		return 0;
	smbios_table_walk(&t, &w);
	while (rc == 0 && smbios_next(&w, &st))
		rc = structure_row(ctx, number++, &st, want_md5);
	smbios_table_walk_end(ctx, &w);
	smbios_table_free(&t);
	if (rc == -1) {
		gen_error(ctx, "smbios_tables: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_smbios_tables = {
	.name = "smbios_tables",
	.description = "BIOS (DMI) structure common details and content.",
	.example = "SELECT number, description, handle, size FROM smbios_tables",
	.columns = smbios_tables_columns,
	.ncolumns = NCOLUMNS(smbios_tables_columns),
	.generate = smbios_tables_generate,
};
