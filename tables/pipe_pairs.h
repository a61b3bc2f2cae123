/*
 * Pairing the ends of pipes across processes.  An end is one descriptor
 * of one process on a pipe, known by the pipe's inode (and device, for a
 * FIFO on a filesystem); the ends of one pipe are partners when one may
 * read and the other write, as osquery's process_open_pipes pairs them.
 */
#ifndef HOSTQL_TABLES_PIPE_PAIRS_H
#define HOSTQL_TABLES_PIPE_PAIRS_H

#include <stddef.h>
#include <stdint.h>

struct pipe_end {
	uint64_t	dev;		/* 0 for an anonymous pipe */
	uint64_t	inode;
	int32_t		pid;
	uint32_t	fd;
	uint8_t		named;		/* a FIFO, opened by its path */
	char		mode[3];	/* "r", "w" or "rw" */
};

struct pipe_ends {
	struct pipe_end	*v;
	size_t		 n;
	size_t		 cap;
};

/* 0, or -1 when out of memory. */
int	pipe_ends_add(struct pipe_ends *, const struct pipe_end *);
void	pipe_ends_free(struct pipe_ends *);

/* "r", "w" or "rw" from the mode bits of a /proc/<pid>/fd link, whose
 * owner bits say how the descriptor was opened; "" for neither. */
void	pipe_mode(uint32_t link_mode, char mode[3]);

/*
 * Call fn for every end with each of its partners, or once with partner
 * NULL when it has none: a pipe whose other end was closed, or whose
 * other holders only do the same as it (two readers).  Sorts the ends.
 * Stops at and returns fn's first non-zero value.
 */
typedef int (*pipe_pair_fn)(void *arg, const struct pipe_end *end,
    const struct pipe_end *partner);
int	pipe_ends_pair(struct pipe_ends *, pipe_pair_fn, void *arg);

#endif
