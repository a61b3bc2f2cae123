/*
 * Path patterns: how a LIKE pattern splits into the directory to list and
 * the segments to match, what one segment matches, and the walk over a
 * small tree held in memory (so the tests see every listing it makes).
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/pathglob.h"

/* The tree: (directory, name, type) triples. */
struct node {
	const char	*dir;
	const char	*name;
	unsigned int	 type;
};

static const struct node tree[] = {
	{ "/", "etc", DT_DIR },
	{ "/", "home", DT_DIR },
	{ "/", "vmlinuz", DT_LNK },
	{ "/etc", "passwd", DT_REG },
	{ "/etc", "group", DT_REG },
	{ "/etc", "ssh", DT_DIR },
	{ "/etc", ".hidden", DT_REG },
	{ "/etc", "ld.so.conf.d", DT_DIR },
	{ "/etc", "link", DT_LNK },
	{ "/etc/ssh", "ssh_config", DT_REG },
	{ "/etc/ssh", "sshd_config", DT_REG },
	{ "/etc/ssh", "moduli", DT_REG },
	{ "/etc/ld.so.conf.d", "a.conf", DT_REG },
	{ "/etc/ld.so.conf.d", "deep", DT_DIR },
	{ "/etc/ld.so.conf.d/deep", "er", DT_DIR },
	{ "/etc/ld.so.conf.d/deep/er", "x", DT_REG },
	{ "/home", "alice", DT_DIR },
	{ "/home", "bob", DT_DIR },
	{ "/home", "file", DT_REG },
	{ "/home", "caf\xc3\xa9", DT_DIR },
	{ "/home/alice", ".ssh", DT_DIR },
	{ "/home/alice/.ssh", "authorized_keys", DT_REG },
	{ "/home/caf\xc3\xa9", "x", DT_REG },
};

/* What a walk did: every path emitted, every directory listed. */
struct trace {
	char	out[4096];
	char	listed[4096];
	int	stop_after;	/* emit() stops the walk after so many */
	int	emitted;
};

/* Append s and a newline to buf, as much as fits. */
static void
append_line(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s\n", s);
}

static int
fake_list(void *arg, const char *dir, pathglob_entry_fn fn, void *fnarg)
{
	struct trace *t = arg;
	size_t i;
	int found = 0;

	append_line(t->listed, sizeof(t->listed), dir);
	/* The kernel gives "." and ".." too: the walk must skip them. */
	if (fn(fnarg, ".", DT_DIR, 1) != 0 || fn(fnarg, "..", DT_DIR, 2) != 0)
		return 0;
	for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++) {
		if (strcmp(tree[i].dir, dir) != 0)
			continue;
		found = 1;
		if (fn(fnarg, tree[i].name, tree[i].type, i + 3) != 0)
			break;
	}
	/* A directory with no entries is one the tree does not have. */
	return found ? 0 : -ENOENT;
}

static int
fake_emit(void *arg, const char *path, unsigned int d_type)
{
	struct trace *t = arg;

	(void)d_type;
	append_line(t->out, sizeof(t->out), path);
	t->emitted++;
	return t->stop_after != 0 && t->emitted >= t->stop_after;
}

/* Walk pattern over the tree; the mask pathglob_walk() returned. */
static int
walk(const char *pattern, unsigned int flags, struct pathglob_limits *lim,
    struct trace *t)
{
	struct pathglob_ops ops = { fake_list, fake_emit, t };
	struct pathglob_limits deflim;
	struct pathglob g;
	const char *why = NULL;
	int cut;

	if (lim == NULL) {
		pathglob_limits_init(&deflim);
		lim = &deflim;
	}
	ck_assert_msg(pathglob_compile(pattern, &g, &why) == 0, "%s: %s",
	    pattern, why);
	cut = pathglob_walk(&g, flags, &ops, lim);
	pathglob_free(&g);
	return cut;
}

static void
trace_init(struct trace *t)
{
	memset(t, 0, sizeof(*t));
}

/* Compiling */

