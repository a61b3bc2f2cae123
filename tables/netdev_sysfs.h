/*
 * A network interface's directory in sysfs, as text: where the link
 * /sys/class/net/NAME leads, the PCI slot of the device under it, and
 * the values read there.  Pure, so the rules are unit tested without a
 * sysfs; interface_details reads through privd with them.
 *
 * The class link is resolved here rather than followed by privd, so the
 * policy names the device tree it reads (/sys/devices/...), and the
 * path the link names is the whole story of where the interface sits.
 */
#ifndef HOSTQL_TABLES_NETDEV_SYSFS_H
#define HOSTQL_TABLES_NETDEV_SYSFS_H

#include <stddef.h>
#include <stdint.h>

#define NETDEV_CLASS_DIR	"/sys/class/net"

/* Is name one the kernel would give an interface (and so safe in a
 * path): 1 to 15 bytes, no '/', no blanks, not "." or ".."? */
int	netdev_name_ok(const char *name);

/*
 * The absolute directory a class link's target (as readlink gives it,
 * "../../devices/.../net/eth0") names, with its "." and ".." resolved,
 * NUL-terminated in out.  -1 when it does not stay inside /sys or does
 * not fit.
 */
int	netdev_sysfs_dir(const char *target, char *out, size_t outsz);

/*
 * The PCI slot ("0000:00:03.0") of the device an interface directory
 * sits under: the device itself when it is a PCI function, or the PCI
 * function a virtio device hangs from, as ethtool's bus-info reports.
 * -1 for a virtual interface and for other buses.
 */
int	netdev_pci_slot(const char *dir, char *out, size_t outsz);

/* A sysfs "speed" file: Mb/s, 0 when the kernel says unknown (-1). */
int	netdev_speed_parse(const char *buf, size_t len, int64_t *mbps);

#endif
