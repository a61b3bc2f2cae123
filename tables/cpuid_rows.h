/*
 * The rows of the cpuid table, from the registers the cpuid instruction
 * returns: the vendor and brand strings, the hypervisor signature, the
 * processor serial number, the family, one row per feature bit osquery
 * names, and the SGX leaf.
 *
 * The instruction is asked through a function, so that the unit tests
 * give registers captured on a real processor and the table gives the
 * running one's.  Leaves above the maximum the processor reports are
 * taken as zeros (a processor answers them with another leaf's data).
 */
#ifndef HOSTQL_TABLES_CPUID_ROWS_H
#define HOSTQL_TABLES_CPUID_ROWS_H

#include <stdint.h>

struct cpuid_regs {
	uint32_t	eax, ebx, ecx, edx;
};

/* Run cpuid for leaf (eax) and subleaf (ecx). */
typedef void (*cpuid_query_fn)(void *arg, uint32_t leaf, uint32_t subleaf,
    struct cpuid_regs *);

struct cpuid_row {
	const char	*feature;
	const char	*value;
	const char	*output_register;
	int		 output_bit;
	const char	*input_eax;
};

/* Take one row; non-zero stops the walk, and is returned. */
typedef int (*cpuid_row_fn)(void *arg, const struct cpuid_row *);

/* Give every row; 0, -1 when the processor has no leaf 1, or what row
 * returned. */
int	cpuid_rows(cpuid_query_fn, void *qarg, cpuid_row_fn, void *rarg);

#endif
