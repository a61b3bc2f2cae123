/*
 * system_info: the host's name, identity, processors, memory and the
 * vendor strings the firmware (DMI) gives.  A DMI file that is absent (a
 * virtual machine without SMBIOS) or refused leaves its column empty,
 * as a missing SMBIOS table does in osquery.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>

#include "table.h"
#include "cpuinfo.h"
#include "keyvalue.h"
#include "sysvalue.h"

#define CPUINFO_CAP	(16u << 20)
#define MEMINFO_CAP	(64u << 10)
#define DMI_VALUE_MAX	256

enum {
	S_HOSTNAME,
	S_UUID,
	S_CPU_TYPE,
	S_CPU_SUBTYPE,
	S_CPU_BRAND,
	S_CPU_PHYSICAL_CORES,
	S_CPU_LOGICAL_CORES,
	S_CPU_SOCKETS,
	S_CPU_MICROCODE,
	S_PHYSICAL_MEMORY,
	S_HARDWARE_VENDOR,
	S_HARDWARE_MODEL,
	S_HARDWARE_VERSION,
	S_HARDWARE_SERIAL,
	S_BOARD_VENDOR,
	S_BOARD_MODEL,
	S_BOARD_VERSION,
	S_BOARD_SERIAL,
	S_COMPUTER_NAME,
	S_LOCAL_HOSTNAME,
};

static const struct column system_info_columns[] = {
	{ "hostname", COL_TEXT, 0, NULL, "Network hostname including "
	    "domain" },
	{ "uuid", COL_TEXT, 0, "nocase", "Unique ID provided by the system" },
	{ "cpu_type", COL_TEXT, 0, NULL, "CPU type" },
	{ "cpu_subtype", COL_TEXT, 0, NULL, "CPU subtype" },
	{ "cpu_brand", COL_TEXT, 0, NULL, "CPU brand string, contains "
	    "vendor and model" },
	{ "cpu_physical_cores", COL_INTEGER, 0, NULL, "Number of physical "
	    "CPU cores in to the system" },
	{ "cpu_logical_cores", COL_INTEGER, 0, NULL, "Number of logical "
	    "CPU cores available to the system" },
	{ "cpu_sockets", COL_INTEGER, 0, NULL, "Number of processors" },
	{ "cpu_microcode", COL_TEXT, 0, NULL, "Microcode version" },
	{ "physical_memory", COL_BIGINT, 0, NULL, "Total physical memory "
	    "in bytes" },
	{ "hardware_vendor", COL_TEXT, 0, NULL, "Hardware vendor" },
	{ "hardware_model", COL_TEXT, 0, NULL, "Hardware model" },
	{ "hardware_version", COL_TEXT, 0, NULL, "Hardware version" },
	{ "hardware_serial", COL_TEXT, 0, NULL, "Device serial number" },
	{ "board_vendor", COL_TEXT, 0, NULL, "Board vendor" },
	{ "board_model", COL_TEXT, 0, NULL, "Board model" },
	{ "board_version", COL_TEXT, 0, NULL, "Board version" },
	{ "board_serial", COL_TEXT, 0, NULL, "Board serial number" },
	{ "computer_name", COL_TEXT, 0, NULL, "Friendly computer name "
	    "(optional)" },
	{ "local_hostname", COL_TEXT, 0, NULL, "Local hostname (optional)" },
};

/* Where each firmware string is, and the column it lands in on a Lenovo,
 * which puts the model in the version string and a SKU in the model.
 * The vendor comes first: it decides the swap. */
struct dmi_file {
	const char	*path;
	int		 col;
	int		 lenovo_col;
};

