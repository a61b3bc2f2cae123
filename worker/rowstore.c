/*
 * The rows of one scan, packed.  A table's generator pushes every row
 * before SQLite reads the first (tables/table.h), so the whole scan is
 * held: 150,000 file paths of deb_package_files, or the mappings of
 * every process.  This keeps it small.
 *
 * A row is a run of bytes in the current chunk (chunks grow to
 * CHUNK_MAX; a row never spans two), one record per slot, each a kind
 * byte and its payload:
 *
 *	NULL	nothing
 *	INT	the value, zigzag LEB128: a pid takes 3 bytes
 *	FLOAT	the 8 bytes of the double
 *	TEXT	length (LEB128), the bytes
 *	FRONT	prefix length, suffix length (LEB128), the suffix: the text
 *		begins as this slot's text of the row before does (the
 *		paths of one package, the addresses of one process)
 *	SAME	this slot's value of the row before (the package of each
 *		of its paths, the pid of each mapping)
 *
 * A cursor only moves forward, so a reader decodes one row at a time and
 * builds the texts FRONT gives in a buffer per slot, which the writer
 * bounds (FRONT_MAX).  The writer compares each row with the one before,
 * kept in a stage of its own; the open row is staged too, as a generator
 * may set a column twice or in any order.
 *
 * The bytes are the writer's own, so the reader does not check them.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "rowstore.h"

#define CHUNK_MIN	4096
#define CHUNK_MAX	(256u << 10)
/* The shortest prefix worth its byte, the longest text built from one. */
#define FRONT_MIN	2
#define FRONT_MAX	4096
/* A stage whose texts outgrow this is dropped after its row rather
 * than kept to compare the next one with. */
#define STAGE_KEEP	(64u << 10)

enum kind {
	K_NULL,
	K_INT,
	K_FLOAT,
	K_TEXT,
	K_FRONT,
	K_SAME,
};

struct rs_chunk {
	struct rs_chunk	*next;
	size_t		 len, cap;
	unsigned char	 data[];
};

struct stage_cell {
	int		 type;		/* SQLITE_*, or 0: nothing known */
	enum kind	 kind;		/* as row_end encodes it */
	int64_t		 i;
	double		 d;
	size_t		 off, n;	/* text, in the stage's bytes */
	size_t		 prefix;	/* FRONT */
};

struct rs_stage {
	struct stage_cell	*cells;
	char			*text;
	size_t			 len, cap;
};

struct rs_slot {
	struct cell	 c;
	char		*front;		/* FRONT texts are built here */
};

static struct rs_stage *
stage_new(int nslots)
{
	struct rs_stage *st;

	/* Every type 0: nothing is known of a row before the first. */
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	if ((st->cells = calloc((size_t)nslots + 1, sizeof(*st->cells))) ==
	    NULL) {
		free(st);
		return NULL;
	}
	return st;
}

static void
stage_free(struct rs_stage *st)
{
	if (st == NULL)
		return;
	free(st->cells);
	free(st->text);
	free(st);
}

/* Its texts go, and nothing is known of its row any more. */
static void
stage_forget(struct rs_stage *st, int nslots)
{
	int i;

	free(st->text);
	st->text = NULL;
	st->len = st->cap = 0;
	for (i = 0; i < nslots; i++)
		st->cells[i].type = 0;
}

static int
store_init(struct rowstore *rs, int nslots)
{
	rs->nslots = nslots;
	rs->cur = stage_new(nslots);
	rs->prev = stage_new(nslots);
	rs->front_max = calloc((size_t)nslots + 1, sizeof(*rs->front_max));
	if (rs->cur == NULL || rs->prev == NULL || rs->front_max == NULL) {
		rowstore_free(rs);
		return -1;
	}
	return 0;
}

