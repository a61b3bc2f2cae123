/* The daemon's flags; see flags.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flags.h"

#define MAXI	9223372036854775807LL

const struct dflag dflags[DF_COUNT] = {
	[DF_CONFIG_PATH] = { "config_path", DFLAG_STRING,
	    "/etc/hostql/hostqld.conf", 0, 0,
	    "Path to the JSON config; fragments in <path>.d/*.conf" },
	[DF_FLAGFILE] = { "flagfile", DFLAG_STRING, "", 0, 0,
	    "Line-delimited file of additional flags" },
	[DF_CONFIG_CHECK] = { "config_check", DFLAG_BOOL, "false", 0, 0,
	    "Check the config, print every error and exit" },
	[DF_DATABASE_PATH] = { "database_path", DFLAG_STRING,
	    "/var/lib/hostql", 0, 0,
	    "State directory: result store and signing keys" },
	[DF_LOGGER_PATH] = { "logger_path", DFLAG_STRING, "/var/log/hostql",
	    0, 0, "Directory of the result, snapshot and status logs" },
	[DF_PIDFILE] = { "pidfile", DFLAG_STRING, "/run/hostqld.pid", 0, 0,
	    "Path to the daemon pidfile (locked while it runs)" },
	[DF_DAEMONIZE] = { "daemonize", DFLAG_BOOL, "false", 0, 0,
	    "Run in the background" },
	[DF_HOST_IDENTIFIER] = { "host_identifier", DFLAG_STRING, "hostname",
	    0, 0, "hostIdentifier of log lines: hostname, uuid, specified" },
	[DF_SPECIFIED_IDENTIFIER] = { "specified_identifier", DFLAG_STRING,
	    "", 0, 0, "The identifier when host_identifier is specified" },
	[DF_SCHEDULE_SPLAY_PERCENT] = { "schedule_splay_percent", DFLAG_INT,
	    "10", 0, 100, "Percent to splay config times" },
	[DF_SCHEDULE_DEFAULT_INTERVAL] = { "schedule_default_interval",
	    DFLAG_INT, "3600", 1, 604800,
	    "Interval of a scheduled query that names none" },
	[DF_SCHEDULE_EPOCH] = { "schedule_epoch", DFLAG_INT, "0", 0, MAXI,
	    "Epoch of results; a new one resets the differentials" },
	[DF_SCHEDULE_TIMEOUT] = { "schedule_timeout", DFLAG_INT, "0", 0,
	    MAXI, "Stop the daemon after this many seconds (0: never)" },
	[DF_PACK_DELIMITER] = { "pack_delimiter", DFLAG_STRING, "_", 0, 0,
	    "Delimiter of pack and query names" },
	[DF_PACK_REFRESH_INTERVAL] = { "pack_refresh_interval", DFLAG_INT,
	    "3600", 1, MAXI, "Seconds between pack discovery runs" },
	[DF_DECORATIONS_TOP_LEVEL] = { "decorations_top_level", DFLAG_BOOL,
	    "false", 0, 0, "Decorations at the top level of log lines" },
	[DF_LOGGER_ROTATE] = { "logger_rotate", DFLAG_BOOL, "true", 0, 0,
	    "Rotate the result and snapshot logs by size" },
	[DF_LOGGER_ROTATE_SIZE] = { "logger_rotate_size", DFLAG_INT,
	    "26214400", 1024, MAXI, "Size in bytes a log rotates at" },
	[DF_LOGGER_ROTATE_MAX_FILES] = { "logger_rotate_max_files",
	    DFLAG_INT, "25", 1, 100000, "Files kept per log, with the live one" },
	[DF_LOGGER_MODE] = { "logger_mode", DFLAG_INT, "0640", 0, 0777,
	    "Mode of log files (octal)" },
	[DF_LOGGER_NUMERICS] = { "logger_numerics", DFLAG_BOOL, "false", 0,
	    0, "Numbers as JSON numbers in result lines" },
	[DF_LOGGER_EVENT_TYPE] = { "logger_event_type", DFLAG_BOOL, "true",
	    0, 0, "One line per changed row (false: one per run)" },
	[DF_LOGGER_PLUGIN] = { "logger_plugin", DFLAG_STRING, "filesystem", 0,
	    0, "Where lines go: filesystem, stdout, or both (comma list)" },
	[DF_WATCHDOG_LEVEL] = { "watchdog_level", DFLAG_INT, "0", -1, 1,
	    "Limits: 0 normal, 1 restrictive, -1 disabled" },
	[DF_WATCHDOG_MEMORY_LIMIT] = { "watchdog_memory_limit", DFLAG_INT,
	    "0", 0, 1000000, "Memory limit in MB (0: the level's)" },
	[DF_WATCHDOG_UTILIZATION_LIMIT] = { "watchdog_utilization_limit",
	    DFLAG_INT, "0", 0, 100, "CPU limit in percent (0: the level's)" },
	[DF_WATCHDOG_LATENCY_LIMIT] = { "watchdog_latency_limit", DFLAG_INT,
	    "0", 0, 1000000, "Seconds over the CPU limit before a breach" },
	[DF_WATCHDOG_DELAY] = { "watchdog_delay", DFLAG_INT, "60", 0, MAXI,
	    "Seconds after start before limits apply" },
	[DF_DISABLE_WATCHDOG] = { "disable_watchdog", DFLAG_BOOL, "false", 0,
	    0, "Do not enforce the watchdog's limits" },
	[DF_POLICY_PATH] = { "policy_path", DFLAG_STRING, "", 0, 0,
	    "privd's policy file (default: the built-in one)" },
	[DF_PRINT_PUBLIC_KEY] = { "print_public_key", DFLAG_BOOL, "false", 0,
	    0, "Print the log signing public key and exit" },
	[DF_VERBOSE] = { "verbose", DFLAG_BOOL, "false", 0, 0,
	    "More status output" },
};

void
dflags_init(struct dflag_values *fv)
{
	memset(fv, 0, sizeof(*fv));
}

void
dflags_free(struct dflag_values *fv)
{
	int i;

	for (i = 0; i < DF_COUNT; i++)
		free(fv->v[i]);
	memset(fv, 0, sizeof(*fv));
}

int
dflags_lookup(const char *name)
{
	int i;

	for (i = 0; i < DF_COUNT; i++)
		if (strcmp(dflags[i].name, name) == 0)
			return i;
	return -1;
}

static int
parse_bool(const char *s, int *b)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
	    strcmp(s, "yes") == 0) {
		*b = 1;
		return 0;
	}
	if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0 ||
	    strcmp(s, "no") == 0) {
		*b = 0;
		return 0;
	}
	return -1;
}

static int
parse_int(const char *s, long long min, long long max, long long *v)
{
	char *end;

	/* Base 0: a mode is written in octal, "0640". */
	errno = 0;
	*v = strtoll(s, &end, 0);
	return *s == '\0' || *end != '\0' || errno != 0 || *v < min ||
	    *v > max ? -1 : 0;
}

