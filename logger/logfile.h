/*
 * The log files under --logger_path, one per stream, appended a line at
 * a time and rotated by size: x.log becomes x.log.1, x.log.1 becomes
 * x.log.2 ..., keeping --logger_rotate_max_files files in all.  A stream
 * rotates between batches only, and its signature file with it.  A write
 * that does not fit (a full disk) is undone, so a file never ends in half
 * a line, and the caller keeps the line to try again.
 */
#ifndef HOSTQL_LOGGER_LOGFILE_H
#define HOSTQL_LOGGER_LOGFILE_H

#include <stddef.h>
#include <stdint.h>

#include "streams.h"

struct logfiles {
	int		 dirfd;
	int		 fd[STREAM_MAX];
	uint64_t	 size[STREAM_MAX];
	uint64_t	 written[STREAM_MAX];	/* key of the last line */
	int		 dirty[STREAM_MAX];	/* written since the sync */
	/* A batch of the stream is written without its signature yet:
	 * no rotation now, so that a batch never spans two files. */
	int		 open_batch[STREAM_LINES];
	int		 rotate;
	uint64_t	 rotate_size;
	uint32_t	 max_files;
	uint32_t	 mode;
};

/* Open every stream, cut a half-written last line, and learn the key
 * of the last whole one; -1 with errno. */
int	logfiles_open(struct logfiles *);
void	logfiles_close(struct logfiles *);
/* 0, or a negative errno (-ENOSPC ...) with the file as it was. */
int	logfiles_append(struct logfiles *, enum stream, uint64_t key,
	    const char *line, size_t len);
int	logfiles_sync(struct logfiles *);

/* The key a line carries: the chain's seq, or a signature's "last". */
int	logfile_line_key(enum stream, const char *line, size_t len,
	    uint64_t *key);

#endif
