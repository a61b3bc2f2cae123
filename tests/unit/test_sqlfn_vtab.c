/*
 * Collations in table schemas: a column a table declares with
 * collate "version_dpkg" (or any of osquery's) gets it in the CREATE
 * TABLE text the virtual table layer declares, so ORDER BY, comparisons
 * and min()/max() on that column follow the version order; and every
 * schema of the registry can be declared in a database that has
 * osquery's collations, which catches a collation no one defines.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../tables/table.h"
#include "../../worker/vtab.h"
#include "sqlq.h"

#define EXPECT(q, sql, want)	ck_assert_str_eq(sqlq(q, sql), want)

static const struct column vt_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Package name" },
	{ "version", COL_TEXT, 0, "version_dpkg", "Package version" },
	{ "generic", COL_TEXT, 0, "version", "A version" },
};

static const char *const vt_rows[][3] = {
	{ "a", "2.36-9+deb12u10", "1.10" },
	{ "b", "2.36-9+deb12u4", "1.9" },
	{ "c", "2.36-9", "1.2.3" },
	{ "d", "1:1.0", "2" },
	{ "e", "2.36~rc1-1", "1.0" },
};

static int
vt_generate(struct gen_ctx *ctx)
{
	size_t i;
	int c;

	for (i = 0; i < sizeof(vt_rows) / sizeof(vt_rows[0]); i++) {
		row_begin(ctx);
		for (c = 0; c < 3; c++)
			row_text(ctx, c, vt_rows[i][c]);
		if (row_end(ctx) == -1)
			return -1;
	}
	return 0;
}

static const struct table vt_table = {
	.name = "vt_versions",
	.description = "Versions to sort.",
	.example = "SELECT * FROM vt_versions ORDER BY version",
	.columns = vt_columns,
	.ncolumns = NCOLUMNS(vt_columns),
	.generate = vt_generate,
};

START_TEST(schema_names_collation)
{
	char *sql = vtab_schema_sql(&vt_table);

	ck_assert_ptr_nonnull(sql);
	ck_assert_msg(strstr(sql, "\"version\" TEXT COLLATE version_dpkg") !=
	    NULL, "no collation in: %s", sql);
	ck_assert_msg(strstr(sql, "\"generic\" TEXT COLLATE version") != NULL,
	    "no collation in: %s", sql);
	sqlite3_free(sql);
}
END_TEST

START_TEST(vtab_sorts_by_collation)
{
	struct vtab_env env;
	struct vtab_module mod;
	struct sqlq q;

	memset(&env, 0, sizeof(env));
	mod.t = &vt_table;
	mod.env = &env;
	sqlq_open(&q);
	ck_assert_int_eq(vtab_register(q.db, &mod), SQLITE_OK);
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM "
	    "vt_versions ORDER BY version)", "ecbad");
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM "
	    "vt_versions ORDER BY version DESC)", "dabce");
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM "
	    "vt_versions WHERE version > '2.36-9' ORDER BY name)", "abd");
	EXPECT(&q, "SELECT max(version) FROM vt_versions", "1:1.0");
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM "
	    "vt_versions ORDER BY generic)", "ecbad");
	sqlq_close(&q);
}
END_TEST

START_TEST(registry_schemas_declare)
{
	char *sql, *err = NULL;
	struct sqlq q;
	size_t i;

	sqlq_open(&q);
	for (i = 0; table_registry[i] != NULL; i++) {
		sql = vtab_schema_sql(table_registry[i]);
		ck_assert_ptr_nonnull(sql);
		ck_assert_msg(sqlite3_exec(q.db, sql, NULL, NULL, &err) ==
		    SQLITE_OK, "%s: %s", sql, err);
		sqlite3_free(sql);
	}
	sqlq_close(&q);
}
END_TEST

Suite	*suite_sqlfn_vtab(void);

Suite *
suite_sqlfn_vtab(void)
{
	Suite *s = suite_create("sqlfn_vtab");
	TCase *tc = tcase_create("collate");

	tcase_add_test(tc, schema_names_collation);
	tcase_add_test(tc, vtab_sorts_by_collation);
	tcase_add_test(tc, registry_schemas_declare);
	suite_add_tcase(s, tc);
	return s;
}
