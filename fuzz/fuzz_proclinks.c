/*
 * The PROC_FDS and PROC_NS lists (tables/proclinks.h) on arbitrary
 * bytes, both ways: targets lie in the input and end where their NUL
 * is, an error ends the walk, and inode numbers of any target parse
 * without reading past it.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/proclinks.h"
#include "fuzz.h"

static void
check_target(struct span t, const char *buf, size_t len)
{
	fuzz_check_span(t, buf, len);
	CHECK(t.p + t.len < buf + len && t.p[t.len] == '\0');
	CHECK(memchr(t.p, '\0', t.len) == NULL);
	(void)proclinks_inode(t, NULL);
	(void)proclinks_inode(t, "pipe");
	(void)proclinks_is(t, "socket");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct proclinks c;
	struct span name, target;
	uint32_t fd;
	int rc;

	proclinks_init(&c, buf, size);
	while ((rc = proclinks_next_fd(&c, &fd, &target)) == 1)
		check_target(target, buf, size);
	CHECK(proclinks_next_fd(&c, &fd, &target) == 0);

	proclinks_init(&c, buf, size);
	while ((rc = proclinks_next_ns(&c, &name, &target)) == 1) {
		check_target(name, buf, size);
		check_target(target, buf, size);
	}
	CHECK(proclinks_next_ns(&c, &name, &target) == 0);
	return 0;
}
