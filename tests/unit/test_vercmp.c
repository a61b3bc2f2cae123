/*
 * Version ordering: tables of pairs whose order was taken from dpkg
 * --compare-versions, rpm's rpmverCmp() and pacman's alpm_pkg_vercmp()
 * themselves, and osquery's documented examples; then the same through
 * version_compare() and the collations in SQLite, a column declared
 * with one, and the symmetry and transitivity a sort relies on.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../worker/vercmp.h"
#include "sqlq.h"

#define EXPECT(q, sql, want)	ck_assert_str_eq(sqlq(q, sql), want)
#define EXPECT_ERROR(q, sql, msg) do {					\
	const char *got_ = sqlq(q, sql);				\
	ck_assert_msg(strstr(got_, "ERROR: " msg) == got_,		\
	    "%s: got '%s', want the error '%s'", sql, got_, msg);	\
} while (0)

struct pair {
	const char	*a, *b;
	int		 order;
};

/* From dpkg --compare-versions (the last two are versions dpkg warns
 * about but still orders). */
static const struct pair dpkg_pairs[] = {
	{ "1.0~rc1", "1.0", -1 },
	{ "1.0~rc1", "1.0~rc2", -1 },
	{ "1.0~~", "1.0~~a", -1 },
	{ "1.0~~a", "1.0~", -1 },
	{ "1.0~", "1.0", -1 },
	{ "1.0", "1.0a", -1 },
	{ "1.0a", "1.0+", -1 },
	{ "1.0+", "1.0.1", -1 },
	{ "1.0", "1.0.1", -1 },
	{ "1.2", "1.10", -1 },
	{ "1.01", "1.1", 0 },
	{ "1.0", "1.00", 0 },
	{ "1:0.1", "9.9", 1 },
	{ "2:1.0", "1:9.9", 1 },
	{ "0:1.0", "1.0", 0 },
	{ "10:1", "9:1", 1 },
	{ "1.0-1", "1.0-2", -1 },
	{ "1.0-1", "1.0-1ubuntu1", -1 },
	{ "1.0-1ubuntu1", "1.0-1ubuntu2", -1 },
	{ "1.0", "1.0-0", 0 },
	{ "1.0-10", "1.0-9", 1 },
	{ "1.0-1.1", "1.0-1", 1 },
	{ "1.0-2-1", "1.0-2", 1 },
	{ "1.0-2-1", "1.0-1-2", 1 },
	{ "1:2.0-10", "1:2.0-10", 0 },
	{ "22.07.5-2ubuntu1.3", "22.07.5-2ubuntu1.4", -1 },
	{ "2:8.2.3995-1ubuntu2.9", "2:8.2.3995-1ubuntu2.3", 1 },
	{ "2.36-9+deb12u4", "2.36-9+deb12u10", -1 },
	{ "1.2.3+dfsg", "1.2.3", 1 },
	{ "1.2.3+dfsg-1", "1.2.3-1", 1 },
	{ "7.4.2~rc1-1", "7.4.2-1", -1 },
	{ "0.9.8zh", "0.9.8", 1 },
	{ "1.0.0", "1.0.0a", -1 },
	{ "a", "1.0", 1 },
	{ "1.0-a", "1.0-1", 1 },
	/* Blanks around a version do not count. */
	{ " 1.0", "1.0 ", 0 },
};

/* From librpmio's rpmverCmp(): rpmvercmp()'s own test cases, then
 * epochs and releases, then osquery's documented examples. */
