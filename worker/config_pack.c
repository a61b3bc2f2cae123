/*
 * Packs: named groups of queries with a platform, a minimum version, a
 * shard and discovery queries in common.  The value of an entry of
 * "packs" is the pack itself (an object), the path of a file holding
 * it, or a path whose last part is a pattern (such as "*.conf" in
 * /etc/hostql/packs) whose every matching file is a pack named after
 * the file without its extension.  osquery does this for the key "*";
 * here any key may, and its name is not used.  Only the last part of
 * the path may hold wildcards: '*', '?', '[...]', and osquery's '%'.
 * Files are read and directories listed through the caller's callbacks.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

static const char *const pack_quiet_keys[] = {
	"oncall", "description", NULL
};

void
cfg_pack_clear(struct config_pack *p)
{
	free(p->name);
	free(p->path);
	free(p->platform);
	free(p->version);
	cfg_free_list(p->discovery, p->ndiscovery);
	memset(p, 0, sizeof(*p));
}

/* The slot of a pack of this name: an earlier one is emptied (with its
 * queries), or a new one is added.  (size_t)-1 after an error. */
static size_t
pack_slot(struct cfg_ctx *ctx, const char *name, const char *src,
    const struct jpath *jp)
{
	struct config *cfg = ctx->cfg;
	char safe[CFG_SAFE_MAX];
	struct config_pack *v;
	size_t i, *nq;

	for (i = 1; i < cfg->npacks; i++) {
		if (strcmp(cfg->packs[i].name, name) != 0)
			continue;
		cfg_warn(ctx, src, jp, "replaces the pack of the same name "
		    "from %s", cfg_safe_name(safe, sizeof(safe),
		    cfg->packs[i].path != NULL ? cfg->packs[i].path :
		    cfg->packs[i].source));
		cfg_kill_pack_queries(ctx, i);
		free(cfg->packs[i].path);
		free(cfg->packs[i].platform);
		free(cfg->packs[i].version);
		cfg_free_list(cfg->packs[i].discovery,
		    cfg->packs[i].ndiscovery);
		cfg->packs[i].path = cfg->packs[i].platform = NULL;
		cfg->packs[i].version = NULL;
		cfg->packs[i].discovery = NULL;
		cfg->packs[i].ndiscovery = 0;
		cfg->packs[i].shard = 0;
		return i;
	}
	if (cfg->npacks >= CONFIG_MAX_PACKS) {
		cfg_error(ctx, src, jp, "more than %d packs", CONFIG_MAX_PACKS);
		return (size_t)-1;
	}
	if ((v = reallocarray(cfg->packs, cfg->npacks + 1, sizeof(*v))) ==
	    NULL)
		goto nomem;
	cfg->packs = v;
	if ((nq = reallocarray(ctx->pack_nqueries, cfg->npacks + 1,
	    sizeof(*nq))) == NULL)
		goto nomem;
	ctx->pack_nqueries = nq;
	memset(&v[cfg->npacks], 0, sizeof(*v));
	if ((v[cfg->npacks].name = strdup(name)) == NULL)
		goto nomem;
	nq[cfg->npacks] = 0;
	return cfg->npacks++;
nomem:
	cfg_nomem(ctx);
	return (size_t)-1;
}

/* One member of a pack other than its queries. */
static int
pack_member(struct cfg_ctx *ctx, const char *file, struct jpath *jp,
    const char *key, json_t *v, size_t slot)
{
	struct config_pack *p = &ctx->cfg->packs[slot];

	if (strcmp(key, "platform") == 0)
		return cfg_get_platform(ctx, file, jp, v, &p->platform);
	if (strcmp(key, "version") == 0)
		return cfg_get_version(ctx, file, jp, v, &p->version);
	if (strcmp(key, "shard") == 0)
		return cfg_get_uint(ctx, file, jp, v, 0, CONFIG_SHARD_MAX,
		    &p->shard);
	if (strcmp(key, "discovery") == 0)
		return cfg_get_sql_list(ctx, file, jp, v, &p->discovery,
		    &p->ndiscovery);
	if (!cfg_key_in(key, pack_quiet_keys))
		cfg_warn(ctx, file, jp, "unknown key, ignored");
	return 0;
}

static void
pack_queries(struct cfg_ctx *ctx, const char *file, struct jpath *jp,
    json_t *queries, size_t slot)
{
	const char *qname;
	json_t *entry;

	if (!json_is_object(queries)) {
		cfg_error(ctx, file, jp, "expected an object of queries");
		return;
	}
	if (json_object_size(queries) == 0)
		cfg_warn(ctx, file, jp, "the pack has no queries");
	json_object_foreach(queries, qname, entry)
		cfg_add_query(ctx, file, jp, slot, qname, entry);
}

