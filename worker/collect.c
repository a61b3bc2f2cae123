/*
 * The worker's side of the collector primitives; see collect.h.  One
 * request at a time: send it, then take privd's replies for it until its
 * MSG_END.  Anything privd sends that does not fit is fatal: a confused
 * privd is not something to work around.
 */
#include <sys/socket.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/chan.h"
#include "../ipc/log.h"
#include "../ipc/path.h"
#include "collect_impl.h"

void
collect_init(struct collect *c, int fd)
{
	chan_init(&c->chan, fd, CHAN_FDS);
	c->next_id = 1;
}

static void
decode_end(const struct msg *m, int *err, uint64_t *total)
{
	struct rd r;
	int32_t e;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_i32(&r, &e) == -1 || rd_u64(&r, total) == -1 ||
	    rd_end(&r) == -1 || e < 0)
		fatalx("privd sent a malformed END");
	*err = e;
}

/*
 * Start a request that names a path.  A path not in the one form privd
 * accepts is refused here, so that an odd path from a query fails that
 * query instead of getting the worker killed; a canonical path is short
 * enough that the fields after it always fit.
 */
static int
path_request(struct wr *w, const char *path)
{
	if (!ipc_path_canonical(path))
		return -1;
	wr_init(w);
	wr_str(w, path);
	return 0;
}

/* An unasked message from privd during a request: kept for later. */
static int
keep_unasked(struct collect *c, struct msg **m)
{
	if ((*m)->hdr.id != 0)
		return 0;
	if (c->nqueued == COLLECT_QUEUE_MAX)
		fatalx("privd sent more than %d messages during one request",
		    COLLECT_QUEUE_MAX);
	c->queue[c->nqueued++] = *m;
	if ((*m = malloc(sizeof(**m))) == NULL)
		fatal("message");
	return 1;
}

struct msg *
collect_unqueue(struct collect *c)
{
	struct msg *m;

	if (c->nqueued == 0)
		return NULL;
	m = c->queue[0];
	memmove(&c->queue[0], &c->queue[1], --c->nqueued * sizeof(m));
	return m;
}

int
collect_transact(struct collect *c, uint32_t type, const struct wr *w,
    uint32_t reply_type, collect_reply_fn fn, void *arg)
{
	struct msg *m;
	uint32_t id = c->next_id++;
	uint64_t total;
	int err = 0, cb_err = 0;

	if ((m = malloc(sizeof(*m))) == NULL)
		return -ENOMEM;
	if (chan_send(&c->chan, type, id, w, -1) == -1)
		fatal("sending %s to privd", msg_type_name(type));
	for (;;) {
		enum chan_err ce = chan_recv(&c->chan, m);

		if (ce != CHAN_OK)
			fatalx("privd channel: %s", chan_strerror(ce));
		if (keep_unasked(c, &m))
			continue;
		if (m->hdr.id != id)
			fatalx("privd answered request %u, not %u",
			    m->hdr.id, id);
		if (m->hdr.type == MSG_END)
			break;
		if (m->hdr.type != reply_type)
			fatalx("privd sent %s to %s", msg_type_name(m->hdr.type),
			    msg_type_name(type));
		if (cb_err == 0)
			cb_err = fn(arg, m);
		else if (m->fd != -1)
			close(m->fd);
	}
	decode_end(m, &err, &total);
	free(m);
	if (cb_err != 0)
		return cb_err;
	return -err;
}

struct file_buf {
	char	*data;
	size_t	 len, alloc, cap;
};

/* Grow to hold n more bytes and a NUL, never past the cap. */
static int
file_buf_reserve(struct file_buf *fb, size_t n)
{
	size_t want = fb->alloc ? fb->alloc : 4096;
	char *p;

	if (n > fb->cap - fb->len)
		fatalx("privd sent more than the cap asked for");
	while (want < fb->len + n + 1)
		want *= 2;
	if (want == fb->alloc)
		return 0;
	if ((p = realloc(fb->data, want)) == NULL)
		return -ENOMEM;
	fb->data = p;
	fb->alloc = want;
	return 0;
}

static int
append_data(void *arg, const struct msg *m)
{
	struct file_buf *fb = arg;
	const void *p;
	size_t n;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_bytes(&r, &p, &n, IPC_MAX_PAYLOAD) == -1 || rd_end(&r) == -1)
		fatalx("privd sent malformed DATA");
	if (file_buf_reserve(fb, n) == -1)
		return -ENOMEM;
	memcpy(fb->data + fb->len, p, n);
	fb->len += n;
	return 0;
}

/* A request answered with DATA chunks: all of them, up to cap bytes,
 * NUL-terminated. */
static int
collect_data(struct collect *c, uint32_t type, const struct wr *w,
    size_t cap, char **data, size_t *len)
{
	struct file_buf fb = { NULL, 0, 0, cap };
	int rc;

	rc = collect_transact(c, type, w, MSG_DATA, append_data, &fb);
	if (rc == 0)
		rc = file_buf_reserve(&fb, 0);
	if (rc != 0) {
		free(fb.data);
		return rc;
	}
	fb.data[fb.len] = '\0';
	*data = fb.data;
	*len = fb.len;
	return 0;
}

int
collect_read_file(struct collect *c, const char *path, size_t cap,
    char **data, size_t *len)
{
	struct wr w;

	*data = NULL;
	*len = 0;
	if (cap > IPC_MAX_READ_CAP)
		cap = IPC_MAX_READ_CAP;
	if (path_request(&w, path) == -1)
		return -EINVAL;
	wr_u64(&w, cap);
	return collect_data(c, MSG_READ_FILE, &w, cap, data, len);
}

