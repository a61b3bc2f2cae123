/*
 * /etc/shadow lines (tables/shadow_parse.h), split as the shadow table
 * splits the file.  The method a line gives must lie within its password
 * field: nothing past the second '$' may come out.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/shadow_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *colon, *end;
	struct shadow_line sp;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		if (shadow_parse_line(line, &sp) == -1)
			continue;
		fuzz_check_span(sp.name, line.p, line.len);
		fuzz_check_span(sp.hash_alg, line.p, line.len);
		CHECK(shadow_status_name(sp.status)[0] != '\0');
		if (sp.hash_alg.len == 0)
			continue;
		colon = memchr(line.p, ':', line.len);
		CHECK(colon != NULL && sp.hash_alg.p > colon);
		end = sp.hash_alg.p + sp.hash_alg.len;
		CHECK(end < line.p + line.len && *end == '$');
		CHECK(memchr(colon + 1, '$', (size_t)(end - colon - 1)) ==
		    sp.hash_alg.p - 1);
	}
	return 0;
}
