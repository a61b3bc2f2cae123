/*
 * Pure parsers of the lines of /etc/hosts, /etc/services and
 * /etc/protocols, with the rules glibc reads them by: blank-separated
 * fields, '#' starting a comment anywhere.  Fields are spans into the
 * caller's line; the comment is what follows the first '#', trimmed.
 */
#ifndef HOSTQL_TABLES_NETDB_PARSE_H
#define HOSTQL_TABLES_NETDB_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

/* What a line is. */
#define NETDB_ENTRY	0	/* the fields are filled in */
#define NETDB_BLANK	1	/* empty or only a comment */
#define NETDB_BAD	(-1)	/* not a well-formed entry */

/* address name [name...] */
struct hosts_line {
	struct span	address;
	struct span	names;		/* first to last name; len 0: none */
};

/* name port/protocol [alias...] */
struct services_line {
	struct span	name;
	uint16_t	port;
	struct span	protocol;
	struct span	aliases;	/* first to last alias; len 0: none */
	struct span	comment;	/* len 0: none */
};

/* name number [alias...] */
struct protocols_line {
	struct span	name;
	uint32_t	number;
	struct span	alias;		/* the first alias; len 0: none */
	struct span	comment;
};

int	hosts_parse_line(struct span, struct hosts_line *);
int	services_parse_line(struct span, struct services_line *);
int	protocols_parse_line(struct span, struct protocols_line *);

/*
 * The blank-separated words of s joined by single spaces, NUL-terminated
 * in out (cut at outsz - 1 bytes, outsz > 0); the length written.  A
 * buffer of s.len + 1 bytes always holds the whole.
 */
size_t	netdb_join_words(struct span s, char *out, size_t outsz);

#endif
