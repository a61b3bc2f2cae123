/* PCI and USB uevent files; see busdev.h. */
#include <string.h>

#include "busdev.h"
#include "sysfs.h"

/* A hex number of one to maxdigits digits, the whole span. */
static int
span_hex(struct span s, size_t maxdigits, uint32_t *out)
{
	uint32_t v = 0;
	size_t i;

	if (s.len == 0 || s.len > maxdigits)
		return -1;
	for (i = 0; i < s.len; i++) {
		char c = s.p[i];

		if (c >= '0' && c <= '9')
			v = v << 4 | (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v << 4 | (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* "hhhh:hhhh" */
static int
hex_pair(struct span s, uint16_t *a, uint16_t *b)
{
	struct span f1, f2, rest = s;
	uint32_t x, y;

	/* Exactly two fields: the last one taken leaves rest.p NULL. */
	if (!txt_next_field(&rest, ':', &f1) ||
	    !txt_next_field(&rest, ':', &f2) || rest.p != NULL ||
	    span_hex(f1, 4, &x) == -1 || span_hex(f2, 4, &y) == -1)
		return -1;
	*a = (uint16_t)x;
	*b = (uint16_t)y;
	return 0;
}

int
pci_uevent_parse(const char *buf, size_t len, struct pci_uevent *u)
{
	struct span v;
	uint32_t class;

	memset(u, 0, sizeof(*u));
	u->driver.p = "";
	if (sysfs_uevent_value(buf, len, "PCI_SLOT_NAME", &u->slot) == -1 ||
	    u->slot.len == 0)
		return -1;
	if (sysfs_uevent_value(buf, len, "DRIVER", &v) == 0)
		u->driver = v;
	if (sysfs_uevent_value(buf, len, "PCI_ID", &v) == 0 &&
	    hex_pair(v, &u->vendor, &u->device) == 0)
		u->have_id = 1;
	if (sysfs_uevent_value(buf, len, "PCI_SUBSYS_ID", &v) == 0 &&
	    hex_pair(v, &u->subvendor, &u->subdevice) == 0)
		u->have_subsys = 1;
	if (sysfs_uevent_value(buf, len, "PCI_CLASS", &v) == 0 &&
	    span_hex(v, 6, &class) == 0) {
		u->have_class = 1;
		u->class_id = (uint8_t)(class >> 16);
		u->subclass_id = (uint8_t)(class >> 8);
		u->progif = (uint8_t)class;
	}
	return 0;
}

/* The three parts of "a/b/c", and no fourth. */
static int
three_parts(struct span s, struct span p[3])
{
	struct span rest = s;
	int i;

	for (i = 0; i < 3; i++)
		if (!txt_next_field(&rest, '/', &p[i]))
			return -1;
	return rest.p == NULL ? 0 : -1;
}

static void
usb_product(struct span v, struct usb_uevent *u)
{
	struct span p[3];
	uint32_t x[3];
	int i;

	if (three_parts(v, p) == -1)
		return;
	for (i = 0; i < 3; i++)
		if (span_hex(p[i], 4, &x[i]) == -1)
			return;
	u->vendor = (uint16_t)x[0];
	u->product = (uint16_t)x[1];
	u->bcd_device = (uint16_t)x[2];
	u->have_product = 1;
}

static void
usb_type(struct span v, struct usb_uevent *u)
{
	struct span p[3];
	uint64_t x[3];
	int i;

	if (three_parts(v, p) == -1)
		return;
	for (i = 0; i < 3; i++)
		if (txt_u64(p[i].p, p[i].len, &x[i]) == -1 || x[i] > 255)
			return;
	u->class_id = (int)x[0];
	u->subclass_id = (int)x[1];
	u->protocol = (int)x[2];
	u->have_type = 1;
}

/* BUSNUM and DEVNUM: decimal, at most 3 digits in the kernel's %03d. */
static int
usb_number(const char *buf, size_t len, const char *key, int64_t *out)
{
	struct span v;
	uint64_t n;

	if (sysfs_uevent_value(buf, len, key, &v) == -1 ||
	    txt_u64(v.p, v.len, &n) == -1 || n > 0xffff)
		return -1;
	*out = (int64_t)n;
	return 0;
}

int
usb_uevent_parse(const char *buf, size_t len, struct usb_uevent *u)
{
	struct span v;

	memset(u, 0, sizeof(*u));
	u->class_id = u->subclass_id = u->protocol = -1;
	u->busnum = u->devnum = -1;
	if (sysfs_uevent_value(buf, len, "DEVTYPE", &v) == -1 ||
	    !txt_eq(v, "usb_device") ||
	    usb_number(buf, len, "BUSNUM", &u->busnum) == -1 ||
	    usb_number(buf, len, "DEVNUM", &u->devnum) == -1)
		return -1;
	if (sysfs_uevent_value(buf, len, "PRODUCT", &v) == 0)
		usb_product(v, u);
	if (sysfs_uevent_value(buf, len, "TYPE", &v) == 0)
		usb_type(v, u);
	return 0;
}