START_TEST(test_compile_final_wild)
{
	struct pathglob g;

	ck_assert_int_eq(pathglob_compile("/etc/%", &g, NULL), 0);
	ck_assert_str_eq(g.base, "/etc");
	ck_assert_uint_eq(g.nsegs, 1);
	ck_assert_str_eq(g.segs[0], "%");
	ck_assert(!g.literal && !g.recursive && !g.dirs_only);
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_recursive)
{
	struct pathglob g;

	ck_assert_int_eq(pathglob_compile("/etc/%%", &g, NULL), 0);
	ck_assert_str_eq(g.base, "/etc");
	ck_assert_str_eq(g.segs[0], "%%");
	ck_assert(g.recursive);
	pathglob_free(&g);
	ck_assert_int_eq(pathglob_compile("/usr/lib%%", &g, NULL), 0);
	ck_assert_str_eq(g.base, "/usr");
	ck_assert(g.recursive);
	pathglob_free(&g);
	/* "%%" in the middle is one segment's '%', as in osquery. */
	ck_assert_int_eq(pathglob_compile("/etc/%%/conf", &g, NULL), 0);
	ck_assert_uint_eq(g.nsegs, 2);
	ck_assert(!g.recursive);
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_literal)
{
	struct pathglob g;

	ck_assert_int_eq(pathglob_compile("/etc/passwd", &g, NULL), 0);
	ck_assert(g.literal);
	ck_assert_str_eq(g.base, "/etc/passwd");
	ck_assert_uint_eq(g.nsegs, 0);
	pathglob_free(&g);
	ck_assert_int_eq(pathglob_compile("/", &g, NULL), 0);
	ck_assert(g.literal);
	ck_assert_str_eq(g.base, "/");
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_underscore)
{
	struct pathglob g;

	/* '_' is a wildcard: this is not a literal path. */
	ck_assert_int_eq(pathglob_compile("/etc/ssh/ssh_config", &g, NULL), 0);
	ck_assert(!g.literal);
	ck_assert_str_eq(g.base, "/etc/ssh");
	ck_assert_str_eq(g.segs[0], "ssh_config");
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_root_and_middle)
{
	struct pathglob g;

	ck_assert_int_eq(pathglob_compile("/%", &g, NULL), 0);
	ck_assert_str_eq(g.base, "");		/* the root */
	ck_assert_uint_eq(g.nsegs, 1);
	pathglob_free(&g);
	ck_assert_int_eq(pathglob_compile("/home/%/.ssh/authorized_keys", &g,
	    NULL), 0);
	ck_assert_str_eq(g.base, "/home");
	ck_assert_uint_eq(g.nsegs, 3);
	ck_assert_str_eq(g.segs[0], "%");
	ck_assert_str_eq(g.segs[1], ".ssh");
	ck_assert_str_eq(g.segs[2], "authorized_keys");
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_trailing_slash)
{
	struct pathglob g;

	ck_assert_int_eq(pathglob_compile("/etc/%/", &g, NULL), 0);
	ck_assert_str_eq(g.base, "/etc");
	ck_assert_uint_eq(g.nsegs, 1);
	ck_assert_str_eq(g.segs[0], "%");
	ck_assert_int_eq(g.dirs_only, 1);
	pathglob_free(&g);
	ck_assert_int_eq(pathglob_compile("/etc/%%/", &g, NULL), 0);
	ck_assert(g.recursive && g.dirs_only);
	pathglob_free(&g);
}
END_TEST

START_TEST(test_compile_refused)
{
	char long_pattern[PATHGLOB_PATH_MAX + 10];
	struct pathglob g;
	const char *why;

	why = NULL;
	ck_assert_int_eq(pathglob_compile("", &g, &why), -1);
	ck_assert_str_eq(why, "empty path pattern");
	ck_assert_int_eq(pathglob_compile(NULL, &g, &why), -1);
	ck_assert_str_eq(why, "empty path pattern");
	ck_assert_int_eq(pathglob_compile("etc/%", &g, &why), -1);
	ck_assert_str_eq(why, "path pattern is not absolute");
	ck_assert_int_eq(pathglob_compile("%", &g, &why), -1);
	memset(long_pattern, 'a', sizeof(long_pattern) - 1);
	long_pattern[0] = '/';
	long_pattern[sizeof(long_pattern) - 1] = '\0';
	ck_assert_int_eq(pathglob_compile(long_pattern, &g, &why), -1);
	ck_assert_str_eq(why, "path pattern too long");
	/* why may be NULL. */
	ck_assert_int_eq(pathglob_compile("", &g, NULL), -1);
}
END_TEST

/* Matching one segment */