static const struct dmi_file dmi_files[] = {
	{ "/sys/class/dmi/id/sys_vendor", S_HARDWARE_VENDOR,
	    S_HARDWARE_VENDOR },
	{ "/sys/class/dmi/id/product_name", S_HARDWARE_MODEL,
	    S_HARDWARE_VERSION },
	{ "/sys/class/dmi/id/product_version", S_HARDWARE_VERSION,
	    S_HARDWARE_MODEL },
	{ "/sys/class/dmi/id/product_serial", S_HARDWARE_SERIAL,
	    S_HARDWARE_SERIAL },
	{ "/sys/class/dmi/id/product_uuid", S_UUID, S_UUID },
	{ "/sys/class/dmi/id/board_vendor", S_BOARD_VENDOR, S_BOARD_VENDOR },
	{ "/sys/class/dmi/id/board_name", S_BOARD_MODEL, S_BOARD_MODEL },
	{ "/sys/class/dmi/id/board_version", S_BOARD_VERSION,
	    S_BOARD_VERSION },
	{ "/sys/class/dmi/id/board_serial", S_BOARD_SERIAL, S_BOARD_SERIAL },
};

static void
hostname_columns(struct gen_ctx *ctx)
{
	char name[256];
	int rc;

	rc = sysvalue_read(ctx, "/proc/sys/kernel/hostname", name,
	    sizeof(name));
	if (rc < 0)
		gen_warn(ctx, "system_info: /proc/sys/kernel/hostname: %s",
		    strerror(-rc));
	row_text(ctx, S_HOSTNAME, name);
	row_text(ctx, S_COMPUTER_NAME, name);
	row_text(ctx, S_LOCAL_HOSTNAME, name);
}

static void
dmi_columns(struct gen_ctx *ctx)
{
	const struct dmi_file *f;
	char v[DMI_VALUE_MAX];
	size_t i;
	int lenovo = 0;

	for (i = 0; i < sizeof(dmi_files) / sizeof(dmi_files[0]); i++) {
		f = &dmi_files[i];
		sysvalue_read(ctx, f->path, v, sizeof(v));
		if (i == 0)
			lenovo = strcasecmp(v, "lenovo") == 0;
		row_text(ctx, lenovo ? f->lenovo_col : f->col, v);
	}
}

static void
cpu_columns(struct gen_ctx *ctx)
{
	struct cpuinfo ci;
	struct utsname u;
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (uname(&u) == 0)
		row_text(ctx, S_CPU_TYPE, u.machine);
	rc = collect_read_file(gen_collect(ctx), "/proc/cpuinfo", CPUINFO_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "system_info: /proc/cpuinfo: %s", strerror(-rc));
		return;
	}
	cpuinfo_parse(data, len, &ci);
	row_textn(ctx, S_CPU_SUBTYPE, ci.model.p, ci.model.len);
	row_textn(ctx, S_CPU_BRAND, ci.brand.p, ci.brand.len);
	row_textn(ctx, S_CPU_MICROCODE, ci.microcode.p, ci.microcode.len);
	row_int(ctx, S_CPU_LOGICAL_CORES, ci.logical);
	row_int(ctx, S_CPU_PHYSICAL_CORES, ci.physical);
	row_int(ctx, S_CPU_SOCKETS, ci.sockets);
	free(data);
}

static void
memory_column(struct gen_ctx *ctx)
{
	char *data = NULL;
	size_t len = 0;
	int64_t bytes;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/meminfo", MEMINFO_CAP,
	    &data, &len);
	if (rc < 0)
		gen_warn(ctx, "system_info: /proc/meminfo: %s", strerror(-rc));
	else if (kv_meminfo_bytes(data, len, "MemTotal", &bytes) == 0)
		row_int(ctx, S_PHYSICAL_MEMORY, bytes);
	free(data);
}

static int
system_info_generate(struct gen_ctx *ctx)
{
	row_begin(ctx);
	hostname_columns(ctx);
	cpu_columns(ctx);
	memory_column(ctx);
	dmi_columns(ctx);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "system_info: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_system_info = {
	.name = "system_info",
	.description = "System information for identification.",
	.example = "SELECT hostname, cpu_brand, physical_memory FROM "
	    "system_info",
	.columns = system_info_columns,
	.ncolumns = NCOLUMNS(system_info_columns),
	.generate = system_info_generate,
};
