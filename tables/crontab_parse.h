/*
 * Pure parser of crontab(5) lines, the system's (/etc/crontab,
 * /etc/cron.d/, with a user field) and the users' (without one): five
 * time fields and a command, or an @event and a command.
 */
#ifndef HOSTQL_TABLES_CRONTAB_PARSE_H
#define HOSTQL_TABLES_CRONTAB_PARSE_H

#include "textparse.h"

/* Spans into the line; the fields a line does not have are empty. */
struct cron_line {
	struct span	event;		/* "@reboot", "@daily" ... */
	struct span	minute;
	struct span	hour;
	struct span	day_of_month;
	struct span	month;
	struct span	day_of_week;
	struct span	command;	/* the rest of the line as written (a
					 * system crontab's user field first) */
};

/*
 * 0 for a job, -1 for a line that is none: blank, a comment, an
 * environment setting (NAME=value, spaces allowed around '='), or one
 * whose fields end before its command.
 */
int	crontab_parse_line(struct span, struct cron_line *);

#endif
