/*
 * sysctl names and paths both ways (a '.' inside a component, paths
 * that would climb out of /proc/sys), sysctl.d settings with comments,
 * '/' keys, globs and junk, and the order systemd-sysctl reads files in.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/sysctlconf.h"
#include "fixture.h"

START_TEST(names_paths)
{
	char buf[256];

	ck_assert_int_eq(sysctl_name_from_rel("net/ipv4/ip_forward", buf,
	    sizeof(buf)), 0);
	ck_assert_str_eq(buf, "net.ipv4.ip_forward");
	ck_assert_int_eq(sysctl_name_from_rel("net/ipv4/conf/eth0.100/"
	    "rp_filter", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "net.ipv4.conf.eth0/100.rp_filter");
	ck_assert_int_eq(sysctl_name_from_rel("kernel/ostype", buf, 14), 0);
	ck_assert_int_eq(sysctl_name_from_rel("kernel/ostype", buf, 13), -1);

	ck_assert_int_eq(sysctl_path_from_name("net.ipv4.ip_forward", buf,
	    sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/proc/sys/net/ipv4/ip_forward");
	ck_assert_int_eq(sysctl_path_from_name("net.ipv4.conf.eth0/100."
	    "rp_filter", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/proc/sys/net/ipv4/conf/eth0.100/rp_filter");
	ck_assert_int_eq(sysctl_path_from_name("kernel", buf, sizeof(buf)),
	    0);
	ck_assert_str_eq(buf, "/proc/sys/kernel");
}
END_TEST

START_TEST(names_refused)
{
	static const char *const bad[] = {
		"", ".", "net..ipv4", ".net", "net.", "net.//.etc.shadow",
		"net./.ipv4", "//", "/", "net.ipv4.//",
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(sysctl_path_from_name(bad[i], buf,
		    sizeof(buf)) == -1, "accepted [%s]", bad[i]);
	/* Too long for the buffer, with room for the root only. */
	ck_assert_int_eq(sysctl_path_from_name("kernel.ostype", buf, 20),
	    -1);
	ck_assert_int_eq(sysctl_path_from_name("kernel.ostype", buf, 24),
	    0);
	ck_assert_str_eq(buf, "/proc/sys/kernel/ostype");
	ck_assert_int_eq(sysctl_path_from_name("kernel.ostype", buf, 23),
	    -1);
	/* Dots that are not separators in the path's terms are fine. */
	ck_assert_int_eq(sysctl_path_from_name("a/b.c", buf, sizeof(buf)),
	    0);
	ck_assert_str_eq(buf, "/proc/sys/a.b/c");
}
END_TEST

static void
load(struct sysctl_conf *c, const char *name)
{
	size_t len;
	char *buf = fixture_load("sysctl", name, &len);

	ck_assert_int_eq(sysctl_conf_add(c, buf, len), 0);
	free(buf);
}

START_TEST(conf_settings)
{
	struct sysctl_conf c;

	memset(&c, 0, sizeof(c));
	load(&c, "50-default.conf");
	ck_assert_uint_eq(c.bad, 2);
	ck_assert_str_eq(sysctl_conf_value(&c, "kernel.sysrq"), "16");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.all."
	    "rp_filter"), "2");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.lo."
	    "rp_filter"), "2");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.eth0/100."
	    "accept_redirects"), "0");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.eth0/100."
	    "forwarding"), "1");
	ck_assert_str_eq(sysctl_conf_value(&c, "fs.protected_regular"),
	    "1");
	ck_assert_str_eq(sysctl_conf_value(&c, "kernel.core_pattern"),
	    "|/bin/false %p = %s");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.ip_local_port_"
	    "range"), "32768\t60999");
	ck_assert_ptr_null(sysctl_conf_value(&c, "kernel.ostype"));
	ck_assert_ptr_null(sysctl_conf_value(&c, "this line is not a "
	    "setting"));

	/* A later file wins; an explicit setting beats any glob. */
	load(&c, "99-override.conf");
	ck_assert_str_eq(sysctl_conf_value(&c, "kernel.sysrq"), "0");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.lo."
	    "rp_filter"), "1");
	ck_assert_str_eq(sysctl_conf_value(&c, "net.ipv4.conf.default."
	    "rp_filter"), "2");
	sysctl_conf_free(&c);
	ck_assert_uint_eq(c.n, 0);
}
END_TEST

START_TEST(conf_junk)
{
	static const char junk[] = "a\0b = 1\nkey = va\0lue\n=\n-\n- = 1\n"
	    "k=v";
	struct sysctl_conf c;

	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(sysctl_conf_add(&c, junk, sizeof(junk) - 1), 0);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_str_eq(sysctl_conf_value(&c, "k"), "v");
	ck_assert_uint_eq(c.bad, 5);
	ck_assert_int_eq(sysctl_conf_add(&c, "", 0), 0);
	sysctl_conf_free(&c);
}
END_TEST

START_TEST(files_order)
{
	struct sysctl_file f[5];
	size_t n;

	f[0].name = strdup("99-sysctl.conf");
	f[0].dir = 0;
	f[1].name = strdup("50-pid-max.conf");
	f[1].dir = 3;
	f[2].name = strdup("99-sysctl.conf");
	f[2].dir = 3;
	f[3].name = strdup("10-local.conf");
	f[3].dir = 1;
	f[4].name = strdup("50-pid-max.conf");
	f[4].dir = 0;
	n = sysctl_files_order(f, 5);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(f[0].name, "10-local.conf");
	ck_assert_int_eq(f[0].dir, 1);
	ck_assert_str_eq(f[1].name, "50-pid-max.conf");
	ck_assert_int_eq(f[1].dir, 0);
	ck_assert_str_eq(f[2].name, "99-sysctl.conf");
	ck_assert_int_eq(f[2].dir, 0);
	for (; n > 0; n--)
		free(f[n - 1].name);
	ck_assert_uint_eq(sysctl_files_order(f, 0), 0);

	ck_assert(sysctl_file_wanted("10-a.conf"));
	ck_assert(!sysctl_file_wanted(".conf"));
	ck_assert(!sysctl_file_wanted(".hidden.conf"));
	ck_assert(!sysctl_file_wanted("README.sysctl"));
	ck_assert(!sysctl_file_wanted("a.conf.dpkg-old"));
}
END_TEST

Suite	*suite_sysctl(void);

Suite *
suite_sysctl(void)
{
	Suite *s = suite_create("sysctl");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, names_paths);
	tcase_add_test(tc, names_refused);
	tcase_add_test(tc, conf_settings);
	tcase_add_test(tc, conf_junk);
	tcase_add_test(tc, files_order);
	suite_add_tcase(s, tc);
	return s;
}
