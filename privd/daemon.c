/*
 * hostqld: privd as the daemon's root.  It takes the flags (command line,
 * then --flagfile), holds the pidfile, makes the state and log
 * directories and the signing keys, starts the logger and the worker,
 * hands each its set-up and a channel to the other, forwards status lines
 * to the logger, and keeps both alive: a child that dies is started again
 * at once, then with a growing delay if it keeps dying young, until the
 * crash budget is spent and hostqld exits for systemd to start it anew.
 * SIGHUP makes the worker reload its config; SIGTERM and SIGINT stop both
 * children cleanly, the logger last, so that nothing is lost.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "../ipc/flags.h"
#include "../ipc/log.h"
#include "daemon.h"
#include "privd.h"

/* Children that die younger than this count against the budget. */
#define SHORT_LIFE_MS	1000
#define CRASH_BUDGET	8
#define MAX_DELAY_MS	10000

static struct daemon *
daemon_of(struct child *c)
{
	return c->pd->daemon;
}

static struct lifecycle *
life_of(struct daemon *d, struct child *c)
{
	return c == &d->pd->worker ? &d->life[0] : &d->life[1];
}

/* Pair the worker and the logger with a fresh channel of their own. */
static void
pair_children(struct daemon *d)
{
	struct privd *pd = d->pd;
	int sv[2];

	if (pd->worker.pid == -1 || pd->logger.pid == -1)
		return;
	if (chan_socketpair(sv) == -1) {
		log_warn("a channel for the worker and the logger");
		return;
	}
	if (chan_send(&pd->logger.chan, MSG_WORKER_CHANNEL, 0, NULL,
	    sv[0]) == -1 ||
	    chan_send(&pd->worker.chan, MSG_LOGGER_CHANNEL, 0, NULL,
	    sv[1]) == -1)
		log_warn("handing out the results channel");
	close(sv[0]);
	close(sv[1]);
}

static void
send_denylist(struct daemon *d)
{
	struct wr w;
	size_t i;

	for (i = 0; i < d->ndenied; i++) {
		if (d->denied[i].until <= time(NULL))
			continue;
		wr_init(&w);
		wr_str(&w, d->denied[i].name);
		wr_i64(&w, d->denied[i].until);
		if (chan_send(&d->pd->worker.chan, MSG_DENYLIST, 0, &w, -1) ==
		    -1)
			log_warn("denylist to the worker");
	}
}

int
daemon_start_worker(struct daemon *d)
{
	if (child_start(d->pd, &d->pd->worker) == -1) {
		log_warn("starting the worker");
		return -1;
	}
	send_denylist(d);
	pair_children(d);
	return 0;
}

int
daemon_start_logger(struct daemon *d)
{
	if (child_start(d->pd, &d->pd->logger) == -1) {
		log_warn("starting the logger");
		return -1;
	}
	if (logger_setup(d) == -1) {
		child_kill(&d->pd->logger, "its set-up failed");
		return -1;
	}
	status_flush(d);
	pair_children(d);
	return 0;
}

static void
restart_due(evutil_socket_t fd, short events, void *arg)
{
	struct child *c = arg;
	struct daemon *d = daemon_of(c);

	(void)fd;
	(void)events;
	if (d->stopping)
		return;
	if ((c == &d->pd->worker ? daemon_start_worker(d) :
	    daemon_start_logger(d)) == -1)
		daemon_child_restart(c);
}

static long
lived_ms(const struct child *c)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - c->started.tv_sec) * 1000 +
	    (now.tv_nsec - c->started.tv_nsec) / 1000000;
}

/* Start c again: at once after a long life, later after short ones. */
void
daemon_child_restart(struct child *c)
{
	struct daemon *d = daemon_of(c);
	struct lifecycle *l = life_of(d, c);
	struct timeval tv = { 0, 0 };
	long delay = 0;

	if (lived_ms(c) < SHORT_LIFE_MS)
		l->short_lives++;
	else
		l->short_lives = 0;
	if (l->short_lives > CRASH_BUDGET) {
		log_warnx("the %s died %d times within %d ms of starting; "
		    "hostqld gives up", c->name, l->short_lives,
		    SHORT_LIFE_MS);
		d->pd->exit_status = 1;
		daemon_stop(d);
		return;
	}
	if (l->short_lives > 0) {
		delay = 100L << (l->short_lives - 1);
		if (delay > MAX_DELAY_MS)
			delay = MAX_DELAY_MS;
	}
	tv.tv_sec = delay / 1000;
	tv.tv_usec = (delay % 1000) * 1000;
	if (l->ev_restart == NULL &&
	    (l->ev_restart = evtimer_new(d->pd->base, restart_due, c)) ==
	    NULL)
		fatalx("restart timer");
	evtimer_add(l->ev_restart, &tv);
	c->generation++;
}

/* The query a worker dies in is denylisted for a day, as osquery's
 * watchdog does, so that it cannot take the worker down again; in the
 * state directory too, so that a restart of hostqld does not end it. */
static void
denylist_running(struct daemon *d, const char *why)
{
	struct denied *e;

	if (d->running[0] == '\0')
		return;
	if (d->ndenied == DENYLIST_MAX)
		memmove(&d->denied[0], &d->denied[1],
		    sizeof(d->denied[0]) * --d->ndenied);
	e = &d->denied[d->ndenied++];
	snprintf(e->name, sizeof(e->name), "%s", d->running);
	e->until = time(NULL) + DENYLIST_SECONDS;
	log_warnx("scheduled query %s denylisted for %d s: the worker %s "
	    "while it ran", e->name, DENYLIST_SECONDS, why);
	d->running[0] = '\0';
	denylist_save(d);
}

void
daemon_child_gone(struct child *c, const siginfo_t *si)
{
	struct daemon *d = daemon_of(c);
	char why[64];

	if (c == &d->pd->worker) {
		if (si->si_code == CLD_EXITED)
			snprintf(why, sizeof(why), "exited with status %d",
			    si->si_status);
		else
			snprintf(why, sizeof(why), "died of signal %d",
			    si->si_status);
		if (!d->stopping)
			denylist_running(d, d->breach[0] != '\0' ?
			    d->breach : why);
		d->breach[0] = '\0';
	}
	if (d->stopping) {
		daemon_stop_step(d);
		return;
	}
	log_warnx("the %s (generation %u) is gone; starting it again",
	    c->name, c->generation);
	daemon_child_restart(c);
}

int
daemon_query_state(struct child *c, const struct msg *m)
{
	struct daemon *d = daemon_of(c);
	struct rd r;
	const char *name;

	rd_init(&r, m->payload, m->hdr.len);
	if (d == NULL || rd_str(&r, &name, sizeof(d->running) - 1) == -1 ||
	    rd_end(&r) == -1)
		return -1;
	snprintf(d->running, sizeof(d->running), "%s", name);
	return 0;
}

int
daemon_peer_violation(struct child *c, const struct msg *m)
{
	struct daemon *d = daemon_of(c);
	struct rd r;
	const char *why;

	rd_init(&r, m->payload, m->hdr.len);
	if (d == NULL || rd_str(&r, &why, IPC_MAX_LOGTEXT) == -1 ||
	    rd_end(&r) == -1)
		return -1;
	child_kill(&d->pd->worker, why);
	return 0;
}
