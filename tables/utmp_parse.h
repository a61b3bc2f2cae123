/*
 * Pure parser of the login records of utmp(5): /run/utmp (who is logged
 * in now) and /var/log/wtmp (every login and logout since the file
 * began).  Both are arrays of fixed-size records in the byte order of the
 * machine that wrote them; the layout is glibc's on Linux, the same on
 * 32-bit and 64-bit machines (times are 32-bit there).
 */
#ifndef HOSTQL_TABLES_UTMP_PARSE_H
#define HOSTQL_TABLES_UTMP_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

#define UTMP_RECORD_SIZE	384

/* ut_type values. */
enum utmp_type {
	UTMP_EMPTY = 0,
	UTMP_RUN_LVL = 1,
	UTMP_BOOT_TIME = 2,
	UTMP_NEW_TIME = 3,
	UTMP_OLD_TIME = 4,
	UTMP_INIT_PROCESS = 5,
	UTMP_LOGIN_PROCESS = 6,
	UTMP_USER_PROCESS = 7,
	UTMP_DEAD_PROCESS = 8,
	UTMP_ACCOUNTING = 9,
};

/* One record.  The text fields are spans into the record, cut at their
 * first NUL (a field that fills its room has none). */
struct utmp_rec {
	int		type;
	int32_t		pid;
	struct span	line;		/* tty, without "/dev/" */
	struct span	id;
	struct span	user;
	struct span	host;
	int32_t		session;
	int64_t		tv_sec;
	int32_t		tv_usec;
	uint8_t		addr[16];	/* IPv4 in the first 4 bytes, or IPv6 */
};

/* Parse the record at the start of buf; -1 when len is shorter than a
 * record. */
int	utmp_parse_record(const char *buf, size_t len, struct utmp_rec *);

/* osquery's names of a type: logged_in_users' ("user", "dead" ...,
 * "unknown" for others) and last's ("user-process" ..., "" for others). */
const char	*utmp_type_name(int type);
const char	*utmp_last_type_name(int type);

#endif