static const struct pair rpm_pairs[] = {
	{ "1.0", "1.0", 0 },
	{ "1.0", "2.0", -1 },
	{ "2.0.1", "2.0", 1 },
	{ "2.0.1a", "2.0.1", 1 },
	{ "5.5p1", "5.5p2", -1 },
	{ "5.5p10", "5.5p1", 1 },
	{ "10xyz", "10.1xyz", -1 },
	{ "xyz10", "xyz10.1", -1 },
	{ "xyz.4", "8", -1 },
	{ "xyz.4", "2", -1 },
	{ "5.5p2", "5.6p1", -1 },
	{ "6.0.rc1", "6.0", 1 },
	{ "10b2", "10a1", 1 },
	{ "1.0a", "1.0aa", -1 },
	{ "10.0001", "10.1", 0 },
	{ "10.0001", "10.0039", -1 },
	{ "4.999.9", "5.0", -1 },
	{ "20101121", "20101122", -1 },
	{ "2_0", "2.0", 0 },
	{ "a+", "a_", 0 },
	{ "+a", "_a", 0 },
	{ "_+", "_", 0 },
	{ "+", "_", 0 },
	{ "1.0~rc1", "1.0", -1 },
	{ "1.0~rc1", "1.0~rc2", -1 },
	{ "1.0~rc1~git123", "1.0~rc1", -1 },
	{ "1.0^", "1.0", 1 },
	{ "1.0^git1", "1.0", 1 },
	{ "1.0^git1", "1.0^git2", -1 },
	{ "1.0^git1", "1.01", -1 },
	{ "1.0^20160101", "1.0.1", -1 },
	{ "1.0^20160102", "1.0^20160101^git1", 1 },
	{ "1.0~rc1^git1", "1.0~rc1", 1 },
	{ "1.0^git1~pre", "1.0^git1", -1 },
	{ "1:1.0", "2.0", 1 },
	{ "0:1.0", "1.0", 0 },
	{ "1.0-1", "1.0", 1 },
	{ "1.0-2", "1.0-1", 1 },
	{ "1.0-1.el8", "1.0-1.el9", -1 },
	{ "2:1.0-1", "1:9.9-9", 1 },
	{ "1.0-1", "1.0-1.1", -1 },
	{ ":1.0", "0:1.0", 0 },
	{ "1.1.0~BETA2", "1.1.0~CR1", -1 },
	{ "1.0.0", "1.0.0~rc2", 1 },
	{ "0.5.0~rc1^202", "0.5.0~rc1^202", 0 },
};

/* From libalpm's alpm_pkg_vercmp(): pacman's vercmp tests, then
 * osquery's documented examples. */
static const struct pair arch_pairs[] = {
	{ "1.5.0", "1.5.0", 0 },
	{ "1.5.1", "1.5.0", 1 },
	{ "1.5.1", "1.5", 1 },
	{ "1.5.0-1", "1.5.0-2", -1 },
	{ "1.5.0-1", "1.5.1-1", -1 },
	{ "1.5-1", "1.5.1-1", -1 },
	{ "1.5", "1.5-1", 0 },
	{ "1.1-1", "1.1", 0 },
	{ "1.0-1", "1.1", -1 },
	{ "1.5b-1", "1.5-1", -1 },
	{ "1.5b", "1.5", -1 },
	{ "1.5b", "1.5.1", -1 },
	{ "1.0a", "1.0alpha", -1 },
	{ "1.0alpha", "1.0b", -1 },
	{ "1.0b", "1.0beta", -1 },
	{ "1.0beta", "1.0rc", -1 },
	{ "1.0rc", "1.0", -1 },
	{ "1.5.a", "1.5", 1 },
	{ "1.5.b", "1.5.a", 1 },
	{ "1.5.1", "1.5.b", 1 },
	{ "1.5.b-1", "1.5.b", 0 },
	{ "1.5-1", "1.5.b", -1 },
	{ "2.0", "2_0", 0 },
	{ "2.0_a", "2_0.a", 0 },
	{ "2.0a", "2.0.a", -1 },
	{ "2___a", "2_a", 1 },
	{ "0:1.0", "0:1.1", -1 },
	{ "1:1.0", "0:1.0", 1 },
	{ "1:1.0", "2:1.1", -1 },
	{ "1:1.0", "0:1.0-1", 1 },
	{ "0:1.0", "1.0", 0 },
	{ "1:1.0", "1.1", 1 },
	{ "4:2", "4:2-1", 0 },
	{ "2-2pre", "2-2rc", -1 },
	{ "42.2-1", "42.1-2", 1 },
	{ "4:1.1.0", "4:1.1.0-3", 0 },
	{ "1:1.2.13-2", "4.2.1", 1 },
	{ "1.0~1", "1.0", 1 },
	{ "1.0..1", "1.0.1", 1 },
};

/* osquery's generic order: its documented examples and the segment
 * rules (checked against osquery's own comparison function). */