/*
 * The pack named name, of content obj, found in file (where messages
 * point) at jp; named_by is the config file that named it, path the
 * pack file (NULL when inline).
 */
static void
pack_parse(struct cfg_ctx *ctx, const char *file, struct jpath *jp,
    const char *name, json_t *obj, const char *named_by, const char *path)
{
	const char *key;
	size_t slot, mark;
	json_t *v;

	if (cfg_check_name(ctx, file, jp, "pack", name) != 0)
		return;
	if (strcmp(name, CONFIG_MAIN_PACK) == 0) {
		cfg_error(ctx, file, jp, "the name \"%s\" is kept for the "
		    "schedule", CONFIG_MAIN_PACK);
		return;
	}
	if (!json_is_object(obj)) {
		cfg_error(ctx, file, jp, "expected a pack (an object) or the "
		    "path of a pack file");
		return;
	}
	if ((slot = pack_slot(ctx, name, file, jp)) == (size_t)-1)
		return;
	ctx->cfg->packs[slot].source = named_by;
	if (path != NULL &&
	    (ctx->cfg->packs[slot].path = strdup(path)) == NULL) {
		cfg_nomem(ctx);
		return;
	}
	json_object_foreach(obj, key, v) {
		if (strcmp(key, "queries") == 0)
			continue;
		mark = jpath_key(jp, key);
		pack_member(ctx, file, jp, key, v, slot);
		jpath_pop(jp, mark);
	}
	if ((v = json_object_get(obj, "queries")) == NULL) {
		cfg_warn(ctx, file, jp, "the pack has no \"queries\"");
		return;
	}
	mark = jpath_key(jp, "queries");
	pack_queries(ctx, file, jp, v, slot);
	jpath_pop(jp, mark);
}

/* Read a pack file; NULL after an error (reported at src, jp). */
static json_t *
pack_file_load(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *path, const char **file, int skip_dirs)
{
	char *text = NULL, safe[CFG_SAFE_MAX];
	json_t *doc;
	size_t len = 0;
	int rc;

	cfg_safe_name(safe, sizeof(safe), path);
	if (ctx->io == NULL || ctx->io->read == NULL) {
		cfg_error(ctx, src, jp, "cannot read %s: pack files cannot "
		    "be read here", safe);
		return NULL;
	}
	rc = ctx->io->read(ctx->io->arg, path, &text, &len);
	if (rc == -EISDIR && skip_dirs)
		return NULL;
	if (rc < 0 || text == NULL) {
		free(text);
		cfg_error(ctx, src, jp, "cannot read %s: %s", safe,
		    strerror(rc < 0 ? -rc : EIO));
		return NULL;
	}
	*file = cfg_intern(ctx, path);
	if (cfg_account_file(ctx, *file, text, len) != 0) {
		free(text);
		return NULL;
	}
	doc = cfg_load_json(ctx, *file, text, len);
	free(text);
	return doc;
}

static void
pack_from_file(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    const char *name, const char *path, int skip_dirs)
{
	struct jpath fjp = { .len = 0 };
	const char *file = NULL;
	json_t *doc;

	if ((doc = pack_file_load(ctx, src, jp, path, &file, skip_dirs)) ==
	    NULL)
		return;
	pack_parse(ctx, file, &fjp, name, doc, src, path);
	json_decref(doc);
}

static int
has_wildcard(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '\0' && strchr("*?[%", s[i]) != NULL)
			return 1;
	return 0;
}

/* The names of a directory that match a pattern, as the list
 * callback gives them. */
struct glob_names {
	const char	*pattern;
	char		**v;
	size_t		  n;
	int		  too_many;
	int		  nomem;
};

