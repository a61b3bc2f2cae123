/*
 * The daemon's config, read through privd (the policy in force names the
 * config file and its fragments), parsed by config.c, told what applies
 * to this host, its packs' discovery queries run, and turned into the
 * running schedule.  An empty --config_path means the built-in config.
 * A config with any error is refused whole: the caller keeps the one it
 * runs.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../ipc/log.h"
#include "daemon.h"

/*
 * The osquery release whose tables and meaning hostql follows: a pack's
 * minimum "version" (written for osquery) is compared with it.
 */
#define OSQUERY_COMPAT_VERSION	"5.12.1"

struct sources {
	struct config_source	*v;
	char			**texts;
	char			**names;
	size_t			 n;
};

static int
io_read(void *arg, const char *path, char **text, size_t *len)
{
	struct wdaemon *wd = arg;

	/* One byte past the limit, so that a file too large is seen as
	 * such rather than cut. */
	return collect_read_file(wd->col, path, CONFIG_MAX_TOTAL + 1, text,
	    len);
}

struct list_adapter {
	int	(*each)(void *, const char *);
	void	*arg;
};

static int
list_one(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct list_adapter *a = arg;

	(void)ino;
	if (d_type == DT_DIR)
		return 0;
	return a->each(a->arg, name) != 0 ? 1 : 0;
}

static int
io_list(void *arg, const char *dir, int (*each)(void *, const char *),
    void *each_arg)
{
	struct wdaemon *wd = arg;
	struct list_adapter a = { each, each_arg };

	return collect_list_dir(wd->col, dir, list_one, &a);
}

static int
add_source(struct sources *s, const char *name, char *text, size_t len)
{
	size_t n = s->n + 1;

	if ((s->v = realloc(s->v, n * sizeof(*s->v))) == NULL ||
	    (s->texts = realloc(s->texts, n * sizeof(char *))) == NULL ||
	    (s->names = realloc(s->names, n * sizeof(char *))) == NULL ||
	    (s->names[s->n] = strdup(name)) == NULL)
		fatal("config sources");
	s->texts[s->n] = text;
	s->v[s->n].name = s->names[s->n];
	s->v[s->n].text = text;
	s->v[s->n].len = len;
	s->n++;
	return 0;
}

static void
sources_free(struct sources *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->texts[i]);
		free(s->names[i]);
	}
	free(s->v);
	free(s->texts);
	free(s->names);
	memset(s, 0, sizeof(*s));
}

struct fragment_names {
	char	**v;
	size_t	 n;
};

static int
take_fragment(void *arg, const char *name)
{
	struct fragment_names *f = arg;

	if (!config_fragment_wanted(name))
		return 0;
	if ((f->v = realloc(f->v, (f->n + 1) * sizeof(char *))) == NULL ||
	    (f->v[f->n] = strdup(name)) == NULL)
		return -ENOMEM;
	f->n++;
	return 0;
}

static int
read_one(struct wdaemon *wd, struct sources *s, const char *path)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = io_read(wd, path, &text, &len)) != 0) {
		log_warnx("config %s: %s", path, strerror(-rc));
		return -1;
	}
	return add_source(s, path, text, len);
}

/* The main file, then <path>.d/ *.conf in lexical order. */
static int
read_sources(struct wdaemon *wd, struct sources *s)
{
	const char *path = dflag_str(&wd->flags, DF_CONFIG_PATH);
	struct fragment_names f = { NULL, 0 };
	char dir[4096], frag[8192];
	size_t i;
	int rc = 0;

	if (path[0] == '\0')
		return add_source(s, CONFIG_DEFAULT_NAME,
		    strndup(config_default_text, config_default_len),
		    config_default_len);
	if (read_one(wd, s, path) == -1)
		return -1;
	snprintf(dir, sizeof(dir), "%s.d", path);
	rc = io_list(wd, dir, take_fragment, &f);
	if (rc != 0 && rc != -ENOENT)
		log_warnx("config fragments %s: %s", dir, strerror(-rc));
	if (f.n > 0)	/* f.v is NULL without fragments */
		qsort(f.v, f.n, sizeof(char *), config_fragment_cmp);
	for (rc = 0, i = 0; i < f.n; i++) {
		snprintf(frag, sizeof(frag), "%s/%s", dir, f.v[i]);
		if (rc == 0 && read_one(wd, s, frag) == -1)
			rc = -1;
		free(f.v[i]);
	}
	free(f.v);
	return rc;
}

