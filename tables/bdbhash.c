/*
 * Berkeley DB hash files: the meta page, bucket pages and overflow chains
 * as db_page.h lays them out.
 */
#include <stdlib.h>
#include <string.h>

#include "bdbhash.h"

#define HASH_MAGIC	0x061561
#define P_HASH_UNSORTED	2	/* bucket page (version 8) */
#define P_OVERFLOW	7
#define P_HASHMETA	8
#define P_HASH		13	/* bucket page, sorted (version 9) */
#define H_KEYDATA	1	/* the bytes follow the type */
#define H_OFFPAGE	3	/* on overflow pages: pgno, total length */
#define DBMETA_CHKSUM	0x01

/* The page header: lsn, pgno, prev, next, entries, hf_offset, level,
 * type; the item offsets follow it. */
#define PG_PGNO		8
#define PG_PREV		12
#define PG_NEXT		16
#define PG_ENTRIES	20
#define PG_HF_OFFSET	22	/* on an overflow page: bytes used */
#define PG_TYPE		25
#define P_OVERHEAD	26
#define HOFFPAGE_LEN	12

struct walk {
	const struct bdbhash	*h;
	bdbhash_read_fn		 read;
	void			*readarg;
	unsigned char		*page;		/* the bucket page */
	unsigned char		*ov;		/* an overflow page */
	unsigned char		*value;		/* a value put together */
	size_t			 cap;
	size_t			 max_value;
	struct bdbhash_stats	*st;
};

static uint32_t
get32(int big_endian, const unsigned char *p)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

static uint16_t
get16(int big_endian, const unsigned char *p)
{
	if (big_endian)
		return (uint16_t)(p[0] << 8 | p[1]);
	return (uint16_t)(p[1] << 8 | p[0]);
}

int
bdbhash_open(const unsigned char *meta, size_t len, uint64_t size,
    struct bdbhash *h, const char **why)
{
	uint32_t version, pagesize;

	memset(h, 0, sizeof(*h));
	*why = "not a Berkeley DB hash file";
	if (meta == NULL || len < BDBHASH_META_LEN)
		return -1;
	if (get32(0, meta + 12) == HASH_MAGIC)
		h->big_endian = 0;
	else if (get32(1, meta + 12) == HASH_MAGIC)
		h->big_endian = 1;
	else
		return -1;
	version = get32(h->big_endian, meta + 16);
	pagesize = get32(h->big_endian, meta + 20);
	if (meta[PG_TYPE] != P_HASHMETA)
		return -1;
	*why = "a hash file of a version that is not read";
	if (version != 8 && version != 9)
		return -1;
	*why = "a page size Berkeley DB does not make";
	if (pagesize < 512 || pagesize > 65536 ||
	    (pagesize & (pagesize - 1)) != 0)
		return -1;
	*why = "an encrypted or checksummed file";
	if (meta[24] != 0 || (meta[26] & DBMETA_CHKSUM))
		return -1;
	h->pagesize = pagesize;
	h->npages = size / pagesize > UINT32_MAX ? UINT32_MAX :
	    (uint32_t)(size / pagesize);
	*why = NULL;
	return 0;
}

/* Offset and length of item i of a bucket page; -1 when they do not
 * fit the page. */
static int
item(const struct walk *w, uint16_t entries, uint16_t i, size_t *off,
    size_t *len)
{
	const struct bdbhash *h = w->h;
	size_t o, prev;

	o = get16(h->big_endian, w->page + P_OVERHEAD + 2 * (size_t)i);
	prev = i == 0 ? h->pagesize : get16(h->big_endian,
	    w->page + P_OVERHEAD + 2 * (size_t)(i - 1));
	if (o < P_OVERHEAD + 2 * (size_t)entries || o >= prev ||
	    prev > h->pagesize)
		return -1;
	*off = o;
	*len = prev - o;
	return 0;
}

static int
grow(struct walk *w, size_t need)
{
	unsigned char *v;

	if (need <= w->cap)
		return 0;
	if ((v = realloc(w->value, need)) == NULL) {
		w->st->nomem = 1;
		return -1;
	}
	w->value = v;
	w->cap = need;
	return 0;
}

/*
 * Put a value back together from its chain of overflow pages.  Each page
 * names the one before it: a chain that turns back on itself is caught
 * there.
 */
