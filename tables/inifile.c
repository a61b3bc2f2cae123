/*
 * yum-style INI files: sections, keys, continued values.
 */
#include <string.h>

#include "inifile.h"

static int
continues(struct span line)
{
	return line.len > 0 && (line.p[0] == ' ' || line.p[0] == '\t') &&
	    txt_trim(line).len > 0;
}

static int
is_comment(struct span t)
{
	return t.len > 0 && (t.p[0] == '#' || t.p[0] == ';');
}

/* "[name]" (spaces inside the brackets trimmed); -1 otherwise. */
static int
section_header(struct span t, struct span *name)
{
	const char *close;

	if (t.len < 2 || t.p[0] != '[')
		return -1;
	if ((close = memchr(t.p, ']', t.len)) == NULL)
		return -1;
	name->p = t.p + 1;
	name->len = (size_t)(close - name->p);
	*name = txt_trim(*name);
	return name->len > 0 ? 0 : -1;
}

static int
key_line(struct span t, struct ini_item *it)
{
	const char *eq = memchr(t.p, '=', t.len);

	if (eq == NULL)
		return -1;
	it->key.p = t.p;
	it->key.len = (size_t)(eq - t.p);
	it->key = txt_trim(it->key);
	if (it->key.len == 0)
		return -1;
	it->full.p = eq + 1;
	it->full.len = t.len - (size_t)(eq + 1 - t.p);
	it->value = txt_trim(it->full);
	return 0;
}

/* Take the lines that continue the value of it; blank lines between
 * them belong to the value, as Python's configparser reads it. */
static void
continuation(const char *buf, size_t len, size_t *off, struct ini_item *it)
{
	struct span line;
	size_t next = *off;

	while (txt_next_line(buf, len, &next, &line)) {
		if (txt_trim(line).len == 0)
			continue;
		if (!continues(line))
			break;
		it->full.len = (size_t)(line.p + line.len - it->full.p);
		*off = next;
	}
}

int
ini_next(const char *buf, size_t len, size_t *off, struct span *section,
    struct ini_item *it)
{
	struct span line, t;

	while (txt_next_line(buf, len, off, &line)) {
		t = txt_trim(line);
		if (t.len == 0 || is_comment(t))
			continue;
		memset(it, 0, sizeof(*it));
		if (section_header(t, &it->section) == 0) {
			*section = it->section;
			it->kind = INI_SECTION;
			return 1;
		}
		if (key_line(t, it) == -1)
			continue;
		it->kind = INI_KEY;
		it->section = *section;
		continuation(buf, len, off, it);
		return 1;
	}
	return 0;
}

size_t
ini_join(struct span full, char *buf, size_t len)
{
	struct span line;
	size_t off = 0, n = 0, k;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	while (txt_next_line(full.p, full.len, &off, &line)) {
		line = txt_trim(line);
		if (line.len == 0)
			continue;
		if (n > 0 && n + 1 < len)
			buf[n++] = ' ';
		k = line.len < len - 1 - n ? line.len : len - 1 - n;
		memcpy(buf + n, line.p, k);
		n += k;
		buf[n] = '\0';
	}
	return n;
}
