/*
 * /proc/mounts lines captured here and lines with the kernel's escapes,
 * short lines and broken escapes; symlink targets folded against their
 * link's directory.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/mountparse.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

static int
nth_line(const char *buf, size_t len, int n, struct span *line)
{
	size_t off = 0;

	while (txt_next_line(buf, len, &off, line))
		if (n-- == 0)
			return 0;
	return -1;
}

START_TEST(mounts_captured)
{
	struct mount_line m;
	struct span line;
	size_t len, off = 0;
	char *buf = fixture_load("mounts", "mounts", &len);
	int n = 0, root = 0;

	while (txt_next_line(buf, len, &off, &line)) {
		ck_assert_int_eq(mount_parse_line(line, &m), 0);
		n++;
		if (span_is(m.path, "/")) {
			root = 1;
			ck_assert(span_is(m.device, "/dev/vda"));
			ck_assert(span_is(m.type, "ext4"));
			ck_assert_int_eq(strncmp(m.options.p, "rw,relatime,",
			    12), 0);
		}
	}
	ck_assert_int_eq(n, 19);
	ck_assert(root);
	free(buf);
}
END_TEST

START_TEST(mounts_escapes)
{
	struct mount_line m;
	struct span line;
	size_t len;
	char out[128], *buf = fixture_load("mounts", "mounts-odd", &len);

	ck_assert_int_eq(nth_line(buf, len, 0, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), 0);
	ck_assert_uint_eq(mount_unescape(m.path, out), 14);
	ck_assert_str_eq(out, "/tmp/mnt point");
	ck_assert(span_is(m.options, "ro,relatime"));

	ck_assert_int_eq(nth_line(buf, len, 1, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), 0);
	mount_unescape(m.device, out);
	ck_assert_str_eq(out, "/tmp/a\\b\tc");
	mount_unescape(m.path, out);
	ck_assert_str_eq(out, "/mnt/new\nline");

	ck_assert_int_eq(nth_line(buf, len, 2, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), -1);
	ck_assert_int_eq(nth_line(buf, len, 3, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), -1);

	/* Two digits are no escape; a NUL ends the text. */
	ck_assert_int_eq(nth_line(buf, len, 4, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), 0);
	mount_unescape(m.path, out);
	ck_assert_str_eq(out, "/weird\\04");
	ck_assert_int_eq(nth_line(buf, len, 5, &line), 0);
	ck_assert_int_eq(mount_parse_line(line, &m), 0);
	ck_assert_uint_eq(mount_unescape(m.path, out), 4);
	ck_assert_str_eq(out, "/nul");
	free(buf);
}
END_TEST

START_TEST(unescape_edges)
{
	char out[16];
	struct span s;

	s.p = "\\";
	s.len = 1;
	ck_assert_uint_eq(mount_unescape(s, out), 1);
	ck_assert_str_eq(out, "\\");
	s.p = "a\\040";
	s.len = 4;			/* cut inside the escape */
	ck_assert_uint_eq(mount_unescape(s, out), 4);
	ck_assert_str_eq(out, "a\\04");
	s.p = "\\777";
	s.len = 4;			/* 511: the low byte */
	ck_assert_uint_eq(mount_unescape(s, out), 1);
	ck_assert_int_eq((unsigned char)out[0], 0xff);
	s.p = "\\400";
	s.len = 4;			/* 256: a NUL byte, the end */
	ck_assert_uint_eq(mount_unescape(s, out), 0);
	s.p = "";
	s.len = 0;
	ck_assert_uint_eq(mount_unescape(s, out), 0);
}
END_TEST

START_TEST(link_targets)
{
	char out[64];

	ck_assert_int_eq(mount_link_target("/dev/mapper/root", "../dm-0",
	    out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/dev/dm-0");
	ck_assert_int_eq(mount_link_target("/dev/disk/by-uuid/x",
	    "../../vda1", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/dev/vda1");
	ck_assert_int_eq(mount_link_target("/dev/root", "/dev//./sda1",
	    out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/dev/sda1");
	ck_assert_int_eq(mount_link_target("/a", "../../../..", out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "/");
	ck_assert_int_eq(mount_link_target("/a/b", ".", out, sizeof(out)),
	    0);
	ck_assert_str_eq(out, "/a");
	ck_assert_int_eq(mount_link_target("rel", "x", out, sizeof(out)),
	    -1);
	ck_assert_int_eq(mount_link_target("/dev/x", "abcdefgh", out, 13),
	    -1);
	ck_assert_int_eq(mount_link_target("/dev/x", "abcdefgh", out, 14),
	    0);
	ck_assert_str_eq(out, "/dev/abcdefgh");
	ck_assert_int_eq(mount_link_target("/x", "", out, 1), -1);
}
END_TEST

Suite	*suite_mountparse(void);

Suite *
suite_mountparse(void)
{
	Suite *s = suite_create("mountparse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, mounts_captured);
	tcase_add_test(tc, mounts_escapes);
	tcase_add_test(tc, unescape_edges);
	tcase_add_test(tc, link_targets);
	suite_add_tcase(s, tc);
	return s;
}
