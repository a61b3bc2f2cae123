/*
 * The daemon's state in privd: one per hostqld, hung off struct privd.
 * daemon.c keeps the children alive, daemon_main.c starts and stops the
 * whole, setup.c prepares the directories and the logger, status.c
 * carries status lines to the logger, watchdog.c enforces the limits.
 */
#ifndef HOSTQL_PRIVD_DAEMON_H
#define HOSTQL_PRIVD_DAEMON_H

#include <time.h>

#include "../ipc/flags.h"
#include "privd.h"

#define DENYLIST_MAX		64
#define DENYLIST_SECONDS	86400
#define STATUS_QUEUE_MAX	256

struct lifecycle {
	int		 short_lives;	/* deaths in a row soon after start */
	struct event	*ev_restart;
};

struct denied {
	char		 name[256];
	time_t		 until;
};

/* The file in the state directory that keeps the denylist across
 * restarts: at most DENYLIST_MAX lines "<until> <name>\n", each of at
 * most 19 digits and a space, and a name whose room has one byte for the
 * newline. */
#define DENYLIST_FILE		"denylist"
#define DENYLIST_FILE_MAX	(DENYLIST_MAX * (20 + \
				    sizeof(((struct denied *)0)->name)))

/* What the watchdog knows of one child. */
struct watch {
	pid_t		 pid;		/* measured: a restart starts over */
	uint64_t	 cpu_ns;	/* at the last check */
	uint64_t	 rss_start;	/* bytes, at the first check */
	int		 over;		/* checks in a row over the CPU limit */
	int		 measured;
};

struct status_line {
	int		 severity;
	time_t		 when;
	char		*text;
};

struct daemon {
	struct privd		*pd;
	struct dflag_values	 flags;
	char			**worker_argv;
	char			*logger_argv[2];
	int			 pidfd;
	int			 foreground;	/* stderr is the operator's */
	unsigned char		 sk[KEY_SECRET_LEN];
	unsigned char		 pk[KEY_PUBLIC_LEN];
	char			 host_identifier[256];
	struct lifecycle	 life[2];	/* worker, logger */
	int			 stopping;
	struct event		*ev_sig[4];
	struct event		*ev_stop_grace;
	char			 running[256];	/* the worker's query */
	char			 breach[256];	/* why the watchdog killed it */
	struct denied		 denied[DENYLIST_MAX];
	size_t			 ndenied;
	struct event		*ev_watchdog;
	struct watch		 watch[2];	/* worker, logger */
	time_t			 started;
	struct status_line	 queue[STATUS_QUEUE_MAX];
	size_t			 nqueued;
	unsigned long		 status_dropped;
	int			 status_busy;	/* sending one now */
};

/* daemon.c */
int	daemon_start_worker(struct daemon *);
int	daemon_start_logger(struct daemon *);
void	daemon_child_restart(struct child *);

/* daemon_main.c */
void	daemon_stop(struct daemon *);
void	daemon_stop_step(struct daemon *);

/* denylist.c */
int	denylist_parse(const char *buf, size_t len, time_t now,
	    struct denied *out, size_t max, size_t *n, char *err,
	    size_t errlen);
int	denylist_format(const struct denied *, size_t n, time_t now,
	    char *buf, size_t size, size_t *len);
int	denylist_read(int dirfd, time_t now, struct denied *out, size_t max,
	    size_t *n, char *err, size_t errlen);
int	denylist_write(int dirfd, const struct denied *, size_t n,
	    time_t now);
void	denylist_load(struct daemon *);
void	denylist_save(struct daemon *);

/* setup.c */
int	setup_directories(struct daemon *);
int	logger_setup(struct daemon *);
void	setup_host_identifier(struct daemon *);

/* status.c */
void	status_sink(void *arg, int level, const char *line);
void	status_flush(struct daemon *);

/* watchdog.c */
void	watchdog_start(struct daemon *);

#endif
