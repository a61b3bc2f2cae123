/*
 * --schema_json and the schema it prints: the JSON is valid and holds
 * every registered table and column with its type and flags; every table
 * has a description and an example query that SQLite accepts (the
 * integration test test_table_examples.sh runs them).  The checks walk
 * the registry, so a table added later is checked as it lands.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>

#include "../../tables/table.h"
#include "../../worker/db.h"
#include "../../worker/schema_json.h"

/* The registry's schema as printed, parsed back. */
static json_t *
printed_schema(void)
{
	json_error_t jerr;
	json_t *root;
	FILE *f;

	ck_assert_ptr_nonnull(f = tmpfile());
	ck_assert_int_eq(schema_json_print(f), 0);
	rewind(f);
	root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
	fclose(f);
	if (root == NULL)
		ck_abort_msg("not JSON: line %d: %s", jerr.line, jerr.text);
	ck_assert(json_is_array(root));
	return root;
}

static size_t
registry_size(void)
{
	size_t n = 0;

	while (table_registry[n] != NULL)
		n++;
	return n;
}

static const char *
text_of(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	ck_assert_msg(json_is_string(v), "\"%s\" is not a string", key);
	return json_string_value(v);
}

static int
flag_of(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	ck_assert_msg(json_is_boolean(v), "\"%s\" is not a boolean", key);
	return json_is_true(v);
}

static int
is_osquery_type(const char *type)
{
	static const char *const types[] = { "TEXT", "INTEGER", "BIGINT",
	    "UNSIGNED_BIGINT", "DOUBLE", "BLOB" };
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return 0;
}

START_TEST(printed_json_has_every_table)
{
	json_t *root = printed_schema(), *t;
	size_t i;

	ck_assert_uint_gt(registry_size(), 0);
	ck_assert_uint_eq(json_array_size(root), registry_size());
	json_array_foreach(root, i, t) {
		ck_assert_str_eq(text_of(t, "name"), table_registry[i]->name);
		ck_assert_ptr_nonnull(table_find(text_of(t, "name")));
		text_of(t, "description");
		text_of(t, "example");
		ck_assert(json_is_array(json_object_get(t, "columns")));
	}
	json_decref(root);
}
END_TEST

/* Each column as the registry declares it: name, type, every flag. */
static void
check_column(const struct table *tab, const struct column *c, json_t *jc)
{
	json_t *collate = json_object_get(jc, "collate");

	ck_assert_str_eq(text_of(jc, "name"), c->name);
	ck_assert_msg(is_osquery_type(text_of(jc, "type")),
	    "%s.%s: type %s", tab->name, c->name, text_of(jc, "type"));
	ck_assert_str_eq(text_of(jc, "type"), schema_json_type(c->type));
	ck_assert_int_eq(flag_of(jc, "index"), !!(c->flags & COL_INDEX));
	ck_assert_int_eq(flag_of(jc, "required"), !!(c->flags & COL_REQUIRED));
	ck_assert_int_eq(flag_of(jc, "hidden"), !!(c->flags & COL_HIDDEN));
	ck_assert_int_eq(flag_of(jc, "additional"),
	    !!(c->flags & COL_ADDITIONAL));
	ck_assert_int_eq(flag_of(jc, "optimized"),
	    !!(c->flags & COL_OPTIMIZED));
	if (c->collate == NULL)
		ck_assert(json_is_null(collate));
	else
		ck_assert_str_eq(text_of(jc, "collate"), c->collate);
	text_of(jc, "description");
}

START_TEST(printed_json_has_every_column)
{
	json_t *root = printed_schema(), *t, *cols;
	size_t i;
	int k;

	json_array_foreach(root, i, t) {
		const struct table *tab = table_registry[i];

		cols = json_object_get(t, "columns");
		ck_assert_int_eq((int)json_array_size(cols), tab->ncolumns);
		ck_assert_msg(tab->ncolumns > 0, "%s has no columns",
		    tab->name);
		for (k = 0; k < tab->ncolumns; k++)
			check_column(tab, &tab->columns[k],
			    json_array_get(cols, (size_t)k));
	}
	json_decref(root);
}
END_TEST

START_TEST(tables_are_described)
{
	const struct table *t;
	size_t i, len;
	int k;

	for (i = 0; (t = table_registry[i]) != NULL; i++) {
		ck_assert_msg(t->description != NULL &&
		    (len = strlen(t->description)) > 1 &&
		    t->description[len - 1] == '.',
		    "%s: the description is not a sentence ending in '.'",
		    t->name);
		ck_assert_msg(t->example != NULL && *t->example != '\0',
		    "%s: no example query", t->name);
		for (k = 0; k < t->ncolumns; k++)
			ck_assert_msg(t->columns[k].description != NULL &&
			    *t->columns[k].description != '\0',
			    "%s.%s: no description", t->name,
			    t->columns[k].name);
	}
}
END_TEST

/*
 * Preparing runs the planner, and with it the check for required
 * columns: an example with a typo, an unknown column or no path for a
 * table that needs one fails here, without reading the host.
 */
