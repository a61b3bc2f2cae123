/*
 * The devices of a bus as sysfs lists them (the entries of
 * /sys/bus/<bus>/devices, links into /sys/devices), each resolved to its
 * real directory so that its attributes are read there: the policy then
 * allows attribute names under /sys/devices, and no symlink has to be
 * followed out of a rule's root.  Devices are gathered first and read
 * after, in name order, as privd answers one request at a time.
 */
#ifndef HOSTQL_TABLES_SYSBUS_H
#define HOSTQL_TABLES_SYSBUS_H

#include <stddef.h>

#include "table.h"

struct sysbus_dev {
	char	*name;		/* "0000:00:1f.3", "1-1.2" */
	char	*dir;		/* "/sys/devices/pci0000:00/0000:00:1f.3" */
};

struct sysbus {
	struct sysbus_dev	*v;
	size_t			 n;
	size_t			 cap;
	unsigned int		 nwarn;	/* warnings given, for the cap */
};

/*
 * List the devices of bus.  0, with no devices when the bus does not
 * exist on this machine; -1 when out of memory.  A listing that fails
 * otherwise, or a link that cannot be read, is a gen_warn(), and the
 * devices that could be read are kept.
 */
int	sysbus_list(struct gen_ctx *, const char *bus, struct sysbus *);
void	sysbus_free(struct sysbus *);

/*
 * List the devices of bus and have fn read what it needs of them (fn
 * returns 0, or -1 when out of memory), then say how many warnings were
 * left out and free the list: what a device table does first.  0, or -1
 * when out of memory.
 */
typedef int (*sysbus_read_fn)(struct gen_ctx *, struct sysbus *, void *arg);
int	sysbus_read(struct gen_ctx *, const char *bus, sysbus_read_fn,
	    void *arg);

/*
 * gen_warn() about one device of many, at most SYSBUS_MAX_WARN times
 * per query (a policy that refuses the attributes would otherwise give
 * one warning per device); sysbus_warn_end() then says how many more
 * there were.
 */
#define SYSBUS_MAX_WARN	5
void	sysbus_warn(struct gen_ctx *, struct sysbus *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	sysbus_warn_end(struct gen_ctx *, struct sysbus *);

/* The device's uevent file, whole (malloc'd, NUL-terminated); 0 or a
 * negative errno. */
int	sysbus_uevent(struct gen_ctx *, const struct sysbus_dev *,
	    char **data, size_t *len);
/* A one-line attribute, trimmed, into out; 0 or a negative errno, out
 * then "". */
int	sysbus_attr(struct gen_ctx *, const struct sysbus_dev *,
	    const char *attr, char *out, size_t outsz);

#endif
