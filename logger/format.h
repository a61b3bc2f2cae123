/*
 * Log lines in osquery's formats, so that the pipelines reading osquery's
 * logs take ours as they are: result lines (one per added or removed row,
 * or one per run with "diffResults"), snapshot lines, status lines.  Each
 * is one compact JSON object, without a newline, malloc'd.
 */
#ifndef HOSTQL_LOGGER_FORMAT_H
#define HOSTQL_LOGGER_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "rset.h"

struct decoration {
	char	*key;
	char	*value;
};

struct line_meta {
	const char			*name;
	const char			*host;
	int64_t				 unix_time;
	uint64_t			 epoch;
	uint64_t			 counter;
	int				 numerics;	/* numbers as numbers */
	const struct decoration		*decorations;
	size_t				 ndecorations;
	int				 decorations_top_level;
	/* calendarTime of unix_time, made once per batch; NULL: here. */
	const char			*calendar;
};

char	*format_event(const struct line_meta *, const struct rset *,
	    size_t row, const char *action);
char	*format_batch(const struct line_meta *, const struct rset *old,
	    const struct rset *new, const struct rset_diff *);
char	*format_snapshot(const struct line_meta *, const struct rset *);
char	*format_status(const char *host, int64_t unix_time, int severity,
	    const char *text, const struct decoration *, size_t ndecorations);

/* "Mon May  2 22:27:32 2016 UTC", as osquery writes calendarTime. */
void	format_calendar_time(int64_t unix_time, char *buf, size_t len);

#endif
