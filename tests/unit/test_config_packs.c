/*
 * Packs read through the caller's callbacks: by path and by pattern
 * (osquery's '%' too), what is skipped (directories, hidden files),
 * what is an error and where it points (the pack file itself for its
 * own mistakes), and every query of osquery's Linux packs accepted as
 * a pack file.
 */
#include <check.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../worker/config.h"
#include "fixture.h"
#include "memfs.h"

static const char *
all_msgs(const struct config_msgs *m)
{
	static char buf[8192];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < m->n && n < sizeof(buf) - 1; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\n  %s",
		    m->v[i].text);
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

#define ck_error(m, t)	ck_assert_msg(has_msg((m), CONFIG_ERROR, (t)), \
			    "no error \"%s\" in:%s", (t), all_msgs(m))
#define ck_warning(m, t) ck_assert_msg(has_msg((m), CONFIG_WARNING, (t)), \
			    "no warning \"%s\" in:%s", (t), all_msgs(m))

static struct config *
parse(const char *text, struct memfs *fs, struct config_msgs *m)
{
	struct config_source s = { "hostqld.conf", text, strlen(text) };
	struct config_io io = { memfs_read, memfs_list, fs };

	memset(m, 0, sizeof(*m));
	return config_parse(&s, 1, NULL, fs != NULL ? &io : NULL, m);
}

#define PACK_A	"{\"queries\": {\"q\": {\"query\": \"SELECT 1;\"}}}"
#define PACK_B	"{\"queries\": {\"r\": {\"query\": \"SELECT 2;\", " \
		"\"interval\": 60}}}"

static void
small_fs(struct memfs *fs)
{
	memset(fs, 0, sizeof(*fs));
	memfs_add(fs, "/p/a.conf", PACK_A, strlen(PACK_A));
	memfs_add(fs, "/p/b.conf", PACK_B, strlen(PACK_B));
	memfs_add(fs, "/p/b.json", PACK_B, strlen(PACK_B));
	memfs_add(fs, "/p/.c.conf", "x", 1);
	memfs_add(fs, "/p/d.conf/inner", "x", 1);
	memfs_add(fs, "/root.conf", PACK_A, strlen(PACK_A));
}

START_TEST(config_pack_globs)
{
	static const char *const patterns[] = { "/p/*.conf", "/p/%.conf",
	    "/p/[ab].conf", "/p/?.conf" };
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;
	char text[256];
	size_t i;

	small_fs(&fs);
	for (i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		snprintf(text, sizeof(text), "{\"packs\": {\"*\": \"%s\"}}",
		    patterns[i]);
		cfg = parse(text, &fs, &m);
		ck_assert_msg(cfg != NULL && m.n == 0, "%s:%s", patterns[i],
		    all_msgs(&m));
		ck_assert_uint_eq(cfg->nqueries, 2);
		ck_assert_ptr_nonnull(config_query_find(cfg, "pack_a_q"));
		ck_assert_uint_eq(config_query_find(cfg, "pack_b_r")->interval,
		    60);
		ck_assert_str_eq(cfg->packs[1].path, "/p/a.conf");
		config_free(cfg);
		config_msgs_free(&m);
	}
	/* Any key may hold a pattern; a file at the root. */
	cfg = parse("{\"packs\": {\"mine\": \"/p/b.*\", \"r\": \"/%.conf\"}}",
	    &fs, &m);
	ck_assert_msg(cfg != NULL && m.n == 1, "%s", all_msgs(&m));
	ck_warning(&m, "/p/b.json: replaces the pack of the same name from "
	    "/p/b.conf");
	ck_assert_str_eq(cfg->packs[1].path, "/p/b.json");
	ck_assert_ptr_nonnull(config_query_find(cfg, "pack_root_q"));
	config_free(cfg);
	config_msgs_free(&m);
	memfs_free(&fs);
}
END_TEST

