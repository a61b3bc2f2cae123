/* The streams' file names; see streams.h. */
#include <string.h>

#include "streams.h"

static const char *const names[STREAM_MAX] = {
	[STREAM_RESULTS] = "hostqld.results.log",
	[STREAM_SNAPSHOTS] = "hostqld.snapshots.log",
	[STREAM_STATUS] = "hostqld.status.log",
	[STREAM_SIG_RESULTS] = "hostqld.results.sig",
	[STREAM_SIG_SNAPSHOTS] = "hostqld.snapshots.sig",
	[STREAM_SIG_STATUS] = "hostqld.status.sig",
};

static const char *const short_names[STREAM_LINES] = {
	[STREAM_RESULTS] = "results",
	[STREAM_SNAPSHOTS] = "snapshots",
	[STREAM_STATUS] = "status",
};

const char *
stream_file(enum stream s)
{
	return s < STREAM_MAX ? names[s] : "?";
}

enum stream
stream_signatures(enum stream lines)
{
	return (enum stream)(lines + STREAM_LINES);
}

int
stream_is_signatures(enum stream s)
{
	return s >= STREAM_LINES && s < STREAM_MAX;
}

enum stream
stream_signed(enum stream signatures)
{
	return (enum stream)(signatures - STREAM_LINES);
}

const char *
stream_name(enum stream s)
{
	return s < STREAM_LINES ? short_names[s] : "?";
}

int
stream_by_name(const char *name, size_t len)
{
	int s;

	for (s = 0; s < STREAM_LINES; s++)
		if (strlen(short_names[s]) == len &&
		    memcmp(short_names[s], name, len) == 0)
			return s;
	return -1;
}
