/*
 * Key/value text: os-release quoting, cpuinfo counts on this machine and
 * on a two-socket and an arm64 layout, meminfo units, and the kernel's
 * command line with and without a boot loader's words.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/cpuinfo.h"
#include "../../tables/keyvalue.h"
#include "fixture.h"

static char *
fixture(const char *name, size_t *len)
{
	return fixture_load("", name, len);
}

START_TEST(os_release_debian)
{
	char v[128];
	size_t len;
	char *buf = fixture("etc/os-release", &len);

	ck_assert_int_ge(kv_env_value(buf, len, "NAME", v, sizeof(v)), 0);
	ck_assert_str_eq(v, "Debian GNU/Linux");
	ck_assert_int_eq(kv_env_value(buf, len, "VERSION_ID", v, sizeof(v)),
	    2);
	ck_assert_str_eq(v, "12");
	kv_env_value(buf, len, "VERSION", v, sizeof(v));
	ck_assert_str_eq(v, "12 (bookworm)");
	kv_env_value(buf, len, "VERSION_CODENAME", v, sizeof(v));
	ck_assert_str_eq(v, "bookworm");
	kv_env_value(buf, len, "ID", v, sizeof(v));
	ck_assert_str_eq(v, "debian");
	ck_assert_int_eq(kv_env_value(buf, len, "ID_LIKE", v, sizeof(v)),
	    -1);
	ck_assert_int_eq(kv_env_value(buf, len, "VERSION_", v, sizeof(v)),
	    -1);
	free(buf);
}
END_TEST

START_TEST(os_release_quoting)
{
	char v[128], small[5];
	int64_t parts[3];
	size_t len;
	char *buf = fixture("etc/os-release-quoting", &len);

	kv_env_value(buf, len, "NAME", v, sizeof(v));
	ck_assert_str_eq(v, "Single Quoted");
	kv_env_value(buf, len, "VERSION", v, sizeof(v));
	ck_assert_str_eq(v, "22.04.3 LTS (Jammy \"Jelly\" $fish)");
	kv_env_value(buf, len, "ID_LIKE", v, sizeof(v));
	ck_assert_str_eq(v, "debian rhel");
	/* The last assignment wins, as in the shell. */
	kv_env_value(buf, len, "ID", v, sizeof(v));
	ck_assert_str_eq(v, "ubuntu2");
	ck_assert_int_eq(kv_env_value(buf, len, "UNTERMINATED", v,
	    sizeof(v)), -1);
	kv_env_value(buf, len, "SPACED", v, sizeof(v));
	ck_assert_str_eq(v, "value");
	kv_env_value(buf, len, "BACKSLASH", v, sizeof(v));
	ck_assert_str_eq(v, "a\\b");
	ck_assert_int_eq(kv_env_value(buf, len, "VERSION", small,
	    sizeof(small)), 4);
	ck_assert_str_eq(small, "22.0");

	kv_env_value(buf, len, "VERSION_ID", v, sizeof(v));
	ck_assert_int_eq(txt_version3(v, strlen(v), parts), 3);
	ck_assert_int_eq(parts[0], 22);
	ck_assert_int_eq(parts[1], 4);
	ck_assert_int_eq(parts[2], 3);
	free(buf);

	ck_assert_int_eq(txt_version3("7", 1, parts), 1);
	ck_assert_int_eq(parts[0], 7);
	ck_assert_int_eq(parts[1], 0);
	ck_assert_int_eq(txt_version3("rolling", 7, parts), 0);
	ck_assert_int_eq(parts[0], 0);
	ck_assert_int_eq(txt_version3("1.2.3.4", 7, parts), 3);
	ck_assert_int_eq(txt_version3("3.", 2, parts), 1);
	ck_assert_int_eq(txt_version3("99999999999999999999", 20, parts), 0);
	ck_assert_int_eq(kv_env_value("", 0, "ID", v, sizeof(v)), -1);
	ck_assert_int_eq(kv_env_value(NULL, 0, "ID", v, sizeof(v)), -1);
}
END_TEST

START_TEST(cpuinfo_this_machine)
{
	struct cpuinfo ci;
	size_t len;
	char *buf = fixture("proc/cpuinfo", &len);

	ck_assert_int_eq(cpuinfo_parse(buf, len, &ci), 0);
	ck_assert_int_eq(ci.logical, 2);
	ck_assert_int_eq(ci.physical, 2);
	ck_assert_int_eq(ci.sockets, 1);
	ck_assert(txt_eq(ci.brand, "AMD EPYC"));
	ck_assert(txt_eq(ci.model, "17"));
	ck_assert(txt_eq(ci.microcode, "0x1000065"));
	free(buf);
}
END_TEST

