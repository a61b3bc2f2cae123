/*
 * privd: the one process that keeps its privileges.  It serves the
 * collector requests of the catalogue, each checked against the policy,
 * and starts and watches the children.  It parses nothing it reads.
 */
#ifndef HOSTQL_PRIVD_H
#define HOSTQL_PRIVD_H

#include <sys/types.h>

#include <event2/event.h>

#include "../ipc/chan.h"
#include "../policy/policy.h"

struct privd;

struct child {
	struct privd	*pd;
	enum ipc_role	 role;
	const char	*name;		/* "worker", for logs */
	pid_t		 pid;
	int		 pidfd;
	struct chan	 chan;
	struct event	*ev_chan;
	struct event	*ev_exit;
	int		 said_hello;
	int		 violated;	/* killed for a protocol violation */
	unsigned int	 generation;	/* 0 for the first start */
};

struct privd {
	struct event_base	*base;
	struct policy		*policy;
	const char		*policy_source;
	const char		*worker_path;
	char			**worker_argv;
	struct child		 worker;
	int			 restarts_left;
	int			 exit_status;
};

/* A request handler: 0 when served (even if refused), -1 on a protocol
 * violation, which gets the child killed. */
typedef int (*handler_fn)(struct child *, const struct msg *);

/* child.c */
int	child_start(struct privd *, struct child *);
void	child_kill(struct child *, const char *why);

/* dispatch.c */
void	dispatch_child(struct child *);

/* reply.c */
int	reply_end(struct child *, uint32_t id, int err, uint64_t total);
/* Bytes as MSG_DATA chunks of at most REPLY_DATA_CHUNK; -1 when the
 * child is gone. */
#define REPLY_DATA_CHUNK	(IPC_MAX_PAYLOAD - 4)
int	reply_data(struct child *, uint32_t id, const char *, size_t);
int	reply_send(struct child *, uint32_t type, uint32_t id,
	    const struct wr *, int fd);
void	refuse_log(struct child *, const struct msg *, const char *what,
	    const char *why);

/* files.c: READ_FILE, OPEN_FILE, LIST_DIR, STAT, READLINK, STATFS */
int	serve_read_file(struct child *, const struct msg *);
int	serve_open_file(struct child *, const struct msg *);
int	serve_list_dir(struct child *, const struct msg *);
int	serve_stat(struct child *, const struct msg *);
int	serve_readlink(struct child *, const struct msg *);
int	serve_statfs(struct child *, const struct msg *);

/* procread.c: PROC_READ */
int	serve_proc_read(struct child *, const struct msg *);

/* netlink.c: NETLINK_DUMP */
int	serve_netlink_dump(struct child *, const struct msg *);

/* iptables.c: IPTABLES_DUMP */
int	serve_iptables_dump(struct child *, const struct msg *);

/* redact.c: keep only the method of the crypt(3) hash in one
 * colon-separated field of every line; returns the new length. */
size_t	redact_crypt_field(char *buf, size_t len, unsigned int field);

/* resolve.c: policy check and openat2 beneath the allowed root */
int	open_beneath(struct child *, enum pol_prim, const char *path,
	    int oflags, int *fd, struct pol_terms *terms);

#endif
