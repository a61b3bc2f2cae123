/*
 * Python core metadata headers (tables/pymeta.h) on arbitrary text.
 */
#include <stdint.h>

#include "../tables/pymeta.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct pymeta m;

	if (pymeta_parse(buf, size, &m) == -1)
		return 0;
	fuzz_check_span(m.name, buf, size);
	fuzz_check_span(m.version, buf, size);
	fuzz_check_span(m.summary, buf, size);
	fuzz_check_span(m.author, buf, size);
	fuzz_check_span(m.license, buf, size);
	return 0;
}
