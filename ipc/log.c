/* Process-wide logging; see log.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

/* The one piece of logging state of a process, set at start. */
static struct {
	const char	*procname;
	int		 verbose;
	log_sink_fn	 sink;
	void		*arg;
} logstate = { "hostql", 0, log_stderr_sink, NULL };

void
log_init(const char *procname, int verbose)
{
	logstate.procname = procname;
	logstate.verbose = verbose;
}

void
log_set_sink(log_sink_fn sink, void *arg)
{
	logstate.sink = sink;
	logstate.arg = arg;
}

int
log_verbose(void)
{
	return logstate.verbose;
}

void
log_stderr_sink(void *arg, int level, const char *line)
{
	(void)arg;
	(void)level;
	fprintf(stderr, "%s: %s\n", logstate.procname, line);
}

static void
vlog(int level, int with_errno, int saved_errno, const char *fmt,
    va_list ap)
{
	char line[IPC_MAX_LOGTEXT + 1];
	size_t n;

	if (level == IPC_LOG_DEBUG && logstate.verbose < 2)
		return;
	if (level == IPC_LOG_INFO && logstate.verbose < 1)
		return;
	vsnprintf(line, sizeof(line), fmt, ap);
	if (with_errno) {
		n = strlen(line);
		snprintf(line + n, sizeof(line) - n, ": %s",
		    strerror(saved_errno));
	}
	logstate.sink(logstate.arg, level, line);
}

#define LOG_BODY(level, with_errno) do {		\
	int saved_errno = errno;			\
	va_list ap;					\
	va_start(ap, fmt);				\
	vlog(level, with_errno, saved_errno, fmt, ap);	\
	va_end(ap);					\
	errno = saved_errno;				\
} while (0)

void log_warn(const char *fmt, ...) { LOG_BODY(IPC_LOG_WARNING, 1); }
void log_warnx(const char *fmt, ...) { LOG_BODY(IPC_LOG_WARNING, 0); }
void log_info(const char *fmt, ...) { LOG_BODY(IPC_LOG_INFO, 0); }
void log_debug(const char *fmt, ...) { LOG_BODY(IPC_LOG_DEBUG, 0); }

void
fatal(const char *fmt, ...)
{
	LOG_BODY(IPC_LOG_ERR, 1);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	LOG_BODY(IPC_LOG_ERR, 0);
	exit(1);
}
