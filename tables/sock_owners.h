/*
 * Which processes hold which sockets: the socket:[inode] links of
 * /proc/<pid>/fd (PROC_FDS), kept sorted by inode so that each socket of
 * a dump finds its holders by binary search.  A socket shared by several
 * processes (a listener inherited by workers) has one holder each.
 */
#ifndef HOSTQL_TABLES_SOCK_OWNERS_H
#define HOSTQL_TABLES_SOCK_OWNERS_H

#include <stddef.h>
#include <stdint.h>

struct sock_owner {
	uint64_t	inode;
	int32_t		pid;
	uint32_t	fd;
};

struct sock_owners {
	struct sock_owner	*v;
	size_t			 n;
	size_t			 cap;
};

/*
 * Add the sockets of one PROC_FDS blob (a sequence of u32 fd and str
 * target, as the catalogue encodes them).  Returns 0, -ENOMEM, or
 * -EBADMSG when the blob is malformed (what came before it is kept).
 */
int	sock_owners_add_fds(struct sock_owners *, int32_t pid,
	    const char *data, size_t len);
void	sock_owners_sort(struct sock_owners *);
/* The holders of inode: a pointer to the first and their number. */
const struct sock_owner *sock_owners_find(const struct sock_owners *,
	    uint64_t inode, size_t *count);
void	sock_owners_free(struct sock_owners *);

/* The inode of a "socket:[N]" link target, 0 when it is something else. */
uint64_t socket_link_inode(const char *target, size_t len);

/*
 * The inode of the namespace called name ("net") in a PROC_NS blob (a
 * sequence of str name and str target "net:[N]").  0 on success,
 * -ENOENT when absent, -EBADMSG when malformed.
 */
int	proc_ns_inode(const char *data, size_t len, const char *name,
	    uint64_t *ino);

#endif
