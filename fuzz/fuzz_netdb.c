/*
 * /etc/hosts, /etc/services and /etc/protocols text (tables/netdb_parse.h):
 * the input is split into lines as the tables split a file, each line
 * is parsed all three ways, and the lists are joined as the tables show
 * them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/netdb_parse.h"
#include "fuzz.h"

static void
check_join(struct span s)
{
	char *out;
	size_t n;

	if ((out = malloc(s.len + 1)) == NULL)
		return;
	n = netdb_join_words(s, out, s.len + 1);
	CHECK(n <= s.len && out[n] == '\0' && strlen(out) <= n);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct hosts_line h;
	struct services_line sv;
	struct protocols_line pr;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		fuzz_check_span(line, buf, size);
		if (hosts_parse_line(line, &h) == NETDB_ENTRY) {
			CHECK(h.address.len > 0);
			fuzz_check_span(h.address, line.p, line.len);
			fuzz_check_span(h.names, line.p, line.len);
			check_join(h.names);
		}
		if (services_parse_line(line, &sv) == NETDB_ENTRY) {
			fuzz_check_span(sv.name, line.p, line.len);
			fuzz_check_span(sv.protocol, line.p, line.len);
			fuzz_check_span(sv.aliases, line.p, line.len);
			fuzz_check_span(sv.comment, line.p, line.len);
			CHECK(sv.protocol.len > 0);
			check_join(sv.aliases);
		}
		if (protocols_parse_line(line, &pr) == NETDB_ENTRY) {
			fuzz_check_span(pr.name, line.p, line.len);
			fuzz_check_span(pr.alias, line.p, line.len);
			fuzz_check_span(pr.comment, line.p, line.len);
		}
	}
	return 0;
}
