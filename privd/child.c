/*
 * Starting, watching and killing children.  A child's exit is seen
 * through its pidfd in the event loop; a child that breaks the protocol
 * is killed at once and started again while the restart budget lasts.
 */
#include <sys/syscall.h>
#include <sys/wait.h>

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "../sandbox/sandbox.h"
#include "paths.h"
#include "privd.h"

static void child_exited(evutil_socket_t, short, void *);

static void
child_readable(evutil_socket_t fd, short events, void *arg)
{
	(void)fd;
	(void)events;
	dispatch_child(arg);
}

static void
child_forget(struct child *c)
{
	if (c->ev_chan != NULL) {
		event_free(c->ev_chan);
		c->ev_chan = NULL;
	}
	if (c->ev_exit != NULL) {
		event_free(c->ev_exit);
		c->ev_exit = NULL;
	}
	if (c->chan.fd != -1)
		close(c->chan.fd);
	if (c->pidfd != -1)
		close(c->pidfd);
	c->chan.fd = -1;
	c->pidfd = -1;
	c->pid = -1;
}

void
child_init(struct child *c, enum ipc_role role, const char *name)
{
	memset(c, 0, sizeof(*c));
	c->pid = -1;
	c->pidfd = -1;
	c->chan.fd = -1;
	c->role = role;
	c->name = name;
}

char *
child_default_path(const char *program)
{
	char self[PATH_MAX], *path;
	ssize_t n;

	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		if (asprintf(&path, "%s/%s", dirname(self), program) == -1)
			fatal("path");
		if (access(path, X_OK) == 0)
			return path;
		free(path);
	}
	if (asprintf(&path, "%s/%s", HOSTQL_LIBEXECDIR, program) == -1)
		fatal("path");
	return path;
}

int
child_start(struct privd *pd, struct child *c)
{
	char gen[16];
	int sv[2];

	c->pd = pd;
	c->said_hello = 0;
	c->violated = 0;
	if (chan_socketpair(sv) == -1)
		return -1;
	/* Which start this is, for a test's hostile worker. */
	snprintf(gen, sizeof(gen), "%u", c->generation);
	if (setenv("HOSTQL_GENERATION", gen, 1) == -1)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &c->started);
	c->pid = sandbox_spawn(c->path, c->argv, &sv[1], 1);
	close(sv[1]);
	if (c->pid == -1) {
		close(sv[0]);
		return -1;
	}
	if ((c->pidfd = (int)syscall(SYS_pidfd_open, c->pid, 0)) == -1)
		fatal("pidfd_open");
	if (evutil_make_socket_nonblocking(sv[0]) == -1)
		fatal("nonblocking channel");
	chan_init(&c->chan, sv[0], CHAN_FDS);
	c->ev_chan = event_new(pd->base, sv[0], EV_READ | EV_PERSIST,
	    child_readable, c);
	c->ev_exit = event_new(pd->base, c->pidfd, EV_READ, child_exited, c);
	if (c->ev_chan == NULL || c->ev_exit == NULL ||
	    event_add(c->ev_chan, NULL) == -1 ||
	    event_add(c->ev_exit, NULL) == -1)
		fatalx("cannot watch the %s", c->name);
	log_debug("started %s, pid %d", c->name, (int)c->pid);
	return 0;
}

void
child_kill(struct child *c, const char *why)
{
	if (c->pid == -1 || c->violated)
		return;
	log_warnx("%s (pid %d): %s; killing it", c->name, (int)c->pid, why);
	c->violated = 1;
	kill(c->pid, SIGKILL);
	if (c->ev_chan != NULL)
		event_del(c->ev_chan);
}

/* The child's status as the command's: a worker that died ran no query
 * to its end, which is a failed query. */
static int
exit_status_of(const siginfo_t *si)
{
	return si->si_code == CLD_EXITED ? si->si_status : 1;
}

static void
child_exited(evutil_socket_t fd, short events, void *arg)
{
	struct child *c = arg;
	siginfo_t si;

	(void)events;
	memset(&si, 0, sizeof(si));
	if (waitid((idtype_t)P_PIDFD, (id_t)fd, &si, WEXITED) == -1)
		fatal("waitid");
	if (si.si_code != CLD_EXITED && !c->violated)
		log_warnx("%s (pid %d) died of signal %d%s", c->name,
		    (int)c->pid, si.si_status, si.si_status == SIGSYS ?
		    " (a call outside its seccomp allowlist)" : "");
	child_forget(c);
	c->pd->child_gone(c, &si);
}

/* The shell: the worker's end is the command's, unless it was killed
 * and restarts are left (the tests' hostile workers). */
void
child_shell_gone(struct child *c, const siginfo_t *si)
{
	struct privd *pd = c->pd;

	pd->exit_status = c->violated ? 1 : exit_status_of(si);
	if (si->si_code == CLD_EXITED && !c->violated) {
		event_base_loopexit(pd->base, NULL);
		return;
	}
	if (pd->restarts_left <= 0) {
		event_base_loopexit(pd->base, NULL);
		return;
	}
	pd->restarts_left--;
	c->generation++;
	if (child_start(pd, c) == -1) {
		log_warn("restarting the %s", c->name);
		event_base_loopexit(pd->base, NULL);
	}
}
