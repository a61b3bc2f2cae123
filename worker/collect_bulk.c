/*
 * The bulk primitives of the collector client: per-process files in one
 * batch, reassembled from records that may be split, and netlink dumps.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/log.h"
#include "collect_impl.h"

#define PROC_FILE_MAX	(16u << 20)

struct proc_cb {
	collect_proc_fn	 fn;
	void		*arg;
	int		 stopped;
	/* The file being put together from records with more = 1. */
	int32_t		 pid;
	unsigned int	 kind;
	char		*buf;
	size_t		 len, alloc;
};

static int
proc_append(struct proc_cb *pc, const void *p, size_t n)
{
	size_t want = pc->alloc ? pc->alloc : 8192;
	char *grown;

	if (pc->len + n + 1 > PROC_FILE_MAX)
		fatalx("privd sent a process file over %u bytes",
		    PROC_FILE_MAX);
	while (want < pc->len + n + 1)
		want *= 2;
	if (want != pc->alloc) {
		if ((grown = realloc(pc->buf, want)) == NULL)
			return -ENOMEM;
		pc->buf = grown;
		pc->alloc = want;
	}
	if (n > 0)
		memcpy(pc->buf + pc->len, p, n);
	pc->len += n;
	pc->buf[pc->len] = '\0';
	return 0;
}

static int
proc_record(struct proc_cb *pc, struct rd *r)
{
	int32_t pid, err;
	uint8_t kind, more;
	const void *p;
	size_t n;

	if (rd_i32(r, &pid) == -1 || rd_u8(r, &kind) == -1 ||
	    rd_i32(r, &err) == -1 || rd_u8(r, &more) == -1 ||
	    rd_bytes(r, &p, &n, IPC_MAX_PAYLOAD) == -1 ||
	    kind >= PROC_KIND_MAX || more > 1 || err < 0)
		fatalx("privd sent a malformed PROC_DATA record");
	if (pc->len > 0 && (pid != pc->pid || kind != pc->kind))
		fatalx("privd interleaved process files");
	pc->pid = pid;
	pc->kind = kind;
	if (proc_append(pc, p, n) == -1)
		return -ENOMEM;
	if (more)
		return 0;
	if (!pc->stopped && pc->fn(pc->arg, pid, kind, err,
	    err ? NULL : pc->buf, err ? 0 : pc->len) != 0)
		pc->stopped = 1;
	pc->len = 0;
	return 0;
}

static int
feed_proc_data(void *arg, const struct msg *m)
{
	struct rd r;
	int rc;

	rd_init(&r, m->payload, m->hdr.len);
	while (rd_end(&r) == -1)
		if ((rc = proc_record(arg, &r)) != 0)
			return rc;
	return 0;
}

int
collect_proc_read(struct collect *c, const int32_t *pids, size_t npids,
    uint32_t kinds, collect_proc_fn fn, void *arg)
{
	struct proc_cb pc;
	struct wr *w;
	size_t i, start = 0, n;
	int rc = 0;

	memset(&pc, 0, sizeof(pc));
	pc.fn = fn;
	pc.arg = arg;
	if ((w = malloc(sizeof(*w))) == NULL)
		return -ENOMEM;
	/* A long list of pids goes in several requests. */
	do {
		n = npids - start > IPC_MAX_PIDS ? IPC_MAX_PIDS : npids - start;
		wr_init(w);
		wr_u32(w, kinds);
		wr_u32(w, (uint32_t)n);
		for (i = 0; i < n; i++)
			wr_i32(w, pids[start + i]);
		rc = collect_transact(c, MSG_PROC_READ, w, MSG_PROC_DATA,
		    feed_proc_data, &pc);
		start += n;
	} while (rc == 0 && start < npids && !pc.stopped);
	free(pc.buf);
	free(w);
	return rc;
}

struct netlink_cb {
	collect_netlink_fn	 fn;
	void			*arg;
	int			 stopped;
};

static int
feed_netlink(void *arg, const struct msg *m)
{
	struct netlink_cb *nc = arg;
	const void *p;
	size_t n;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_bytes(&r, &p, &n, IPC_MAX_PAYLOAD) == -1 || rd_end(&r) == -1)
		fatalx("privd sent malformed NETLINK_DATA");
	if (!nc->stopped && nc->fn(nc->arg, p, n) != 0)
		nc->stopped = 1;
	return 0;
}

int
collect_netlink_dump(struct collect *c, enum nl_kind kind, int family,
    int protocol, collect_netlink_fn fn, void *arg)
{
	struct netlink_cb nc = { fn, arg, 0 };
	struct wr w;

	wr_init(&w);
	wr_u8(&w, (uint8_t)kind);
	wr_u8(&w, (uint8_t)family);
	wr_u8(&w, (uint8_t)protocol);
	return collect_transact(c, MSG_NETLINK_DUMP, &w, MSG_NETLINK_DATA,
	    feed_netlink, &nc);
}
