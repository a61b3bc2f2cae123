/*
 * The denylist file's parser (privd/denylist.c): whatever it takes is in
 * force within a day, has a name a line can hold, and comes back the same
 * through the writer's text; whatever it rejects leaves no entry.  The
 * first input byte picks how many entries may be in force.
 */
#include <stdint.h>
#include <string.h>

#include "../privd/daemon.h"
#include "fuzz.h"

#define NOW	((time_t)1700000000)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct denied out[DENYLIST_MAX], again[DENYLIST_MAX];
	static char text[DENYLIST_FILE_MAX];
	char err[128];
	size_t max, n, m, len, i;

	if (size == 0)
		return 0;
	max = data[0] % (DENYLIST_MAX + 1);
	if (denylist_parse((const char *)data + 1, size - 1, NOW, out, max,
	    &n, err, sizeof(err)) == -1) {
		CHECK(n == 0 && err[0] != '\0');
		return 0;
	}
	CHECK(n <= max);
	for (i = 0; i < n; i++) {
		CHECK(out[i].until > NOW &&
		    out[i].until <= NOW + DENYLIST_SECONDS);
		CHECK(out[i].name[0] != '\0' && strchr(out[i].name, '\n') ==
		    NULL);
	}
	CHECK(denylist_format(out, n, NOW, text, sizeof(text), &len) == 0);
	CHECK(denylist_parse(text, len, NOW, again, max, &m, err,
	    sizeof(err)) == 0 && m == n);
	for (i = 0; i < n; i++)
		CHECK(again[i].until == out[i].until &&
		    strcmp(again[i].name, out[i].name) == 0);
	return 0;
}
