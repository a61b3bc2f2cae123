/* uevent values for sysfs; see sysfs.h. */
#include <string.h>

#include "sysfs.h"

int
sysfs_uevent_value(const char *buf, size_t len, const char *key,
    struct span *value)
{
	struct span line;
	size_t off = 0, klen = strlen(key);

	if (klen == 0)
		return -1;
	while (txt_next_line(buf, len, &off, &line)) {
		if (line.len > klen && line.p[klen] == '=' &&
		    memcmp(line.p, key, klen) == 0) {
			value->p = line.p + klen + 1;
			value->len = line.len - klen - 1;
			return 0;
		}
	}
	return -1;
}
