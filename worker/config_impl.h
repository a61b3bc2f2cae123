/*
 * What the files of the configuration share while one is being built:
 * the parse context, JSON paths for messages, the loader that turns a
 * file's bytes into a JSON tree, and readers of typed values that say
 * what is wrong with one.  Not for use outside worker/config*.c.
 */
#ifndef HOSTQL_WORKER_CONFIG_IMPL_H
#define HOSTQL_WORKER_CONFIG_IMPL_H

#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>

#include "config.h"

#define CONFIG_PATH_MAX		256	/* a JSON path shown in a message */

struct digest;

/* Where in a document a value is: schedule.foo.interval, a.b[2]. */
struct jpath {
	char	buf[CONFIG_PATH_MAX];
	size_t	len;
};

/* Append a member or an element; the returned mark undoes it. */
size_t	jpath_key(struct jpath *, const char *key);
size_t	jpath_index(struct jpath *, size_t);
void	jpath_pop(struct jpath *, size_t mark);

struct cfg_ctx {
	struct config		*cfg;
	struct config_msgs	*msgs;
	const struct config_io	*io;
	struct digest		*hash;
	json_t			*qindex;	/* scheduled name -> index */
	size_t			*pack_nqueries;	/* live queries per pack */
	size_t			 total;		/* bytes of every file */
	int			 nomem;
};

/* A message about source at path (path may be NULL or empty). */
void	cfg_msg(struct cfg_ctx *, enum config_level, const char *source,
	    const struct jpath *, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	cfg_vmsg(struct config_msgs *, enum config_level, const char *source,
	    const char *path, const char *fmt, va_list)
	    __attribute__((format(printf, 5, 0)));
#define cfg_error(c, s, p, ...) \
	cfg_msg((c), CONFIG_ERROR, (s), (p), __VA_ARGS__)
#define cfg_warn(c, s, p, ...) \
	cfg_msg((c), CONFIG_WARNING, (s), (p), __VA_ARGS__)
void	cfg_nomem(struct cfg_ctx *);

/* s between double quotes, non-printable bytes as \xNN, cut at about
 * 60 bytes with "...": safe to put in a message. */
void	cfg_quote(char *out, size_t outlen, const char *s);

/* A file name or other text from outside for a message: non-printable
 * bytes as \xNN, no quotes added.  Returns out. */
char	*cfg_safe_name(char *out, size_t outlen, const char *s);
#define CFG_SAFE_MAX	512	/* a good size for out */

/*
 * The JSON object in a file: comments and line continuations removed as
 * osquery does, size and depth checked, parsed.  Errors are reported
 * against name (with line and column for syntax).  Returns a new
 * reference or NULL.
 */
json_t	*cfg_load_json(struct cfg_ctx *, const char *name, const char *text,
	    size_t len);

/* Remove comments (blanked) and backslash-newlines; the result has
 * *outlen bytes, *kept of them not comment.  NULL without memory. */
char	*cfg_strip_comments(const char *text, size_t len, size_t *outlen,
	    size_t *kept);

/* Count a file into the config hash and the total size: 0, or -1 when
 * the total is over CONFIG_MAX_TOTAL (reported). */
int	cfg_account_file(struct cfg_ctx *, const char *name, const char *text,
	    size_t len);

/* Typed values.  Each returns 0, or -1 after reporting the error. */
int	cfg_get_uint(struct cfg_ctx *, const char *src, const struct jpath *,
	    json_t *, unsigned int min, unsigned int max, unsigned int *);
int	cfg_get_bool(struct cfg_ctx *, const char *src, const struct jpath *,
	    json_t *, int *);
int	cfg_get_string(struct cfg_ctx *, const char *src,
	    const struct jpath *, json_t *, int nonempty, char **);
/* An array of non-empty SQL strings, appended to *list. */
int	cfg_get_sql_list(struct cfg_ctx *, const char *src, struct jpath *,
	    json_t *, char ***list, size_t *n);
int	cfg_get_platform(struct cfg_ctx *, const char *src,
	    const struct jpath *, json_t *, char **);
int	cfg_get_version(struct cfg_ctx *, const char *src,
	    const struct jpath *, json_t *, char **);

/* A copy of a file name that lives as long as the config. */
const char *cfg_intern(struct cfg_ctx *, const char *name);

/* Is key one of the NULL-terminated names? */
int	cfg_key_in(const char *key, const char *const *names);

/* A name of a query or pack: not empty, no control characters. */
int	cfg_check_name(struct cfg_ctx *, const char *src, const struct jpath *,
	    const char *what, const char *name);

/* Free a list of strings. */
void	cfg_free_list(char **, size_t);

/* Queries (config_query.c): parse an entry of a schedule or of a pack's
 * "queries" and add it under its scheduled name. */
int	cfg_add_query(struct cfg_ctx *, const char *src, struct jpath *,
	    size_t pack, const char *qname, json_t *entry);
void	cfg_query_clear(struct config_query *);
/* Drop every query of a pack that is being replaced. */
void	cfg_kill_pack_queries(struct cfg_ctx *, size_t pack);

/* Packs (config_pack.c). */
void	cfg_pack_clear(struct config_pack *);
void	cfg_parse_packs(struct cfg_ctx *, const char *src, json_t *packs);

/* Decorators (config_decorators.c). */
void	cfg_parse_decorators(struct cfg_ctx *, const char *src, json_t *);
void	cfg_decorators_free(struct config_decorators *);

#endif
