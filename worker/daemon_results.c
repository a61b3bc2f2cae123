/*
 * A scheduled query's run: privd is told which query runs (the watchdog
 * denylists the one a worker dies in), the statement is stepped under
 * its deadline, and the rows go to the logger as RESULT_BEGIN,
 * RESULT_ROWS and RESULT_END.  The messages are kept until the logger
 * says RESULT_STORED, and sent again to a restarted logger; a newer run
 * of the same query replaces one that was never stored.
 */
#include <sys/random.h>
#include <sys/resource.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../ipc/log.h"
#include "daemon.h"

struct outbox {
	struct outmsg	*msgs;
	size_t		 n, alloc;
	int		 oom;
};

static struct wr *
outbox_next(struct outbox *o, uint32_t type)
{
	struct outmsg *grown;
	size_t want;

	if (o->oom)
		return NULL;
	if (o->n == o->alloc) {
		want = o->alloc ? o->alloc * 2 : 4;
		if ((grown = realloc(o->msgs, want * sizeof(*grown))) == NULL) {
			o->oom = 1;
			return NULL;
		}
		o->msgs = grown;
		o->alloc = want;
	}
	o->msgs[o->n].type = type;
	wr_init(&o->msgs[o->n].w);
	return &o->msgs[o->n++].w;
}

static void
tell_privd(struct wdaemon *wd, const char *name)
{
	struct wr w;

	wr_init(&w);
	wr_str(&w, name);
	if (chan_send(&wd->col->chan, MSG_QUERY_STATE, 0, &w, -1) == -1)
		fatal("QUERY_STATE to privd");
}

/* As many decorations as fit the first message. */
static void
encode_decorations(struct wdaemon *wd, struct wr *w)
{
	struct decoration_set d;
	size_t i, n = 0, room;

	memset(&d, 0, sizeof(d));
	decorations_merged(wd, &d);
	room = wr_room(w) > 4 ? wr_room(w) - 4 : 0;
	while (n < d.n && 2 + strlen(d.key[n]) + 1 + 2 +
	    strlen(d.value[n]) + 1 <= room) {
		room -= 2 + strlen(d.key[n]) + 1 + 2 + strlen(d.value[n]) + 1;
		n++;
	}
	if (n < d.n)
		log_warnx("decorations too long for one message: %zu of %zu "
		    "sent", n, d.n);
	wr_u32(w, (uint32_t)n);
	for (i = 0; i < n; i++) {
		wr_str(w, d.key[i]);
		wr_str(w, d.value[i]);
	}
	decorations_merged_free(&d);
}

static void
encode_begin(struct wdaemon *wd, struct sched_entry *e, sqlite3_stmt *s,
    uint64_t run_id, time_t now, struct wr *w)
{
	int i, n = sqlite3_column_count(s);
	uint8_t flags = 0;

	if (e->snapshot)
		flags |= RESULT_SNAPSHOT;
	if (!e->removed)
		flags |= RESULT_NO_REMOVED;
	wr_str(w, e->name);
	wr_str(w, e->sql);
	wr_u64(w, run_id);
	wr_u64(w, (uint64_t)now);
	wr_u64(w, (uint64_t)dflag_int(&wd->flags, DF_SCHEDULE_EPOCH));
	wr_u8(w, flags);
	wr_u32(w, (uint32_t)n);
	for (i = 0; i < n; i++)
		wr_str(w, sqlite3_column_name(s, i));
	encode_decorations(wd, w);
}

/* Bytes a row takes on the wire with each cell cut at cap bytes. */
static size_t
row_size(sqlite3_stmt *s, size_t cap)
{
	int i, n = sqlite3_column_count(s);
	size_t total = 0, len;

	for (i = 0; i < n; i++) {
		len = (size_t)sqlite3_column_bytes(s, i);
		total += 1 + 2 + (len < cap ? len : cap) + 1;
	}
	return total;
}

/* The cut that lets a row fit one message: none, for nearly all. */
static size_t
row_cap(sqlite3_stmt *s)
{
	size_t cap = IPC_MAX_PAYLOAD;

	while (row_size(s, cap) > IPC_MAX_PAYLOAD && cap > 16)
		cap /= 2;
	return cap;
}

static void
encode_row(sqlite3_stmt *s, struct wr *w, size_t cap)
{
	int i, n = sqlite3_column_count(s);
	const char *v;

	for (i = 0; i < n; i++) {
		v = (const char *)sqlite3_column_text(s, i);
		wr_u8(w, v == NULL);
		wr_strn(w, v != NULL ? v : "", v != NULL ? strnlen(v, cap) :
		    0);
	}
}

static int
encode_rows(struct sched_entry *e, sqlite3_stmt *s, struct outbox *o,
    uint64_t *nrows)
{
	struct wr *w = NULL;
	size_t cap;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((cap = row_cap(s)) < IPC_MAX_PAYLOAD)
			log_warnx("%s: a row too long for one message; its "
			    "longest values are cut", e->name);
		if ((w == NULL || wr_room(w) < row_size(s, cap)) &&
		    (w = outbox_next(o, MSG_RESULT_ROWS)) == NULL)
			return SQLITE_NOMEM;
		encode_row(s, w, cap);
		(*nrows)++;
	}
	return rc;
}

static uint64_t
user_ms(const struct rusage *ru)
{
	return (uint64_t)ru->ru_utime.tv_sec * 1000 +
	    (uint64_t)ru->ru_utime.tv_usec / 1000;
}