START_TEST(config_pack_file_errors)
{
	static const char zero[] = "{\"queries\": {\"z\": {\"query\": "
	    "\"SELECT 1;\", \"interval\": 0}}}";
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;

	small_fs(&fs);
	memfs_add(&fs, "/q/bad.conf", "{\n  \"queries\": [\n", 17);
	memfs_add(&fs, "/q/zero.conf", zero, strlen(zero));
	memfs_add(&fs, "/q/main.conf", PACK_A, strlen(PACK_A));
	cfg = parse("{\"packs\": {"
	    "\"none\": \"/p/*.nothing\","
	    "\"gone\": \"/nowhere/*.conf\","
	    "\"dir\": \"/p/d.conf\","
	    "\"rec\": \"/p/%%\","
	    "\"errs\": \"/q/*.conf\""
	    "}}", &fs, &m);
	ck_assert_ptr_null(cfg);
	ck_warning(&m, "hostqld.conf: packs.none: \"/p/*.nothing\" matches no "
	    "file");
	ck_error(&m, "hostqld.conf: packs.gone: cannot list /nowhere: No such "
	    "file or directory");
	ck_error(&m, "hostqld.conf: packs.dir: cannot read /p/d.conf: Is a "
	    "directory");
	ck_error(&m, "hostqld.conf: packs.rec: \"/p/%%\": the recursive "
	    "wildcard %% is not supported for packs");
	ck_error(&m, "/q/bad.conf:3:1: invalid JSON: ']' expected near end "
	    "of file");
	ck_error(&m, "/q/zero.conf: queries.z.interval: 0 is not between 1 "
	    "and 604800");
	ck_error(&m, "/q/main.conf: the name \"main\" is kept for the "
	    "schedule");
	ck_assert_uint_eq(m.nerrors, 6);
	config_msgs_free(&m);

	/* Without the callbacks, packs in files cannot be had. */
	cfg = parse("{\"packs\": {\"a\": \"/p/a.conf\", \"b\": \"/p/*\"}}",
	    NULL, &m);
	ck_assert_ptr_null(cfg);
	ck_error(&m, "hostqld.conf: packs.a: cannot read /p/a.conf: pack files "
	    "cannot be read here");
	ck_error(&m, "hostqld.conf: packs.b: cannot list /p: directories "
	    "cannot be listed here");
	config_msgs_free(&m);
	memfs_free(&fs);
}
END_TEST

/* osquery's multi-pack written inline: "*" holds packs. */
START_TEST(config_pack_inline_multi)
{
	struct config_msgs m;
	struct config *cfg;

	cfg = parse("{\"packs\": {\"*\": {\"a\": " PACK_A ", \"b\": " PACK_B
	    "}}}", NULL, &m);
	ck_assert_msg(cfg != NULL && m.n == 0, "%s", all_msgs(&m));
	ck_assert_uint_eq(cfg->npacks, 3);
	ck_assert_ptr_nonnull(config_query_find(cfg, "pack_a_q"));
	ck_assert_ptr_nonnull(config_query_find(cfg, "pack_b_r"));
	config_free(cfg);
	config_msgs_free(&m);
}
END_TEST

/* A list callback that stops early is heard. */
static int
list_fails(void *arg, const char *dir, int (*each)(void *, const char *),
    void *each_arg)
{
	(void)arg;
	(void)dir;
	each(each_arg, "a.conf");
	return -EACCES;
}

START_TEST(config_pack_list_error)
{
	struct config_io io = { memfs_read, list_fails, NULL };
	struct config_source s;
	struct config_msgs m;
	struct config *cfg;
	struct memfs fs;
	const char *text = "{\"packs\": {\"x\": \"/p/*.conf\"}}";

	small_fs(&fs);
	io.arg = &fs;
	s.name = "hostqld.conf";
	s.text = text;
	s.len = strlen(text);
	memset(&m, 0, sizeof(m));
	cfg = config_parse(&s, 1, NULL, &io, &m);
	ck_assert_ptr_null(cfg);
	ck_error(&m, "hostqld.conf: packs.x: cannot list /p: Permission "
	    "denied");
	config_msgs_free(&m);
	memfs_free(&fs);
}
END_TEST

