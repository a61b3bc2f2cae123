/*
 * /proc/iomem (tables/iomem.h) on arbitrary bytes: spans lie in the
 * input, addresses are short hex runs, the walk moves forward.
 */
#include <stdint.h>

#include "../tables/iomem.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct iomem_region r;
	size_t off = 0, last;
	int rc;

	for (;;) {
		last = off;
		if ((rc = iomem_next(buf, size, &off, &r)) == 0)
			break;
		CHECK(off > last && off <= size);
		if (rc == -1)
			continue;
		fuzz_check_span(r.start, buf, size);
		fuzz_check_span(r.end, buf, size);
		fuzz_check_span(r.name, buf, size);
		CHECK(r.start.len > 0 && r.start.len <= 16);
		CHECK(r.end.len > 0 && r.end.len <= 16);
		CHECK(r.depth >= 0);
		(void)iomem_zero(r.start);
	}
	return 0;
}
