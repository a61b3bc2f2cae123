/*
 * Control-file stanzas: split into stanzas, stanzas into fields.
 */
#include <string.h>

#include "deb822.h"

static int
blank_line(struct span line)
{
	size_t i;

	for (i = 0; i < line.len; i++)
		if (line.p[i] != ' ' && line.p[i] != '\t' && line.p[i] != '\r')
			return 0;
	return 1;
}

int
deb822_next_stanza(const char *buf, size_t len, size_t *off,
    struct span *stanza)
{
	struct span line;
	size_t start = 0, end = 0, at;
	int found = 0;

	if (buf == NULL)
		return 0;
	for (;;) {
		at = *off;
		if (!txt_next_line(buf, len, off, &line))
			break;
		if (blank_line(line)) {
			if (found)
				break;
			continue;
		}
		if (!found)
			start = at;
		found = 1;
		end = at + line.len;
	}
	if (!found)
		return 0;
	stanza->p = buf + start;
	stanza->len = end - start;
	return 1;
}

size_t
deb822_complete_len(const char *buf, size_t len)
{
	struct span line;
	size_t off = 0, complete = 0;

	while (txt_next_line(buf, len, &off, &line)) {
		/* A last line with no '\n' may be cut: it decides nothing. */
		if (line.p + line.len == buf + len)
			break;
		if (blank_line(line))
			complete = off;
	}
	return complete;
}

int
deb822_name_eq(struct span s, const char *name)
{
	size_t i, n = strlen(name);
	char a, b;

	if (s.len != n)
		return 0;
	for (i = 0; i < n; i++) {
		a = s.p[i];
		b = name[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

static int
continues(struct span line)
{
	return line.len > 0 && (line.p[0] == ' ' || line.p[0] == '\t');
}

static int
comment(struct span line, unsigned int flags)
{
	return (flags & DEB822_COMMENTS) && line.len > 0 && line.p[0] == '#';
}

/* Split "Name: value" at its colon; -1 when the line is no field. */
static int
field_start(struct span line, struct deb822_field *f)
{
	const char *colon;

	if (line.len == 0 || continues(line))
		return -1;
	if ((colon = memchr(line.p, ':', line.len)) == NULL)
		return -1;
	f->name.p = line.p;
	f->name.len = (size_t)(colon - line.p);
	f->name = txt_trim(f->name);
	if (f->name.len == 0)
		return -1;
	f->full.p = colon + 1;
	f->full.len = line.len - (size_t)(colon + 1 - line.p);
	f->value = txt_trim(f->full);
	return 0;
}

int
deb822_next_field(struct span stanza, size_t *off, unsigned int flags,
    struct deb822_field *f)
{
	struct span line;
	size_t next;

	while (txt_next_line(stanza.p, stanza.len, off, &line)) {
		if (comment(line, flags) || field_start(line, f) == -1)
			continue;
		/* Take the continuation lines (and comments among them). */
		next = *off;
		while (txt_next_line(stanza.p, stanza.len, &next, &line)) {
			if (comment(line, flags))
				continue;
			if (!continues(line))
				break;
			f->full.len = (size_t)(line.p + line.len - f->full.p);
			*off = next;
		}
		return 1;
	}
	return 0;
}

int
deb822_find(struct span stanza, const char *name, unsigned int flags,
    struct deb822_field *f)
{
	size_t off = 0;

	while (deb822_next_field(stanza, &off, flags, f))
		if (deb822_name_eq(f->name, name))
			return 0;
	return -1;
}
