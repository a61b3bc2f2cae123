/*
 * One netlink dump as a table reads it.  privd relays the kernel's
 * buffers; the table's parser walks each until the kernel's DONE, an error
 * of the parser, or an error of the table's row function, and whatever
 * comes after that is drained unread.  At the end, a dump that failed or
 * did not parse is a warning and an error of the row function fails the
 * query.
 */
#ifndef HOSTQL_TABLES_NLDUMP_H
#define HOSTQL_TABLES_NLDUMP_H

#include "table.h"

struct nldump {
	int	done;		/* the kernel's DONE was seen */
	int	parse_err;	/* negative errno of the parser */
	int	row_err;	/* negative errno of the row function */
};

/* Ready for the next dump (a row error stays: it ends the query). */
void	nldump_start(struct nldump *);
/* Is the rest of the dump still to be parsed? */
int	nldump_wants(const struct nldump *);
/* Note what a parser's walk over one buffer returned. */
void	nldump_note(struct nldump *, int walk_rc);
/*
 * After collect_netlink_dump() returned dump_rc: -1 after gen_error() when
 * the row function failed; else 0, after a warning naming what ("IPv4
 * routes") when the dump was refused or failed or its replies did not
 * parse.
 */
int	nldump_finish(const struct nldump *, struct gen_ctx *, int dump_rc,
	    const char *what);

#endif
