/*
 * yum's INI files (tables/inifile.h): every section and key of the
 * input, each value joined into a small and a large buffer.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/inifile.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct span section = { NULL, 0 };
	struct ini_item it;
	char small[5], big[256];
	size_t off = 0, n;

	while (ini_next(buf, size, &off, &section, &it)) {
		CHECK(off <= size);
		fuzz_check_span(it.section, buf, size);
		if (it.kind == INI_SECTION) {
			CHECK(it.section.len > 0);
			continue;
		}
		CHECK(it.key.len > 0);
		fuzz_check_span(it.key, buf, size);
		fuzz_check_span(it.value, buf, size);
		fuzz_check_span(it.full, buf, size);
		n = ini_join(it.full, small, sizeof(small));
		CHECK(n < sizeof(small) && strlen(small) <= n);
		n = ini_join(it.full, big, sizeof(big));
		CHECK(n < sizeof(big) && strlen(big) <= n);
		CHECK(ini_join(it.full, big, 0) == 0);
	}
	return 0;
}