START_TEST(test_match)
{
	ck_assert(pathglob_match("%", "abc"));
	ck_assert(pathglob_match("%", ""));
	ck_assert(pathglob_match("%%", ""));
	ck_assert(pathglob_match("", ""));
	ck_assert(!pathglob_match("", "a"));
	ck_assert(pathglob_match("a%c", "abc"));
	ck_assert(pathglob_match("a%c", "ac"));
	ck_assert(!pathglob_match("a%c", "acb"));
	ck_assert(pathglob_match("%.conf", "x.conf"));
	ck_assert(!pathglob_match("%.conf", "x.conf.bak"));
	ck_assert(pathglob_match("%a%b%", "xxaxxbxx"));
	ck_assert(!pathglob_match("%a%b%", "xxbxxaxx"));
	/* Names on disk are case-sensitive. */
	ck_assert(!pathglob_match("ABC", "abc"));
	ck_assert(pathglob_match("abc", "abc"));
	/* Glob characters are not special in LIKE. */
	ck_assert(pathglob_match("a*c", "a*c"));
	ck_assert(!pathglob_match("a*c", "abc"));
	ck_assert(!pathglob_match("a?c", "abc"));
}
END_TEST

START_TEST(test_match_underscore)
{
	ck_assert(pathglob_match("a_c", "abc"));
	ck_assert(!pathglob_match("a_c", "ac"));
	ck_assert(!pathglob_match("a_c", "abbc"));
	ck_assert(pathglob_match("___", "abc"));
	ck_assert(!pathglob_match("____", "abc"));
	/* '_' is one character, not one byte: e-acute is two bytes. */
	ck_assert(pathglob_match("caf_", "caf\xc3\xa9"));
	ck_assert(!pathglob_match("caf__", "caf\xc3\xa9"));
	/* A malformed byte still counts as one. */
	ck_assert(pathglob_match("a_b", "a\x80" "b"));
	ck_assert(pathglob_match("a_", "a\xc3"));
	ck_assert(pathglob_match("%_", "x"));
	ck_assert(!pathglob_match("%_", ""));
}
END_TEST

START_TEST(test_match_pathological)
{
	char name[256];

	/* Backtracking is bounded: this returns at once. */
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	ck_assert(!pathglob_match("%a%a%a%a%a%a%a%a%a%a%b", name));
	ck_assert(pathglob_match("%a%a%a%a%a%a%a%a%a%a%", name));
}
END_TEST

/* Walking */

START_TEST(test_walk_final_segment)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/%", 0, NULL, &t), 0);
	/* One level only, hidden names included, in name order. */
	ck_assert_str_eq(t.out, "/etc/.hidden\n/etc/group\n"
	    "/etc/ld.so.conf.d\n/etc/link\n/etc/passwd\n/etc/ssh\n");
	ck_assert_str_eq(t.listed, "/etc\n");
}
END_TEST

START_TEST(test_walk_recursive)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/%%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/.hidden\n/etc/group\n"
	    "/etc/ld.so.conf.d\n/etc/ld.so.conf.d/a.conf\n"
	    "/etc/ld.so.conf.d/deep\n/etc/ld.so.conf.d/deep/er\n"
	    "/etc/ld.so.conf.d/deep/er/x\n"
	    "/etc/link\n/etc/passwd\n/etc/ssh\n/etc/ssh/moduli\n"
	    "/etc/ssh/ssh_config\n/etc/ssh/sshd_config\n");
	/* Links are not followed below "%%". */
	ck_assert_ptr_null(strstr(t.listed, "/etc/link"));
}
END_TEST

START_TEST(test_walk_recursive_prefix)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ld%%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/ld.so.conf.d\n"
	    "/etc/ld.so.conf.d/a.conf\n/etc/ld.so.conf.d/deep\n"
	    "/etc/ld.so.conf.d/deep/er\n/etc/ld.so.conf.d/deep/er/x\n");
}
END_TEST

START_TEST(test_walk_depth_bound)
{
	struct pathglob_limits lim;
	struct trace t;

	pathglob_limits_init(&lim);
	lim.max_depth = 1;
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ld%%", 0, &lim, &t), PATHGLOB_CUT_DEPTH);
	ck_assert_str_eq(t.out, "/etc/ld.so.conf.d\n"
	    "/etc/ld.so.conf.d/a.conf\n/etc/ld.so.conf.d/deep\n");
	pathglob_limits_init(&lim);
	lim.max_depth = 0;
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ld%%", 0, &lim, &t), PATHGLOB_CUT_DEPTH);
	ck_assert_str_eq(t.out, "/etc/ld.so.conf.d\n");
}
END_TEST

