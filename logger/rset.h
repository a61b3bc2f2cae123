/*
 * A result set as the logger holds it: column names and rows of text
 * cells (NULL for SQL NULL), a blob form for the store, and the
 * differential of two sets as osquery computes it: added and removed
 * rows as a multiset of whole rows.
 */
#ifndef HOSTQL_LOGGER_RSET_H
#define HOSTQL_LOGGER_RSET_H

#include <stddef.h>
#include <stdint.h>

#define RSET_MAX_COLUMNS	1024
#define RSET_MAX_ROWS		(1u << 24)

struct rset {
	char		**cols;
	uint32_t	 ncols;
	char		**cells;	/* nrows x ncols; NULL is SQL NULL */
	size_t		 nrows, alloc;
};

void	rset_init(struct rset *);
void	rset_free(struct rset *);
/* Columns first (copies), then rows; -1 when out of memory or full. */
int	rset_set_columns(struct rset *, char *const *cols, uint32_t ncols);
/* A new row of ncols cells, all NULL; returns its cells or NULL. */
char	**rset_add_row(struct rset *);
const char *rset_cell(const struct rset *, size_t row, uint32_t col);

/* The store's blob of a set, and back; decoding checks every length. */
int	rset_encode(const struct rset *, unsigned char **blob, size_t *len);
int	rset_decode(const unsigned char *blob, size_t len, struct rset *);

/* Rows of new not in old and of old not in new, counting repeats:
 * indexes in ascending order, malloc'd. */
struct rset_diff {
	size_t	*added;		/* rows of new */
	size_t	 nadded;
	size_t	*removed;	/* rows of old */
	size_t	 nremoved;
};
int	rset_diff(const struct rset *old, const struct rset *new,
	    struct rset_diff *);
void	rset_diff_free(struct rset_diff *);

#endif
