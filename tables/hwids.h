/*
 * Names from the pci.ids and usb.ids databases (Debian's pci.ids and
 * usb.ids packages): vendors, their devices and subsystems, and device
 * classes and subclasses.
 *
 * The files are large (a megabyte and more) and a query needs a handful
 * of names, so they are not loaded: the table first asks for the names
 * it needs (hwids_want), then streams the file through hwids_feed, which
 * keeps only those.  Both files share one format:
 *
 *	vvvv  Vendor name
 *	<TAB>dddd  Device name
 *	<TAB><TAB>ssss tttt  Subsystem name		(pci.ids)
 *	C cc  Class name
 *	<TAB>ss  Subclass name
 *	<TAB><TAB>pp  Programming interface name
 *
 * and usb.ids has further lists (AT, HID, L, ...) that are skipped.
 */
#ifndef HOSTQL_TABLES_HWIDS_H
#define HOSTQL_TABLES_HWIDS_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

#define HWIDS_NAME_MAX	256	/* longest name kept, NUL included */

enum hwids_key {
	HWIDS_VENDOR,		/* vendor */
	HWIDS_DEVICE,		/* vendor, device */
	HWIDS_SUBSYSTEM,	/* vendor, device, subvendor, subdevice */
	HWIDS_CLASS,		/* class */
	HWIDS_SUBCLASS,		/* class, subclass */
};

/* One line of the file, as hwids_parse_line() splits it. */
enum hwids_line_kind {
	HWIDS_LINE_NONE,	/* blank, comment, or not understood */
	HWIDS_LINE_VENDOR,	/* "vvvv  name" */
	HWIDS_LINE_CLASS,	/* "C cc  name" */
	HWIDS_LINE_LIST,	/* any other top-level line: another list
				 * ("HID 00 ..."), or one not understood */
	HWIDS_LINE_ITEM,	/* one tab: a device or a subclass */
	HWIDS_LINE_SUBITEM,	/* two tabs: subsystem, prog-if, ... */
};

struct hwids_line {
	enum hwids_line_kind	kind;
	uint16_t		id[2];	/* the one or two hex ids */
	int			nid;
	struct span		name;	/* trimmed */
};

/* Split a line (without its newline).  Always succeeds: a line that is
 * not understood is HWIDS_LINE_NONE. */
void	hwids_parse_line(struct span, struct hwids_line *);

struct hwids_want {
	enum hwids_key	key;
	uint16_t	id[4];
	int		found;
	char		name[HWIDS_NAME_MAX];
};

struct hwids {
	struct hwids_want	*v;
	size_t			 n, cap;

	/* Where the scan is: the section and the ids of the last vendor
	 * (or class) and device (or subclass) lines. */
	enum hwids_line_kind	 section;
	uint16_t		 top;
	uint16_t		 item;
	int			 have_item;
	int			 top_wanted;	/* any want under top? */
	int			 skip_line;
};

void	hwids_init(struct hwids *);
void	hwids_free(struct hwids *);

/*
 * Ask for the name of a key, with the ids it takes (the others 0).  The
 * same key asked twice gives the same number.  Returns the want's number
 * for hwids_name(), -1 when out of memory.
 */
int	hwids_want(struct hwids *, enum hwids_key, uint16_t a, uint16_t b,
	    uint16_t c, uint16_t d);
/* The name found for want i; NULL when the file has none (or i < 0). */
const char *hwids_name(const struct hwids *, int i);

/*
 * Scan the complete lines of buf; with eof, the last unended line too.
 * Returns the bytes used: the caller keeps the rest for the next call.
 * A caller whose buffer fills with no newline drops it and calls
 * hwids_discard_line(), so that the rest of that line is skipped.
 */
size_t	hwids_feed(struct hwids *, const char *buf, size_t len, int eof);
void	hwids_discard_line(struct hwids *);

#endif
