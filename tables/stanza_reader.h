/*
 * The stanzas of a control file read through a descriptor a piece at a
 * time, so that a large dpkg status file is never held whole: only the
 * stanza being parsed and one read's worth of what follows it.
 */
#ifndef HOSTQL_TABLES_STANZA_READER_H
#define HOSTQL_TABLES_STANZA_READER_H

#include <stddef.h>

#include "textparse.h"

struct stanza_reader {
	int	 fd;
	char	*buf;
	size_t	 len;		/* bytes in buf */
	size_t	 complete;	/* of which whole stanzas */
	size_t	 off;		/* parsed so far */
	size_t	 cap;
	size_t	 max;		/* longest stanza taken */
	int	 eof;
};

/* Read fd (which the reader does not close); a stanza longer than max
 * bytes ends the reading with -EFBIG. */
void	stanza_reader_init(struct stanza_reader *, int fd, size_t max);
void	stanza_reader_free(struct stanza_reader *);

/* 1 with the next stanza (valid until the next call), 0 at the end of
 * the file, or a negative errno. */
int	stanza_reader_next(struct stanza_reader *, struct span *stanza);

#endif
