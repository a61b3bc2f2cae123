/* /proc/cpuinfo by package (tables/cpupkg.h) on arbitrary text. */
#include <stdint.h>

#include "../tables/cpupkg.h"
#include "fuzz.h"

static struct cpu_package pk[CPUPKG_MAX];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	int i, n;

	n = cpupkg_parse(buf, size, pk, CPUPKG_MAX);
	CHECK(n >= 0 && n <= CPUPKG_MAX);
	for (i = 0; i < n; i++) {
		CHECK(pk[i].nlogical > 0 && pk[i].first_cpu >= 0);
		CHECK(pk[i].cores >= 0 && pk[i].siblings >= 0);
		CHECK(pk[i].address_width == 0 || pk[i].address_width == 32 ||
		    pk[i].address_width == 64);
		fuzz_check_span(pk[i].vendor, buf, size);
		fuzz_check_span(pk[i].model_name, buf, size);
		fuzz_check_span(pk[i].mhz, buf, size);
		(void)cpupkg_mhz(pk[i].mhz);
	}
	CHECK(cpupkg_parse(buf, size, pk, 1) <= 1);
	return 0;
}
