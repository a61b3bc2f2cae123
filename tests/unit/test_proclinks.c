/*
 * The PROC_FDS and PROC_NS lists as privd encodes them, and every way a
 * list can be cut or corrupted; link targets and their inode numbers.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/proclinks.h"

struct blob {
	unsigned char	b[512];
	size_t		len;
};

static void
put_u32(struct blob *b, uint32_t v)
{
	b->b[b->len++] = (unsigned char)v;
	b->b[b->len++] = (unsigned char)(v >> 8);
	b->b[b->len++] = (unsigned char)(v >> 16);
	b->b[b->len++] = (unsigned char)(v >> 24);
}

static void
put_str(struct blob *b, const char *s)
{
	size_t n = strlen(s);

	b->b[b->len++] = (unsigned char)n;
	b->b[b->len++] = (unsigned char)(n >> 8);
	memcpy(b->b + b->len, s, n + 1);
	b->len += n + 1;
}

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

static struct blob
fds_blob(void)
{
	struct blob b = { .len = 0 };

	put_u32(&b, 0);
	put_str(&b, "/dev/null");
	put_u32(&b, 3);
	put_str(&b, "pipe:[123]");
	put_u32(&b, 70000);
	put_str(&b, "socket:[9]");
	return b;
}

START_TEST(links_fds)
{
	struct blob b = fds_blob();
	struct proclinks c;
	struct span t;
	uint32_t fd;

	proclinks_init(&c, (const char *)b.b, b.len);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 1);
	ck_assert_uint_eq(fd, 0);
	ck_assert(span_is(t, "/dev/null"));
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 1);
	ck_assert_uint_eq(fd, 3);
	ck_assert_uint_eq(proclinks_inode(t, "pipe"), 123);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 1);
	ck_assert_uint_eq(fd, 70000);
	ck_assert(proclinks_is(t, "socket"));
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 0);

	proclinks_init(&c, NULL, 5);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 0);
}
END_TEST

/* Every cut of the list yields its whole entries, then -1 (or 0 at an
 * entry boundary); never a read past the cut. */
START_TEST(links_fds_cut)
{
	struct blob b = fds_blob();
	struct proclinks c;
	struct span t;
	uint32_t fd;
	size_t n;
	char *cut;
	int rc;

	for (n = 0; n < b.len; n++) {
		cut = malloc(n + 1);
		memcpy(cut, b.b, n);
		proclinks_init(&c, cut, n);
		while ((rc = proclinks_next_fd(&c, &fd, &t)) == 1)
			ck_assert(t.p + t.len < cut + n);
		if (n != 0 && n != 16 && n != 33)
			ck_assert_int_eq(rc, -1);
		/* After an error the cursor stays at the end. */
		ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), 0);
		free(cut);
	}
}
END_TEST

START_TEST(links_corrupt)
{
	struct blob b;
	struct proclinks c;
	struct span t, name;
	uint32_t fd;

	/* A string whose NUL is not where its length says. */
	b = fds_blob();
	b.b[4 + 2 + 9] = 'x';
	proclinks_init(&c, (const char *)b.b, b.len);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), -1);

	/* A NUL inside a string. */
	b = fds_blob();
	b.b[4 + 2 + 3] = '\0';
	proclinks_init(&c, (const char *)b.b, b.len);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), -1);

	/* A length past the end. */
	b = fds_blob();
	b.b[4] = 0xff;
	b.b[5] = 0xff;
	proclinks_init(&c, (const char *)b.b, b.len);
	ck_assert_int_eq(proclinks_next_fd(&c, &fd, &t), -1);

	/* Namespaces: a name, then a target that is cut. */
	b.len = 0;
	put_str(&b, "net");
	put_str(&b, "net:[4026531840]");
	put_str(&b, "pid");
	proclinks_init(&c, (const char *)b.b, b.len);
	ck_assert_int_eq(proclinks_next_ns(&c, &name, &t), 1);
	ck_assert(span_is(name, "net"));
	ck_assert_uint_eq(proclinks_inode(t, "net"), 4026531840ULL);
	ck_assert_int_eq(proclinks_next_ns(&c, &name, &t), -1);
	ck_assert_int_eq(proclinks_next_ns(&c, &name, &t), 0);
}
END_TEST

START_TEST(links_targets)
{
	static const struct {
		const char	*target;
		const char	*kind;
		uint64_t	 inode;
	} cases[] = {
		{ "pipe:[1]", "pipe", 1 },
		{ "pipe:[18446744073709551615]", "pipe", UINT64_MAX },
		{ "pipe:[18446744073709551616]", "pipe", 0 },
		{ "pipe:[]", "pipe", 0 },
		{ "pipe:[12", "pipe", 0 },
		{ "pipe:[1x]", "pipe", 0 },
		{ "pipe:12]", "pipe", 0 },
		{ "pipes:[1]", "pipe", 0 },
		{ "pipe", "pipe", 0 },
		{ "", "pipe", 0 },
		{ "net:[7]", NULL, 7 },
		{ ":[7]", NULL, 0 },
		{ "/tmp/pipe:[1]", "pipe", 0 },
		{ "anon_inode:[eventfd]", NULL, 0 },
	};
	struct span t;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t.p = cases[i].target;
		t.len = strlen(cases[i].target);
		ck_assert_msg(proclinks_inode(t, cases[i].kind) ==
		    cases[i].inode, "%s", cases[i].target);
	}
	t.p = "anon_inode:[eventfd]";
	t.len = strlen(t.p);
	ck_assert(proclinks_is(t, "anon_inode"));
	ck_assert(!proclinks_is(t, "anon"));
	t.p = "pipe";
	t.len = 4;
	ck_assert(!proclinks_is(t, "pipe"));
}
END_TEST

Suite	*suite_proclinks(void);

Suite *
suite_proclinks(void)
{
	Suite *s = suite_create("proclinks");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, links_fds);
	tcase_add_test(tc, links_fds_cut);
	tcase_add_test(tc, links_corrupt);
	tcase_add_test(tc, links_targets);
	suite_add_tcase(s, tc);
	return s;
}
