/*
 * Streaming an ids database (pci.ids, usb.ids) that privd opens through
 * the hwids scanner, for the names a table asked for.
 */
#ifndef HOSTQL_TABLES_HWIDS_READ_H
#define HOSTQL_TABLES_HWIDS_READ_H

#include "hwids.h"
#include "table.h"

/* Where the distributions keep them, the likeliest first. */
extern const char *const hwids_pci_paths[];
extern const char *const hwids_usb_paths[];

/*
 * Scan the first of paths (NULL-terminated) that privd opens.  0, or -1
 * after a gen_warn() when none can be read: the names are then left NULL
 * and the rows still given.
 */
int	hwids_read(struct gen_ctx *, const char *const *paths,
	    struct hwids *);

#endif
