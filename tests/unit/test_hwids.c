/*
 * The pci.ids / usb.ids scanner on excerpts of Debian's files, fed whole
 * and in every split a chunked read can make, and on lines that are not
 * what they should be.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/hwids.h"
#include "fixture.h"

static struct span
sp(const char *s)
{
	struct span r = { s, strlen(s) };

	return r;
}

static void
feed_all(struct hwids *h, const char *buf, size_t len)
{
	ck_assert_uint_eq(hwids_feed(h, buf, len, 1), len);
}

static void
assert_name(const struct hwids *h, int i, const char *want)
{
	const char *got = hwids_name(h, i);

	if (want == NULL) {
		ck_assert_ptr_null(got);
		return;
	}
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
}

struct pci_wants {
	int	vendor, device, subsystem, subvendor, class_, subclass;
	int	unknown_device, unknown_subsystem, no_subclass, unknown_vendor;
};

static void
want_pci(struct hwids *h, struct pci_wants *w)
{
	w->vendor = hwids_want(h, HWIDS_VENDOR, 0x8086, 0, 0, 0);
	w->device = hwids_want(h, HWIDS_DEVICE, 0x8086, 0x100e, 0, 0);
	w->subsystem = hwids_want(h, HWIDS_SUBSYSTEM, 0x8086, 0x100e,
	    0x1af4, 0x1100);
	w->subvendor = hwids_want(h, HWIDS_VENDOR, 0x1af4, 0, 0, 0);
	w->class_ = hwids_want(h, HWIDS_CLASS, 0x06, 0, 0, 0);
	w->subclass = hwids_want(h, HWIDS_SUBCLASS, 0x06, 0x04, 0, 0);
	w->unknown_device = hwids_want(h, HWIDS_DEVICE, 0x8086, 0x0d57, 0, 0);
	w->unknown_subsystem = hwids_want(h, HWIDS_SUBSYSTEM, 0x1af4, 0x1041,
	    0x1af4, 0x1041);
	w->no_subclass = hwids_want(h, HWIDS_SUBCLASS, 0xff, 0xff, 0, 0);
	w->unknown_vendor = hwids_want(h, HWIDS_VENDOR, 0x1234, 0, 0, 0);
}

static void
check_pci(const struct hwids *h, const struct pci_wants *w)
{
	assert_name(h, w->vendor, "Intel Corporation");
	assert_name(h, w->device, "82540EM Gigabit Ethernet Controller");
	assert_name(h, w->subsystem, "QEMU Virtual Machine");
	assert_name(h, w->subvendor, "Red Hat, Inc.");
	assert_name(h, w->class_, "Bridge");
	assert_name(h, w->subclass, "PCI bridge");
	assert_name(h, w->unknown_device, NULL);
	assert_name(h, w->unknown_subsystem, NULL);
	assert_name(h, w->no_subclass, NULL);
	assert_name(h, w->unknown_vendor, NULL);
}

START_TEST(pci_ids)
{
	struct pci_wants w;
	struct hwids h;
	size_t len;
	char *buf = fixture_load("hwids", "pci.ids.excerpt", &len);

	hwids_init(&h);
	want_pci(&h, &w);
	/* The same key asked again is the same want. */
	ck_assert_int_eq(hwids_want(&h, HWIDS_VENDOR, 0x8086, 0, 0, 0),
	    w.vendor);
	feed_all(&h, buf, len);
	check_pci(&h, &w);
	ck_assert_ptr_null(hwids_name(&h, -1));
	ck_assert_ptr_null(hwids_name(&h, 1000));
	hwids_free(&h);
	free(buf);
}
END_TEST

/* Fed in chunks of every size, carrying the unused tail over as the
 * table's reader does, the scan finds the same names. */
START_TEST(pci_ids_chunked)
{
	struct pci_wants w;
	struct hwids h;
	size_t len, chunk, off, fill, used;
	char *buf = fixture_load("hwids", "pci.ids.excerpt", &len);
	char *win;

	for (chunk = 1; chunk < 300; chunk += 7) {
		hwids_init(&h);
		want_pci(&h, &w);
		win = malloc(len + chunk);
		ck_assert_ptr_nonnull(win);
		fill = 0;
		for (off = 0; off < len || fill > 0;) {
			size_t n = len - off < chunk ? len - off : chunk;

			memcpy(win + fill, buf + off, n);
			fill += n;
			off += n;
			used = hwids_feed(&h, win, fill, off == len);
			ck_assert_uint_le(used, fill);
			memmove(win, win + used, fill - used);
			fill -= used;
			if (off == len)
				ck_assert_uint_eq(fill, 0);
		}
		check_pci(&h, &w);
		free(win);
		hwids_free(&h);
	}
	free(buf);
}
END_TEST

