/*
 * Block device metadata: uevent files (read with sysfs.h) and udev
 * database entries captured here (an ext4 label with a space and a
 * slash), udev's escapes and their corruptions, /dev names, and dm uuids
 * of every kind.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/blockdev.h"
#include "../../tables/sysfs.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(uevent_values)
{
	struct span v;
	size_t len;
	char *buf = fixture_load("udev", "uevent-vda", &len);

	ck_assert_int_eq(sysfs_uevent_value(buf, len, "MAJOR", &v), 0);
	ck_assert(span_is(v, "254"));
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "DEVNAME", &v), 0);
	ck_assert(span_is(v, "vda"));
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "DEVTYPE", &v), 0);
	ck_assert(span_is(v, "disk"));
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "DEV", &v), -1);
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "PARTN", &v), -1);
	free(buf);

	buf = fixture_load("udev", "uevent-loop0p1", &len);
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "DEVTYPE", &v), 0);
	ck_assert(span_is(v, "partition"));
	ck_assert_int_eq(sysfs_uevent_value(buf, len, "PARTN", &v), 0);
	ck_assert(span_is(v, "1"));
	free(buf);
	ck_assert_int_eq(sysfs_uevent_value("", 0, "MAJOR", &v), -1);
	ck_assert_int_eq(sysfs_uevent_value("MAJOR", 5, "MAJOR", &v), -1);
	ck_assert_int_eq(sysfs_uevent_value("MAJOR=", 6, "MAJOR", &v), 0);
	ck_assert_uint_eq(v.len, 0);
}
END_TEST

START_TEST(udev_entries)
{
	struct span v;
	size_t len;
	char out[64], *buf = fixture_load("udev", "b7-1-label", &len);

	ck_assert_int_eq(blk_udev_property(buf, len, "ID_FS_TYPE", &v), 0);
	ck_assert(span_is(v, "ext4"));
	ck_assert_int_eq(blk_udev_property(buf, len, "ID_FS_LABEL_ENC", &v),
	    0);
	ck_assert_uint_eq(blk_udev_unescape(v, out), 9);
	ck_assert_str_eq(out, "my lab/el");
	ck_assert_int_eq(blk_udev_property(buf, len, "ID_FS_LABEL", &v), 0);
	ck_assert(span_is(v, "my_lab/el"));
	ck_assert_int_eq(blk_udev_property(buf, len, "ID_FS_UUID_ENC", &v),
	    0);
	blk_udev_unescape(v, out);
	ck_assert_str_eq(out, "76b8d49c-036d-4dd3-924a-9ab203aa9422");
	/* S: lines are links, not properties. */
	ck_assert_int_eq(blk_udev_property(buf, len, "disk/by-uuid/x", &v),
	    -1);
	ck_assert_int_eq(blk_udev_property(buf, len, "ID_SERIAL", &v), -1);
	free(buf);

	buf = fixture_load("udev", "b253-0-zram", &len);
	ck_assert_int_eq(blk_udev_property(buf, len, "ID_FS_TYPE", &v), -1);
	free(buf);
}
END_TEST

START_TEST(udev_escapes)
{
	char out[32];
	struct span s;

	s.p = "a\\x2fb\\x20";
	s.len = strlen(s.p);
	ck_assert_uint_eq(blk_udev_unescape(s, out), 4);
	ck_assert_str_eq(out, "a/b ");
	s.p = "\\x2";			/* cut */
	s.len = 3;
	blk_udev_unescape(s, out);
	ck_assert_str_eq(out, "\\x2");
	s.p = "\\xzz\\X41";		/* not hex, not lower x */
	s.len = 8;
	blk_udev_unescape(s, out);
	ck_assert_str_eq(out, "\\xzz\\X41");
	s.p = "ab\\x00cd";		/* a NUL ends it */
	s.len = 8;
	ck_assert_uint_eq(blk_udev_unescape(s, out), 2);
	s.p = "a\0b";
	s.len = 3;
	ck_assert_uint_eq(blk_udev_unescape(s, out), 1);
	s.p = "\\xFf";
	s.len = 4;
	ck_assert_uint_eq(blk_udev_unescape(s, out), 1);
	ck_assert_int_eq((unsigned char)out[0], 0xff);
}
END_TEST

START_TEST(devnames)
{
	char out[16];

	ck_assert_int_eq(blk_devname("sda1", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/dev/sda1");
	ck_assert_int_eq(blk_devname("cciss!c0d0", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/dev/cciss/c0d0");
	ck_assert_int_eq(blk_devname("", out, sizeof(out)), -1);
	ck_assert_int_eq(blk_devname("0123456789", out, sizeof(out)), 0);
	ck_assert_int_eq(blk_devname("0123456789a", out, sizeof(out)), -1);
}
END_TEST

START_TEST(dm_uuids)
{
	struct span t;
	static const char luks2[] = "CRYPT-LUKS2-5c4fd4c0c4e44bd6a1b4a8f7e6d5"
	    "c4b3-luks-5c4fd4c0\n";

	ck_assert_int_eq(blk_dm_crypt_type(luks2, sizeof(luks2) - 1, &t), 1);
	ck_assert(span_is(t, "LUKS2"));
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-LUKS1-ab-x", 16, &t), 1);
	ck_assert(span_is(t, "LUKS1"));
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-PLAIN-swap", 16, &t), 1);
	ck_assert(span_is(t, "PLAIN"));
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-BITLK", 11, &t), 1);
	ck_assert(span_is(t, "BITLK"));
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-VERITY-ab-v", 17, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-INTEGRITY-x", 17, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-SUBDEV-x", 14, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("LVM-abcdef", 10, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("mpath-3600", 10, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT-", 6, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT--x", 8, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("CRYPT", 5, &t), 0);
	ck_assert_int_eq(blk_dm_crypt_type("", 0, &t), 0);
}
END_TEST

Suite	*suite_blockdev(void);

Suite *
suite_blockdev(void)
{
	Suite *s = suite_create("blockdev");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, uevent_values);
	tcase_add_test(tc, udev_entries);
	tcase_add_test(tc, udev_escapes);
	tcase_add_test(tc, devnames);
	tcase_add_test(tc, dm_uuids);
	suite_add_tcase(s, tc);
	return s;
}
