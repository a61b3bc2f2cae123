/*
 * The message catalogue: everything that crosses a process boundary.
 *
 * Each message names its sender and receiver, its fields in wire order and
 * their limits.  A message that is not listed here, comes from the wrong
 * peer, or whose payload does not decode to exactly these fields is a
 * protocol violation: privd logs it and kills the child that sent it.
 *
 * Field notation: u8/u16/u32/u64/i32/i64 are fixed-width little-endian
 * integers; str is a u16 length, the bytes and a terminating NUL (the
 * length counts the bytes without the NUL; embedded NULs are rejected);
 * bytes is a u32 length and the bytes.
 */
#ifndef HOSTQL_IPC_CATALOGUE_H
#define HOSTQL_IPC_CATALOGUE_H

#define IPC_PROTOCOL_VERSION	2

/* Hard limits of the wire. */
#define IPC_MAX_PAYLOAD		16384	/* bytes after the header */
#define IPC_MAX_PATH		4095	/* longest path privd accepts */
#define IPC_MAX_LOGTEXT		1024	/* longest LOG text */
#define IPC_MAX_PIDS		4000	/* pids in one PROC_READ */
#define IPC_MAX_READ_CAP	(64ULL << 20)	/* READ_FILE size cap */

/* Roles a child announces in HELLO. */
enum ipc_role {
	ROLE_WORKER = 1,
	ROLE_LOGGER = 2,
};

enum msg_type {
	MSG_NONE = 0,

	/* child -> privd */
	MSG_HELLO,		/* u8 role, u32 version; once, first */
	MSG_LOG,		/* u8 level, str text (<= IPC_MAX_LOGTEXT) */
	MSG_PONG,		/* u64 cookie echoed from PING */

	/* worker -> privd: collector requests.  Each is answered by zero or
	 * more data messages and exactly one MSG_END with the same id. */
	MSG_READ_FILE,		/* str path, u64 cap (<= IPC_MAX_READ_CAP)
				 *   -> MSG_DATA*, MSG_END */
	MSG_OPEN_FILE,		/* str path -> MSG_FD (one descriptor,
				 *   read-only), MSG_END */
	MSG_LIST_DIR,		/* str path -> MSG_DIRENTS*, MSG_END */
	MSG_STAT,		/* str path, u8 follow (0|1)
				 *   -> MSG_STAT_INFO, MSG_END */
	MSG_READLINK,		/* str path -> MSG_LINK, MSG_END */
	MSG_PROC_READ,		/* u32 kinds (mask of enum proc_kind),
				 *   u32 npids (0 = every process,
				 *   <= IPC_MAX_PIDS), npids x i32 pid
				 *   -> MSG_PROC_DATA*, MSG_END */
	MSG_NETLINK_DUMP,	/* u8 kind (enum nl_kind), u8 family
				 *   (AF_UNSPEC|AF_INET|AF_INET6),
				 *   u8 protocol (IPPROTO_TCP|UDP for
				 *   NL_INET_DIAG, else 0)
				 *   -> MSG_NETLINK_DATA*, MSG_END */
	MSG_STATFS,		/* str path -> MSG_STATFS_INFO, MSG_END */
	MSG_IPTABLES_DUMP,	/* u8 family (AF_INET|AF_INET6), u8 table
				 *   (enum ipt_table) -> MSG_DATA*, MSG_END;
				 *   the data is the kernel's ipt_getinfo
				 *   then ipt_get_entries, unparsed */

	/* privd -> worker: replies, all carrying the request's id */
	MSG_DATA,		/* bytes chunk (<= IPC_MAX_PAYLOAD - 4) */
	MSG_FD,			/* no fields; carries the descriptor */
	MSG_DIRENTS,		/* one or more records of (str name,
				 *   u8 d_type, u64 inode) */
	MSG_STAT_INFO,		/* u64 dev, u64 ino, u32 mode, u32 nlink,
				 *   u32 uid, u32 gid, u64 rdev, i64 size,
				 *   i64 blksize, i64 blocks, i64 atime,
				 *   i64 mtime, i64 ctime, i64 btime (-1 if
				 *   unknown) */
	MSG_LINK,		/* str target */
	MSG_PROC_DATA,		/* one or more records of (i32 pid,
				 *   u8 kind, i32 errno, u8 more, bytes
				 *   data); a file larger than the room left
				 *   comes in several records, all but the
				 *   last with more = 1 */
	MSG_NETLINK_DATA,	/* bytes: whole netlink messages as the
				 *   kernel sent them */
	MSG_STATFS_INFO,	/* u64 type, bsize, blocks, bfree, bavail,
				 *   files, ffree, flags, namelen */
	MSG_END,		/* i32 errno (0 = success), u64 total bytes
				 *   or entries sent */

	/* privd -> child */
	MSG_PING,		/* u64 cookie */

	/*
	 * The daemon.  privd's messages to a child carry id 0: they come
	 * unasked, between or even during the child's own requests, and a
	 * child keeps them for when its request is done.
	 */

	/* worker -> privd */
	MSG_QUERY_STATE,	/* str name of the scheduled query that
				 *   starts now, "" when it is done; the
				 *   watchdog denylists the query a worker
				 *   dies in */