START_TEST(usb_ids)
{
	struct hwids h;
	size_t len;
	char *buf = fixture_load("hwids", "usb.ids.excerpt", &len);
	int v, d, hub, root3, sandisk, blade, pico, cls;

	hwids_init(&h);
	v = hwids_want(&h, HWIDS_VENDOR, 0x046d, 0, 0, 0);
	d = hwids_want(&h, HWIDS_DEVICE, 0x046d, 0xc52b, 0, 0);
	hub = hwids_want(&h, HWIDS_VENDOR, 0x1d6b, 0, 0, 0);
	root3 = hwids_want(&h, HWIDS_DEVICE, 0x1d6b, 0x0003, 0, 0);
	sandisk = hwids_want(&h, HWIDS_VENDOR, 0x0781, 0, 0, 0);
	blade = hwids_want(&h, HWIDS_DEVICE, 0x0781, 0x5567, 0, 0);
	pico = hwids_want(&h, HWIDS_VENDOR, 0x2e8a, 0, 0, 0);
	cls = hwids_want(&h, HWIDS_SUBCLASS, 0x03, 0x01, 0, 0);
	feed_all(&h, buf, len);
	assert_name(&h, v, "Logitech, Inc.");
	assert_name(&h, d, "Unifying Receiver");
	assert_name(&h, hub, "Linux Foundation");
	assert_name(&h, root3, "3.0 root hub");
	assert_name(&h, sandisk, "SanDisk Corp.");
	assert_name(&h, blade, "Cruzer Blade");
	assert_name(&h, pico, NULL);
	assert_name(&h, cls, "Boot Interface Subclass");
	hwids_free(&h);
	free(buf);
}
END_TEST

