/*
 * The daemon's configuration: osquery's example shape parses into what
 * it says, comments and continued lines are read as osquery reads them,
 * fragments merge with the later source winning, every mistake gets its
 * own message naming the file and the JSON path (and all of them are
 * reported, not the first), the limits hold, and the built-in default
 * parses cleanly and is the file it is made from.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../worker/config.h"
#include "fixture.h"
#include "memfs.h"

/* All messages, one a line, for failure output. */
static const char *
all_msgs(const struct config_msgs *m)
{
	static char buf[16384];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < m->n && n < sizeof(buf) - 1; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\n  %s %s",
		    m->v[i].level == CONFIG_ERROR ? "E" : "W", m->v[i].text);
	return buf;
}

static int
has_msg(const struct config_msgs *m, enum config_level level,
    const char *text)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].level == level && strcmp(m->v[i].text, text) == 0)
			return 1;
	return 0;
}

static int
has_part(const struct config_msgs *m, enum config_level level,
    const char *part)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].level == level &&
		    strstr(m->v[i].text, part) != NULL)
			return 1;
	return 0;
}

#define ck_error(m, t)	ck_assert_msg(has_msg((m), CONFIG_ERROR, (t)), \
			    "no error \"%s\" in:%s", (t), all_msgs(m))
#define ck_warning(m, t) ck_assert_msg(has_msg((m), CONFIG_WARNING, (t)), \
			    "no warning \"%s\" in:%s", (t), all_msgs(m))

static struct config *
parse_n(const struct config_source *s, size_t n,
    const struct config_params *params, struct memfs *fs,
    struct config_msgs *m)
{
	struct config_io io = { memfs_read, memfs_list, fs };

	memset(m, 0, sizeof(*m));
	return config_parse(s, n, params, fs != NULL ? &io : NULL, m);
}

static struct config *
parse_text(const char *name, const char *text, struct config_msgs *m)
{
	struct config_source s = { name, text, strlen(text) };

	return parse_n(&s, 1, NULL, NULL, m);
}

/* A fixture parsed alone; its text stays alive in *keep. */
static struct config *
parse_fixture(const char *fname, const char *as, struct memfs *fs,
    struct config_msgs *m, char **keep)
{
	struct config_source s;
	size_t len;

	*keep = fixture_load("config", fname, &len);
	s.name = as;
	s.text = *keep;
	s.len = len;
	return parse_n(&s, 1, NULL, fs, m);
}

static struct config *
parse_ok(const char *text, struct config_msgs *m)
{
	struct config *cfg;

	cfg = parse_text("x.conf", text, m);
	ck_assert_msg(cfg != NULL && m->nerrors == 0, "refused:%s",
	    all_msgs(m));
	return cfg;
}

static const struct config_query *
query(const struct config *cfg, const char *name)
{
	const struct config_query *q = config_query_find(cfg, name);

	ck_assert_msg(q != NULL, "no query %s", name);
	return q;
}

static const struct config_pack *
pack_of(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->npacks; i++)
		if (strcmp(cfg->packs[i].name, name) == 0)
			return &cfg->packs[i];
	return NULL;
}

static void
example_fs(struct memfs *fs)
{
	memset(fs, 0, sizeof(*fs));
	memfs_add_fixture(fs, "/etc/hostql/packs/incident.conf", "config",
	    "packs/incident.conf");
	memfs_add_fixture(fs, "/etc/hostql/packs.d/hardware.conf", "config",
	    "packs/hardware.conf");
	memfs_add_fixture(fs, "/etc/hostql/packs.d/vuln.conf", "config",
	    "packs/vuln.conf");
	/* Not packs: hidden, a directory, another name. */
	memfs_add(fs, "/etc/hostql/packs.d/.old.conf", "garbage", 7);
	memfs_add(fs, "/etc/hostql/packs.d/sub.conf/x", "{}", 2);
	memfs_add(fs, "/etc/hostql/packs.d/README", "garbage", 7);
}

