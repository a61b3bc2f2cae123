/*
 * Parser of /proc/<pid>/maps lines.  The first five fields are checked
 * for their exact form; what follows the inode, after its padding, is
 * the path, kept whole: file names may hold spaces.
 */
#include <string.h>

#include "procmaps.h"
#include "words.h"

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static int
all_hex(struct span s)
{
	size_t i;

	if (s.len == 0)
		return 0;
	for (i = 0; i < s.len; i++)
		if (!is_hex(s.p[i]))
			return 0;
	return 1;
}

static int
hex_u64(struct span s, uint64_t *v)
{
	size_t i;
	unsigned int d;

	if (!all_hex(s) || s.len > 16)
		return -1;
	*v = 0;
	for (i = 0; i < s.len; i++) {
		d = (unsigned int)(s.p[i] <= '9' ? s.p[i] - '0' :
		    (s.p[i] | 0x20) - 'a' + 10);
		*v = *v << 4 | d;
	}
	return 0;
}

/* "start-end", both hex. */
static int
parse_range(struct span w, struct procmaps_entry *e)
{
	const char *dash = memchr(w.p, '-', w.len);

	if (dash == NULL)
		return -1;
	e->start.p = w.p;
	e->start.len = (size_t)(dash - w.p);
	e->end.p = dash + 1;
	e->end.len = w.len - e->start.len - 1;
	return all_hex(e->start) && all_hex(e->end) &&
	    e->start.len <= 16 && e->end.len <= 16 ? 0 : -1;
}

/* "rwxp": each place its letter or '-', then 'p' or 's'. */
static int
valid_perms(struct span w)
{
	static const char letters[] = "rwx";
	int i;

	if (w.len != 4)
		return 0;
	for (i = 0; i < 3; i++)
		if (w.p[i] != letters[i] && w.p[i] != '-')
			return 0;
	return w.p[3] == 'p' || w.p[3] == 's';
}

/* "major:minor", both hex. */
static int
valid_device(struct span w)
{
	const char *colon = memchr(w.p, ':', w.len);
	struct span major, minor;

	if (colon == NULL)
		return 0;
	major.p = w.p;
	major.len = (size_t)(colon - w.p);
	minor.p = colon + 1;
	minor.len = w.len - major.len - 1;
	return all_hex(major) && all_hex(minor);
}

static int
parse_line(struct span s, struct procmaps_entry *e)
{
	struct span w;

	if (!word_next(&s, &w) || parse_range(w, e) == -1)
		return -1;
	if (!word_next(&s, &e->perms) || !valid_perms(e->perms))
		return -1;
	if (!word_next(&s, &w) || hex_u64(w, &e->offset) == -1)
		return -1;
	if (!word_next(&s, &e->device) || !valid_device(e->device))
		return -1;
	if (!word_next(&s, &w) || txt_u64(w.p, w.len, &e->inode) == -1)
		return -1;
	/* The path runs to the end of the line, blanks and all: the
	 * padding before it is the kernel's, a path starts with '/' or
	 * '[', and a name may end in a space. */
	e->path = word_skip_blanks(s);
	return 0;
}

int
procmaps_next(const char *buf, size_t len, size_t *off,
    struct procmaps_entry *e)
{
	struct span line;

	memset(e, 0, sizeof(*e));
	do {
		if (!txt_next_line(buf, len, off, &line))
			return 0;
	} while (line.len == 0);
	if (parse_line(line, e) == -1) {
		memset(e, 0, sizeof(*e));
		return -1;
	}
	return 1;
}
