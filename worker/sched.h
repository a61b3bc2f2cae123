/*
 * The worker's schedule as it runs: one entry per scheduled query, with
 * what the config says of it, when it is next due, what its runs cost
 * (osquery_schedule's columns), and whether the watchdog denylisted it.
 */
#ifndef HOSTQL_WORKER_SCHED_H
#define HOSTQL_WORKER_SCHED_H

#include <stdint.h>
#include <time.h>

struct sched_entry {
	char		*name;
	char		*sql;
	uint32_t	 interval;	/* seconds, splayed */
	int		 snapshot;
	int		 removed;	/* log removed rows */
	int		 denylist;	/* the watchdog may denylist it */
	int		 runs;		/* applies here, its pack active */
	size_t		 query;		/* in the config's queries */
	time_t		 next_due;
	/* osquery_schedule */
	uint64_t	 executions;
	time_t		 last_executed;
	uint64_t	 wall_time_ms, last_wall_time_ms;
	uint64_t	 user_time_ms, last_user_time_ms;
	uint64_t	 system_time_ms, last_system_time_ms;
	uint64_t	 average_memory, last_memory;
	uint64_t	 output_size;
	time_t		 denied_until;
};

struct sched {
	struct sched_entry	*e;
	size_t			 n;
};

void	sched_free(struct sched *);
/* The entry that is due first at or before now, not denylisted; NULL
 * when none is. */
struct sched_entry *sched_next_due(struct sched *, time_t now);
/* Seconds until something is due (at most max). */
int	sched_wait(const struct sched *, time_t now, int max);
struct sched_entry *sched_find(struct sched *, const char *name);

#endif
