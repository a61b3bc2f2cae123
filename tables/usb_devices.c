/*
 * usb_devices: the USB devices of /sys/bus/usb/devices (hubs included,
 * interfaces left out), with the ids, class and numbers of their uevent
 * file, the strings the device gave, and the names usb.ids has.
 *
 * As osquery has it: usb_address is the bus number and usb_port the
 * device number on that bus, class, subclass and protocol are the
 * decimal codes of the device descriptor, version is bcdDevice in hex.
 * A vendor or model that usb.ids does not know falls back to the
 * manufacturer or product string of the device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "busdev.h"
#include "hwids_read.h"
#include "sysbus.h"
#include "table.h"

#define TABLE		"usb_devices"
#define STRING_MAX	256	/* USB string descriptors are shorter */

enum {
	C_USB_ADDRESS,
	C_USB_PORT,
	C_VENDOR,
	C_VENDOR_ID,
	C_VERSION,
	C_MODEL,
	C_MODEL_ID,
	C_SERIAL,
	C_CLASS,
	C_SUBCLASS,
	C_PROTOCOL,
	C_REMOVABLE,
};

static const struct column usb_devices_columns[] = {
	[C_USB_ADDRESS] = { "usb_address", COL_INTEGER, 0, NULL,
	    "USB Device used address (the bus number)" },
	[C_USB_PORT] = { "usb_port", COL_INTEGER, 0, NULL,
	    "USB Device used port (the device number on its bus)" },
	[C_VENDOR] = { "vendor", COL_TEXT, 0, NULL, "USB Device vendor "
	    "string" },
	[C_VENDOR_ID] = { "vendor_id", COL_TEXT, 0, "nocase",
	    "Hex encoded USB Device vendor identifier" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version",
	    "USB Device version number" },
	[C_MODEL] = { "model", COL_TEXT, 0, NULL, "USB Device model string" },
	[C_MODEL_ID] = { "model_id", COL_TEXT, 0, "nocase",
	    "Hex encoded USB Device model identifier" },
	[C_SERIAL] = { "serial", COL_TEXT, 0, NULL,
	    "USB Device serial connection" },
	[C_CLASS] = { "class", COL_TEXT, 0, NULL, "USB Device class" },
	[C_SUBCLASS] = { "subclass", COL_TEXT, 0, NULL,
	    "USB Device subclass" },
	[C_PROTOCOL] = { "protocol", COL_TEXT, 0, NULL,
	    "USB Device protocol" },
	[C_REMOVABLE] = { "removable", COL_INTEGER, 0, NULL,
	    "1 If USB device is removable else 0 (-1 when the hub does "
	    "not say)" },
};

struct usb_dev {
	struct usb_uevent	u;
	char			manufacturer[STRING_MAX];
	char			product[STRING_MAX];
	char			serial[STRING_MAX];
	int			removable;
	int			vendor_name;	/* hwids wants, or -1 */
	int			model_name;
};

struct usb_scan {
	struct usb_dev	*v;
	size_t		 n;
	struct hwids	 ids;
};

/* The kernel's words for the port a device hangs on. */
static int
removable_value(const char *s)
{
	if (strcmp(s, "removable") == 0)
		return 1;
	if (strcmp(s, "fixed") == 0)
		return 0;
	return -1;
}

/* One attribute into out; a device without it (most have no serial)
 * simply lacks it, one that cannot be read is a warning. */
static void
read_attr(struct gen_ctx *ctx, struct sysbus *bus,
    const struct sysbus_dev *bd, const char *attr, char *out, size_t outsz)
{
	int rc = sysbus_attr(ctx, bd, attr, out, outsz);

	if (rc < 0 && rc != -ENOENT)
		sysbus_warn(ctx, bus, "%s/%s: %s", bd->dir, attr,
		    strerror(-rc));
}

/* The strings and the removable flag, each only when the query reads
 * it. */
static void
read_strings(struct gen_ctx *ctx, struct sysbus *bus,
    const struct sysbus_dev *bd, struct usb_dev *d)
{
	char removable[32] = "";

	if (gen_used(ctx, C_VENDOR))
		read_attr(ctx, bus, bd, "manufacturer", d->manufacturer,
		    sizeof(d->manufacturer));
	if (gen_used(ctx, C_MODEL))
		read_attr(ctx, bus, bd, "product", d->product,
		    sizeof(d->product));
	if (gen_used(ctx, C_SERIAL))
		read_attr(ctx, bus, bd, "serial", d->serial,
		    sizeof(d->serial));
	if (gen_used(ctx, C_REMOVABLE))
		read_attr(ctx, bus, bd, "removable", removable,
		    sizeof(removable));
	d->removable = removable_value(removable);
}

