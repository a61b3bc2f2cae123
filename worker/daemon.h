/*
 * The worker in the daemon (hostql-worker --daemon): it loads the config
 * through privd, runs the scheduled queries one at a time, sends each
 * result set to the logger and keeps it until the logger has stored it.
 */
#ifndef HOSTQL_WORKER_DAEMON_H
#define HOSTQL_WORKER_DAEMON_H

#include "../ipc/chan.h"
#include "../ipc/flags.h"
#include "../tables/runtime.h"
#include "collect_impl.h"
#include "db.h"
#include "sched.h"

/* One message of a result set, as it goes to the logger. */
struct outmsg {
	uint32_t	 type;
	struct wr	 w;
};

/* A result set sent and not yet stored: its messages, to send again. */
struct pending {
	char		*name;
	uint64_t	 run_id;
	struct outmsg	*msgs;
	size_t		 nmsgs;
	time_t		 sent;
};

#define PENDING_MAX	256
/* A scheduled query's deadline (osquery has none; a query stuck past
 * this is stopped and logged, and the next run tries again). */
#define DAEMON_QUERY_TIMEOUT_MS	60000

struct wdaemon {
	struct collect		*col;
	struct db		*db;
	struct dflag_values	 flags;
	struct sched		 sched;
	char			 config_hash[65];
	struct chan		 logger;	/* fd -1 while none */
	struct pending		 pend[PENDING_MAX];
	size_t			 npend;
	int			 stop;
	struct runtime		 rt;		/* for the osquery_* tables */
};

/* daemon.c */
int	daemon_run(struct collect *, struct db *, int argc, char **argv);

/* daemon_config.c: the config, read through privd, into a schedule */
int	daemon_config_load(struct wdaemon *, struct sched *, int check);

/* daemon_results.c: a query's rows to the logger */
int	results_run(struct wdaemon *, struct sched_entry *, time_t now);
void	results_resend(struct wdaemon *);
void	results_stored(struct wdaemon *, const struct msg *);
void	pending_drop(struct pending *);

#endif
