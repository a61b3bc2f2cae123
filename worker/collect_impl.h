/* The collector channel's state, for the worker's own files only. */
#ifndef HOSTQL_WORKER_COLLECT_IMPL_H
#define HOSTQL_WORKER_COLLECT_IMPL_H

#include "../ipc/chan.h"
#include "collect.h"

/* privd's unasked messages (id 0) that came during a request, kept for
 * the daemon's loop; more than this many means privd is confused. */
#define COLLECT_QUEUE_MAX	32

struct collect {
	struct chan	chan;
	uint32_t	next_id;
	struct msg	*queue[COLLECT_QUEUE_MAX];
	size_t		 nqueued;
};

/* The oldest kept message (malloc'd, the caller frees it), or NULL. */
struct msg	*collect_unqueue(struct collect *);

void	collect_init(struct collect *, int fd);

/* Called for each reply before the END; returns 0, or a negative errno
 * to abandon the request (the rest of its replies are drained). */
typedef int (*collect_reply_fn)(void *arg, const struct msg *);

/* Send the request in w and feed its replies of reply_type to fn until
 * privd's END; returns the callback's error or minus END's errno. */
int	collect_transact(struct collect *, uint32_t type, const struct wr *,
	    uint32_t reply_type, collect_reply_fn, void *arg);

#endif
