/*
 * ssh_config(5) lines (tables/sshconfig_parse.h): keyword and arguments
 * lie in the line, and the arguments split into spans within them.
 */
#include <stdint.h>

#include "../tables/sshconfig_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct sshconfig_line c;
	struct span line, args, arg;
	size_t off = 0, n;

	while (txt_next_line(buf, size, &off, &line)) {
		if (sshconfig_parse_line(line, &c) == -1)
			continue;
		fuzz_check_span(c.text, line.p, line.len);
		fuzz_check_span(c.keyword, c.text.p, c.text.len);
		fuzz_check_span(c.args, c.text.p, c.text.len);
		CHECK(c.keyword.len > 0);
		args = c.args;
		for (n = 0; sshconfig_next_arg(&args, &arg); n++) {
			fuzz_check_span(arg, c.args.p, c.args.len);
			CHECK(n <= c.args.len);
		}
		CHECK(args.len == 0);
	}
	return 0;
}
