/*
 * /proc/<pid>/maps lines (tables/procmaps.h) on arbitrary bytes: every
 * span returned lies in the input, every field has its form, and the
 * walk always moves forward.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/procmaps.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct procmaps_entry e;
	size_t off = 0, last;
	int rc;

	for (;;) {
		last = off;
		if ((rc = procmaps_next(buf, size, &off, &e)) == 0)
			break;
		CHECK(off > last && off <= size);
		if (rc == -1)
			continue;
		fuzz_check_span(e.start, buf, size);
		fuzz_check_span(e.end, buf, size);
		fuzz_check_span(e.perms, buf, size);
		fuzz_check_span(e.device, buf, size);
		fuzz_check_span(e.path, buf, size);
		CHECK(e.start.len > 0 && e.start.len <= 16);
		CHECK(e.end.len > 0 && e.end.len <= 16);
		CHECK(e.perms.len == 4);
		CHECK(memchr(e.path.p != NULL ? e.path.p : "", '\n',
		    e.path.len) == NULL);
	}
	return 0;
}