START_TEST(test_walk_entries_bound)
{
	struct pathglob_limits lim;
	struct trace t;

	pathglob_limits_init(&lim);
	lim.max_entries = 3;
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/%%", 0, &lim, &t) & PATHGLOB_CUT_ENTRIES,
	    PATHGLOB_CUT_ENTRIES);
	/* The listing stopped at the bound: nothing was emitted from a
	 * listing cut short. */
	ck_assert_int_le(t.emitted, 3);
	/* The bound is shared: a second walk with the same limits stops
	 * at once. */
	trace_init(&t);
	ck_assert(walk("/home/%", 0, &lim, &t) & PATHGLOB_CUT_ENTRIES);
	ck_assert_int_eq(t.emitted, 0);
}
END_TEST

START_TEST(test_walk_underscore)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ssh/ssh_config", 0, NULL, &t), 0);
	/* LIKE's '_' takes the 'd' of sshd_config too. */
	ck_assert_str_eq(t.out, "/etc/ssh/ssh_config\n");
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ssh/ssh_%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/ssh/ssh_config\n/etc/ssh/sshd_config\n");
	trace_init(&t);
	ck_assert_int_eq(walk("/home/caf_/x", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/home/caf\xc3\xa9/x\n");
}
END_TEST

START_TEST(test_walk_literal)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/passwd", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/passwd\n");
	ck_assert_str_eq(t.listed, "");	/* nothing listed: stat decides */
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/nothere", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/nothere\n");
	/* A literal path is given as it was written. */
	trace_init(&t);
	ck_assert_int_eq(walk("/etc/ssh/", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/ssh/\n");
}
END_TEST

START_TEST(test_walk_middle)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/home/%/.ssh/config", 0, NULL, &t), 0);
	/* Literal segments after the wildcard are not listed: the stat of
	 * each candidate says whether it is there.  A file is not a
	 * directory to look into. */
	ck_assert_str_eq(t.out, "/home/alice/.ssh/config\n"
	    "/home/bob/.ssh/config\n/home/caf\xc3\xa9/.ssh/config\n");
	ck_assert_str_eq(t.listed, "/home\n");
	/* "authorized_keys" holds a '_', so it is matched in a listing. */
	trace_init(&t);
	ck_assert_int_eq(walk("/home/%/.ssh/authorized_keys", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/home/alice/.ssh/authorized_keys\n");
	trace_init(&t);
	ck_assert_int_eq(walk("/home/%/.ssh/%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/home/alice/.ssh/authorized_keys\n");
	ck_assert_str_eq(t.listed, "/home\n/home/alice/.ssh\n"
	    "/home/bob/.ssh\n/home/caf\xc3\xa9/.ssh\n");
}
END_TEST

START_TEST(test_walk_root)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc\n/home\n/vmlinuz\n");
	ck_assert_str_eq(t.listed, "/\n");
}
END_TEST

START_TEST(test_walk_trailing_slash)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/%/", 0, NULL, &t), 0);
	/* Directories and what may be one (a link), with the '/' kept so
	 * the path still matches the pattern. */
	ck_assert_str_eq(t.out, "/etc/ld.so.conf.d/\n/etc/link/\n/etc/ssh/\n");
}
END_TEST

START_TEST(test_walk_dirs_flag)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/etc/%", PATHGLOB_DIRS, NULL, &t), 0);
	ck_assert_str_eq(t.out, "/etc/ld.so.conf.d\n/etc/link\n/etc/ssh\n");
}
END_TEST

START_TEST(test_walk_stop)
{
	struct trace t;

	trace_init(&t);
	t.stop_after = 2;
	ck_assert_int_eq(walk("/etc/%%", 0, NULL, &t), PATHGLOB_STOPPED);
	ck_assert_str_eq(t.out, "/etc/.hidden\n/etc/group\n");
}
END_TEST

START_TEST(test_walk_missing)
{
	struct trace t;

	trace_init(&t);
	ck_assert_int_eq(walk("/nothere/%", 0, NULL, &t), 0);
	ck_assert_str_eq(t.out, "");
	ck_assert_str_eq(t.listed, "/nothere\n");
}
END_TEST

/* Names */