START_TEST(lines)
{
	struct hwids_line l;

	hwids_parse_line(sp("8086  Intel Corporation"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_VENDOR);
	ck_assert_uint_eq(l.id[0], 0x8086);
	ck_assert_uint_eq(l.name.len, 17);
	hwids_parse_line(sp("C 0c  Serial bus controller  "), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_CLASS);
	ck_assert_uint_eq(l.id[0], 0x0c);
	ck_assert_uint_eq(l.name.len, strlen("Serial bus controller"));
	hwids_parse_line(sp("\t10DE  Upper-case id"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_ITEM);
	ck_assert_uint_eq(l.id[0], 0x10de);
	hwids_parse_line(sp("\t\t1af4 1100  QEMU Virtual Machine"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_SUBITEM);
	ck_assert_int_eq(l.nid, 2);
	ck_assert_uint_eq(l.id[1], 0x1100);
	hwids_parse_line(sp("\t\t8a  ISA mode"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_SUBITEM);
	ck_assert_int_eq(l.nid, 1);
	/* A prog-if whose name starts with hex digits is one id. */
	hwids_parse_line(sp("\t\t01  0001 compatible"), &l);
	ck_assert_int_eq(l.nid, 1);
	ck_assert_uint_eq(l.name.len, strlen("0001 compatible"));
	hwids_parse_line(sp("HID 21  HID"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_LIST);
	hwids_parse_line(sp("BIAS 0  Not Applicable"), &l);
	ck_assert_int_eq(l.kind, HWIDS_LINE_LIST);
}
END_TEST

START_TEST(malformed_lines)
{
	static const char *none[] = {
		"", "# comment", "\t", "\t\t\t0001  three tabs",
		"\tzz  not hex", "\t12345  five digits", "\t0001",
		"\t0001   ", "\t\t1af4 11  short second id",
		"\t\t1af4 1100", "\t\t1af4 ",
	};
	static const char *list[] = {
		"123  three-digit vendor", "80861  five digits",
		"8086", "8086  ", "C", "C 0", "C 123  x", "C zz  x",
		"zzzz  junk", "8086\tTab-separated",
	};
	struct hwids_line l;
	size_t i;

	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		hwids_parse_line(sp(none[i]), &l);
		ck_assert_msg(l.kind == HWIDS_LINE_NONE, "'%s' gave %d",
		    none[i], l.kind);
	}
	for (i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
		hwids_parse_line(sp(list[i]), &l);
		/* A vendor line with a tab: the file never has one, but a
		 * blank is a blank. */
		if (strcmp(list[i], "8086\tTab-separated") == 0) {
			ck_assert_int_eq(l.kind, HWIDS_LINE_VENDOR);
			continue;
		}
		ck_assert_msg(l.kind == HWIDS_LINE_LIST, "'%s' gave %d",
		    list[i], l.kind);
	}
}
END_TEST

/* A line not understood ends the vendor before it: its children do not
 * become that vendor's. */
START_TEST(orphans)
{
	static const char text[] =
	    "1af4  Red Hat, Inc.\n"
	    "zz junk\n"
	    "\t1041  Not Red Hat's\n"
	    "HUT 01  Generic Desktop Controls\n"
	    "\t0001  Not a device\n"
	    "\t\t1af4 1041  Not a subsystem\n"
	    "1af5  Netezza Corp.\n"
	    "\t\t1af4 1041  Subsystem with no device\n"
	    "\t0001  Device";
	struct hwids h;
	int d1, d2, sub, last;

	hwids_init(&h);
	d1 = hwids_want(&h, HWIDS_DEVICE, 0x1af4, 0x1041, 0, 0);
	d2 = hwids_want(&h, HWIDS_DEVICE, 0x1af4, 0x0001, 0, 0);
	sub = hwids_want(&h, HWIDS_SUBSYSTEM, 0x1af5, 0x0001, 0x1af4, 0x1041);
	last = hwids_want(&h, HWIDS_DEVICE, 0x1af5, 0x0001, 0, 0);
	feed_all(&h, text, sizeof(text) - 1);
	assert_name(&h, d1, NULL);
	assert_name(&h, d2, NULL);
	assert_name(&h, sub, NULL);
	/* The last line has no newline: it counts at the end of input. */
	assert_name(&h, last, "Device");
	hwids_free(&h);
}
END_TEST

/* A line too long for the reader's buffer is dropped, with its tail. */
START_TEST(discarded_line)
{
	static const char head[] = "1af4  Red Hat, Inc.\n\t1041  Vir";
	static const char tail[] = "tio 1.0 network device\n\t1042  Block\n";
	struct hwids h;
	int net, blk;

	hwids_init(&h);
	net = hwids_want(&h, HWIDS_DEVICE, 0x1af4, 0x1041, 0, 0);
	blk = hwids_want(&h, HWIDS_DEVICE, 0x1af4, 0x1042, 0, 0);
	ck_assert_uint_eq(hwids_feed(&h, head, sizeof(head) - 1, 0), 20);
	ck_assert_uint_eq(hwids_feed(&h, head + 20, sizeof(head) - 21, 0), 0);
	hwids_discard_line(&h);
	feed_all(&h, tail, sizeof(tail) - 1);
	assert_name(&h, net, NULL);
	assert_name(&h, blk, "Block");
	hwids_free(&h);
}
END_TEST

/* A name longer than the room for it is cut, not overrun. */
START_TEST(long_name)
{
	char text[HWIDS_NAME_MAX * 2 + 16];
	struct hwids h;
	int v;

	memcpy(text, "abcd  ", 6);
	memset(text + 6, 'x', sizeof(text) - 6);
	hwids_init(&h);
	v = hwids_want(&h, HWIDS_VENDOR, 0xabcd, 0, 0, 0);
	feed_all(&h, text, sizeof(text));
	ck_assert_uint_eq(strlen(hwids_name(&h, v)), HWIDS_NAME_MAX - 1);
	hwids_free(&h);
}
END_TEST

Suite	*suite_hwids(void);

Suite *
suite_hwids(void)
{
	Suite *s = suite_create("hwids");
	TCase *tc = tcase_create("scan");

	tcase_add_test(tc, pci_ids);
	tcase_add_test(tc, pci_ids_chunked);
	tcase_add_test(tc, usb_ids);
	tcase_add_test(tc, lines);
	tcase_add_test(tc, malformed_lines);
	tcase_add_test(tc, orphans);
	tcase_add_test(tc, discarded_line);
	tcase_add_test(tc, long_name);
	suite_add_tcase(s, tc);
	return s;
}
