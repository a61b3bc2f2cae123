/*
 * osquery_flags: the daemon's flags (ipc/flags.c), with their defaults
 * and the values in force; in the shell, the values are the defaults.
 */
#include "runtime.h"
#include "table.h"

enum {
	OF_NAME, OF_TYPE, OF_DESCRIPTION, OF_DEFAULT_VALUE, OF_VALUE,
	OF_SHELL_ONLY,
};

static const struct column osquery_flags_columns[] = {
	{ "name", COL_TEXT, 0, NULL, "Flag name" },
	{ "type", COL_TEXT, 0, NULL, "Flag type" },
	{ "description", COL_TEXT, 0, NULL, "Flag description" },
	{ "default_value", COL_TEXT, 0, NULL, "Flag default value" },
	{ "value", COL_TEXT, 0, NULL, "Flag value" },
	{ "shell_only", COL_INTEGER, 0, NULL, "Is the flag shell only?" },
};

static const char *
type_name(enum dflag_type t)
{
	switch (t) {
	case DFLAG_BOOL:
		return "bool";
	case DFLAG_INT:
		return "int64";
	default:
		return "string";
	}
}

static int
osquery_flags_generate(struct gen_ctx *ctx)
{
	const struct runtime *rt = gen_runtime(ctx);
	int i;

	for (i = 0; i < DF_COUNT; i++) {
		row_begin(ctx);
		row_text(ctx, OF_NAME, dflags[i].name);
		row_text(ctx, OF_TYPE, type_name(dflags[i].type));
		row_text(ctx, OF_DESCRIPTION, dflags[i].description);
		row_text(ctx, OF_DEFAULT_VALUE, dflags[i].dflt);
		row_text(ctx, OF_VALUE, rt->flags != NULL ?
		    dflag_str(rt->flags, (enum dflag_id)i) : dflags[i].dflt);
		row_int(ctx, OF_SHELL_ONLY, 0);
		if (row_end(ctx) == -1) {
			gen_error(ctx, "out of memory");
			return -1;
		}
	}
	return 0;
}

const struct table table_osquery_flags = {
	"osquery_flags",
	"Configurable flags that modify the agent's behavior.",
	"SELECT name, value FROM osquery_flags WHERE value != default_value;",
	osquery_flags_columns, NCOLUMNS(osquery_flags_columns),
	osquery_flags_generate,
};
