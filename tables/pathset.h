/*
 * A set of strings, each kept once and known by a small index: the
 * paths many processes hold open (every process has /dev/null), so that
 * something done once per path (a stat) is not done once per holder.
 */
#ifndef HOSTQL_TABLES_PATHSET_H
#define HOSTQL_TABLES_PATHSET_H

#include <stddef.h>
#include <stdint.h>

struct pathset_entry {
	size_t		off;		/* into bytes; NUL-terminated there */
	size_t		len;
	uint32_t	hash;
};

struct pathset {
	char			*bytes;
	size_t			 blen;
	size_t			 bcap;
	struct pathset_entry	*v;
	size_t			 n;
	size_t			 cap;
	uint32_t		*slots;		/* entry index + 1; 0 empty */
	size_t			 nslots;	/* a power of two */
};

/* The index of s (len bytes, no NUL inside), added when new; -1 when
 * out of memory or the set is full (UINT32_MAX - 1 entries). */
int64_t		 pathset_add(struct pathset *, const char *s, size_t len);
/* The NUL-terminated string of an index pathset_add() returned. */
const char	*pathset_get(const struct pathset *, size_t idx);
void		 pathset_free(struct pathset *);

#endif
