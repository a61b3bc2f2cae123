/*
 * The sysfs helpers and the PCI and USB uevent parsers (tables/sysfs.h,
 * tables/busdev.h) on arbitrary bytes.  The input is a uevent file; up
 * to its first NUL it is also a link target, resolved against a bus's
 * directory as sysbus.c resolves it (tables/pathresolve.h), and the
 * result must be a canonical path that fits.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/busdev.h"
#include "../tables/pathresolve.h"
#include "../tables/sysfs.h"
#include "fuzz.h"

static void
check_canonical(const char *p)
{
	CHECK(p[0] == '/');
	CHECK(strcmp(p, "/") == 0 || p[strlen(p) - 1] != '/');
	CHECK(strstr(p, "//") == NULL);
	CHECK(strstr(p, "/./") == NULL && strstr(p, "/../") == NULL);
}

static void
fuzz_link(const char *buf, size_t len)
{
	char target[256], out[64];
	size_t n = strnlen(buf, len);

	if (n >= sizeof(target))
		n = sizeof(target) - 1;
	memcpy(target, buf, n);
	target[n] = '\0';
	if (path_resolve("/sys/bus/pci/devices", target, out,
	    sizeof(out)) == 0) {
		CHECK(strlen(out) < sizeof(out));
		check_canonical(out);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct pci_uevent p;
	struct usb_uevent u;
	struct span v;

	if (sysfs_uevent_value(buf, size, "DRIVER", &v) == 0)
		fuzz_check_span(v, buf, size);
	if (pci_uevent_parse(buf, size, &p) == 0) {
		CHECK(p.slot.len > 0);
		fuzz_check_span(p.slot, buf, size);
		fuzz_check_span(p.driver, buf, size);
	}
	if (usb_uevent_parse(buf, size, &u) == 0) {
		CHECK(u.busnum >= 0 && u.busnum <= 0xffff);
		CHECK(u.devnum >= 0 && u.devnum <= 0xffff);
		CHECK(!u.have_type || (u.class_id >= 0 &&
		    u.class_id <= 255 && u.protocol <= 255));
	}
	fuzz_link(buf, size);
	return 0;
}
