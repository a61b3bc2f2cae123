/*
 * The daemon's flags, with osquery's names where the concept is the same.
 * privd parses them (command line, then --flagfile, whose lines the
 * command line overrides) and hands every value to the worker as
 * "--name=value", so both processes, and the osquery_flags table, see the
 * same settings from one list.
 */
#ifndef HOSTQL_IPC_FLAGS_H
#define HOSTQL_IPC_FLAGS_H

#include <stddef.h>

enum dflag_type {
	DFLAG_BOOL,
	DFLAG_INT,
	DFLAG_STRING,
};

enum dflag_id {
	DF_CONFIG_PATH,
	DF_FLAGFILE,
	DF_CONFIG_CHECK,
	DF_DATABASE_PATH,
	DF_LOGGER_PATH,
	DF_PIDFILE,
	DF_DAEMONIZE,
	DF_HOST_IDENTIFIER,
	DF_SPECIFIED_IDENTIFIER,
	DF_SCHEDULE_SPLAY_PERCENT,
	DF_SCHEDULE_DEFAULT_INTERVAL,
	DF_SCHEDULE_EPOCH,
	DF_SCHEDULE_TIMEOUT,
	DF_PACK_DELIMITER,
	DF_PACK_REFRESH_INTERVAL,
	DF_DECORATIONS_TOP_LEVEL,
	DF_LOGGER_ROTATE,
	DF_LOGGER_ROTATE_SIZE,
	DF_LOGGER_ROTATE_MAX_FILES,
	DF_LOGGER_MODE,
	DF_LOGGER_NUMERICS,
	DF_LOGGER_EVENT_TYPE,
	DF_LOGGER_PLUGIN,
	DF_WATCHDOG_LEVEL,
	DF_WATCHDOG_MEMORY_LIMIT,
	DF_WATCHDOG_UTILIZATION_LIMIT,
	DF_WATCHDOG_LATENCY_LIMIT,
	DF_WATCHDOG_DELAY,
	DF_DISABLE_WATCHDOG,
	DF_POLICY_PATH,
	DF_PRINT_PUBLIC_KEY,
	DF_VERBOSE,
	DF_COUNT
};

struct dflag {
	const char	*name;
	enum dflag_type	 type;
	const char	*dflt;
	long long	 min, max;	/* DFLAG_INT only */
	const char	*description;
};

extern const struct dflag dflags[DF_COUNT];

/* The values in force: each a copy, or NULL for the default. */
struct dflag_values {
	char	*v[DF_COUNT];
	int	 from_cli[DF_COUNT];	/* set on the command line */
};

void		 dflags_init(struct dflag_values *);
void		 dflags_free(struct dflag_values *);
/* Set one flag by name; -1 with a message naming it when the name is
 * unknown or the value does not fit its type. */
int		 dflags_set(struct dflag_values *, const char *name,
		    const char *value, int cli, char *err, size_t errlen);
/* The command line: --name=value, --name value, --name for a boolean. */
int		 dflags_parse_argv(struct dflag_values *, int argc,
		    char **argv, char *err, size_t errlen);
/* A flagfile: one flag per line, '#' comments; the command line wins. */
int		 dflags_parse_file(struct dflag_values *, const char *text,
		    size_t len, char *err, size_t errlen);
int		 dflags_lookup(const char *name);
const char	*dflag_str(const struct dflag_values *, enum dflag_id);
long long	 dflag_int(const struct dflag_values *, enum dflag_id);
int		 dflag_bool(const struct dflag_values *, enum dflag_id);

#endif
