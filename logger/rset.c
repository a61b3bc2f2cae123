/* Result sets, their blob form and their differential; see rset.h. */
#include <stdlib.h>
#include <string.h>

#include "rset.h"

void
rset_init(struct rset *rs)
{
	memset(rs, 0, sizeof(*rs));
}

void
rset_free(struct rset *rs)
{
	size_t i;

	for (i = 0; i < rs->ncols; i++)
		free(rs->cols[i]);
	for (i = 0; i < rs->nrows * rs->ncols; i++)
		free(rs->cells[i]);
	free(rs->cols);
	free(rs->cells);
	rset_init(rs);
}

int
rset_set_columns(struct rset *rs, char *const *cols, uint32_t ncols)
{
	uint32_t i;

	if (rs->ncols != 0 || ncols > RSET_MAX_COLUMNS)
		return -1;
	if (ncols == 0)
		return 0;
	if ((rs->cols = calloc(ncols, sizeof(char *))) == NULL)
		return -1;
	rs->ncols = ncols;
	for (i = 0; i < ncols; i++)
		if ((rs->cols[i] = strdup(cols[i])) == NULL)
			return -1;
	return 0;
}

char **
rset_add_row(struct rset *rs)
{
	size_t want;
	char **grown;

	if (rs->nrows >= RSET_MAX_ROWS)
		return NULL;
	if (rs->nrows == rs->alloc) {
		want = rs->alloc ? rs->alloc * 2 : 16;
		grown = realloc(rs->cells, want * (rs->ncols ? rs->ncols : 1) *
		    sizeof(char *));
		if (grown == NULL)
			return NULL;
		rs->cells = grown;
		rs->alloc = want;
	}
	memset(&rs->cells[rs->nrows * rs->ncols], 0,
	    rs->ncols * sizeof(char *));
	return &rs->cells[rs->nrows++ * rs->ncols];
}

const char *
rset_cell(const struct rset *rs, size_t row, uint32_t col)
{
	return rs->cells[row * rs->ncols + col];
}

/* The blob: u32 ncols, each column as a string, u32 nrows, each cell
 * as u8 null then a string; a string is u32 length then its bytes. */
struct buf {
	unsigned char	*p;
	size_t		 len, alloc;
	int		 oom;
};

static void
put(struct buf *b, const void *src, size_t n)
{
	size_t want = b->alloc ? b->alloc : 256;
	unsigned char *grown;

	if (b->oom)
		return;
	while (want < b->len + n)
		want *= 2;
	if (want != b->alloc) {
		if ((grown = realloc(b->p, want)) == NULL) {
			b->oom = 1;
			return;
		}
		b->p = grown;
		b->alloc = want;
	}
	memcpy(b->p + b->len, src, n);
	b->len += n;
}

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char le[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
	    (v >> 24) & 0xff };

	put(b, le, 4);
}

static void
put_str(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	put_u32(b, (uint32_t)n);
	put(b, s, n);
}

int
rset_encode(const struct rset *rs, unsigned char **blob, size_t *len)
{
	struct buf b = { NULL, 0, 0, 0 };
	unsigned char null;
	size_t i;

	put_u32(&b, rs->ncols);
	for (i = 0; i < rs->ncols; i++)
		put_str(&b, rs->cols[i]);
	put_u32(&b, (uint32_t)rs->nrows);
	for (i = 0; i < rs->nrows * rs->ncols; i++) {
		null = rs->cells[i] == NULL;
		put(&b, &null, 1);
		put_str(&b, null ? "" : rs->cells[i]);
	}
	if (b.oom) {
		free(b.p);
		return -1;
	}
	*blob = b.p;
	*len = b.len;
	return 0;
}

struct cursor {
	const unsigned char	*p;
	size_t			 left;
};

static int
get_u32(struct cursor *c, uint32_t *v)
{
	if (c->left < 4)
		return -1;
	*v = (uint32_t)c->p[0] | (uint32_t)c->p[1] << 8 |
	    (uint32_t)c->p[2] << 16 | (uint32_t)c->p[3] << 24;
	c->p += 4;
	c->left -= 4;
	return 0;
}

static int
get_str(struct cursor *c, char **s)
{
	uint32_t n;

	if (get_u32(c, &n) == -1 || n > c->left ||
	    memchr(c->p, '\0', n) != NULL || (*s = strndup((const char *)c->p,
	    n)) == NULL)
		return -1;
	c->p += n;
	c->left -= n;
	return 0;
}

