/*
 * What of a configuration applies here and when its queries run:
 * osquery's platform, version and shard rules, discovery that stops at
 * the first query without a row, a splay that stays within its bounds
 * and is the same after a restart, and the due rule with its catch-up
 * limit.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../worker/config.h"

START_TEST(config_platform_rules)
{
	static const char *const valid[] = { "", "null", "linux", "posix",
	    "linux,darwin", " linux , windows ", "any", "all", "ubuntu",
	    "centos", "freebsd", "darwin,windows,freebsd", NULL };
	static const char *const invalid[] = { "beos", "linux,", ",",
	    "Linux", "linux;darwin", "linux darwin", "lin", NULL };
	static const char *const here[] = { "", "null", "linux", "posix",
	    "darwin,linux", "any", "all", "ubuntu", "centos",
	    "windows, posix", NULL };
	static const char *const elsewhere[] = { "darwin", "windows",
	    "freebsd", "darwin,windows", NULL };
	size_t i;

	for (i = 0; valid[i] != NULL; i++)
		ck_assert_msg(config_platform_valid(valid[i]), "%s", valid[i]);
	for (i = 0; invalid[i] != NULL; i++)
		ck_assert_msg(!config_platform_valid(invalid[i]), "%s",
		    invalid[i]);
	for (i = 0; here[i] != NULL; i++)
		ck_assert_msg(config_platform_applies(here[i]), "%s", here[i]);
	for (i = 0; elsewhere[i] != NULL; i++)
		ck_assert_msg(!config_platform_applies(elsewhere[i]), "%s",
		    elsewhere[i]);
	ck_assert(config_platform_valid(NULL));
	ck_assert(config_platform_applies(NULL));
}
END_TEST

START_TEST(config_version_rules)
{
	static const struct {
		const char	*min, *have;
		int		 applies;
	} cases[] = {
		{ "5.0.1", "0.1.0", 0 },
		{ "0.1.0", "0.1.0", 1 },
		{ "0.0.9", "0.1.0", 1 },
		{ "0.1", "0.1.0", 1 },
		{ "0.1.1", "0.1.0", 0 },
		{ "0.10.0", "0.9.0", 0 },
		{ "0.9.0", "0.10.0", 1 },
		{ "1.4.5", "5.12.1", 1 },
		{ "5.12.2", "5.12.1", 0 },
		{ "0.0.0", "0.0.0", 1 },
		{ "0.0.0", "0.0.1", 1 },
		{ "1.5.1-26", "1.5.1", 1 },
		{ "1.5.2-26", "1.5.1", 0 },
		{ "1.5.1", "1.5.1-dev", 1 },
		{ "", "0.1.0", 1 },
		{ "null", "0.1.0", 1 },
		{ "1", "1.0.0", 1 },
		{ "1.0.0.1", "1.0.0", 0 },
	};
	static const char *const valid[] = { "5.0.1", "1", "1.4.5", "",
	    "null", "1.5.1-26", "5.0.1-rc.1+g1234", NULL };
	static const char *const invalid[] = { "5.", ".5", "a", "5..0",
	    "5.0.1-", "5.0 ", "-1", "1234567890.0", "5.0.1-a b", NULL };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(config_version_applies(cases[i].min,
		    cases[i].have) == cases[i].applies, "%s on %s",
		    cases[i].min, cases[i].have);
	for (i = 0; valid[i] != NULL; i++)
		ck_assert_msg(config_version_valid(valid[i]), "%s", valid[i]);
	for (i = 0; invalid[i] != NULL; i++)
		ck_assert_msg(!config_version_valid(invalid[i]), "%s",
		    invalid[i]);
	/* Ours, HOSTQL_VERSION, when none is given. */
	ck_assert(config_version_applies("0.0.1", NULL));
	ck_assert(!config_version_applies("999.0.0", NULL));
}
END_TEST

