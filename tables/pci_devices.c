/*
 * pci_devices: the PCI functions of /sys/bus/pci/devices, with the ids
 * and driver their uevent file gives and the names pci.ids has for them.
 *
 * Every device is read first, then pci.ids is streamed once for the
 * names those devices need (and not at all when the query reads no
 * name), then the rows are given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "busdev.h"
#include "hwids_read.h"
#include "sysbus.h"
#include "table.h"

#define TABLE	"pci_devices"

enum {
	C_PCI_SLOT,
	C_PCI_CLASS,
	C_DRIVER,
	C_VENDOR,
	C_VENDOR_ID,
	C_MODEL,
	C_MODEL_ID,
	C_PCI_CLASS_ID,
	C_PCI_SUBCLASS_ID,
	C_PCI_SUBCLASS,
	C_SUBSYSTEM_VENDOR_ID,
	C_SUBSYSTEM_VENDOR,
	C_SUBSYSTEM_MODEL_ID,
	C_SUBSYSTEM_MODEL,
};

static const struct column pci_devices_columns[] = {
	[C_PCI_SLOT] = { "pci_slot", COL_TEXT, 0, NULL, "PCI Device used slot" },
	[C_PCI_CLASS] = { "pci_class", COL_TEXT, 0, NULL,
	    "PCI Device class" },
	[C_DRIVER] = { "driver", COL_TEXT, 0, NULL,
	    "PCI Device used driver" },
	[C_VENDOR] = { "vendor", COL_TEXT, 0, NULL, "PCI Device vendor" },
	[C_VENDOR_ID] = { "vendor_id", COL_TEXT, 0, "nocase",
	    "Hex encoded PCI Device vendor identifier" },
	[C_MODEL] = { "model", COL_TEXT, 0, NULL, "PCI Device model" },
	[C_MODEL_ID] = { "model_id", COL_TEXT, 0, "nocase",
	    "Hex encoded PCI Device model identifier" },
	[C_PCI_CLASS_ID] = { "pci_class_id", COL_TEXT, 0, "nocase",
	    "PCI Device class ID in hex format" },
	[C_PCI_SUBCLASS_ID] = { "pci_subclass_id", COL_TEXT, 0, "nocase",
	    "PCI Device  subclass in hex format" },
	[C_PCI_SUBCLASS] = { "pci_subclass", COL_TEXT, 0, NULL,
	    "PCI Device subclass" },
	[C_SUBSYSTEM_VENDOR_ID] = { "subsystem_vendor_id", COL_TEXT, 0,
	    "nocase", "Vendor ID of PCI device subsystem" },
	[C_SUBSYSTEM_VENDOR] = { "subsystem_vendor", COL_TEXT, 0, NULL,
	    "Vendor of PCI device subsystem" },
	[C_SUBSYSTEM_MODEL_ID] = { "subsystem_model_id", COL_TEXT, 0,
	    "nocase", "Model ID of PCI device subsystem" },
	[C_SUBSYSTEM_MODEL] = { "subsystem_model", COL_TEXT, 0, NULL,
	    "Device description of PCI device subsystem" },
};

/* The names a device needs, as numbers of hwids wants (-1: none). */
enum {
	N_VENDOR,
	N_MODEL,
	N_CLASS,
	N_SUBCLASS,
	N_SUBVENDOR,
	N_SUBMODEL,
	N_MAX
};

struct pci_dev {
	char			*uevent;	/* the spans point here */
	size_t			 len;
	struct pci_uevent	 u;
	int			 name[N_MAX];
};

struct pci_scan {
	struct pci_dev	*v;
	size_t		 n;
	struct hwids	 ids;
};

static void
scan_free(struct pci_scan *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].uevent);
	free(s->v);
	hwids_free(&s->ids);
}

/* Read every device's uevent; -1 only when out of memory. */
static int
read_devices(struct gen_ctx *ctx, struct sysbus *bus, void *arg)
{
	struct pci_scan *s = arg;
	struct pci_dev *d;
	size_t i;
	int rc, k;

	if (bus->n > 0 && (s->v = calloc(bus->n, sizeof(*s->v))) == NULL)
		return -1;
	for (i = 0; i < bus->n; i++) {
		d = &s->v[s->n];
		rc = sysbus_uevent(ctx, &bus->v[i], &d->uevent, &d->len);
		if (rc < 0) {
			sysbus_warn(ctx, bus, "%s/uevent: %s",
			    bus->v[i].dir, strerror(-rc));
			continue;
		}
		if (pci_uevent_parse(d->uevent, d->len, &d->u) == -1) {
			sysbus_warn(ctx, bus, "%s/uevent: no PCI_SLOT_NAME",
			    bus->v[i].dir);
			free(d->uevent);
			d->uevent = NULL;
			continue;
		}
		for (k = 0; k < N_MAX; k++)
			d->name[k] = -1;
		s->n++;
	}
	return 0;
}

static int
names_used(struct gen_ctx *ctx)
{
	return gen_used(ctx, C_PCI_CLASS) || gen_used(ctx, C_VENDOR) ||
	    gen_used(ctx, C_MODEL) || gen_used(ctx, C_PCI_SUBCLASS) ||
	    gen_used(ctx, C_SUBSYSTEM_VENDOR) ||
	    gen_used(ctx, C_SUBSYSTEM_MODEL);
}

