/*
 * /proc/sysvipc/shm (tables/sysvipc.h) on arbitrary bytes: the walk
 * always moves forward, and a refused line leaves nothing behind.
 */
#include <stdint.h>

#include "../tables/sysvipc.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct sysvipc_shm s;
	size_t off = 0, last;
	int rc;

	for (;;) {
		last = off;
		if ((rc = sysvipc_shm_next(buf, size, &off, &s)) == 0)
			break;
		CHECK(off > last && off <= size);
		if (rc == -1)
			CHECK(s.shmid == 0 && s.mode == 0 && s.size == 0);
		else
			CHECK(s.mode <= 07777777);
	}
	return 0;
}