START_TEST(config_shard_rules)
{
	/* SHA-1("localhost") begins 0x33, SHA-1("") 0xda. */
	ck_assert_uint_eq(config_host_shard("localhost"), 0x33 * 100 / 255);
	ck_assert_uint_eq(config_host_shard(""), 0xda * 100 / 255);
	ck_assert_uint_eq(config_host_shard(NULL), 0xda * 100 / 255);
	ck_assert(config_shard_applies(0, 100));
	ck_assert(config_shard_applies(20, 20));
	ck_assert(config_shard_applies(100, 100));
	ck_assert(!config_shard_applies(19, 20));
	ck_assert(!config_shard_applies(1, 2));
	ck_assert(config_shard_applies(1, 0));
}
END_TEST

static const unsigned int intervals[] = {
	1, 2, 9, 10, 11, 59, 60, 61, 300, 3600, 86400, 604800
};

START_TEST(config_splay_bounds)
{
	static const unsigned int percents[] = { 0, 1, 2, 10, 50, 100, 101,
	    200 };
	unsigned int iv, pct, eff, s, lo, hi;
	size_t i, j, k;
	char name[32];

	for (i = 0; i < sizeof(intervals) / sizeof(intervals[0]); i++)
		for (j = 0; j < sizeof(percents) / sizeof(percents[0]); j++)
			for (k = 0; k < 50; k++) {
				iv = intervals[i];
				pct = percents[j];
				snprintf(name, sizeof(name), "query_%zu", k);
				s = config_splay(iv, pct, "host", name);
				if (pct > 100) {
					ck_assert_uint_eq(s, iv);
					continue;
				}
				eff = pct <= 1 ? 10 : pct;
				hi = iv + (unsigned int)((uint64_t)iv * eff /
				    100);
				lo = iv - (hi - iv);
				if (lo < 1)
					lo = 1;
				ck_assert_msg(s >= lo && s <= hi,
				    "%u splayed %u%% is %u", iv, pct, s);
				ck_assert_uint_eq(s, config_splay(iv, pct,
				    "host", name));
			}
	ck_assert_uint_eq(config_splay(1, 10, "h", "q"), 1);
	ck_assert_uint_eq(config_splay(9, 10, "h", "q"), 9);
	ck_assert_uint_eq(config_splay(0, 10, "h", "q"), 0);
}
END_TEST

/* Spread over the range, and different from host to host. */
START_TEST(config_splay_spreads)
{
	unsigned int seen[721] = { 0 }, s, distinct = 0, moved = 0;
	char name[32], host[32];
	size_t k;

	for (k = 0; k < 400; k++) {
		snprintf(name, sizeof(name), "pack_p_q%zu", k);
		s = config_splay(3600, 10, "web-1", name);
		if (seen[s - 3240]++ == 0)
			distinct++;
	}
	ck_assert_uint_gt(distinct, 250);
	for (k = 0; k < 100; k++) {
		snprintf(host, sizeof(host), "host-%zu", k);
		if (config_splay(3600, 10, host, "q") !=
		    config_splay(3600, 10, "host-x", "q"))
			moved++;
	}
	ck_assert_uint_gt(moved, 90);
	ck_assert_uint_eq(config_splay(3600, 10, NULL, NULL),
	    config_splay(3600, 10, "", ""));
}
END_TEST

START_TEST(config_due_rule)
{
	ck_assert(config_due(10, 99, 100));
	ck_assert(!config_due(10, 100, 101));
	ck_assert(config_due(10, 95, 105));	/* made up, late */
	ck_assert(!config_due(10, 101, 109));
	ck_assert(config_due(10, 41, 101));	/* 60 s: still made up */
	ck_assert(!config_due(10, 40, 101));	/* 61 s: dropped ... */
	ck_assert(config_due(10, 40, 110));	/* ... unless now is due */
	ck_assert(config_due(10, 0, 1000));
	ck_assert(!config_due(10, 0, 1001));
	ck_assert(!config_due(10, 100, 100));	/* the same second */
	ck_assert(!config_due(10, 200, 100));	/* the clock went back */
	ck_assert(!config_due(0, 99, 100));
	ck_assert(config_due(1, 99, 100));
	ck_assert(config_due(604800, 604799, 604800));
	ck_assert_uint_eq(config_next_due(10, 100), 110);
	ck_assert_uint_eq(config_next_due(10, 105), 110);
	ck_assert_uint_eq(config_next_due(7, 0), 7);
	ck_assert_uint_eq(config_next_due(0, 5), UINT64_MAX);
	ck_assert_uint_eq(config_next_due(10, UINT64_MAX - 3), UINT64_MAX);
}
END_TEST

