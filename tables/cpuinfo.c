/*
 * /proc/cpuinfo lists one block of "key : value" lines per logical
 * processor.  Physical cores are the distinct (physical id, core id)
 * pairs and sockets the distinct physical ids; where the architecture
 * does not name them (most non-x86 kernels), every logical processor
 * counts as a core and the socket count stays unknown.
 */
#include <string.h>

#include "cpuinfo.h"
#include "keyvalue.h"

/* Beyond this many distinct cores the count stops growing; 24 KiB on the
 * stack. */
#define CPUINFO_MAX_CORES	1024

struct core_ids {
	uint64_t	pairs[CPUINFO_MAX_CORES][2];
	int		npairs;
	uint64_t	sockets[CPUINFO_MAX_CORES];
	int		nsockets;
};

static void
remember_socket(struct core_ids *ids, uint64_t socket)
{
	int i;

	for (i = 0; i < ids->nsockets; i++)
		if (ids->sockets[i] == socket)
			return;
	if (ids->nsockets < CPUINFO_MAX_CORES)
		ids->sockets[ids->nsockets++] = socket;
}

static void
remember_core(struct core_ids *ids, uint64_t socket, uint64_t core)
{
	int i;

	for (i = 0; i < ids->npairs; i++)
		if (ids->pairs[i][0] == socket && ids->pairs[i][1] == core)
			return;
	if (ids->npairs < CPUINFO_MAX_CORES) {
		ids->pairs[ids->npairs][0] = socket;
		ids->pairs[ids->npairs][1] = core;
		ids->npairs++;
	}
}

static void
first_value(struct span *dst, struct span v)
{
	if (dst->p == NULL)
		*dst = v;
}

static int
span_u64(struct span v, uint64_t *out)
{
	return txt_u64(v.p, v.len, out);
}

int
cpuinfo_parse(const char *buf, size_t len, struct cpuinfo *ci)
{
	static const struct span none = { "", 0 };
	struct core_ids *ids, local;
	struct span line, k, v;
	uint64_t socket = 0, core = 0;
	int have_socket = 0, have_core = 0;
	size_t off = 0;

	memset(ci, 0, sizeof(*ci));
	ids = &local;
	ids->npairs = ids->nsockets = 0;
	while (txt_next_line(buf, len, &off, &line)) {
		if (kv_colon_split(line, &k, &v) == -1)
			continue;
		if (txt_eq(k, "processor")) {
			ci->logical++;
			have_socket = have_core = 0;
		} else if (txt_eq(k, "model name"))
			first_value(&ci->brand, v);
		else if (txt_eq(k, "model"))
			first_value(&ci->model, v);
		else if (txt_eq(k, "microcode"))
			first_value(&ci->microcode, v);
		else if (txt_eq(k, "physical id") &&
		    span_u64(v, &socket) == 0) {
			have_socket = 1;
			remember_socket(ids, socket);
		} else if (txt_eq(k, "core id") && span_u64(v, &core) == 0)
			have_core = 1;
		if (have_socket && have_core) {
			remember_core(ids, socket, core);
			have_socket = have_core = 0;
		}
	}
	ci->physical = ids->npairs > 0 ? ids->npairs : ci->logical;
	ci->sockets = ids->nsockets > 0 ? ids->nsockets : -1;
	if (ci->brand.p == NULL)
		ci->brand = none;
	if (ci->model.p == NULL)
		ci->model = none;
	if (ci->microcode.p == NULL)
		ci->microcode = none;
	return 0;
}
