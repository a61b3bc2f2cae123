/*
 * The worker's channel: result sets arrive as RESULT_BEGIN, RESULT_ROWS
 * and RESULT_END, are checked field by field, stored as one batch, and
 * acknowledged with RESULT_STORED.  The worker is not trusted: anything
 * out of order or malformed drops the set and the channel, and privd is
 * told, so that it kills the worker.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "logger.h"

#define MAX_SQL		(IPC_MAX_PAYLOAD - 64)

void
incoming_clear(struct incoming *in)
{
	size_t i;

	free(in->name);
	free(in->sql);
	for (i = 0; i < in->ndec; i++) {
		free(in->dec[i].key);
		free(in->dec[i].value);
	}
	rset_free(&in->rows);
	memset(in, 0, sizeof(*in));
}

static void
worker_gone(struct logger *lg)
{
	if (lg->ev_worker != NULL) {
		event_free(lg->ev_worker);
		lg->ev_worker = NULL;
	}
	if (lg->worker.fd != -1)
		close(lg->worker.fd);
	lg->worker.fd = -1;
	incoming_clear(&lg->in);
}

static void
violation(struct logger *lg, const char *why)
{
	struct wr w;

	log_warnx("the worker broke the results protocol: %s", why);
	wr_init(&w);
	wr_str(&w, why);
	chan_send(&lg->privd, MSG_PEER_VIOLATION, 0, &w, -1);
	worker_gone(lg);
}

static int
dup_str(struct rd *r, char **out, size_t max)
{
	const char *s;

	if (rd_str(r, &s, max) == -1 || (*out = strdup(s)) == NULL)
		return -1;
	return 0;
}

static int
decode_columns(struct rd *r, struct incoming *in)
{
	char *cols[RSET_MAX_COLUMNS];
	const char *s;
	uint32_t n, i;

	if (rd_u32(r, &n) == -1 || n > RSET_MAX_COLUMNS)
		return -1;
	for (i = 0; i < n; i++) {
		if (rd_str(r, &s, MAX_NAME) == -1)
			return -1;
		cols[i] = (char *)(uintptr_t)s;
	}
	return rset_set_columns(&in->rows, cols, n);
}

static int
decode_decorations(struct rd *r, struct incoming *in)
{
	struct decoration *d;
	uint32_t n, i;

	if (rd_u32(r, &n) == -1 || n > MAX_DECORATIONS)
		return -1;
	for (i = 0; i < n; i++) {
		/* Counted first, so that a half-read one is freed too. */
		d = &in->dec[in->ndec++];
		if (dup_str(r, &d->key, MAX_NAME) == -1 ||
		    dup_str(r, &d->value, IPC_MAX_PAYLOAD) == -1)
			return -1;
	}
	return 0;
}

static int
take_begin(struct logger *lg, const struct msg *m)
{
	struct incoming *in = &lg->in;
	struct rd r;
	uint64_t t;

	if (in->active)
		return -1;
	incoming_clear(in);
	in->active = 1;
	rd_init(&r, m->payload, m->hdr.len);
	if (dup_str(&r, &in->name, MAX_NAME) == -1 || in->name[0] == '\0' ||
	    dup_str(&r, &in->sql, MAX_SQL) == -1 ||
	    rd_u64(&r, &in->run_id) == -1 || rd_u64(&r, &t) == -1 ||
	    rd_u64(&r, &in->epoch) == -1 || rd_u8(&r, &in->flags) == -1 ||
	    (in->flags & ~RESULT_FLAGS_KNOWN) != 0 || t > INT64_MAX)
		return -1;
	in->unix_time = (int64_t)t;
	if (decode_columns(&r, in) == -1 || decode_decorations(&r, in) == -1)
		return -1;
	return rd_end(&r);
}

static int
take_rows(struct logger *lg, const struct msg *m)
{
	struct incoming *in = &lg->in;
	const char *s;
	struct rd r;
	uint32_t k;
	uint8_t null;
	char **row;

	if (!in->active || in->rows.ncols == 0)
		return -1;
	rd_init(&r, m->payload, m->hdr.len);
	while (r.left > 0) {
		if ((row = rset_add_row(&in->rows)) == NULL)
			return -1;
		for (k = 0; k < in->rows.ncols; k++) {
			if (rd_u8(&r, &null) == -1 || null > 1 ||
			    rd_str(&r, &s, IPC_MAX_PAYLOAD) == -1)
				return -1;
			if (!null && (row[k] = strdup(s)) == NULL)
				return -1;
		}
	}
	return 0;
}

static void
acknowledge(struct logger *lg)
{
	struct wr w;

	wr_init(&w);
	wr_str(&w, lg->in.name);
	wr_u64(&w, lg->in.run_id);
	if (chan_send(&lg->worker, MSG_RESULT_STORED, 0, &w, -1) == -1)
		worker_gone(lg);
}

static int
take_end(struct logger *lg, const struct msg *m)
{
	struct incoming *in = &lg->in;
	struct rd r;
	uint64_t n;

	rd_init(&r, m->payload, m->hdr.len);
	if (!in->active || rd_u64(&r, &n) == -1 || rd_end(&r) == -1 ||
	    n != in->rows.nrows)
		return -1;
	/* Not stored (a full disk): no word back, and the worker sends the
	 * set again later. */
	if (batch_result(lg, in) == 0) {
		acknowledge(lg);
		spool_flush(lg);
	}
	incoming_clear(in);
	return 0;
}

static int
take_message(struct logger *lg, const struct msg *m)
{
	if (m->fd != -1)
		return -1;
	switch (m->hdr.type) {
	case MSG_RESULT_BEGIN:
		return take_begin(lg, m);
	case MSG_RESULT_ROWS:
		return take_rows(lg, m);
	case MSG_RESULT_END:
		return take_end(lg, m);
	default:
		return -1;
	}
}

static void
worker_readable(evutil_socket_t fd, short events, void *arg)
{
	struct logger *lg = arg;
	struct msg m;
	enum chan_err err;
	char why[96];

	(void)fd;
	(void)events;
	while (lg->worker.fd != -1) {
		err = chan_recv(&lg->worker, &m);
		if (err == CHAN_AGAIN)
			return;
		if (err == CHAN_EOF) {
			worker_gone(lg);
			return;
		}
		if (err != CHAN_OK) {
			violation(lg, chan_strerror(err));
			return;
		}
		if (take_message(lg, &m) == -1) {
			snprintf(why, sizeof(why), "malformed or unexpected %s",
			    msg_type_name(m.hdr.type));
			if (m.fd != -1)
				close(m.fd);
			violation(lg, why);
			return;
		}
	}
}

/* A new worker, or the old one after our restart: a fresh channel. */
void
results_channel(struct logger *lg, int fd)
{
	worker_gone(lg);
	if (evutil_make_socket_nonblocking(fd) == -1) {
		close(fd);
		return;
	}
	chan_init(&lg->worker, fd, 0);
	lg->ev_worker = event_new(lg->base, fd, EV_READ | EV_PERSIST,
	    worker_readable, lg);
	if (lg->ev_worker == NULL || event_add(lg->ev_worker, NULL) == -1)
		fatalx("watching the worker's channel");
}
