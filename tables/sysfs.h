/*
 * Pure helpers for what sysfs gives: the "KEY=value" lines of a device's
 * uevent file, and the relative links (/sys/bus/pci/devices/X ->
 * ../../../devices/pci0000:00/X) that the worker resolves itself, so that
 * privd reads attributes at their real place under /sys/devices.
 */
#ifndef HOSTQL_TABLES_SYSFS_H
#define HOSTQL_TABLES_SYSFS_H

#include <stddef.h>

#include "textparse.h"

/* The value of the first "key=value" line of a uevent file (without its
 * newline); -1 when there is none, or key is empty. */
int	sysfs_uevent_value(const char *buf, size_t len, const char *key,
	    struct span *value);

/*
 * Where a link in directory dir that reads target leads: dir and target
 * joined, "." and ".." segments resolved by name.  That is right only
 * where dir itself holds no symlink, as with /sys/bus/<bus>/devices.  An
 * absolute target is taken as it is.  Writes the canonical path to out;
 * -1 when it climbs above "/", is empty, or does not fit outsz.
 */
int	sysfs_link_resolve(const char *dir, const char *target, char *out,
	    size_t outsz);

#endif
