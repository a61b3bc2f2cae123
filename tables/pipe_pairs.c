/*
 * Pipe ends sorted by pipe, so the ends of one pipe sit together and
 * each finds its partners among its neighbours: no table keyed by inode,
 * and a pipe held by many processes costs the square of its holders
 * only, not of every pipe on the system.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pipe_pairs.h"

int
pipe_ends_add(struct pipe_ends *pe, const struct pipe_end *e)
{
	struct pipe_end *v;
	size_t cap;

	if (pe->n == pe->cap) {
		cap = pe->cap > 0 ? pe->cap * 2 : 64;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(pe->v, cap * sizeof(*v))) == NULL)
			return -1;
		pe->v = v;
		pe->cap = cap;
	}
	pe->v[pe->n++] = *e;
	return 0;
}

void
pipe_ends_free(struct pipe_ends *pe)
{
	free(pe->v);
	memset(pe, 0, sizeof(*pe));
}

void
pipe_mode(uint32_t link_mode, char mode[3])
{
	size_t n = 0;

	if (link_mode & (S_IRUSR | S_IRGRP | S_IROTH))
		mode[n++] = 'r';
	if (link_mode & (S_IWUSR | S_IWGRP | S_IWOTH))
		mode[n++] = 'w';
	mode[n] = '\0';
}

static int
cmp_u64(uint64_t a, uint64_t b)
{
	return (a > b) - (a < b);
}

static int
cmp_end(const void *a, const void *b)
{
	const struct pipe_end *x = a, *y = b;
	int c;

	if ((c = (x->named > y->named) - (x->named < y->named)) != 0 ||
	    (c = cmp_u64(x->dev, y->dev)) != 0 ||
	    (c = cmp_u64(x->inode, y->inode)) != 0)
		return c;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

static int
same_pipe(const struct pipe_end *x, const struct pipe_end *y)
{
	return x->named == y->named && x->dev == y->dev &&
	    x->inode == y->inode;
}

/* One reads what the other writes: their modes differ, or the first
 * does both. */
static int
partners(const struct pipe_end *e, const struct pipe_end *p)
{
	if (e == p)
		return 0;
	return strcmp(e->mode, p->mode) != 0 || strcmp(e->mode, "rw") == 0;
}

/* The ends of one pipe, v[0..n). */
static int
pair_pipe(const struct pipe_end *v, size_t n, pipe_pair_fn fn, void *arg)
{
	size_t i, j;
	int found, rc;

	for (i = 0; i < n; i++) {
		found = 0;
		for (j = 0; j < n; j++) {
			if (!partners(&v[i], &v[j]))
				continue;
			found = 1;
			if ((rc = fn(arg, &v[i], &v[j])) != 0)
				return rc;
		}
		if (!found && (rc = fn(arg, &v[i], NULL)) != 0)
			return rc;
	}
	return 0;
}

int
pipe_ends_pair(struct pipe_ends *pe, pipe_pair_fn fn, void *arg)
{
	size_t start, end;
	int rc;

	if (pe->n > 1)
		qsort(pe->v, pe->n, sizeof(*pe->v), cmp_end);
	for (start = 0; start < pe->n; start = end) {
		for (end = start + 1; end < pe->n &&
		    same_pipe(&pe->v[start], &pe->v[end]); end++)
			;
		if ((rc = pair_pipe(pe->v + start, end - start, fn, arg)) != 0)
			return rc;
	}
	return 0;
}