static void
check_example_options(const struct config *cfg)
{
	static const struct {
		const char		*name, *value;
		enum config_opt_type	 type;
	} want[] = {
		{ "host_identifier", "hostname", CONFIG_OPT_STRING },
		{ "schedule_splay_percent", "10", CONFIG_OPT_INTEGER },
		{ "logger_rotate", "true", CONFIG_OPT_BOOL },
		{ "utc", "true", CONFIG_OPT_STRING },
		{ "watchdog_utilization_limit", "12.5", CONFIG_OPT_REAL },
		{ "custom_tags", "[\"a\",\"b\"]", CONFIG_OPT_JSON },
	};
	const struct config_option *o;
	size_t i;

	ck_assert_uint_eq(cfg->noptions, 6);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		o = config_option_find(cfg, want[i].name);
		ck_assert_msg(o != NULL, "no option %s", want[i].name);
		ck_assert_str_eq(o->value, want[i].value);
		ck_assert_int_eq(o->type, want[i].type);
		ck_assert_str_eq(o->source, "hostqld.conf");
	}
	ck_assert_ptr_null(config_option_find(cfg, "verbose"));
}

static void
check_example_schedule(const struct config *cfg)
{
	const struct config_query *q;

	q = query(cfg, "system_info");
	ck_assert_uint_eq(q->interval, 3600);
	ck_assert_int_eq(q->snapshot, 0);
	ck_assert_int_eq(q->removed, 1);
	ck_assert_int_eq(q->denylist, 1);
	ck_assert_int_eq(q->startup_priority, -1);
	ck_assert_uint_eq(q->pack, 0);
	ck_assert_str_eq(q->query_name, "system_info");
	ck_assert_ptr_null(q->platform);
	ck_assert_str_eq(q->source, "hostqld.conf");
	q = query(cfg, "listening");
	ck_assert_uint_eq(q->interval, 60);
	ck_assert_int_eq(q->removed, 0);
	q = query(cfg, "os");
	ck_assert_uint_eq(q->interval, 3600);
	ck_assert_int_eq(q->snapshot, 1);
	ck_assert_str_eq(q->platform, "linux,darwin");
	ck_assert_str_eq(q->version, "0.1.0");
	ck_assert_uint_eq(q->shard, 100);
	ck_assert_int_eq(q->denylist, 0);
	ck_assert_int_eq(q->startup_priority, 1);
	ck_assert_str_eq(query(cfg, "mac_only")->platform, "darwin");
}

static void
check_example_packs(const struct config *cfg)
{
	const struct config_pack *p;
	const struct config_query *q;

	ck_assert_uint_eq(cfg->npacks, 5);
	ck_assert_str_eq(cfg->packs[0].name, "main");
	p = pack_of(cfg, "inline");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->platform, "posix");
	ck_assert_uint_eq(p->ndiscovery, 2);
	ck_assert_str_eq(p->discovery[1],
	    "SELECT 1 FROM users WHERE username = 'root';");
	ck_assert_ptr_null(p->path);
	q = query(cfg, "pack_inline_sshd_listening");
	ck_assert_uint_eq(q->interval, 300);
	ck_assert_str_eq(q->query_name, "sshd_listening");
	ck_assert_str_eq(cfg->packs[q->pack].name, "inline");

	p = pack_of(cfg, "by_path");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->path, "/etc/hostql/packs/incident.conf");
	ck_assert_str_eq(p->source, "hostqld.conf");
	ck_assert_str_eq(p->version, "0.0.1");
	q = query(cfg, "pack_by_path_crontab");
	ck_assert_str_eq(q->source, "/etc/hostql/packs/incident.conf");
	ck_assert_str_eq(query(cfg, "pack_by_path_suid_bin")->version,
	    "99.0.0");

	/* The glob's packs are named after their files. */
	ck_assert_uint_eq(query(cfg, "pack_hardware_usb")->interval, 7200);
	ck_assert_int_eq(query(cfg, "pack_vuln_packages")->removed, 0);
	ck_assert_uint_eq(pack_of(cfg, "vuln")->shard, 50);
	ck_assert_ptr_null(pack_of(cfg, "sub"));
	ck_assert_ptr_null(pack_of(cfg, ".old"));
	ck_assert_uint_eq(cfg->nqueries, 9);
}

