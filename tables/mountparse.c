/*
 * /proc/mounts separates fields with single spaces and escapes the
 * bytes that would break that (space, tab, newline, backslash) as three
 * octal digits, as getmntent(3) expects.
 */
#include <string.h>

#include "mountparse.h"
#include "words.h"

int
mount_parse_line(struct span line, struct mount_line *m)
{
	struct span s = line;

	memset(m, 0, sizeof(*m));
	if (!word_next(&s, &m->device) || !word_next(&s, &m->path) ||
	    !word_next(&s, &m->type) || !word_next(&s, &m->options))
		return -1;
	return 0;
}

static int
is_octal(char c)
{
	return c >= '0' && c <= '7';
}

size_t
mount_unescape(struct span s, char *out)
{
	size_t i = 0, n = 0;
	unsigned int v;

	while (i < s.len) {
		if (s.p[i] == '\\' && s.len - i >= 4 && is_octal(s.p[i + 1]) &&
		    is_octal(s.p[i + 2]) && is_octal(s.p[i + 3])) {
			v = (unsigned int)(s.p[i + 1] - '0') * 64 +
			    (unsigned int)(s.p[i + 2] - '0') * 8 +
			    (unsigned int)(s.p[i + 3] - '0');
			if ((v & 0xff) == 0)
				break;
			out[n++] = (char)(v & 0xff);
			i += 4;
			continue;
		}
		if (s.p[i] == '\0')
			break;
		out[n++] = s.p[i++];
	}
	out[n] = '\0';
	return n;
}

/* Append one segment to the path in out (of length *n), folding "."
 * and "..". */
static int
push_segment(char *out, size_t outsz, size_t *n, const char *seg,
    size_t len)
{
	if (len == 0 || (len == 1 && seg[0] == '.'))
		return 0;
	if (len == 2 && seg[0] == '.' && seg[1] == '.') {
		while (*n > 0 && out[*n - 1] != '/')
			(*n)--;
		if (*n > 0)
			(*n)--;
		return 0;
	}
	if (*n + 1 + len + 1 > outsz)
		return -1;
	out[(*n)++] = '/';
	memcpy(out + *n, seg, len);
	*n += len;
	return 0;
}

static int
push_path(char *out, size_t outsz, size_t *n, const char *p, size_t len)
{
	size_t i = 0, start;

	while (i < len) {
		while (i < len && p[i] == '/')
			i++;
		start = i;
		while (i < len && p[i] != '/')
			i++;
		if (push_segment(out, outsz, n, p + start, i - start) == -1)
			return -1;
	}
	return 0;
}

int
mount_link_target(const char *link_path, const char *target, char *out,
    size_t outsz)
{
	const char *slash;
	size_t n = 0;

	if (link_path[0] != '/' || outsz < 2)
		return -1;
	if (target[0] != '/') {
		slash = strrchr(link_path, '/');
		if (push_path(out, outsz, &n, link_path,
		    (size_t)(slash - link_path)) == -1)
			return -1;
	}
	if (push_path(out, outsz, &n, target, strlen(target)) == -1)
		return -1;
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	return 0;
}
