/* /proc/cpuinfo (tables/cpuinfo.h) on arbitrary text. */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/cpuinfo.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct cpuinfo ci;

	CHECK(cpuinfo_parse(buf, size, &ci) == 0);
	CHECK(ci.logical >= 0 && ci.physical >= 0 && ci.sockets >= -1);
	fuzz_check_span(ci.brand, buf, size);
	fuzz_check_span(ci.model, buf, size);
	fuzz_check_span(ci.microcode, buf, size);
	return 0;
}
