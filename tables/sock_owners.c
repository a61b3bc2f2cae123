/*
 * The socket inode -> (pid, fd) index the socket tables join a dump with.
 *
 * A sorted array rather than a hash table: it is built once per query,
 * looked up once per socket, and keeps every holder of a shared socket
 * next to each other without chains.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sock_owners.h"

/* A cursor over a PROC_FDS or PROC_NS blob. */
struct blob {
	const unsigned char	*p;
	size_t			 len;
	size_t			 off;
};

static int
blob_u32(struct blob *b, uint32_t *v)
{
	const unsigned char *p;

	if (b->len - b->off < 4)
		return -1;
	p = b->p + b->off;
	*v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
	b->off += 4;
	return 0;
}

/* A str of the wire: u16 length, the bytes, a NUL; no NUL inside. */
static int
blob_str(struct blob *b, const char **s, size_t *slen)
{
	size_t n;

	if (b->len - b->off < 2)
		return -1;
	n = (size_t)b->p[b->off] | (size_t)b->p[b->off + 1] << 8;
	b->off += 2;
	if (b->len - b->off < n + 1 || b->p[b->off + n] != '\0' ||
	    memchr(b->p + b->off, '\0', n) != NULL)
		return -1;
	*s = (const char *)b->p + b->off;
	*slen = n;
	b->off += n + 1;
	return 0;
}

/* The N of "<prefix>:[N]", 0 when the text is not exactly that. */
static uint64_t
bracket_number(const char *s, size_t len, const char *prefix)
{
	size_t plen = strlen(prefix), i;
	uint64_t v = 0;

	if (len < plen + 4 || memcmp(s, prefix, plen) != 0 ||
	    s[plen] != ':' || s[plen + 1] != '[' || s[len - 1] != ']')
		return 0;
	for (i = plen + 2; i < len - 1; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (v > (UINT64_MAX - 9) / 10)
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	return v;
}

uint64_t
socket_link_inode(const char *target, size_t len)
{
	return bracket_number(target, len, "socket");
}

static int
owners_push(struct sock_owners *o, uint64_t inode, int32_t pid, uint32_t fd)
{
	struct sock_owner *v;
	size_t cap;

	if (o->n == o->cap) {
		cap = o->cap ? o->cap * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*v))
			return -ENOMEM;
		if ((v = realloc(o->v, cap * sizeof(*v))) == NULL)
			return -ENOMEM;
		o->v = v;
		o->cap = cap;
	}
	o->v[o->n].inode = inode;
	o->v[o->n].pid = pid;
	o->v[o->n].fd = fd;
	o->n++;
	return 0;
}

int
sock_owners_add_fds(struct sock_owners *o, int32_t pid, const char *data,
    size_t len)
{
	struct blob b = { (const unsigned char *)data, len, 0 };
	const char *target;
	size_t tlen;
	uint64_t inode;
	uint32_t fd;

	if (data == NULL)
		return len == 0 ? 0 : -EBADMSG;
	while (b.off < b.len) {
		if (blob_u32(&b, &fd) == -1 ||
		    blob_str(&b, &target, &tlen) == -1)
			return -EBADMSG;
		if ((inode = socket_link_inode(target, tlen)) == 0)
			continue;
		if (owners_push(o, inode, pid, fd) != 0)
			return -ENOMEM;
	}
	return 0;
}

static int
owner_cmp(const void *a, const void *b)
{
	const struct sock_owner *x = a, *y = b;

	if (x->inode != y->inode)
		return x->inode < y->inode ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	if (x->fd != y->fd)
		return x->fd < y->fd ? -1 : 1;
	return 0;
}

void
sock_owners_sort(struct sock_owners *o)
{
	if (o->n > 1)
		qsort(o->v, o->n, sizeof(*o->v), owner_cmp);
}

const struct sock_owner *
sock_owners_find(const struct sock_owners *o, uint64_t inode, size_t *count)
{
	size_t lo = 0, hi = o->n, mid, end;

	*count = 0;
	/* The first entry whose inode is not below the one sought. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (o->v[mid].inode < inode)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < o->n && o->v[end].inode == inode; end++)
		;
	if (end == lo)
		return NULL;
	*count = end - lo;
	return &o->v[lo];
}

void
sock_owners_free(struct sock_owners *o)
{
	free(o->v);
	memset(o, 0, sizeof(*o));
}

int
proc_ns_inode(const char *data, size_t len, const char *name, uint64_t *ino)
{
	struct blob b = { (const unsigned char *)data, len, 0 };
	const char *n, *t;
	size_t nlen, tlen;

	if (data == NULL)
		return len == 0 ? -ENOENT : -EBADMSG;
	while (b.off < b.len) {
		if (blob_str(&b, &n, &nlen) == -1 ||
		    blob_str(&b, &t, &tlen) == -1)
			return -EBADMSG;
		if (nlen != strlen(name) || memcmp(n, name, nlen) != 0)
			continue;
		if ((*ino = bracket_number(t, tlen, name)) == 0)
			return -EBADMSG;
		return 0;
	}
	return -ENOENT;
}
