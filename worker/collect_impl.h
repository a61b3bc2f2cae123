/* The collector channel's state, for the worker's own files only. */
#ifndef HOSTQL_WORKER_COLLECT_IMPL_H
#define HOSTQL_WORKER_COLLECT_IMPL_H

#include "../ipc/chan.h"
#include "collect.h"

struct collect {
	struct chan	chan;
	uint32_t	next_id;
};

void	collect_init(struct collect *, int fd);

/* Called for each reply before the END; returns 0, or a negative errno
 * to abandon the request (the rest of its replies are drained). */
typedef int (*collect_reply_fn)(void *arg, const struct msg *);

/* Send the request in w and feed its replies of reply_type to fn until
 * privd's END; returns the callback's error or minus END's errno. */
int	collect_transact(struct collect *, uint32_t type, const struct wr *,
	    uint32_t reply_type, collect_reply_fn, void *arg);

#endif
