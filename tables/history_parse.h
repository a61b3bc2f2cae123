/*
 * Pure parser of shell history files, line by line, with osquery's
 * reading of them:
 *
 *	bash, HISTTIMEFORMAT set:	"#1600000000" then the command line
 *	zsh, EXTENDED_HISTORY:		": 1600000000:0;command"
 *	anything else:			the command, with time 0
 *
 * zsh writes its history "metafied": a byte that means something to its
 * lexer is written as 0x83 followed by the byte xor 32.  history_unmeta()
 * gives the bytes back.
 */
#ifndef HOSTQL_TABLES_HISTORY_PARSE_H
#define HOSTQL_TABLES_HISTORY_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

/* What a bash timestamp line leaves for the line after it. */
struct history_state {
	int	pending;
	int64_t	time;
};

struct history_entry {
	int64_t		time;
	struct span	command;	/* into the line */
};

/* Feed one line (without its '\n'); 1 with *e set when the line is an
 * entry, 0 when it was a timestamp waiting for its command. */
int	history_parse_line(struct history_state *, struct span line,
	    struct history_entry *e);

/* The bytes of a metafied span into out (room for s.len bytes); returns
 * the length written.  A lone 0x83 at the end is dropped. */
size_t	history_unmeta(struct span s, char *out);

#endif
