/*
 * The logger's streams and the files they are written to.  Each stream
 * of lines (results, snapshots, status) has a signature file of its own,
 * rotated with it, so that a batch and its signature always share a
 * file number and go together when rotation removes the oldest.
 */
#ifndef HOSTQL_LOGGER_STREAMS_H
#define HOSTQL_LOGGER_STREAMS_H

#include <stddef.h>

enum stream {
	STREAM_RESULTS,
	STREAM_SNAPSHOTS,
	STREAM_STATUS,
	STREAM_LINES,				/* the three above */
	STREAM_SIG_RESULTS = STREAM_LINES,	/* their signatures */
	STREAM_SIG_SNAPSHOTS,
	STREAM_SIG_STATUS,
	STREAM_MAX
};

/* The live file's name under --logger_path; rotated ones add ".N". */
const char	*stream_file(enum stream);
/* The signature stream of a stream of lines, and the other way. */
enum stream	 stream_signatures(enum stream lines);
int		 stream_is_signatures(enum stream);
enum stream	 stream_signed(enum stream signatures);
/* A stream of lines' short name, as a signature line names it:
 * "results" ...; and back (-1 for none). */
const char	*stream_name(enum stream);
int		 stream_by_name(const char *, size_t len);

#endif
