/*
 * The daemon's configuration, in osquery's JSON format: options, the
 * schedule, packs (inline, by path, by glob) with their discovery
 * queries, and decorators, read from the main file and its fragments
 * (the files of <config_path>.d whose names end in ".conf"), checked
 * with one message per mistake, and told what of it applies to this
 * host and when each query is due.
 *
 * Everything here is pure over bytes.  The caller reads the files
 * (through privd) and hands them in as sources; a pack named by path or
 * by glob is fetched through the caller's callbacks.  Nothing here
 * opens a file, reads the clock or asks the host anything: the hostname,
 * the version and the time are arguments.
 *
 * How the sources combine (osquery keeps one copy per source and runs
 * them all; a single agent wants one answer, so the later one wins):
 * - sources are applied in the order given, which the caller makes the
 *   main file first and then the fragments in lexical order of their
 *   names (config_fragment_cmp());
 * - options: a later source's value replaces an earlier one's;
 * - queries: a scheduled name defined again (in the schedule of a later
 *   fragment, or by a pack of the same name) replaces the earlier query,
 *   with a warning naming both places;
 * - packs: a pack defined again replaces the earlier pack as a whole,
 *   queries included, with a warning;
 * - decorators: every source's are kept, in source order.
 *
 * A configuration with any error is refused as a whole: config_parse()
 * returns NULL and the daemon keeps the configuration it runs.
 */
#ifndef HOSTQL_WORKER_CONFIG_H
#define HOSTQL_WORKER_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define CONFIG_MAX_SIZE		(4 * 1024 * 1024) /* JSON bytes of a file,
						     comments removed */
#define CONFIG_MAX_DEPTH	32	/* nesting levels, the root being 0 */
#define CONFIG_MAX_TOTAL	(16 * 1024 * 1024) /* every file together */
#define CONFIG_MAX_GLOB_FILES	1024	/* packs one glob may name */
#define CONFIG_MAX_QUERIES	10000
#define CONFIG_MAX_PACKS	4096
#define CONFIG_MAX_SQL_LIST	1024	/* discovery or decorator queries */
#define CONFIG_INTERVAL_MAX	604800	/* a week */
#define CONFIG_DEFAULT_INTERVAL	3600	/* --schedule_default_interval */
#define CONFIG_DEFAULT_DELIMITER "_"	/* --pack_delimiter */
#define CONFIG_SPLAY_PERCENT	10	/* --schedule_splay_percent */
#define CONFIG_MAX_DRIFT	60	/* --schedule_max_drift, seconds */
#define CONFIG_SHARD_MAX	100
#define CONFIG_MAIN_PACK	"main"	/* the pack the schedule becomes */

/*
 * The caller's file access.  read: the whole file at path into *text
 * (malloc'd; this code frees it) and its length into *len.  list: call
 * each(each_arg, name) for every entry of the directory dir (no path,
 * "." and ".." may be given or not); each returns 0 to go on.  Both
 * return 0 or a negative errno.  A NULL callback refuses what needs it.
 */
typedef int (*config_read_fn)(void *arg, const char *path, char **text,
    size_t *len);
typedef int (*config_list_fn)(void *arg, const char *dir,
    int (*each)(void *, const char *name), void *each_arg);

struct config_io {
	config_read_fn	 read;
	config_list_fn	 list;
	void		*arg;
};

/* One file of configuration: the main file or a fragment. */
struct config_source {
	const char	*name;		/* its path, named in messages */
	const char	*text;		/* need not end with a NUL */
	size_t		 len;
};

/*
 * What the command line said.  A value left 0 or NULL was not given
 * there: the config's own option of the same name is used, or else the
 * default (the command line wins over options, as in osquery).
 */
struct config_params {
	unsigned int	 default_interval;	/* schedule_default_interval */
	const char	*pack_delimiter;	/* pack_delimiter */
};

/* Messages, in the order they were found: the options of every source,
 * then the rest source by source. */
enum config_level {
	CONFIG_ERROR,
	CONFIG_WARNING,
};

