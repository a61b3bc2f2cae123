/*
 * What the process serving the tables knows of itself, for osquery's
 * utility tables (osquery_info, osquery_schedule, osquery_flags,
 * osquery_packs).  The daemon's worker fills it in; in the shell there is
 * no schedule and the flags are the daemon's defaults.
 */
#ifndef HOSTQL_TABLES_RUNTIME_H
#define HOSTQL_TABLES_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "../ipc/flags.h"

struct runtime_query {
	const char	*name;
	const char	*sql;
	uint32_t	 interval;
	uint64_t	 executions;
	int64_t		 last_executed;
	int		 denylisted;
	uint64_t	 output_size;
	uint64_t	 wall_time_ms, last_wall_time_ms;
	uint64_t	 user_time_ms, last_user_time_ms;
	uint64_t	 system_time_ms, last_system_time_ms;
	uint64_t	 average_memory, last_memory;
};

struct runtime_pack {
	const char	*name;
	const char	*platform;
	const char	*version;
	uint32_t	 shard;
	uint64_t	 discovery_cache_hits;
	uint64_t	 discovery_executions;
	int		 active;
};

struct runtime {
	int				 daemon;
	int64_t				 start_time;
	int				 pid;		/* privd's: the agent's */
	char				 instance_id[40];
	const char			*config_hash;	/* "" without one */
	int				 config_valid;
	const struct dflag_values	*flags;		/* NULL: defaults */
	void				*owner;
	size_t	(*nqueries)(void *owner);
	void	(*query)(void *owner, size_t i, struct runtime_query *);
	size_t	(*npacks)(void *owner);
	void	(*pack)(void *owner, size_t i, struct runtime_pack *);
};

#endif
