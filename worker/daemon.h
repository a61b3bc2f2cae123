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
#include "config.h"
#include "db.h"
#include "sched.h"

/* Decorations: key and value pairs from decorator queries' first rows,
 * each kind kept apart (load, interval, always) and merged when sent. */
#define DECORATIONS_MAX	64

struct decoration_set {
	char	*key[DECORATIONS_MAX];
	char	*value[DECORATIONS_MAX];
	size_t	 n;
};

struct decorations {
	struct decoration_set	 load;
	struct decoration_set	 interval;
	struct decoration_set	 always;
	time_t			 interval_last;
};

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
	struct config		*cfg;		/* in force */
	time_t			 discovered;	/* packs' discovery last ran */
	struct decorations	 dec;
};

/* daemon.c */
int	daemon_run(struct collect *, struct db *, int argc, char **argv);

/* daemon_config.c: the config, read through privd, into a schedule */
int	daemon_config_load(struct wdaemon *, struct sched *, int check);
void	daemon_config_rediscover(struct wdaemon *);

/* decorate.c: the decorations of log lines */
void	decorations_load(struct wdaemon *);
void	decorations_tick(struct wdaemon *, time_t now);
void	decorations_always(struct wdaemon *);
void	decorations_free(struct decorations *);
void	decorations_merged(const struct wdaemon *, struct decoration_set *);
void	decorations_merged_free(struct decoration_set *);

/* daemon_results.c: a query's rows to the logger */
int	results_run(struct wdaemon *, struct sched_entry *, time_t now);
void	results_resend(struct wdaemon *);
void	results_stored(struct wdaemon *, const struct msg *);
void	pending_drop(struct pending *);

#endif
