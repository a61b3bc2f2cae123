/*
 * yum's INI files: a Fedora .repo file as Fedora ships it, yum.conf with
 * a repository in it, and a file with every odd line dnf may meet
 * (comments, junk, spaced headers, continued values, repeated keys, a
 * header never closed).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/inifile.h"
#include "fixture.h"

struct items {
	struct ini_item	v[32];
	int		n;
	int		sections;
	char		*buf;		/* the spans point into it */
};

static void
parse(const char *name, struct items *it)
{
	struct span section = { NULL, 0 };
	size_t len, off = 0;
	char *buf = fixture_load("yum", name, &len);

	memset(it, 0, sizeof(*it));
	it->buf = buf;
	while (it->n < 32 && ini_next(buf, len, &off, &section,
	    &it->v[it->n])) {
		if (it->v[it->n].kind == INI_SECTION)
			it->sections++;
		it->n++;
	}
}

static const struct ini_item *
key(const struct items *it, const char *section, const char *k, int nth)
{
	int i;

	for (i = 0; i < it->n; i++)
		if (it->v[i].kind == INI_KEY &&
		    txt_eq(it->v[i].section, section) &&
		    txt_eq(it->v[i].key, k) && nth-- == 0)
			return &it->v[i];
	return NULL;
}

START_TEST(fedora_repo)
{
	struct items it;
	const struct ini_item *k;

	parse("fedora.repo", &it);
	ck_assert_int_eq(it.sections, 2);
	ck_assert_ptr_nonnull(k = key(&it, "fedora", "name", 0));
	ck_assert(txt_eq(k->value, "Fedora $releasever - $basearch"));
	ck_assert_ptr_null(key(&it, "fedora", "baseurl", 0));
	ck_assert_ptr_nonnull(k = key(&it, "fedora", "metalink", 0));
	ck_assert(txt_eq(k->value, "https://mirrors.fedoraproject.org/"
	    "metalink?repo=fedora-$releasever&arch=$basearch"));
	ck_assert_ptr_nonnull(k = key(&it, "fedora-debuginfo", "enabled", 0));
	ck_assert(txt_eq(k->value, "0"));
	free(it.buf);
}
END_TEST

START_TEST(odd_lines)
{
	struct items it;
	const struct ini_item *k;
	char joined[256];

	parse("odd.repo", &it);
	ck_assert_int_eq(it.sections, 2);
	ck_assert_int_eq(it.n, 11);
	ck_assert(txt_eq(it.v[0].section, "spaced"));
	ck_assert_ptr_nonnull(k = key(&it, "spaced", "name", 0));
	ck_assert(txt_eq(k->value, "Spaced  name"));
	ck_assert_ptr_nonnull(k = key(&it, "spaced", "baseurl", 0));
	ck_assert(txt_eq(k->value, "http://a.example.org/repo/"));
	ini_join(k->full, joined, sizeof(joined));
	ck_assert_str_eq(joined, "http://a.example.org/repo/ "
	    "http://b.example.org/repo/ https://c.example.org/repo/");
	ini_join(k->full, joined, 12);
	ck_assert_str_eq(joined, "http://a.ex");
	ck_assert_ptr_nonnull(k = key(&it, "spaced", "gpgkey", 0));
	ck_assert_uint_eq(k->value.len, 0);
	ck_assert_uint_eq(ini_join(k->full, joined, sizeof(joined)), 0);
	ck_assert_ptr_nonnull(k = key(&it, "last", "name", 1));
	ck_assert(txt_eq(k->value, "second"));
	ck_assert_ptr_nonnull(k = key(&it, "last", "gpgcheck", 0));
	ck_assert(txt_eq(k->value, "0"));
	/* The line under a header never closed is in the section before. */
	ck_assert_ptr_nonnull(k = key(&it, "last", "baseurl", 0));
	ck_assert(txt_eq(k->value, "http://unclosed.example.org/"));
	free(it.buf);
}
END_TEST

START_TEST(yum_conf)
{
	struct items it;
	const struct ini_item *k;
	char joined[64];

	parse("yum.conf", &it);
	ck_assert_int_eq(it.sections, 2);
	ck_assert_ptr_nonnull(k = key(&it, "main", "reposdir", 0));
	ini_join(k->full, joined, sizeof(joined));
	ck_assert_str_eq(joined, "/etc/one.d, /etc/two.d");
	ck_assert_ptr_nonnull(key(&it, "inline", "baseurl", 0));
	ck_assert_uint_eq(ini_join(k->full, joined, 0), 0);
	free(it.buf);
}
END_TEST

Suite	*suite_inifile(void);

Suite *
suite_inifile(void)
{
	Suite *s = suite_create("inifile");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, fedora_repo);
	tcase_add_test(tc, odd_lines);
	tcase_add_test(tc, yum_conf);
	suite_add_tcase(s, tc);
	return s;
}
