/* Sending replies to a child, and the log line of every refusal. */
#include <errno.h>
#include <string.h>

#include "../ipc/log.h"
#include "privd.h"

int
reply_send(struct child *c, uint32_t type, uint32_t id, const struct wr *w,
    int fd)
{
	if (chan_send(&c->chan, type, id, w, fd) == -1) {
		/* A child that stops reading is as dead as one that lies. */
		log_warn("%s: sending %s", c->name, msg_type_name(type));
		child_kill(c, "does not read its replies");
		return -1;
	}
	return 0;
}

int
reply_data(struct child *c, uint32_t id, const char *buf, size_t len)
{
	struct wr w;
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = len - off < REPLY_DATA_CHUNK ? len - off : REPLY_DATA_CHUNK;
		wr_init(&w);
		wr_bytes(&w, buf + off, n);
		if (reply_send(c, MSG_DATA, id, &w, -1) == -1)
			return -1;
	}
	return 0;
}

int
reply_end(struct child *c, uint32_t id, int err, uint64_t total)
{
	struct wr w;

	wr_init(&w);
	wr_i32(&w, err);
	wr_u64(&w, total);
	return reply_send(c, MSG_END, id, &w, -1);
}

/* At info level: the shell's table says what it could not read, and
 * --verbose shows privd's side of it. */
void
refuse_log(struct child *c, const struct msg *m, const char *what,
    const char *why)
{
	log_info("refused %s %s from %s (pid %d): %s",
	    msg_type_name(m->hdr.type), what, c->name, (int)c->pid, why);
}
