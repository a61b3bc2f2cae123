/*
 * sysfs helpers and the PCI and USB uevent parsers, on uevent files of
 * this machine's PCI functions and of USB devices as sysfs shows them
 * (tests/fixtures/usb holds one directory of attributes per device), and
 * on every way those files can be wrong; and the resolution of a bus's
 * device links (path_resolve) as sysbus.c does it.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/busdev.h"
#include "../../tables/pathresolve.h"
#include "../../tables/sysfs.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(uevent_values)
{
	static const char text[] = "A=1\nAB=two\nB=\nC=x=y\nA=again";
	struct span v;
	size_t len = sizeof(text) - 1;

	ck_assert_int_eq(sysfs_uevent_value(text, len, "A", &v), 0);
	ck_assert(span_is(v, "1"));
	ck_assert_int_eq(sysfs_uevent_value(text, len, "AB", &v), 0);
	ck_assert(span_is(v, "two"));
	ck_assert_int_eq(sysfs_uevent_value(text, len, "B", &v), 0);
	ck_assert_uint_eq(v.len, 0);
	ck_assert_int_eq(sysfs_uevent_value(text, len, "C", &v), 0);
	ck_assert(span_is(v, "x=y"));
	ck_assert_int_eq(sysfs_uevent_value(text, len, "D", &v), -1);
	ck_assert_int_eq(sysfs_uevent_value(text, 0, "A", &v), -1);
	/* A key is a whole key: "A" is not "AB", "" is nothing. */
	ck_assert_int_eq(sysfs_uevent_value("ABC=1", 5, "AB", &v), -1);
	ck_assert_int_eq(sysfs_uevent_value("=1", 2, "", &v), -1);
}
END_TEST

