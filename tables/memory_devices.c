/*
 * memory_devices: the memory devices (DIMMs, soldered chips) the SMBIOS
 * table describes, one row per type 17 structure.  Sizes are in MB,
 * speeds in MT/s and voltages in mV, as the structure gives them; a field
 * the structure does not have, or says is unknown, is NULL.
 */
#include <stdio.h>

#include "smbios_read.h"
#include "table.h"

enum {
	C_HANDLE,
	C_ARRAY_HANDLE,
	C_FORM_FACTOR,
	C_TOTAL_WIDTH,
	C_DATA_WIDTH,
	C_SIZE,
	C_SET,
	C_DEVICE_LOCATOR,
	C_BANK_LOCATOR,
	C_MEMORY_TYPE,
	C_MEMORY_TYPE_DETAILS,
	C_MAX_SPEED,
	C_CONFIGURED_CLOCK_SPEED,
	C_MANUFACTURER,
	C_SERIAL_NUMBER,
	C_ASSET_TAG,
	C_PART_NUMBER,
	C_MIN_VOLTAGE,
	C_MAX_VOLTAGE,
	C_CONFIGURED_VOLTAGE,
};

static const struct column memory_devices_columns[] = {
	[C_HANDLE] = { "handle", COL_TEXT, 0, NULL,
	    "Handle, or instance number, associated with the structure in "
	    "SMBIOS" },
	[C_ARRAY_HANDLE] = { "array_handle", COL_TEXT, 0, NULL,
	    "The memory array that the device is attached to" },
	[C_FORM_FACTOR] = { "form_factor", COL_TEXT, 0, NULL,
	    "Implementation form factor for this memory device" },
	[C_TOTAL_WIDTH] = { "total_width", COL_INTEGER, 0, NULL,
	    "Total width, in bits, of this memory device, including any "
	    "check or error-correction bits" },
	[C_DATA_WIDTH] = { "data_width", COL_INTEGER, 0, NULL,
	    "Data width, in bits, of this memory device" },
	[C_SIZE] = { "size", COL_INTEGER, 0, NULL,
	    "Size of memory device in Megabyte (0: no module installed)" },
	[C_SET] = { "set", COL_INTEGER, 0, NULL,
	    "Identifies if memory device is one of a set of devices.  A "
	    "value of 0 indicates no set affiliation" },
	[C_DEVICE_LOCATOR] = { "device_locator", COL_TEXT, 0, NULL,
	    "String number of the string that identifies the physically-"
	    "labeled socket or board position where the memory device is "
	    "located" },
	[C_BANK_LOCATOR] = { "bank_locator", COL_TEXT, 0, NULL,
	    "String number of the string that identifies the physically-"
	    "labeled bank where the memory device is located" },
	[C_MEMORY_TYPE] = { "memory_type", COL_TEXT, 0, NULL,
	    "Type of memory used" },
	[C_MEMORY_TYPE_DETAILS] = { "memory_type_details", COL_TEXT, 0,
	    NULL, "Additional details for memory device" },
	[C_MAX_SPEED] = { "max_speed", COL_INTEGER, 0, NULL,
	    "Max speed of memory device in megatransfers per second "
	    "(MT/s)" },
	[C_CONFIGURED_CLOCK_SPEED] = { "configured_clock_speed",
	    COL_INTEGER, 0, NULL,
	    "Configured speed of memory device in megatransfers per second "
	    "(MT/s)" },
	[C_MANUFACTURER] = { "manufacturer", COL_TEXT, 0, NULL,
	    "Manufacturer ID string" },
	[C_SERIAL_NUMBER] = { "serial_number", COL_TEXT, 0, NULL,
	    "Serial number of memory device" },
	[C_ASSET_TAG] = { "asset_tag", COL_TEXT, 0, NULL,
	    "Manufacturer specific asset tag of memory device" },
	[C_PART_NUMBER] = { "part_number", COL_TEXT, 0, NULL,
	    "Manufacturer specific serial number of memory device" },
	[C_MIN_VOLTAGE] = { "min_voltage", COL_INTEGER, 0, NULL,
	    "Minimum operating voltage of device in millivolts" },
	[C_MAX_VOLTAGE] = { "max_voltage", COL_INTEGER, 0, NULL,
	    "Maximum operating voltage of device in millivolts" },
	[C_CONFIGURED_VOLTAGE] = { "configured_voltage", COL_INTEGER, 0,
	    NULL, "Configured operating voltage of device in millivolts" },
};