START_TEST(examples_prepare)
{
	const struct table *t;
	sqlite3_stmt *stmt;
	const char *tail;
	struct db *db;
	size_t i;
	int rc;

	ck_assert_ptr_nonnull(db = db_open(NULL));
	for (i = 0; (t = table_registry[i]) != NULL; i++) {
		if (t->example == NULL)
			continue;
		stmt = NULL;
		rc = sqlite3_prepare_v2(db_handle(db), t->example, -1, &stmt,
		    &tail);
		ck_assert_msg(rc == SQLITE_OK && stmt != NULL, "%s: example "
		    "\"%s\": %s", t->name, t->example, db_errmsg(db));
		ck_assert_msg(tail[strspn(tail, " \t\n;")] == '\0',
		    "%s: the example is more than one statement", t->name);
		ck_assert_msg(strstr(t->example, t->name) != NULL,
		    "%s: the example does not name its table", t->name);
		sqlite3_finalize(stmt);
	}
	db_close(db);
}
END_TEST

/*
 * A made-up table: text that JSON must escape, every flag, a collation,
 * a column with none of them.
 */
static const struct column odd_columns[] = {
	{ "path", COL_TEXT, COL_INDEX | COL_REQUIRED | COL_OPTIMIZED, NULL,
	    "A \"quoted\" path\\name\nwith a newline, a tab\t and \xc3\xa9" },
	{ "size", COL_UNSIGNED_BIGINT, COL_ADDITIONAL | COL_HIDDEN,
	    "nocase", "</script><b>&amp;" },
	{ "ratio", COL_DOUBLE, 0, NULL, NULL },
	{ "data", COL_BLOB, 0, NULL, "" },
};

static const struct table odd_table = {
	.name = "odd",
	.description = "Odd \"text\".",
	.example = "SELECT * FROM odd WHERE path = 'x'",
	.columns = odd_columns,
	.ncolumns = NCOLUMNS(odd_columns),
};

static const struct table *const odd_list[] = { &odd_table, NULL };

START_TEST(text_is_escaped_and_flags_mapped)
{
	json_error_t jerr;
	json_t *a, *back, *cols, *c;
	char err[128], *text;

	ck_assert_ptr_nonnull(a = schema_json(odd_list, err, sizeof(err)));
	ck_assert_ptr_nonnull(text = json_dumps(a, JSON_COMPACT));
	ck_assert_ptr_nonnull(back = json_loads(text, 0, &jerr));
	ck_assert(json_equal(a, back));
	cols = json_object_get(json_array_get(back, 0), "columns");
	c = json_array_get(cols, 0);
	ck_assert_str_eq(text_of(c, "description"),
	    odd_columns[0].description);
	ck_assert(flag_of(c, "index") && flag_of(c, "required") &&
	    flag_of(c, "optimized"));
	ck_assert(!flag_of(c, "hidden") && !flag_of(c, "additional"));
	c = json_array_get(cols, 1);
	ck_assert_str_eq(text_of(c, "type"), "UNSIGNED_BIGINT");
	ck_assert_str_eq(text_of(c, "collate"), "nocase");
	ck_assert(flag_of(c, "hidden") && flag_of(c, "additional"));
	ck_assert(!flag_of(c, "required"));
	/* No description is null, not a made-up text. */
	ck_assert(json_is_null(json_object_get(json_array_get(cols, 2),
	    "description")));
	ck_assert_str_eq(text_of(json_array_get(cols, 3), "type"), "BLOB");
	free(text);
	json_decref(back);
	json_decref(a);
}
END_TEST

static const struct column bad_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Fine" },
	{ "bytes", COL_TEXT, 0, NULL, "Not UTF-8: \xff\xfe" },
};

static const struct table bad_table = {
	.name = "bad",
	.description = "A table with a column whose text is not UTF-8.",
	.example = "SELECT * FROM bad",
	.columns = bad_columns,
	.ncolumns = NCOLUMNS(bad_columns),
};

static const struct table *const bad_list[] = { &odd_table, &bad_table,
    NULL };

START_TEST(bad_text_names_its_column)
{
	char err[128] = "";

	ck_assert_ptr_null(schema_json(bad_list, err, sizeof(err)));
	ck_assert_msg(strstr(err, "table bad, column bytes") != NULL,
	    "message: %s", err);
}
END_TEST

START_TEST(type_names)
{
	ck_assert_str_eq(schema_json_type(COL_TEXT), "TEXT");
	ck_assert_str_eq(schema_json_type(COL_INTEGER), "INTEGER");
	ck_assert_str_eq(schema_json_type(COL_BIGINT), "BIGINT");
	ck_assert_str_eq(schema_json_type(COL_UNSIGNED_BIGINT),
	    "UNSIGNED_BIGINT");
	ck_assert_str_eq(schema_json_type(COL_DOUBLE), "DOUBLE");
	ck_assert_str_eq(schema_json_type(COL_BLOB), "BLOB");
}
END_TEST

Suite	*suite_schema_json(void);

Suite *
suite_schema_json(void)
{
	Suite *s = suite_create("schema_json");
	TCase *tc = tcase_create("schema_json");

	tcase_add_test(tc, printed_json_has_every_table);
	tcase_add_test(tc, printed_json_has_every_column);
	tcase_add_test(tc, tables_are_described);
	tcase_add_test(tc, examples_prepare);
	tcase_add_test(tc, text_is_escaped_and_flags_mapped);
	tcase_add_test(tc, bad_text_names_its_column);
	tcase_add_test(tc, type_names);
	suite_add_tcase(s, tc);
	return s;
}
