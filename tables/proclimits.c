/*
 * Parser of /proc/<pid>/limits.  A resource is known by the whole of
 * its label ("Max file size" and "Max file locks" share a start), and
 * its soft and hard values are the two words after the label: a number
 * or "unlimited".  The units word that may follow is not needed: the
 * values are in getrlimit(2)'s own units already.
 */
#include <string.h>

#include "proclimits.h"
#include "words.h"

static const struct {
	const char	*label;
	const char	*name;
} resources[LIMIT_MAX] = {
	[LIMIT_AS] = { "Max address space", "as" },
	[LIMIT_CORE] = { "Max core file size", "core" },
	[LIMIT_CPU] = { "Max cpu time", "cpu" },
	[LIMIT_DATA] = { "Max data size", "data" },
	[LIMIT_FSIZE] = { "Max file size", "fsize" },
	[LIMIT_LOCKS] = { "Max file locks", "locks" },
	[LIMIT_MEMLOCK] = { "Max locked memory", "memlock" },
	[LIMIT_MSGQUEUE] = { "Max msgqueue size", "msgqueue" },
	[LIMIT_NICE] = { "Max nice priority", "nice" },
	[LIMIT_NOFILE] = { "Max open files", "nofile" },
	[LIMIT_NPROC] = { "Max processes", "nproc" },
	[LIMIT_RSS] = { "Max resident set", "rss" },
	[LIMIT_RTPRIO] = { "Max realtime priority", "rtprio" },
	[LIMIT_SIGPENDING] = { "Max pending signals", "sigpending" },
	[LIMIT_STACK] = { "Max stack size", "stack" },
};

const char *
proclimits_name(enum proclimit r)
{
	return (unsigned int)r < LIMIT_MAX ? resources[r].name : NULL;
}

/* The resource whose label starts the line, followed by a blank. */
static int
line_resource(struct span line, struct span *rest)
{
	const char *label;
	size_t n;
	int r;

	for (r = 0; r < LIMIT_MAX; r++) {
		label = resources[r].label;
		n = strlen(label);
		if (line.len > n && memcmp(line.p, label, n) == 0 &&
		    (line.p[n] == ' ' || line.p[n] == '\t')) {
			rest->p = line.p + n;
			rest->len = line.len - n;
			return r;
		}
	}
	return -1;
}

static int
valid_value(struct span w)
{
	uint64_t v;

	return txt_eq(w, "unlimited") || txt_u64(w.p, w.len, &v) == 0;
}

int
proclimits_parse(const char *buf, size_t len,
    struct proclimit_value v[LIMIT_MAX])
{
	struct span line, rest, soft, hard;
	size_t off = 0;
	int r, found = 0;

	memset(v, 0, sizeof(*v) * LIMIT_MAX);
	while (txt_next_line(buf, len, &off, &line)) {
		if ((r = line_resource(line, &rest)) == -1 ||
		    v[r].soft.len != 0)
			continue;
		if (!word_next(&rest, &soft) || !word_next(&rest, &hard) ||
		    !valid_value(soft) || !valid_value(hard))
			continue;
		v[r].soft = soft;
		v[r].hard = hard;
		found++;
	}
	return found;
}
