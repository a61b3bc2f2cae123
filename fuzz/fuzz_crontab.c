/*
 * crontab(5) lines (tables/crontab_parse.h): a job's fields lie in its
 * line, in order, and it always has a command.
 */
#include <stdint.h>

#include "../tables/crontab_parse.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct cron_line c;
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, size, &off, &line)) {
		if (crontab_parse_line(line, &c) == -1)
			continue;
		fuzz_check_span(c.event, line.p, line.len);
		fuzz_check_span(c.minute, line.p, line.len);
		fuzz_check_span(c.hour, line.p, line.len);
		fuzz_check_span(c.day_of_month, line.p, line.len);
		fuzz_check_span(c.month, line.p, line.len);
		fuzz_check_span(c.day_of_week, line.p, line.len);
		fuzz_check_span(c.command, line.p, line.len);
		CHECK(c.command.len > 0);
		CHECK((c.event.len > 0) != (c.minute.len > 0));
	}
	return 0;
}
