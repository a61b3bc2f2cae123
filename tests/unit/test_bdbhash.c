/*
 * Berkeley DB hash files: rpm's Packages file made here with db5.3_load
 * (pages of 512 bytes, so that a header runs over a chain of overflow
 * pages, and a small one sits in its bucket), in both byte orders, then
 * the little-endian one broken every way its pages can be.  rpm read
 * both files back (rpm --define '_db_backend bdb_ro' -qa) before they
 * became fixtures.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/bdbhash.h"
#include "../../tables/rpmheader.h"
#include "fixture.h"

#define PAGE	512

struct file {
	unsigned char	*buf;
	size_t		 len;
};

struct seen {
	int		 pairs;
	int		 headers;
	char		 names[4][32];
};

static int
read_page(void *arg, uint32_t pgno, unsigned char *buf, size_t pagesize)
{
	const struct file *f = arg;

	if ((size_t)pgno * pagesize + pagesize > f->len)
		return -1;
	memcpy(buf, f->buf + (size_t)pgno * pagesize, pagesize);
	return 0;
}

static int
pair(void *arg, const unsigned char *key, size_t klen,
    const unsigned char *value, size_t vlen)
{
	struct seen *s = arg;
	struct rpmhdr h;
	struct span name;

	ck_assert_uint_eq(klen, 4);
	s->pairs++;
	if (rpmhdr_open(value, vlen, &h) == 0 &&
	    rpmhdr_string(&h, RPMTAG_NAME, &name) == 0 && s->headers < 4) {
		memcpy(s->names[s->headers], name.p, name.len < 31 ?
		    name.len : 31);
		s->headers++;
	}
	(void)key;
	return 0;
}

static struct file
load(const char *name)
{
	struct file f;

	f.buf = (unsigned char *)fixture_load("rpm", name, &f.len);
	return f;
}

/* Walk a file; the stats, and what was seen in *s. */
static int
walk(struct file *f, struct seen *s, struct bdbhash_stats *st, size_t max)
{
	struct bdbhash h;
	const char *why;

	memset(s, 0, sizeof(*s));
	if (bdbhash_open(f->buf, f->len, f->len, &h, &why) == -1)
		return -1;
	ck_assert_ptr_null(why);
	return bdbhash_walk(&h, read_page, f, max, pair, s, st);
}

START_TEST(both_byte_orders)
{
	static const char *const names[] = { "Packages.bdb",
	    "Packages-be.bdb" };
	struct bdbhash_stats st;
	struct seen s;
	struct file f;
	size_t i;

	for (i = 0; i < 2; i++) {
		f = load(names[i]);
		ck_assert_int_eq(walk(&f, &s, &st, 1 << 20), 0);
		ck_assert_int_eq(s.pairs, 3);	/* rpm's counter too */
		ck_assert_int_eq(s.headers, 2);
		ck_assert_str_eq(s.names[0], "tiny");
		ck_assert_str_eq(s.names[1], "hostql-test");
		ck_assert(st.bad_pages == 0 && st.bad_items == 0);
		ck_assert(!st.read_error && !st.nomem);
		free(f.buf);
	}
}
END_TEST

