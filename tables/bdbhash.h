/*
 * Berkeley DB hash files, read-only: the key/value pairs of every bucket
 * page, with values stored on chains of overflow pages put back
 * together.  This is the Packages file of rpm's bdb backend (RHEL and
 * CentOS 7 and 8), which holds one package header per key.
 *
 * Pages come from a function the caller gives (pread(2) of a descriptor
 * privd opened, or a buffer in the tests); everything read from them is
 * checked before it is used: offsets, lengths, page types, chains that
 * loop or run past the file.
 */
#ifndef HOSTQL_TABLES_BDBHASH_H
#define HOSTQL_TABLES_BDBHASH_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of the meta page bdbhash_open() needs. */
#define BDBHASH_META_LEN	72

struct bdbhash {
	uint32_t	pagesize;
	uint32_t	npages;		/* pages the file holds */
	int		big_endian;	/* the byte order it was written in */
};

/*
 * Check the meta page (page 0) of a file of size bytes: a hash database
 * of version 8 or 9, a page size Berkeley DB allows, neither encrypted
 * nor checksummed.  -1 with *why saying what it is not.
 */
int	bdbhash_open(const unsigned char *meta, size_t len, uint64_t size,
	    struct bdbhash *, const char **why);

/* Read page pgno (pagesize bytes) into buf; 0, or -1 when it cannot. */
typedef int (*bdbhash_read_fn)(void *arg, uint32_t pgno, unsigned char *buf,
    size_t pagesize);
/* One pair; returns 0 to go on, non-zero to stop the walk. */
typedef int (*bdbhash_pair_fn)(void *arg, const unsigned char *key,
    size_t klen, const unsigned char *value, size_t vlen);

/* What a walk met. */
struct bdbhash_stats {
	uint64_t	pairs;
	uint64_t	bad_pages;	/* bucket pages skipped as malformed */
	uint64_t	bad_items;	/* pairs skipped: bad items or chains,
					 * values over max_value */
	int		read_error;	/* a page could not be read */
	int		nomem;
};

/*
 * Every pair of every bucket page, in page order; values longer than
 * max_value bytes are skipped.  Returns what fn returned to stop it, 0
 * otherwise (see *st for what was skipped).
 */
int	bdbhash_walk(const struct bdbhash *, bdbhash_read_fn, void *readarg,
	    size_t max_value, bdbhash_pair_fn, void *arg,
	    struct bdbhash_stats *st);

#endif
