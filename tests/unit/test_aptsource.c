/*
 * APT's sources: the one-line and deb822 forms with what APT takes and
 * leaves, this system's debian.sources, the names of the Release files
 * (checked against what apt-get indextargets printed for the same
 * sources), and the head of this system's InRelease.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/aptsource.h"
#include "../../tables/deb822.h"
#include "fixture.h"

#define MAX_SOURCES	16

struct found {
	char	name[MAX_SOURCES][256];
	char	prefix[MAX_SOURCES][256];
	char	base[MAX_SOURCES][256];
	int	n;
};

static int
collect(void *arg, const struct apt_source *src)
{
	struct found *f = arg;
	struct span b = apt_base_uri(src);

	ck_assert_int_lt(f->n, MAX_SOURCES);
	ck_assert_int_eq(apt_source_name(src, f->name[f->n], 256), 0);
	ck_assert_int_eq(apt_lists_prefix(src, f->prefix[f->n], 256), 0);
	snprintf(f->base[f->n], 256, "%.*s", (int)b.len, b.p);
	f->n++;
	return 0;
}

static void
lines(const char *name, struct found *f)
{
	struct apt_source src;
	struct span line;
	size_t len, off = 0;
	char *buf = fixture_load("apt", name, &len);

	memset(f, 0, sizeof(*f));
	while (txt_next_line(buf, len, &off, &line))
		if (apt_parse_line(line, &src) == 0)
			collect(f, &src);
	free(buf);
}

static void
stanzas(const char *name, struct found *f)
{
	struct span st;
	size_t len, off = 0;
	char *buf = fixture_load("apt", name, &len);

	memset(f, 0, sizeof(*f));
	while (deb822_next_stanza(buf, len, &off, &st))
		ck_assert_int_eq(apt_parse_stanza(st, collect, f), 0);
	free(buf);
}

START_TEST(one_line_form)
{
	struct found f;

	lines("sources.list", &f);
	ck_assert_int_eq(f.n, 6);
	ck_assert_str_eq(f.name[0], "example.org/flat ./");
	ck_assert_str_eq(f.prefix[0], "example.org_flat_._");
	ck_assert_str_eq(f.base[0], "http://example.org/flat");
	ck_assert_str_eq(f.name[1], "user:pw@example.org:8080/deb~x sub/dir/");
	ck_assert_str_eq(f.prefix[1], "example.org:8080_deb%7ex_sub_dir_");
	ck_assert_str_eq(f.name[2], "example.org/debian bookworm");
	ck_assert_str_eq(f.prefix[2], "example.org_debian_dists_bookworm_");
	ck_assert_str_eq(f.name[3], "/srv/repo stable");
	ck_assert_str_eq(f.prefix[3], "_srv_repo_dists_stable_");
	ck_assert_str_eq(f.base[3], "file:/srv/repo");
	ck_assert_str_eq(f.name[4], "example.org/a_b bookworm");
	ck_assert_str_eq(f.prefix[4], "example.org_a%5fb_dists_bookworm_");
	ck_assert_str_eq(f.name[5], "tabs.example.org/debian trixie");
}
END_TEST

START_TEST(deb822_form)
{
	struct found f;

	stanzas("debian.sources", &f);
	ck_assert_int_eq(f.n, 3);
	ck_assert_str_eq(f.name[0], "deb.debian.org/debian bookworm");
	ck_assert_str_eq(f.prefix[0],
	    "deb.debian.org_debian_dists_bookworm_");
	ck_assert_str_eq(f.name[1], "deb.debian.org/debian bookworm-updates");
	ck_assert_str_eq(f.name[2],
	    "deb.debian.org/debian-security bookworm-security");
	ck_assert_str_eq(f.base[2], "http://deb.debian.org/debian-security");

	stanzas("more.sources", &f);
	ck_assert_int_eq(f.n, 5);
	ck_assert_str_eq(f.name[0], "a.example.org/debian bookworm");
	ck_assert_str_eq(f.name[1], "a.example.org/debian bookworm-updates");
	ck_assert_str_eq(f.name[2], "b.example.org/debian bookworm");
	ck_assert_str_eq(f.base[2], "https://b.example.org/debian");
	ck_assert_str_eq(f.name[3], "b.example.org/debian bookworm-updates");
	ck_assert_str_eq(f.name[4], "on.example.org/debian ./");
	ck_assert_str_eq(f.prefix[4], "on.example.org_debian_._");
}
END_TEST

static int
stop_at_first(void *arg, const struct apt_source *src)
{
	(void)src;
	(*(int *)arg)++;
	return 7;
}

START_TEST(walk_stops)
{
	struct span st = { "Types: deb\nURIs: http://a http://b\n"
	    "Suites: x y", 0 };
	int calls = 0;

	st.len = strlen(st.p);
	ck_assert_int_eq(apt_parse_stanza(st, stop_at_first, &calls), 7);
	ck_assert_int_eq(calls, 1);
}
END_TEST

START_TEST(names_that_do_not_fit)
{
	struct apt_source src;
	struct span line = { "deb http://example.org/debian bookworm", 0 };
	char small[8], big[64];

	line.len = strlen(line.p);
	ck_assert_int_eq(apt_parse_line(line, &src), 0);
	ck_assert_int_eq(apt_source_name(&src, small, sizeof(small)), -1);
	ck_assert_int_eq(apt_lists_prefix(&src, small, sizeof(small)), -1);
	ck_assert_int_eq(apt_lists_prefix(&src, small, 0), -1);
	/* A root flat suite is the URI itself. */
	line.p = "deb http://example.org/repo/ /";
	line.len = strlen(line.p);
	ck_assert_int_eq(apt_parse_line(line, &src), 0);
	ck_assert_int_eq(apt_lists_prefix(&src, big, sizeof(big)), 0);
	ck_assert_str_eq(big, "example.org_repo_");
	/* No '/' after the URI: one is put in, as APT does. */
	line.p = "deb http://example.org/repo bookworm";
	line.len = strlen(line.p);
	ck_assert_int_eq(apt_parse_line(line, &src), 0);
	ck_assert_int_eq(apt_lists_prefix(&src, big, sizeof(big)), 0);
	ck_assert_str_eq(big, "example.org_repo_dists_bookworm_");
}
END_TEST