static void
put16le(unsigned char *p, unsigned int v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
put32le(unsigned char *p, uint32_t v)
{
	put16le(p, v & 0xffff);
	put16le(p + 2, v >> 16);
}

START_TEST(refused_files)
{
	struct bdbhash h;
	struct file f = load("Packages.bdb");
	const char *why;

	ck_assert_int_eq(bdbhash_open(f.buf, 10, f.len, &h, &why), -1);
	ck_assert_int_eq(bdbhash_open(NULL, 0, 0, &h, &why), -1);
	f.buf[16] = 7;				/* version */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	ck_assert_ptr_nonnull(why);
	f.buf[16] = 9;
	put32le(f.buf + 20, 1000);		/* page size */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	put32le(f.buf + 20, PAGE);
	f.buf[24] = 1;				/* encrypted */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	f.buf[24] = 0;
	f.buf[26] = 1;				/* checksummed */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	f.buf[26] = 0;
	f.buf[25] = 9;				/* not a hash meta page */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	f.buf[25] = 8;
	f.buf[12] = 0;				/* magic */
	ck_assert_int_eq(bdbhash_open(f.buf, f.len, f.len, &h, &why), -1);
	free(f.buf);
}
END_TEST

/* Break the fixture with fn, walk it, check what was left. */
static void
broken(void (*fn)(unsigned char *), int pairs, int bad_pages,
    int bad_items)
{
	struct bdbhash_stats st;
	struct seen s;
	struct file f = load("Packages.bdb");

	fn(f.buf);
	ck_assert_int_eq(walk(&f, &s, &st, 1 << 20), 0);
	ck_assert_int_eq(s.pairs, pairs);
	ck_assert_int_eq((int)st.bad_pages, bad_pages);
	ck_assert_int_eq((int)st.bad_items, bad_items);
	free(f.buf);
}

/* Page 1 holds rpm's counter and "tiny"; page 2 "hostql-test", whose
 * header runs over pages 3 to 7. */
static void
chain_loops(unsigned char *b)
{
	put32le(b + 5 * PAGE + 16, 4);
}

static void
chain_cut(unsigned char *b)
{
	put32le(b + 6 * PAGE + 16, 0);
}

static void
chain_leaves_file(unsigned char *b)
{
	put32le(b + 4 * PAGE + 16, 1000);
}

static void
chain_to_bucket(unsigned char *b)
{
	put32le(b + 4 * PAGE + 16, 1);
}

static void
overflow_too_full(unsigned char *b)
{
	put16le(b + 5 * PAGE + 22, PAGE);
}

static void
item_past_page(unsigned char *b)
{
	put16le(b + 1 * PAGE + 26, 600);
}

static void
item_in_header(unsigned char *b)
{
	put16le(b + 1 * PAGE + 28, 20);
}

static void
too_many_entries(unsigned char *b)
{
	put16le(b + 1 * PAGE + 20, 400);
}

static void
wrong_pgno(unsigned char *b)
{
	put32le(b + 2 * PAGE + 8, 9);
}

static void
duplicate_item(unsigned char *b)
{
	b[2 * PAGE + 495] = 2;		/* H_DUPLICATE */
}

START_TEST(broken_pages)
{
	broken(chain_loops, 2, 0, 1);
	broken(chain_cut, 2, 0, 1);
	broken(chain_leaves_file, 2, 0, 1);
	broken(chain_to_bucket, 2, 0, 1);
	broken(overflow_too_full, 2, 0, 1);
	broken(item_past_page, 1, 1, 0);
	broken(item_in_header, 1, 1, 0);
	broken(too_many_entries, 1, 1, 0);
	broken(wrong_pgno, 2, 1, 0);
	broken(duplicate_item, 2, 0, 1);
}
END_TEST

START_TEST(limits)
{
	struct bdbhash_stats st;
	struct seen s;
	struct file f = load("Packages.bdb");

	/* A value longer than the caller takes is skipped. */
	ck_assert_int_eq(walk(&f, &s, &st, 1000), 0);
	ck_assert_int_eq(s.pairs, 2);
	ck_assert_int_eq((int)st.bad_items, 1);
	/* A file cut short: what is there is read. */
	f.len = 3 * PAGE;
	ck_assert_int_eq(walk(&f, &s, &st, 1 << 20), 0);
	ck_assert_int_eq(s.pairs, 2);
	free(f.buf);
}
END_TEST

Suite	*suite_bdbhash(void);

Suite *
suite_bdbhash(void)
{
	Suite *s = suite_create("bdbhash");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, both_byte_orders);
	tcase_add_test(tc, refused_files);
	tcase_add_test(tc, broken_pages);
	tcase_add_test(tc, limits);
	suite_add_tcase(s, tc);
	return s;
}
