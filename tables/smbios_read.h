/*
 * The SMBIOS table as Linux exposes it (/sys/firmware/dmi/tables), read
 * through privd for the tables that decode it: smbios_tables,
 * memory_devices and platform_info.
 */
#ifndef HOSTQL_TABLES_SMBIOS_READ_H
#define HOSTQL_TABLES_SMBIOS_READ_H

#include <stddef.h>

#include "smbios.h"
#include "table.h"

struct smbios_table {
	char			*data;
	size_t			 len;
	struct smbios_entry	 entry;
	int			 have_entry;
};

/*
 * Read the table and its entry point.  0 with t filled; -1 after a
 * gen_warn() when there is nothing to decode (no DMI table on this
 * machine, or the policy refused it).  An entry point that cannot be
 * read or parsed only loses the structure count.
 */
int	smbios_table_read(struct gen_ctx *, struct smbios_table *t);
void	smbios_table_free(struct smbios_table *);

/* Start a walk over the structures, bounded as the entry point says. */
void	smbios_table_walk(const struct smbios_table *, struct smbios_walk *);

/* After the walk: warn when it stopped at damage. */
void	smbios_table_walk_end(struct gen_ctx *, const struct smbios_walk *);

#endif
