/*
 * The SMBIOS parser (tables/smbios.h) on arbitrary bytes, read both as
 * an entry point and as a table: every structure the walk gives must lie
 * inside the input, and so must every string and decoded span.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/smbios.h"
#include "fuzz.h"

static void
check_struct(const struct smbios_struct *st, const uint8_t *buf, size_t len)
{
	struct smbios_bios b;
	struct smbios_memdev m;
	struct span s;
	unsigned int i;

	CHECK(st->data >= buf && st->offset <= len &&
	    st->size <= len - st->offset);
	CHECK(st->length >= 4 && st->size >= (size_t)st->length + 2);
	CHECK(st->strings == st->data + st->length);
	for (i = 0; i < 8; i++)
		if (smbios_string(st, (uint8_t)i, &s) == 0) {
			CHECK(s.len > 0);
			fuzz_check_span(s, (const char *)buf, len);
			CHECK(memchr(s.p, '\0', s.len) == NULL);
		}
	if (smbios_bios_parse(st, &b) == 0) {
		fuzz_check_span(b.vendor, (const char *)buf, len);
		fuzz_check_span(b.version, (const char *)buf, len);
		fuzz_check_span(b.date, (const char *)buf, len);
		CHECK(b.rom_size >= -1);
	}
	if (smbios_memdev_parse(st, &m) == 0) {
		fuzz_check_span(m.device_locator, (const char *)buf, len);
		fuzz_check_span(m.part_number, (const char *)buf, len);
		CHECK(memchr(m.type_details, '\0',
		    sizeof(m.type_details)) != NULL);
		CHECK(m.size >= -1 && m.max_speed >= -1);
	}
	CHECK(smbios_type_name(st->type) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smbios_entry e;
	struct smbios_walk w;
	struct smbios_struct st;
	unsigned int max, n = 0;

	if (smbios_entry_parse(data, size, &e) == 0)
		CHECK(e.major >= 0 && e.minor >= 0);
	max = size > 0 ? data[0] % 8 : 0;
	smbios_walk_init(&w, data, size, max);
	while (smbios_next(&w, &st)) {
		check_struct(&st, data, size);
		n++;
		CHECK(max == 0 || n <= max);
	}
	CHECK(w.done);
	return 0;
}
