/*
 * What pci_devices and usb_devices take from a device's uevent file
 * (the kernel's "KEY=value" lines): pure parsers that check every
 * number they take.
 */
#ifndef HOSTQL_TABLES_BUSDEV_H
#define HOSTQL_TABLES_BUSDEV_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

struct pci_uevent {
	struct span	slot;		/* PCI_SLOT_NAME, "0000:00:1f.3" */
	struct span	driver;		/* DRIVER, empty when unbound */
	int		have_id;	/* PCI_ID "8086:0D57" */
	uint16_t	vendor, device;
	int		have_subsys;	/* PCI_SUBSYS_ID "17AA:2247" */
	uint16_t	subvendor, subdevice;
	int		have_class;	/* PCI_CLASS "60400" */
	uint8_t		class_id, subclass_id, progif;
};

/* 0, or -1 when there is no PCI_SLOT_NAME (not a PCI function).
 * Fields that are missing or malformed stay unset. */
int	pci_uevent_parse(const char *, size_t, struct pci_uevent *);

struct usb_uevent {
	int		have_product;	/* PRODUCT "46d/c52b/1211" (hex) */
	uint16_t	vendor, product, bcd_device;
	int		have_type;	/* TYPE "9/0/1" (decimal) */
	int		class_id, subclass_id, protocol;
	int64_t		busnum;		/* BUSNUM "001" */
	int64_t		devnum;		/* DEVNUM "002" */
};

/* 0 for a USB device (DEVTYPE=usb_device, with BUSNUM and DEVNUM), -1
 * for anything else: an interface, a port, a malformed file. */
int	usb_uevent_parse(const char *, size_t, struct usb_uevent *);

#endif
