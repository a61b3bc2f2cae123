/*
 * SMBIOS tables, after the DMTF's System Management BIOS Reference
 * Specification (DSP0134): entry points, the structure walk, strings and
 * fields; see smbios.h.
 */
#include <stdio.h>
#include <string.h>

#include "smbios.h"

#define EP2_LEN		0x1f	/* "_SM_" entry point, as 2.1 has it */
#define EP2_MIN_LEN	0x1e	/* some firmware says 0x1e (2.1 errata) */
#define EP3_LEN		0x18
#define LEGACY_LEN	0x0f	/* a bare "_DMI_" entry point */

/* The 2.x and 3.x lengths of the structures decoded here. */
#define BIOS_MIN_LEN	0x12
#define MEMDEV_MIN_LEN	0x15

static uint16_t
le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t
le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
	    ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint64_t
le64(const uint8_t *p)
{
	return (uint64_t)le32(p) | ((uint64_t)le32(p + 4) << 32);
}

/* Do the bytes sum to zero, as every entry point's checksum makes them? */
static int
sums_to_zero(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	size_t i;

	for (i = 0; i < len; i++)
		sum = (uint8_t)(sum + p[i]);
	return sum == 0;
}

static int
entry3_parse(const uint8_t *p, size_t len, struct smbios_entry *e)
{
	if (len < EP3_LEN || p[6] < EP3_LEN || p[6] > len ||
	    !sums_to_zero(p, p[6]))
		return -1;
	e->is64 = 1;
	e->major = p[7];
	e->minor = p[8];
	e->docrev = p[9];
	e->table_len = le32(p + 0x0c);
	e->table_address = le64(p + 0x10);
	e->count = 0;
	return 0;
}

/* The "_DMI_" part that a 2.x entry point ends with, or that stands alone
 * on DMI 2.0 firmware. */
static int
legacy_parse(const uint8_t *p, size_t len, struct smbios_entry *e)
{
	if (len < LEGACY_LEN || memcmp(p, "_DMI_", 5) != 0 ||
	    !sums_to_zero(p, LEGACY_LEN))
		return -1;
	e->table_len = le16(p + 0x06);
	e->table_address = le32(p + 0x08);
	e->count = le16(p + 0x0c);
	e->major = p[0x0e] >> 4;
	e->minor = p[0x0e] & 0x0f;
	return 0;
}

static int
entry2_parse(const uint8_t *p, size_t len, struct smbios_entry *e)
{
	if (len < EP2_MIN_LEN || p[5] < EP2_MIN_LEN || p[5] > len ||
	    !sums_to_zero(p, p[5]) ||
	    legacy_parse(p + 0x10, len - 0x10, e) == -1)
		return -1;
	e->major = p[6];
	e->minor = p[7];
	return 0;
}

int
smbios_entry_parse(const void *buf, size_t len, struct smbios_entry *e)
{
	const uint8_t *p = buf;

	memset(e, 0, sizeof(*e));
	if (len >= 5 && memcmp(p, "_SM3_", 5) == 0)
		return entry3_parse(p, len, e);
	if (len >= 4 && memcmp(p, "_SM_", 4) == 0)
		return entry2_parse(p, len, e);
	return legacy_parse(p, len, e);
}

void
smbios_walk_init(struct smbios_walk *w, const void *buf, size_t len,
    unsigned int max)
{
	memset(w, 0, sizeof(*w));
	w->buf = buf;
	w->len = len;
	w->max = max;
}

/* Where the string set that starts at off ends (after its double NUL);
 * 0 when the table ends first. */
static size_t
strings_end(const uint8_t *buf, size_t len, size_t off)
{
	size_t i;

	for (i = off; i + 1 < len; i++)
		if (buf[i] == 0 && buf[i + 1] == 0)
			return i + 2;
	return 0;
}

static int
walk_stop(struct smbios_walk *w, int broken)
{
	w->done = 1;
	w->broken = broken;
	return 0;
}

int
smbios_next(struct smbios_walk *w, struct smbios_struct *st)
{
	const uint8_t *p;
	size_t end;

	if (w->done || (w->max != 0 && w->seen >= w->max))
		return walk_stop(w, 0);
	if (w->len - w->off < 4)
		return walk_stop(w, w->len != w->off);
	p = w->buf + w->off;
	/* A length shorter than the header is damage; so is a formatted
	 * area or a string set that the table cuts. */
	if (p[1] < 4 || p[1] > w->len - w->off ||
	    (end = strings_end(w->buf, w->len, w->off + p[1])) == 0)
		return walk_stop(w, 1);
	memset(st, 0, sizeof(*st));
	st->type = p[0];
	st->length = p[1];
	st->handle = le16(p + 2);
	st->data = p;
	st->strings = p + p[1];
	st->strings_len = end - (w->off + p[1]);
	st->size = end - w->off;
	st->offset = w->off;
	w->off = end;
	w->seen++;
	if (st->type == SMBIOS_TYPE_END)
		w->done = 1;
	return 1;
}