START_TEST(config_example_shape)
{
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;
	char *text;
	size_t i;

	example_fs(&fs);
	cfg = parse_fixture("example.conf", "hostqld.conf", &fs, &m, &text);
	ck_assert_msg(cfg != NULL, "refused:%s", all_msgs(&m));
	ck_assert_msg(m.nerrors == 0 && m.nwarnings == 0, "messages:%s",
	    all_msgs(&m));
	check_example_options(cfg);
	check_example_schedule(cfg);
	check_example_packs(cfg);
	ck_assert_uint_eq(cfg->decorators.nload, 2);
	ck_assert_uint_eq(cfg->decorators.nalways, 1);
	ck_assert_uint_eq(cfg->decorators.nintervals, 2);
	ck_assert_uint_eq(cfg->decorators.intervals[0].interval, 60);
	ck_assert_uint_eq(cfg->decorators.intervals[1].interval, 3600);
	ck_assert_str_eq(cfg->decorators.intervals[1].sql[0],
	    "SELECT total_seconds AS uptime FROM uptime;");
	ck_assert_str_eq(cfg->delimiter, "_");
	ck_assert_uint_eq(cfg->default_interval, 3600);
	ck_assert_uint_eq(strlen(cfg->hash), 64);
	for (i = 0; i < 64; i++)
		ck_assert(strchr("0123456789abcdef", cfg->hash[i]) != NULL);
	config_free(cfg);
	config_msgs_free(&m);
	memfs_free(&fs);
	free(text);
}
END_TEST

/* The hash covers the sources and the pack files, names included. */
START_TEST(config_hash_covers_everything)
{
	char h1[65], *text;
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;

	example_fs(&fs);
	cfg = parse_fixture("example.conf", "hostqld.conf", &fs, &m, &text);
	ck_assert_ptr_nonnull(cfg);
	memcpy(h1, cfg->hash, sizeof(h1));
	config_free(cfg);
	config_msgs_free(&m);
	free(text);

	cfg = parse_fixture("example.conf", "hostqld.conf", &fs, &m, &text);
	ck_assert_str_eq(cfg->hash, h1);
	config_free(cfg);
	config_msgs_free(&m);
	free(text);

	cfg = parse_fixture("example.conf", "other.conf", &fs, &m, &text);
	ck_assert_str_ne(cfg->hash, h1);
	config_free(cfg);
	config_msgs_free(&m);
	free(text);

	/* Another interval in hardware.conf. */
	strstr(fs.text[1], "7200")[3] = '1';
	cfg = parse_fixture("example.conf", "hostqld.conf", &fs, &m, &text);
	ck_assert_ptr_nonnull(cfg);
	ck_assert_str_ne(cfg->hash, h1);
	config_free(cfg);
	config_msgs_free(&m);
	free(text);
	memfs_free(&fs);
}
END_TEST

START_TEST(config_comments_and_continuations)
{
	struct config_msgs m;
	struct config *cfg;
	char *text;

	cfg = parse_fixture("comments.conf", "c.conf", NULL, &m, &text);
	ck_assert_msg(cfg != NULL && m.n == 0, "messages:%s", all_msgs(&m));
	ck_assert_str_eq(query(cfg, "url")->sql, "SELECT "
	    "'http://example.com/#x' AS u, '# not a comment' AS h;");
	ck_assert_uint_eq(query(cfg, "url")->interval, 60);
	ck_assert_str_eq(query(cfg, "long")->sql,
	    "SELECT pid, name FROM processes WHERE name = 'x';");
	config_free(cfg);
	config_msgs_free(&m);
	free(text);
}
END_TEST

/* Syntax errors name the line and column of the file as written. */
START_TEST(config_syntax_error_position)
{
	struct config_msgs m;
	struct config *cfg;
	char *text;

	cfg = parse_fixture("bad_json.conf", "bad_json.conf", NULL, &m, &text);
	ck_assert_ptr_null(cfg);
	ck_assert_uint_eq(m.nerrors, 1);
	ck_error(&m, "bad_json.conf:4:49: invalid JSON: string or '}' "
	    "expected near ','");
	config_msgs_free(&m);
	free(text);

	/* Lines joined by a backslash still count as two. */
	cfg = parse_text("j.conf", "{\"schedule\": {\"q\": {\"query\": "
	    "\"SELECT \\\n1;\"}},\n  oops\n}", &m);
	ck_assert_ptr_null(cfg);
	ck_assert_msg(has_part(&m, CONFIG_ERROR, "j.conf:3:6: invalid JSON: "),
	    "%s", all_msgs(&m));
	config_msgs_free(&m);

	cfg = parse_text("e.conf", "", &m);
	ck_error(&m, "e.conf:1:1: invalid JSON: '[' or '{' expected near "
	    "end of file");
	config_msgs_free(&m);
	cfg = parse_text("a.conf", "[1, 2]", &m);
	ck_error(&m, "a.conf: the top level must be a JSON object { ... }");
	config_msgs_free(&m);
	cfg = parse_text("u.conf", "{\"a\": \"\xff\"}", &m);
	ck_assert_ptr_null(cfg);
	ck_assert_msg(has_part(&m, CONFIG_ERROR, "u.conf:1:"), "%s",
	    all_msgs(&m));
	config_msgs_free(&m);
}
END_TEST