int
collect_iptables(struct collect *c, int family, const char *table,
    char **data, size_t *len)
{
	struct wr w;
	unsigned int t;

	*data = NULL;
	*len = 0;
	for (t = 0; t < IPT_TABLE_MAX; t++)
		if (strcmp(table, ipt_table_name(t)) == 0)
			break;
	if (t == IPT_TABLE_MAX || (family != AF_INET && family != AF_INET6))
		return -EINVAL;
	wr_init(&w);
	wr_u8(&w, (uint8_t)family);
	wr_u8(&w, (uint8_t)t);
	return collect_data(c, MSG_IPTABLES_DUMP, &w, IPC_MAX_READ_CAP, data,
	    len);
}

static int
take_fd(void *arg, const struct msg *m)
{
	int *fd = arg;

	if (m->fd == -1 || m->hdr.len != 0 || *fd != -1)
		fatalx("privd sent a malformed FD");
	*fd = m->fd;
	return 0;
}

int
collect_open_file(struct collect *c, const char *path, int *fd)
{
	struct wr w;
	int rc;

	*fd = -1;
	if (path_request(&w, path) == -1)
		return -EINVAL;
	rc = collect_transact(c, MSG_OPEN_FILE, &w, MSG_FD, take_fd, fd);
	if (rc == 0 && *fd == -1)
		fatalx("privd ended OPEN_FILE without a descriptor");
	if (rc != 0 && *fd != -1) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}

struct dirent_cb {
	collect_dirent_fn	 fn;
	void			*arg;
	int			 stopped;
};

static int
feed_dirents(void *arg, const struct msg *m)
{
	struct dirent_cb *dc = arg;
	const char *name;
	uint8_t type;
	uint64_t ino;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	while (rd_end(&r) == -1) {
		if (rd_str(&r, &name, 255) == -1 || rd_u8(&r, &type) == -1 ||
		    rd_u64(&r, &ino) == -1)
			fatalx("privd sent malformed DIRENTS");
		if (!dc->stopped && dc->fn(dc->arg, name, type, ino) != 0)
			dc->stopped = 1;
	}
	return 0;
}

int
collect_list_dir(struct collect *c, const char *path, collect_dirent_fn fn,
    void *arg)
{
	struct dirent_cb dc = { fn, arg, 0 };
	struct wr w;

	if (path_request(&w, path) == -1)
		return -EINVAL;
	return collect_transact(c, MSG_LIST_DIR, &w, MSG_DIRENTS, feed_dirents, &dc);
}

static int
take_stat(void *arg, const struct msg *m)
{
	struct hq_stat *st = arg;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u64(&r, &st->dev) == -1 || rd_u64(&r, &st->ino) == -1 ||
	    rd_u32(&r, &st->mode) == -1 || rd_u32(&r, &st->nlink) == -1 ||
	    rd_u32(&r, &st->uid) == -1 || rd_u32(&r, &st->gid) == -1 ||
	    rd_u64(&r, &st->rdev) == -1 || rd_i64(&r, &st->size) == -1 ||
	    rd_i64(&r, &st->blksize) == -1 || rd_i64(&r, &st->blocks) == -1 ||
	    rd_i64(&r, &st->atime) == -1 || rd_i64(&r, &st->mtime) == -1 ||
	    rd_i64(&r, &st->ctime) == -1 || rd_i64(&r, &st->btime) == -1 ||
	    rd_end(&r) == -1)
		fatalx("privd sent malformed STAT_INFO");
	return 0;
}

int
collect_stat(struct collect *c, const char *path, int follow,
    struct hq_stat *st)
{
	struct wr w;

	memset(st, 0, sizeof(*st));
	if (path_request(&w, path) == -1)
		return -EINVAL;
	wr_u8(&w, follow ? 1 : 0);
	return collect_transact(c, MSG_STAT, &w, MSG_STAT_INFO, take_stat, st);
}

static int
take_statfs(void *arg, const struct msg *m)
{
	struct hq_statfs *sf = arg;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u64(&r, &sf->type) == -1 || rd_u64(&r, &sf->bsize) == -1 ||
	    rd_u64(&r, &sf->blocks) == -1 || rd_u64(&r, &sf->bfree) == -1 ||
	    rd_u64(&r, &sf->bavail) == -1 || rd_u64(&r, &sf->files) == -1 ||
	    rd_u64(&r, &sf->ffree) == -1 || rd_u64(&r, &sf->flags) == -1 ||
	    rd_u64(&r, &sf->namelen) == -1 || rd_end(&r) == -1)
		fatalx("privd sent malformed STATFS_INFO");
	return 0;
}

int
collect_statfs(struct collect *c, const char *path, struct hq_statfs *sf)
{
	struct wr w;

	memset(sf, 0, sizeof(*sf));
	if (path_request(&w, path) == -1)
		return -EINVAL;
	return collect_transact(c, MSG_STATFS, &w, MSG_STATFS_INFO,
	    take_statfs, sf);
}

struct link_buf {
	char	*buf;
	size_t	 len;
};

static int
take_link(void *arg, const struct msg *m)
{
	struct link_buf *lb = arg;
	const char *target;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_str(&r, &target, IPC_MAX_PATH) == -1 || rd_end(&r) == -1)
		fatalx("privd sent a malformed LINK");
	if (strlen(target) >= lb->len)
		return -ENAMETOOLONG;
	memcpy(lb->buf, target, strlen(target) + 1);
	return 0;
}

int
collect_readlink(struct collect *c, const char *path, char *buf,
    size_t len)
{
	struct link_buf lb = { buf, len };
	struct wr w;

	if (len > 0)
		buf[0] = '\0';
	if (path_request(&w, path) == -1)
		return -EINVAL;
	return collect_transact(c, MSG_READLINK, &w, MSG_LINK, take_link, &lb);
}