int
smbios_string(const struct smbios_struct *st, uint8_t index, struct span *s)
{
	const char *p = (const char *)st->strings;
	size_t off = 0, n;
	unsigned int i;

	s->p = "";
	s->len = 0;
	if (index == 0)
		return -1;
	for (i = 1; off < st->strings_len; i++) {
		n = strnlen(p + off, st->strings_len - off);
		/* The empty string that ends the set ends the search. */
		if (n == 0)
			return -1;
		if (i == index) {
			while (n > 0 && p[off + n - 1] == ' ')
				n--;
			if (n == 0)
				return -1;
			s->p = p + off;
			s->len = n;
			return 0;
		}
		off += n + 1;
	}
	return -1;
}

int
smbios_byte(const struct smbios_struct *st, size_t off, uint8_t *v)
{
	if (off >= st->length)
		return -1;
	*v = st->data[off];
	return 0;
}

int
smbios_word(const struct smbios_struct *st, size_t off, uint16_t *v)
{
	if (off > st->length || st->length - off < 2)
		return -1;
	*v = le16(st->data + off);
	return 0;
}

int
smbios_dword(const struct smbios_struct *st, size_t off, uint32_t *v)
{
	if (off > st->length || st->length - off < 4)
		return -1;
	*v = le32(st->data + off);
	return 0;
}

int
smbios_qword(const struct smbios_struct *st, size_t off, uint64_t *v)
{
	if (off > st->length || st->length - off < 8)
		return -1;
	*v = le64(st->data + off);
	return 0;
}

int
smbios_string_at(const struct smbios_struct *st, size_t off, struct span *s)
{
	uint8_t index;

	s->p = "";
	s->len = 0;
	if (smbios_byte(st, off, &index) == -1)
		return -1;
	return smbios_string(st, index, s);
}

struct code_name {
	unsigned int	 code;
	const char	*name;
};

static const char *
code_lookup(const struct code_name *t, size_t n, unsigned int code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, code)	code_lookup((t), sizeof(t) / sizeof((t)[0]), (code))

/* osquery's names where it has one, the specification's after that. */
static const struct code_name type_names[] = {
	{ 0, "BIOS Information" },
	{ 1, "System Information" },
	{ 2, "Base Board or Module Information" },
	{ 3, "System Enclosure or Chassis" },
	{ 4, "Processor Information" },
	{ 5, "Memory Controller Information" },
	{ 6, "Memory Module Information" },
	{ 7, "Cache Information" },
	{ 8, "Port Connector Information" },
	{ 9, "System Slots" },
	{ 10, "On Board Devices Information" },
	{ 11, "OEM Strings" },
	{ 12, "System Configuration Options" },
	{ 13, "BIOS Language Information" },
	{ 14, "Group Associations" },
	{ 15, "System Event Log" },
	{ 16, "Physical Memory Array" },
	{ 17, "Memory Device" },
	{ 18, "32-bit Memory Error Information" },
	{ 19, "Memory Array Mapped Address" },
	{ 20, "Memory Device Mapped Address" },
	{ 21, "Built-in Pointing Device" },
	{ 22, "Portable Battery" },
	{ 23, "System Reset" },
	{ 24, "Hardware Security" },
	{ 25, "System Power Controls" },
	{ 26, "Voltage Probe" },
	{ 27, "Cooling Device" },
	{ 28, "Temperature Probe" },
	{ 29, "Electrical Current Probe" },
	{ 30, "Out-of-Band Remote Access" },
	{ 31, "Boot Integrity Services" },
	{ 32, "System Boot Information" },
	{ 33, "64-bit Memory Error Information" },
	{ 34, "Management Device" },
	{ 35, "Management Device Component" },
	{ 36, "Management Device Threshold Data" },
	{ 37, "Memory Channel" },
	{ 38, "IPMI Device Information" },
	{ 39, "System Power Supply" },
	{ 40, "Additional Information" },
	{ 41, "Onboard Devices Extended Info" },
	{ 42, "Management Controller Host Interface" },
	{ 43, "TPM Device" },
	{ 44, "Processor Additional Information" },
	{ 45, "Firmware Inventory Information" },
	{ 46, "String Property" },
	{ 126, "Inactive" },
	{ 127, "End-of-Table" },
	{ 130, "Memory SPD Data" },
	{ 131, "OEM Processor Type" },
	{ 132, "OEM Processor Bus Speed" },
};

