/*
 * Parsing and merging the configuration's sources; see config.h for how
 * they combine.  Two passes: the options of every source first, since
 * schedule_default_interval and pack_delimiter shape the queries of all
 * of them, then the schedule, packs and decorators, source by source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/digest.h"
#include "config_impl.h"

static const char *const top_keys[] = {
	"options", "schedule", "packs", "decorators", NULL
};

/* osquery's other parsers: understood there, not done here. */
static const char *const top_unsupported[] = {
	"file_paths", "file_paths_query", "file_accesses", "exclude_paths",
	"events", "yara", "views", "auto_table_construction",
	"prometheus_targets", "kafka_topics", "feature_vectors", "logger",
	NULL
};

const char *
cfg_intern(struct cfg_ctx *ctx, const char *name)
{
	struct config *cfg = ctx->cfg;
	char **v, *s;

	if ((s = strdup(name)) == NULL ||
	    (v = reallocarray(cfg->names, cfg->nnames + 1, sizeof(*v))) ==
	    NULL) {
		free(s);
		cfg_nomem(ctx);
		return "?";
	}
	cfg->names = v;
	v[cfg->nnames++] = s;
	return s;
}

/* An option's value as --name=value would give it; NULL for null. */
static char *
option_text(const json_t *v, enum config_opt_type *type)
{
	char *s;

	switch (json_typeof(v)) {
	case JSON_STRING:
		*type = CONFIG_OPT_STRING;
		return strdup(json_string_value(v));
	case JSON_INTEGER:
		*type = CONFIG_OPT_INTEGER;
		if (asprintf(&s, "%lld", (long long)json_integer_value(v)) ==
		    -1)
			return NULL;
		return s;
	case JSON_TRUE:
	case JSON_FALSE:
		*type = CONFIG_OPT_BOOL;
		return strdup(json_is_true(v) ? "true" : "false");
	case JSON_REAL:
		*type = CONFIG_OPT_REAL;
		return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT |
		    JSON_REAL_PRECISION(15));
	case JSON_ARRAY:
	case JSON_OBJECT:
		*type = CONFIG_OPT_JSON;
		return json_dumps(v, JSON_COMPACT);
	default:
		return NULL;
	}
}

/* The options that shape parsing are checked here; the daemon checks
 * the rest against its flags. */
static int
option_check(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *name, json_t *v)
{
	unsigned int u;
	char *s;
	int rc;

	if (strcmp(name, "schedule_default_interval") == 0)
		return cfg_get_uint(ctx, src, jp, v, 1, CONFIG_INTERVAL_MAX,
		    &u);
	if (strcmp(name, "pack_delimiter") == 0) {
		if (cfg_get_string(ctx, src, jp, v, 0, &s) != 0)
			return -1;
		rc = cfg_check_name(ctx, src, jp, "delimiter", s[0] != '\0' ?
		    s : "_");
		free(s);
		return rc;
	}
	return 0;
}

static void
option_set(struct cfg_ctx *ctx, const char *src, const char *name,
    char *value, enum config_opt_type type)
{
	struct config *cfg = ctx->cfg;
	struct config_option *v;
	size_t i;

	for (i = 0; i < cfg->noptions; i++)
		if (strcmp(cfg->options[i].name, name) == 0) {
			/* A later source's value wins. */
			free(cfg->options[i].value);
			cfg->options[i].value = value;
			cfg->options[i].type = type;
			cfg->options[i].source = src;
			return;
		}
	v = reallocarray(cfg->options, cfg->noptions + 1, sizeof(*v));
	if (v == NULL || (v[cfg->noptions].name = strdup(name)) == NULL) {
		if (v != NULL)
			cfg->options = v;
		free(value);
		cfg_nomem(ctx);
		return;
	}
	cfg->options = v;
	v[cfg->noptions].value = value;
	v[cfg->noptions].type = type;
	v[cfg->noptions].source = src;
	cfg->noptions++;
}

