/*
 * The /proc parsers (tables/procfs.h) on arbitrary bytes: every one of
 * them gets the whole input, as a file of /proc/<pid> or of /proc may
 * hold anything its process or the kernel put there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/procfs.h"
#include "fuzz.h"

static void
fuzz_stat(const char *buf, size_t len)
{
	struct proc_stat st;

	if (procfs_parse_stat(buf, len, &st) == 0) {
		CHECK(st.comm_len < sizeof(st.comm));
		CHECK(memchr(st.comm, '\0', sizeof(st.comm)) != NULL);
	}
}

static void
fuzz_status(const char *buf, size_t len)
{
	struct proc_status s;

	(void)procfs_parse_status(buf, len, &s);
	fuzz_check_span(s.name, buf, len);
}

static void
fuzz_cmdline(const char *buf, size_t len)
{
	char *out = malloc(len > 0 ? len : 1);
	size_t n;

	if (out == NULL)
		return;
	n = procfs_cmdline_join(buf, len, out);
	CHECK(n <= len);
	CHECK(memchr(out, '\0', n) == NULL);
	free(out);
}

static void
fuzz_misc(const char *buf, size_t len)
{
	struct proc_io io;
	struct span cg;
	int64_t btime;
	uint64_t up;
	size_t n = len;

	(void)procfs_parse_io(buf, len, &io);
	if (procfs_cgroup_unified(buf, len, &cg) == 0)
		fuzz_check_span(cg, buf, len);
	if (procfs_exe_deleted(buf, &n))
		CHECK(n + 10 == len);
	else
		CHECK(n == len);
	(void)procfs_parse_btime(buf, len, &btime);
	(void)procfs_parse_uptime(buf, len, &up);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;

	fuzz_stat(buf, size);
	fuzz_status(buf, size);
	fuzz_cmdline(buf, size);
	fuzz_misc(buf, size);
	return 0;
}
