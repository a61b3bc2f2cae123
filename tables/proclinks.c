/*
 * Walking the PROC_FDS and PROC_NS lists.  They come from privd, but a
 * worker parses every byte it did not produce as if it were hostile:
 * lengths are checked against what is left, strings must end in their
 * NUL and hold no other.
 */
#include <string.h>

#include "proclinks.h"

void
proclinks_init(struct proclinks *c, const char *data, size_t len)
{
	c->p = (const unsigned char *)data;
	c->len = data != NULL ? len : 0;
	c->off = 0;
}

static int
get_u32(struct proclinks *c, uint32_t *v)
{
	const unsigned char *p;

	if (c->len - c->off < 4)
		return -1;
	p = c->p + c->off;
	*v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
	c->off += 4;
	return 0;
}

/* A str of the wire: u16 length, the bytes, a NUL; no NUL inside. */
static int
get_str(struct proclinks *c, struct span *s)
{
	size_t n;

	if (c->len - c->off < 2)
		return -1;
	n = (size_t)c->p[c->off] | (size_t)c->p[c->off + 1] << 8;
	c->off += 2;
	if (c->len - c->off < n + 1 || c->p[c->off + n] != '\0' ||
	    memchr(c->p + c->off, '\0', n) != NULL)
		return -1;
	s->p = (const char *)c->p + c->off;
	s->len = n;
	c->off += n + 1;
	return 0;
}

/* A malformed entry ends the walk: nothing after it can be trusted. */
static int
malformed(struct proclinks *c)
{
	c->off = c->len;
	return -1;
}

int
proclinks_next_fd(struct proclinks *c, uint32_t *fd, struct span *target)
{
	if (c->off >= c->len)
		return 0;
	if (get_u32(c, fd) == -1 || get_str(c, target) == -1)
		return malformed(c);
	return 1;
}

int
proclinks_next_ns(struct proclinks *c, struct span *name,
    struct span *target)
{
	if (c->off >= c->len)
		return 0;
	if (get_str(c, name) == -1 || get_str(c, target) == -1)
		return malformed(c);
	return 1;
}

int
proclinks_is(struct span t, const char *kind)
{
	size_t n = strlen(kind);

	return t.len > n && memcmp(t.p, kind, n) == 0 && t.p[n] == ':';
}

uint64_t
proclinks_inode(struct span t, const char *kind)
{
	const char *open;
	uint64_t v;

	if (t.len == 0 || (kind != NULL && !proclinks_is(t, kind)))
		return 0;
	open = memchr(t.p, ':', t.len);
	if (open == NULL || open == t.p || (size_t)(open - t.p) + 4 > t.len ||
	    open[1] != '[' || t.p[t.len - 1] != ']')
		return 0;
	open += 2;
	if (txt_u64(open, (size_t)(t.p + t.len - 1 - open), &v) == -1)
		return 0;
	return v;
}