static const struct pair generic_pairs[] = {
	{ "1.0", "1.0", 0 },
	{ "50.4.1b", "50.4.1c", -1 },
	{ "20.10a", "20.102", 1 },
	{ "1.10", "1.9", 1 },
	{ "1.2.3", "1.10", -1 },
	{ "9.1", "10.1", -1 },
	{ "1.0", "1.0.0", -1 },
	{ "1.", "1", 1 },
	{ "1..2", "1.2", -1 },
	{ "1-2", "1.2", 0 },
	{ "1~2", "1^2", 0 },
	{ "", "", 0 },
	{ "", "1", -1 },
	{ "", ".", -1 },
	{ "1.0a", "1.0b", -1 },
	{ "b.1", "aa.1", -1 },
};

static void
check_pairs(enum vercmp_kind kind, const struct pair *p, size_t n)
{
	size_t i;
	int got;

	for (i = 0; i < n; i++) {
		got = vercmp(kind, p[i].a, strlen(p[i].a), p[i].b,
		    strlen(p[i].b));
		ck_assert_msg(got == p[i].order, "'%s' vs '%s': got %d, want "
		    "%d", p[i].a, p[i].b, got, p[i].order);
		got = vercmp(kind, p[i].b, strlen(p[i].b), p[i].a,
		    strlen(p[i].a));
		ck_assert_msg(got == -p[i].order, "'%s' vs '%s': got %d, "
		    "want %d", p[i].b, p[i].a, got, -p[i].order);
	}
}

#define NPAIRS(a)	(sizeof(a) / sizeof((a)[0]))

START_TEST(dpkg_order)
{
	check_pairs(VERCMP_DPKG, dpkg_pairs, NPAIRS(dpkg_pairs));
}
END_TEST

START_TEST(rpm_order)
{
	check_pairs(VERCMP_RPM, rpm_pairs, NPAIRS(rpm_pairs));
}
END_TEST

START_TEST(arch_order)
{
	check_pairs(VERCMP_ARCH, arch_pairs, NPAIRS(arch_pairs));
}
END_TEST

START_TEST(generic_order)
{
	check_pairs(VERCMP_GENERIC, generic_pairs, NPAIRS(generic_pairs));
}
END_TEST

START_TEST(lengths_not_nul)
{
	/* Only the given bytes count: collation keys end anywhere. */
	ck_assert_int_eq(vercmp_dpkg("1.0~rc1", 3, "1.0", 3), 0);
	ck_assert_int_eq(vercmp_rpm("1.0^git", 3, "1.0", 3), 0);
	ck_assert_int_eq(vercmp_arch("1.0-1", 3, "1.0", 3), 0);
	ck_assert_int_eq(vercmp_generic("1.10", 3, "1.1", 3), 0);
	/* Empty keys, and NUL bytes inside one. */
	ck_assert_int_eq(vercmp_dpkg("", 0, "", 0), 0);
	ck_assert_int_eq(vercmp_rpm("", 0, "0", 1), -1);
	ck_assert_int_eq(vercmp_arch("", 0, "", 0), 0);
	ck_assert_int_eq(vercmp_dpkg("1\0a", 3, "1\0b", 3), -1);
	ck_assert_int_eq(vercmp_rpm("1\0a", 3, "1\0b", 3), -1);
}
END_TEST

/* A small generator of version-like strings, the same on every run. */
struct gen {
	unsigned int	state;
};

static unsigned int
gen_next(struct gen *g)
{
	g->state = g->state * 1103515245u + 12345u;
	return (g->state >> 16) & 0x7fff;
}

static void
gen_version(struct gen *g, char *buf, size_t *len)
{
	static const char alphabet[] = "0019az.-~^:+_";
	size_t i, n = gen_next(g) % 7;

	for (i = 0; i < n; i++)
		buf[i] = alphabet[gen_next(g) % (sizeof(alphabet) - 1)];
	*len = n;
}

#define POOL	60

/* Swapping negates, and for every order but pacman's, a <= b <= c
 * means a <= c: what SQLite's sorter takes for granted. */