/* For discovery: does the query give a row? */
static int
has_rows(void *arg, const char *sql)
{
	struct wdaemon *wd = arg;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db_handle(wd->db), sql, -1, &st, NULL) !=
	    SQLITE_OK || st == NULL) {
		log_warnx("discovery query: %s", db_errmsg(wd->db));
		sqlite3_finalize(st);
		return -1;
	}
	db_start_deadline(wd->db);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static void
report(const struct config_msgs *msgs, int check)
{
	size_t i;

	for (i = 0; i < msgs->n; i++) {
		const struct config_msg *m = &msgs->v[i];
		const char *what = m->level == CONFIG_ERROR ? "error" :
		    "warning";

		if (check)
			fprintf(stderr, "%s: %s\n", what, m->text);
		else
			log_warnx("config %s: %s", what, m->text);
	}
	if (msgs->n < msgs->nerrors + msgs->nwarnings)
		log_warnx("config: %zu more messages", msgs->nerrors +
		    msgs->nwarnings - msgs->n);
}

static struct config *
parse(struct wdaemon *wd, const struct sources *s, int check)
{
	struct config_params params = { 0, NULL };
	struct config_io io = { io_read, io_list, wd };
	struct config_msgs msgs;
	struct config *cfg;

	/* A flag the operator gave beats the config's option. */
	if (wd->flags.v[DF_SCHEDULE_DEFAULT_INTERVAL] != NULL)
		params.default_interval = (unsigned int)dflag_int(&wd->flags,
		    DF_SCHEDULE_DEFAULT_INTERVAL);
	if (wd->flags.v[DF_PACK_DELIMITER] != NULL)
		params.pack_delimiter = dflag_str(&wd->flags,
		    DF_PACK_DELIMITER);
	memset(&msgs, 0, sizeof(msgs));
	cfg = config_parse(s->v, s->n, &params, &io, &msgs);
	report(&msgs, check);
	config_msgs_free(&msgs);
	return cfg;
}

/* The schedule of cfg; a query that ran before keeps its figures and
 * its next time, a new one runs soon after the start. */
static void
build_schedule(struct wdaemon *wd, const struct config *cfg,
    struct sched *s)
{
	time_t now = time(NULL);
	struct sched_entry *e, *old;
	size_t i;

	if ((s->e = calloc(cfg->nqueries + 1, sizeof(*s->e))) == NULL)
		fatal("schedule");
	for (i = 0; i < cfg->nqueries; i++) {
		const struct config_query *q = &cfg->queries[i];

		e = &s->e[s->n++];
		if ((old = sched_find(&wd->sched, q->name)) != NULL) {
			*e = *old;
			old->name = old->sql = NULL;	/* moved */
			free(e->sql);
		} else
			e->next_due = now + 1 + (time_t)i;
		if ((e->name == NULL && (e->name = strdup(q->name)) == NULL) ||
		    (e->sql = strdup(q->sql)) == NULL)
			fatal("schedule");
		e->query = i;
		e->interval = q->splayed_interval;
		e->snapshot = q->snapshot;
		e->removed = q->removed;
		e->denylist = q->denylist;
		e->runs = config_query_runs(cfg, q);
	}
}

/* Packs' discovery again (every --pack_refresh_interval): which queries
 * run may change. */
void
daemon_config_rediscover(struct wdaemon *wd)
{
	size_t i;

	if (wd->cfg == NULL)
		return;
	config_discover(wd->cfg, has_rows, wd);
	for (i = 0; i < wd->sched.n; i++)
		wd->sched.e[i].runs = config_query_runs(wd->cfg,
		    &wd->cfg->queries[wd->sched.e[i].query]);
}

int
daemon_config_load(struct wdaemon *wd, struct sched *s, int check)
{
	struct config_host host;
	struct sources src;
	struct config *cfg;
	char hostname[256] = "";

	memset(&src, 0, sizeof(src));
	if (read_sources(wd, &src) == -1) {
		sources_free(&src);
		return 1;
	}
	cfg = parse(wd, &src, check);
	sources_free(&src);
	if (cfg == NULL)
		return 1;
	gethostname(hostname, sizeof(hostname) - 1);
	host.hostname = hostname;
	host.version = OSQUERY_COMPAT_VERSION;
	host.splay_percent = (unsigned int)dflag_int(&wd->flags,
	    DF_SCHEDULE_SPLAY_PERCENT);
	config_resolve(cfg, &host);
	if (!check)
		config_discover(cfg, has_rows, wd);
	build_schedule(wd, cfg, s);
	config_free(wd->cfg);
	wd->cfg = cfg;
	snprintf(wd->config_hash, sizeof(wd->config_hash), "%s", cfg->hash);
	return 0;
}
