/*
 * acpi_tables: the ACPI tables the firmware handed the kernel, as Linux
 * exposes them under /sys/firmware/acpi/tables (and its dynamic/ and
 * data/ directories), with their size and md5.
 *
 * The files are readable by root only, so privd opens each and passes
 * the descriptor; the worker hashes it.  A table the policy keeps back
 * (MSDM holds the Windows product key of the machine) is listed with its
 * size and no md5.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"
#include "dirlist.h"
#include "table.h"

#define TABLE		"acpi_tables"
#define ACPI_DIR	"/sys/firmware/acpi/tables"
#define MAX_DEPTH	2	/* tables/, tables/dynamic/ */

enum {
	C_NAME,
	C_SIZE,
	C_MD5,
};

static const struct column acpi_tables_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL, "ACPI table name" },
	[C_SIZE] = { "size", COL_INTEGER, 0, NULL,
	    "Size of compiled table data" },
	[C_MD5] = { "md5", COL_TEXT, 0, "nocase",
	    "MD5 hash of table content" },
};

/* The tables, not the "." entries. */
static int
not_hidden(const char *name, unsigned int d_type)
{
	(void)d_type;
	return name[0] != '.';
}

/* The md5 and size of a table through the descriptor privd opens; 0,
 * or the negative errno met. */
static int
hash_table(struct gen_ctx *ctx, const char *path, struct digest_hex *hex,
    int64_t *size)
{
	uint64_t total = 0;
	int fd, rc;

	if ((rc = collect_open_file(gen_collect(ctx), path, &fd)) < 0)
		return rc;
	rc = digest_fd(fd, DIGEST_MD5, hex, &total);
	close(fd);
	*size = (int64_t)total;
	return rc;
}

static int
table_row(struct gen_ctx *ctx, const char *path, const char *name,
    const struct hq_stat *st)
{
	struct digest_hex hex;
	int64_t size = st->size;
	int rc, have_md5 = 0;

	if (gen_used(ctx, C_MD5)) {
		rc = hash_table(ctx, path, &hex, &size);
		if (rc == 0)
			have_md5 = 1;
		else {
			size = st->size;
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		}
	}
	row_begin(ctx);
	row_text(ctx, C_NAME, name);
	row_int(ctx, C_SIZE, size);
	if (have_md5)
		row_text(ctx, C_MD5, hex.md5);
	return row_end(ctx);
}

static int walk_dir(struct gen_ctx *, const char *, int);

/* One entry of a listing: a table, or a directory of them; -1 only
 * when out of memory. */
static int
visit(struct gen_ctx *ctx, const char *dir, const struct dirent_name *e,
    int depth)
{
	char path[PATH_MAX];
	struct hq_stat st;
	int rc;

	if (snprintf(path, sizeof(path), "%s/%s", dir, e->name) >=
	    (int)sizeof(path))
		return 0;
	if (e->d_type != DT_REG && e->d_type != DT_DIR &&
	    e->d_type != DT_UNKNOWN)
		return 0;
	rc = collect_stat(gen_collect(ctx), path, 0, &st);
	if (rc < 0) {
		if (rc != -ENOENT)
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	if (S_ISDIR(st.mode))
		return depth < MAX_DEPTH ? walk_dir(ctx, path, depth + 1) : 0;
	if (!S_ISREG(st.mode))
		return 0;
	return table_row(ctx, path, e->name, &st);
}

static int
walk_dir(struct gen_ctx *ctx, const char *dir, int depth)
{
	struct dirlist dl;
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, not_hidden, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0 && (rc != -ENOENT || depth > 1))
		gen_warn(ctx, "%s: %s", dir, strerror(-rc));
	for (i = 0, rc = 0; rc == 0 && i < dl.n; i++)
		rc = visit(ctx, dir, &dl.v[i], depth);
	dirlist_free(&dl);
	return rc;
}

static int
acpi_tables_generate(struct gen_ctx *ctx)
{
	if (walk_dir(ctx, ACPI_DIR, 1) == -1) {
		gen_error(ctx, "%s: out of memory", TABLE);
		return -1;
	}
	return 0;
}

const struct table table_acpi_tables = {
	.name = "acpi_tables",
	.description = "Firmware ACPI functional table common metadata and "
	    "content.",
	.example = "SELECT name, size, md5 FROM acpi_tables",
	.columns = acpi_tables_columns,
	.ncolumns = NCOLUMNS(acpi_tables_columns),
	.generate = acpi_tables_generate,
};
