/*
 * Resource limits and the process flags that close the remaining doors:
 * no new privileges through exec, not dumpable (no ptrace, no core, no
 * /proc/<pid>/mem for others), and death when privd dies.
 */
#include <sys/prctl.h>
#include <sys/resource.h>

#include <signal.h>
#include <unistd.h>

#include "sandbox.h"

#define CHILD_MAX_FILES		32
#define CHILD_MAX_ADDRESS	(2048UL << 20)

static int
limit(int resource, rlim_t value)
{
	struct rlimit rl = { .rlim_cur = value, .rlim_max = value };

	return setrlimit(resource, &rl);
}

int
sandbox_set_limits(int file_writes)
{
	if (limit(RLIMIT_NOFILE, CHILD_MAX_FILES) == -1 ||
	    limit(RLIMIT_CORE, 0) == -1 ||
	    limit(RLIMIT_MEMLOCK, 0) == -1)
		return -1;
#ifndef HOSTQL_SANITIZED
	/* LeakSanitizer starts a tracer process at exit. */
	if (limit(RLIMIT_NPROC, 0) == -1)
		return -1;
#endif
	/* The shell's worker writes to the stdout it inherited, which may be
	 * a file; every other child writes no file at all. */
	if (!file_writes && limit(RLIMIT_FSIZE, 0) == -1)
		return -1;
#ifndef HOSTQL_SANITIZED
	/* AddressSanitizer reserves terabytes of address space up front. */
	if (limit(RLIMIT_AS, CHILD_MAX_ADDRESS) == -1)
		return -1;
#endif
	return 0;
}

int
sandbox_lock_process(void)
{
	pid_t parent = getppid();

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
#ifndef HOSTQL_SANITIZED
	/* LeakSanitizer's tracer must be able to attach to us. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1)
		return -1;
#endif
	/* Changing ids cleared the parent-death signal: set it again, then
	 * make sure the parent did not die in between. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == -1)
		return -1;
	if (getppid() != parent || parent == 1)
		_exit(1);
	return 0;
}
