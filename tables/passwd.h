/*
 * Pure parsers of /etc/passwd and /etc/group lines.  Fields are spans
 * into the caller's buffer; ids are checked to fit 32 bits as the
 * kernel's do.
 */
#ifndef HOSTQL_TABLES_PASSWD_H
#define HOSTQL_TABLES_PASSWD_H

#include <stdint.h>

#include "textparse.h"

/* name:passwd:uid:gid:gecos:dir:shell */
struct passwd_line {
	struct span	name;
	struct span	passwd;
	uint32_t	uid;
	uint32_t	gid;
	struct span	gecos;
	struct span	dir;
	struct span	shell;
};

/* name:passwd:gid:member,member */
struct group_line {
	struct span	name;
	struct span	passwd;
	uint32_t	gid;
	struct span	members;
};

/* 0, or -1 for a line to skip: empty, a comment, an NIS "+"/"-"
 * entry, a wrong number of fields, or an id that is not a number. */
int	passwd_parse_line(struct span, struct passwd_line *);
int	group_parse_line(struct span, struct group_line *);

#endif
