/*
 * The SMBIOS parser on tables captured from QEMU's firmware (SeaBIOS,
 * an SMBIOS 2.8 entry point on the i440FX machine, a 3.0 one on Q35), on
 * every truncation of them, and on structures built to reach the fields
 * those tables leave out (extended sizes and speeds, odd lengths).
 * The expected values are what dmidecode prints for the same tables.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/digest.h"
#include "../../tables/smbios.h"
#include "fixture.h"

static char *
fixture(const char *name, size_t *len)
{
	return fixture_load("smbios", name, len);
}

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

/* Every structure of a table, walked to its end. */
static unsigned int
walk_all(const void *buf, size_t len, unsigned int max,
    struct smbios_struct *out, unsigned int nout, int *broken)
{
	struct smbios_walk w;
	struct smbios_struct st;
	unsigned int n = 0;

	smbios_walk_init(&w, buf, len, max);
	while (smbios_next(&w, &st)) {
		ck_assert_uint_le(st.offset + st.size, len);
		ck_assert_uint_ge(st.length, 4);
		if (n < nout)
			out[n] = st;
		n++;
	}
	*broken = w.broken;
	return n;
}

START_TEST(entry_point_2)
{
	struct smbios_entry e;
	size_t len;
	char *buf = fixture("qemu-pc.smbios_entry_point", &len);

	ck_assert_int_eq(smbios_entry_parse(buf, len, &e), 0);
	ck_assert_int_eq(e.is64, 0);
	ck_assert_int_eq(e.major, 2);
	ck_assert_int_eq(e.minor, 8);
	ck_assert_uint_eq(e.table_len, 531);
	ck_assert_uint_eq(e.count, 10);
	free(buf);
}
END_TEST

START_TEST(entry_point_3)
{
	struct smbios_entry e;
	size_t len;
	char *buf = fixture("qemu-q35-64.smbios_entry_point", &len);

	ck_assert_int_eq(smbios_entry_parse(buf, len, &e), 0);
	ck_assert_int_eq(e.is64, 1);
	ck_assert_int_eq(e.major, 3);
	ck_assert_int_eq(e.minor, 0);
	ck_assert_int_eq(e.docrev, 0);
	ck_assert_uint_eq(e.table_len, 452);
	ck_assert_uint_eq(e.count, 0);
	free(buf);
}
END_TEST

/* A cut entry point, a wrong checksum, or something else is refused. */
START_TEST(entry_point_damaged)
{
	static const char *names[] = { "qemu-pc.smbios_entry_point",
	    "qemu-q35-64.smbios_entry_point" };
	struct smbios_entry e;
	size_t len, n, i;
	char *buf;

	for (i = 0; i < 2; i++) {
		buf = fixture(names[i], &len);
		for (n = 0; n < len; n++)
			ck_assert_int_eq(smbios_entry_parse(buf, n, &e), -1);
		buf[len - 1] ^= 0x40;
		ck_assert_int_eq(smbios_entry_parse(buf, len, &e), -1);
		free(buf);
	}
	ck_assert_int_eq(smbios_entry_parse("_SM_", 4, &e), -1);
	ck_assert_int_eq(smbios_entry_parse("", 0, &e), -1);
}
END_TEST

