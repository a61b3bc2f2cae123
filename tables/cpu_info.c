/*
 * cpu_info: one row per physical processor package.  osquery reads the
 * firmware's SMBIOS processor records; those are often missing or wrong
 * in virtual machines, so here the kernel's own view is used instead:
 * /proc/cpuinfo grouped by "physical id", with the clock speeds cpufreq
 * gives in /sys.  processor_type is SMBIOS's 3 (central processor) and
 * cpu_status its 65 (socket populated, processor enabled): a package the
 * kernel lists is both.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "cpupkg.h"
#include "sysvalue.h"

#define CPUINFO_CAP		(16u << 20)
#define SMBIOS_CPU_CENTRAL	"3"
#define SMBIOS_CPU_ENABLED	65	/* populated (0x40) | enabled (1) */

enum {
	CI_DEVICE_ID,
	CI_MODEL,
	CI_MANUFACTURER,
	CI_PROCESSOR_TYPE,
	CI_CPU_STATUS,
	CI_NUMBER_OF_CORES,
	CI_LOGICAL_PROCESSORS,
	CI_ADDRESS_WIDTH,
	CI_CURRENT_CLOCK_SPEED,
	CI_MAX_CLOCK_SPEED,
	CI_SOCKET_DESIGNATION,
};

static const struct column cpu_info_columns[] = {
	{ "device_id", COL_TEXT, 0, NULL, "The DeviceID of the CPU" },
	{ "model", COL_TEXT, 0, NULL, "The model of the CPU" },
	{ "manufacturer", COL_TEXT, 0, NULL, "The manufacturer of the CPU" },
	{ "processor_type", COL_TEXT, 0, NULL, "The processor type, such as "
	    "Central, Math, or Video" },
	{ "cpu_status", COL_INTEGER, 0, NULL, "The current operating status "
	    "of the CPU" },
	{ "number_of_cores", COL_TEXT, 0, NULL, "The number of cores of the "
	    "CPU" },
	{ "logical_processors", COL_INTEGER, 0, NULL, "The number of logical "
	    "processors of the CPU" },
	{ "address_width", COL_TEXT, 0, NULL, "The width of the CPU address "
	    "bus" },
	{ "current_clock_speed", COL_INTEGER, 0, NULL, "The current frequency "
	    "of the CPU" },
	{ "max_clock_speed", COL_INTEGER, 0, NULL, "The maximum possible "
	    "frequency of the CPU" },
	{ "socket_designation", COL_TEXT, 0, NULL, "The assigned socket on "
	    "the board for the given CPU" },
};

/* A cpufreq value of the package's first processor, in MHz; -1 when
 * the kernel has no cpufreq for it (most virtual machines). */
static int64_t
cpufreq_mhz(struct gen_ctx *ctx, int64_t cpu, const char *file)
{
	char path[128], v[64];
	uint64_t khz;

	snprintf(path, sizeof(path),
	    "/sys/devices/system/cpu/cpu%lld/cpufreq/%s", (long long)cpu,
	    file);
	if (sysvalue_read(ctx, path, v, sizeof(v)) < 0 ||
	    txt_u64(v, strlen(v), &khz) == -1)
		return -1;
	return (int64_t)(khz / 1000);
}

static int
package_row(struct gen_ctx *ctx, const struct cpu_package *p, int ordinal)
{
	char buf[32];
	int64_t mhz;

	row_begin(ctx);
	snprintf(buf, sizeof(buf), "CPU%d", ordinal);
	row_text(ctx, CI_DEVICE_ID, buf);
	row_textn(ctx, CI_MODEL, p->model_name.p, p->model_name.len);
	row_textn(ctx, CI_MANUFACTURER, p->vendor.p, p->vendor.len);
	row_text(ctx, CI_PROCESSOR_TYPE, SMBIOS_CPU_CENTRAL);
	row_int(ctx, CI_CPU_STATUS, SMBIOS_CPU_ENABLED);
	snprintf(buf, sizeof(buf), "%lld", (long long)p->cores);
	row_text(ctx, CI_NUMBER_OF_CORES, buf);
	row_int(ctx, CI_LOGICAL_PROCESSORS, p->siblings);
	if (p->address_width > 0) {
		snprintf(buf, sizeof(buf), "%d", p->address_width);
		row_text(ctx, CI_ADDRESS_WIDTH, buf);
	}
	if (gen_used(ctx, CI_CURRENT_CLOCK_SPEED)) {
		if ((mhz = cpufreq_mhz(ctx, p->first_cpu,
		    "scaling_cur_freq")) < 0)
			mhz = cpupkg_mhz(p->mhz);
		if (mhz >= 0)
			row_int(ctx, CI_CURRENT_CLOCK_SPEED, mhz);
	}
	if (gen_used(ctx, CI_MAX_CLOCK_SPEED) &&
	    (mhz = cpufreq_mhz(ctx, p->first_cpu, "cpuinfo_max_freq")) >= 0)
		row_int(ctx, CI_MAX_CLOCK_SPEED, mhz);
	if (p->physical_id >= 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)p->physical_id);
		row_text(ctx, CI_SOCKET_DESIGNATION, buf);
	}
	return row_end(ctx);
}

static int
cpu_info_generate(struct gen_ctx *ctx)
{
	struct cpu_package *pk;
	char *data = NULL;
	size_t len = 0;
	int i, n, rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/cpuinfo", CPUINFO_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/proc/cpuinfo: %s", strerror(-rc));
		return 0;
	}
	if ((pk = calloc(CPUPKG_MAX, sizeof(*pk))) == NULL) {
		free(data);
		gen_error(ctx, "cpu_info: out of memory");
		return -1;
	}
	n = cpupkg_parse(data, len, pk, CPUPKG_MAX);
	rc = 0;
	for (i = 0; i < n && rc == 0; i++)
		rc = package_row(ctx, &pk[i], i);
	free(pk);
	free(data);
	if (rc == -1) {
		gen_error(ctx, "cpu_info: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_cpu_info = {
	.name = "cpu_info",
	.description = "Retrieve cpu hardware info of the machine.",
	.example = "SELECT device_id, model, number_of_cores, "
	    "logical_processors FROM cpu_info",
	.columns = cpu_info_columns,
	.ncolumns = NCOLUMNS(cpu_info_columns),
	.generate = cpu_info_generate,
};
