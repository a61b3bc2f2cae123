/*
 * /proc/loadavg: "0.15 0.10 0.05 1/234 5678", the 1, 5 and 15 minute
 * load averages first.
 */
#ifndef HOSTQL_TABLES_LOADAVG_H
#define HOSTQL_TABLES_LOADAVG_H

#include <stddef.h>

/* Room for a load average as text: up to 20 integer digits, the point,
 * six decimals and a NUL. */
#define LOADAVG_TEXT_MAX	32

/*
 * The three averages as osquery writes them, with six decimals
 * ("0.150000"), written exactly from the kernel's decimal text (no
 * floating point round trip).  0, or -1 when the line does not start
 * with three decimal numbers.
 */
int	loadavg_parse(const char *buf, size_t len,
	    char avg[3][LOADAVG_TEXT_MAX]);

#endif
