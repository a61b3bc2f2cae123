/*
 * The worker's loop in the daemon.  One thing at a time, as osquery's
 * scheduler: handle what privd sent (a channel to the logger, a reload,
 * a denylist, a stop), what the logger answered (stored sets), run the
 * query that is due, then sleep in poll() until the next is due or a
 * message comes.  Result sets the logger has not stored are sent again
 * when it comes back, and every few seconds while it stays silent.
 */
#include <sys/random.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ipc/child.h"
#include "../ipc/log.h"
#include "daemon.h"

#define RESEND_SECONDS	5
#define STOP_WAIT_MS	2000	/* for the last acknowledgements */

static void
set_logger(struct wdaemon *wd, int fd)
{
	if (wd->logger.fd != -1)
		close(wd->logger.fd);
	chan_init(&wd->logger, fd, 0);
	results_resend(wd);
}

static void
denylist(struct wdaemon *wd, const struct msg *m)
{
	struct sched_entry *e;
	const char *name;
	int64_t until;
	struct rd r;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_str(&r, &name, IPC_MAX_PAYLOAD) == -1 ||
	    rd_i64(&r, &until) == -1 || rd_end(&r) == -1)
		fatalx("privd sent a malformed DENYLIST");
	if ((e = sched_find(&wd->sched, name)) != NULL)
		e->denied_until = (time_t)until;
}

static void
reload(struct wdaemon *wd)
{
	struct sched fresh = { NULL, 0 };

	if (daemon_config_load(wd, &fresh, 0) != 0) {
		log_warnx("the new config has errors; the running one stays");
		sched_free(&fresh);
		return;
	}
	sched_free(&wd->sched);
	wd->sched = fresh;
	decorations_load(wd);
	wd->discovered = time(NULL);
	log_info("config reloaded: %zu scheduled queries", wd->sched.n);
}

static void
from_privd(struct wdaemon *wd, struct msg *m)
{
	switch (m->hdr.type) {
	case MSG_LOGGER_CHANNEL:
		if (m->fd == -1)
			fatalx("privd sent LOGGER_CHANNEL without a channel");
		set_logger(wd, m->fd);
		return;
	case MSG_RELOAD:
		reload(wd);
		break;
	case MSG_DENYLIST:
		denylist(wd, m);
		break;
	case MSG_SHUTDOWN:
		wd->stop = 1;
		break;
	default:
		fatalx("privd sent %s", msg_type_name(m->hdr.type));
	}
	if (m->fd != -1)
		close(m->fd);
}

static void
drain_queue(struct wdaemon *wd)
{
	struct msg *m;

	while ((m = collect_unqueue(wd->col)) != NULL) {
		from_privd(wd, m);
		free(m);
	}
}

static void
read_privd(struct wdaemon *wd)
{
	struct msg m;
	enum chan_err err;

	if ((err = chan_recv(&wd->col->chan, &m)) != CHAN_OK)
		fatalx("privd channel: %s", chan_strerror(err));
	if (m.hdr.id != 0)
		fatalx("privd answered a request nobody made");
	from_privd(wd, &m);
}

static void
read_logger(struct wdaemon *wd)
{
	struct msg m;
	enum chan_err err = chan_recv(&wd->logger, &m);

	if (err == CHAN_OK && m.hdr.type == MSG_RESULT_STORED && m.fd == -1) {
		results_stored(wd, &m);
		return;
	}
	if (err != CHAN_EOF)
		log_warnx("the logger's channel: %s", err == CHAN_OK ?
		    msg_type_name(m.hdr.type) : chan_strerror(err));
	close(wd->logger.fd);
	wd->logger.fd = -1;
}

/* Sets the logger has not answered for a while go again (it may have
 * had a full disk). */
static void
resend_stale(struct wdaemon *wd, time_t now)
{
	if (wd->npend > 0 && now - wd->pend[0].sent >= RESEND_SECONDS)
		results_resend(wd);
}

static void
wait_for_messages(struct wdaemon *wd, int timeout_ms)
{
	struct pollfd pfd[2] = {
		{ .fd = wd->col->chan.fd, .events = POLLIN },
		{ .fd = wd->logger.fd, .events = POLLIN },
	};

	if (poll(pfd, 2, timeout_ms) == -1) {
		if (errno == EINTR)
			return;
		fatal("poll");
	}
	/* The logger's channel first: privd's message may be a new one,
	 * which replaces it, and the events polled are the old channel's.
	 * Read on the new channel, which has nothing to say yet, they would
	 * block the worker for good. */
	if (pfd[1].revents != 0 && wd->logger.fd != -1)
		read_logger(wd);
	if (pfd[0].revents != 0)
		read_privd(wd);
}

/* Before exiting, give the logger a moment to store the last sets. */
static void
finish(struct wdaemon *wd)
{
	int waited = 0;

	while (wd->npend > 0 && wd->logger.fd != -1 && waited < STOP_WAIT_MS) {
		wait_for_messages(wd, 100);
		waited += 100;
	}
	if (wd->npend > 0)
		log_info("stopping with %zu result sets not stored; the next "
		    "runs make them up", wd->npend);
}

