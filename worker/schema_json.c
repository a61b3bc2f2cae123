/*
 * The registry as JSON, in the shape of osquery's published schema (an
 * array of tables, each with "name", "description" and "columns"; each
 * column with "name", "type", "description" and boolean flags), plus
 * what osquery keeps elsewhere: the example query, the flags additional
 * and optimized, and the collation.  Every key is always present, so a
 * reader needs no defaults.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../tables/table.h"
#include "schema_json.h"

const char *
schema_json_type(enum col_type t)
{
	switch (t) {
	case COL_TEXT:
		return "TEXT";
	case COL_INTEGER:
		return "INTEGER";
	case COL_BIGINT:
		return "BIGINT";
	case COL_UNSIGNED_BIGINT:
		return "UNSIGNED_BIGINT";
	case COL_DOUBLE:
		return "DOUBLE";
	case COL_BLOB:
		return "BLOB";
	}
	return NULL;
}

/* key: the text, or null when there is none; 0, or -1 when the text is
 * not UTF-8 or memory runs out. */
static int
set_text(json_t *obj, const char *key, const char *text)
{
	json_t *v;

	v = text != NULL ? json_string(text) : json_null();
	if (v == NULL)
		return -1;
	return json_object_set_new(obj, key, v);
}

static int
set_flag(json_t *obj, const char *key, unsigned int flags, unsigned int bit)
{
	return json_object_set_new(obj, key, json_boolean(flags & bit));
}

static json_t *
column_json(const struct column *c)
{
	json_t *o;

	if ((o = json_object()) == NULL)
		return NULL;
	if (set_text(o, "name", c->name) == -1 ||
	    set_text(o, "type", schema_json_type(c->type)) == -1 ||
	    set_flag(o, "index", c->flags, COL_INDEX) == -1 ||
	    set_flag(o, "required", c->flags, COL_REQUIRED) == -1 ||
	    set_flag(o, "hidden", c->flags, COL_HIDDEN) == -1 ||
	    set_flag(o, "additional", c->flags, COL_ADDITIONAL) == -1 ||
	    set_flag(o, "optimized", c->flags, COL_OPTIMIZED) == -1 ||
	    set_text(o, "collate", c->collate) == -1 ||
	    set_text(o, "description", c->description) == -1) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The columns; *bad gets the index of the column that failed. */
static json_t *
columns_json(const struct table *t, int *bad)
{
	json_t *a, *c;
	int i;

	if ((a = json_array()) == NULL)
		return NULL;
	for (i = 0; i < t->ncolumns; i++) {
		*bad = i;
		if ((c = column_json(&t->columns[i])) == NULL ||
		    json_array_append_new(a, c) == -1) {
			json_decref(a);
			return NULL;
		}
	}
	*bad = -1;
	return a;
}

static json_t *
table_json(const struct table *t, char *err, size_t errlen)
{
	json_t *o, *cols;
	int bad = -1;

	if ((o = json_object()) == NULL)
		goto fail;
	if (set_text(o, "name", t->name) == -1 ||
	    set_text(o, "description", t->description) == -1 ||
	    set_text(o, "example", t->example) == -1)
		goto fail;
	if ((cols = columns_json(t, &bad)) == NULL ||
	    json_object_set_new(o, "columns", cols) == -1)
		goto fail;
	return o;
fail:
	json_decref(o);
	if (bad >= 0)
		snprintf(err, errlen, "table %s, column %s: a text is not "
		    "UTF-8, or out of memory", t->name, t->columns[bad].name);
	else
		snprintf(err, errlen, "table %s: a text is not UTF-8, or out "
		    "of memory", t->name);
	return NULL;
}

json_t *
schema_json(const struct table *const *tables, char *err, size_t errlen)
{
	json_t *a, *t;
	size_t i;

	if ((a = json_array()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (i = 0; tables[i] != NULL; i++) {
		if ((t = table_json(tables[i], err, errlen)) == NULL)
			break;
		if (json_array_append_new(a, t) == -1) {
			snprintf(err, errlen, "out of memory");
			break;
		}
	}
	if (tables[i] != NULL) {
		json_decref(a);
		return NULL;
	}
	return a;
}

int
schema_json_print(FILE *f)
{
	char err[256];
	json_t *root;
	int rv;

	if ((root = schema_json(table_registry, err, sizeof(err))) == NULL) {
		fprintf(stderr, "hostql: --schema_json: %s\n", err);
		return -1;
	}
	rv = json_dumpf(root, f, JSON_INDENT(2));
	json_decref(root);
	if (rv == -1 || fputc('\n', f) == EOF || fflush(f) == EOF) {
		/* A closed pipe (hostql --schema_json | head) ends quietly. */
		if (errno != EPIPE)
			fprintf(stderr, "hostql: --schema_json: cannot write: "
			    "%s\n", strerror(errno));
		return -1;
	}
	return 0;
}