/* A scheduler ticking each second runs a query once per interval, at
 * its multiples, even when it skips a few seconds now and then; a
 * query due every second runs once per tick. */
START_TEST(config_due_over_time)
{
	const uint64_t t0 = 1700000000;
	uint64_t t, prev, runs, ticks;
	unsigned int sp;
	size_t i;

	for (i = 0; i < sizeof(intervals) / sizeof(intervals[0]); i++) {
		sp = config_splay(intervals[i], 10, "h", "q");
		runs = ticks = 0;
		for (prev = t0, t = t0 + 1; t <= t0 + 7200; t++) {
			/* A slow query now and then: 5 s without a tick. */
			if (t % 97 < 5)
				continue;
			ticks++;
			if (config_due(sp, prev, t))
				runs++;
			prev = t;
		}
		if (sp == 1)
			ck_assert_uint_eq(runs, ticks);
		else if (sp > 6)
			ck_assert_msg(runs == (t0 + 7200) / sp - t0 / sp,
			    "interval %u: %llu runs", sp,
			    (unsigned long long)runs);
	}
}
END_TEST

static struct config *
parse_ok(const char *text)
{
	struct config_source s = { "x.conf", text, strlen(text) };
	struct config_msgs m;
	struct config *cfg;

	memset(&m, 0, sizeof(m));
	cfg = config_parse(&s, 1, NULL, NULL, &m);
	ck_assert_msg(cfg != NULL, "%s", m.n > 0 ? m.v[0].text : "");
	config_msgs_free(&m);
	return cfg;
}

static const char resolve_text[] = "{"
    "\"schedule\": {"
    "  \"any\": {\"query\": \"SELECT 1;\", \"interval\": 3600},"
    "  \"mac\": {\"query\": \"SELECT 1;\", \"platform\": \"darwin\"},"
    "  \"new\": {\"query\": \"SELECT 1;\", \"version\": \"9.0.0\"},"
    "  \"few\": {\"query\": \"SELECT 1;\", \"shard\": 10},"
    "  \"half\": {\"query\": \"SELECT 1;\", \"shard\": 50}"
    "},"
    "\"packs\": {"
    "  \"disc\": {\"discovery\": [\"SELECT a;\", \"SELECT b;\"],"
    "    \"queries\": {\"q\": {\"query\": \"SELECT 1;\"}}},"
    "  \"win\": {\"platform\": \"windows\","
    "    \"queries\": {\"q\": {\"query\": \"SELECT 1;\"}}},"
    "  \"old\": {\"version\": \"0.0.1\", \"shard\": 30,"
    "    \"queries\": {\"q\": {\"query\": \"SELECT 1;\"}}}"
    "}}";

static int
applies(const struct config *cfg, const char *name)
{
	const struct config_query *q = config_query_find(cfg, name);

	ck_assert_msg(q != NULL, "no %s", name);
	return q->applies;
}