struct config_msg {
	enum config_level	 level;
	/* "<source>: <json path>: <what>", e.g. "hostqld.conf:
	 * schedule.foo.interval: 0 is not between 1 and 604800", or
	 * "<source>:<line>:<column>: ..." for JSON syntax.  Bytes from the
	 * config that are not printable ASCII are escaped. */
	char			*text;
};

#define CONFIG_MAX_MSGS		256	/* kept; the rest only counted */

struct config_msgs {
	struct config_msg	*v;
	size_t			 n;		/* kept in v */
	size_t			 nerrors;	/* all of them */
	size_t			 nwarnings;
};

enum config_opt_type {
	CONFIG_OPT_STRING,
	CONFIG_OPT_INTEGER,
	CONFIG_OPT_REAL,
	CONFIG_OPT_BOOL,
	CONFIG_OPT_JSON,		/* an array or object, as JSON text */
};

/* An entry of "options": a flag's value as --name=value would give it. */
struct config_option {
	char			*name;
	char			*value;		/* bools "true"/"false" */
	enum config_opt_type	 type;
	const char		*source;
};

struct config_pack {
	char		*name;		/* CONFIG_MAIN_PACK for the schedule */
	const char	*source;	/* the config file that named it */
	char		*path;		/* the pack file; NULL when inline */
	char		*platform;	/* NULL: every platform */
	char		*version;	/* minimum version; NULL: any */
	unsigned int	 shard;		/* 0: every host */
	char		**discovery;	/* SQL, all must return a row */
	size_t		 ndiscovery;
	/* Set by config_resolve(): platform, version and shard allow it. */
	int		 applies;
	/* Set by config_resolve() to applies when there is no discovery
	 * query, and by config_discover(). */
	int		 active;
	/* Discovery queries run so far (osquery_packs). */
	unsigned long	 discovery_runs;
};

struct config_query {
	char		*name;		/* scheduled name: "q", "pack_p_q" */
	char		*query_name;	/* "q", its name in the pack */
	size_t		 pack;		/* index in config->packs */
	const char	*source;	/* the file that defined it */
	char		*sql;
	unsigned int	 interval;	/* 1 .. CONFIG_INTERVAL_MAX */
	int		 snapshot;	/* log the whole set each run */
	int		 removed;	/* log removed rows */
	int		 denylist;	/* may be denylisted after a crash */
	char		*platform;	/* NULL: every platform */
	char		*version;	/* NULL: any */
	unsigned int	 shard;		/* 0: every host */
	long		 startup_priority; /* -1: none; else run once at
					      start, lowest first */
	/* Set by config_resolve(). */
	int		 applies;	/* its pack's rules and its own allow
					   it */
	unsigned int	 splayed_interval;
};

/* Decorator queries; the first row's columns decorate every log line. */
struct config_decorator_interval {
	unsigned int	 interval;	/* seconds, a multiple of 60 */
	char		**sql;
	size_t		 nsql;
};

struct config_decorators {
	char				**load;		/* once, at load */
	size_t				  nload;
	char				**always;	/* before each query */
	size_t				  nalways;
	struct config_decorator_interval *intervals;	/* ascending */
	size_t				  nintervals;
};

struct config {
	struct config_option	*options;
	size_t			 noptions;
	struct config_pack	*packs;		/* packs[0] is "main" */
	size_t			 npacks;
	struct config_query	*queries;	/* in order of definition */
	size_t			 nqueries;
	struct config_decorators decorators;
	char			*delimiter;	/* in force */
	unsigned int		 default_interval;	/* in force */
	/* SHA-256 of every source and pack file read, in order, each as
	 * its name, a NUL, its length (8 bytes, little-endian), its bytes:
	 * osquery_info.config_hash. */
	char			 hash[64 + 1];
	char			**names;	/* source names (owned) */
	size_t			 nnames;
};

/*
 * Parse and merge the sources.  Every error and warning goes into msgs
 * (which the caller zeroes first and frees with config_msgs_free()).
 * Returns the configuration, or NULL when there was any error or memory
 * ran out (msgs->nerrors > 0 then).  io may be NULL, params too.
 */
struct config	*config_parse(const struct config_source *, size_t nsources,
		    const struct config_params *, const struct config_io *,
		    struct config_msgs *msgs);
