/*
 * /etc/passwd and /etc/group text (tables/passwd.h): the input is split
 * into lines as the users and groups tables split a file, and each line
 * is parsed both ways.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/passwd.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct passwd_line pw;
	struct group_line gr;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		CHECK(off <= size);
		fuzz_check_span(line, buf, size);
		if (passwd_parse_line(line, &pw) == 0) {
			fuzz_check_span(pw.name, line.p, line.len);
			fuzz_check_span(pw.passwd, line.p, line.len);
			fuzz_check_span(pw.gecos, line.p, line.len);
			fuzz_check_span(pw.dir, line.p, line.len);
			fuzz_check_span(pw.shell, line.p, line.len);
		}
		if (group_parse_line(line, &gr) == 0) {
			fuzz_check_span(gr.name, line.p, line.len);
			fuzz_check_span(gr.passwd, line.p, line.len);
			fuzz_check_span(gr.members, line.p, line.len);
		}
	}
	return 0;
}
