/*
 * The logger's durable store, an SQLite file in the state directory:
 * the last result set of every scheduled query (what differentials are
 * computed against), the head of the hash chain, and the spool of lines
 * on their way to the log files.  A batch is stored in one transaction,
 * so that a crash leaves either all of it or none.
 */
#ifndef HOSTQL_LOGGER_STORE_H
#define HOSTQL_LOGGER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "chain.h"
#include "rset.h"

#define STORE_FILE	"hostqld.db"

struct store;

struct prev_result {
	int		 found;
	char		*sql;
	uint64_t	 epoch;
	uint64_t	 counter;
	uint64_t	 run_id;
	struct rset	 rows;
};

/* Open (creating) the store; NULL and a message on failure. */
struct store	*store_open(char *err, size_t errlen);
void		 store_close(struct store *);
const char	*store_errmsg(struct store *);
/* SQLite's code of the last failure: SQLITE_FULL when the disk is. */
int		 store_errcode(struct store *);

int	store_begin(struct store *);
int	store_commit(struct store *);
void	store_rollback(struct store *);

int	store_get_prev(struct store *, const char *name, struct prev_result *);
void	prev_result_free(struct prev_result *);
/* rows NULL: keep no rows (a snapshot query), only the counters. */
int	store_put_prev(struct store *, const char *name, const char *sql,
	    uint64_t epoch, uint64_t counter, uint64_t run_id,
	    const struct rset *rows);

int	store_get_chain(struct store *, struct chain *);
int	store_put_chain(struct store *, const struct chain *);

int	store_spool_add(struct store *, int stream, uint64_t key,
	    const char *line, size_t len);
typedef int (*spool_fn)(void *arg, int64_t id, int stream, uint64_t key,
    const char *line, size_t len);
/* Every spooled line in order; fn returns non-zero to stop. */
int	store_spool_each(struct store *, spool_fn, void *arg);
int	store_spool_delete(struct store *, int64_t upto_id);
int64_t	store_spool_count(struct store *);

#endif