static const char *const error_texts[] = {
	"hostqld.conf: schedule.zero.interval: 0 is not between 1 and 604800",
	"hostqld.conf: schedule.big.interval: 604801 is not between 1 and "
	    "604800",
	"hostqld.conf: schedule.words.interval: \"often\" is not a whole "
	    "number",
	"hostqld.conf: schedule.frac.interval: expected a whole number, not "
	    "a number with a fraction",
	"hostqld.conf: schedule.noquery: has no \"query\"",
	"hostqld.conf: schedule.emptyquery.query: cannot be empty",
	"hostqld.conf: schedule.sqlnum.query: expected a string, not an "
	    "integer",
	"hostqld.conf: schedule.snap.snapshot: \"yes\" is not true or false",
	"hostqld.conf: schedule.plat.platform: unknown platform "
	    "\"linux,beos\" (known: darwin, linux, posix, windows, freebsd, "
	    "any, all, ubuntu, centos, separated by commas)",
	"hostqld.conf: schedule.platnum.platform: expected a string, not an "
	    "integer",
	"hostqld.conf: schedule.ver.version: \"five\" is not a version like "
	    "5.0.1",
	"hostqld.conf: schedule.shard.shard: 101 is not between 0 and 100",
	"hostqld.conf: schedule.prio.startup_priority: -1 is not between 0 "
	    "and 2147483647",
	"hostqld.conf: schedule.notobj: expected an object with a \"query\"",
	"hostqld.conf: packs.list: expected a pack (an object) or the path "
	    "of a pack file",
	"hostqld.conf: packs.disc.discovery: expected an array of queries, "
	    "not a string",
	"hostqld.conf: packs.disc2.discovery[1]: expected a string, not an "
	    "integer",
	"hostqld.conf: packs.main: the name \"main\" is kept for the "
	    "schedule",
	"hostqld.conf: packs.rel: \"packs/x.conf\" is not an absolute path",
	"hostqld.conf: packs.missing: cannot read "
	    "/etc/hostql/nonexistent.conf: No such file or directory",
	"hostqld.conf: packs.deepglob: \"/etc/*/packs/*.conf\": only the last "
	    "part of the path may have wildcards",
	"hostqld.conf: decorators.load: expected an array of queries, not a "
	    "string",
	"hostqld.conf: decorators.interval.90: 90 is not a multiple of 60",
	"hostqld.conf: decorators.interval.0: 0 is not between 60 and 604800",
	"hostqld.conf: decorators.interval.x: \"x\" is not a whole number",
};

static const char *const warning_texts[] = {
	"hostqld.conf: schedule.fine.color: unknown key, ignored",
	"hostqld.conf: packs.disc.queries: the pack has no queries",
	"hostqld.conf: decorators.sometimes: unknown key, ignored",
	"hostqld.conf: file_paths: not supported by hostql, ignored",
	"hostqld.conf: fleet: unknown key, ignored",
};

