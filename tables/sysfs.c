/* uevent values and link resolution for sysfs; see sysfs.h. */
#include <string.h>

#include "sysfs.h"

int
sysfs_uevent_value(const char *buf, size_t len, const char *key,
    struct span *value)
{
	struct span line;
	size_t off = 0, klen = strlen(key);

	if (klen == 0)
		return -1;
	while (txt_next_line(buf, len, &off, &line)) {
		if (line.len > klen && line.p[klen] == '=' &&
		    memcmp(line.p, key, klen) == 0) {
			value->p = line.p + klen + 1;
			value->len = line.len - klen - 1;
			return 0;
		}
	}
	return -1;
}

/* Append "/seg" to out (n bytes used so far). */
static int
push_segment(char *out, size_t outsz, size_t *n, struct span seg)
{
	if (seg.len >= outsz || *n + 1 + seg.len >= outsz)
		return -1;
	out[(*n)++] = '/';
	memcpy(out + *n, seg.p, seg.len);
	*n += seg.len;
	out[*n] = '\0';
	return 0;
}

/* Drop the last segment; -1 when there is none. */
static int
pop_segment(char *out, size_t *n)
{
	if (*n == 0)
		return -1;
	while (*n > 0 && out[*n - 1] != '/')
		(*n)--;
	(*n)--;
	out[*n] = '\0';
	return 0;
}

/* Resolve the segments of s onto out. */
static int
walk_segments(char *out, size_t outsz, size_t *n, const char *s)
{
	struct span rest, seg;

	rest.p = s;
	rest.len = strlen(s);
	while (txt_next_field(&rest, '/', &seg)) {
		if (seg.len == 0 || txt_eq(seg, "."))
			continue;
		if (txt_eq(seg, "..")) {
			if (pop_segment(out, n) == -1)
				return -1;
		} else if (push_segment(out, outsz, n, seg) == -1)
			return -1;
	}
	return 0;
}

int
sysfs_link_resolve(const char *dir, const char *target, char *out,
    size_t outsz)
{
	size_t n = 0;

	if (outsz < 2 || *target == '\0')
		return -1;
	out[0] = '\0';
	if (*target != '/' && (*dir != '/' ||
	    walk_segments(out, outsz, &n, dir) == -1))
		return -1;
	if (walk_segments(out, outsz, &n, target) == -1)
		return -1;
	if (n == 0) {
		out[0] = '/';
		out[1] = '\0';
	}
	return 0;
}
