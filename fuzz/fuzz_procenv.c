/*
 * environ files (tables/procenv.h) on arbitrary bytes: keys and values
 * lie in the input and hold no NUL, a key holds no '=' (and is empty
 * only before one), and the walk moves forward.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/procenv.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct span k, v;
	size_t off = 0, last;

	for (;;) {
		last = off;
		if (procenv_next(buf, size, &off, &k, &v) == 0)
			break;
		CHECK(off > last && off <= size);
		fuzz_check_span(k, buf, size);
		fuzz_check_span(v, buf, size);
		/* An empty key comes only from a string starting with '='. */
		CHECK(k.len > 0 || v.p == k.p + 1);
		CHECK(k.len == 0 || memchr(k.p, '=', k.len) == NULL);
		CHECK(k.len == 0 || memchr(k.p, '\0', k.len) == NULL);
		CHECK(v.len == 0 || memchr(v.p, '\0', v.len) == NULL);
	}
	return 0;
}
