/*
 * /proc/sysvipc/shm: the System V shared memory segments of the IPC
 * namespace, a header line then one line per segment,
 *
 *	key shmid perms size cpid lpid nattch uid gid cuid cgid
 *	atime dtime ctime [rss swap]
 *
 * all decimal but perms, which is the octal ipc_perm mode with the
 * segment's SHM_DEST and SHM_LOCKED flags in it.
 */
#ifndef HOSTQL_TABLES_SYSVIPC_H
#define HOSTQL_TABLES_SYSVIPC_H

#include <stddef.h>
#include <stdint.h>

#define SYSVIPC_SHM_DEST	01000	/* marked for removal */
#define SYSVIPC_SHM_LOCKED	02000	/* locked in memory */

struct sysvipc_shm {
	int64_t		key;
	int64_t		shmid;
	uint32_t	mode;
	uint64_t	size;
	int64_t		cpid;
	int64_t		lpid;
	uint64_t	nattch;
	int64_t		uid;
	int64_t		gid;
	int64_t		cuid;
	int64_t		cgid;
	int64_t		atime;
	int64_t		dtime;
	int64_t		ctime;
};

/*
 * The segment on the next line of buf from *off: 1 with *shm set, 0 at
 * the end, -1 when that line is malformed (*off is past it).  The header
 * line is skipped.
 */
int	sysvipc_shm_next(const char *buf, size_t len, size_t *off,
	    struct sysvipc_shm *shm);

#endif