static void
parse_options(struct cfg_ctx *ctx, const char *src, json_t *obj)
{
	struct jpath jp = { .len = 0 };
	enum config_opt_type type;
	const char *name;
	size_t mark;
	char *value;
	json_t *v;

	jpath_key(&jp, "options");
	if (!json_is_object(obj)) {
		cfg_error(ctx, src, &jp, "expected an object of flag values");
		return;
	}
	json_object_foreach(obj, name, v) {
		mark = jpath_key(&jp, name);
		if (name[0] == '\0' || json_is_null(v))
			cfg_warn(ctx, src, &jp, "no name or no value, ignored");
		else if (cfg_check_name(ctx, src, &jp, "flag", name) == 0 &&
		    option_check(ctx, src, &jp, name, v) == 0) {
			if ((value = option_text(v, &type)) == NULL)
				cfg_nomem(ctx);
			else
				option_set(ctx, src, name, value, type);
		}
		jpath_pop(&jp, mark);
	}
}

/* The command line's value, else the options', else the default. */
static int
settle_parameters(struct cfg_ctx *ctx, const struct config_params *params)
{
	const struct config_option *o;
	const char *d = CONFIG_DEFAULT_DELIMITER;
	struct config *cfg = ctx->cfg;

	cfg->default_interval = CONFIG_DEFAULT_INTERVAL;
	if (params != NULL && params->default_interval > 0)
		cfg->default_interval = params->default_interval;
	else if ((o = config_option_find(cfg,
	    "schedule_default_interval")) != NULL)
		cfg->default_interval = (unsigned int)strtoul(o->value, NULL,
		    10);
	if (params != NULL && params->pack_delimiter != NULL)
		d = params->pack_delimiter;
	else if ((o = config_option_find(cfg, "pack_delimiter")) != NULL)
		d = o->value;
	if ((cfg->delimiter = strdup(d)) == NULL) {
		cfg_nomem(ctx);
		return -1;
	}
	return 0;
}

static void
parse_schedule(struct cfg_ctx *ctx, const char *src, json_t *obj)
{
	struct jpath jp = { .len = 0 };
	const char *name;
	json_t *entry;

	jpath_key(&jp, "schedule");
	if (!json_is_object(obj)) {
		cfg_error(ctx, src, &jp, "expected an object of queries");
		return;
	}
	json_object_foreach(obj, name, entry)
		cfg_add_query(ctx, src, &jp, 0, name, entry);
}

static void
parse_source(struct cfg_ctx *ctx, const char *src, json_t *root)
{
	struct jpath jp = { .len = 0 };
	const char *key;
	json_t *v;

	json_object_foreach(root, key, v) {
		if (json_is_null(v) || strcmp(key, "options") == 0)
			continue;
		if (strcmp(key, "schedule") == 0)
			parse_schedule(ctx, src, v);
		else if (strcmp(key, "packs") == 0)
			cfg_parse_packs(ctx, src, v);
		else if (strcmp(key, "decorators") == 0)
			cfg_parse_decorators(ctx, src, v);
		else {
			jpath_key(&jp, key);
			if (cfg_key_in(key, top_unsupported))
				cfg_warn(ctx, src, &jp, "not supported by "
				    "hostql, ignored");
			else if (!cfg_key_in(key, top_keys))
				cfg_warn(ctx, src, &jp, "unknown key, ignored");
			jpath_pop(&jp, 0);
		}
	}
}

/* The queries of replaced packs leave holes; close them. */
static void
compact_queries(struct config *cfg)
{
	size_t i, n = 0;

	for (i = 0; i < cfg->nqueries; i++)
		if (cfg->queries[i].name != NULL)
			cfg->queries[n++] = cfg->queries[i];
	cfg->nqueries = n;
}