	/* privd -> worker */
	MSG_LOGGER_CHANNEL,	/* no fields; carries the worker's end of
				 *   a new channel to the logger */
	MSG_RELOAD,		/* no fields: read the config again */
	MSG_DENYLIST,		/* str name, i64 until (unix time) */
	MSG_SHUTDOWN,		/* no fields: finish, flush, exit 0 (also
				 *   to the logger) */

	/* privd -> logger: its set-up, once per start, in this order */
	MSG_STATE_DIR,		/* no fields; carries the state directory */
	MSG_LOG_DIR,		/* no fields; carries the log directory */
	MSG_SIGN_KEY,		/* bytes Ed25519 secret key (64) */
	MSG_LOGGER_CONFIG,	/* str host identifier, u8 rotate,
				 *   u64 rotate size, u32 max files,
				 *   u32 file mode, u8 numerics, u8 event
				 *   type (1 a line per row, 0 per run),
				 *   u8 decorations at the top level,
				 *   u8 copy lines to stdout */
	MSG_WORKER_CHANNEL,	/* no fields; carries the logger's end of
				 *   a new channel to the worker */
	MSG_STATUS,		/* u8 severity (0 info, 1 warning,
				 *   2 error), i64 unix time, str text:
				 *   a status log line */

	/* logger -> privd */
	MSG_PEER_VIOLATION,	/* str why: the worker broke the results
				 *   protocol; privd kills it */

	/* worker -> logger: one result set, in order */
	MSG_RESULT_BEGIN,	/* str name, str query, u64 run id, u64
				 *   unix time, u64 epoch, u8 flags
				 *   (RESULT_SNAPSHOT|RESULT_NO_REMOVED),
				 *   u32 ncolumns, ncolumns x str column,
				 *   u32 ndecorations, ndecorations x (str
				 *   key, str value) */
	MSG_RESULT_ROWS,	/* records of ncolumns x (u8 null, str
				 *   value) */
	MSG_RESULT_END,		/* u64 rows sent */

	/* logger -> worker */
	MSG_RESULT_STORED,	/* str name, u64 run id: durable, the
				 *   worker may forget it */

	MSG_TYPE_MAX
};

/* MSG_RESULT_BEGIN flags. */
#define RESULT_SNAPSHOT		0x1	/* log the whole set each run */
#define RESULT_NO_REMOVED	0x2	/* "removed": false */
#define RESULT_FLAGS_KNOWN	(RESULT_SNAPSHOT | RESULT_NO_REMOVED)

/* Levels of MSG_LOG, as syslog's. */
enum ipc_log_level {
	IPC_LOG_ERR = 3,
	IPC_LOG_WARNING = 4,
	IPC_LOG_INFO = 6,
	IPC_LOG_DEBUG = 7,
};

/*
 * The per-process files PROC_READ can return.  privd builds the path
 * /proc/<pid>/<file> itself from this fixed list; the worker never names a
 * path under /proc/<pid>.
 */
enum proc_kind {
	PROC_STAT = 0,		/* /proc/<pid>/stat */
	PROC_STATUS,		/* /proc/<pid>/status */
	PROC_CMDLINE,		/* /proc/<pid>/cmdline (NUL separated) */
	PROC_ENVIRON,		/* /proc/<pid>/environ, only if the policy
				 * says so */
	PROC_IO,		/* /proc/<pid>/io */
	PROC_CGROUP,		/* /proc/<pid>/cgroup */
	PROC_EXE,		/* readlink /proc/<pid>/exe */
	PROC_CWD,		/* readlink /proc/<pid>/cwd */
	PROC_ROOT,		/* readlink /proc/<pid>/root */
	PROC_FDS,		/* every /proc/<pid>/fd/N link: data is a
				 * sequence of (u32 fd, str target) */
	PROC_NS,		/* every /proc/<pid>/ns/X link: data is a
				 * sequence of (str name, str target) */
	PROC_MAPS,		/* /proc/<pid>/maps */
	PROC_LIMITS,		/* /proc/<pid>/limits */
	PROC_KIND_MAX
};

#define PROC_KIND_BIT(k)	(1u << (k))

/* The netlink dumps privd runs on its own socket. */
enum nl_kind {
	NL_INET_DIAG = 0,	/* sock_diag, inet sockets of one family
				 * and protocol, every state */
	NL_UNIX_DIAG,		/* sock_diag, unix sockets */
	NL_LINKS,		/* rtnetlink RTM_GETLINK */
	NL_ADDRS,		/* rtnetlink RTM_GETADDR */
	NL_ROUTES,		/* rtnetlink RTM_GETROUTE */
	NL_NEIGH,		/* rtnetlink RTM_GETNEIGH */
	NL_KIND_MAX
};

/* The legacy iptables tables IPTABLES_DUMP may read.  A fixed list:
 * asking the kernel for a table may load its module. */
enum ipt_table {
	IPT_FILTER = 0,
	IPT_NAT,
	IPT_MANGLE,
	IPT_RAW,
	IPT_SECURITY,
	IPT_TABLE_MAX
};

const char *msg_type_name(unsigned int type);
const char *ipt_table_name(unsigned int table);
const char *proc_kind_name(unsigned int kind);
const char *nl_kind_name(unsigned int kind);

#endif
