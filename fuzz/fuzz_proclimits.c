/*
 * /proc/<pid>/limits (tables/proclimits.h) on arbitrary bytes: each
 * value found lies in the input and is "unlimited" or digits.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/proclimits.h"
#include "fuzz.h"

static void
check_value(struct span v, const char *buf, size_t len)
{
	size_t i;

	fuzz_check_span(v, buf, len);
	CHECK(v.len > 0);
	if (v.len == 9 && memcmp(v.p, "unlimited", 9) == 0)
		return;
	for (i = 0; i < v.len; i++)
		CHECK(v.p[i] >= '0' && v.p[i] <= '9');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct proclimit_value v[LIMIT_MAX];
	int r, n, found = 0;

	n = proclimits_parse(buf, size, v);
	CHECK(n >= 0 && n <= LIMIT_MAX);
	for (r = 0; r < LIMIT_MAX; r++) {
		CHECK(proclimits_name(r) != NULL);
		if (v[r].soft.len == 0) {
			CHECK(v[r].hard.len == 0);
			continue;
		}
		found++;
		check_value(v[r].soft, buf, size);
		check_value(v[r].hard, buf, size);
	}
	CHECK(found == n);
	return 0;
}
