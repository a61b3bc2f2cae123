/*
 * Status lines: everything privd logs in the daemon (its own news, the
 * children's LOG lines, refusals, the watchdog's actions) goes to the
 * logger for the status log, and to stderr when hostqld runs in the
 * foreground.  While no logger is up the lines wait in a bounded queue;
 * past its size the oldest give way and their number is reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../ipc/log.h"
#include "daemon.h"

static int
severity_of(int level)
{
	if (level <= IPC_LOG_ERR)
		return 2;
	return level == IPC_LOG_WARNING ? 1 : 0;
}

static int
logger_up(const struct daemon *d)
{
	return d->pd->logger.pid != -1 && d->pd->logger.chan.fd != -1 &&
	    !d->pd->logger.violated;
}

static int
send_status(struct daemon *d, int severity, time_t when, const char *text)
{
	struct wr w;

	wr_init(&w);
	wr_u8(&w, (uint8_t)severity);
	wr_i64(&w, when);
	wr_str(&w, text);
	return chan_send(&d->pd->logger.chan, MSG_STATUS, 0, &w, -1);
}

static void
enqueue(struct daemon *d, int severity, time_t when, const char *text)
{
	struct status_line *l;

	if (d->nqueued == STATUS_QUEUE_MAX) {
		free(d->queue[0].text);
		memmove(&d->queue[0], &d->queue[1],
		    sizeof(d->queue[0]) * (STATUS_QUEUE_MAX - 1));
		d->nqueued--;
		d->status_dropped++;
	}
	l = &d->queue[d->nqueued];
	if ((l->text = strdup(text)) == NULL)
		return;
	l->severity = severity;
	l->when = when;
	d->nqueued++;
}

void
status_sink(void *arg, int level, const char *line)
{
	struct daemon *d = arg;
	int severity = severity_of(level);
	time_t now = time(NULL);

	if (d->foreground && (severity > 0 || dflag_bool(&d->flags,
	    DF_VERBOSE)))
		fprintf(stderr, "hostqld: %s\n", line);
	/* A failure to send is itself logged: not through here again. */
	if (d->status_busy)
		return;
	d->status_busy = 1;
	if (!logger_up(d) || d->nqueued > 0 ||
	    send_status(d, severity, now, line) == -1)
		enqueue(d, severity, now, line);
	d->status_busy = 0;
}

/* Hand the logger what waited for it, oldest first. */
void
status_flush(struct daemon *d)
{
	char note[96];
	size_t i, sent = 0;

	if (d->status_dropped > 0) {
		snprintf(note, sizeof(note), "%lu status lines were dropped "
		    "while no logger ran", d->status_dropped);
		if (send_status(d, 1, time(NULL), note) == 0)
			d->status_dropped = 0;
	}
	for (i = 0; i < d->nqueued; i++) {
		if (send_status(d, d->queue[i].severity, d->queue[i].when,
		    d->queue[i].text) == -1)
			break;
		free(d->queue[i].text);
		sent++;
	}
	memmove(&d->queue[0], &d->queue[sent],
	    sizeof(d->queue[0]) * (d->nqueued - sent));
	d->nqueued -= sent;
}
