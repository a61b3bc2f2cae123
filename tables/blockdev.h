/*
 * Pure parsers of what the block device tables read (besides the
 * kernel's uevent files, which tables/sysfs.h reads): udev's database
 * entries ("E:KEY=value", values with "\xHH" escapes), and the
 * device-mapper uuid that tells a dm-crypt mapping from the others.
 */
#ifndef HOSTQL_TABLES_BLOCKDEV_H
#define HOSTQL_TABLES_BLOCKDEV_H

#include <stddef.h>

#include "textparse.h"

/* The value of the first "E:key=value" line of a udev entry. */
int	blk_udev_property(const char *buf, size_t len, const char *key,
	    struct span *value);
/* Undo udev's "\xHH" escapes into out (room for s.len + 1); a bad
 * escape is kept as it is, a NUL ends the text.  Returns the length. */
size_t	blk_udev_unescape(struct span s, char *out);

/* A kernel name ("cciss!c0d0") to its /dev name ("/dev/cciss/c0d0");
 * -1 when it does not fit or is empty. */
int	blk_devname(const char *kname, char *out, size_t outsz);

/*
 * A dm uuid ("CRYPT-LUKS2-<hex>-<name>") to the cryptsetup type of an
 * encrypting mapping ("LUKS2", "LUKS1", "PLAIN", "TCRYPT", "BITLK" ...):
 * 1 with *type set, 0 for any other mapping (LVM, multipath, and the
 * integrity-only CRYPT-VERITY, CRYPT-INTEGRITY and CRYPT-SUBDEV).
 */
int	blk_dm_crypt_type(const char *buf, size_t len, struct span *type);

#endif
