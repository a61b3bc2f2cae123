/*
 * What of a configuration applies to this host, with osquery's rules:
 * - platform: a comma list; any, all, linux (and the old ubuntu and
 *   centos) and posix name Linux.  osquery looks for these words
 *   anywhere in the string; here the list is read word by word and an
 *   unknown word is an error rather than a query that never runs;
 * - version: the minimum version, compared number by number with ours;
 * - shard: the host's shard is the first byte of SHA-1(hostname) scaled
 *   to 0..100; a pack or query with shard s > 0 runs on hosts whose
 *   shard is at most s, so shard 10 is about a tenth of a fleet;
 * - discovery: a pack whose discovery queries all return a row.
 */
#include <stdlib.h>
#include <string.h>

#include "../tables/digest.h"
#include "config.h"

/* The build defines it; a harness built without the Makefile may not. */
#ifndef HOSTQL_VERSION
#define HOSTQL_VERSION	"0.0.0"
#endif

static const char *const platform_words[] = {
	"darwin", "linux", "posix", "windows", "freebsd", "any", "all",
	"ubuntu", "centos", NULL
};

static const char *const platform_here[] = {
	"linux", "posix", "any", "all", "ubuntu", "centos", NULL
};

/* Call fn on each comma-separated word of s, blanks trimmed; stop and
 * return 1 when fn does. */
static int
each_word(const char *s, int (*fn)(const char *, size_t,
    const char *const *), const char *const *set)
{
	const char *p = s, *e;
	size_t n;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strcspn(p, ",");
		n = (size_t)(e - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (fn(p, n, set))
			return 1;
		if (*e == '\0')
			return 0;
		p = e + 1;
	}
}

static int
word_in(const char *w, size_t n, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strlen(*set) == n && memcmp(*set, w, n) == 0)
			return 1;
	return 0;
}

static int
word_unknown(const char *w, size_t n, const char *const *set)
{
	return !word_in(w, n, set);
}

static int
unrestricted(const char *s)
{
	return s == NULL || s[0] == '\0' || strcmp(s, "null") == 0;
}

int
config_platform_valid(const char *s)
{
	if (unrestricted(s))
		return 1;
	return !each_word(s, word_unknown, platform_words);
}

int
config_platform_applies(const char *s)
{
	if (unrestricted(s))
		return 1;
	return each_word(s, word_in, platform_here);
}

/* A build suffix after '-' ("1.5.1-26" in osquery's own tests). */
static int
suffix_valid(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || strchr(".-_+~", *s) != NULL))
			return 0;
	return 1;
}

int
config_version_valid(const char *s)
{
	size_t digits = 0;

	if (unrestricted(s))
		return 1;
	for (; *s != '\0' && *s != '-'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits > 9)
				return 0;
		} else if (*s == '.' && digits > 0)
			digits = 0;
		else
			return 0;
	}
	if (digits == 0)
		return 0;
	return *s == '\0' || suffix_valid(s + 1);
}

/* The next number of a version before end, 0 past it; *s moves on. */
static unsigned long
next_number(const char **s, const char *end)
{
	unsigned long v = 0;

	while (*s < end && **s >= '0' && **s <= '9' && v < 1000000000UL)
		v = v * 10 + (unsigned long)(*(*s)++ - '0');
	while (*s < end && **s != '.')
		(*s)++;
	if (*s < end)
		(*s)++;
	return v;
}

/* Number by number, a missing one being 0; a build suffix is not
 * compared. */
int
config_version_applies(const char *minimum, const char *have)
{
	const char *mend, *hend;
	unsigned long a, b;

	if (unrestricted(minimum) || strcmp(minimum, "0.0.0") == 0)
		return 1;
	if (have == NULL)
		have = HOSTQL_VERSION;
	mend = minimum + strcspn(minimum, "-");
	hend = have + strcspn(have, "-");
	while (minimum < mend || have < hend) {
		a = next_number(&minimum, mend);
		b = next_number(&have, hend);
		if (a != b)
			return b > a;
	}
	return 1;
}

unsigned int
config_host_shard(const char *hostname)
{
	struct digest_hex hex;
	unsigned int byte;

	if (hostname == NULL)
		hostname = "";
	if (digest_buf(hostname, strlen(hostname), DIGEST_SHA1, &hex) != 0)
		return 0;
	byte = (unsigned int)strtoul((char[]){ hex.sha1[0], hex.sha1[1],
	    '\0' }, NULL, 16);
	return byte * 100 / 255;
}

int
config_shard_applies(unsigned int shard, unsigned int host_shard)
{
	return shard == 0 || shard >= host_shard;
}

static int
rules_allow(const char *platform, const char *version, unsigned int shard,
    const char *have, unsigned int host_shard)
{
	return config_platform_applies(platform) &&
	    config_version_applies(version, have) &&
	    config_shard_applies(shard, host_shard);
}

void
config_resolve(struct config *cfg, const struct config_host *host)
{
	const char *seed = host != NULL && host->hostname != NULL ?
	    host->hostname : "";
	const char *have = host != NULL ? host->version : NULL;
	unsigned int pct = host != NULL ? host->splay_percent :
	    CONFIG_SPLAY_PERCENT;
	unsigned int host_shard = config_host_shard(seed);
	struct config_pack *p;
	struct config_query *q;
	size_t i;

	for (i = 0; i < cfg->npacks; i++) {
		p = &cfg->packs[i];
		p->applies = rules_allow(p->platform, p->version, p->shard,
		    have, host_shard);
		p->active = p->applies && p->ndiscovery == 0;
	}
	for (i = 0; i < cfg->nqueries; i++) {
		q = &cfg->queries[i];
		q->applies = cfg->packs[q->pack].applies &&
		    rules_allow(q->platform, q->version, q->shard, have,
		    host_shard);
		q->splayed_interval = config_splay(q->interval, pct, seed,
		    q->name);
	}
}

size_t
config_discover(struct config *cfg,
    int (*has_rows)(void *, const char *), void *arg)
{
	struct config_pack *p;
	size_t i, j, n = 0;

	for (i = 0; i < cfg->npacks; i++) {
		p = &cfg->packs[i];
		p->active = p->applies;
		for (j = 0; p->active && j < p->ndiscovery; j++) {
			p->discovery_runs++;
			if (has_rows(arg, p->discovery[j]) != 1)
				p->active = 0;
		}
		if (p->active)
			n++;
	}
	return n;
}

int
config_query_runs(const struct config *cfg, const struct config_query *q)
{
	return q->applies && q->pack < cfg->npacks &&
	    cfg->packs[q->pack].active;
}