static void
row_known(struct gen_ctx *ctx, int col, int64_t v)
{
	if (v >= 0)
		row_int(ctx, col, v);
}

static void
row_span(struct gen_ctx *ctx, int col, struct span s)
{
	if (s.len > 0)
		row_textn(ctx, col, s.p, s.len);
}

static void
row_handle(struct gen_ctx *ctx, int col, uint16_t handle)
{
	char hex[8];

	snprintf(hex, sizeof(hex), "0x%04x", handle);
	row_text(ctx, col, hex);
}

static int
memdev_row(struct gen_ctx *ctx, const struct smbios_memdev *m)
{
	row_begin(ctx);
	row_handle(ctx, C_HANDLE, m->handle);
	row_handle(ctx, C_ARRAY_HANDLE, m->array_handle);
	if (m->form_factor != NULL)
		row_text(ctx, C_FORM_FACTOR, m->form_factor);
	row_known(ctx, C_TOTAL_WIDTH, m->total_width);
	row_known(ctx, C_DATA_WIDTH, m->data_width);
	row_known(ctx, C_SIZE, m->size);
	row_known(ctx, C_SET, m->set);
	row_span(ctx, C_DEVICE_LOCATOR, m->device_locator);
	row_span(ctx, C_BANK_LOCATOR, m->bank_locator);
	if (m->memory_type != NULL)
		row_text(ctx, C_MEMORY_TYPE, m->memory_type);
	row_text_nonempty(ctx, C_MEMORY_TYPE_DETAILS, m->type_details);
	row_known(ctx, C_MAX_SPEED, m->max_speed);
	row_known(ctx, C_CONFIGURED_CLOCK_SPEED, m->configured_speed);
	row_span(ctx, C_MANUFACTURER, m->manufacturer);
	row_span(ctx, C_SERIAL_NUMBER, m->serial_number);
	row_span(ctx, C_ASSET_TAG, m->asset_tag);
	row_span(ctx, C_PART_NUMBER, m->part_number);
	row_known(ctx, C_MIN_VOLTAGE, m->min_voltage);
	row_known(ctx, C_MAX_VOLTAGE, m->max_voltage);
	row_known(ctx, C_CONFIGURED_VOLTAGE, m->configured_voltage);
	return row_end(ctx);
}

static int
memory_devices_generate(struct gen_ctx *ctx)
{
	struct smbios_table t;
	struct smbios_walk w;
	struct smbios_struct st;
	struct smbios_memdev m;
	int rc = 0;

	if (smbios_table_read(ctx, &t) == -1)
		return 0;
	smbios_table_walk(&t, &w);
	while (rc == 0 && smbios_next(&w, &st))
		if (smbios_memdev_parse(&st, &m) == 0)
			rc = memdev_row(ctx, &m);
	smbios_table_walk_end(ctx, &w);
	smbios_table_free(&t);
	if (rc == -1) {
		gen_error(ctx, "memory_devices: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_memory_devices = {
	.name = "memory_devices",
	.description = "Physical memory device (type 17) information "
	    "retrieved from SMBIOS.",
	.example = "SELECT device_locator, size, memory_type, max_speed "
	    "FROM memory_devices",
	.columns = memory_devices_columns,
	.ncolumns = NCOLUMNS(memory_devices_columns),
	.generate = memory_devices_generate,
};