void		 config_free(struct config *);
void		 config_msgs_free(struct config_msgs *);

/* The query or option of that name, or NULL. */
const struct config_query  *config_query_find(const struct config *,
			    const char *name);
const struct config_option *config_option_find(const struct config *,
			    const char *name);

/*
 * Fragments: which names of <config_path>.d/ are read (those ending in
 * ".conf" that do not begin with '.'), and their order (strcmp(3), which
 * is osquery's lexical order).  The main file comes before them all.
 */
int	config_fragment_wanted(const char *name);
int	config_fragment_cmp(const void *, const void *); /* const char ** */

/* --- What applies to this host (config_applies.c) ------------------- */

struct config_host {
	const char	*hostname;	/* shard and splay; NULL: "" */
	const char	*version;	/* NULL: HOSTQL_VERSION */
	unsigned int	 splay_percent;	/* --schedule_splay_percent */
};

/*
 * Fill in applies, active and splayed_interval of every pack and query.
 * Discovery queries are not run: a pack with some is inactive until
 * config_discover() says otherwise.
 */
void	config_resolve(struct config *, const struct config_host *);

/*
 * Run the discovery of every pack that applies (osquery re-runs them
 * every --pack_refresh_interval): has_rows runs one query and returns 1
 * when it gave a row, 0 when none, < 0 on an error.  A pack is active
 * when every one of its queries gave a row; they run in order and stop
 * at the first that did not, as osquery's do.  Returns how many packs
 * are active.
 */
size_t	config_discover(struct config *,
	    int (*has_rows)(void *arg, const char *sql), void *arg);

/* Does the query run here: it applies and its pack is active? */
int	config_query_runs(const struct config *, const struct config_query *);

/* The host's shard, 0..100: the first byte of SHA-1(hostname) * 100 /
 * 255.  A query or pack with shard s > 0 runs when s >= this. */
unsigned int	config_host_shard(const char *hostname);
int		config_shard_applies(unsigned int shard,
		    unsigned int host_shard);

/* A platform string: "" or "null" (any), or a comma list of darwin,
 * linux, posix, windows, freebsd, any, all, ubuntu, centos.  valid: 1 or
 * 0; applies: does it name this platform (Linux)? */
int	config_platform_valid(const char *);
int	config_platform_applies(const char *);

/* A minimum version "5.0.1": numbers and dots, perhaps a build suffix
 * after '-' that is not compared; "" and "null" are no minimum.
 * applies when have >= it, number by number (have NULL: ours). */
int	config_version_valid(const char *);
int	config_version_applies(const char *minimum, const char *have);

/* --- When queries run (config_splay.c) ------------------------------ */

/*
 * The splayed interval: interval moved by up to percent % either way
 * (at least 1), as osquery does, but chosen from a hash of seed (the
 * hostname) and the query's name instead of at random, so that it stays
 * the same across restarts and differs between hosts.  osquery's
 * quirks are kept: percent 0 or 1 means 10, above 100 means no splay.
 */
unsigned int	config_splay(unsigned int interval, unsigned int percent,
		    const char *seed, const char *name);

/*
 * Is a query with this splayed interval due at unix time now, the
 * previous scheduler tick having been at prev?  osquery's rule: it runs
 * at each second t where t % splayed == 0.  Ticks the scheduler missed
 * are made up (the query runs once, late) when now - prev is at most
 * CONFIG_MAX_DRIFT; beyond that (a suspend, a clock jump) the missed
 * ones are dropped and only now counts.  A clock that went back runs
 * nothing.  Runs are aligned on the unix time, so a restarted worker
 * runs each query when the old one would have, never all at once.
 */
int		config_due(unsigned int splayed, uint64_t prev, uint64_t now);

/* The first time after now at which it is due. */
uint64_t	config_next_due(unsigned int splayed, uint64_t now);

/* --- The compiled-in default configuration (config_default.c) -------- */

#define CONFIG_DEFAULT_NAME	"(built-in default)"
extern const char	config_default_text[];
extern const size_t	config_default_len;

#endif
