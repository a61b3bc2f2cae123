/*
 * Pure parser of /etc/shadow lines, as privd hands them over: the
 * password field (the second) never holds a hash, only what says how the
 * account is locked and hashed.  What the field may hold:
 *
 *	""		no password at all
 *	"!", "*", "!!"	a run of '!' and '*' alone: locked, or never set
 *	"$6$", "!$y$"	the run, then the $id$ of the crypt method
 *	"x", "!x"	the run, then 'x' for a hash without an $id$ (DES)
 *
 * A field as the file holds it (the hash in full) is read the same way,
 * by its prefix; nothing of the hash itself is kept.
 */
#ifndef HOSTQL_TABLES_SHADOW_PARSE_H
#define HOSTQL_TABLES_SHADOW_PARSE_H

#include <stdint.h>

#include "textparse.h"

/* osquery's password_status values. */
enum shadow_status {
	SHADOW_ACTIVE,		/* a hash a password can match */
	SHADOW_LOCKED,		/* '!' or '*' first */
	SHADOW_NOT_SET,		/* exactly "!!" */
	SHADOW_EMPTY,		/* no password needed */
};

/* name:password:lastchg:min:max:warn:inactive:expire:flag; a number
 * field left empty is -1, as the C library's getspent() gives it. */
struct shadow_line {
	struct span		name;
	enum shadow_status	status;
	struct span		hash_alg;	/* "6", "y", "2b"; empty if none */
	int64_t			last_change;
	int64_t			min;
	int64_t			max;
	int64_t			warning;
	int64_t			inactive;
	int64_t			expire;
	int64_t			flag;
};

/* 0, or -1 for a line to skip: empty, a comment, an NIS entry, a wrong
 * number of fields or a number field that is not a number.  A line of
 * only name:password (the old form) has every number -1. */
int	shadow_parse_line(struct span, struct shadow_line *);

const char	*shadow_status_name(enum shadow_status);

#endif
