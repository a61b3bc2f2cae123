/*
 * /proc/cpuinfo by physical package (socket), for cpu_info: one entry
 * per distinct "physical id", with the first processor's strings and the
 * counts the kernel gives ("cpu cores", "siblings") or, where it gives
 * none, counts of its own.
 */
#ifndef HOSTQL_TABLES_CPUPKG_H
#define HOSTQL_TABLES_CPUPKG_H

#include <stdint.h>

#include "textparse.h"

/* Packages kept; a larger machine's further sockets are left out. */
#define CPUPKG_MAX	64

struct cpu_package {
	int64_t		physical_id;	/* -1: the kernel names none */
	int64_t		first_cpu;	/* "processor" of its first entry */
	struct span	vendor;		/* "vendor_id"; spans into the text */
	struct span	model_name;	/* "model name" */
	struct span	mhz;		/* "cpu MHz" */
	int64_t		cores;		/* "cpu cores", else counted */
	int64_t		siblings;	/* "siblings", else counted */
	int		address_width;	/* 64 with the "lm" flag, 32 with
					 * flags but not it, 0 unknown */
	/* Counting, for kernels that do not say. */
	int64_t		nlogical;
	uint64_t	core_ids[256];
	int		ncore_ids;
};

/* Fill pk (room for max) and return how many packages there are. */
int	cpupkg_parse(const char *, size_t, struct cpu_package *pk, int max);

/* "2596.138" -> 2596, the whole MHz; -1 when it is no number. */
int64_t	cpupkg_mhz(struct span);

#endif
