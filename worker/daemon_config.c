/*
 * The daemon's config, read through privd (the policy in force names the
 * config file and its fragments) and turned into the running schedule.
 * This reads the "schedule" and inline "packs" of osquery's format.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../ipc/log.h"
#include "daemon.h"

#define CONFIG_MAX	(4 << 20)

static uint32_t
splayed(const char *name, uint32_t interval, long long percent)
{
	uint32_t h = 2166136261u, range;
	const char *p;

	if (percent <= 0 || interval < 2)
		return interval;
	for (p = name; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	range = (uint32_t)((uint64_t)interval * (uint64_t)percent / 100);
	if (range == 0)
		return interval;
	return interval - range + h % (2 * range + 1);
}

static int
add_query(struct wdaemon *wd, struct sched *s, const char *name, json_t *q)
{
	struct sched_entry *grown, *e;
	json_t *sql = json_object_get(q, "query");
	json_int_t interval = dflag_int(&wd->flags,
	    DF_SCHEDULE_DEFAULT_INTERVAL);

	if (!json_is_string(sql)) {
		log_warnx("config: %s has no query", name);
		return -1;
	}
	if (json_is_integer(json_object_get(q, "interval")))
		interval = json_integer_value(json_object_get(q, "interval"));
	if (interval < 1 || interval > 604800) {
		log_warnx("config: %s: interval %lld is not between 1 and "
		    "604800", name, (long long)interval);
		return -1;
	}
	if ((grown = realloc(s->e, (s->n + 1) * sizeof(*grown))) == NULL)
		return -1;
	s->e = grown;
	e = &s->e[s->n];
	memset(e, 0, sizeof(*e));
	e->name = strdup(name);
	e->sql = strdup(json_string_value(sql));
	if (e->name == NULL || e->sql == NULL) {
		free(e->name);
		free(e->sql);
		return -1;
	}
	e->interval = splayed(name, (uint32_t)interval,
	    dflag_int(&wd->flags, DF_SCHEDULE_SPLAY_PERCENT));
	e->snapshot = json_is_true(json_object_get(q, "snapshot"));
	e->removed = !json_is_false(json_object_get(q, "removed"));
	e->denylist = !json_is_false(json_object_get(q, "denylist"));
	/* The first runs come within seconds of the start, one by one. */
	e->next_due = time(NULL) + 1 + (time_t)s->n;
	s->n++;
	return 0;
}

static int
add_schedule(struct wdaemon *wd, struct sched *s, json_t *sched,
    const char *prefix)
{
	const char *key;
	json_t *q;
	char name[512];
	int errors = 0;

	json_object_foreach(sched, key, q) {
		snprintf(name, sizeof(name), "%s%s", prefix, key);
		if (!json_is_object(q) || add_query(wd, s, name, q) == -1)
			errors++;
	}
	return errors;
}

static int
add_packs(struct wdaemon *wd, struct sched *s, json_t *packs)
{
	const char *key, *delim = dflag_str(&wd->flags, DF_PACK_DELIMITER);
	json_t *pack;
	char prefix[300];
	int errors = 0;

	json_object_foreach(packs, key, pack) {
		if (!json_is_object(pack)) {
			log_warnx("config: pack %s is not inline", key);
			errors++;
			continue;
		}
		snprintf(prefix, sizeof(prefix), "pack%s%s%s", delim, key,
		    delim);
		errors += add_schedule(wd, s, json_object_get(pack, "queries"),
		    prefix);
	}
	return errors;
}

static int
load_text(struct wdaemon *wd, struct sched *s, const char *path,
    const char *text, size_t len)
{
	json_error_t jerr;
	json_t *root;
	int errors = 0;

	if ((root = json_loadb(text, len, 0, &jerr)) == NULL) {
		log_warnx("config %s: line %d, column %d: %s", path, jerr.line,
		    jerr.column, jerr.text);
		return 1;
	}
	errors += add_schedule(wd, s, json_object_get(root, "schedule"), "");
	errors += add_packs(wd, s, json_object_get(root, "packs"));
	json_decref(root);
	return errors;
}

static int
load_file(struct wdaemon *wd, struct sched *s, const char *path)
{
	char *text;
	size_t len;
	int rc;

	if ((rc = collect_read_file(wd->col, path, CONFIG_MAX, &text,
	    &len)) != 0) {
		log_warnx("config %s: %s", path, strerror(-rc));
		return 1;
	}
	rc = load_text(wd, s, path, text, len);
	free(text);
	return rc;
}

int
daemon_config_load(struct wdaemon *wd, struct sched *s, int check)
{
	(void)check;
	return load_file(wd, s, dflag_str(&wd->flags, DF_CONFIG_PATH));
}
