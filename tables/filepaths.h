/*
 * The files a query on `file` or `hash` names: the paths its path
 * constraints give (=, IN, LIKE) and the entries of the directories its
 * directory constraints give (=, IN, LIKE), each once, in path order.
 *
 * Patterns are walked through privd's LIST_DIR with pathglob's bounded
 * walk; every path is gathered before any is stat'ed or opened, as privd
 * answers one request at a time.
 */
#ifndef HOSTQL_TABLES_FILEPATHS_H
#define HOSTQL_TABLES_FILEPATHS_H

#include <stddef.h>

#include "table.h"

/*
 * path is the column's value, as the query wrote it or its pattern
 * filled in; real is the same path in the form privd takes (requests with
 * another form are refused as malformed), and dir_only says a '/' ended
 * path, so that it names a directory or nothing.
 */
struct filepath {
	char		*path;
	char		*real;
	char		*directory;	/* the directory column's value */
	unsigned int	 d_type;	/* from a listing, else DT_UNKNOWN */
	int		 dir_only;
};

struct filepaths {
	struct filepath	*v;
	size_t		 n;
	size_t		 cap;
	unsigned int	 nwarn;		/* warnings given, for the cap */
};

/*
 * Gather the files named by the constraints on columns col_path and
 * col_dir.  Returns 0, or -1 after gen_error() (no usable
 * constraint, a pattern that cannot be used, out of memory).  A directory
 * that cannot be listed or a walk cut at its bounds is a gen_warn().
 */
int	filepaths_gather(struct gen_ctx *, int col_path, int col_dir,
	    struct filepaths *);
void	filepaths_free(struct filepaths *);

/*
 * gen_warn() for one file of many, at most FILEPATHS_MAX_WARN times per
 * query; filepaths_warn_end() then says how many were left out.
 */
#define FILEPATHS_MAX_WARN	10
void	filepaths_warn(struct gen_ctx *, struct filepaths *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	filepaths_warn_end(struct gen_ctx *, struct filepaths *);

/*
 * What file and hash share: refuse pid_with_namespace with a warning,
 * gather the paths, give each to row (which returns -1 only when out of
 * memory), say what warnings were left out, free.  The generator's result.
 */
typedef int (*filepath_row_fn)(struct gen_ctx *, struct filepaths *,
    const struct filepath *, void *arg);
int	filepaths_each(struct gen_ctx *, int col_path, int col_dir,
	    int col_pid_with_namespace, filepath_row_fn, void *arg);

#endif
