/*
 * privd: the one process that keeps its privileges.  It serves the
 * collector requests of the catalogue, each checked against the policy,
 * and starts and watches the children.  It parses nothing it reads.
 */
#ifndef HOSTQL_PRIVD_H
#define HOSTQL_PRIVD_H

#include <sys/types.h>

#include <signal.h>
#include <time.h>

#include <event2/event.h>

#include "../ipc/chan.h"
#include "../policy/policy.h"

struct privd;

struct child {
	struct privd	*pd;
	enum ipc_role	 role;
	const char	*name;		/* "worker", for logs */
	const char	*path;		/* the program */
	char		**argv;
	pid_t		 pid;
	int		 pidfd;
	struct chan	 chan;
	struct event	*ev_chan;
	struct event	*ev_exit;
	int		 said_hello;
	int		 violated;	/* killed for a protocol violation */
	unsigned int	 generation;	/* 0 for the first start */
	struct timespec	 started;	/* CLOCK_MONOTONIC */
};

struct daemon;

struct privd {
	struct event_base	*base;
	struct policy		*policy;
	const char		*policy_source;
	struct child		 worker;
	struct child		 logger;
	int			 restarts_left;
	int			 exit_status;
	/* The daemon's state, NULL in the shell. */
	struct daemon		*daemon;
	/* What to do when a child is gone: the shell's or the daemon's. */
	void			(*child_gone)(struct child *,
				    const siginfo_t *);
};

/* A request handler: 0 when served (even if refused), -1 on a protocol
 * violation, which gets the child killed. */
typedef int (*handler_fn)(struct child *, const struct msg *);

/* child.c */
void	child_init(struct child *, enum ipc_role, const char *name);
int	child_start(struct privd *, struct child *);
void	child_kill(struct child *, const char *why);
void	child_shell_gone(struct child *, const siginfo_t *);
/* The default program beside privd in a build tree, else in libexec
 * (malloc'd). */
char	*child_default_path(const char *program);

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

/* daemon.c: hostqld */
int	daemon_main(int argc, char **argv);
void	daemon_child_gone(struct child *, const siginfo_t *);
int	daemon_query_state(struct child *, const struct msg *);
int	daemon_peer_violation(struct child *, const struct msg *);

/* verify_cmd.c: hostql verify */
int	verify_main(int argc, char **argv);

/* pidfile.c */
int	pidfile_take(const char *path);
int	pidfile_write(int fd);

/* keys.c */
#define KEY_SECRET_LEN	64
#define KEY_PUBLIC_LEN	32
int	keys_load_or_make(int statefd, unsigned char sk[KEY_SECRET_LEN],
	    unsigned char pk[KEY_PUBLIC_LEN]);
void	keys_print_public(const unsigned char pk[KEY_PUBLIC_LEN]);

/* iptables.c: IPTABLES_DUMP */
int	serve_iptables_dump(struct child *, const struct msg *);

/* redact.c: keep only the method of the crypt(3) hash in one
 * colon-separated field of every line; returns the new length. */
size_t	redact_crypt_field(char *buf, size_t len, unsigned int field);

/* resolve.c: policy check and openat2 beneath the allowed root */
int	open_beneath(struct child *, enum pol_prim, const char *path,
	    int oflags, int *fd, struct pol_terms *terms);

#endif
