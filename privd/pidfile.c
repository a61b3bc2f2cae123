/*
 * The pidfile: created, locked for the daemon's whole life, and holding
 * its pid.  A second hostqld finds the lock taken and names the pid that
 * holds it.  The lock, not the file's presence, is what counts: a pidfile
 * left by a crash is simply taken over.
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

int
pidfile_take(const char *path)
{
	char buf[32] = "";
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0644)) == -1) {
		log_warn("pidfile %s", path);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		n = pread(fd, buf, sizeof(buf) - 1, 0);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		log_warnx("another hostqld is running (pid %s, pidfile %s)",
		    buf[0] != '\0' ? buf : "?", path);
		close(fd);
		return -1;
	}
	return fd;
}

/* Write our pid once we know it (after daemonizing). */
int
pidfile_write(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());

	if (ftruncate(fd, 0) == -1 || pwrite(fd, buf, (size_t)n, 0) != n) {
		log_warn("writing the pidfile");
		return -1;
	}
	return 0;
}