static int
overflow(struct walk *w, uint32_t pgno, uint32_t tlen)
{
	const struct bdbhash *h = w->h;
	size_t got = 0, used, take;
	uint32_t steps = 0, prev = 0;

	if (tlen > w->max_value || grow(w, tlen > 0 ? tlen : 1) == -1)
		return -1;
	while (got < tlen) {
		if (pgno == 0 || pgno >= h->npages || ++steps > h->npages)
			return -1;
		if (w->read(w->readarg, pgno, w->ov, h->pagesize) == -1) {
			w->st->read_error = 1;
			return -1;
		}
		if (w->ov[PG_TYPE] != P_OVERFLOW ||
		    get32(h->big_endian, w->ov + PG_PGNO) != pgno ||
		    get32(h->big_endian, w->ov + PG_PREV) != prev)
			return -1;
		used = get16(h->big_endian, w->ov + PG_HF_OFFSET);
		if (used == 0 || used > h->pagesize - P_OVERHEAD)
			return -1;
		take = used < tlen - got ? used : tlen - got;
		memcpy(w->value + got, w->ov + P_OVERHEAD, take);
		got += take;
		prev = pgno;
		pgno = get32(h->big_endian, w->ov + PG_NEXT);
	}
	return 0;
}

/* The value of a pair: inline, or put together in w->value. */
static int
value_of(struct walk *w, size_t off, size_t len, const unsigned char **v,
    size_t *vlen)
{
	const unsigned char *it = w->page + off;
	uint32_t tlen;

	if (it[0] == H_KEYDATA) {
		*v = it + 1;
		*vlen = len - 1;
		return 0;
	}
	if (it[0] != H_OFFPAGE || len < HOFFPAGE_LEN)
		return -1;
	tlen = get32(w->h->big_endian, it + 8);
	if (overflow(w, get32(w->h->big_endian, it + 4), tlen) == -1)
		return -1;
	*v = w->value;
	*vlen = tlen;
	return 0;
}

/* The pairs of the bucket page in w->page. */
static int
bucket_pairs(struct walk *w, bdbhash_pair_fn fn, void *arg)
{
	const struct bdbhash *h = w->h;
	const unsigned char *v;
	size_t koff, klen, voff, vlen, len;
	uint16_t i, entries;
	int rc;

	entries = get16(h->big_endian, w->page + PG_ENTRIES);
	if (P_OVERHEAD + 2 * (size_t)entries > h->pagesize) {
		w->st->bad_pages++;
		return 0;
	}
	for (i = 0; i + 1 < entries; i += 2) {
		if (item(w, entries, i, &koff, &klen) == -1 ||
		    item(w, entries, (uint16_t)(i + 1), &voff, &len) == -1) {
			w->st->bad_pages++;
			return 0;
		}
		if (w->page[koff] != H_KEYDATA ||
		    value_of(w, voff, len, &v, &vlen) == -1) {
			if (w->st->nomem || w->st->read_error)
				return 0;
			w->st->bad_items++;
			continue;
		}
		w->st->pairs++;
		if ((rc = fn(arg, w->page + koff + 1, klen - 1, v, vlen)) != 0)
			return rc;
	}
	return 0;
}

int
bdbhash_walk(const struct bdbhash *h, bdbhash_read_fn read, void *readarg,
    size_t max_value, bdbhash_pair_fn fn, void *arg,
    struct bdbhash_stats *st)
{
	struct walk w;
	uint32_t pgno;
	int rc = 0;

	memset(st, 0, sizeof(*st));
	memset(&w, 0, sizeof(w));
	w.h = h;
	w.read = read;
	w.readarg = readarg;
	w.max_value = max_value;
	w.st = st;
	w.page = malloc(h->pagesize);
	w.ov = malloc(h->pagesize);
	if (w.page == NULL || w.ov == NULL) {
		st->nomem = 1;
		goto out;
	}
	for (pgno = 1; pgno < h->npages && rc == 0; pgno++) {
		if (read(readarg, pgno, w.page, h->pagesize) == -1) {
			st->read_error = 1;
			break;
		}
		if (w.page[PG_TYPE] != P_HASH &&
		    w.page[PG_TYPE] != P_HASH_UNSORTED)
			continue;
		if (get32(h->big_endian, w.page + PG_PGNO) != pgno) {
			st->bad_pages++;
			continue;
		}
		rc = bucket_pairs(&w, fn, arg);
		if (st->nomem || st->read_error)
			break;
	}
out:
	free(w.page);
	free(w.ov);
	free(w.value);
	return rc;
}