/* Packs' discovery queries again, every --pack_refresh_interval. */
static void
refresh_discovery(struct wdaemon *wd, time_t now)
{
	if (now - wd->discovered < dflag_int(&wd->flags,
	    DF_PACK_REFRESH_INTERVAL))
		return;
	daemon_config_rediscover(wd);
	wd->discovered = now;
}

static void
loop(struct wdaemon *wd)
{
	struct sched_entry *e;
	time_t now;

	while (!wd->stop) {
		drain_queue(wd);
		if (wd->stop)
			break;
		now = time(NULL);
		refresh_discovery(wd, now);
		if ((e = sched_next_due(&wd->sched, now)) != NULL) {
			e->next_due = (time_t)config_next_due(e->interval,
			    (uint64_t)now);
			decorations_tick(wd, now);
			decorations_always(wd);
			results_run(wd, e, now);
			continue;
		}
		resend_stale(wd, now);
		wait_for_messages(wd, 1000 * sched_wait(&wd->sched, now,
		    RESEND_SECONDS));
	}
	finish(wd);
}

static size_t
rt_nqueries(void *owner)
{
	return ((struct wdaemon *)owner)->sched.n;
}

static void
rt_query(void *owner, size_t i, struct runtime_query *q)
{
	const struct sched_entry *e = &((struct wdaemon *)owner)->sched.e[i];

	memset(q, 0, sizeof(*q));
	q->name = e->name;
	q->sql = e->sql;
	q->interval = e->interval;
	q->executions = e->executions;
	q->last_executed = e->last_executed;
	q->denylisted = e->denylist && e->denied_until > time(NULL);
	q->output_size = e->output_size;
	q->wall_time_ms = e->wall_time_ms;
	q->last_wall_time_ms = e->last_wall_time_ms;
	q->user_time_ms = e->user_time_ms;
	q->last_user_time_ms = e->last_user_time_ms;
	q->system_time_ms = e->system_time_ms;
	q->last_system_time_ms = e->last_system_time_ms;
	q->average_memory = e->average_memory;
	q->last_memory = e->last_memory;
}

/* Packs as osquery_packs shows them: the schedule's own "main" pack
 * (packs[0]) is not one. */
static size_t
rt_npacks(void *owner)
{
	const struct wdaemon *wd = owner;

	return wd->cfg != NULL && wd->cfg->npacks > 0 ? wd->cfg->npacks - 1 :
	    0;
}

static void
rt_pack(void *owner, size_t i, struct runtime_pack *p)
{
	const struct config_pack *c = &((struct wdaemon *)owner)->cfg->packs[i +
	    1];

	memset(p, 0, sizeof(*p));
	p->name = c->name;
	p->platform = c->platform;
	p->version = c->version;
	p->shard = c->shard;
	p->discovery_executions = c->ndiscovery > 0 ? c->discovery_runs : 0;
	p->active = c->active;
}

/* What osquery_info, osquery_schedule, osquery_flags and osquery_packs
 * show. */
static void
runtime_init(struct wdaemon *wd)
{
	struct runtime *rt = &wd->rt;
	unsigned char id[16];
	size_t i;

	rt->daemon = 1;
	rt->start_time = (int64_t)time(NULL);
	rt->pid = (int)getppid();
	if (getrandom(id, sizeof(id), 0) == sizeof(id))
		for (i = 0; i < sizeof(id); i++)
			snprintf(rt->instance_id + 2 * i, 3, "%02x", id[i]);
	rt->config_hash = wd->config_hash;
	rt->config_valid = 1;
	rt->flags = &wd->flags;
	rt->owner = wd;
	rt->nqueries = rt_nqueries;
	rt->query = rt_query;
	rt->npacks = rt_npacks;
	rt->pack = rt_pack;
	db_set_runtime(wd->db, rt);
}

static const char *
config_name(const struct dflag_values *flags)
{
	const char *path = dflag_str(flags, DF_CONFIG_PATH);

	return path[0] != '\0' ? path : CONFIG_DEFAULT_NAME;
}

/* argv: --daemon, then every flag as --name=value. */
int
daemon_run(struct collect *col, struct db *db, int argc, char **argv)
{
	static struct wdaemon wd;
	struct sched fresh = { NULL, 0 };
	char err[256];
	int check;

	wd.col = col;
	wd.db = db;
	wd.logger.fd = -1;
	dflags_init(&wd.flags);
	if (dflags_parse_argv(&wd.flags, argc - 1, argv + 1, err,
	    sizeof(err)) == -1)
		fatalx("flags from privd: %s", err);
	check = dflag_bool(&wd.flags, DF_CONFIG_CHECK);
	if (!check)
		log_set_sink(child_log_to_privd, &wd.col->chan);
	if (daemon_config_load(&wd, &fresh, check) != 0) {
		sched_free(&fresh);
		return 1;
	}
	wd.sched = fresh;
	if (check) {
		printf("config %s: OK, %zu scheduled queries\n",
		    config_name(&wd.flags), wd.sched.n);
		return 0;
	}
	log_info("worker: %zu scheduled queries", wd.sched.n);
	runtime_init(&wd);
	decorations_load(&wd);
	wd.discovered = time(NULL);
	loop(&wd);
	sched_free(&wd.sched);
	decorations_free(&wd.dec);
	config_free(wd.cfg);
	dflags_free(&wd.flags);
	return 0;
}
