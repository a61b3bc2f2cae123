/*
 * When scheduled queries run.  osquery moves each interval by a random
 * splay (so that a fleet does not query in step) and keeps it in its
 * database across restarts; the worker keeps nothing, so the splay is
 * drawn from a hash of the hostname and the query's name instead, which
 * gives the same value after every restart and a different one on each
 * host.  The due rule is osquery's: a query runs at the seconds that
 * are multiples of its splayed interval (see config.h).
 */
#include <stdint.h>

#include "config.h"

#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		h ^= *p;
		h *= FNV_PRIME;
	}
	/* Then the terminating NUL (h ^= 0), so that ("ab", "c") and
	 * ("a", "bc") differ. */
	return h * FNV_PRIME;
}

/* FNV's low bits are weak; spread every bit over the rest. */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

unsigned int
config_splay(unsigned int interval, unsigned int percent, const char *seed,
    const char *name)
{
	uint64_t diff, lo, hi, h;

	/* osquery resets a percent of 0 or 1 to 10 before splaying. */
	if (percent <= 1)
		percent = CONFIG_SPLAY_PERCENT;
	if (percent > 100 || interval == 0)
		return interval;
	diff = (uint64_t)interval * percent / 100;
	hi = interval + diff;
	lo = interval > diff ? interval - diff : 1;
	if (lo == hi)
		return (unsigned int)hi;
	h = fnv1a(FNV_OFFSET, seed != NULL ? seed : "");
	h = mix(fnv1a(h, name != NULL ? name : ""));
	return (unsigned int)(lo + h % (hi - lo + 1));
}

int
config_due(unsigned int splayed, uint64_t prev, uint64_t now)
{
	if (splayed == 0 || now <= prev)
		return 0;
	if (now - prev > CONFIG_MAX_DRIFT)
		return now % splayed == 0;
	/* A multiple of splayed in (prev, now]. */
	return now / splayed > prev / splayed;
}

uint64_t
config_next_due(unsigned int splayed, uint64_t now)
{
	uint64_t next;

	if (splayed == 0)
		return UINT64_MAX;
	next = (now / splayed + 1) * splayed;
	return next > now ? next : UINT64_MAX;
}
