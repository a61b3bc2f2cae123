/*
 * Shell history lines (tables/history_parse.h), fed in order as the
 * table feeds a file, each command also unmetafied as for zsh.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../tables/history_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct history_state st = { 0, 0 };
	struct history_entry e;
	struct span line;
	size_t off = 0;
	char *out = malloc(size + 1);

	CHECK(out != NULL);
	while (txt_next_line(buf, size, &off, &line)) {
		if (!history_parse_line(&st, line, &e))
			continue;
		fuzz_check_span(e.command, line.p, line.len);
		CHECK(e.time >= 0);
		CHECK(history_unmeta(e.command, out) <= e.command.len);
	}
	free(out);
	return 0;
}
