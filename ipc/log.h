/*
 * Logging shared by every process, in the OpenBSD daemons' manner:
 * log_warn()/log_warnx() for operational trouble (with and without
 * errno), log_info()/log_debug() for the rest, fatal()/fatalx() for the
 * impossible.  Where lines go is set once per process: privd writes them
 * to stderr (and later the status log); a child hands them to privd with
 * MSG_LOG, or writes stderr when it is the shell's worker.
 */
#ifndef HOSTQL_IPC_LOG_H
#define HOSTQL_IPC_LOG_H

#include <stdarg.h>

#include "catalogue.h"

typedef void (*log_sink_fn)(void *arg, int level, const char *line);

void	log_init(const char *procname, int verbose);
void	log_set_sink(log_sink_fn, void *arg);
void	log_stderr_sink(void *arg, int level, const char *line);
int	log_verbose(void);

void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
void	fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	fatalx(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
