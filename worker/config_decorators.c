/*
 * Decorators: queries whose first row's columns are added to every
 * result and status line ("decorations").  "load" ones run when the
 * config is loaded, "always" ones before every scheduled query, and
 * "interval" ones every N seconds, N a multiple of 60 as osquery
 * requires (it runs them on its minute tick).  Every source's
 * decorators are kept, in source order; intervals of the same length
 * from several sources are one list.
 */
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

void
cfg_decorators_free(struct config_decorators *d)
{
	size_t i;

	cfg_free_list(d->load, d->nload);
	cfg_free_list(d->always, d->nalways);
	for (i = 0; i < d->nintervals; i++)
		cfg_free_list(d->intervals[i].sql, d->intervals[i].nsql);
	free(d->intervals);
	memset(d, 0, sizeof(*d));
}

/* The list of an interval, added in ascending order when new. */
static struct config_decorator_interval *
interval_slot(struct cfg_ctx *ctx, unsigned int seconds)
{
	struct config_decorators *d = &ctx->cfg->decorators;
	struct config_decorator_interval *v;
	size_t i;

	for (i = 0; i < d->nintervals; i++) {
		if (d->intervals[i].interval == seconds)
			return &d->intervals[i];
		if (d->intervals[i].interval > seconds)
			break;
	}
	v = reallocarray(d->intervals, d->nintervals + 1, sizeof(*v));
	if (v == NULL) {
		cfg_nomem(ctx);
		return NULL;
	}
	d->intervals = v;
	memmove(&v[i + 1], &v[i], (d->nintervals - i) * sizeof(*v));
	memset(&v[i], 0, sizeof(*v));
	v[i].interval = seconds;
	d->nintervals++;
	return &v[i];
}

static void
parse_intervals(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    json_t *obj)
{
	struct config_decorator_interval *slot;
	unsigned int seconds;
	const char *key;
	size_t mark;
	json_t *v, *k;

	if (!json_is_object(obj)) {
		cfg_error(ctx, src, jp, "expected an object of intervals, "
		    "such as {\"3600\": [\"SELECT ...\"]}");
		return;
	}
	json_object_foreach(obj, key, v) {
		mark = jpath_key(jp, key);
		/* The key is the interval, read as a number would be. */
		if ((k = json_string(key)) == NULL) {
			cfg_error(ctx, src, jp, "is not a number of seconds");
			jpath_pop(jp, mark);
			continue;
		}
		if (cfg_get_uint(ctx, src, jp, k, 60, CONFIG_INTERVAL_MAX,
		    &seconds) == 0) {
			if (seconds % 60 != 0)
				cfg_error(ctx, src, jp, "%u is not a multiple "
				    "of 60", seconds);
			else if ((slot = interval_slot(ctx, seconds)) != NULL)
				cfg_get_sql_list(ctx, src, jp, v, &slot->sql,
				    &slot->nsql);
		}
		json_decref(k);
		jpath_pop(jp, mark);
	}
}

void
cfg_parse_decorators(struct cfg_ctx *ctx, const char *src, json_t *obj)
{
	struct config_decorators *d = &ctx->cfg->decorators;
	struct jpath jp = { .len = 0 };
	const char *key;
	size_t mark;
	json_t *v;

	jpath_key(&jp, "decorators");
	if (!json_is_object(obj)) {
		cfg_error(ctx, src, &jp, "expected an object with load, "
		    "always or interval");
		return;
	}
	json_object_foreach(obj, key, v) {
		mark = jpath_key(&jp, key);
		if (strcmp(key, "load") == 0)
			cfg_get_sql_list(ctx, src, &jp, v, &d->load, &d->nload);
		else if (strcmp(key, "always") == 0)
			cfg_get_sql_list(ctx, src, &jp, v, &d->always,
			    &d->nalways);
		else if (strcmp(key, "interval") == 0)
			parse_intervals(ctx, src, &jp, v);
		else
			cfg_warn(ctx, src, &jp, "unknown key, ignored");
		jpath_pop(&jp, mark);
	}
}
