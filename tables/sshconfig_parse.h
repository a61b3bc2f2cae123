/*
 * Pure parser of ssh_config(5) lines: a keyword and its arguments,
 * separated by blanks or by '=' (with blanks around it allowed).  Host
 * and Match lines open a block that lasts until the next one; Include
 * names more files to read in place.
 */
#ifndef HOSTQL_TABLES_SSHCONFIG_PARSE_H
#define HOSTQL_TABLES_SSHCONFIG_PARSE_H

#include "textparse.h"

enum sshconfig_kind {
	SSHCONFIG_OPTION,
	SSHCONFIG_BLOCK,	/* Host or Match */
	SSHCONFIG_INCLUDE,
};

struct sshconfig_line {
	enum sshconfig_kind	kind;
	struct span		text;		/* the line, trimmed */
	struct span		keyword;	/* into text */
	struct span		args;		/* into text, trimmed */
};

/* 0, or -1 for a blank line or a comment. */
int	sshconfig_parse_line(struct span, struct sshconfig_line *);

/* The next argument of *args: a word, or a double-quoted string
 * (without its quotes); 0 when none is left. */
int	sshconfig_next_arg(struct span *args, struct span *arg);

#endif
