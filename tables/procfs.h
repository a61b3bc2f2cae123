/*
 * Pure parsers of the per-process files under /proc/<pid> and of the
 * system-wide /proc/stat and /proc/uptime.  They take the bytes privd
 * read and never trust them: a missing or malformed field is reported,
 * never guessed.
 */
#ifndef HOSTQL_TABLES_PROCFS_H
#define HOSTQL_TABLES_PROCFS_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

#define PROCFS_COMM_MAX	64	/* the kernel's is 16; room to spare */

/* /proc/<pid>/stat, the fields the tables use. */
struct proc_stat {
	int32_t		pid;
	char		comm[PROCFS_COMM_MAX];
	size_t		comm_len;
	char		state;
	int64_t		ppid;
	int64_t		pgrp;
	int64_t		session;
	int64_t		tty_nr;
	uint64_t	minflt;
	uint64_t	majflt;
	uint64_t	utime;		/* clock ticks */
	uint64_t	stime;		/* clock ticks */
	int64_t		priority;
	int64_t		nice;
	int64_t		threads;
	uint64_t	starttime;	/* clock ticks after boot */
	uint64_t	vsize;		/* bytes */
	int64_t		rss;		/* pages */
};

/* 0, or -1 when the line is not a stat line or is cut before
 * starttime (the 22nd field). */
int	procfs_parse_stat(const char *, size_t, struct proc_stat *);

#define PROCFS_ID_UNSET	(-1)

/* /proc/<pid>/status, the fields the tables use; a field that is absent
 * is left at -1 (name at length 0). */
struct proc_status {
	struct span	name;		/* into the caller's buffer */
	int64_t		uid[4];		/* real, effective, saved, fs */
	int64_t		gid[4];
	int64_t		vm_rss_kb;
	int64_t		vm_size_kb;
	int64_t		threads;
	int64_t		tgid;
	int64_t		ppid;
};

/* Always 0: a status file with missing fields is still a status file. */
int	procfs_parse_status(const char *, size_t, struct proc_status *);

/* /proc/<pid>/io; absent fields are -1. */
struct proc_io {
	int64_t		rchar;
	int64_t		wchar;
	int64_t		read_bytes;
	int64_t		write_bytes;
	int64_t		cancelled_write_bytes;
};

int	procfs_parse_io(const char *, size_t, struct proc_io *);

/* The path of the unified hierarchy ("0::/path") in /proc/<pid>/cgroup;
 * -1 when the process has none. */
int	procfs_cgroup_unified(const char *, size_t, struct span *);

/* The command line with its NUL separators turned to spaces and blanks
 * trimmed at both ends, written to out (room for len bytes); returns the
 * length written. */
size_t	procfs_cmdline_join(const char *, size_t, char *out);

/* Is this link target (of /proc/<pid>/exe) a deleted file?  *len is cut
 * to the path without the " (deleted)" mark when it is. */
int	procfs_exe_deleted(const char *, size_t *len);

/* The boot time (btime, seconds since the epoch) in /proc/stat. */
int	procfs_parse_btime(const char *, size_t, int64_t *);

/* /proc/uptime: seconds since boot (the fraction dropped). */
int	procfs_parse_uptime(const char *, size_t, uint64_t *);

#endif
