/*
 * hostql-logger: the process that owns the daemon's durable state.  It
 * takes result sets from the worker and status lines from privd, turns
 * them into osquery's log lines, binds every line into the signed hash
 * chain, stores it all in one transaction, acknowledges, and writes the
 * lines out to the log files from its spool.
 */
#ifndef HOSTQL_LOGGER_LOGGER_H
#define HOSTQL_LOGGER_LOGGER_H

#include <event2/event.h>

#include "../ipc/chan.h"
#include "chain.h"
#include "format.h"
#include "logfile.h"
#include "rset.h"
#include "store.h"

#define MAX_DECORATIONS		64
#define MAX_NAME		1024
#define STATUS_BATCH_MAX	1024

struct logger_config {
	char		 host[256];
	int		 numerics;
	int		 event_type;	/* a line per row */
	int		 decorations_top_level;
	int		 to_stdout;	/* --logger_plugin stdout */
};

/* The result set the worker is sending now. */
struct incoming {
	int			 active;
	char			*name;
	char			*sql;
	uint64_t		 run_id;
	int64_t			 unix_time;
	uint64_t		 epoch;
	uint8_t			 flags;
	struct decoration	 dec[MAX_DECORATIONS];
	size_t			 ndec;
	struct rset		 rows;
};

struct pending_status {
	int		 severity;
	int64_t		 when;
	char		*text;
};

struct logger {
	struct event_base	*base;
	struct chan		 privd;
	struct event		*ev_privd;
	struct chan		 worker;	/* fd -1 while there is none */
	struct event		*ev_worker;
	unsigned char		 sk[CHAIN_SK_LEN];
	struct logger_config	 cfg;
	struct store		*store;
	struct chain		 chain;
	struct logfiles		 files;
	struct incoming		 in;
	struct pending_status	 status[STATUS_BATCH_MAX];
	size_t			 nstatus;
	struct event		*ev_status;
	struct event		*ev_retry;	/* spool, after a failure */
	int			 disk_full;	/* said so already */
};

/* statevfs.c */
int	statevfs_install(int dirfd);

/* results.c: the worker's channel */
void	results_channel(struct logger *, int fd);
void	incoming_clear(struct incoming *);

/* batch.c: a whole result set or status lines into the store */
int	batch_result(struct logger *, const struct incoming *);
int	batch_status(struct logger *);
/* spool.c: stored lines out to the files */
void	spool_flush(struct logger *);

/* status.c */
void	logger_status(struct logger *, int severity, const char *text);
void	logger_status_at(struct logger *, int severity, int64_t when,
	    const char *text);
void	status_due(evutil_socket_t, short, void *);

#endif