START_TEST(walk_pc)
{
	static const uint8_t types[] = { 0, 1, 2, 3, 4, 16, 17, 19, 32, 127 };
	static const uint16_t handles[] = { 0x0000, 0x0100, 0x0200, 0x0300,
	    0x0400, 0x1000, 0x1100, 0x1300, 0x2000, 0x7f00 };
	static const uint8_t lengths[] = { 24, 27, 15, 22, 42, 23, 40, 31,
	    11, 4 };
	static const size_t sizes[] = { 67, 116, 55, 60, 68, 25, 88, 33, 13,
	    6 };
	struct smbios_struct st[12];
	struct digest_hex hex;
	size_t len;
	char *buf = fixture("qemu-pc.DMI", &len);
	unsigned int n, i;
	int broken;

	n = walk_all(buf, len, 0, st, 12, &broken);
	ck_assert_uint_eq(n, 10);
	ck_assert_int_eq(broken, 0);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(st[i].type, types[i]);
		ck_assert_uint_eq(st[i].handle, handles[i]);
		ck_assert_uint_eq(st[i].length, lengths[i]);
		ck_assert_uint_eq(st[i].size, sizes[i]);
	}
	ck_assert_uint_eq(st[9].offset + st[9].size, len);
	ck_assert_int_eq(digest_buf(st[0].data, st[0].size, DIGEST_MD5,
	    &hex), 0);
	ck_assert_str_eq(hex.md5, "a88ae93aec9f40ca5510593f609db0a8");
	ck_assert_int_eq(digest_buf(st[6].data, st[6].size, DIGEST_MD5,
	    &hex), 0);
	ck_assert_str_eq(hex.md5, "534a8f23223f30862fef974186bf9f84");
	free(buf);
}
END_TEST

/* The count of a 2.x entry point ends the walk; so does type 127. */
START_TEST(walk_bounds)
{
	struct smbios_struct st[1];
	size_t len;
	char *buf = fixture("qemu-pc.DMI", &len), *more;
	int broken;

	ck_assert_uint_eq(walk_all(buf, len, 4, st, 1, &broken), 4);
	ck_assert_int_eq(broken, 0);
	/* Junk after the end-of-table structure is not read. */
	more = malloc(len + 64);
	ck_assert_ptr_nonnull(more);
	memcpy(more, buf, len);
	memset(more + len, 0xa5, 64);
	ck_assert_uint_eq(walk_all(more, len + 64, 0, st, 1, &broken), 10);
	ck_assert_int_eq(broken, 0);
	free(more);
	free(buf);
}
END_TEST

/* Every cut of the table gives the structures before the cut, and says
 * it is damaged when the cut falls inside one. */
START_TEST(walk_truncated)
{
	static const char *names[] = { "qemu-pc.DMI", "qemu-q35-64.DMI" };
	struct smbios_struct all[16], st[16];
	size_t len, cut, i, ends;
	unsigned int n, full, k;
	char *buf, *copy;
	int broken;

	for (i = 0; i < 2; i++) {
		buf = fixture(names[i], &len);
		full = walk_all(buf, len, 0, all, 16, &broken);
		for (cut = 0; cut < len; cut++) {
			/* An exact copy, so that the sanitizer sees any read
			 * past the cut. */
			copy = malloc(cut > 0 ? cut : 1);
			ck_assert_ptr_nonnull(copy);
			memcpy(copy, buf, cut);
			n = walk_all(copy, cut, 0, st, 16, &broken);
			for (k = 0, ends = 0; k < full; k++)
				if (all[k].offset + all[k].size <= cut)
					ends++;
			ck_assert_uint_eq(n, ends);
			ck_assert_int_eq(broken, cut != (n > 0 ?
			    st[n - 1].offset + st[n - 1].size : 0));
			free(copy);
		}
		free(buf);
	}
}
END_TEST

START_TEST(walk_damaged)
{
	/* A length under the header's own four bytes. */
	static const uint8_t short_len[] = { 1, 3, 0, 0, 0, 0 };
	/* A string set that never ends. */
	static const uint8_t open_strings[] = { 1, 4, 0, 0, 'a', 'b', 0 };
	/* A formatted area longer than the table. */
	static const uint8_t long_area[] = { 1, 40, 0, 0, 0, 0 };
	struct smbios_struct st[1];
	int broken;

	ck_assert_uint_eq(walk_all(short_len, sizeof(short_len), 0, st, 1,
	    &broken), 0);
	ck_assert_int_eq(broken, 1);
	ck_assert_uint_eq(walk_all(open_strings, sizeof(open_strings), 0, st,
	    1, &broken), 0);
	ck_assert_int_eq(broken, 1);
	ck_assert_uint_eq(walk_all(long_area, sizeof(long_area), 0, st, 1,
	    &broken), 0);
	ck_assert_int_eq(broken, 1);
}
END_TEST

