/*
 * Decorators, as osquery's: "load" queries run when the config is
 * loaded, "interval" ones when unix time is a multiple of their interval,
 * "always" ones before each scheduled query.  The columns of each
 * query's first row become key/value decorations of the log lines; a
 * later query's key replaces an earlier one's.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../ipc/log.h"
#include "daemon.h"

static void
set_clear(struct decoration_set *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->key[i]);
		free(d->value[i]);
	}
	d->n = 0;
}

static void
set_put(struct decoration_set *d, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->key[i], key) == 0)
			break;
	if (i == DECORATIONS_MAX)
		return;
	if (i == d->n) {
		if ((d->key[i] = strdup(key)) == NULL)
			return;
		d->value[i] = NULL;
		d->n++;
	}
	free(d->value[i]);
	d->value[i] = strdup(value != NULL ? value : "");
}

/* The first row of one decorator query into d. */
static void
run_one(struct wdaemon *wd, const char *sql, struct decoration_set *d)
{
	sqlite3_stmt *st = NULL;
	int i;

	if (sqlite3_prepare_v2(db_handle(wd->db), sql, -1, &st, NULL) !=
	    SQLITE_OK || st == NULL) {
		log_warnx("decorator: %s", db_errmsg(wd->db));
		sqlite3_finalize(st);
		return;
	}
	db_start_deadline(wd->db);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(st); i++)
			set_put(d, sqlite3_column_name(st, i),
			    (const char *)sqlite3_column_text(st, i));
	sqlite3_finalize(st);
}

static void
run_list(struct wdaemon *wd, char **sql, size_t n, struct decoration_set *d)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_one(wd, sql[i], d);
}

void
decorations_load(struct wdaemon *wd)
{
	const struct config_decorators *c = &wd->cfg->decorators;

	set_clear(&wd->dec.load);
	run_list(wd, c->load, c->nload, &wd->dec.load);
	set_clear(&wd->dec.interval);
	wd->dec.interval_last = 0;
}

/* Interval decorators whose time has come since the last tick. */
void
decorations_tick(struct wdaemon *wd, time_t now)
{
	const struct config_decorators *c = &wd->cfg->decorators;
	size_t i;

	if (now == wd->dec.interval_last)
		return;
	for (i = 0; i < c->nintervals; i++) {
		time_t iv = (time_t)c->intervals[i].interval;

		/* Due at each multiple of the interval, and once at start. */
		if (wd->dec.interval_last != 0 &&
		    now / iv == wd->dec.interval_last / iv)
			continue;
		run_list(wd, c->intervals[i].sql, c->intervals[i].nsql,
		    &wd->dec.interval);
	}
	wd->dec.interval_last = now;
}

void
decorations_always(struct wdaemon *wd)
{
	const struct config_decorators *c = &wd->cfg->decorators;

	set_clear(&wd->dec.always);
	run_list(wd, c->always, c->nalways, &wd->dec.always);
}

/* What the next result set carries: load, then interval, then always
 * decorations, a later key replacing an earlier one. */
void
decorations_merged(const struct wdaemon *wd, struct decoration_set *out)
{
	const struct decoration_set *sets[] = {
		&wd->dec.load, &wd->dec.interval, &wd->dec.always
	};
	size_t i, j;

	out->n = 0;
	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		for (j = 0; j < sets[i]->n; j++)
			set_put(out, sets[i]->key[j], sets[i]->value[j]);
}

void
decorations_merged_free(struct decoration_set *d)
{
	set_clear(d);
}

void
decorations_free(struct decorations *dec)
{
	set_clear(&dec->load);
	set_clear(&dec->interval);
	set_clear(&dec->always);
}
