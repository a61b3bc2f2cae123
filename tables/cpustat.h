/*
 * The per-CPU lines of /proc/stat,
 *
 *	cpu3 user nice system idle iowait irq softirq steal guest guest_nice
 *
 * times in USER_HZ ticks.  Older kernels stop after softirq, steal or
 * guest; the missing times are 0.
 */
#ifndef HOSTQL_TABLES_CPUSTAT_H
#define HOSTQL_TABLES_CPUSTAT_H

#include <stddef.h>
#include <stdint.h>

enum {
	CPUSTAT_USER,
	CPUSTAT_NICE,
	CPUSTAT_SYSTEM,
	CPUSTAT_IDLE,
	CPUSTAT_IOWAIT,
	CPUSTAT_IRQ,
	CPUSTAT_SOFTIRQ,
	CPUSTAT_STEAL,
	CPUSTAT_GUEST,
	CPUSTAT_GUEST_NICE,
	CPUSTAT_MAX
};

/* The seven times every kernel since 2.6 writes. */
#define CPUSTAT_REQUIRED	(CPUSTAT_SOFTIRQ + 1)

struct cpustat {
	int64_t		core;
	uint64_t	t[CPUSTAT_MAX];
};

/*
 * The next "cpuN" line of buf from *off: 1 with *cs set, 0 when there
 * is none left, -1 when a cpuN line is malformed (*off is past it).  The
 * "cpu" line of the whole system and every other line are skipped.
 */
int	cpustat_next(const char *buf, size_t len, size_t *off,
	    struct cpustat *cs);

#endif
