/* Printable names of the catalogue's enumerations, for logs and policy. */
#include "catalogue.h"

static const char *const msg_names[MSG_TYPE_MAX] = {
	[MSG_NONE] = "NONE",
	[MSG_HELLO] = "HELLO",
	[MSG_LOG] = "LOG",
	[MSG_PONG] = "PONG",
	[MSG_READ_FILE] = "READ_FILE",
	[MSG_OPEN_FILE] = "OPEN_FILE",
	[MSG_LIST_DIR] = "LIST_DIR",
	[MSG_STAT] = "STAT",
	[MSG_READLINK] = "READLINK",
	[MSG_PROC_READ] = "PROC_READ",
	[MSG_NETLINK_DUMP] = "NETLINK_DUMP",
	[MSG_STATFS] = "STATFS",
	[MSG_IPTABLES_DUMP] = "IPTABLES_DUMP",
	[MSG_DATA] = "DATA",
	[MSG_FD] = "FD",
	[MSG_DIRENTS] = "DIRENTS",
	[MSG_STAT_INFO] = "STAT_INFO",
	[MSG_LINK] = "LINK",
	[MSG_PROC_DATA] = "PROC_DATA",
	[MSG_NETLINK_DATA] = "NETLINK_DATA",
	[MSG_STATFS_INFO] = "STATFS_INFO",
	[MSG_END] = "END",
	[MSG_PING] = "PING",
	[MSG_QUERY_STATE] = "QUERY_STATE",
	[MSG_LOGGER_CHANNEL] = "LOGGER_CHANNEL",
	[MSG_RELOAD] = "RELOAD",
	[MSG_DENYLIST] = "DENYLIST",
	[MSG_SHUTDOWN] = "SHUTDOWN",
	[MSG_STATE_DIR] = "STATE_DIR",
	[MSG_LOG_DIR] = "LOG_DIR",
	[MSG_SIGN_KEY] = "SIGN_KEY",
	[MSG_LOGGER_CONFIG] = "LOGGER_CONFIG",
	[MSG_WORKER_CHANNEL] = "WORKER_CHANNEL",
	[MSG_STATUS] = "STATUS",
	[MSG_PEER_VIOLATION] = "PEER_VIOLATION",
	[MSG_RESULT_BEGIN] = "RESULT_BEGIN",
	[MSG_RESULT_ROWS] = "RESULT_ROWS",
	[MSG_RESULT_END] = "RESULT_END",
	[MSG_RESULT_STORED] = "RESULT_STORED",
};

/* The words the policy file uses for the proc and netlink kinds. */
static const char *const proc_names[PROC_KIND_MAX] = {
	[PROC_STAT] = "stat",
	[PROC_STATUS] = "status",
	[PROC_CMDLINE] = "cmdline",
	[PROC_ENVIRON] = "environ",
	[PROC_IO] = "io",
	[PROC_CGROUP] = "cgroup",
	[PROC_EXE] = "exe",
	[PROC_CWD] = "cwd",
	[PROC_ROOT] = "root",
	[PROC_FDS] = "fds",
	[PROC_NS] = "ns",
	[PROC_MAPS] = "maps",
	[PROC_LIMITS] = "limits",
};

static const char *const nl_names[NL_KIND_MAX] = {
	[NL_INET_DIAG] = "inet_diag",
	[NL_UNIX_DIAG] = "unix_diag",
	[NL_LINKS] = "links",
	[NL_ADDRS] = "addrs",
	[NL_ROUTES] = "routes",
	[NL_NEIGH] = "neigh",
};

static const char *const ipt_names[IPT_TABLE_MAX] = {
	[IPT_FILTER] = "filter",
	[IPT_NAT] = "nat",
	[IPT_MANGLE] = "mangle",
	[IPT_RAW] = "raw",
	[IPT_SECURITY] = "security",
};

const char *
msg_type_name(unsigned int type)
{
	return type < MSG_TYPE_MAX && msg_names[type] ? msg_names[type] : "?";
}

const char *
proc_kind_name(unsigned int kind)
{
	return kind < PROC_KIND_MAX ? proc_names[kind] : "?";
}

const char *
nl_kind_name(unsigned int kind)
{
	return kind < NL_KIND_MAX ? nl_names[kind] : "?";
}

const char *
ipt_table_name(unsigned int table)
{
	return table < IPT_TABLE_MAX ? ipt_names[table] : "?";
}