static int
want(struct hwids *ids, int *slot, enum hwids_key key, uint16_t a,
    uint16_t b, uint16_t c, uint16_t d)
{
	*slot = hwids_want(ids, key, a, b, c, d);
	return *slot == -1 ? -1 : 0;
}

/* Ask pci.ids for every name of d; -1 when out of memory. */
static int
want_names(struct hwids *ids, struct pci_dev *d)
{
	const struct pci_uevent *u = &d->u;

	if (u->have_id && (want(ids, &d->name[N_VENDOR], HWIDS_VENDOR,
	    u->vendor, 0, 0, 0) == -1 || want(ids, &d->name[N_MODEL],
	    HWIDS_DEVICE, u->vendor, u->device, 0, 0) == -1))
		return -1;
	if (u->have_class && (want(ids, &d->name[N_CLASS], HWIDS_CLASS,
	    u->class_id, 0, 0, 0) == -1 || want(ids, &d->name[N_SUBCLASS],
	    HWIDS_SUBCLASS, u->class_id, u->subclass_id, 0, 0) == -1))
		return -1;
	if (u->have_id && u->have_subsys && (want(ids, &d->name[N_SUBVENDOR],
	    HWIDS_VENDOR, u->subvendor, 0, 0, 0) == -1 ||
	    want(ids, &d->name[N_SUBMODEL], HWIDS_SUBSYSTEM, u->vendor,
	    u->device, u->subvendor, u->subdevice) == -1))
		return -1;
	return 0;
}

static void
row_name(struct gen_ctx *ctx, int col, const struct hwids *ids, int want)
{
	const char *name = hwids_name(ids, want);

	if (name != NULL)
		row_text_nonempty(ctx, col, name);
}

static void
row_hex(struct gen_ctx *ctx, int col, unsigned int v, int digits)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "0x%0*x", digits, v);
	row_text(ctx, col, buf);
}

static int
device_row(struct gen_ctx *ctx, const struct pci_dev *d,
    const struct hwids *ids)
{
	const struct pci_uevent *u = &d->u;

	row_begin(ctx);
	row_textn(ctx, C_PCI_SLOT, u->slot.p, u->slot.len);
	if (u->driver.len > 0)
		row_textn(ctx, C_DRIVER, u->driver.p, u->driver.len);
	if (u->have_id) {
		row_hex(ctx, C_VENDOR_ID, u->vendor, 4);
		row_hex(ctx, C_MODEL_ID, u->device, 4);
	}
	if (u->have_class) {
		row_hex(ctx, C_PCI_CLASS_ID, u->class_id, 2);
		row_hex(ctx, C_PCI_SUBCLASS_ID, u->subclass_id, 2);
	}
	if (u->have_subsys) {
		row_hex(ctx, C_SUBSYSTEM_VENDOR_ID, u->subvendor, 4);
		row_hex(ctx, C_SUBSYSTEM_MODEL_ID, u->subdevice, 4);
	}
	row_name(ctx, C_VENDOR, ids, d->name[N_VENDOR]);
	row_name(ctx, C_MODEL, ids, d->name[N_MODEL]);
	row_name(ctx, C_PCI_CLASS, ids, d->name[N_CLASS]);
	row_name(ctx, C_PCI_SUBCLASS, ids, d->name[N_SUBCLASS]);
	row_name(ctx, C_SUBSYSTEM_VENDOR, ids, d->name[N_SUBVENDOR]);
	row_name(ctx, C_SUBSYSTEM_MODEL, ids, d->name[N_SUBMODEL]);
	return row_end(ctx);
}

/* Ask for the names of every device and read them; -1 when out of
 * memory.  Without pci.ids the rows come without names. */
static int
lookup_names(struct gen_ctx *ctx, struct pci_scan *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (want_names(&s->ids, &s->v[i]) == -1)
			return -1;
	if (s->n > 0)
		(void)hwids_read(ctx, hwids_pci_paths, &s->ids);
	return 0;
}

static int
pci_devices_generate(struct gen_ctx *ctx)
{
	struct pci_scan s;
	size_t i;
	int rc;

	memset(&s, 0, sizeof(s));
	hwids_init(&s.ids);
	rc = sysbus_read(ctx, "pci", read_devices, &s);
	if (rc == 0 && names_used(ctx))
		rc = lookup_names(ctx, &s);
	for (i = 0; rc == 0 && i < s.n; i++)
		rc = device_row(ctx, &s.v[i], &s.ids);
	scan_free(&s);
	if (rc == -1) {
		gen_error(ctx, "%s: out of memory", TABLE);
		return -1;
	}
	return 0;
}

const struct table table_pci_devices = {
	.name = "pci_devices",
	.description = "PCI devices active on the host system.",
	.example = "SELECT pci_slot, vendor, model, driver FROM pci_devices",
	.columns = pci_devices_columns,
	.ncolumns = NCOLUMNS(pci_devices_columns),
	.generate = pci_devices_generate,
};
