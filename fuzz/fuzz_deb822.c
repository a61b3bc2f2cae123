/*
 * Control-file stanzas and dpkg's records (tables/deb822.h,
 * tables/dpkg.h): the input is split into stanzas as deb_packages splits
 * dpkg's status file, each stanza into fields both ways, and each is read
 * as a package.  The prefix deb822_complete_len() claims whole must end
 * at a line end.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/deb822.h"
#include "../tables/dpkg.h"
#include "fuzz.h"

static void
fields(struct span st, unsigned int flags)
{
	struct deb822_field f;
	size_t off = 0;

	while (deb822_next_field(st, &off, flags, &f)) {
		CHECK(off <= st.len);
		fuzz_check_span(f.name, st.p, st.len);
		fuzz_check_span(f.value, st.p, st.len);
		fuzz_check_span(f.full, st.p, st.len);
		CHECK(f.name.len > 0);
	}
	(void)deb822_find(st, "Package", flags, &f);
}

static void
package(struct span st)
{
	struct dpkg_pkg p;
	struct span pri;
	char status[48];
	size_t n;

	if (dpkg_parse_stanza(st, &p) == -1)
		return;
	CHECK(p.name.len > 0);
	fuzz_check_span(p.name, st.p, st.len);
	fuzz_check_span(p.version, st.p, st.len);
	fuzz_check_span(p.revision, st.p, st.len);
	fuzz_check_span(p.arch, st.p, st.len);
	fuzz_check_span(p.source, st.p, st.len);
	fuzz_check_span(p.size, st.p, st.len);
	fuzz_check_span(p.state, st.p, st.len);
	n = dpkg_status_text(&p, status, sizeof(status));
	CHECK(n < sizeof(status) && status[n] == '\0');
	pri = dpkg_priority(&p);
	CHECK(pri.len > 0 || p.priority.len == 0);
	(void)dpkg_listed(&p);
	CHECK(dpkg_same_package(&p, &p));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct span st;
	size_t off = 0, whole;

	whole = deb822_complete_len(buf, size);
	CHECK(whole <= size);
	CHECK(whole == 0 || buf[whole - 1] == '\n');
	while (deb822_next_stanza(buf, size, &off, &st)) {
		CHECK(off <= size && st.len > 0);
		fuzz_check_span(st, buf, size);
		fields(st, 0);
		fields(st, DEB822_COMMENTS);
		package(st);
	}
	return 0;
}