void
rowstore_free(struct rowstore *rs)
{
	struct rs_chunk *c, *next;

	for (c = rs->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	stage_free(rs->cur);
	stage_free(rs->prev);
	free(rs->front_max);
	memset(rs, 0, sizeof(*rs));
}

int
rowstore_begin(struct rowstore *rs, int nslots)
{
	int i;

	if (rs->cur == NULL && store_init(rs, nslots) == -1)
		return -1;
	for (i = 0; i < rs->nslots; i++)
		rs->cur->cells[i].type = SQLITE_NULL;
	rs->cur->len = 0;
	return 0;
}

static int
stage_reserve(struct rs_stage *st, size_t n)
{
	size_t want;
	char *grown;

	/* Allocated even for an empty text, which points there. */
	if (st->text != NULL && n <= st->cap - st->len)
		return 0;
	if (n > SIZE_MAX / 2 - st->len)
		return -1;
	want = st->cap > 0 ? st->cap : 256;
	while (want < st->len + n)
		want *= 2;
	if ((grown = realloc(st->text, want)) == NULL)
		return -1;
	st->text = grown;
	st->cap = want;
	return 0;
}

int
rowstore_text(struct rowstore *rs, int slot, const char *s, size_t n)
{
	struct rs_stage *st = rs->cur;
	struct stage_cell *c = &st->cells[slot];

	c->type = SQLITE_NULL;
	if (stage_reserve(st, n) == -1)
		return -1;
	if (n > 0)
		memcpy(st->text + st->len, s, n);
	c->type = SQLITE_TEXT;
	c->off = st->len;
	c->n = n;
	st->len += n;
	return 0;
}

void
rowstore_int(struct rowstore *rs, int slot, int64_t v)
{
	rs->cur->cells[slot].type = SQLITE_INTEGER;
	rs->cur->cells[slot].i = v;
}

void
rowstore_double(struct rowstore *rs, int slot, double v)
{
	rs->cur->cells[slot].type = SQLITE_FLOAT;
	rs->cur->cells[slot].d = v;
}

static size_t
uleb_len(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static unsigned char *
uleb_put(unsigned char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
}

static const unsigned char *
uleb_get(const unsigned char *p, uint64_t *v)
{
	unsigned int shift = 0;

	*v = 0;
	do {
		*v |= (uint64_t)(*p & 0x7f) << shift;
		shift += 7;
	} while (*p++ & 0x80);
	return p;
}

static uint64_t
zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (v < 0 ? ~(uint64_t)0 : 0);
}

static int64_t
unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static size_t
common_prefix(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i, n = an < bn ? an : bn;

	for (i = 0; i < n && a[i] == b[i]; i++)
		;
	return i;
}

/* How a text cell compares with the row before's: SAME, FRONT or TEXT;
 * the encoded size. */
static size_t
plan_text(struct rowstore *rs, int slot)
{
	struct stage_cell *c = &rs->cur->cells[slot];
	const struct stage_cell *p = &rs->prev->cells[slot];
	const char *s = rs->cur->text + c->off, *ps;
	size_t pre = 0;

	if (p->type == SQLITE_TEXT) {
		ps = rs->prev->text + p->off;
		if (p->n == c->n && (c->n == 0 || memcmp(ps, s, c->n) == 0)) {
			c->kind = K_SAME;
			return 1;
		}
		if (c->n <= FRONT_MAX)
			pre = common_prefix(ps, p->n, s, c->n);
	}
	if (pre >= FRONT_MIN) {
		c->kind = K_FRONT;
		c->prefix = pre;
		if (c->n > rs->front_max[slot])
			rs->front_max[slot] = c->n;
		return 1 + uleb_len(pre) + uleb_len(c->n - pre) + c->n - pre;
	}
	c->kind = K_TEXT;
	return 1 + uleb_len(c->n) + c->n;
}

static size_t
plan_cell(struct rowstore *rs, int slot)
{
	struct stage_cell *c = &rs->cur->cells[slot];
	const struct stage_cell *p = &rs->prev->cells[slot];

	switch (c->type) {
	case SQLITE_INTEGER:
		c->kind = p->type == SQLITE_INTEGER && p->i == c->i ?
		    K_SAME : K_INT;
		return c->kind == K_SAME ? 1 : 1 + uleb_len(zigzag(c->i));
	case SQLITE_FLOAT:
		c->kind = p->type == SQLITE_FLOAT &&
		    memcmp(&p->d, &c->d, sizeof(c->d)) == 0 ? K_SAME : K_FLOAT;
		return c->kind == K_SAME ? 1 : 1 + sizeof(c->d);
	case SQLITE_TEXT:
		return plan_text(rs, slot);
	default:
		c->kind = K_NULL;
		return 1;
	}
}

static unsigned char *
put_cell(const struct rs_stage *st, const struct stage_cell *c,
    unsigned char *p)
{
	*p++ = (unsigned char)c->kind;
	switch (c->kind) {
	case K_INT:
		return uleb_put(p, zigzag(c->i));
	case K_FLOAT:
		memcpy(p, &c->d, sizeof(c->d));
		return p + sizeof(c->d);
	case K_TEXT:
		p = uleb_put(p, c->n);
		if (c->n > 0)
			memcpy(p, st->text + c->off, c->n);
		return p + c->n;
	case K_FRONT:
		p = uleb_put(p, c->prefix);
		p = uleb_put(p, c->n - c->prefix);
		memcpy(p, st->text + c->off + c->prefix, c->n - c->prefix);
		return p + c->n - c->prefix;
	default:
		return p;
	}
}

/* Room for n bytes of one row; a new chunk when the last is full, each
 * twice the one before up to CHUNK_MAX, so that a small scan takes
 * little and a large one few allocations. */
static unsigned char *
arena_reserve(struct rowstore *rs, size_t n)
{
	struct rs_chunk *c = rs->tail;
	size_t cap;

	if (c == NULL || c->cap - c->len < n) {
		cap = rs->next_cap > 0 ? rs->next_cap : CHUNK_MIN;
		rs->next_cap = cap < CHUNK_MAX / 2 ? cap * 2 : CHUNK_MAX;
		if (cap < n)
			cap = n;
		if (cap > SIZE_MAX - sizeof(*c) ||
		    (c = malloc(sizeof(*c) + cap)) == NULL)
			return NULL;
		c->next = NULL;
		c->len = 0;
		c->cap = cap;
		if (rs->tail != NULL)
			rs->tail->next = c;
		else
			rs->head = c;
		rs->tail = c;
	}
	c->len += n;
	return c->data + c->len - n;
}

int
rowstore_end(struct rowstore *rs)
{
	struct rs_stage *st = rs->cur;
	unsigned char *p = NULL;
	size_t size = 0;
	int i;

	for (i = 0; i < rs->nslots; i++)
		size += plan_cell(rs, i);
	if (size > 0 && (p = arena_reserve(rs, size)) == NULL)
		return -1;
	for (i = 0; i < rs->nslots; i++)
		p = put_cell(st, &st->cells[i], p);
	rs->nrows++;
	rs->cur = rs->prev;
	rs->prev = st;
	if (st->cap > STAGE_KEEP)
		stage_forget(st, rs->nslots);
	return 0;
}

/* Reading. */

static const unsigned char *
get_front(struct rs_slot *sl, const unsigned char *p)
{
	uint64_t pre, n;

	p = uleb_get(p, &pre);
	p = uleb_get(p, &n);
	if (sl->c.s != sl->front)
		memcpy(sl->front, sl->c.s, pre);
	memcpy(sl->front + pre, p, n);
	sl->c.s = sl->front;
	sl->c.n = pre + n;
	return p + n;
}

static const unsigned char *
get_cell(struct rs_slot *sl, const unsigned char *p)
{
	uint64_t v;

	switch (*p++) {
	case K_NULL:
		sl->c.type = SQLITE_NULL;
		return p;
	case K_INT:
		sl->c.type = SQLITE_INTEGER;
		p = uleb_get(p, &v);
		sl->c.i = unzigzag(v);
		return p;
	case K_FLOAT:
		sl->c.type = SQLITE_FLOAT;
		memcpy(&sl->c.d, p, sizeof(sl->c.d));
		return p + sizeof(sl->c.d);
	case K_TEXT:
		sl->c.type = SQLITE_TEXT;
		p = uleb_get(p, &v);
		sl->c.s = (const char *)p;
		sl->c.n = v;
		return p + v;
	case K_FRONT:
		return get_front(sl, p);
	default:
		return p;		/* SAME */
	}
}

/* The row numbered r->row, which follows the one decoded last. */
static void
decode_row(struct rowreader *r)
{
	const unsigned char *p;
	int i;

	if (r->rs->nslots == 0)
		return;
	if (r->off == r->chunk->len) {
		r->chunk = r->chunk->next;
		r->off = 0;
	}
	p = r->chunk->data + r->off;
	for (i = 0; i < r->rs->nslots; i++)
		p = get_cell(&r->slots[i], p);
	r->off = (size_t)(p - r->chunk->data);
}

int
rowreader_start(struct rowreader *r, const struct rowstore *rs)
{
	struct rs_slot *slots;
	size_t need = 0;
	char *front;
	int i;

	for (i = 0; i < rs->nslots; i++)
		need += rs->front_max[i];
	if (rs->nslots > r->slots_cap) {
		slots = reallocarray(r->slots, (size_t)rs->nslots,
		    sizeof(*slots));
		if (slots == NULL)
			return -1;
		r->slots = slots;
		r->slots_cap = rs->nslots;
	}
	if (need > r->front_cap) {
		if ((front = realloc(r->front, need)) == NULL)
			return -1;
		r->front = front;
		r->front_cap = need;
	}
	for (i = 0, need = 0; i < rs->nslots; i++) {
		memset(&r->slots[i].c, 0, sizeof(r->slots[i].c));
		r->slots[i].c.type = SQLITE_NULL;
		r->slots[i].front = rs->front_max[i] > 0 ? r->front + need :
		    NULL;
		need += rs->front_max[i];
	}
	r->rs = rs;
	r->chunk = rs->head;
	r->off = 0;
	r->row = 0;
	if (rs->nrows > 0)
		decode_row(r);
	return 0;
}

void
rowreader_next(struct rowreader *r)
{
	if (r->row < r->rs->nrows && ++r->row < r->rs->nrows)
		decode_row(r);
}

int
rowreader_eof(const struct rowreader *r)
{
	return r->rs == NULL || r->row >= r->rs->nrows;
}

const struct cell *
rowreader_cell(const struct rowreader *r, int slot)
{
	if (slot < 0 || slot >= r->rs->nslots)
		return NULL;
	return &r->slots[slot].c;
}

void
rowreader_free(struct rowreader *r)
{
	free(r->slots);
	free(r->front);
	memset(r, 0, sizeof(*r));
}
