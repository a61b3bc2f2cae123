/*
 * /proc/loadavg (tables/loadavg.h) on arbitrary bytes: an accepted
 * average is digits, a point and exactly six decimals, NUL-terminated
 * within its buffer.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/loadavg.h"
#include "fuzz.h"

static void
check_average(const char *a)
{
	size_t n = strnlen(a, LOADAVG_TEXT_MAX), i, dot;

	CHECK(n < LOADAVG_TEXT_MAX);
	CHECK(n >= 8);
	dot = n - 7;
	CHECK(a[dot] == '.');
	for (i = 0; i < n; i++)
		if (i != dot)
			CHECK(a[i] >= '0' && a[i] <= '9');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char avg[3][LOADAVG_TEXT_MAX];
	int i;

	if (loadavg_parse((const char *)data, size, avg) == 0)
		for (i = 0; i < 3; i++)
			check_average(avg[i]);
	return 0;
}
