/* What every child (worker, logger) does on its channel to privd. */
#ifndef HOSTQL_IPC_CHILD_H
#define HOSTQL_IPC_CHILD_H

#include "chan.h"

/* Is fd the channel privd gave us (a SOCK_SEQPACKET socket)? */
int	child_is_channel(int fd);
/* HELLO with our role and the protocol version; fatal if it fails. */
void	child_say_hello(struct chan *, enum ipc_role);
/* A log sink handing lines to privd (arg: the struct chan); stderr
 * when privd cannot take them. */
void	child_log_to_privd(void *arg, int level, const char *line);

#endif
