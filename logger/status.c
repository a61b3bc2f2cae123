/*
 * Status lines in the logger: privd's (and the logger's own news) wait a
 * moment to be stored together as one batch, then go out with the spool.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "logger.h"

#define STATUS_DELAY_MS	200	/* status lines wait this long to batch */

void
logger_status_at(struct logger *lg, int severity, int64_t when,
    const char *text)
{
	struct timeval tv = { 0, STATUS_DELAY_MS * 1000 };
	struct pending_status *p;

	if (lg->nstatus == STATUS_BATCH_MAX && batch_status(lg) == -1)
		return;		/* the store is full: privd still has it */
	p = &lg->status[lg->nstatus];
	if ((p->text = strdup(text)) == NULL)
		return;
	p->severity = severity;
	p->when = when;
	lg->nstatus++;
	if (!evtimer_pending(lg->ev_status, NULL))
		evtimer_add(lg->ev_status, &tv);
}

void
logger_status(struct logger *lg, int severity, const char *text)
{
	logger_status_at(lg, severity, (int64_t)time(NULL), text);
}

void
status_due(evutil_socket_t fd, short events, void *arg)
{
	struct logger *lg = arg;
	struct timeval tv = { 1, 0 };

	(void)fd;
	(void)events;
	if (batch_status(lg) == -1) {
		evtimer_add(lg->ev_status, &tv);
		return;
	}
	spool_flush(lg);
}

