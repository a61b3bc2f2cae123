/*
 * The cpuN lines of /proc/stat (tables/cpustat.h) on arbitrary bytes:
 * the walk moves forward and a core number is never negative.
 */
#include <stdint.h>

#include "../tables/cpustat.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct cpustat cs;
	size_t off = 0, last;
	int rc;

	for (;;) {
		last = off;
		if ((rc = cpustat_next(buf, size, &off, &cs)) == 0)
			break;
		CHECK(off > last && off <= size);
		if (rc == 1)
			CHECK(cs.core >= 0 && cs.core <= INT32_MAX);
	}
	return 0;
}