/* Every mistake of the file is reported, each in its own words. */
START_TEST(config_every_error)
{
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;
	char *text;
	size_t i;

	memset(&fs, 0, sizeof(fs));
	memfs_add(&fs, "/etc/hostql/packs.conf", "{}", 2);
	cfg = parse_fixture("errors.conf", "hostqld.conf", &fs, &m, &text);
	ck_assert_ptr_null(cfg);
	for (i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		ck_error(&m, error_texts[i]);
	for (i = 0; i < sizeof(warning_texts) / sizeof(warning_texts[0]); i++)
		ck_warning(&m, warning_texts[i]);
	ck_assert_msg(m.nerrors == sizeof(error_texts) / sizeof(error_texts[0]),
	    "%zu errors:%s", m.nerrors, all_msgs(&m));
	config_msgs_free(&m);
	memfs_free(&fs);
	free(text);
}
END_TEST

START_TEST(config_unknown_key_is_a_warning)
{
	struct config_msgs m;
	struct config *cfg;

	cfg = parse_ok("{\"schedule\": {\"q\": {\"query\": \"SELECT 1;\", "
	    "\"interval\": 5, \"colour\": 1, \"description\": \"d\", "
	    "\"value\": \"v\"}}, \"yara\": {}}", &m);
	ck_assert_uint_eq(m.nwarnings, 2);
	ck_warning(&m, "x.conf: schedule.q.colour: unknown key, ignored");
	ck_warning(&m, "x.conf: yara: not supported by hostql, ignored");
	ck_assert_uint_eq(query(cfg, "q")->interval, 5);
	config_free(cfg);
	config_msgs_free(&m);
}
END_TEST

START_TEST(config_value_forms)
{
	const struct config_query *q;
	struct config_msgs m;
	struct config *cfg;

	/* What osquery takes for numbers and booleans. */
	cfg = parse_ok("{\"schedule\": {"
	    "\"a\": {\"query\": \"SELECT 1;\", \"interval\": \"90\", "
	    "\"snapshot\": \"T\", \"removed\": 0, \"shard\": \"7\"},"
	    "\"b\": {\"query\": \"SELECT 1;\", \"snapshot\": 1, "
	    "\"removed\": \"False\", \"platform\": \"\", "
	    "\"version\": \"null\"},"
	    "\"c\": {\"query\": \"SELECT 1;\", \"blacklist\": false},"
	    "\"d\": {\"query\": \"SELECT 1;\", \"blacklist\": false, "
	    "\"denylist\": true},"
	    "\"e\": {\"query\": \"SELECT 1;\", \"platform\": null}"
	    "}}", &m);
	q = query(cfg, "a");
	ck_assert_uint_eq(q->interval, 90);
	ck_assert_int_eq(q->snapshot, 1);
	ck_assert_int_eq(q->removed, 0);
	ck_assert_uint_eq(q->shard, 7);
	q = query(cfg, "b");
	ck_assert_int_eq(q->snapshot, 1);
	ck_assert_int_eq(q->removed, 0);
	ck_assert_ptr_null(q->platform);
	ck_assert_ptr_null(q->version);
	ck_assert_int_eq(query(cfg, "c")->denylist, 0);
	ck_assert_int_eq(query(cfg, "d")->denylist, 1);
	ck_assert_ptr_null(query(cfg, "e")->platform);
	config_free(cfg);
	config_msgs_free(&m);

	cfg = parse_text("x.conf", "{\"schedule\": {\"a\": {\"query\": \"x\", "
	    "\"removed\": 2, \"interval\": -5}}}", &m);
	ck_assert_ptr_null(cfg);
	ck_error(&m, "x.conf: schedule.a.removed: expected true or false, "
	    "not an integer");
	ck_error(&m, "x.conf: schedule.a.interval: -5 is not between 1 and "
	    "604800");
	config_msgs_free(&m);
}
END_TEST

static void
fragment_sources(struct config_source *s, char **texts)
{
	static const char *const files[] = {
		"main.conf", "main.conf.d/10-more.conf",
		"main.conf.d/20-override.conf",
	};
	static const char *const names[] = {
		"/etc/hostql/hostqld.conf",
		"/etc/hostql/hostqld.conf.d/10-more.conf",
		"/etc/hostql/hostqld.conf.d/20-override.conf",
	};
	size_t i;

	for (i = 0; i < 3; i++) {
		texts[i] = fixture_load("config", files[i], &s[i].len);
		s[i].text = texts[i];
		s[i].name = names[i];
	}
}

START_TEST(config_fragments_merge)
{
	const struct config_decorators *d;
	const struct config_query *q;
	struct config_source s[3];
	struct config_msgs m;
	struct config *cfg;
	char *texts[3];
	size_t i;

	fragment_sources(s, texts);
	cfg = parse_n(s, 3, NULL, NULL, &m);
	ck_assert_msg(cfg != NULL, "refused:%s", all_msgs(&m));
	ck_assert_uint_eq(m.nwarnings, 2);
	ck_warning(&m, "/etc/hostql/hostqld.conf.d/20-override.conf: "
	    "schedule.users: replaces the query of the same name from "
	    "/etc/hostql/hostqld.conf");
	ck_warning(&m, "/etc/hostql/hostqld.conf.d/20-override.conf: "
	    "packs.net: replaces the pack of the same name from "
	    "/etc/hostql/hostqld.conf");

	/* Options: the later value. */
	ck_assert_str_eq(config_option_find(cfg, "logger_rotate")->value,
	    "true");
	ck_assert_str_eq(config_option_find(cfg, "logger_rotate")->source,
	    s[1].name);
	ck_assert_str_eq(config_option_find(cfg, "verbose")->value, "true");
	ck_assert_str_eq(config_option_find(cfg, "pack_delimiter")->value,
	    "_");

	/* Queries: added, and replaced by the later definition. */
	ck_assert_str_eq(query(cfg, "uptime")->source, s[0].name);
	ck_assert_str_eq(query(cfg, "kernel")->source, s[1].name);
	q = query(cfg, "users");
	ck_assert_str_eq(q->sql, "SELECT uid, username FROM users;");
	ck_assert_uint_eq(q->interval, 30);
	ck_assert_str_eq(q->source, s[2].name);

	/* Packs: replaced whole, the earlier queries gone. */
	ck_assert_ptr_null(config_query_find(cfg, "pack_net_arp"));
	ck_assert_ptr_null(config_query_find(cfg, "pack_net_routes"));
	ck_assert_uint_eq(query(cfg, "pack_net_interfaces")->interval, 3600);
	ck_assert_uint_eq(cfg->nqueries, 4);
	ck_assert_uint_eq(cfg->npacks, 2);
	ck_assert_str_eq(cfg->packs[1].source, s[2].name);

	/* Decorators: every source's, in order. */
	d = &cfg->decorators;
	ck_assert_uint_eq(d->nload, 2);
	ck_assert_str_eq(d->load[0], "SELECT hostname FROM system_info;");
	ck_assert_str_eq(d->load[1], "SELECT uuid FROM system_info;");
	ck_assert_uint_eq(d->nintervals, 2);
	ck_assert_uint_eq(d->intervals[0].interval, 60);
	ck_assert_uint_eq(d->intervals[0].nsql, 2);
	ck_assert_str_eq(d->intervals[0].sql[1], "SELECT 2 AS b;");
	ck_assert_uint_eq(d->intervals[1].interval, 120);
	config_free(cfg);
	config_msgs_free(&m);
	for (i = 0; i < 3; i++)
		free(texts[i]);
}
END_TEST

START_TEST(config_fragment_names)
{
	const char *names[] = { "20-b.conf", "10-a.conf", "100.conf",
	    "09.conf" };

	ck_assert(config_fragment_wanted("10-more.conf"));
	ck_assert(config_fragment_wanted("x.conf"));
	ck_assert(!config_fragment_wanted(".x.conf"));
	ck_assert(!config_fragment_wanted(".conf"));
	ck_assert(!config_fragment_wanted("x.conf.bak"));
	ck_assert(!config_fragment_wanted("x.conf~"));
	ck_assert(!config_fragment_wanted("x.json"));
	ck_assert(!config_fragment_wanted("conf"));
	qsort(names, 4, sizeof(names[0]), config_fragment_cmp);
	ck_assert_str_eq(names[0], "09.conf");
	ck_assert_str_eq(names[1], "10-a.conf");
	ck_assert_str_eq(names[2], "100.conf");
	ck_assert_str_eq(names[3], "20-b.conf");
}
END_TEST

/* The command line, then options, then the defaults. */
START_TEST(config_params_and_options)
{
	static const char text[] = "{\"options\": "
	    "{\"schedule_default_interval\": 120, \"pack_delimiter\": \"-\"},"
	    "\"schedule\": {\"q\": {\"query\": \"SELECT 1;\"}},"
	    "\"packs\": {\"p\": {\"queries\": {\"r\": {\"query\": "
	    "\"SELECT 2;\"}}}}}";
	struct config_params params = { 30, ":" };
	struct config_source s = { "x.conf", text, sizeof(text) - 1 };
	struct config_msgs m;
	struct config *cfg;

	cfg = parse_n(&s, 1, NULL, NULL, &m);
	ck_assert_ptr_nonnull(cfg);
	ck_assert_uint_eq(query(cfg, "q")->interval, 120);
	ck_assert_uint_eq(query(cfg, "pack-p-r")->interval, 120);
	ck_assert_str_eq(cfg->delimiter, "-");
	config_free(cfg);
	config_msgs_free(&m);

	cfg = parse_n(&s, 1, &params, NULL, &m);
	ck_assert_ptr_nonnull(cfg);
	ck_assert_uint_eq(query(cfg, "q")->interval, 30);
	ck_assert_uint_eq(query(cfg, "pack:p:r")->interval, 30);
	ck_assert_uint_eq(cfg->default_interval, 30);
	config_free(cfg);
	config_msgs_free(&m);

	cfg = parse_text("x.conf", "{\"options\": "
	    "{\"schedule_default_interval\": 0, \"pack_delimiter\": 1, "
	    "\"nothing\": null}}", &m);
	ck_assert_ptr_null(cfg);
	ck_error(&m, "x.conf: options.schedule_default_interval: 0 is not "
	    "between 1 and 604800");
	ck_error(&m, "x.conf: options.pack_delimiter: expected a string, not "
	    "an integer");
	ck_warning(&m, "x.conf: options.nothing: no name or no value, "
	    "ignored");
	config_msgs_free(&m);
}
END_TEST

/* 32 levels are too many: the root is level 0. */
START_TEST(config_depth_limit)
{
	struct config_msgs m;
	struct config *cfg;
	char text[512];
	size_t n = 0;
	int i, levels;

	for (levels = 31; levels <= 32; levels++) {
		n = 0;
		n += (size_t)snprintf(text + n, sizeof(text) - n, "{");
		for (i = 0; i < levels - 1; i++)
			n += (size_t)snprintf(text + n, sizeof(text) - n,
			    "\"a\":{");
		n += (size_t)snprintf(text + n, sizeof(text) - n, "\"a\":1");
		for (i = 0; i < levels; i++)
			text[n++] = '}';
		text[n] = '\0';
		cfg = parse_text("d.conf", text, &m);
		if (levels == 31) {
			ck_assert_msg(cfg != NULL, "%s", all_msgs(&m));
			ck_warning(&m, "d.conf: a: unknown key, ignored");
		} else {
			ck_assert_ptr_null(cfg);
			ck_assert(has_part(&m, CONFIG_ERROR, "d.conf: a.a.a."));
			ck_assert(has_part(&m, CONFIG_ERROR,
			    ".a: nested more than 32 levels deep"));
		}
		config_free(cfg);
		config_msgs_free(&m);
	}
	/* Arrays count the same. */
	n = (size_t)snprintf(text, sizeof(text), "{\"options\": {\"x\": ");
	for (i = 0; i < 31; i++)
		text[n++] = '[';
	for (i = 0; i < 31; i++)
		text[n++] = ']';
	memcpy(text + n, "}}", 3);
	cfg = parse_text("d.conf", text, &m);
	ck_assert_ptr_null(cfg);
	ck_assert(has_part(&m, CONFIG_ERROR, "d.conf: options.x[0][0]"));
	config_msgs_free(&m);
}
END_TEST

START_TEST(config_size_limit)
{
	struct config_source s;
	struct config_msgs m;
	struct config *cfg;
	size_t n, big = CONFIG_MAX_SIZE;
	char *text;

	/* A string value that makes the JSON one byte too long. */
	text = malloc(big + 64);
	ck_assert_ptr_nonnull(text);
	n = (size_t)snprintf(text, 64, "{\"options\": {\"x\": \"");
	memset(text + n, 'a', big - 2 - n);
	n = big - 2;
	memcpy(text + n, "\"}}", 3);
	n += 3;
	s.name = "big.conf";
	s.text = text;
	s.len = n;
	cfg = parse_n(&s, 1, NULL, NULL, &m);
	ck_assert_ptr_null(cfg);
	ck_error(&m, "big.conf: 4194305 bytes without comments, more than "
	    "the limit of 4194304");
	config_msgs_free(&m);

	/* Comments do not count. */
	text[0] = '#';
	memset(text + 1, 'c', big + 10);
	memcpy(text + big + 10, "\n{}", 3);
	s.len = big + 13;
	cfg = parse_n(&s, 1, NULL, NULL, &m);
	ck_assert_msg(cfg != NULL, "%s", all_msgs(&m));
	config_free(cfg);
	config_msgs_free(&m);
	free(text);
}
END_TEST

START_TEST(config_duplicate_key_is_a_warning)
{
	struct config_msgs m;
	struct config *cfg;

	cfg = parse_ok("{\"schedule\": {\"q\": {\"query\": \"SELECT 1;\"},\n"
	    "  \"q\": {\"query\": \"SELECT 2;\"}}}", &m);
	ck_warning(&m, "x.conf:2:5: duplicate object key near '\"q\"'; the "
	    "last one is used");
	ck_assert_str_eq(query(cfg, "q")->sql, "SELECT 2;");
	config_free(cfg);
	config_msgs_free(&m);
}
END_TEST

/* What comes from the config is escaped in messages. */
START_TEST(config_messages_escaped)
{
	struct config_msgs m;
	struct config *cfg;
	const char *t;
	size_t i;

	cfg = parse_text("x\033.conf", "{\"schedule\": {\"a\\u001bb\": "
	    "{\"query\": \"x\"}, \"c\": {\"query\": \"x\", \"interval\": "
	    "\"\\u0007\"}}}", &m);
	ck_assert_ptr_null(cfg);
	ck_assert_uint_eq(m.n, 2);
	for (i = 0; i < m.n; i++)
		for (t = m.v[i].text; *t != '\0'; t++)
			ck_assert_int_ge((unsigned char)*t, 0x20);
	ck_error(&m, "x\\x1b.conf: schedule.\"a\\x1bb\": a query name cannot "
	    "hold control characters");
	ck_error(&m, "x\\x1b.conf: schedule.c.interval: \"\\x07\" is not a "
	    "whole number");
	config_msgs_free(&m);
}
END_TEST

START_TEST(config_messages_capped)
{
	struct config_msgs m;
	struct config *cfg;
	char *text;
	size_t n, i;

	text = malloc(400 * 64);
	ck_assert_ptr_nonnull(text);
	n = (size_t)sprintf(text, "{\"schedule\": {");
	for (i = 0; i < 400; i++)
		n += (size_t)sprintf(text + n, "%s\"q%zu\": {\"query\": \"x\", "
		    "\"interval\": 0}", i > 0 ? "," : "", i);
	memcpy(text + n, "}}", 3);
	cfg = parse_text("x.conf", text, &m);
	ck_assert_ptr_null(cfg);
	ck_assert_uint_eq(m.nerrors, 400);
	ck_assert_uint_eq(m.n, CONFIG_MAX_MSGS);
	config_msgs_free(&m);
	free(text);
}
END_TEST

START_TEST(config_no_sources)
{
	struct config_msgs m;
	struct config *cfg;

	cfg = parse_n(NULL, 0, NULL, NULL, &m);
	ck_assert_ptr_nonnull(cfg);
	ck_assert_uint_eq(cfg->nqueries, 0);
	ck_assert_uint_eq(cfg->npacks, 1);
	ck_assert_str_eq(cfg->packs[0].source, "");
	config_free(cfg);
	config_msgs_free(&m);
}
END_TEST

/* The built-in config parses without a word and is the packaged file. */
START_TEST(config_default_is_clean)
{
	struct config_source s = { CONFIG_DEFAULT_NAME, config_default_text,
	    config_default_len };
	struct config_msgs m;
	struct config *cfg;
	char buf[16384];
	size_t i, n;
	FILE *f;

	cfg = parse_n(&s, 1, NULL, NULL, &m);
	ck_assert_msg(cfg != NULL && m.n == 0, "%s", all_msgs(&m));
	ck_assert_uint_ge(cfg->nqueries, 5);
	for (i = 0; i < cfg->nqueries; i++) {
		ck_assert_uint_ge(cfg->queries[i].interval, 10);
		ck_assert_uint_le(cfg->queries[i].interval, 3600);
		ck_assert_ptr_null(strchr(cfg->queries[i].sql, '\\'));
	}
	ck_assert_int_eq(query(cfg, "os_version")->snapshot, 1);
	ck_assert_ptr_nonnull(config_query_find(cfg, "listening_ports"));
	ck_assert_ptr_nonnull(config_query_find(cfg, "logged_in_users"));
	ck_assert_ptr_nonnull(config_query_find(cfg, "suid_bin"));
	ck_assert_ptr_nonnull(config_query_find(cfg, "kernel_info"));
	ck_assert_uint_eq(cfg->decorators.nload, 1);
	config_free(cfg);
	config_msgs_free(&m);

	f = fopen("../packaging/hostqld.default.conf", "rb");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	ck_assert_uint_eq(n, config_default_len);
	ck_assert(memcmp(buf, config_default_text, n) == 0);
}
END_TEST

Suite	*suite_config(void);

Suite *
suite_config(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, config_example_shape);
	tcase_add_test(tc, config_hash_covers_everything);
	tcase_add_test(tc, config_comments_and_continuations);
	tcase_add_test(tc, config_syntax_error_position);
	tcase_add_test(tc, config_every_error);
	tcase_add_test(tc, config_unknown_key_is_a_warning);
	tcase_add_test(tc, config_value_forms);
	tcase_add_test(tc, config_fragments_merge);
	tcase_add_test(tc, config_fragment_names);
	tcase_add_test(tc, config_params_and_options);
	tcase_add_test(tc, config_depth_limit);
	tcase_add_test(tc, config_size_limit);
	tcase_add_test(tc, config_duplicate_key_is_a_warning);
	tcase_add_test(tc, config_messages_escaped);
	tcase_add_test(tc, config_messages_capped);
	tcase_add_test(tc, config_no_sources);
	tcase_add_test(tc, config_default_is_clean);
	suite_add_tcase(s, tc);
	return s;
}
