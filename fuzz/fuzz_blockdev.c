/*
 * udev database entries, udev escapes and dm uuids (tables/blockdev.h)
 * on arbitrary bytes.  (uevent files: fuzz_uevent.c.)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/blockdev.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {
		"MAJOR", "DEVNAME", "ID_FS_LABEL_ENC", "ID_FS_TYPE", "",
	};
	const char *buf = (const char *)data;
	struct span v, t, all = { buf, size };
	char *out, name[32];
	size_t i, n;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (blk_udev_property(buf, size, keys[i], &v) == 0)
			fuzz_check_span(v, buf, size);
	out = malloc(size + 1);
	CHECK(out != NULL);
	n = blk_udev_unescape(all, out);
	CHECK(n <= size && out[n] == '\0');
	free(out);
	if (blk_dm_crypt_type(buf, size, &t) == 1) {
		fuzz_check_span(t, buf, size);
		CHECK(t.len > 0 && memchr(t.p, '-', t.len) == NULL);
	}
	if (size < 64 && memchr(buf, '\0', size) == NULL) {
		char kn[64];

		memcpy(kn, buf, size);
		kn[size] = '\0';
		if (blk_devname(kn, name, sizeof(name)) == 0)
			CHECK(strncmp(name, "/dev/", 5) == 0 &&
			    strlen(name) == size + 5);
	}
	return 0;
}