static struct smbios_struct
find_type(const char *name, unsigned int type, unsigned int nth,
    char **keep)
{
	struct smbios_walk w;
	struct smbios_struct st;
	size_t len;

	*keep = fixture(name, &len);
	smbios_walk_init(&w, *keep, len, 0);
	while (smbios_next(&w, &st))
		if (st.type == type && nth-- == 0)
			return st;
	ck_abort_msg("no type %u structure in %s", type, name);
	return st;
}

START_TEST(string_set)
{
	struct smbios_struct st;
	struct span s;
	char *buf;

	st = find_type("qemu-pc.DMI", SMBIOS_TYPE_SYSTEM, 0, &buf);
	ck_assert_int_eq(smbios_string_at(&st, 0x04, &s), 0);
	ck_assert(span_is(s, "QEMU"));
	ck_assert_int_eq(smbios_string_at(&st, 0x05, &s), 0);
	ck_assert(span_is(s, "Standard PC (i440FX + PIIX 1996)"));
	ck_assert_int_eq(smbios_string_at(&st, 0x07, &s), 0);
	ck_assert(span_is(s, "VM-0001"));
	ck_assert_int_eq(smbios_string(&st, 0, &s), -1);
	ck_assert_int_eq(smbios_string(&st, 200, &s), -1);
	ck_assert_uint_eq(s.len, 0);
	/* A field past the formatted area is not there. */
	ck_assert_int_eq(smbios_string_at(&st, 200, &s), -1);
	free(buf);
}
END_TEST

START_TEST(bios_pc)
{
	struct smbios_struct st;
	struct smbios_bios b;
	char *buf;

	st = find_type("qemu-pc.DMI", SMBIOS_TYPE_BIOS, 0, &buf);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), 0);
	ck_assert(span_is(b.vendor, "SeaBIOS"));
	ck_assert(span_is(b.version, "1.16.2-debian-1.16.2-1"));
	ck_assert(span_is(b.date, "04/01/2014"));
	ck_assert_int_eq(b.address, 0xe8000);
	ck_assert_int_eq(b.rom_size, 64 * 1024);
	ck_assert_int_eq(b.release_major, 1);
	ck_assert_int_eq(b.release_minor, 16);
	free(buf);
	st = find_type("qemu-pc.DMI", SMBIOS_TYPE_SYSTEM, 0, &buf);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), -1);
	free(buf);
}
END_TEST

START_TEST(memdev_pc)
{
	struct smbios_struct st;
	struct smbios_memdev m;
	char *buf;

	st = find_type("qemu-pc.DMI", SMBIOS_TYPE_MEMORY_DEVICE, 0, &buf);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_uint_eq(m.handle, 0x1100);
	ck_assert_uint_eq(m.array_handle, 0x1000);
	ck_assert_int_eq(m.total_width, -1);
	ck_assert_int_eq(m.data_width, -1);
	ck_assert_int_eq(m.size, 2048);
	ck_assert_str_eq(m.form_factor, "DIMM");
	ck_assert_int_eq(m.set, 0);
	ck_assert(span_is(m.device_locator, "DIMM 0"));
	ck_assert(span_is(m.bank_locator, "Bank 0"));
	ck_assert_str_eq(m.memory_type, "RAM");
	ck_assert_str_eq(m.type_details, "Other");
	ck_assert_int_eq(m.max_speed, 3200);
	ck_assert_int_eq(m.configured_speed, 3200);
	ck_assert(span_is(m.manufacturer, "Hostql Memory"));
	ck_assert(span_is(m.serial_number, "SN1234"));
	ck_assert(span_is(m.asset_tag, "AT-1"));
	ck_assert(span_is(m.part_number, "PN-XYZ"));
	ck_assert_int_eq(m.min_voltage, -1);
	ck_assert_int_eq(m.max_voltage, -1);
	ck_assert_int_eq(m.configured_voltage, -1);
	free(buf);
}
END_TEST

