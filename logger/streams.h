/* The logger's streams and the files they are written to. */
#ifndef HOSTQL_LOGGER_STREAMS_H
#define HOSTQL_LOGGER_STREAMS_H

enum stream {
	STREAM_RESULTS,
	STREAM_SNAPSHOTS,
	STREAM_STATUS,
	STREAM_SIGNATURES,
	STREAM_MAX
};

/* The live file's name under --logger_path; rotated ones add ".N". */
const char	*stream_file(enum stream);

#endif
