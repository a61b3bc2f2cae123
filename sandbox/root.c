/*
 * An empty, read-only root: a private mount namespace with a tiny tmpfs
 * mounted over a directory that exists everywhere, and chroot into it.
 * Run by a normal user, a user namespace is made first, which is what
 * lets an unprivileged process mount and chroot at all.
 */
#include <sys/mount.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"

/* Any of these will do as the mount point; none is touched outside the
 * child's own mount namespace. */
static const char *const mount_points[] = { "/tmp", "/mnt", "/run", "/" };

static int
write_file(const char *path, const char *text)
{
	ssize_t n;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Map our own ids to themselves: no root inside the namespace either. */
static int
map_own_ids(uid_t uid, gid_t gid)
{
	char map[64];

	if (write_file("/proc/self/setgroups", "deny") == -1)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1", (unsigned)uid, (unsigned)uid);
	if (write_file("/proc/self/uid_map", map) == -1)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1", (unsigned)gid, (unsigned)gid);
	return write_file("/proc/self/gid_map", map);
}

static const char *
pick_mount_point(void)
{
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof(mount_points) / sizeof(mount_points[0]); i++)
		if (stat(mount_points[i], &st) == 0 && S_ISDIR(st.st_mode))
			return mount_points[i];
	return NULL;
}

int
sandbox_empty_root(void)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	const char *dir;
	int flags = CLONE_NEWNS;

	if (geteuid() != 0)
		flags |= CLONE_NEWUSER;
	if (unshare(flags) == -1)
		return -1;
	if ((flags & CLONE_NEWUSER) && map_own_ids(uid, gid) == -1)
		return -1;
	/* Nothing done below may reach the host's mount table. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
		return -1;
	if ((dir = pick_mount_point()) == NULL) {
		errno = ENOENT;
		return -1;
	}
	if (mount("hostql-empty", dir, "tmpfs", MS_RDONLY | MS_NOSUID |
	    MS_NODEV | MS_NOEXEC, "size=4k,mode=0555") == -1)
		return -1;
	if (chroot(dir) == -1 || chdir("/") == -1)
		return -1;
	return 0;
}