START_TEST(memdev_q35)
{
	struct smbios_struct st;
	struct smbios_memdev m;
	char *buf;

	st = find_type("qemu-q35-64.DMI", SMBIOS_TYPE_MEMORY_DEVICE, 0, &buf);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_int_eq(m.size, 16384);
	ck_assert(span_is(m.device_locator, "DIMM 0"));
	ck_assert_uint_eq(m.bank_locator.len, 0);
	ck_assert(span_is(m.manufacturer, "QEMU"));
	ck_assert_int_eq(m.max_speed, -1);
	ck_assert_int_eq(m.configured_speed, -1);
	free(buf);
	st = find_type("qemu-q35-64.DMI", SMBIOS_TYPE_MEMORY_DEVICE, 1, &buf);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_uint_eq(m.handle, 0x1101);
	ck_assert_int_eq(m.size, 4096);
	ck_assert(span_is(m.device_locator, "DIMM 1"));
	free(buf);
}
END_TEST

/* A structure of type and length with zeroed fields, its strings after
 * it; returns the walk's view of it. */
static struct smbios_struct
built(uint8_t *buf, size_t cap, uint8_t type, uint8_t length,
    const char *strings, size_t slen)
{
	struct smbios_walk w;
	struct smbios_struct st;

	ck_assert_uint_le((size_t)length + slen, cap);
	memset(buf, 0, cap);
	buf[0] = type;
	buf[1] = length;
	buf[2] = 0x34;
	buf[3] = 0x12;
	memcpy(buf + length, strings, slen);
	smbios_walk_init(&w, buf, (size_t)length + slen, 0);
	ck_assert_int_eq(smbios_next(&w, &st), 1);
	return st;
}

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

START_TEST(memdev_fields)
{
	uint8_t buf[128];
	struct smbios_struct st;
	struct smbios_memdev m;

	/* 3.3 length: an extended size, extended speeds, voltages, every
	 * type detail bit, a type the newer specifications added. */
	st = built(buf, sizeof(buf), 17, 0x5c, "A\0\0", 3);
	put16(buf + 0x0c, 0x7fff);
	put32(buf + 0x1c, 0x80020000);	/* bit 31 is reserved */
	put16(buf + 0x15, 0xffff);
	put32(buf + 0x54, 8800);
	put16(buf + 0x20, 0xffff);
	put32(buf + 0x58, 0);
	put16(buf + 0x13, 0xffff);
	buf[0x12] = 0x22;
	buf[0x0e] = 0x10;
	buf[0x0f] = 0xff;
	put16(buf + 0x22, 1100);
	put16(buf + 0x26, 1200);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_int_eq(m.size, 131072);
	ck_assert_int_eq(m.max_speed, 8800);
	ck_assert_int_eq(m.configured_speed, -1);
	ck_assert_str_eq(m.memory_type, "DDR5");
	ck_assert_str_eq(m.form_factor, "Die");
	ck_assert_int_eq(m.set, -1);
	ck_assert_int_eq(m.min_voltage, 1100);
	ck_assert_int_eq(m.max_voltage, -1);
	ck_assert_int_eq(m.configured_voltage, 1200);
	ck_assert_str_eq(m.type_details, "Reserved Other Unknown Fast-paged "
	    "Static column Pseudo-static RAMBUS Synchronous CMOS EDO "
	    "Window DRAM Cache DRAM Non-volatile Registered (Buffered) "
	    "Unbuffered (Unregistered) LRDIMM");

	/* Sizes in KB, unknown, and absent modules; codes not in any
	 * table. */
	put16(buf + 0x0c, 0x8000 | 2048);
	buf[0x12] = 0xee;
	buf[0x0e] = 0xee;
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_int_eq(m.size, 2);
	ck_assert_ptr_null(m.memory_type);
	ck_assert_ptr_null(m.form_factor);
	put16(buf + 0x0c, 0xffff);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_int_eq(m.size, -1);
	put16(buf + 0x0c, 0);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert_int_eq(m.size, 0);

	/* The 2.1 length: no strings past the bank locator, no speed. */
	st = built(buf, sizeof(buf), 17, 0x15, "DIMM_A\0\0", 8);
	buf[0x10] = 1;
	put16(buf + 0x0c, 0x7fff);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), 0);
	ck_assert(span_is(m.device_locator, "DIMM_A"));
	ck_assert_int_eq(m.size, -1);
	ck_assert_int_eq(m.max_speed, -1);
	ck_assert_uint_eq(m.manufacturer.len, 0);
	ck_assert_int_eq(m.configured_voltage, -1);

	/* Shorter than 2.1: not a memory device to report. */
	st = built(buf, sizeof(buf), 17, 0x14, "\0\0", 2);
	ck_assert_int_eq(smbios_memdev_parse(&st, &m), -1);
}
END_TEST