/* One pack JSON per pack of the TSV (pack, name, platform, query). */
static json_t *
packs_from_tsv(const char *tsv, size_t *nrows)
{
	json_t *packs = json_object(), *pack, *queries, *q;
	char *copy = strdup(tsv), *line, *save = NULL, *f[4], *p;
	int i;

	ck_assert_ptr_nonnull(packs);
	ck_assert_ptr_nonnull(copy);
	*nrows = 0;
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		for (p = line, i = 0; i < 4; i++) {
			f[i] = p;
			p = i < 3 ? strchr(p, '\t') : NULL;
			ck_assert(i == 3 || p != NULL);
			if (p != NULL)
				*p++ = '\0';
		}
		if (strcmp(f[0], "pack") == 0)
			continue;
		if ((pack = json_object_get(packs, f[0])) == NULL) {
			pack = json_pack("{s:{}}", "queries");
			json_object_set_new(packs, f[0], pack);
		}
		queries = json_object_get(pack, "queries");
		q = json_pack("{s:s, s:i}", "query", f[3], "interval", 3600);
		if (f[2][0] != '\0')
			json_object_set_new(q, "platform", json_string(f[2]));
		ck_assert_int_eq(json_object_set_new(queries, f[1], q), 0);
		(*nrows)++;
	}
	free(copy);
	return packs;
}

START_TEST(config_osquery_packs_accepted)
{
	struct config_host host = { "localhost", NULL, 10 };
	char path[128], *tsv, *json, name[256];
	const char *pname, *qname;
	json_t *packs, *pack, *q;
	struct config_msgs m;
	struct config *cfg;
	size_t len, nrows;
	struct memfs fs;

	tsv = fixture_load("", "osquery-packs-linux.tsv", &len);
	packs = packs_from_tsv(tsv, &nrows);
	ck_assert_uint_gt(nrows, 100);
	memset(&fs, 0, sizeof(fs));
	json_object_foreach(packs, pname, pack) {
		json = json_dumps(pack, JSON_INDENT(2));
		ck_assert_ptr_nonnull(json);
		snprintf(path, sizeof(path), "/etc/hostql/packs/%s.conf",
		    pname);
		memfs_add(&fs, path, json, strlen(json));
		free(json);
	}
	cfg = parse("{\"packs\": {\"*\": \"/etc/hostql/packs/*.conf\"}}", &fs,
	    &m);
	ck_assert_msg(cfg != NULL && m.n == 0, "%s", all_msgs(&m));
	ck_assert_uint_eq(cfg->nqueries, nrows);
	ck_assert_uint_eq(cfg->npacks, 1 + json_object_size(packs));
	config_resolve(cfg, &host);
	json_object_foreach(packs, pname, pack) {
		json_object_foreach(json_object_get(pack, "queries"), qname,
		    q) {
			const struct config_query *cq;

			snprintf(name, sizeof(name), "pack_%s_%s", pname,
			    qname);
			cq = config_query_find(cfg, name);
			ck_assert_msg(cq != NULL, "no %s", name);
			ck_assert_str_eq(cq->sql, json_string_value(
			    json_object_get(q, "query")));
			/* posix, linux or every platform: all run here. */
			ck_assert_msg(cq->applies, "%s", name);
		}
	}
	config_free(cfg);
	config_msgs_free(&m);
	memfs_free(&fs);
	json_decref(packs);
	free(tsv);
}
END_TEST

Suite	*suite_config_packs(void);

Suite *
suite_config_packs(void)
{
	Suite *s = suite_create("config_packs");
	TCase *tc = tcase_create("packs");

	tcase_add_test(tc, config_pack_globs);
	tcase_add_test(tc, config_pack_file_errors);
	tcase_add_test(tc, config_pack_inline_multi);
	tcase_add_test(tc, config_pack_list_error);
	tcase_add_test(tc, config_osquery_packs_accepted);
	suite_add_tcase(s, tc);
	return s;
}
