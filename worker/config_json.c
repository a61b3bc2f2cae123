/*
 * From a file's bytes to a JSON object, as osquery reads its config:
 * a backslash at the end of a line joins it to the next (so a long query
 * can be written over several lines), '#' and '//' begin comments, the
 * text without comments is at most CONFIG_MAX_SIZE bytes and nests at
 * most CONFIG_MAX_DEPTH levels.  osquery only drops whole comment lines;
 * a comment after a value on the same line is accepted here as well.
 * Comments are blanked rather than cut out so that jansson's positions
 * still point into the file; only the joined lines need mapping back.
 *
 * Also the readers of typed values, which accept what osquery accepts
 * (numbers written as strings, "true"/"t" for true, 0/1 for booleans)
 * and name everything else as an error where osquery would quietly take
 * it as 0 or false.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../tables/digest.h"
#include "config_impl.h"

/* A backslash-newline (or backslash-CR-LF) at text[i]: its length. */
static size_t
continuation_at(const char *text, size_t len, size_t i)
{
	if (text[i] != '\\' || i + 1 >= len)
		return 0;
	if (text[i + 1] == '\n')
		return 2;
	if (text[i + 1] == '\r' && i + 2 < len && text[i + 2] == '\n')
		return 3;
	return 0;
}

char *
cfg_strip_comments(const char *text, size_t len, size_t *outlen,
    size_t *kept)
{
	int in_str = 0, esc = 0, in_comment = 0;
	size_t i, n = 0, k = 0, c;
	char *out;

	if ((out = malloc(len + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if ((c = continuation_at(text, len, i)) != 0) {
			i += c - 1;
			continue;
		}
		if (in_comment) {
			if (text[i] == '\n') {
				in_comment = 0;
				out[n++] = '\n';
				k++;
			} else
				out[n++] = ' ';
			continue;
		}
		if (in_str) {
			if (esc)
				esc = 0;
			else if (text[i] == '\\')
				esc = 1;
			else if (text[i] == '"')
				in_str = 0;
		} else if (text[i] == '"')
			in_str = 1;
		else if (text[i] == '#' ||
		    (text[i] == '/' && i + 1 < len && text[i + 1] == '/')) {
			in_comment = 1;
			out[n++] = ' ';
			continue;
		}
		out[n++] = text[i];
		k++;
	}
	out[n] = '\0';
	*outlen = n;
	*kept = k;
	return out;
}

/* The offset in the original text of byte p of the stripped one. */
static size_t
original_offset(const char *text, size_t len, size_t p)
{
	size_t i, n = 0, c;

	for (i = 0; i < len; i++) {
		if ((c = continuation_at(text, len, i)) != 0) {
			i += c - 1;
			continue;
		}
		if (n == p)
			return i;
		n++;
	}
	return len;
}

static void
line_column(const char *text, size_t len, size_t off, size_t *line,
    size_t *col)
{
	size_t i, start = 0;

	*line = 1;
	if (off > len)
		off = len;
	for (i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = off - start + 1;
}

/* jansson's position is just past the token it stopped at, or the
 * end of the text.  The message is "name:line:column: what", as
 * compilers write them. */
static void
report_syntax(struct cfg_ctx *ctx, const char *name, const char *text,
    size_t len, const json_error_t *err, enum config_level level,
    const char *what, const char *after)
{
	char where[300], why[JSON_ERROR_TEXT_LENGTH * 4];
	size_t p, off, line, col;

	if (strstr(err->text, "near end of file") != NULL)
		off = len;
	else {
		p = err->position > 0 ? (size_t)err->position - 1 : 0;
		off = original_offset(text, len, p);
	}
	line_column(text, len, off, &line, &col);
	snprintf(where, sizeof(where), "%.250s:%zu:%zu", name, line, col);
	/* jansson quotes the input near the mistake. */
	cfg_safe_name(why, sizeof(why), err->text);
	cfg_msg(ctx, level, where, NULL, "%s%s%s", what, why, after);
}

/* Every value at level CONFIG_MAX_DEPTH or deeper is one too many. */
static int
depth_ok(struct cfg_ctx *ctx, const char *name, json_t *v, int level,
    struct jpath *jp)
{
	const char *key;
	json_t *m;
	size_t i, mark;

	if (level >= CONFIG_MAX_DEPTH) {
		cfg_error(ctx, name, jp, "nested more than %d levels deep",
		    CONFIG_MAX_DEPTH);
		return 0;
	}
	if (json_is_object(v)) {
		json_object_foreach(v, key, m) {
			mark = jpath_key(jp, key);
			if (!depth_ok(ctx, name, m, level + 1, jp))
				return 0;
			jpath_pop(jp, mark);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m) {
			mark = jpath_index(jp, i);
			if (!depth_ok(ctx, name, m, level + 1, jp))
				return 0;
			jpath_pop(jp, mark);
		}
	}
	return 1;
}

static json_t *
parse_stripped(struct cfg_ctx *ctx, const char *name, const char *text,
    size_t len, const char *s, size_t slen)
{
	json_error_t err;
	json_t *root;

	root = json_loadb(s, slen, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL && json_error_code(&err) == json_error_duplicate_key) {
		/* osquery takes such a file; say which key and go on with
		 * the last of the values, as jansson keeps. */
		report_syntax(ctx, name, text, len, &err, CONFIG_WARNING, "",
		    "; the last one is used");
		root = json_loadb(s, slen, 0, &err);
	}
	if (root == NULL) {
		if (json_error_code(&err) == json_error_out_of_memory)
			cfg_nomem(ctx);
		else
			report_syntax(ctx, name, text, len, &err,
			    CONFIG_ERROR, "invalid JSON: ", "");
	}
	return root;
}

json_t *
cfg_load_json(struct cfg_ctx *ctx, const char *name, const char *text,
    size_t len)
{
	struct jpath jp = { .len = 0 };
	size_t slen, kept;
	json_t *root;
	char *s;

	if (len > CONFIG_MAX_TOTAL) {
		cfg_error(ctx, name, NULL, "%zu bytes, more than the limit "
		    "of %d", len, CONFIG_MAX_TOTAL);
		return NULL;
	}
	if ((s = cfg_strip_comments(text, len, &slen, &kept)) == NULL) {
		cfg_nomem(ctx);
		return NULL;
	}
	if (kept > CONFIG_MAX_SIZE) {
		cfg_error(ctx, name, NULL, "%zu bytes without comments, more "
		    "than the limit of %d", kept, CONFIG_MAX_SIZE);
		free(s);
		return NULL;
	}
	root = parse_stripped(ctx, name, text, len, s, slen);
	free(s);
	if (root == NULL)
		return NULL;
	if (!json_is_object(root)) {
		cfg_error(ctx, name, NULL, "the top level must be a JSON "
		    "object { ... }");
		json_decref(root);
		return NULL;
	}
	if (!depth_ok(ctx, name, root, 0, &jp)) {
		json_decref(root);
		return NULL;
	}
	return root;
}

int
cfg_account_file(struct cfg_ctx *ctx, const char *name, const char *text,
    size_t len)
{
	unsigned char n64[8];
	uint64_t n = len;
	int i;

	if (len > CONFIG_MAX_TOTAL || ctx->total > CONFIG_MAX_TOTAL - len) {
		cfg_error(ctx, name, NULL, "the configuration and its packs "
		    "are more than %d bytes together", CONFIG_MAX_TOTAL);
		return -1;
	}
	ctx->total += len;
	if (ctx->hash == NULL)
		return 0;
	for (i = 0; i < 8; i++)
		n64[i] = (unsigned char)(n >> (8 * i));
	digest_update(ctx->hash, name, strlen(name) + 1);
	digest_update(ctx->hash, n64, sizeof(n64));
	digest_update(ctx->hash, text, len);
	return 0;
}

static const char *
type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number with a fraction";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* A string of decimal digits, as osquery takes for a number. */
static int
digits_value(const char *s, long long *out)
{
	long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (LLONG_MAX - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

int
cfg_get_uint(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    json_t *v, unsigned int min, unsigned int max, unsigned int *out)
{
	char q[96];
	long long n;

	if (json_is_integer(v))
		n = json_integer_value(v);
	else if (json_is_string(v)) {
		if (digits_value(json_string_value(v), &n) != 0) {
			cfg_quote(q, sizeof(q), json_string_value(v));
			cfg_error(ctx, src, jp, "%s is not a whole number", q);
			return -1;
		}
	} else {
		cfg_error(ctx, src, jp, "expected a whole number, not %s",
		    type_name(v));
		return -1;
	}
	if (n < (long long)min || n > (long long)max) {
		cfg_error(ctx, src, jp, "%lld is not between %u and %u", n,
		    min, max);
		return -1;
	}
	*out = (unsigned int)n;
	return 0;
}

int
cfg_get_bool(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    json_t *v, int *out)
{
	const char *s;
	char q[96];

	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return 0;
	}
	if (json_is_integer(v) && (json_integer_value(v) == 0 ||
	    json_integer_value(v) == 1)) {
		*out = json_integer_value(v) != 0;
		return 0;
	}
	if (json_is_string(v)) {
		s = json_string_value(v);
		if (strcasecmp(s, "true") == 0 || strcasecmp(s, "t") == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, "false") == 0 || strcasecmp(s, "f") == 0) {
			*out = 0;
			return 0;
		}
		cfg_quote(q, sizeof(q), s);
		cfg_error(ctx, src, jp, "%s is not true or false", q);
		return -1;
	}
	cfg_error(ctx, src, jp, "expected true or false, not %s",
	    type_name(v));
	return -1;
}

int
cfg_get_string(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    json_t *v, int nonempty, char **out)
{
	if (!json_is_string(v)) {
		cfg_error(ctx, src, jp, "expected a string, not %s",
		    type_name(v));
		return -1;
	}
	if (nonempty && json_string_length(v) == 0) {
		cfg_error(ctx, src, jp, "cannot be empty");
		return -1;
	}
	if ((*out = strdup(json_string_value(v))) == NULL) {
		cfg_nomem(ctx);
		return -1;
	}
	return 0;
}

int
cfg_get_sql_list(struct cfg_ctx *ctx, const char *src, struct jpath *jp,
    json_t *v, char ***list, size_t *n)
{
	size_t i, mark;
	char **l, *s;
	json_t *e;
	int rc = 0;

	if (!json_is_array(v)) {
		cfg_error(ctx, src, jp, "expected an array of queries, not %s",
		    type_name(v));
		return -1;
	}
	json_array_foreach(v, i, e) {
		mark = jpath_index(jp, i);
		if (*n >= CONFIG_MAX_SQL_LIST) {
			cfg_error(ctx, src, jp, "more than %d queries",
			    CONFIG_MAX_SQL_LIST);
			jpath_pop(jp, mark);
			return -1;
		}
		if (cfg_get_string(ctx, src, jp, e, 1, &s) != 0)
			rc = -1;
		else if ((l = reallocarray(*list, *n + 1, sizeof(*l))) ==
		    NULL) {
			free(s);
			cfg_nomem(ctx);
			rc = -1;
		} else {
			l[(*n)++] = s;
			*list = l;
		}
		jpath_pop(jp, mark);
	}
	return rc;
}

/* "", "null" and JSON null mean no restriction: *out stays NULL. */
static int
unrestricted(json_t *v)
{
	return json_is_null(v) || (json_is_string(v) &&
	    (json_string_length(v) == 0 ||
	    strcmp(json_string_value(v), "null") == 0));
}

int
cfg_get_platform(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    json_t *v, char **out)
{
	char q[96];

	*out = NULL;
	if (unrestricted(v))
		return 0;
	if (cfg_get_string(ctx, src, jp, v, 0, out) != 0)
		return -1;
	if (!config_platform_valid(*out)) {
		cfg_quote(q, sizeof(q), *out);
		cfg_error(ctx, src, jp, "unknown platform %s (known: darwin, "
		    "linux, posix, windows, freebsd, any, all, ubuntu, "
		    "centos, separated by commas)", q);
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int
cfg_get_version(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    json_t *v, char **out)
{
	char q[96];

	*out = NULL;
	if (unrestricted(v))
		return 0;
	if (cfg_get_string(ctx, src, jp, v, 0, out) != 0)
		return -1;
	if (!config_version_valid(*out)) {
		cfg_quote(q, sizeof(q), *out);
		cfg_error(ctx, src, jp, "%s is not a version like 5.0.1", q);
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int
cfg_key_in(const char *key, const char *const *names)
{
	for (; *names != NULL; names++)
		if (strcmp(key, *names) == 0)
			return 1;
	return 0;
}

int
cfg_check_name(struct cfg_ctx *ctx, const char *src, const struct jpath *jp,
    const char *what, const char *name)
{
	const unsigned char *p;

	if (*name == '\0') {
		cfg_error(ctx, src, jp, "a %s name cannot be empty", what);
		return -1;
	}
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f) {
			cfg_error(ctx, src, jp, "a %s name cannot hold control "
			    "characters", what);
			return -1;
		}
	return 0;
}

void
cfg_free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}
