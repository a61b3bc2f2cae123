/*
 * SQLite in the state directory, from inside the sandbox.  The logger's
 * root is an empty directory; its state directory is a descriptor privd
 * handed over.  SQLite's unix VFS lets a program replace the system calls
 * it makes, and that is all this file does: the current directory is "/",
 * and "/name" means "name" beneath the state directory's descriptor.
 * Nothing else is reachable: a path with a second '/' does not exist.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "logger.h"

/* The one piece of state SQLite's replaced calls need: set once. */
static int state_dirfd = -1;

/* "/name" -> "name", "/" -> "."; NULL for anything else. */
static const char *
beneath(const char *path)
{
	if (path == NULL || path[0] != '/')
		return NULL;
	if (path[1] == '\0')
		return ".";
	return strchr(path + 1, '/') == NULL ? path + 1 : NULL;
}

static int
vfs_open(const char *path, int flags, int mode)
{
	const char *name = beneath(path);

	if (name == NULL) {
		errno = ENOENT;
		return -1;
	}
	return openat(state_dirfd, name, flags | O_CLOEXEC | O_NOFOLLOW,
	    (mode_t)mode);
}

static int
vfs_access(const char *path, int how)
{
	const char *name = beneath(path);

	if (name == NULL) {
		errno = ENOENT;
		return -1;
	}
	return faccessat(state_dirfd, name, how, 0);
}

static char *
vfs_getcwd(char *buf, size_t len)
{
	if (len < 2) {
		errno = ERANGE;
		return NULL;
	}
	memcpy(buf, "/", 2);
	return buf;
}

static int
vfs_stat(const char *path, struct stat *st)
{
	const char *name = beneath(path);

	if (name == NULL) {
		errno = ENOENT;
		return -1;
	}
	return fstatat(state_dirfd, name, st, 0);
}

static int
vfs_lstat(const char *path, struct stat *st)
{
	const char *name = beneath(path);

	if (name == NULL) {
		errno = ENOENT;
		return -1;
	}
	return fstatat(state_dirfd, name, st, AT_SYMLINK_NOFOLLOW);
}

static int
vfs_unlink(const char *path)
{
	const char *name = beneath(path);

	if (name == NULL) {
		errno = ENOENT;
		return -1;
	}
	return unlinkat(state_dirfd, name, 0);
}

static ssize_t
vfs_readlink(const char *path, char *buf, size_t len)
{
	(void)path;
	(void)buf;
	(void)len;
	errno = EINVAL;		/* nothing here is a link */
	return -1;
}

int
statevfs_install(int dirfd)
{
	sqlite3_vfs *vfs = sqlite3_vfs_find("unix");
	static const struct {
		const char		*name;
		sqlite3_syscall_ptr	 fn;
	} calls[] = {
		{ "open", (sqlite3_syscall_ptr)vfs_open },
		{ "access", (sqlite3_syscall_ptr)vfs_access },
		{ "getcwd", (sqlite3_syscall_ptr)vfs_getcwd },
		{ "stat", (sqlite3_syscall_ptr)vfs_stat },
		{ "lstat", (sqlite3_syscall_ptr)vfs_lstat },
		{ "unlink", (sqlite3_syscall_ptr)vfs_unlink },
		{ "readlink", (sqlite3_syscall_ptr)vfs_readlink },
	};
	size_t i;

	if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL)
		return -1;
	state_dirfd = dirfd;
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (vfs->xSetSystemCall(vfs, calls[i].name, calls[i].fn) !=
		    SQLITE_OK)
			return -1;
	return 0;
}
