/*
 * The worker's SQLite: in memory, defensive, no extensions, low limits,
 * temp store in memory, and a deadline per statement checked from the
 * progress handler.  Everything SQLite would open(2) for is done here,
 * before the sandbox closes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "../tables/table.h"
#include "../tables/runtime.h"
#include "db.h"
#include "sqlfn.h"
#include "vtab.h"

#define PROGRESS_OPS	1000

struct db {
	sqlite3			*h;
	struct vtab_env		 env;
	struct runtime		 shell_runtime;	/* until the daemon's */
	struct vtab_module	*modules;
	long			 timeout_ms;
	struct timespec		 deadline;
	int			 timed_out;
	char			 errbuf[512];
};

static const struct {
	int	id;
	int	value;
} db_limits[] = {
	{ SQLITE_LIMIT_LENGTH,			64 << 20 },
	{ SQLITE_LIMIT_SQL_LENGTH,		1 << 20 },
	{ SQLITE_LIMIT_COLUMN,			1000 },
	{ SQLITE_LIMIT_EXPR_DEPTH,		200 },
	{ SQLITE_LIMIT_COMPOUND_SELECT,		100 },
	{ SQLITE_LIMIT_VDBE_OP,			1000000 },
	{ SQLITE_LIMIT_FUNCTION_ARG,		32 },
	{ SQLITE_LIMIT_ATTACHED,		0 },
	{ SQLITE_LIMIT_LIKE_PATTERN_LENGTH,	1000 },
	{ SQLITE_LIMIT_VARIABLE_NUMBER,		100 },
	{ SQLITE_LIMIT_TRIGGER_DEPTH,		10 },
};

static int
past_deadline(void *arg)
{
	struct db *db = arg;
	struct timespec now;

	if (db->timeout_ms <= 0)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > db->deadline.tv_sec ||
	    (now.tv_sec == db->deadline.tv_sec &&
	    now.tv_nsec > db->deadline.tv_nsec)) {
		db->timed_out = 1;
		return 1;
	}
	return 0;
}

void
db_set_runtime(struct db *db, const struct runtime *rt)
{
	db->env.runtime = rt;
}

void
db_set_timeout(struct db *db, long ms)
{
	db->timeout_ms = ms;
}

void
db_start_deadline(struct db *db)
{
	clock_gettime(CLOCK_MONOTONIC, &db->deadline);
	db->deadline.tv_sec += db->timeout_ms / 1000;
	db->deadline.tv_nsec += (db->timeout_ms % 1000) * 1000000L;
	if (db->deadline.tv_nsec >= 1000000000L) {
		db->deadline.tv_sec++;
		db->deadline.tv_nsec -= 1000000000L;
	}
	db->timed_out = 0;
	db->env.missing_required = NULL;
	vtab_statement_begin(&db->env);
}

static int
harden(sqlite3 *h)
{
	unsigned char seed[16];
	size_t i;

	if (sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) ||
	    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    NULL) ||
	    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL))
		return -1;
	for (i = 0; i < sizeof(db_limits) / sizeof(db_limits[0]); i++)
		sqlite3_limit(h, db_limits[i].id, db_limits[i].value);
	/* SQLite seeds its generator from /dev/urandom on first use:
	 * make that happen now, while files can still be opened. */
	sqlite3_randomness(sizeof(seed), seed);
	return sqlite3_exec(h, "PRAGMA temp_store = MEMORY", NULL, NULL,
	    NULL) == SQLITE_OK ? 0 : -1;
}

static int
register_tables(struct db *db)
{
	size_t i, n = 0;

	while (table_registry[n] != NULL)
		n++;
	if ((db->modules = calloc(n + 1, sizeof(*db->modules))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		db->modules[i].t = table_registry[i];
		db->modules[i].env = &db->env;
		if (vtab_register(db->h, &db->modules[i]) != SQLITE_OK)
			return -1;
	}
	return 0;
}

struct db *
db_open(struct collect *c)
{
	struct db *db;

	if (sqlite3_initialize() != SQLITE_OK ||
	    (db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	db->env.collect = c;
	db->shell_runtime.start_time = (int64_t)time(NULL);
	db->shell_runtime.pid = (int)getppid();
	db->shell_runtime.config_hash = "";
	db->env.runtime = &db->shell_runtime;
	if (sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
	    harden(db->h) == -1 || sqlfn_register(db->h) != SQLITE_OK ||
	    register_tables(db) == -1) {
		log_warnx("sqlite: %s", db->h ? sqlite3_errmsg(db->h) :
		    "cannot open");
		db_close(db);
		return NULL;
	}
	sqlite3_progress_handler(db->h, PROGRESS_OPS, past_deadline, db);
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	sqlite3_close(db->h);
	free(db->modules);
	free(db);
}

sqlite3 *
db_handle(struct db *db)
{
	return db->h;
}

/* Required columns of a table, as "path or directory"; the first one's
 * name is what the example in the message uses. */
static const char *
required_columns(const struct table *t, char *buf, size_t len)
{
	const char *first = NULL;
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < t->ncolumns && used < len; i++) {
		if (!(t->columns[i].flags & COL_REQUIRED))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		    first != NULL ? " or " : "", t->columns[i].name);
		if (first == NULL)
			first = t->columns[i].name;
	}
	return first != NULL ? first : "?";
}

const char *
db_errmsg(struct db *db)
{
	const char *msg = sqlite3_errmsg(db->h), *first;
	const struct table *t = db->env.missing_required;
	char cols[128];

	if (db->timed_out) {
		snprintf(db->errbuf, sizeof(db->errbuf), "query stopped after "
		    "the %ld ms deadline (--query_timeout)", db->timeout_ms);
		return db->errbuf;
	}
	if (t != NULL && strstr(msg, "no query solution") != NULL) {
		first = required_columns(t, cols, sizeof(cols));
		snprintf(db->errbuf, sizeof(db->errbuf), "table %s needs a "
		    "constraint on %s, e.g. WHERE %s = '...'", t->name, cols,
		    first);
		return db->errbuf;
	}
	return msg;
}
