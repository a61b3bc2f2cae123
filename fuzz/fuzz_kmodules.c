/* /proc/modules lines (tables/kmodules.h) on arbitrary text. */
#include <stdint.h>

#include "../tables/kmodules.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct kmodule_line m;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		if (kmodule_parse_line(line, &m) == -1)
			continue;
		CHECK(m.name.len > 0 && m.address.len > 0);
		fuzz_check_span(m.name, buf, size);
		fuzz_check_span(m.refcount, buf, size);
		fuzz_check_span(m.used_by, buf, size);
		fuzz_check_span(m.status, buf, size);
		fuzz_check_span(m.address, buf, size);
		fuzz_check_span(m.taints, buf, size);
	}
	return 0;
}
