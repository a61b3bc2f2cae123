/*
 * sysctl.d settings, names and paths (tables/sysctlconf.h) on arbitrary
 * text: every setting found must be looked up again by its key, and
 * every line taken as a name must give a path under /proc/sys without a
 * "." or ".." segment, or none.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/sysctlconf.h"
#include "../tables/textparse.h"
#include "fuzz.h"

static void
check_path(const char *name)
{
	char path[256], back[256];

	if (sysctl_path_from_name(name, path, sizeof(path)) == -1)
		return;
	CHECK(strncmp(path, "/proc/sys/", 10) == 0);
	CHECK(strstr(path, "/../") == NULL && strstr(path, "/./") == NULL);
	CHECK(strstr(path, "//") == NULL);
	CHECK(sysctl_name_from_rel(path + 10, back, sizeof(back)) == 0);
	CHECK(strcmp(back, name) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct sysctl_conf c;
	struct span line;
	char name[128];
	size_t i, off = 0;

	memset(&c, 0, sizeof(c));
	if (sysctl_conf_add(&c, buf, size) == 0)
		for (i = 0; i < c.n; i++)
			if (!c.v[i].glob)
				CHECK(sysctl_conf_value(&c, c.v[i].key) != NULL);
	sysctl_conf_free(&c);
	while (txt_next_line(buf, size, &off, &line)) {
		if (line.len >= sizeof(name) ||
		    memchr(line.p, '\0', line.len) != NULL)
			continue;
		memcpy(name, line.p, line.len);
		name[line.len] = '\0';
		check_path(name);
	}
	return 0;
}
