/*
 * spawn: hold N extra idle processes for as long as this one lives.
 *
 * usage: spawn N
 *
 * Forks N children that block in pause(), prints how many it could start
 * on stdout, then waits.  Each child is bound to this process by a
 * parent-death signal (SIGKILL), and this process to its own parent the
 * same way, so however the benchmark ends (normal exit, ^C, kill -9 of
 * either) no child outlives it: killing this one process is the whole
 * cleanup.  Forking stops early, without failing, when the system refuses
 * more processes (ulimit -u, a pids cgroup, pid_max); the count printed
 * says how many there are.
 *
 * This is C, not a script, because a fork of a small static image costs a
 * tenth of a millisecond where an interpreter's costs several.
 */

#include <sys/prctl.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
die_with(pid_t parent)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		_exit(1);
	/* The parent may have gone before the signal was armed. */
	if (getppid() != parent)
		_exit(0);
}

static void
idle_forever(void)
{
	for (;;)
		pause();
}

static long
spawn_idle(long n)
{
	pid_t	 self = getpid();
	long	 i;

	for (i = 0; i < n; i++) {
		pid_t	 pid = fork();

		if (pid == -1)
			break;
		if (pid == 0) {
			die_with(self);
			idle_forever();
		}
	}
	return i;
}

int
main(int argc, char **argv)
{
	char	*end;
	long	 n;

	if (argc != 2) {
		fprintf(stderr, "usage: spawn N\n");
		return 64;
	}
	n = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || n < 0 || n > 1000000) {
		fprintf(stderr, "spawn: bad count: %s\n", argv[1]);
		return 64;
	}
	die_with(getppid());
	printf("%ld\n", spawn_idle(n));
	fflush(stdout);
	idle_forever();
}