static int
glob_each(void *arg, const char *name)
{
	struct glob_names *g = arg;
	char **v;

	if (name == NULL || name[0] == '\0' || strchr(name, '/') != NULL ||
	    strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return 0;
	if (fnmatch(g->pattern, name, FNM_PERIOD) != 0)
		return 0;
	if (g->n >= CONFIG_MAX_GLOB_FILES) {
		g->too_many = 1;
		return -E2BIG;
	}
	if ((v = reallocarray(g->v, g->n + 1, sizeof(*v))) == NULL ||
	    (v[g->n] = strdup(name)) == NULL) {
		if (v != NULL)
			g->v = v;
		g->nomem = 1;
		return -ENOMEM;
	}
	g->v = v;
	g->n++;
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The pack name of a file: its name without the last extension. */
static char *
file_stem(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || dot == name)
		return strdup(name);
	return strndup(name, (size_t)(dot - name));
}

/* Split "/dir/pattern" and check it; -1 after an error. */
static int
glob_split(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *value, char **dir, char **pattern)
{
	const char *slash = strrchr(value, '/');
	char q[96], *p;

	cfg_quote(q, sizeof(q), value);
	if (value[0] != '/' || slash == NULL) {
		cfg_error(ctx, src, jp, "%s is not an absolute path", q);
		return -1;
	}
	if (has_wildcard(value, (size_t)(slash - value))) {
		cfg_error(ctx, src, jp, "%s: only the last part of the path "
		    "may have wildcards", q);
		return -1;
	}
	if (strstr(slash, "%%") != NULL) {
		cfg_error(ctx, src, jp, "%s: the recursive wildcard %%%% is "
		    "not supported for packs", q);
		return -1;
	}
	*dir = slash == value ? strdup("/") :
	    strndup(value, (size_t)(slash - value));
	*pattern = strdup(slash + 1);
	if (*dir == NULL || *pattern == NULL) {
		free(*dir);
		free(*pattern);
		cfg_nomem(ctx);
		return -1;
	}
	/* osquery's '%' is the shell's '*' within one directory. */
	for (p = *pattern; *p != '\0'; p++)
		if (*p == '%')
			*p = '*';
	return 0;
}

static int
glob_list(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *dir, struct glob_names *g)
{
	char safe[CFG_SAFE_MAX];
	int rc;

	cfg_safe_name(safe, sizeof(safe), dir);
	if (ctx->io == NULL || ctx->io->list == NULL) {
		cfg_error(ctx, src, jp, "cannot list %s: directories cannot "
		    "be listed here", safe);
		return -1;
	}
	rc = ctx->io->list(ctx->io->arg, dir, glob_each, g);
	if (g->nomem) {
		cfg_nomem(ctx);
		return -1;
	}
	if (g->too_many) {
		cfg_error(ctx, src, jp, "more than %d files match",
		    CONFIG_MAX_GLOB_FILES);
		return -1;
	}
	if (rc < 0) {
		cfg_error(ctx, src, jp, "cannot list %s: %s", safe,
		    strerror(-rc));
		return -1;
	}
	if (g->n > 1)
		qsort(g->v, g->n, sizeof(*g->v), name_cmp);
	return 0;
}

static void
pack_glob(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    const char *value)
{
	struct glob_names g = { .pattern = NULL };
	char *dir = NULL, *pattern = NULL, *path, *stem, q[96];
	size_t i;

	if (glob_split(ctx, src, jp, value, &dir, &pattern) != 0)
		return;
	g.pattern = pattern;
	if (glob_list(ctx, src, jp, dir, &g) != 0)
		goto out;
	if (g.n == 0) {
		cfg_quote(q, sizeof(q), value);
		cfg_warn(ctx, src, jp, "%s matches no file", q);
	}
	for (i = 0; i < g.n; i++) {
		stem = file_stem(g.v[i]);
		if (stem == NULL || asprintf(&path, "%s%s%s", dir,
		    strcmp(dir, "/") == 0 ? "" : "/", g.v[i]) == -1) {
			free(stem);
			cfg_nomem(ctx);
			break;
		}
		pack_from_file(ctx, src, jp, stem, path, 1);
		free(path);
		free(stem);
	}
out:
	cfg_free_list(g.v, g.n);
	free(dir);
	free(pattern);
}

/* An entry of "packs" whose value is a string. */
static void
pack_by_name(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    const char *name, const char *value)
{
	char q[96];

	if (strcmp(name, "*") == 0 || has_wildcard(value, strlen(value))) {
		pack_glob(ctx, src, jp, value);
		return;
	}
	if (value[0] != '/') {
		cfg_quote(q, sizeof(q), value);
		cfg_error(ctx, src, jp, "%s is not an absolute path", q);
		return;
	}
	pack_from_file(ctx, src, jp, name, value, 0);
}

void
cfg_parse_packs(struct cfg_ctx *ctx, const char *src, json_t *packs)
{
	struct jpath jp = { .len = 0 };
	const char *name, *inner;
	json_t *v, *w;
	size_t mark;

	jpath_key(&jp, "packs");
	if (!json_is_object(packs)) {
		cfg_error(ctx, src, &jp, "expected an object of packs");
		return;
	}
	json_object_foreach(packs, name, v) {
		mark = jpath_key(&jp, name);
		if (json_is_string(v))
			pack_by_name(ctx, src, &jp, name, json_string_value(v));
		else if (strcmp(name, "*") == 0 && json_is_object(v)) {
			/* osquery's multi-pack: each member is a pack. */
			json_object_foreach(v, inner, w) {
				size_t m2 = jpath_key(&jp, inner);

				pack_parse(ctx, src, &jp, inner, w, src, NULL);
				jpath_pop(&jp, m2);
			}
		} else
			pack_parse(ctx, src, &jp, name, v, src, NULL);
		jpath_pop(&jp, mark);
	}
}
