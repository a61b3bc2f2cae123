/*
 * /proc/mounts lines, their escapes, and symlink targets folded against
 * a link's directory (tables/mountparse.h), on arbitrary text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/mountparse.h"
#include "fuzz.h"

static void
unescape(struct span s)
{
	char *out = malloc(s.len + 1);
	size_t n;

	CHECK(out != NULL);
	n = mount_unescape(s, out);
	CHECK(n <= s.len && out[n] == '\0' && strlen(out) == n);
	free(out);
}

static void
link_target(struct span a, struct span b)
{
	char link[128], target[128], out[64];

	if (a.len >= sizeof(link) - 1 || b.len >= sizeof(target) ||
	    memchr(a.p, '\0', a.len) != NULL ||
	    memchr(b.p, '\0', b.len) != NULL)
		return;
	link[0] = '/';
	memcpy(link + 1, a.p, a.len);
	link[a.len + 1] = '\0';
	memcpy(target, b.p, b.len);
	target[b.len] = '\0';
	if (mount_link_target(link, target, out, sizeof(out)) == 0) {
		CHECK(out[0] == '/' && strlen(out) < sizeof(out));
		CHECK(strstr(out, "/../") == NULL && strstr(out, "//") == NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct mount_line m;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		if (mount_parse_line(line, &m) == -1)
			continue;
		fuzz_check_span(m.device, buf, size);
		fuzz_check_span(m.path, buf, size);
		fuzz_check_span(m.type, buf, size);
		fuzz_check_span(m.options, buf, size);
		unescape(m.device);
		unescape(m.path);
		link_target(m.device, m.path);
	}
	return 0;
}
