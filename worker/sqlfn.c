/*
 * Registration of osquery's SQL functions and collations, and the small
 * accessors the functions share.
 */
#include <stddef.h>

#include "sqlfn.h"
#include "sqlfn_impl.h"

int
sqlfn_create(sqlite3 *db, const struct sqlfn_def *defs, size_t n)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = sqlite3_create_function_v2(db, defs[i].name,
		    defs[i].nargs, SQLFN_FLAGS, NULL, defs[i].fn, NULL, NULL,
		    NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

int
sqlfn_register(sqlite3 *db)
{
	static int (*const parts[])(sqlite3 *) = {
		sqlfn_string_register,
		sqlfn_regex_register,
		sqlfn_net_register,
		sqlfn_encode_register,
		sqlfn_math_register,
		sqlfn_version_register,
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if ((rc = parts[i](db)) != SQLITE_OK)
			return rc;
	return SQLITE_OK;
}

const char *
sqlfn_text(sqlite3_context *ctx, sqlite3_value *v, size_t *len)
{
	const unsigned char *p;

	/* The text first, then its length: the conversion may change
	 * what sqlite3_value_bytes() reports. */
	if ((p = sqlite3_value_text(v)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	*len = (size_t)sqlite3_value_bytes(v);
	return (const char *)p;
}

void
sqlfn_result_text(sqlite3_context *ctx, const char *p, size_t len)
{
	sqlite3_result_text64(ctx, p, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int
sqlfn_any_null(int argc, sqlite3_value **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return 1;
	return 0;
}