static void
check_consistent(enum vercmp_kind kind, int transitive)
{
	static char v[POOL][8];
	size_t len[POOL], i, j, k;
	struct gen g = { 42 };
	int ij, jk, ik;

	for (i = 0; i < POOL; i++)
		gen_version(&g, v[i], &len[i]);
	for (i = 0; i < POOL; i++) {
		for (j = 0; j < POOL; j++) {
			ij = vercmp(kind, v[i], len[i], v[j], len[j]);
			ck_assert_int_eq(ij, -vercmp(kind, v[j], len[j], v[i],
			    len[i]));
			if (!transitive || ij > 0)
				continue;
			for (k = 0; k < POOL; k++) {
				jk = vercmp(kind, v[j], len[j], v[k], len[k]);
				ik = vercmp(kind, v[i], len[i], v[k], len[k]);
				ck_assert_msg(jk > 0 || ik <= 0, "'%.*s' <= "
				    "'%.*s' <= '%.*s' but not the first and "
				    "the last", (int)len[i], v[i], (int)len[j],
				    v[j], (int)len[k], v[k]);
			}
		}
	}
}

START_TEST(orders_consistent)
{
	check_consistent(VERCMP_GENERIC, 1);
	check_consistent(VERCMP_DPKG, 1);
	check_consistent(VERCMP_RPM, 1);
	check_consistent(VERCMP_ARCH, 0);
}
END_TEST

START_TEST(version_compare_sql)
{
	struct sqlq q;

	sqlq_open(&q);
	/* osquery's documented examples. */
	EXPECT(&q, "SELECT version_compare('1.0', '1.0')", "0");
	ck_assert_int_eq(q.type, SQLITE_INTEGER);
	EXPECT(&q, "SELECT version_compare('4:1.1.0', '4:1.1.0-3', 'ARCH')",
	    "0");
	EXPECT(&q, "SELECT version_compare('50.4.1b', '50.4.1c')", "-1");
	EXPECT(&q, "SELECT version_compare('1.0.0~rc2^2021', '1.0.0', "
	    "'RHEL')", "-1");
	EXPECT(&q, "SELECT version_compare('1:1.2.13-2', '4.2.1', 'ARCH')",
	    "1");
	/* The flavor in any case; a fourth argument is ignored. */
	EXPECT(&q, "SELECT version_compare('1.0~rc1', '1.0', 'dpkg')", "-1");
	EXPECT(&q, "SELECT version_compare('1.10', '1.9', 'Dpkg', 'x')", "1");
	EXPECT(&q, "SELECT version_compare('', '')", "0");
	sqlq_close(&q);
}
END_TEST

START_TEST(version_compare_errors)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT_ERROR(&q, "SELECT version_compare(NULL, '1.0')",
	    "Must provide two version strings to compare.");
	EXPECT_ERROR(&q, "SELECT version_compare('1.0', NULL)",
	    "Must provide two version strings to compare.");
	EXPECT_ERROR(&q, "SELECT version_compare('1.0', 1)",
	    "Must provide two version strings to compare.");
	EXPECT_ERROR(&q, "SELECT version_compare('1.0')",
	    "Must provide two version strings to compare.");
	EXPECT_ERROR(&q, "SELECT version_compare()",
	    "Must provide two version strings to compare.");
	EXPECT_ERROR(&q, "SELECT version_compare('1', '2', NULL)",
	    "The optional third parameter is not a string.");
	EXPECT_ERROR(&q, "SELECT version_compare('1', '2', 'deb')",
	    "The optional third parameter does not match one of: "
	    "(ARCH, DPKG, RHEL).");
	sqlq_close(&q);
}
END_TEST

START_TEST(collations_documented)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT '1.0' = '1.0' COLLATE VERSION", "1");
	EXPECT(&q, "SELECT '50.4.1b' < '50.4.1c' COLLATE VERSION", "1");
	EXPECT(&q, "SELECT '20.10a' > '20.102' COLLATE VERSION", "1");
	EXPECT(&q, "SELECT '4:2' = '4:2-1' COLLATE VERSION_ARCH", "1");
	EXPECT(&q, "SELECT '2-2pre' < '2-2rc' COLLATE VERSION_ARCH", "1");
	EXPECT(&q, "SELECT '42.2-1' > '42.1-2' COLLATE VERSION_ARCH", "1");
	EXPECT(&q, "SELECT '1:2.0-10' = '1:2.0-10' COLLATE VERSION_DPKG", "1");
	EXPECT(&q, "SELECT '22.07.5-2ubuntu1.3' < '22.07.5-2ubuntu1.4' "
	    "COLLATE VERSION_DPKG", "1");
	EXPECT(&q, "SELECT '2:8.2.3995-1ubuntu2.9' > "
	    "'2:8.2.3995-1ubuntu2.3' COLLATE VERSION_DPKG", "1");
	EXPECT(&q, "SELECT '0.5.0~rc1^202' = '0.5.0~rc1^202' "
	    "COLLATE VERSION_RHEL", "1");
	EXPECT(&q, "SELECT '1.1.0~BETA2' < '1.1.0~CR1' COLLATE VERSION_RHEL",
	    "1");
	EXPECT(&q, "SELECT '1.0.0' > '1.0.0~rc2' COLLATE VERSION_RHEL", "1");
	sqlq_close(&q);
}
END_TEST