const char *
smbios_type_name(unsigned int type)
{
	const char *name = LOOKUP(type_names, type);

	return name != NULL ? name : "Unknown";
}

static void
span_or_empty(const struct smbios_struct *st, size_t off, struct span *s)
{
	(void)smbios_string_at(st, off, s);
}

/* The ROM size: 64 KiB blocks, or the 3.1 extended size in MiB or GiB
 * when the old field says 16 MiB or more. */
static int64_t
bios_rom_size(const struct smbios_struct *st)
{
	uint16_t ext;
	uint8_t blocks;

	if (smbios_byte(st, 0x09, &blocks) == -1)
		return -1;
	if (blocks != 0xff || smbios_word(st, 0x18, &ext) == -1)
		return ((int64_t)blocks + 1) * 64 * 1024;
	switch (ext >> 14) {
	case 0:
		return (int64_t)(ext & 0x3fff) << 20;
	case 1:
		return (int64_t)(ext & 0x3fff) << 30;
	default:
		return -1;
	}
}

int
smbios_bios_parse(const struct smbios_struct *st, struct smbios_bios *b)
{
	uint16_t segment;
	uint8_t major, minor;

	memset(b, 0, sizeof(*b));
	b->vendor.p = b->version.p = b->date.p = "";
	if (st->type != SMBIOS_TYPE_BIOS || st->length < BIOS_MIN_LEN)
		return -1;
	span_or_empty(st, 0x04, &b->vendor);
	span_or_empty(st, 0x05, &b->version);
	span_or_empty(st, 0x08, &b->date);
	b->address = -1;
	if (smbios_word(st, 0x06, &segment) == 0 && segment != 0)
		b->address = (int64_t)segment << 4;
	b->rom_size = bios_rom_size(st);
	b->release_major = b->release_minor = -1;
	if (smbios_byte(st, 0x14, &major) == 0 &&
	    smbios_byte(st, 0x15, &minor) == 0 &&
	    (major != 0xff || minor != 0xff)) {
		b->release_major = major;
		b->release_minor = minor;
	}
	return 0;
}

static const struct code_name form_factors[] = {
	{ 0x01, "Other" },
	{ 0x02, "Unknown" },
	{ 0x03, "SIMM" },
	{ 0x04, "SIP" },
	{ 0x05, "Chip" },
	{ 0x06, "DIP" },
	{ 0x07, "ZIP" },
	{ 0x08, "Proprietary Card" },
	{ 0x09, "DIMM" },
	{ 0x0a, "TSOP" },
	{ 0x0b, "Row of chips" },
	{ 0x0c, "RIMM" },
	{ 0x0d, "SODIMM" },
	{ 0x0e, "SRIMM" },
	{ 0x0f, "FB-DIMM" },
	{ 0x10, "Die" },
};

static const struct code_name memory_types[] = {
	{ 0x01, "Other" },
	{ 0x02, "Unknown" },
	{ 0x03, "DRAM" },
	{ 0x04, "EDRAM" },
	{ 0x05, "VRAM" },
	{ 0x06, "SRAM" },
	{ 0x07, "RAM" },
	{ 0x08, "ROM" },
	{ 0x09, "FLASH" },
	{ 0x0a, "EEPROM" },
	{ 0x0b, "FEPROM" },
	{ 0x0c, "EPROM" },
	{ 0x0d, "CDRAM" },
	{ 0x0e, "3DRAM" },
	{ 0x0f, "SDRAM" },
	{ 0x10, "SGRAM" },
	{ 0x11, "RDRAM" },
	{ 0x12, "DDR" },
	{ 0x13, "DDR2" },
	{ 0x14, "DDR2 FB-DIMM" },
	{ 0x15, "RESERVED" },
	{ 0x16, "RESERVED" },
	{ 0x17, "RESERVED" },
	{ 0x18, "DDR3" },
	{ 0x19, "FBD2" },
	{ 0x1a, "DDR4" },
	{ 0x1b, "LPDDR" },
	{ 0x1c, "LPDDR2" },
	{ 0x1d, "LPDDR3" },
	{ 0x1e, "LPDDR4" },
	{ 0x1f, "Logical non-volatile device" },
	{ 0x20, "HBM" },
	{ 0x21, "HBM2" },
	{ 0x22, "DDR5" },
	{ 0x23, "LPDDR5" },
	{ 0x24, "HBM3" },
};

