/* The streams' file names; see streams.h. */
#include "streams.h"

static const char *const names[STREAM_MAX] = {
	[STREAM_RESULTS] = "hostqld.results.log",
	[STREAM_SNAPSHOTS] = "hostqld.snapshots.log",
	[STREAM_STATUS] = "hostqld.status.log",
	[STREAM_SIGNATURES] = "hostqld.signatures.log",
};

const char *
stream_file(enum stream s)
{
	return s < STREAM_MAX ? names[s] : "?";
}
