/*
 * --schema_json: every table of the registry, with its columns, as JSON.
 * The table reference (make docs) is generated from it, so the reference
 * says what the program serves.
 */
#ifndef HOSTQL_WORKER_SCHEMA_JSON_H
#define HOSTQL_WORKER_SCHEMA_JSON_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "../tables/table.h"

/*
 * The tables of a NULL-terminated list (such as table_registry) as a JSON
 * array: per table its name, description, example and columns; per column
 * its name, type in osquery's spelling, the flags index, required,
 * hidden, additional and optimized as booleans, collate (null when none)
 * and description.  NULL with a message in err when a text is not UTF-8
 * or memory runs out.
 */
json_t	*schema_json(const struct table *const *tables, char *err,
	    size_t errlen);

/* osquery's name of a column type: "TEXT", "UNSIGNED_BIGINT" ... */
const char *schema_json_type(enum col_type);

/* Print the registry's schema to f, indented: 0, or -1 after a message
 * on stderr. */
int	 schema_json_print(FILE *f);

#endif