START_TEST(test_dirname_basename)
{
	static const struct {
		const char *path, *dir, *base;
	} cases[] = {
		{ "/etc/passwd", "/etc", "passwd" },
		{ "/etc", "/", "etc" },
		{ "/etc/ssh/", "/etc", "ssh" },
		{ "/", "/", "/" },
		{ "//", "/", "/" },
		{ "/a//b", "/a", "b" },
		{ "/usr/lib/x86_64-linux-gnu", "/usr/lib", "x86_64-linux-gnu" },
		{ "name", ".", "name" },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(pathglob_dirname(cases[i].path, buf,
		    sizeof(buf)), 0);
		ck_assert_str_eq(buf, cases[i].dir);
		ck_assert_int_eq(pathglob_basename(cases[i].path, buf,
		    sizeof(buf)), 0);
		ck_assert_str_eq(buf, cases[i].base);
	}
	ck_assert_int_eq(pathglob_dirname("/etc/passwd", buf, 4), -1);
	ck_assert_int_eq(pathglob_basename("/etc/passwd", buf, 6), -1);
}
END_TEST

START_TEST(test_join)
{
	char buf[16];

	ck_assert_int_eq(pathglob_join("/etc", "passwd", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/etc/passwd");
	ck_assert_int_eq(pathglob_join("/etc/", "passwd", buf, sizeof(buf)),
	    0);
	ck_assert_str_eq(buf, "/etc/passwd");
	ck_assert_int_eq(pathglob_join("/", "etc", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/etc");
	ck_assert_int_eq(pathglob_join("/etc", "passwd12345", buf,
	    sizeof(buf)), -1);
}
END_TEST

START_TEST(test_canonical)
{
	static const struct {
		const char *in, *out;
		int dir_only;
	} ok[] = {
		{ "/", "/", 0 },
		{ "//", "/", 0 },
		{ "/etc/passwd", "/etc/passwd", 0 },
		{ "/etc/ssh/", "/etc/ssh", 1 },
		{ "/etc//ssh/./sshd_config", "/etc/ssh/sshd_config", 0 },
		{ "/./etc", "/etc", 0 },
		{ "/etc/...", "/etc/...", 0 },
		{ "/etc/..x", "/etc/..x", 0 },
	};
	static const char *bad[] = { "", "etc", "/etc/../shadow", "/..",
	    "/etc/ssh/.." };
	char buf[64];
	size_t i;
	int dir_only;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ck_assert_msg(pathglob_canonical(ok[i].in, buf, sizeof(buf),
		    &dir_only) == 0, "%s", ok[i].in);
		ck_assert_str_eq(buf, ok[i].out);
		ck_assert_int_eq(dir_only, ok[i].dir_only);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(pathglob_canonical(bad[i], buf, sizeof(buf),
		    &dir_only) == -1, "%s", bad[i]);
	ck_assert_int_eq(pathglob_canonical("/etc/passwd", buf, 8, &dir_only),
	    -1);
}
END_TEST

Suite	*suite_pathglob(void);

Suite *
suite_pathglob(void)
{
	Suite *s = suite_create("pathglob");
	TCase *tc;

	tc = tcase_create("compile");
	tcase_add_test(tc, test_compile_final_wild);
	tcase_add_test(tc, test_compile_recursive);
	tcase_add_test(tc, test_compile_literal);
	tcase_add_test(tc, test_compile_underscore);
	tcase_add_test(tc, test_compile_root_and_middle);
	tcase_add_test(tc, test_compile_trailing_slash);
	tcase_add_test(tc, test_compile_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("match");
	tcase_add_test(tc, test_match);
	tcase_add_test(tc, test_match_underscore);
	tcase_add_test(tc, test_match_pathological);
	suite_add_tcase(s, tc);

	tc = tcase_create("walk");
	tcase_add_test(tc, test_walk_final_segment);
	tcase_add_test(tc, test_walk_recursive);
	tcase_add_test(tc, test_walk_recursive_prefix);
	tcase_add_test(tc, test_walk_depth_bound);
	tcase_add_test(tc, test_walk_entries_bound);
	tcase_add_test(tc, test_walk_underscore);
	tcase_add_test(tc, test_walk_literal);
	tcase_add_test(tc, test_walk_middle);
	tcase_add_test(tc, test_walk_root);
	tcase_add_test(tc, test_walk_trailing_slash);
	tcase_add_test(tc, test_walk_dirs_flag);
	tcase_add_test(tc, test_walk_stop);
	tcase_add_test(tc, test_walk_missing);
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_test(tc, test_dirname_basename);
	tcase_add_test(tc, test_join);
	tcase_add_test(tc, test_canonical);
	suite_add_tcase(s, tc);
	return s;
}