static int
value_fits(const struct dflag *f, const char *value, char *err,
    size_t errlen)
{
	long long v;
	int b;

	switch (f->type) {
	case DFLAG_BOOL:
		if (parse_bool(value, &b) == 0)
			return 0;
		snprintf(err, errlen, "--%s: '%s' is not true or false",
		    f->name, value);
		return -1;
	case DFLAG_INT:
		if (parse_int(value, f->min, f->max, &v) == 0)
			return 0;
		snprintf(err, errlen, "--%s: '%s' is not a number from %lld "
		    "to %lld", f->name, value, f->min, f->max);
		return -1;
	default:
		return 0;
	}
}

int
dflags_set(struct dflag_values *fv, const char *name, const char *value,
    int cli, char *err, size_t errlen)
{
	int id = dflags_lookup(name);
	char *copy;

	if (id == -1) {
		snprintf(err, errlen, "unknown flag --%s", name);
		return -1;
	}
	if (value_fits(&dflags[id], value, err, errlen) == -1)
		return -1;
	/* The command line is the operator's last word. */
	if (!cli && fv->from_cli[id])
		return 0;
	if ((copy = strdup(value)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	free(fv->v[id]);
	fv->v[id] = copy;
	fv->from_cli[id] |= cli;
	return 0;
}

/* One "--name[=value]" word, and the next word when it is the value. */
static int
parse_word(struct dflag_values *fv, int argc, char **argv, int *i,
    int cli, char *err, size_t errlen)
{
	char name[128];
	const char *arg = argv[*i], *eq, *value;
	size_t n;
	int id;

	if (strncmp(arg, "--", 2) != 0) {
		snprintf(err, errlen, "unexpected argument '%s'", arg);
		return -1;
	}
	arg += 2;
	eq = strchr(arg, '=');
	n = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	if (n >= sizeof(name)) {
		snprintf(err, errlen, "unknown flag --%.40s...", arg);
		return -1;
	}
	memcpy(name, arg, n);
	name[n] = '\0';
	if (eq != NULL)
		value = eq + 1;
	else if ((id = dflags_lookup(name)) != -1 &&
	    dflags[id].type == DFLAG_BOOL)
		value = "true";
	else if (*i + 1 < argc)
		value = argv[++(*i)];
	else {
		snprintf(err, errlen, "--%s needs a value", name);
		return -1;
	}
	return dflags_set(fv, name, value, cli, err, errlen);
}

int
dflags_parse_argv(struct dflag_values *fv, int argc, char **argv, char *err,
    size_t errlen)
{
	int i;

	for (i = 1; i < argc; i++)
		if (parse_word(fv, argc, argv, &i, 1, err, errlen) == -1)
			return -1;
	return 0;
}

/* Trim spaces around one flagfile line, in place. */
static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r'))
		*--end = '\0';
	return s;
}

int
dflags_parse_file(struct dflag_values *fv, const char *text, size_t len,
    char *err, size_t errlen)
{
	char line[4096], *word, *argv[2];
	size_t start = 0, end, n;
	int lineno = 0, i;

	for (; start < len; start = end + 1) {
		lineno++;
		for (end = start; end < len && text[end] != '\n'; end++)
			;
		if ((n = end - start) >= sizeof(line) ||
		    memchr(text + start, '\0', n) != NULL) {
			snprintf(err, errlen, "line %d: too long or has a NUL",
			    lineno);
			return -1;
		}
		memcpy(line, text + start, n);
		line[n] = '\0';
		word = trim(line);
		if (*word == '\0' || *word == '#')
			continue;
		argv[0] = argv[1] = word;
		i = 1;
		if (parse_word(fv, 2, argv, &i, 0, err, errlen) == -1) {
			n = strlen(err);
			snprintf(err + n, errlen - n, " (line %d)", lineno);
			return -1;
		}
	}
	return 0;
}

const char *
dflag_str(const struct dflag_values *fv, enum dflag_id id)
{
	return fv->v[id] != NULL ? fv->v[id] : dflags[id].dflt;
}

long long
dflag_int(const struct dflag_values *fv, enum dflag_id id)
{
	return strtoll(dflag_str(fv, id), NULL, 0);
}

int
dflag_bool(const struct dflag_values *fv, enum dflag_id id)
{
	int b = 0;

	parse_bool(dflag_str(fv, id), &b);
	return b;
}