/* Read every device; -1 only when out of memory. */
static int
read_devices(struct gen_ctx *ctx, struct sysbus *bus, void *arg)
{
	struct usb_scan *s = arg;
	struct usb_dev *d;
	char *uevent;
	size_t i, len;
	int rc;

	if (bus->n > 0 && (s->v = calloc(bus->n, sizeof(*s->v))) == NULL)
		return -1;
	for (i = 0; i < bus->n; i++) {
		d = &s->v[s->n];
		memset(d, 0, sizeof(*d));
		rc = sysbus_uevent(ctx, &bus->v[i], &uevent, &len);
		if (rc < 0) {
			sysbus_warn(ctx, bus, "%s/uevent: %s",
			    bus->v[i].dir, strerror(-rc));
			continue;
		}
		rc = usb_uevent_parse(uevent, len, &d->u);
		free(uevent);
		/* Interfaces ("1-1:1.0") and ports are not devices. */
		if (rc == -1)
			continue;
		read_strings(ctx, bus, &bus->v[i], d);
		d->vendor_name = d->model_name = -1;
		s->n++;
	}
	return 0;
}

/* Ask usb.ids for the names of every device; -1 when out of memory. */
static int
want_names(struct usb_scan *s)
{
	struct usb_dev *d;
	size_t i;

	for (i = 0; i < s->n; i++) {
		d = &s->v[i];
		if (!d->u.have_product)
			continue;
		d->vendor_name = hwids_want(&s->ids, HWIDS_VENDOR,
		    d->u.vendor, 0, 0, 0);
		d->model_name = hwids_want(&s->ids, HWIDS_DEVICE,
		    d->u.vendor, d->u.product, 0, 0);
		if (d->vendor_name == -1 || d->model_name == -1)
			return -1;
	}
	return 0;
}

static void
row_hex4(struct gen_ctx *ctx, int col, unsigned int v)
{
	char buf[8];

	snprintf(buf, sizeof(buf), "%04x", v);
	row_text(ctx, col, buf);
}

static void
row_decimal(struct gen_ctx *ctx, int col, int v)
{
	char buf[8];

	snprintf(buf, sizeof(buf), "%d", v);
	row_text(ctx, col, buf);
}

/* The usb.ids name, else the device's own string. */
static void
row_name(struct gen_ctx *ctx, int col, const struct hwids *ids, int want,
    const char *fallback)
{
	const char *name = hwids_name(ids, want);

	row_text_nonempty(ctx, col, name != NULL && *name != '\0' ? name :
	    fallback);
}

static int
device_row(struct gen_ctx *ctx, const struct usb_dev *d,
    const struct hwids *ids)
{
	const struct usb_uevent *u = &d->u;

	row_begin(ctx);
	row_int(ctx, C_USB_ADDRESS, u->busnum);
	row_int(ctx, C_USB_PORT, u->devnum);
	if (u->have_product) {
		row_hex4(ctx, C_VENDOR_ID, u->vendor);
		row_hex4(ctx, C_MODEL_ID, u->product);
		row_hex4(ctx, C_VERSION, u->bcd_device);
	}
	row_name(ctx, C_VENDOR, ids, d->vendor_name, d->manufacturer);
	row_name(ctx, C_MODEL, ids, d->model_name, d->product);
	row_text_nonempty(ctx, C_SERIAL, d->serial);
	if (u->have_type) {
		row_decimal(ctx, C_CLASS, u->class_id);
		row_decimal(ctx, C_SUBCLASS, u->subclass_id);
		row_decimal(ctx, C_PROTOCOL, u->protocol);
	}
	row_int(ctx, C_REMOVABLE, d->removable);
	return row_end(ctx);
}

static int
usb_devices_generate(struct gen_ctx *ctx)
{
	struct usb_scan s;
	size_t i;
	int rc;

	memset(&s, 0, sizeof(s));
	hwids_init(&s.ids);
	rc = sysbus_read(ctx, "usb", read_devices, &s);
	if (rc == 0 && s.n > 0 && (gen_used(ctx, C_VENDOR) ||
	    gen_used(ctx, C_MODEL))) {
		rc = want_names(&s);
		if (rc == 0)
			(void)hwids_read(ctx, hwids_usb_paths, &s.ids);
	}
	for (i = 0; rc == 0 && i < s.n; i++)
		rc = device_row(ctx, &s.v[i], &s.ids);
	free(s.v);
	hwids_free(&s.ids);
	if (rc == -1) {
		gen_error(ctx, "%s: out of memory", TABLE);
		return -1;
	}
	return 0;
}

const struct table table_usb_devices = {
	.name = "usb_devices",
	.description = "USB devices that are actively plugged into the host "
	    "system.",
	.example = "SELECT usb_address, usb_port, vendor, model, serial "
	    "FROM usb_devices",
	.columns = usb_devices_columns,
	.ncolumns = NCOLUMNS(usb_devices_columns),
	.generate = usb_devices_generate,
};
