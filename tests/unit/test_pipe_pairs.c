/*
 * Pairing pipe ends: a pipe with one reader and two writers, a pipe
 * whose other end is closed, two readers with no writer, a process
 * holding both ends, a FIFO and an anonymous pipe with the same inode
 * number, ends that both read and write; and the mode of a link.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../tables/pipe_pairs.h"

struct out {
	char	text[1024];
	size_t	len;
};

/* "pid/fd>partner_pid/fd " for each call, "pid/fd>- " alone. */
static int
record(void *arg, const struct pipe_end *e, const struct pipe_end *p)
{
	struct out *o = arg;
	int n;

	if (p != NULL)
		n = snprintf(o->text + o->len, sizeof(o->text) - o->len,
		    "%d/%u>%d/%u ", e->pid, e->fd, p->pid, p->fd);
	else
		n = snprintf(o->text + o->len, sizeof(o->text) - o->len,
		    "%d/%u>- ", e->pid, e->fd);
	ck_assert_int_gt(n, 0);
	o->len += (size_t)n;
	ck_assert_uint_lt(o->len, sizeof(o->text));
	return 0;
}

static void
add(struct pipe_ends *pe, int named, uint64_t dev, uint64_t inode,
    int32_t pid, uint32_t fd, const char *mode)
{
	struct pipe_end e;

	memset(&e, 0, sizeof(e));
	e.named = (uint8_t)named;
	e.dev = dev;
	e.inode = inode;
	e.pid = pid;
	e.fd = fd;
	strcpy(e.mode, mode);
	ck_assert_int_eq(pipe_ends_add(pe, &e), 0);
}

static const char *
pair_all(struct pipe_ends *pe, struct out *o)
{
	memset(o, 0, sizeof(*o));
	ck_assert_int_eq(pipe_ends_pair(pe, record, o), 0);
	return o->text;
}

START_TEST(pairs_reader_writers)
{
	struct pipe_ends pe = { 0 };
	struct out o;

	add(&pe, 0, 0, 100, 30, 5, "w");
	add(&pe, 0, 0, 100, 10, 3, "r");
	add(&pe, 0, 0, 100, 20, 4, "w");
	ck_assert_str_eq(pair_all(&pe, &o),
	    "10/3>20/4 10/3>30/5 20/4>10/3 30/5>10/3 ");
	pipe_ends_free(&pe);
}
END_TEST

START_TEST(pairs_alone)
{
	struct pipe_ends pe = { 0 };
	struct out o;

	/* Closed other end; two readers only; one process, both ends. */
	add(&pe, 0, 0, 7, 40, 1, "r");
	add(&pe, 0, 0, 8, 50, 0, "r");
	add(&pe, 0, 0, 8, 60, 0, "r");
	add(&pe, 0, 0, 9, 70, 4, "w");
	add(&pe, 0, 0, 9, 70, 3, "r");
	ck_assert_str_eq(pair_all(&pe, &o),
	    "40/1>- 50/0>- 60/0>- 70/3>70/4 70/4>70/3 ");
	pipe_ends_free(&pe);
}
END_TEST

START_TEST(pairs_named_apart)
{
	struct pipe_ends pe = { 0 };
	struct out o;

	/* The same inode number on pipefs and on a filesystem, and on two
	 * filesystems: four different pipes. */
	add(&pe, 1, 5, 100, 80, 1, "r");
	add(&pe, 0, 0, 100, 90, 1, "w");
	add(&pe, 1, 6, 100, 95, 1, "w");
	add(&pe, 1, 5, 101, 99, 1, "w");
	ck_assert_str_eq(pair_all(&pe, &o), "90/1>- 80/1>- 99/1>- 95/1>- ");
	pipe_ends_free(&pe);

	/* Ends that read and write pair with every other end. */
	add(&pe, 1, 5, 100, 1, 1, "rw");
	add(&pe, 1, 5, 100, 2, 2, "rw");
	add(&pe, 1, 5, 100, 3, 3, "r");
	ck_assert_str_eq(pair_all(&pe, &o),
	    "1/1>2/2 1/1>3/3 2/2>1/1 2/2>3/3 3/3>1/1 3/3>2/2 ");
	pipe_ends_free(&pe);

	ck_assert_str_eq(pair_all(&pe, &o), "");
}
END_TEST

static int
stop_at_first(void *arg, const struct pipe_end *e, const struct pipe_end *p)
{
	(void)e;
	(void)p;
	(*(int *)arg)++;
	return 7;
}

START_TEST(pairs_stop)
{
	struct pipe_ends pe = { 0 };
	int calls = 0;

	add(&pe, 0, 0, 1, 1, 1, "r");
	add(&pe, 0, 0, 1, 2, 1, "w");
	add(&pe, 0, 0, 2, 3, 1, "w");
	ck_assert_int_eq(pipe_ends_pair(&pe, stop_at_first, &calls), 7);
	ck_assert_int_eq(calls, 1);
	pipe_ends_free(&pe);
}
END_TEST

START_TEST(pairs_mode)
{
	char m[3];

	pipe_mode(0500, m);
	ck_assert_str_eq(m, "r");
	pipe_mode(0300, m);
	ck_assert_str_eq(m, "w");
	pipe_mode(0700, m);
	ck_assert_str_eq(m, "rw");
	pipe_mode(0120700, m);
	ck_assert_str_eq(m, "rw");
	pipe_mode(0100, m);
	ck_assert_str_eq(m, "");
}
END_TEST

Suite	*suite_pipe_pairs(void);

Suite *
suite_pipe_pairs(void)
{
	Suite *s = suite_create("pipe_pairs");
	TCase *tc = tcase_create("pair");

	tcase_add_test(tc, pairs_reader_writers);
	tcase_add_test(tc, pairs_alone);
	tcase_add_test(tc, pairs_named_apart);
	tcase_add_test(tc, pairs_stop);
	tcase_add_test(tc, pairs_mode);
	suite_add_tcase(s, tc);
	return s;
}
