/*
 * /etc/passwd and /etc/group text (tables/passwd.h): the input is split
 * into lines as the users and groups tables split a file, and each line
 * is parsed both ways.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/passwd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) __builtin_trap(); } while (0)

static void
check_span(struct span s, struct span line)
{
	if (s.len == 0)
		return;
	CHECK(s.p >= line.p && s.len <= line.len &&
	    (size_t)(s.p - line.p) <= line.len - s.len);
}

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
		check_span(line, (struct span){ buf, size });
		if (passwd_parse_line(line, &pw) == 0) {
			check_span(pw.name, line);
			check_span(pw.passwd, line);
			check_span(pw.gecos, line);
			check_span(pw.dir, line);
			check_span(pw.shell, line);
		}
		if (group_parse_line(line, &gr) == 0) {
			check_span(gr.name, line);
			check_span(gr.passwd, line);
			check_span(gr.members, line);
		}
	}
	return 0;
}
