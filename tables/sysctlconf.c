/*
 * sysctl names, paths and configuration files.  The file syntax is the
 * one sysctl.d(5) documents and systemd-sysctl and sysctl --system both
 * read: a setting a line, split at its first '=', blanks trimmed; the
 * key may use '/' separators and a leading '-' (ignore failures).
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "sysctlconf.h"
#include "textparse.h"

int
sysctl_name_from_rel(const char *rel, char *out, size_t outsz)
{
	size_t i, n = strlen(rel);

	if (n >= outsz)
		return -1;
	for (i = 0; i < n; i++) {
		if (rel[i] == '/')
			out[i] = '.';
		else if (rel[i] == '.')
			out[i] = '/';
		else
			out[i] = rel[i];
	}
	out[n] = '\0';
	return 0;
}

/* Is the component of length n at s usable as a path segment? */
static int
component_ok(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (n == 1 && s[0] == '/')
		return 0;
	if (n == 2 && s[0] == '/' && s[1] == '/')
		return 0;
	return 1;
}

int
sysctl_path_from_name(const char *name, char *out, size_t outsz)
{
	size_t root = sizeof(SYSCTL_ROOT), n = strlen(name), i, start = 0;

	if (n == 0 || root + n + 1 > outsz)
		return -1;
	/* A '/' in a name is a '.' of the path: "." and ".." spelled in
	 * the name's terms are "/" and "//". */
	for (i = 0; i <= n; i++) {
		if (i < n && name[i] != '.')
			continue;
		if (!component_ok(name + start, i - start))
			return -1;
		start = i + 1;
	}
	memcpy(out, SYSCTL_ROOT "/", root);
	if (sysctl_name_from_rel(name, out + root, outsz - root) == -1)
		return -1;
	return 0;
}

static char *
span_dup(struct span s)
{
	char *p;

	if ((p = malloc(s.len + 1)) == NULL)
		return NULL;
	memcpy(p, s.p, s.len);
	p[s.len] = '\0';
	return p;
}

/* A key as sysctl.d writes it into the dotted name: with '/' before any
 * '.', '/' and '.' trade places, as in the paths. */
static void
normalize_key(char *key)
{
	char *slash = strchr(key, '/'), *dot = strchr(key, '.'), *p;

	if (slash == NULL || (dot != NULL && dot < slash))
		return;
	for (p = key; *p != '\0'; p++) {
		if (*p == '/')
			*p = '.';
		else if (*p == '.')
			*p = '/';
	}
}

static int
setting_push(struct sysctl_conf *c, struct span key, struct span value)
{
	struct sysctl_setting *s, *nv;
	size_t ncap;

	if (c->n == c->cap) {
		ncap = c->cap ? c->cap * 2 : 32;
		if ((nv = reallocarray(c->v, ncap, sizeof(*nv))) == NULL)
			return -1;
		c->v = nv;
		c->cap = ncap;
	}
	s = &c->v[c->n];
	if ((s->key = span_dup(key)) == NULL)
		return -1;
	if ((s->value = span_dup(value)) == NULL) {
		free(s->key);
		return -1;
	}
	normalize_key(s->key);
	s->glob = strpbrk(s->key, "*?[") != NULL;
	c->n++;
	return 0;
}

/* Split one line into its key and value; -1 when it is no setting. */
static int
setting_split(struct span line, struct span *key, struct span *value)
{
	const char *eq;

	line = txt_trim(line);
	if (line.len == 0 || line.p[0] == '#' || line.p[0] == ';')
		return 1;
	if ((eq = memchr(line.p, '=', line.len)) == NULL)
		return -1;
	key->p = line.p;
	key->len = (size_t)(eq - line.p);
	value->p = eq + 1;
	value->len = line.len - key->len - 1;
	*key = txt_trim(*key);
	*value = txt_trim(*value);
	if (key->len > 0 && key->p[0] == '-') {
		key->p++;
		key->len--;
	}
	if (key->len == 0 || memchr(key->p, '\0', key->len) != NULL ||
	    memchr(value->p, '\0', value->len) != NULL)
		return -1;
	return 0;
}

int
sysctl_conf_add(struct sysctl_conf *c, const char *buf, size_t len)
{
	struct span line, key, value;
	size_t off = 0;
	int rc;

	while (txt_next_line(buf, len, &off, &line)) {
		rc = setting_split(line, &key, &value);
		if (rc == 1)
			continue;
		if (rc == -1) {
			c->bad++;
			continue;
		}
		if (setting_push(c, key, value) == -1)
			return -1;
	}
	return 0;
}

const char *
sysctl_conf_value(const struct sysctl_conf *c, const char *name)
{
	const char *globbed = NULL;
	size_t i;

	for (i = c->n; i-- > 0;) {
		if (!c->v[i].glob && strcmp(c->v[i].key, name) == 0)
			return c->v[i].value;
		if (globbed == NULL && c->v[i].glob &&
		    fnmatch(c->v[i].key, name, 0) == 0)
			globbed = c->v[i].value;
	}
	return globbed;
}

void
sysctl_conf_free(struct sysctl_conf *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].value);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static int
file_cmp(const void *a, const void *b)
{
	const struct sysctl_file *fa = a, *fb = b;
	int c = strcmp(fa->name, fb->name);

	if (c != 0)
		return c;
	return (fa->dir > fb->dir) - (fa->dir < fb->dir);
}

size_t
sysctl_files_order(struct sysctl_file *f, size_t n)
{
	size_t i, kept = 0;

	if (n == 0)
		return 0;
	qsort(f, n, sizeof(*f), file_cmp);
	for (i = 0; i < n; i++) {
		if (kept > 0 && strcmp(f[kept - 1].name, f[i].name) == 0) {
			free(f[i].name);
			continue;
		}
		f[kept++] = f[i];
	}
	return kept;
}

int
sysctl_file_wanted(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && name[0] != '.' && strcmp(name + n - 5, ".conf") == 0;
}
