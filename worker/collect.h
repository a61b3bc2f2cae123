/*
 * The worker's side of privd's collector primitives.
 *
 * Each call sends one request and blocks until privd's MSG_END for it.
 * A call returns 0 or a negative errno: -EACCES when the policy refused
 * the request, -ENOENT and the like when the OS did.  A protocol error
 * (privd sent something unexpected) is fatal for the worker, which is
 * then restarted: the worker never guesses.
 */
#ifndef HOSTQL_WORKER_COLLECT_H
#define HOSTQL_WORKER_COLLECT_H

#include <stddef.h>
#include <stdint.h>

#include "../ipc/catalogue.h"

struct collect;

/* Stat fields as privd sends them (MSG_STAT_INFO). */
struct hq_stat {
	uint64_t	dev;
	uint64_t	ino;
	uint32_t	mode;
	uint32_t	nlink;
	uint32_t	uid;
	uint32_t	gid;
	uint64_t	rdev;
	int64_t		size;
	int64_t		blksize;
	int64_t		blocks;
	int64_t		atime;
	int64_t		mtime;
	int64_t		ctime;
	int64_t		btime;		/* -1 when unknown */
};

/* Read a whole file of at most cap bytes into *data (malloc'd, with a NUL
 * after the last byte so text parsers can rely on it).  A larger file is
 * cut at cap. */
int	collect_read_file(struct collect *, const char *path, size_t cap,
	    char **data, size_t *len);

/* Open a file read-only in privd and receive the descriptor. */
int	collect_open_file(struct collect *, const char *path, int *fd);

/* List a directory; cb returns 0 to go on, non-zero to stop early. */
typedef int (*collect_dirent_fn)(void *arg, const char *name,
    unsigned int d_type, uint64_t ino);
int	collect_list_dir(struct collect *, const char *path,
	    collect_dirent_fn, void *arg);

int	collect_stat(struct collect *, const char *path, int follow,
	    struct hq_stat *);
int	collect_readlink(struct collect *, const char *path, char *buf,
	    size_t len);

/*
 * Read files of many processes in one batch.  kinds is a mask of
 * PROC_KIND_BIT(enum proc_kind).  npids 0 means every process.  cb is
 * called once per (pid, kind) with the whole file (err 0) or the errno
 * privd met (data NULL); it returns 0 to go on.  Files of one pid arrive
 * together, pids in ascending order.
 */
typedef int (*collect_proc_fn)(void *arg, int32_t pid, unsigned int kind,
    int err, const char *data, size_t len);
int	collect_proc_read(struct collect *, const int32_t *pids,
	    size_t npids, uint32_t kinds, collect_proc_fn, void *arg);

/* statfs(2) of the filesystem a path is on (policy: stat). */
struct hq_statfs {
	uint64_t	type;		/* f_type magic */
	uint64_t	bsize;
	uint64_t	blocks;
	uint64_t	bfree;
	uint64_t	bavail;
	uint64_t	files;
	uint64_t	ffree;
	uint64_t	flags;		/* ST_RDONLY, ST_NOSUID ... */
	uint64_t	namelen;
};
int	collect_statfs(struct collect *, const char *path, struct hq_statfs *);

/*
 * Dump one legacy iptables table (policy: iptables TABLE...).  family is
 * AF_INET or AF_INET6.  *data (malloc'd) holds the kernel's struct
 * ipt_getinfo (ip6t_getinfo) as getsockopt(IPT_SO_GET_INFO) filled it,
 * directly followed by struct ipt_get_entries (ip6t_get_entries) with
 * its entries as getsockopt(IPT_SO_GET_ENTRIES) returned them.  -ENOENT
 * when the table does not exist, -ENOPROTOOPT when the kernel has no
 * legacy iptables loaded.
 */
int	collect_iptables(struct collect *, int family, const char *table,
	    char **data, size_t *len);

/* Run a netlink dump in privd; cb gets each buffer of whole netlink
 * messages as the kernel sent them. */
typedef int (*collect_netlink_fn)(void *arg, const void *buf, size_t len);
int	collect_netlink_dump(struct collect *, enum nl_kind, int family,
	    int protocol, collect_netlink_fn, void *arg);

#endif