static uint64_t
system_ms(const struct rusage *ru)
{
	return (uint64_t)ru->ru_stime.tv_sec * 1000 +
	    (uint64_t)ru->ru_stime.tv_usec / 1000;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* osquery_schedule's figures of one run. */
static void
account(struct sched_entry *e, const struct rusage *before,
    uint64_t start_ms, uint64_t bytes, time_t now)
{
	struct rusage after;

	getrusage(RUSAGE_SELF, &after);
	e->executions++;
	e->last_executed = now;
	e->last_wall_time_ms = now_ms() - start_ms;
	e->last_user_time_ms = user_ms(&after) - user_ms(before);
	e->last_system_time_ms = system_ms(&after) - system_ms(before);
	e->wall_time_ms += e->last_wall_time_ms;
	e->user_time_ms += e->last_user_time_ms;
	e->system_time_ms += e->last_system_time_ms;
	e->last_memory = after.ru_maxrss > before->ru_maxrss ?
	    (uint64_t)(after.ru_maxrss - before->ru_maxrss) * 1024 : 0;
	e->average_memory = (e->average_memory * (e->executions - 1) +
	    e->last_memory) / e->executions;
	e->output_size += bytes;
}

static void
send_set(struct wdaemon *wd, struct pending *p)
{
	size_t i;

	p->sent = time(NULL);
	if (wd->logger.fd == -1)
		return;
	for (i = 0; i < p->nmsgs; i++)
		if (chan_send(&wd->logger, p->msgs[i].type, 0,
		    &p->msgs[i].w, -1) == -1) {
			log_warn("sending results to the logger");
			close(wd->logger.fd);
			wd->logger.fd = -1;
			return;
		}
}

void
pending_drop(struct pending *p)
{
	free(p->name);
	free(p->msgs);
	memset(p, 0, sizeof(*p));
}

static void
pending_remove(struct wdaemon *wd, size_t i)
{
	pending_drop(&wd->pend[i]);
	memmove(&wd->pend[i], &wd->pend[i + 1],
	    (wd->npend - i - 1) * sizeof(wd->pend[0]));
	wd->npend--;
}

/* Keep a new set: it replaces an unstored one of the same query, and
 * past the limit the oldest goes, with a warning. */
static struct pending *
pending_add(struct wdaemon *wd, const char *name)
{
	size_t i;

	for (i = 0; i < wd->npend; i++)
		if (strcmp(wd->pend[i].name, name) == 0) {
			pending_remove(wd, i);
			break;
		}
	if (wd->npend == PENDING_MAX) {
		log_warnx("%d result sets wait for the logger; dropping the "
		    "oldest, of %s", PENDING_MAX, wd->pend[0].name);
		pending_remove(wd, 0);
	}
	return &wd->pend[wd->npend++];
}

static int
run_statement(struct wdaemon *wd, struct sched_entry *e, time_t now,
    struct outbox *o, uint64_t *run_id)
{
	sqlite3_stmt *s = NULL;
	uint64_t nrows = 0;
	struct wr *w;
	int rc;

	if (getrandom(run_id, sizeof(*run_id), 0) != sizeof(*run_id))
		fatal("getrandom");
	rc = sqlite3_prepare_v2(db_handle(wd->db), e->sql, -1, &s, NULL);
	if (rc != SQLITE_OK || s == NULL) {
		log_warnx("scheduled query %s: %s", e->name,
		    db_errmsg(wd->db));
		sqlite3_finalize(s);
		return -1;
	}
	if ((w = outbox_next(o, MSG_RESULT_BEGIN)) != NULL)
		encode_begin(wd, e, s, *run_id, now, w);
	db_start_deadline(wd->db);
	rc = encode_rows(e, s, o, &nrows);
	if (rc != SQLITE_DONE)
		log_warnx("scheduled query %s: %s", e->name,
		    db_errmsg(wd->db));
	sqlite3_finalize(s);
	if ((w = outbox_next(o, MSG_RESULT_END)) != NULL)
		wr_u64(w, nrows);
	return rc == SQLITE_DONE && !o->oom ? 0 : -1;
}

static uint64_t
outbox_bytes(const struct outbox *o)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < o->n; i++)
		n += o->msgs[i].w.len;
	return n;
}

/* Run e now; a failed run sends nothing and is tried at its next due
 * time, as osquery does. */
int
results_run(struct wdaemon *wd, struct sched_entry *e, time_t now)
{
	struct outbox o = { NULL, 0, 0, 0 };
	struct pending *p;
	struct rusage before;
	uint64_t start = now_ms(), run_id;
	int rc;

	getrusage(RUSAGE_SELF, &before);
	tell_privd(wd, e->name);
	rc = run_statement(wd, e, now, &o, &run_id);
	tell_privd(wd, "");
	account(e, &before, start, outbox_bytes(&o), now);
	if (rc == -1 || (p = pending_add(wd, e->name)) == NULL) {
		free(o.msgs);
		return -1;
	}
	if ((p->name = strdup(e->name)) == NULL) {
		wd->npend--;		/* the slot pending_add() gave */
		free(o.msgs);
		return -1;
	}
	p->run_id = run_id;
	p->msgs = o.msgs;
	p->nmsgs = o.n;
	send_set(wd, p);
	return 0;
}

void
results_resend(struct wdaemon *wd)
{
	size_t i;

	for (i = 0; i < wd->npend; i++)
		send_set(wd, &wd->pend[i]);
}

/* The logger's word that a set is durable: forget it. */
void
results_stored(struct wdaemon *wd, const struct msg *m)
{
	const char *name;
	uint64_t run_id;
	struct rd r;
	size_t i;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_str(&r, &name, IPC_MAX_PAYLOAD) == -1 ||
	    rd_u64(&r, &run_id) == -1 || rd_end(&r) == -1)
		fatalx("the logger sent a malformed RESULT_STORED");
	for (i = 0; i < wd->npend; i++)
		if (wd->pend[i].run_id == run_id &&
		    strcmp(wd->pend[i].name, name) == 0) {
			pending_remove(wd, i);
			return;
		}
}
