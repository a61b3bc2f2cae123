/*
 * Starting and confining a child.  privd calls sandbox_spawn(); the child,
 * once it has loaded what it needs, calls sandbox_enter(), which takes the
 * steps of the design in order: an empty root, its own user with ids that
 * cannot come back, rlimits, no_new_privs, not dumpable, death with its
 * parent, and the seccomp filter last.  One file per mechanism:
 * spawn.c, root.c (chroot, namespaces), ids.c, limits.c, seccomp.c.
 */
#ifndef HOSTQL_SANDBOX_H
#define HOSTQL_SANDBOX_H

#include <sys/types.h>

#define WORKER_USER	"_hostql"	/* runs the worker */
#define LOGGER_USER	"_hostql-log"	/* runs the logger */

/* Which seccomp allowlist a child gets. */
enum sandbox_profile {
	SANDBOX_WORKER,
	SANDBOX_LOGGER,		/* the worker's, plus files beneath the
				 * directories it holds */
};

struct sandbox_opts {
	const char		*user;		/* WORKER_USER ... */
	enum sandbox_profile	 profile;
	int			 file_writes;	/* may write regular files
						 * (the shell's stdout, its
						 * history) */
};

/* Fork and exec path with argv; in the child the channel descriptors
 * become fds 3, 4, ... and every other descriptor but 0-2 is closed.
 * Returns the pid, or -1. */
pid_t	sandbox_spawn(const char *path, char *const argv[],
	    const int *chan_fds, int nchan);

/* The ids a child of this user runs as: the user's when we are root
 * (nobody, with a warning, when it does not exist), else our own. */
void	sandbox_user_ids(const char *name, uid_t *uid, gid_t *gid);

/* Confine the calling process for good; fatal on any failure. */
void	sandbox_enter(const struct sandbox_opts *);

/* The steps, for sandbox_enter() and the tests. */
int	sandbox_empty_root(void);
int	sandbox_drop_ids(uid_t, gid_t);
int	sandbox_set_limits(int file_writes);
int	sandbox_lock_process(void);
int	sandbox_seccomp(enum sandbox_profile);

#endif
