/*
 * systemd unit files and XDG autostart entries captured here, odd
 * sections and keys, Exec= lines with quotes, and unit name predicates.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/unitfile.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

static void
parse_unit(const char *name, struct unit_info *u, char **buf)
{
	size_t len;

	*buf = fixture_load("startup", name, &len);
	ck_assert_int_eq(unitfile_parse(*buf, len, u), 0);
}

START_TEST(units_captured)
{
	struct unit_info u;
	char *buf;

	parse_unit("getty@.service", &u, &buf);
	ck_assert(u.install);
	ck_assert(!u.also);
	ck_assert_uint_eq(u.user.len, 0);
	free(buf);
	parse_unit("systemd-timesyncd.service", &u, &buf);
	ck_assert(u.install);
	ck_assert(span_is(u.user, "systemd-timesync"));
	free(buf);
}
END_TEST

START_TEST(units_odd)
{
	struct unit_info u;
	char *buf;

	/* A broken header is no section, empty WantedBy= installs
	 * nothing, a continued line keeps its first line. */
	parse_unit("odd.service", &u, &buf);
	ck_assert(!u.install);
	ck_assert(u.also);
	ck_assert(span_is(u.user, "%i"));
	free(buf);
	ck_assert_int_eq(unitfile_parse("", 0, &u), 0);
	ck_assert(!u.install && !u.also && u.user.len == 0);
	ck_assert_int_eq(unitfile_parse("[Install]\nAlias=x.service", 25,
	    &u), 0);
	ck_assert(u.install);
	ck_assert_int_eq(unitfile_parse("[]\n[\n=\n[Install]\n=x", 19, &u),
	    0);
	ck_assert(!u.install);
}
END_TEST

START_TEST(desktop_entries)
{
	struct desktop_entry d;
	struct span prog, args;
	size_t len;
	char *buf = fixture_load("startup", "at-spi-dbus-bus.desktop", &len);

	ck_assert_int_eq(desktop_parse(buf, len, &d), 0);
	ck_assert(span_is(d.name, "AT-SPI D-Bus Bus"));
	ck_assert(!d.hidden);
	desktop_exec_split(d.exec, &prog, &args);
	ck_assert(span_is(prog, "/usr/libexec/at-spi-bus-launcher"));
	ck_assert(span_is(args, "--launch-immediately"));
	free(buf);

	buf = fixture_load("startup", "off.desktop", &len);
	ck_assert_int_eq(desktop_parse(buf, len, &d), 0);
	ck_assert(span_is(d.name, "Off"));
	ck_assert(d.hidden);
	desktop_exec_split(d.exec, &prog, &args);
	ck_assert_uint_eq(prog.len, 0);
	ck_assert_uint_eq(args.len, 0);
	free(buf);

	/* Keys outside [Desktop Entry] do not count. */
	ck_assert_int_eq(desktop_parse("Name=x\nHidden=true\n", 19, &d), 0);
	ck_assert_uint_eq(d.name.len, 0);
	ck_assert(!d.hidden);
}
END_TEST

START_TEST(exec_lines)
{
	struct span e, prog, args;

	e.p = "\"/opt/my app/run\" -a  b ";
	e.len = strlen(e.p);
	desktop_exec_split(e, &prog, &args);
	ck_assert(span_is(prog, "/opt/my app/run"));
	ck_assert(span_is(args, "-a  b"));
	e.p = "\"unterminated x";
	e.len = strlen(e.p);
	desktop_exec_split(e, &prog, &args);
	ck_assert(span_is(prog, "\"unterminated"));
	ck_assert(span_is(args, "x"));
	e.p = "\t/bin/true\t";
	e.len = strlen(e.p);
	desktop_exec_split(e, &prog, &args);
	ck_assert(span_is(prog, "/bin/true"));
	ck_assert_uint_eq(args.len, 0);
	e.p = "\"\"";
	e.len = 2;
	desktop_exec_split(e, &prog, &args);
	ck_assert_uint_eq(prog.len, 0);
}
END_TEST

START_TEST(unit_names)
{
	ck_assert(unitfile_is_unit("cron.service"));
	ck_assert(unitfile_is_unit("proc-sys-fs-binfmt_misc.automount"));
	ck_assert(!unitfile_is_unit(".service"));
	ck_assert(!unitfile_is_unit("multi-user.target.wants"));
	ck_assert(!unitfile_is_unit("README"));
	ck_assert(unitfile_is_template("getty@.service"));
	ck_assert(!unitfile_is_template("getty@tty1.service"));
	ck_assert(unitfile_instance_of("getty@tty1.service",
	    "getty@.service"));
	ck_assert(!unitfile_instance_of("getty@.service", "getty@.service"));
	ck_assert(!unitfile_instance_of("getty@tty1.socket",
	    "getty@.service"));
	ck_assert(!unitfile_instance_of("serial-getty@tty1.service",
	    "getty@.service"));
	ck_assert(!unitfile_instance_of("getty.service", "getty@.service"));
	ck_assert(!unitfile_instance_of("getty@tty1.service",
	    "getty.service"));
}
END_TEST

Suite	*suite_unitfile(void);

Suite *
suite_unitfile(void)
{
	Suite *s = suite_create("unitfile");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, units_captured);
	tcase_add_test(tc, units_odd);
	tcase_add_test(tc, desktop_entries);
	tcase_add_test(tc, exec_lines);
	tcase_add_test(tc, unit_names);
	suite_add_tcase(s, tc);
	return s;
}
