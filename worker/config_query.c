/*
 * One scheduled query: an entry of "schedule" or of a pack's "queries",
 * with osquery's keys and defaults (interval from
 * schedule_default_interval, snapshot false, removed true, denylist
 * true), added under its scheduled name.  The schedule's queries keep
 * their own names; a pack's are "pack" DELIM pack DELIM query.  A name
 * seen before is replaced by the later definition.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

/* Keys osquery's own packs carry that change nothing. */
static const char *const query_quiet_keys[] = {
	"description", "value", NULL
};

void
cfg_query_clear(struct config_query *q)
{
	free(q->name);
	free(q->query_name);
	free(q->sql);
	free(q->platform);
	free(q->version);
	memset(q, 0, sizeof(*q));
}

/* One member of the entry into q; -1 after an error was reported. */
static int
query_member(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *key, json_t *v, struct config_query *q)
{
	unsigned int u;

	if (strcmp(key, "query") == 0)
		return cfg_get_string(ctx, src, jp, v, 1, &q->sql);
	if (strcmp(key, "interval") == 0)
		return cfg_get_uint(ctx, src, jp, v, 1, CONFIG_INTERVAL_MAX,
		    &q->interval);
	if (strcmp(key, "snapshot") == 0)
		return cfg_get_bool(ctx, src, jp, v, &q->snapshot);
	if (strcmp(key, "removed") == 0)
		return cfg_get_bool(ctx, src, jp, v, &q->removed);
	if (strcmp(key, "platform") == 0)
		return cfg_get_platform(ctx, src, jp, v, &q->platform);
	if (strcmp(key, "version") == 0)
		return cfg_get_version(ctx, src, jp, v, &q->version);
	if (strcmp(key, "shard") == 0)
		return cfg_get_uint(ctx, src, jp, v, 0, CONFIG_SHARD_MAX,
		    &q->shard);
	if (strcmp(key, "denylist") == 0 || strcmp(key, "blacklist") == 0)
		return cfg_get_bool(ctx, src, jp, v, &q->denylist);
	if (strcmp(key, "startup_priority") == 0) {
		if (cfg_get_uint(ctx, src, jp, v, 0, INT_MAX, &u) != 0)
			return -1;
		q->startup_priority = (long)u;
		return 0;
	}
	if (!cfg_key_in(key, query_quiet_keys))
		cfg_warn(ctx, src, jp, "unknown key, ignored");
	return 0;
}

/* Read every member of the entry; 0 when all were right. */
static int
query_read(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    json_t *entry, struct config_query *q)
{
	int rc = 0, has_denylist;
	const char *key;
	size_t mark;
	json_t *v;

	/* "blacklist" is osquery 4's name; "denylist" wins over it. */
	has_denylist = json_object_get(entry, "denylist") != NULL;
	json_object_foreach(entry, key, v) {
		if (strcmp(key, "blacklist") == 0 && has_denylist)
			continue;
		mark = jpath_key(jp, key);
		if (query_member(ctx, src, jp, key, v, q) != 0)
			rc = -1;
		jpath_pop(jp, mark);
	}
	if (q->sql == NULL && rc == 0) {
		cfg_error(ctx, src, jp, "has no \"query\"");
		rc = -1;
	}
	return rc;
}

static char *
scheduled_name(struct cfg_ctx *ctx, size_t pack, const char *qname)
{
	const char *d = ctx->cfg->delimiter;
	char *name;

	if (pack == 0)
		return strdup(qname);
	if (asprintf(&name, "pack%s%s%s%s", d, ctx->cfg->packs[pack].name, d,
	    qname) == -1)
		return NULL;
	return name;
}

/* Put q in the list, over an earlier query of the same name. */
static int
query_store(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    struct config_query *q)
{
	struct config *cfg = ctx->cfg;
	struct config_query *v, *old;
	char safe[CFG_SAFE_MAX];
	json_t *idx;
	size_t i;

	if ((idx = json_object_get(ctx->qindex, q->name)) != NULL) {
		i = (size_t)json_integer_value(idx);
		old = &cfg->queries[i];
		cfg_warn(ctx, src, jp, "replaces the query of the same name "
		    "from %s", cfg_safe_name(safe, sizeof(safe), old->source));
		ctx->pack_nqueries[old->pack]--;
		cfg_query_clear(old);
		*old = *q;
		ctx->pack_nqueries[q->pack]++;
		return 0;
	}
	if (cfg->nqueries >= CONFIG_MAX_QUERIES) {
		cfg_error(ctx, src, jp, "more than %d queries",
		    CONFIG_MAX_QUERIES);
		return -1;
	}
	v = reallocarray(cfg->queries, cfg->nqueries + 1, sizeof(*v));
	if (v == NULL)
		goto nomem;
	cfg->queries = v;
	if ((idx = json_integer((json_int_t)cfg->nqueries)) == NULL ||
	    json_object_set_new_nocheck(ctx->qindex, q->name, idx) != 0)
		goto nomem;
	v[cfg->nqueries++] = *q;
	ctx->pack_nqueries[q->pack]++;
	return 0;
nomem:
	cfg_nomem(ctx);
	return -1;
}

int
cfg_add_query(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    size_t pack, const char *qname, json_t *entry)
{
	struct config_query q;
	size_t mark;
	int rc = -1;

	memset(&q, 0, sizeof(q));
	mark = jpath_key(jp, qname);
	if (cfg_check_name(ctx, src, jp, "query", qname) != 0)
		goto out;
	if (!json_is_object(entry)) {
		cfg_error(ctx, src, jp, "expected an object with a \"query\"");
		goto out;
	}
	q.interval = ctx->cfg->default_interval;
	q.removed = 1;
	q.denylist = 1;
	q.startup_priority = -1;
	q.pack = pack;
	q.source = src;
	if (query_read(ctx, src, jp, entry, &q) != 0)
		goto out;
	if ((q.query_name = strdup(qname)) == NULL ||
	    (q.name = scheduled_name(ctx, pack, qname)) == NULL) {
		cfg_nomem(ctx);
		goto out;
	}
	if (query_store(ctx, src, jp, &q) != 0)
		goto out;
	memset(&q, 0, sizeof(q));
	rc = 0;
out:
	cfg_query_clear(&q);
	jpath_pop(jp, mark);
	return rc;
}

void
cfg_kill_pack_queries(struct cfg_ctx *ctx, size_t pack)
{
	struct config *cfg = ctx->cfg;
	size_t i;

	if (ctx->pack_nqueries[pack] == 0)
		return;
	for (i = 0; i < cfg->nqueries; i++) {
		if (cfg->queries[i].name == NULL ||
		    cfg->queries[i].pack != pack)
			continue;
		json_object_del(ctx->qindex, cfg->queries[i].name);
		cfg_query_clear(&cfg->queries[i]);
	}
	ctx->pack_nqueries[pack] = 0;
}
