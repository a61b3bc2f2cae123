/*
 * Dispatch of what a child sends.  What each role may send, and when, is
 * data: one table per role of {type, flags, handler}.  Everything else -
 * an unknown type, a message of the wrong role, anything before HELLO, a
 * second HELLO, a frame that does not decode - is a violation, and the
 * child is killed.  privd never acts on a confused child's word.
 */
#include <errno.h>
#include <string.h>

#include "../ipc/log.h"
#include "privd.h"

#define H_FIRST		0x1	/* must be the first message, once */

struct handler {
	uint32_t	type;
	unsigned int	flags;
	handler_fn	fn;
};

static int handle_hello(struct child *, const struct msg *);
static int handle_log(struct child *, const struct msg *);
static int handle_pong(struct child *, const struct msg *);

static const struct handler worker_handlers[] = {
	{ MSG_HELLO,		H_FIRST,	handle_hello },
	{ MSG_LOG,		0,		handle_log },
	{ MSG_PONG,		0,		handle_pong },
	{ MSG_READ_FILE,	0,		serve_read_file },
	{ MSG_OPEN_FILE,	0,		serve_open_file },
	{ MSG_LIST_DIR,		0,		serve_list_dir },
	{ MSG_STAT,		0,		serve_stat },
	{ MSG_READLINK,		0,		serve_readlink },
	{ MSG_PROC_READ,	0,		serve_proc_read },
	{ MSG_NETLINK_DUMP,	0,		serve_netlink_dump },
	{ MSG_STATFS,		0,		serve_statfs },
	{ MSG_IPTABLES_DUMP,	0,		serve_iptables_dump },
	{ MSG_QUERY_STATE,	0,		daemon_query_state },
	{ MSG_NONE,		0,		NULL }
};

static const struct handler logger_handlers[] = {
	{ MSG_HELLO,		H_FIRST,	handle_hello },
	{ MSG_LOG,		0,		handle_log },
	{ MSG_PEER_VIOLATION,	0,		daemon_peer_violation },
	{ MSG_NONE,		0,		NULL }
};

static const struct handler *
handlers_of(const struct child *c)
{
	switch (c->role) {
	case ROLE_WORKER:
		return worker_handlers;
	case ROLE_LOGGER:
		return logger_handlers;
	default:
		return NULL;
	}
}

static int
handle_hello(struct child *c, const struct msg *m)
{
	struct rd r;
	uint8_t role;
	uint32_t version;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u8(&r, &role) == -1 || rd_u32(&r, &version) == -1 ||
	    rd_end(&r) == -1)
		return -1;
	if (role != c->role || version != IPC_PROTOCOL_VERSION) {
		log_warnx("%s: HELLO as role %u version %u, expected role %u "
		    "version %u", c->name, role, version, c->role,
		    IPC_PROTOCOL_VERSION);
		return -1;
	}
	return 0;
}

static int
handle_log(struct child *c, const struct msg *m)
{
	struct rd r;
	uint8_t level;
	const char *text;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u8(&r, &level) == -1 ||
	    rd_str(&r, &text, IPC_MAX_LOGTEXT) == -1 || rd_end(&r) == -1)
		return -1;
	if (level < IPC_LOG_ERR || level > IPC_LOG_DEBUG)
		return -1;
	if (level <= IPC_LOG_WARNING)
		log_warnx("%s: %s", c->name, text);
	else
		log_info("%s: %s", c->name, text);
	return 0;
}

static int
handle_pong(struct child *c, const struct msg *m)
{
	struct rd r;
	uint64_t cookie;

	(void)c;
	rd_init(&r, m->payload, m->hdr.len);
	return rd_u64(&r, &cookie) == -1 || rd_end(&r) == -1 ? -1 : 0;
}

static const struct handler *
find_handler(const struct child *c, uint32_t type)
{
	const struct handler *h = handlers_of(c);

	for (; h != NULL && h->fn != NULL; h++)
		if (h->type == type)
			return h;
	return NULL;
}

/* Check one message against the table and run its handler. */
static int
dispatch_one(struct child *c, const struct msg *m)
{
	const struct handler *h = find_handler(c, m->hdr.type);

	if (h == NULL) {
		child_kill(c, "message type not allowed from this child");
		return -1;
	}
	if ((h->flags & H_FIRST) != 0 && c->said_hello) {
		child_kill(c, "second HELLO");
		return -1;
	}
	if ((h->flags & H_FIRST) == 0 && !c->said_hello) {
		child_kill(c, "request before HELLO");
		return -1;
	}
	/* No request of the catalogue carries a descriptor to privd. */
	if (m->fd != -1) {
		child_kill(c, "unexpected descriptor");
		return -1;
	}
	if (h->fn(c, m) == -1) {
		if (c->pid != -1 && !c->violated) {
			log_warnx("%s: malformed %s (id %u, %u bytes)", c->name,
			    msg_type_name(m->hdr.type), m->hdr.id, m->hdr.len);
			child_kill(c, "malformed message");
		}
		return -1;
	}
	if (h->flags & H_FIRST)
		c->said_hello = 1;
	return 0;
}

/* Serve everything the child has sent so far. */
void
dispatch_child(struct child *c)
{
	struct msg m;
	enum chan_err err;

	while (c->pid != -1 && !c->violated) {
		err = chan_recv(&c->chan, &m);
		if (err == CHAN_AGAIN)
			return;
		if (err == CHAN_EOF) {
			/* Its exit comes through the pidfd. */
			event_del(c->ev_chan);
			return;
		}
		if (err != CHAN_OK) {
			log_warnx("%s: %s", c->name, chan_strerror(err));
			child_kill(c, "bad frame");
			return;
		}
		if (dispatch_one(c, &m) == -1)
			return;
	}
}
