/*
 * resolv.conf text (tables/resolv_parse.h): the whole input as the file,
 * then its first line as the host name.  The lists stay within glibc's
 * limits, the search names inside the text they were cut from, and the
 * parse always ends (glibc's own loops forever on some sort lists).
 */
#include <stdint.h>
#include <string.h>

#include "../tables/resolv_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct resolv_conf c;
	struct span host;
	size_t off = 0, i;

	resolv_parse(buf, size, &c);
	CHECK(c.nns >= 1 && c.nns <= RESOLV_MAXNS);
	CHECK(c.nsearch <= RESOLV_MAXDNSRCH && c.nsort <= RESOLV_MAXSORT);
	for (i = 0; i < c.nns; i++)
		CHECK(memchr(c.ns[i].text, '\0', sizeof(c.ns[i].text)) != NULL);
	for (i = 0; i < c.nsearch; i++)
		fuzz_check_span(c.search[i], buf, size);
	for (i = 0; i < c.nsort; i++)
		(void)resolv_mask_bits(c.sort[i].mask);
	if (txt_next_line(buf, size, &off, &host)) {
		resolv_default_search(&c, host.p, host.len);
		for (i = 0; i < c.nsearch; i++)
			fuzz_check_span(c.search[i], buf, size);
	}
	return 0;
}
