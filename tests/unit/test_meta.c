/*
 * Meta commands: splitting a command line into words, booleans, table
 * name patterns, and the CREATE TABLE text .schema prints.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/table.h"
#include "../../worker/meta.h"
#include "../../worker/printer.h"

START_TEST(split_plain_words)
{
	char line[] = ".mode   csv ";
	char *w[4];

	ck_assert_int_eq(meta_split(line, w, 4), 2);
	ck_assert_str_eq(w[0], "mode");
	ck_assert_str_eq(w[1], "csv");
}
END_TEST

START_TEST(split_quoted_words)
{
	char line[] = ".print 'a b' \"c\\td\" \"x\\\"y\" e";
	char *w[8];

	ck_assert_int_eq(meta_split(line, w, 8), 5);
	ck_assert_str_eq(w[0], "print");
	ck_assert_str_eq(w[1], "a b");
	ck_assert_str_eq(w[2], "c\td");
	ck_assert_str_eq(w[3], "x\"y");
	ck_assert_str_eq(w[4], "e");
}
END_TEST

START_TEST(split_edge_cases)
{
	char empty[] = ".";
	char open[] = ".separator 'unterminated";
	char many[] = ".print a b c d e";
	char emptyq[] = ".nullvalue ''";
	char *w[3];

	ck_assert_int_eq(meta_split(empty, w, 3), 0);
	ck_assert_int_eq(meta_split(open, w, 3), 2);
	ck_assert_str_eq(w[1], "unterminated");
	/* No more words than asked for. */
	ck_assert_int_eq(meta_split(many, w, 3), 3);
	ck_assert_int_eq(meta_split(emptyq, w, 3), 2);
	ck_assert_str_eq(w[1], "");
}
END_TEST

START_TEST(booleans)
{
	int v = -1;

	ck_assert_int_eq(meta_bool("on", &v), 0);
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(meta_bool("OFF", &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(meta_bool("true", &v), 0);
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(meta_bool("0", &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(meta_bool("maybe", &v), -1);
	ck_assert_int_eq(meta_bool("", &v), -1);
}
END_TEST

START_TEST(name_patterns)
{
	ck_assert(meta_name_matches("processes", NULL));
	ck_assert(meta_name_matches("processes", "proc"));
	ck_assert(meta_name_matches("process_envs", "proc"));
	ck_assert(!meta_name_matches("users", "proc"));
	ck_assert(meta_name_matches("process_envs", "%envs"));
	ck_assert(!meta_name_matches("processes", "%envs"));
	ck_assert(meta_name_matches("users", "user_"));
}
END_TEST

static const struct column demo_columns[] = {
	{ "pid", COL_BIGINT, COL_INDEX, NULL, "Process id." },
	{ "name", COL_TEXT, 0, NULL, "Name." },
	{ "size", COL_UNSIGNED_BIGINT, 0, NULL, "Size." },
	{ "load", COL_DOUBLE, 0, NULL, "Load." },
	{ "path", COL_TEXT, COL_ADDITIONAL, NULL, "Path." },
	{ "ns", COL_INTEGER, COL_HIDDEN, NULL, "Namespace." },
	{ "raw", COL_BLOB, 0, NULL, "Raw." },
};

static const struct table demo = {
	"demo", "A table for the tests.", "SELECT * FROM demo;",
	demo_columns, NCOLUMNS(demo_columns), NULL,
};

static const struct column plain_columns[] = {
	{ "key", COL_TEXT, COL_ADDITIONAL, NULL, "Key." },
	{ "value", COL_TEXT, 0, NULL, "Value." },
};

static const struct table plain = {
	"plain", "Without an index.", "SELECT * FROM plain;",
	plain_columns, NCOLUMNS(plain_columns), NULL,
};

static char *
schema(const struct table *t)
{
	struct outbuf b;
	char *r;

	outbuf_init(&b);
	ck_assert_int_eq(meta_schema_of(t, &b), 0);
	outbuf_addc(&b, '\0');
	r = strdup(b.data);
	outbuf_free(&b);
	return r;
}

START_TEST(schema_like_osquery)
{
	char *s = schema(&demo);

	ck_assert_str_eq(s, "CREATE TABLE demo(`pid` BIGINT, `name` TEXT, "
	    "`size` UNSIGNED BIGINT, `load` DOUBLE, `path` TEXT, "
	    "`ns` INTEGER HIDDEN, `raw` BLOB, "
	    "PRIMARY KEY (`pid`, `path`)) WITHOUT ROWID;\n");
	free(s);
}
END_TEST

START_TEST(schema_without_index_has_no_key)
{
	char *s = schema(&plain);

	ck_assert_str_eq(s, "CREATE TABLE plain(`key` TEXT, `value` TEXT);\n");
	free(s);
}
END_TEST

Suite	*suite_meta(void);

Suite *
suite_meta(void)
{
	Suite *s = suite_create("meta");
	TCase *tc = tcase_create("meta");

	tcase_add_test(tc, split_plain_words);
	tcase_add_test(tc, split_quoted_words);
	tcase_add_test(tc, split_edge_cases);
	tcase_add_test(tc, booleans);
	tcase_add_test(tc, name_patterns);
	tcase_add_test(tc, schema_like_osquery);
	tcase_add_test(tc, schema_without_index_has_no_key);
	suite_add_tcase(s, tc);
	return s;
}
