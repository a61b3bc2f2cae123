/*
 * sudoers(5) text (tables/sudoers_parse.h): every entry's spans lie in
 * the scratch buffer, which never needs more room than the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/sudoers_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct sudoers_entry e;
	size_t off = 0, last = 0;
	char *out = malloc(size + 1);

	CHECK(out != NULL);
	while (sudoers_next(buf, size, &off, out, &e)) {
		CHECK(off <= size && off > last);
		last = off;
		fuzz_check_span(e.header, out, size);
		fuzz_check_span(e.details, out, size);
		CHECK(e.kind == SUDOERS_RULE || e.details.len > 0);
	}
	CHECK(off == size);
	free(out);
	return 0;
}