START_TEST(collations_sort)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT group_concat(v, ' ') FROM (SELECT column1 AS v "
	    "FROM (VALUES ('1.0'), ('1.0~rc1'), ('1:0.1'), ('1.0-1'), "
	    "('1.0+b1'), ('1.0~~'), ('0.9')) ORDER BY v COLLATE version_dpkg)",
	    "0.9 1.0~~ 1.0~rc1 1.0 1.0-1 1.0+b1 1:0.1");
	EXPECT(&q, "SELECT group_concat(v, ' ') FROM (SELECT column1 AS v "
	    "FROM (VALUES ('1.0^git1'), ('1.0'), ('1.0~rc1'), ('1.01'), "
	    "('0.9')) ORDER BY v COLLATE version_rhel)",
	    "0.9 1.0~rc1 1.0 1.0^git1 1.01");
	EXPECT(&q, "SELECT group_concat(v, ' ') FROM (SELECT column1 AS v "
	    "FROM (VALUES ('1.0'), ('1.0rc'), ('1.0a'), ('1.0.1'), ('1:0.1')) "
	    "ORDER BY v COLLATE version_arch)", "1.0a 1.0rc 1.0 1.0.1 1:0.1");
	EXPECT(&q, "SELECT group_concat(v, ' ') FROM (SELECT column1 AS v "
	    "FROM (VALUES ('1.10'), ('1.9'), ('1.2.3'), ('1.0')) "
	    "ORDER BY v COLLATE version)", "1.0 1.2.3 1.9 1.10");
	/* The binary order disagrees, to show the collation is used. */
	EXPECT(&q, "SELECT group_concat(v, ' ') FROM (SELECT column1 AS v "
	    "FROM (VALUES ('1.10'), ('1.9')) ORDER BY v)", "1.10 1.9");
	sqlq_close(&q);
}
END_TEST

START_TEST(collation_in_schema)
{
	struct sqlq q;

	sqlq_open(&q);
	/* A column declared with the collation sorts, compares and
	 * indexes by it. */
	EXPECT(&q, "CREATE TABLE pkgs(name TEXT, version TEXT COLLATE "
	    "version_dpkg)", "NO ROW");
	EXPECT(&q, "INSERT INTO pkgs VALUES ('a', '2.36-9+deb12u10'), "
	    "('b', '2.36-9+deb12u4'), ('c', '2.36-9'), ('d', '1:1.0')",
	    "NO ROW");
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM pkgs "
	    "ORDER BY version)", "cbad");
	EXPECT(&q, "SELECT group_concat(name, '') FROM (SELECT name FROM pkgs "
	    "WHERE version > '2.36-9+deb12u5' ORDER BY version)", "ad");
	EXPECT(&q, "CREATE INDEX pkgs_version ON pkgs(version)", "NO ROW");
	EXPECT(&q, "SELECT max(version) FROM pkgs", "1:1.0");
	EXPECT(&q, "SELECT min(version) FROM pkgs", "2.36-9");
	sqlq_close(&q);
}
END_TEST

Suite	*suite_vercmp(void);

Suite *
suite_vercmp(void)
{
	Suite *s = suite_create("vercmp");
	TCase *tc = tcase_create("orders");

	tcase_add_test(tc, dpkg_order);
	tcase_add_test(tc, rpm_order);
	tcase_add_test(tc, arch_order);
	tcase_add_test(tc, generic_order);
	tcase_add_test(tc, lengths_not_nul);
	tcase_add_test(tc, orders_consistent);
	suite_add_tcase(s, tc);

	tc = tcase_create("sql");
	tcase_add_test(tc, version_compare_sql);
	tcase_add_test(tc, version_compare_errors);
	tcase_add_test(tc, collations_documented);
	tcase_add_test(tc, collations_sort);
	tcase_add_test(tc, collation_in_schema);
	suite_add_tcase(s, tc);
	return s;
}
