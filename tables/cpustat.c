/*
 * Parser of the "cpuN" lines of /proc/stat.  Times are counters that
 * only grow, so each must be a whole unsigned number; a line with fewer
 * than the seven times every kernel writes is refused, not padded.
 */
#include <string.h>

#include "cpustat.h"
#include "textparse.h"
#include "words.h"

/* "cpu" followed by a core number, as opposed to "cpu" alone. */
static int
core_number(struct span w, int64_t *core)
{
	uint64_t v;

	if (w.len < 4 || memcmp(w.p, "cpu", 3) != 0)
		return -1;
	if (txt_u64(w.p + 3, w.len - 3, &v) == -1 || v > INT32_MAX)
		return -1;
	*core = (int64_t)v;
	return 0;
}

static int
is_cpu_line(struct span line)
{
	struct span w;

	return word_next(&line, &w) && w.len > 3 &&
	    memcmp(w.p, "cpu", 3) == 0;
}

static int
parse_line(struct span line, struct cpustat *cs)
{
	struct span w;
	int n;

	if (!word_next(&line, &w) || core_number(w, &cs->core) == -1)
		return -1;
	for (n = 0; n < CPUSTAT_MAX && word_next(&line, &w); n++)
		if (txt_u64(w.p, w.len, &cs->t[n]) == -1)
			return -1;
	return n >= CPUSTAT_REQUIRED ? 0 : -1;
}

int
cpustat_next(const char *buf, size_t len, size_t *off, struct cpustat *cs)
{
	struct span line;

	memset(cs, 0, sizeof(*cs));
	do {
		if (!txt_next_line(buf, len, off, &line))
			return 0;
	} while (!is_cpu_line(line));
	if (parse_line(line, cs) == -1) {
		memset(cs, 0, sizeof(*cs));
		return -1;
	}
	return 1;
}