static int
start(struct cfg_ctx *ctx, struct config_msgs *msgs,
    const struct config_io *io)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->msgs = msgs;
	ctx->io = io;
	if ((ctx->cfg = calloc(1, sizeof(*ctx->cfg))) == NULL ||
	    (ctx->qindex = json_object()) == NULL ||
	    (ctx->hash = digest_new(DIGEST_SHA256)) == NULL ||
	    (ctx->pack_nqueries = calloc(1, sizeof(size_t))) == NULL ||
	    (ctx->cfg->packs = calloc(1, sizeof(struct config_pack))) ==
	    NULL ||
	    (ctx->cfg->packs[0].name = strdup(CONFIG_MAIN_PACK)) == NULL) {
		cfg_nomem(ctx);
		return -1;
	}
	ctx->cfg->npacks = 1;
	ctx->cfg->packs[0].source = "";
	return 0;
}

static void
finish(struct cfg_ctx *ctx)
{
	struct digest_hex hex;

	json_decref(ctx->qindex);
	free(ctx->pack_nqueries);
	if (ctx->hash != NULL) {
		digest_final(ctx->hash, &hex);
		if (ctx->cfg != NULL)
			memcpy(ctx->cfg->hash, hex.sha256,
			    sizeof(ctx->cfg->hash));
	}
}

struct config *
config_parse(const struct config_source *srcs, size_t nsrc,
    const struct config_params *params, const struct config_io *io,
    struct config_msgs *msgs)
{
	struct cfg_ctx ctx;
	json_t **docs = NULL, *v;
	const char **names = NULL;
	size_t i;

	if (start(&ctx, msgs, io) != 0)
		goto out;
	if ((docs = calloc(nsrc + 1, sizeof(*docs))) == NULL ||
	    (names = calloc(nsrc + 1, sizeof(*names))) == NULL) {
		cfg_nomem(&ctx);
		goto out;
	}
	for (i = 0; i < nsrc; i++) {
		names[i] = cfg_intern(&ctx, srcs[i].name != NULL ?
		    srcs[i].name : "config");
		if (i == 0)
			ctx.cfg->packs[0].source = names[0];
		if (cfg_account_file(&ctx, names[i], srcs[i].text,
		    srcs[i].len) != 0)
			continue;
		docs[i] = cfg_load_json(&ctx, names[i], srcs[i].text,
		    srcs[i].len);
		if (docs[i] != NULL &&
		    (v = json_object_get(docs[i], "options")) != NULL &&
		    !json_is_null(v))
			parse_options(&ctx, names[i], v);
	}
	if (settle_parameters(&ctx, params) != 0)
		goto out;
	for (i = 0; i < nsrc; i++)
		if (docs[i] != NULL)
			parse_source(&ctx, names[i], docs[i]);
	compact_queries(ctx.cfg);
out:
	for (i = 0; docs != NULL && i < nsrc; i++)
		json_decref(docs[i]);
	free(docs);
	free(names);
	finish(&ctx);
	if (msgs->nerrors > 0 || ctx.nomem) {
		config_free(ctx.cfg);
		return NULL;
	}
	return ctx.cfg;
}

void
config_free(struct config *cfg)
{
	size_t i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->noptions; i++) {
		free(cfg->options[i].name);
		free(cfg->options[i].value);
	}
	free(cfg->options);
	for (i = 0; i < cfg->nqueries; i++)
		cfg_query_clear(&cfg->queries[i]);
	free(cfg->queries);
	for (i = 0; i < cfg->npacks; i++)
		cfg_pack_clear(&cfg->packs[i]);
	free(cfg->packs);
	cfg_decorators_free(&cfg->decorators);
	free(cfg->delimiter);
	cfg_free_list(cfg->names, cfg->nnames);
	free(cfg);
}

const struct config_query *
config_query_find(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->nqueries; i++)
		if (strcmp(cfg->queries[i].name, name) == 0)
			return &cfg->queries[i];
	return NULL;
}

const struct config_option *
config_option_find(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->noptions; i++)
		if (strcmp(cfg->options[i].name, name) == 0)
			return &cfg->options[i];
	return NULL;
}

int
config_fragment_wanted(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strchr(name, '/') == NULL &&
	    strcmp(name + n - 5, ".conf") == 0;
}

int
config_fragment_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