START_TEST(config_resolve_rules)
{
	struct config_host host = { "localhost", "5.0.0", 10 };
	const struct config_query *q;
	struct config *cfg;
	size_t i;

	cfg = parse_ok(resolve_text);
	config_resolve(cfg, &host);	/* shard 20 */
	ck_assert(applies(cfg, "any"));
	ck_assert(!applies(cfg, "mac"));
	ck_assert(!applies(cfg, "new"));
	ck_assert(!applies(cfg, "few"));
	ck_assert(applies(cfg, "half"));
	ck_assert(applies(cfg, "pack_disc_q"));
	ck_assert(!applies(cfg, "pack_win_q"));
	ck_assert(applies(cfg, "pack_old_q"));
	ck_assert(cfg->packs[0].active);
	/* Discovery has not run: the pack waits. */
	q = config_query_find(cfg, "pack_disc_q");
	ck_assert(!config_query_runs(cfg, q));
	ck_assert(config_query_runs(cfg, config_query_find(cfg, "any")));
	ck_assert(!config_query_runs(cfg, config_query_find(cfg, "mac")));
	for (i = 0; i < cfg->nqueries; i++)
		ck_assert_uint_eq(cfg->queries[i].splayed_interval,
		    config_splay(cfg->queries[i].interval, 10, "localhost",
		    cfg->queries[i].name));

	/* Another host: SHA-1("") gives shard 85. */
	host.hostname = "";
	host.version = "9.0.0";
	config_resolve(cfg, &host);
	ck_assert(applies(cfg, "new"));
	ck_assert(!applies(cfg, "half"));
	ck_assert(!applies(cfg, "pack_old_q"));
	config_free(cfg);
}
END_TEST

struct discovery {
	const char	*no_rows;	/* the query that finds nothing */
	int		 calls;
};

static int
has_rows(void *arg, const char *sql)
{
	struct discovery *d = arg;

	d->calls++;
	if (strcmp(sql, "SELECT err;") == 0)
		return -1;
	return d->no_rows == NULL || strcmp(sql, d->no_rows) != 0;
}

START_TEST(config_discovery)
{
	struct config_host host = { "localhost", NULL, 10 };
	struct discovery d = { NULL, 0 };
	const struct config_query *q;
	struct config *cfg;

	cfg = parse_ok(resolve_text);
	config_resolve(cfg, &host);
	q = config_query_find(cfg, "pack_disc_q");

	/* main, disc and old apply; win is not asked. */
	ck_assert_uint_eq(config_discover(cfg, has_rows, &d), 3);
	ck_assert_int_eq(d.calls, 2);
	ck_assert(config_query_runs(cfg, q));

	/* The first without a row ends it. */
	d.no_rows = "SELECT a;";
	d.calls = 0;
	ck_assert_uint_eq(config_discover(cfg, has_rows, &d), 2);
	ck_assert_int_eq(d.calls, 1);
	ck_assert(!config_query_runs(cfg, q));

	d.no_rows = "SELECT b;";
	d.calls = 0;
	config_discover(cfg, has_rows, &d);
	ck_assert_int_eq(d.calls, 2);
	ck_assert(!config_query_runs(cfg, q));
	config_free(cfg);

	/* An error counts as no row. */
	cfg = parse_ok("{\"packs\": {\"p\": {\"discovery\": [\"SELECT err;\"], "
	    "\"queries\": {\"q\": {\"query\": \"SELECT 1;\"}}}}}");
	config_resolve(cfg, &host);
	d.no_rows = NULL;
	ck_assert_uint_eq(config_discover(cfg, has_rows, &d), 1);
	ck_assert(!cfg->packs[1].active);
	config_free(cfg);
}
END_TEST

Suite	*suite_config_sched(void);

Suite *
suite_config_sched(void)
{
	Suite *s = suite_create("config_sched");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, config_platform_rules);
	tcase_add_test(tc, config_version_rules);
	tcase_add_test(tc, config_shard_rules);
	tcase_add_test(tc, config_splay_bounds);
	tcase_add_test(tc, config_splay_spreads);
	tcase_add_test(tc, config_due_rule);
	tcase_add_test(tc, config_due_over_time);
	tcase_add_test(tc, config_resolve_rules);
	tcase_add_test(tc, config_discovery);
	suite_add_tcase(s, tc);
	return s;
}
