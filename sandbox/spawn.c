/* Start a child as a fresh image with only its channels open. */
#include <sys/prctl.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/chan.h"
#include "sandbox.h"

/* What a child inherits of the environment: the terminal, the locale, the
 * time zone, the home for the shell's history, the sanitizers' options. */
static const char *const env_keep[] = {
	"TERM", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "COLUMNS",
	"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "HOSTQL_GENERATION",
	NULL
};

static char **
child_environment(void)
{
	const char *const *k;
	char **env, *v;
	size_t n = 0;

	env = calloc(sizeof(env_keep) / sizeof(env_keep[0]), sizeof(*env));
	if (env == NULL)
		return NULL;
	for (k = env_keep; *k != NULL; k++) {
		if ((v = getenv(*k)) == NULL)
			continue;
		if (asprintf(&env[n], "%s=%s", *k, v) == -1) {
			env[n] = NULL;
			break;
		}
		n++;
	}
	return env;
}

static void
free_environment(char **env)
{
	size_t i;

	for (i = 0; env[i] != NULL; i++)
		free(env[i]);
	free(env);
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child_setup(const int *chan_fds, int nchan)
{
	int i, moved[8];

	/* Move the channels out of the way first, so that placing one at
	 * its fixed number cannot close another; dup2 also clears the
	 * close-on-exec flag of the copy. */
	for (i = 0; i < nchan && i < 8; i++)
		if ((moved[i] = fcntl(chan_fds[i], F_DUPFD, 100)) == -1)
			_exit(127);
	for (i = 0; i < nchan && i < 8; i++)
		if (dup2(moved[i], CHAN_FD_PRIVD + i) == -1)
			_exit(127);
	if (close_range(CHAN_FD_PRIVD + (unsigned int)nchan, ~0U, 0) == -1)
		_exit(127);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		_exit(127);
}

pid_t
sandbox_spawn(const char *path, char *const argv[], const int *chan_fds,
    int nchan)
{
	pid_t pid;
	char **env;

	if ((env = child_environment()) == NULL)
		return -1;
	if ((pid = fork()) == 0) {
		child_setup(chan_fds, nchan);
		execve(path, argv, env);
		_exit(127);
	}
	free_environment(env);
	return pid;
}