START_TEST(release_files)
{
	struct apt_release r;
	size_t len;
	char *buf = fixture_load("apt", "InRelease-head", &len);

	ck_assert_int_eq(apt_parse_release(buf, len, &r), 0);
	ck_assert(r.has_codename && txt_eq(r.codename, "bookworm"));
	ck_assert(r.has_origin && txt_eq(r.origin, "Debian"));
	ck_assert(r.has_version && txt_eq(r.version, "12.15"));
	ck_assert(txt_eq(r.components,
	    "main contrib non-free-firmware non-free"));
	ck_assert(txt_eq(r.architectures, "all amd64 arm64 armel armhf i386 "
	    "mips64el mipsel ppc64el s390x"));
	free(buf);

	buf = fixture_load("apt", "Release", &len);
	ck_assert_int_eq(apt_parse_release(buf, len, &r), 0);
	ck_assert(!r.has_codename && !r.has_components);
	ck_assert(txt_eq(r.origin, "Example"));
	ck_assert(txt_eq(r.architectures, "amd64"));
	free(buf);

	ck_assert_int_eq(apt_parse_release("", 0, &r), -1);
	ck_assert_int_eq(apt_parse_release("Hash: SHA256\n", 13, &r), -1);
}
END_TEST

Suite	*suite_aptsource(void);

Suite *
suite_aptsource(void)
{
	Suite *s = suite_create("aptsource");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, one_line_form);
	tcase_add_test(tc, deb822_form);
	tcase_add_test(tc, walk_stops);
	tcase_add_test(tc, names_that_do_not_fit);
	tcase_add_test(tc, release_files);
	suite_add_tcase(s, tc);
	return s;
}