START_TEST(bios_fields)
{
	uint8_t buf[64];
	struct smbios_struct st;
	struct smbios_bios b;

	/* 3.1: a 32 MiB ROM in the extended field, a UEFI segment of 0,
	 * no release given. */
	st = built(buf, sizeof(buf), 0, 0x1a, "V\0\0", 3);
	buf[0x04] = 1;
	buf[0x09] = 0xff;
	put16(buf + 0x18, 32);
	buf[0x14] = buf[0x15] = 0xff;
	ck_assert_int_eq(smbios_bios_parse(&st, &b), 0);
	ck_assert(span_is(b.vendor, "V"));
	ck_assert_uint_eq(b.version.len, 0);
	ck_assert_int_eq(b.rom_size, 32 << 20);
	ck_assert_int_eq(b.address, -1);
	ck_assert_int_eq(b.release_major, -1);
	put16(buf + 0x18, 0x4000 | 2);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), 0);
	ck_assert_int_eq(b.rom_size, 2LL << 30);
	put16(buf + 0x18, 0x8000 | 2);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), 0);
	ck_assert_int_eq(b.rom_size, -1);

	/* 2.0: no release, no extended size. */
	st = built(buf, sizeof(buf), 0, 0x12, "\0\0", 2);
	buf[0x09] = 0xff;
	put16(buf + 0x06, 0xf000);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), 0);
	ck_assert_int_eq(b.rom_size, 16 << 20);
	ck_assert_int_eq(b.address, 0xf0000);
	ck_assert_int_eq(b.release_major, -1);
	st = built(buf, sizeof(buf), 0, 0x11, "\0\0", 2);
	ck_assert_int_eq(smbios_bios_parse(&st, &b), -1);
}
END_TEST

START_TEST(type_names)
{
	ck_assert_str_eq(smbios_type_name(0), "BIOS Information");
	ck_assert_str_eq(smbios_type_name(17), "Memory Device");
	ck_assert_str_eq(smbios_type_name(127), "End-of-Table");
	ck_assert_str_eq(smbios_type_name(200), "Unknown");
}
END_TEST

Suite	*suite_smbios(void);

Suite *
suite_smbios(void)
{
	Suite *s = suite_create("smbios");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, entry_point_2);
	tcase_add_test(tc, entry_point_3);
	tcase_add_test(tc, entry_point_damaged);
	tcase_add_test(tc, walk_pc);
	tcase_add_test(tc, walk_bounds);
	tcase_add_test(tc, walk_truncated);
	tcase_add_test(tc, walk_damaged);
	tcase_add_test(tc, string_set);
	tcase_add_test(tc, bios_pc);
	tcase_add_test(tc, memdev_pc);
	tcase_add_test(tc, memdev_q35);
	tcase_add_test(tc, memdev_fields);
	tcase_add_test(tc, bios_fields);
	tcase_add_test(tc, type_names);
	suite_add_tcase(s, tc);
	return s;
}
