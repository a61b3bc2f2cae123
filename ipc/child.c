/* What every child does on its channel to privd; see child.h. */
#include <sys/socket.h>

#include "child.h"
#include "log.h"

int
child_is_channel(int fd)
{
	int type;
	socklen_t len = sizeof(type);

	return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
	    type == SOCK_SEQPACKET;
}

void
child_say_hello(struct chan *c, enum ipc_role role)
{
	struct wr w;

	wr_init(&w);
	wr_u8(&w, (uint8_t)role);
	wr_u32(&w, IPC_PROTOCOL_VERSION);
	if (chan_send(c, MSG_HELLO, 0, &w, -1) == -1)
		fatal("HELLO to privd");
}

void
child_log_to_privd(void *arg, int level, const char *line)
{
	struct wr w;

	wr_init(&w);
	wr_u8(&w, (uint8_t)level);
	wr_str(&w, line);
	if (chan_send(arg, MSG_LOG, 0, &w, -1) == -1)
		log_stderr_sink(NULL, level, line);
}
