/*
 * The worker's seccomp allowlist.  Anything not listed kills the process:
 * there is no open, openat, socket, connect, execve, ptrace, mount, kill
 * or anything else that reaches outside.  Data comes in and goes out only
 * through descriptors the worker already holds.  Built with
 * HOSTQL_SECCOMP_LOG, a call outside the list is logged by the kernel
 * (audit) instead, for finding what a change needs.
 */
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <seccomp.h>
#include <termios.h>

#include "sandbox.h"

/* Memory, signals, time, the channels, the terminal, exiting. */
static const int worker_syscalls[] = {
	SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev),
	SCMP_SYS(pread64), SCMP_SYS(lseek), SCMP_SYS(close),
	SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(statx),
	SCMP_SYS(sendmsg), SCMP_SYS(recvmsg), SCMP_SYS(sendto),
	SCMP_SYS(recvfrom),
	SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select),
	SCMP_SYS(pselect6), SCMP_SYS(epoll_create1), SCMP_SYS(epoll_ctl),
	SCMP_SYS(epoll_wait), SCMP_SYS(epoll_pwait),
	SCMP_SYS(brk), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(madvise),
	SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(rseq),
	SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack),
	SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
	SCMP_SYS(gettimeofday), SCMP_SYS(time), SCMP_SYS(nanosleep),
	SCMP_SYS(clock_nanosleep),
	SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(getppid),
	SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid),
	SCMP_SYS(getegid), SCMP_SYS(getrusage), SCMP_SYS(sysinfo),
	SCMP_SYS(uname), SCMP_SYS(getrandom), SCMP_SYS(sched_yield),
	SCMP_SYS(sched_getaffinity), SCMP_SYS(prlimit64),
	SCMP_SYS(exit), SCMP_SYS(exit_group),
};

/*
 * The logger's files: its store and logs, beneath the two directory
 * descriptors privd gave it (its root is empty, so a path that does not
 * start at one of them reaches nothing), fsynced, rotated, locked.
 */
static const int logger_syscalls[] = {
	SCMP_SYS(openat), SCMP_SYS(fsync), SCMP_SYS(fdatasync),
	SCMP_SYS(ftruncate), SCMP_SYS(pwrite64), SCMP_SYS(renameat),
	SCMP_SYS(renameat2), SCMP_SYS(unlinkat), SCMP_SYS(faccessat),
	SCMP_SYS(faccessat2), SCMP_SYS(fchmod), SCMP_SYS(fcntl),
};

/* ioctls the shell's line editor makes on its terminal. */
static const unsigned long tty_ioctls[] = {
	TCGETS, TCSETS, TCSETSW, TCSETSF, TIOCGWINSZ, TIOCGPGRP, FIONREAD,
};

static int
allow_memory_maps(scmp_filter_ctx ctx)
{
	/* Data only: no new executable mappings. */
	if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1,
	    SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) < 0)
		return -1;
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1,
	    SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)) < 0 ? -1 : 0;
}

static int
allow_fcntl_and_ioctl(scmp_filter_ctx ctx)
{
	size_t i;

	if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(fcntl), 1,
	    SCMP_A1(SCMP_CMP_EQ, F_GETFL, 0)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(fcntl), 1,
	    SCMP_A1(SCMP_CMP_EQ, F_SETFL, 0)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(fcntl), 1,
	    SCMP_A1(SCMP_CMP_EQ, F_GETFD, 0)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(fcntl), 1,
	    SCMP_A1(SCMP_CMP_EQ, F_SETFD, 0)) < 0)
		return -1;
	for (i = 0; i < sizeof(tty_ioctls) / sizeof(tty_ioctls[0]); i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1,
		    SCMP_A1(SCMP_CMP_EQ, tty_ioctls[i], 0)) < 0)
			return -1;
	/* abort() signals itself; nothing else may be signalled. */
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 0) < 0 ?
	    -1 : 0;
}

static int
allow_all(scmp_filter_ctx ctx, const int *calls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, calls[i], 0) < 0)
			return -1;
	return 0;
}

int
sandbox_seccomp(enum sandbox_profile profile)
{
	scmp_filter_ctx ctx;
	int rc = -1;

#ifdef HOSTQL_SECCOMP_LOG
	ctx = seccomp_init(SCMP_ACT_LOG);
#else
	ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
#endif
	if (ctx == NULL)
		return -1;
	if (profile != SANDBOX_WORKER && profile != SANDBOX_LOGGER)
		goto out;
	if (allow_all(ctx, worker_syscalls, sizeof(worker_syscalls) /
	    sizeof(worker_syscalls[0])) == -1)
		goto out;
	if (profile == SANDBOX_LOGGER && allow_all(ctx, logger_syscalls,
	    sizeof(logger_syscalls) / sizeof(logger_syscalls[0])) == -1)
		goto out;
	if (allow_memory_maps(ctx) == -1 || allow_fcntl_and_ioctl(ctx) == -1)
		goto out;
	rc = seccomp_load(ctx) < 0 ? -1 : 0;
out:
	seccomp_release(ctx);
	if (rc == -1 && errno == 0)
		errno = EINVAL;
	return rc;
}
