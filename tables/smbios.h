/*
 * A pure parser of the SMBIOS (DMI) tables the firmware leaves in memory
 * and Linux copies to /sys/firmware/dmi/tables: the entry point, the walk
 * over the structures (a formatted area, then a set of NUL-terminated
 * strings ended by an empty one), their strings and fields, and the
 * decoding of the BIOS (type 0) and memory device (type 17) structures.
 *
 * Nothing here trusts the bytes: every field is read through a bounds
 * check against the structure's own length, and a structure that runs
 * past the end of the table ends the walk.
 */
#ifndef HOSTQL_TABLES_SMBIOS_H
#define HOSTQL_TABLES_SMBIOS_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

#define SMBIOS_TYPE_BIOS		0
#define SMBIOS_TYPE_SYSTEM		1
#define SMBIOS_TYPE_BASEBOARD		2
#define SMBIOS_TYPE_CHASSIS		3
#define SMBIOS_TYPE_PROCESSOR		4
#define SMBIOS_TYPE_MEMORY_ARRAY	16
#define SMBIOS_TYPE_MEMORY_DEVICE	17
#define SMBIOS_TYPE_END			127

/* What the entry point says about the table. */
struct smbios_entry {
	int		major;
	int		minor;
	int		docrev;		/* SMBIOS 3 only, else 0 */
	int		is64;		/* the "_SM3_" entry point */
	uint64_t	table_address;
	uint32_t	table_len;	/* 2.x: exact; 3.x: the maximum */
	unsigned int	count;		/* 2.x: number of structures;
					 * 3.x: 0, unknown */
};

/* Parse a "_SM_" (2.x) or "_SM3_" (3.x) entry point, checksums
 * included; 0, or -1 when it is neither or is damaged. */
int	smbios_entry_parse(const void *, size_t, struct smbios_entry *);

/* One structure, pointing into the table. */
struct smbios_struct {
	uint8_t		 type;
	uint8_t		 length;	/* of the formatted area, header
					 * included */
	uint16_t	 handle;
	const uint8_t	*data;		/* the formatted area */
	const uint8_t	*strings;	/* the string set after it */
	size_t		 strings_len;	/* with its closing double NUL */
	size_t		 size;		/* length + strings_len */
	size_t		 offset;	/* from the start of the table */
};

struct smbios_walk {
	const uint8_t	*buf;
	size_t		 len;
	size_t		 off;
	unsigned int	 seen;
	unsigned int	 max;		/* 0: no limit */
	int		 done;
	int		 broken;	/* the walk stopped at damage */
};

/*
 * Walk the structures of a table of len bytes.  max is the number of
 * structures the entry point announced (0 when it did not).  The walk
 * stops after the end-of-table structure (type 127), after max
 * structures, at the end of the data, or at the first structure that is
 * damaged (shorter than its header, or running past the end), which then
 * sets broken.
 */
void	smbios_walk_init(struct smbios_walk *, const void *buf, size_t len,
	    unsigned int max);
/* 1 with *st filled, 0 at the end. */
int	smbios_next(struct smbios_walk *, struct smbios_struct *st);

/*
 * String number index of the structure (1-based, as the formatted area
 * refers to them), without trailing spaces.  -1 for index 0 ("not
 * specified"), an index past the last string, or an empty string.
 */
int	smbios_string(const struct smbios_struct *, uint8_t index,
	    struct span *);
/* The string whose number is the byte at off; -1 as above, or when the
 * structure is too short to have that field. */
int	smbios_string_at(const struct smbios_struct *, size_t off,
	    struct span *);

/* Little-endian fields of the formatted area; -1 when the structure is
 * too short to have them. */
int	smbios_byte(const struct smbios_struct *, size_t off, uint8_t *);
int	smbios_word(const struct smbios_struct *, size_t off, uint16_t *);
int	smbios_dword(const struct smbios_struct *, size_t off, uint32_t *);
int	smbios_qword(const struct smbios_struct *, size_t off, uint64_t *);

/* The name osquery gives a structure type ("Memory Device"), "Unknown"
 * for the others. */
const char	*smbios_type_name(unsigned int type);

/* Type 0, BIOS Information.  Fields the structure does not have are -1
 * (numbers) or empty spans. */
struct smbios_bios {
	struct span	vendor;
	struct span	version;
	struct span	date;
	int64_t		address;	/* physical start address; -1 on
					 * UEFI, where the segment is 0 */
	int64_t		rom_size;	/* bytes */
	int		release_major;	/* -1 when not given */
	int		release_minor;
};
/* 0, or -1 when st is not a type 0 structure of at least the 2.0
 * length. */
int	smbios_bios_parse(const struct smbios_struct *, struct smbios_bios *);

/* Type 17, Memory Device: what memory_devices reports.  Numbers are -1
 * where the structure does not have the field or says "unknown". */
struct smbios_memdev {
	uint16_t	handle;
	uint16_t	array_handle;
	const char	*form_factor;	/* NULL when unknown */
	int64_t		total_width;	/* bits */
	int64_t		data_width;
	int64_t		size;		/* MB; 0: no module installed */
	int64_t		set;
	struct span	device_locator;
	struct span	bank_locator;
	const char	*memory_type;
	char		type_details[192];	/* "Synchronous Unbuffered
						 * (Unregistered)", or "" */
	int64_t		max_speed;	/* MT/s */
	int64_t		configured_speed;
	struct span	manufacturer;
	struct span	serial_number;
	struct span	asset_tag;
	struct span	part_number;
	int64_t		min_voltage;	/* mV */
	int64_t		max_voltage;
	int64_t		configured_voltage;
};
/* 0, or -1 when st is not a type 17 structure of at least the 2.1
 * length. */
int	smbios_memdev_parse(const struct smbios_struct *,
	    struct smbios_memdev *);

#endif