START_TEST(link_resolve)
{
	char out[128];

	ck_assert_int_eq(path_resolve("/sys/bus/pci/devices",
	    "../../../devices/pci0000:00/0000:00:03.0", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/sys/devices/pci0000:00/0000:00:03.0");
	ck_assert_int_eq(path_resolve("/sys/bus/usb/devices",
	    "../../../devices/pci0000:00/0000:00:14.0/usb1/1-1/./1-1:1.0",
	    out, sizeof(out)), 0);
	ck_assert_str_eq(out,
	    "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0");
	ck_assert_int_eq(path_resolve("/sys/x", "/sys//devices/y/",
	    out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/sys/devices/y");
	ck_assert_int_eq(path_resolve("/sys", "..", out, sizeof(out)),
	    0);
	ck_assert_str_eq(out, "/");
	/* Above the root, relative to a relative directory, or too long
	 * for out. */
	ck_assert_int_eq(path_resolve("/sys", "../..", out,
	    sizeof(out)), -1);
	ck_assert_int_eq(path_resolve("sys/bus", "x", out,
	    sizeof(out)), -1);
	ck_assert_int_eq(path_resolve("/sys/bus/pci/devices",
	    "../../../devices/pci0000:00", out, 20), -1);
	ck_assert_int_eq(path_resolve("/sys", "x", out, 1), -1);
	ck_assert_int_eq(path_resolve("/sys", "x", out, 6), -1);
	ck_assert_int_eq(path_resolve("/sys", "x", out, 7), 0);
	ck_assert_str_eq(out, "/sys/x");
	ck_assert_int_eq(path_resolve("/sys", "xy", out, 8), 0);
	ck_assert_int_eq(path_resolve("/sys", "xyz", out, 8), -1);
}
END_TEST

START_TEST(pci_this_machine)
{
	struct pci_uevent u;
	size_t len;
	char *buf = fixture_load("pci", "virtio-net.uevent", &len);

	ck_assert_int_eq(pci_uevent_parse(buf, len, &u), 0);
	ck_assert(span_is(u.slot, "0000:00:03.0"));
	ck_assert(span_is(u.driver, "virtio-pci"));
	ck_assert_int_eq(u.have_id, 1);
	ck_assert_uint_eq(u.vendor, 0x1af4);
	ck_assert_uint_eq(u.device, 0x1041);
	ck_assert_int_eq(u.have_subsys, 1);
	ck_assert_uint_eq(u.subvendor, 0x1af4);
	ck_assert_uint_eq(u.subdevice, 0x1041);
	ck_assert_int_eq(u.have_class, 1);
	ck_assert_uint_eq(u.class_id, 0x02);
	ck_assert_uint_eq(u.subclass_id, 0x00);
	free(buf);

	/* No driver bound; a class under 0x10 printed with five digits. */
	buf = fixture_load("pci", "host-bridge.uevent", &len);
	ck_assert_int_eq(pci_uevent_parse(buf, len, &u), 0);
	ck_assert_uint_eq(u.driver.len, 0);
	ck_assert_uint_eq(u.device, 0x0d57);
	ck_assert_uint_eq(u.class_id, 0x06);
	ck_assert_uint_eq(u.subclass_id, 0x00);
	ck_assert_uint_eq(u.subvendor, 0);
	free(buf);
}
END_TEST

START_TEST(pci_malformed)
{
	static const char *bad_ids[] = {
		"PCI_ID=8086", "PCI_ID=8086:", "PCI_ID=:0d57",
		"PCI_ID=8086:0d57:1", "PCI_ID=80861:0d57", "PCI_ID=80g6:0d57",
		"PCI_ID=", "PCI_ID=8086:0d57:",
	};
	static const char *bad_classes[] = {
		"PCI_CLASS=", "PCI_CLASS=1000000", "PCI_CLASS=6000x",
	};
	char text[128];
	struct pci_uevent u;
	size_t i;

	ck_assert_int_eq(pci_uevent_parse("PCI_ID=8086:0d57", 16, &u), -1);
	ck_assert_int_eq(pci_uevent_parse("PCI_SLOT_NAME=", 14, &u), -1);
	ck_assert_int_eq(pci_uevent_parse("", 0, &u), -1);
	for (i = 0; i < sizeof(bad_ids) / sizeof(bad_ids[0]); i++) {
		snprintf(text, sizeof(text), "PCI_SLOT_NAME=x\n%s\n"
		    "PCI_SUBSYS_ID=%s\n", bad_ids[i], bad_ids[i] + 7);
		ck_assert_int_eq(pci_uevent_parse(text, strlen(text), &u), 0);
		ck_assert_msg(!u.have_id && !u.have_subsys, "%s", bad_ids[i]);
	}
	for (i = 0; i < sizeof(bad_classes) / sizeof(bad_classes[0]); i++) {
		snprintf(text, sizeof(text), "PCI_SLOT_NAME=x\n%s\n",
		    bad_classes[i]);
		ck_assert_int_eq(pci_uevent_parse(text, strlen(text), &u), 0);
		ck_assert_msg(!u.have_class, "%s", bad_classes[i]);
	}
	ck_assert_int_eq(pci_uevent_parse("PCI_SLOT_NAME=x\nPCI_ID=1:2", 26,
	    &u), 0);
	ck_assert_uint_eq(u.vendor, 1);
	ck_assert_uint_eq(u.device, 2);
}
END_TEST

START_TEST(usb_devices)
{
	struct usb_uevent u;
	size_t len;
	char *buf = fixture_load("usb", "1-2/uevent", &len);

	ck_assert_int_eq(usb_uevent_parse(buf, len, &u), 0);
	ck_assert_int_eq(u.have_product, 1);
	ck_assert_uint_eq(u.vendor, 0x0781);
	ck_assert_uint_eq(u.product, 0x5567);
	ck_assert_uint_eq(u.bcd_device, 0x0100);
	ck_assert_int_eq(u.have_type, 1);
	ck_assert_int_eq(u.class_id, 0);
	ck_assert_int_eq(u.busnum, 1);
	ck_assert_int_eq(u.devnum, 3);
	free(buf);

	buf = fixture_load("usb", "usb2/uevent", &len);
	ck_assert_int_eq(usb_uevent_parse(buf, len, &u), 0);
	ck_assert_uint_eq(u.product, 0x0003);
	ck_assert_int_eq(u.class_id, 9);
	ck_assert_int_eq(u.protocol, 3);
	ck_assert_int_eq(u.busnum, 2);
	ck_assert_int_eq(u.devnum, 1);
	free(buf);

	buf = fixture_load("usb", "1-3/uevent", &len);
	ck_assert_int_eq(usb_uevent_parse(buf, len, &u), 0);
	ck_assert_int_eq(u.class_id, 239);
	ck_assert_int_eq(u.subclass_id, 2);
	free(buf);

	/* An interface is not a device. */
	buf = fixture_load("usb", "1-1:1.0/uevent", &len);
	ck_assert_int_eq(usb_uevent_parse(buf, len, &u), -1);
	free(buf);
}
END_TEST

START_TEST(usb_malformed)
{
	static const char base[] = "DEVTYPE=usb_device\nBUSNUM=001\n"
	    "DEVNUM=002\n";
	static const char *bad_product[] = {
		"PRODUCT=46d/c52b", "PRODUCT=46d/c52b/1211/1",
		"PRODUCT=46d/c52b/", "PRODUCT=46d//1211", "PRODUCT=46dxx/1/1",
		"PRODUCT=10000/1/1",
	};
	static const char *bad_type[] = {
		"TYPE=9/0", "TYPE=9/0/1/2", "TYPE=256/0/0", "TYPE=-1/0/0",
		"TYPE=9/0/", "TYPE=a/b/c",
	};
	char text[160];
	struct usb_uevent u;
	size_t i;

	ck_assert_int_eq(usb_uevent_parse(base, sizeof(base) - 1, &u), 0);
	ck_assert_int_eq(u.have_product, 0);
	ck_assert_int_eq(u.have_type, 0);
	ck_assert_int_eq(u.class_id, -1);
	for (i = 0; i < sizeof(bad_product) / sizeof(bad_product[0]); i++) {
		snprintf(text, sizeof(text), "%s%s\n", base, bad_product[i]);
		ck_assert_int_eq(usb_uevent_parse(text, strlen(text), &u), 0);
		ck_assert_msg(!u.have_product, "%s", bad_product[i]);
	}
	for (i = 0; i < sizeof(bad_type) / sizeof(bad_type[0]); i++) {
		snprintf(text, sizeof(text), "%s%s\n", base, bad_type[i]);
		ck_assert_int_eq(usb_uevent_parse(text, strlen(text), &u), 0);
		ck_assert_msg(!u.have_type, "%s", bad_type[i]);
	}
	/* Without the numbers, or with numbers that are not numbers. */
	ck_assert_int_eq(usb_uevent_parse("DEVTYPE=usb_device\nBUSNUM=1", 27,
	    &u), -1);
	ck_assert_int_eq(usb_uevent_parse("DEVTYPE=usb_device\nBUSNUM=1\n"
	    "DEVNUM=x", 36, &u), -1);
	ck_assert_int_eq(usb_uevent_parse("DEVTYPE=usb_device\nBUSNUM=1\n"
	    "DEVNUM=99999", 40, &u), -1);
	ck_assert_int_eq(usb_uevent_parse("DEVTYPE=usb_port\nBUSNUM=1\n"
	    "DEVNUM=1", 34, &u), -1);
}
END_TEST

/* Every prefix of a real uevent parses without reading past its end. */
START_TEST(uevent_truncated)
{
	static const char *files[][2] = {
		{ "pci", "virtio-net.uevent" }, { "usb", "1-2/uevent" },
		{ "usb", "usb1/uevent" },
	};
	struct pci_uevent p;
	struct usb_uevent u;
	size_t len, n, i;
	char *buf, *copy;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		buf = fixture_load(files[i][0], files[i][1], &len);
		for (n = 0; n <= len; n++) {
			copy = malloc(n > 0 ? n : 1);
			ck_assert_ptr_nonnull(copy);
			memcpy(copy, buf, n);
			(void)pci_uevent_parse(copy, n, &p);
			(void)usb_uevent_parse(copy, n, &u);
			free(copy);
		}
		free(buf);
	}
}
END_TEST

Suite	*suite_sysfs(void);

Suite *
suite_sysfs(void)
{
	Suite *s = suite_create("sysfs");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, uevent_values);
	tcase_add_test(tc, link_resolve);
	tcase_add_test(tc, pci_this_machine);
	tcase_add_test(tc, pci_malformed);
	tcase_add_test(tc, usb_devices);
	tcase_add_test(tc, usb_malformed);
	tcase_add_test(tc, uevent_truncated);
	suite_add_tcase(s, tc);
	return s;
}