START_TEST(cpuinfo_layouts)
{
	struct cpuinfo ci;
	size_t len;
	char *buf = fixture("proc/cpuinfo-2socket", &len);

	cpuinfo_parse(buf, len, &ci);
	ck_assert_int_eq(ci.logical, 8);
	ck_assert_int_eq(ci.physical, 4);
	ck_assert_int_eq(ci.sockets, 2);
	ck_assert(txt_eq(ci.brand, "Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz"));
	free(buf);

	buf = fixture("proc/cpuinfo-arm64", &len);
	cpuinfo_parse(buf, len, &ci);
	ck_assert_int_eq(ci.logical, 2);
	ck_assert_int_eq(ci.physical, 2);
	ck_assert_int_eq(ci.sockets, -1);
	ck_assert_uint_eq(ci.brand.len, 0);
	free(buf);

	cpuinfo_parse(NULL, 0, &ci);
	ck_assert_int_eq(ci.logical, 0);
	ck_assert_int_eq(ci.physical, 0);
}
END_TEST

START_TEST(meminfo)
{
	static const char odd[] = "MemTotal: 18014398509481984 kB\n"
	    "MemFree: 12 MB\nHugepagesize: 2048 kB\nHugePages_Total: 0\n"
	    "Bad:\n";
	int64_t b;
	size_t len;
	char *buf = fixture("proc/meminfo", &len);

	ck_assert_int_eq(kv_meminfo_bytes(buf, len, "MemTotal", &b), 0);
	ck_assert_int_eq(b, 24684096LL * 1024);
	free(buf);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1, "MemTotal",
	    &b), -1);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1, "MemFree",
	    &b), -1);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1,
	    "Hugepagesize", &b), 0);
	ck_assert_int_eq(b, 2048 * 1024);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1,
	    "HugePages_Total", &b), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1, "Bad", &b),
	    -1);
	ck_assert_int_eq(kv_meminfo_bytes(odd, sizeof(odd) - 1, "Nope", &b),
	    -1);
}
END_TEST

START_TEST(kernel_cmdline)
{
	struct span image, root;
	char args[1024];
	size_t len, n;
	char *buf = fixture("proc/cmdline-grub", &len);

	n = kv_kernel_cmdline(buf, len, args, &image, &root);
	ck_assert_str_eq(args, "root=UUID=4f3c2a1e-0b7d-4c55-9a1e-2d6f0e9b8c7a"
	    " ro quiet splash");
	ck_assert_uint_eq(n, strlen(args));
	ck_assert(txt_eq(image, "/boot/vmlinuz-6.1.0-18-amd64"));
	ck_assert(txt_eq(root, "UUID=4f3c2a1e-0b7d-4c55-9a1e-2d6f0e9b8c7a"));
	free(buf);

	buf = fixture("proc/cmdline", &len);
	n = kv_kernel_cmdline(buf, len, args, &image, &root);
	ck_assert_uint_eq(image.len, 0);
	ck_assert_uint_eq(root.len, 0);
	ck_assert_uint_eq(n, len - 1);		/* the newline */
	ck_assert_int_eq(memcmp(args, buf, n), 0);
	free(buf);

	ck_assert_uint_eq(kv_kernel_cmdline("", 0, args, &image, &root), 0);
	ck_assert_str_eq(args, "");
	n = kv_kernel_cmdline("  BOOT_IMAGE= \n", 15, args, &image, &root);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(image.len, 0);
}
END_TEST

START_TEST(textparse_numbers)
{
	uint64_t u;
	int64_t i;
	struct span s = { "a::b:", 5 }, f;
	int n = 0;

	ck_assert_int_eq(txt_u64("18446744073709551615", 20, &u), 0);
	ck_assert(u == UINT64_MAX);
	ck_assert_int_eq(txt_u64("18446744073709551616", 20, &u), -1);
	ck_assert_int_eq(txt_u64("", 0, &u), -1);
	ck_assert_int_eq(txt_u64("-1", 2, &u), -1);
	ck_assert_int_eq(txt_i64("-9223372036854775808", 20, &i), 0);
	ck_assert(i == INT64_MIN);
	ck_assert_int_eq(txt_i64("9223372036854775808", 19, &i), -1);
	ck_assert_int_eq(txt_i64("-9223372036854775809", 20, &i), -1);
	ck_assert_int_eq(txt_i64("-", 1, &i), -1);
	ck_assert_int_eq(txt_i64("12a", 3, &i), -1);

	while (txt_next_field(&s, ':', &f))
		n++;
	ck_assert_int_eq(n, 4);
}
END_TEST

Suite	*suite_keyvalue(void);

Suite *
suite_keyvalue(void)
{
	Suite *s = suite_create("keyvalue");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, os_release_debian);
	tcase_add_test(tc, os_release_quoting);
	tcase_add_test(tc, cpuinfo_this_machine);
	tcase_add_test(tc, cpuinfo_layouts);
	tcase_add_test(tc, meminfo);
	tcase_add_test(tc, kernel_cmdline);
	tcase_add_test(tc, textparse_numbers);
	suite_add_tcase(s, tc);
	return s;
}
