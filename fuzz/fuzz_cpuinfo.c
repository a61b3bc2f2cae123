/* /proc/cpuinfo (tables/cpuinfo.h) on arbitrary text. */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/cpuinfo.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) __builtin_trap(); } while (0)

static void
check_span(struct span s, const char *buf, size_t len)
{
	if (s.len == 0)
		return;
	CHECK(s.p >= buf && s.len <= len && (size_t)(s.p - buf) <= len - s.len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct cpuinfo ci;

	CHECK(cpuinfo_parse(buf, size, &ci) == 0);
	CHECK(ci.logical >= 0 && ci.physical >= 0 && ci.sockets >= -1);
	check_span(ci.brand, buf, size);
	check_span(ci.model, buf, size);
	check_span(ci.microcode, buf, size);
	return 0;
}
