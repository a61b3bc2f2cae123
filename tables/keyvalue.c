/*
 * Key/value text.  os-release is a shell fragment, so its values follow
 * the shell's quoting; cpuinfo and meminfo pad their keys with tabs and
 * spaces before the colon, so keys are compared trimmed.
 */
#include <string.h>

#include "keyvalue.h"

/* Unquote one shell word into out; -1 when a quote is not closed. */
static int
env_unquote(struct span v, char *out, size_t outsz)
{
	size_t i, n = 0;
	char quote = 0, c;

	for (i = 0; i < v.len; i++) {
		c = v.p[i];
		if (quote == 0 && (c == '"' || c == '\'')) {
			quote = c;
			continue;
		}
		if (quote != 0 && c == quote) {
			quote = 0;
			continue;
		}
		if (quote == 0 && (c == ' ' || c == '\t' || c == '#'))
			break;
		if (c == '\\' && i + 1 < v.len && (quote == 0 ||
		    (quote == '"' && strchr("\"\\$`", v.p[i + 1]) != NULL)))
			c = v.p[++i];
		if (n + 1 < outsz)
			out[n++] = c;
	}
	if (quote != 0)
		return -1;
	if (outsz > 0)
		out[n] = '\0';
	return (int)n;
}

int
kv_env_value(const char *buf, size_t len, const char *key, char *out,
    size_t outsz)
{
	struct span line, v, last = { NULL, 0 };
	size_t off = 0, klen = strlen(key);
	int found = 0;

	if (outsz == 0 || klen == 0)
		return -1;
	while (txt_next_line(buf, len, &off, &line)) {
		line = txt_trim(line);
		if (line.len <= klen || line.p[klen] != '=' ||
		    memcmp(line.p, key, klen) != 0)
			continue;
		v.p = line.p + klen + 1;
		v.len = line.len - klen - 1;
		last = v;
		found = 1;
	}
	if (!found)
		return -1;
	return env_unquote(last, out, outsz);
}

int
kv_colon_split(struct span line, struct span *key, struct span *value)
{
	const char *colon;

	if (line.p == NULL ||
	    (colon = memchr(line.p, ':', line.len)) == NULL)
		return -1;
	key->p = line.p;
	key->len = (size_t)(colon - line.p);
	value->p = colon + 1;
	value->len = line.len - key->len - 1;
	*key = txt_trim(*key);
	*value = txt_trim(*value);
	return 0;
}

int
kv_colon_value(const char *buf, size_t len, const char *key,
    struct span *value)
{
	struct span line, k, v;
	size_t off = 0;

	while (txt_next_line(buf, len, &off, &line)) {
		if (kv_colon_split(line, &k, &v) == 0 && txt_eq(k, key)) {
			*value = v;
			return 0;
		}
	}
	return -1;
}

int
kv_meminfo_bytes(const char *buf, size_t len, const char *key,
    int64_t *bytes)
{
	struct span v, unit;
	uint64_t n;
	size_t used;

	if (kv_colon_value(buf, len, key, &v) == -1 ||
	    txt_u64_prefix(v.p, v.len, &n, &used) == -1)
		return -1;
	unit.p = v.p + used;
	unit.len = v.len - used;
	unit = txt_trim(unit);
	if (txt_eq(unit, "kB")) {
		if (n > (uint64_t)INT64_MAX / 1024)
			return -1;
		n *= 1024;
	} else if (unit.len != 0 || n > (uint64_t)INT64_MAX)
		return -1;
	*bytes = (int64_t)n;
	return 0;
}

static int
word_value(struct span w, const char *prefix, struct span *value)
{
	size_t n = strlen(prefix);

	if (w.len < n || memcmp(w.p, prefix, n) != 0)
		return 0;
	value->p = w.p + n;
	value->len = w.len - n;
	return 1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
}

size_t
kv_kernel_cmdline(const char *buf, size_t len, char *args,
    struct span *boot_image, struct span *root)
{
	struct span w, v;
	size_t i = 0, n = 0;

	boot_image->p = root->p = "";
	boot_image->len = root->len = 0;
	while (buf != NULL && i < len) {
		while (i < len && is_space(buf[i]))
			i++;
		w.p = buf + i;
		while (i < len && !is_space(buf[i]))
			i++;
		w.len = (size_t)(buf + i - w.p);
		if (w.len == 0)
			break;
		if (word_value(w, "BOOT_IMAGE=", &v)) {
			*boot_image = v;
			continue;
		}
		if (word_value(w, "root=", &v))
			*root = v;
		if (n > 0)
			args[n++] = ' ';
		memcpy(args + n, w.p, w.len);
		n += w.len;
	}
	args[n] = '\0';
	return n;
}