/* The Type Detail bits, bit 0 first. */
static const char *const type_detail_bits[16] = {
	"Reserved", "Other", "Unknown", "Fast-paged", "Static column",
	"Pseudo-static", "RAMBUS", "Synchronous", "CMOS", "EDO",
	"Window DRAM", "Cache DRAM", "Non-volatile", "Registered (Buffered)",
	"Unbuffered (Unregistered)", "LRDIMM",
};

static void
type_details(uint16_t bits, char *out, size_t outsz)
{
	size_t n = 0;
	int i, w;

	out[0] = '\0';
	for (i = 0; i < 16; i++) {
		if (!(bits & (1u << i)))
			continue;
		w = snprintf(out + n, outsz - n, "%s%s", n > 0 ? " " : "",
		    type_detail_bits[i]);
		if (w < 0 || (size_t)w >= outsz - n)
			return;
		n += (size_t)w;
	}
}

/* A width in bits; 0xffff says unknown. */
static int64_t
memdev_width(const struct smbios_struct *st, size_t off)
{
	uint16_t w;

	if (smbios_word(st, off, &w) == -1 || w == 0xffff)
		return -1;
	return w;
}

/*
 * The size in MB.  0x7fff sends to the 2.7 extended size (MB, 31 bits);
 * bit 15 set counts in KB, for modules under a megabyte.
 */
static int64_t
memdev_size(const struct smbios_struct *st)
{
	uint32_t ext;
	uint16_t sz;

	if (smbios_word(st, 0x0c, &sz) == -1 || sz == 0xffff)
		return -1;
	if (sz == 0x7fff)
		return smbios_dword(st, 0x1c, &ext) == 0 ?
		    (int64_t)(ext & 0x7fffffff) : -1;
	if (sz & 0x8000)
		return (int64_t)(sz & 0x7fff) / 1024;
	return sz;
}

/* A speed in MT/s: 0 is unknown, 0xffff sends to the 3.3 extended field
 * (31 bits). */
static int64_t
memdev_speed(const struct smbios_struct *st, size_t off, size_t ext_off)
{
	uint32_t ext;
	uint16_t v;

	if (smbios_word(st, off, &v) == -1 || v == 0)
		return -1;
	if (v != 0xffff)
		return v;
	if (smbios_dword(st, ext_off, &ext) == -1 ||
	    (ext & 0x7fffffff) == 0)
		return -1;
	return ext & 0x7fffffff;
}

/* A voltage in mV; 0 is unknown. */
static int64_t
memdev_voltage(const struct smbios_struct *st, size_t off)
{
	uint16_t v;

	if (smbios_word(st, off, &v) == -1 || v == 0)
		return -1;
	return v;
}

int
smbios_memdev_parse(const struct smbios_struct *st, struct smbios_memdev *m)
{
	uint16_t details;
	uint8_t v;

	memset(m, 0, sizeof(*m));
	m->device_locator.p = m->bank_locator.p = m->manufacturer.p =
	    m->serial_number.p = m->asset_tag.p = m->part_number.p = "";
	if (st->type != SMBIOS_TYPE_MEMORY_DEVICE ||
	    st->length < MEMDEV_MIN_LEN)
		return -1;
	m->handle = st->handle;
	(void)smbios_word(st, 0x04, &m->array_handle);
	m->total_width = memdev_width(st, 0x08);
	m->data_width = memdev_width(st, 0x0a);
	m->size = memdev_size(st);
	if (smbios_byte(st, 0x0e, &v) == 0)
		m->form_factor = LOOKUP(form_factors, v);
	m->set = smbios_byte(st, 0x0f, &v) == 0 && v != 0xff ? v : -1;
	span_or_empty(st, 0x10, &m->device_locator);
	span_or_empty(st, 0x11, &m->bank_locator);
	if (smbios_byte(st, 0x12, &v) == 0)
		m->memory_type = LOOKUP(memory_types, v);
	if (smbios_word(st, 0x13, &details) == 0)
		type_details(details, m->type_details,
		    sizeof(m->type_details));
	m->max_speed = memdev_speed(st, 0x15, 0x54);
	span_or_empty(st, 0x17, &m->manufacturer);
	span_or_empty(st, 0x18, &m->serial_number);
	span_or_empty(st, 0x19, &m->asset_tag);
	span_or_empty(st, 0x1a, &m->part_number);
	m->configured_speed = memdev_speed(st, 0x20, 0x58);
	m->min_voltage = memdev_voltage(st, 0x22);
	m->max_voltage = memdev_voltage(st, 0x24);
	m->configured_voltage = memdev_voltage(st, 0x26);
	return 0;
}