static int
decode_cells(struct cursor *c, struct rset *rs, uint32_t nrows)
{
	uint32_t r, k;
	char **row, *s;
	unsigned char null;

	for (r = 0; r < nrows; r++) {
		if ((row = rset_add_row(rs)) == NULL)
			return -1;
		for (k = 0; k < rs->ncols; k++) {
			if (c->left < 1)
				return -1;
			null = *c->p++;
			c->left--;
			if (null > 1 || get_str(c, &s) == -1)
				return -1;
			if (null)
				free(s);
			else
				row[k] = s;
		}
	}
	return 0;
}

int
rset_decode(const unsigned char *blob, size_t len, struct rset *rs)
{
	struct cursor c = { blob, len };
	uint32_t ncols, nrows, i;
	char *name;

	rset_init(rs);
	if (get_u32(&c, &ncols) == -1 || ncols > RSET_MAX_COLUMNS)
		return -1;
	if (ncols > 0 && (rs->cols = calloc(ncols, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < ncols; i++) {
		if (get_str(&c, &name) == -1)
			goto bad;
		rs->cols[rs->ncols++] = name;
	}
	/* Rows without columns take no bytes: 8 bytes must not make 2^24
	 * of them. */
	if (get_u32(&c, &nrows) == -1 || nrows > RSET_MAX_ROWS ||
	    (ncols == 0 && nrows > 0) ||
	    decode_cells(&c, rs, nrows) == -1 || c.left != 0)
		goto bad;
	return 0;
bad:
	rset_free(rs);
	return -1;
}

/* Rows compare as whole rows: column names, then cells, NULL first. */
struct keyed {
	const struct rset	*rs;
	size_t			 row;
};

static int
compare_rows(const struct rset *a, size_t ra, const struct rset *b,
    size_t rb)
{
	uint32_t k, n = a->ncols < b->ncols ? a->ncols : b->ncols;
	const char *x, *y;
	int c;

	for (k = 0; k < n; k++) {
		if ((c = strcmp(a->cols[k], b->cols[k])) != 0)
			return c;
		x = rset_cell(a, ra, k);
		y = rset_cell(b, rb, k);
		if (x == NULL || y == NULL) {
			if (x != y)
				return x == NULL ? -1 : 1;
			continue;
		}
		if ((c = strcmp(x, y)) != 0)
			return c;
	}
	return (a->ncols > b->ncols) - (a->ncols < b->ncols);
}

static int
compare_keyed(const void *p, const void *q)
{
	const struct keyed *a = p, *b = q;
	int c = compare_rows(a->rs, a->row, b->rs, b->row);

	return c != 0 ? c : (a->row > b->row) - (a->row < b->row);
}

static struct keyed *
sorted_rows(const struct rset *rs)
{
	struct keyed *k;
	size_t i;

	if ((k = calloc(rs->nrows ? rs->nrows : 1, sizeof(*k))) == NULL)
		return NULL;
	for (i = 0; i < rs->nrows; i++) {
		k[i].rs = rs;
		k[i].row = i;
	}
	qsort(k, rs->nrows, sizeof(*k), compare_keyed);
	return k;
}

static int
compare_index(const void *p, const void *q)
{
	size_t a = *(const size_t *)p, b = *(const size_t *)q;

	return (a > b) - (a < b);
}

/* Walk both sorted lists; equal rows cancel one for one. */
static void
merge(const struct keyed *o, size_t no, const struct keyed *n, size_t nn,
    struct rset_diff *d)
{
	size_t i = 0, j = 0;
	int c;

	while (i < no || j < nn) {
		if (i == no)
			c = 1;
		else if (j == nn)
			c = -1;
		else
			c = compare_rows(o[i].rs, o[i].row, n[j].rs, n[j].row);
		if (c < 0)
			d->removed[d->nremoved++] = o[i++].row;
		else if (c > 0)
			d->added[d->nadded++] = n[j++].row;
		else {
			i++;
			j++;
		}
	}
}

int
rset_diff(const struct rset *old, const struct rset *new,
    struct rset_diff *d)
{
	struct keyed *ko, *kn;

	memset(d, 0, sizeof(*d));
	ko = sorted_rows(old);
	kn = sorted_rows(new);
	d->added = calloc(new->nrows ? new->nrows : 1, sizeof(size_t));
	d->removed = calloc(old->nrows ? old->nrows : 1, sizeof(size_t));
	if (ko == NULL || kn == NULL || d->added == NULL ||
	    d->removed == NULL) {
		free(ko);
		free(kn);
		rset_diff_free(d);
		return -1;
	}
	merge(ko, old->nrows, kn, new->nrows, d);
	free(ko);
	free(kn);
	qsort(d->added, d->nadded, sizeof(size_t), compare_index);
	qsort(d->removed, d->nremoved, sizeof(size_t), compare_index);
	return 0;
}

void
rset_diff_free(struct rset_diff *d)
{
	free(d->added);
	free(d->removed);
	memset(d, 0, sizeof(*d));
}
