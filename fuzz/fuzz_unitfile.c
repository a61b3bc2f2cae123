/*
 * systemd unit files, XDG autostart entries and Exec= lines
 * (tables/unitfile.h) on arbitrary text; unit name predicates on the
 * first line.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/unitfile.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct unit_info u;
	struct desktop_entry d;
	struct span prog, args, line;
	char name[128];
	size_t off = 0;

	CHECK(unitfile_parse(buf, size, &u) == 0);
	fuzz_check_span(u.user, buf, size);
	CHECK(desktop_parse(buf, size, &d) == 0);
	fuzz_check_span(d.name, buf, size);
	fuzz_check_span(d.exec, buf, size);
	desktop_exec_split(d.exec, &prog, &args);
	fuzz_check_span(prog, buf, size);
	fuzz_check_span(args, buf, size);
	if (txt_next_line(buf, size, &off, &line) && line.len < sizeof(name) &&
	    memchr(line.p, '\0', line.len) == NULL) {
		memcpy(name, line.p, line.len);
		name[line.len] = '\0';
		(void)unitfile_is_unit(name);
		if (unitfile_is_template(name))
			CHECK(strchr(name, '@') != NULL);
		(void)unitfile_instance_of(name, "getty@.service");
		(void)unitfile_instance_of("getty@tty1.service", name);
	}
	return 0;
}
