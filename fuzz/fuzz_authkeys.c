/*
 * authorized_keys lines (tables/authkeys_parse.h): the parts of a key
 * line lie in it, and a key always comes with a known type.
 */
#include <stdint.h>

#include "../tables/authkeys_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct authkey_line k;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		if (authkeys_parse_line(line, &k) == -1)
			continue;
		fuzz_check_span(k.options, line.p, line.len);
		fuzz_check_span(k.algorithm, line.p, line.len);
		fuzz_check_span(k.key, line.p, line.len);
		fuzz_check_span(k.comment, line.p, line.len);
		CHECK(k.algorithm.p == NULL ||
		    authkeys_is_key_type(k.algorithm));
		CHECK((k.algorithm.p == NULL) == (k.key.p == NULL));
		CHECK(k.key.p != NULL || k.options.p != NULL);
	}
	return 0;
}
