/*
 * The iptables blob walker on tables captured from this kernel (see
 * tests/fixtures/iptables/filter.save for the rules), and on every way
 * the blob can lie: truncation, offsets and sizes out of their entry or
 * table, counts that do not add up, and bytes flipped anywhere.  A bad
 * blob must give an error and no rows at all.
 */
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>

#include <check.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/iptables_parse.h"
#include "fixture.h"

Suite	*suite_iptables(void);

#define MAXROWS		32
#define ROW_TEXT	512
/* Where the entries start in a blob: GET_INFO's answer, then
 * GET_ENTRIES's header. */
#define ENTRIES_AT	(sizeof(struct ipt_getinfo) + \
			    sizeof(struct ipt_get_entries))

struct rows {
	char	v[MAXROWS][ROW_TEXT];
	size_t	n;
	int	stop_after;	/* > 0: stop with -1234 at that row */
};

static int
add(struct rows *r, const char *text)
{
	if (r->n < MAXROWS)
		snprintf(r->v[r->n], ROW_TEXT, "%s", text);
	r->n++;
	if (r->stop_after > 0 && r->n == (size_t)r->stop_after)
		return -1234;
	return 0;
}

/* chain|policy|target|proto|match|sport|dport|src/smask|in/inmask|
 * dst/dmask|out/outmask|packets|bytes */
static int
on_rule(void *arg, const struct iptp_rule *x)
{
	char t[ROW_TEXT];

	snprintf(t, sizeof(t),
	    "%s|%s|%s|%s%u|%s|%s|%s|%s/%s|%s/%s|%s/%s|%s/%s|%llu|%llu",
	    x->chain->name, x->chain->policy, x->target,
	    x->protocol_inverted ? "!" : "", x->protocol,
	    x->has_match ? "yes" : "no",
	    x->has_ports ? x->src_port : "", x->has_ports ? x->dst_port : "",
	    x->src_ip, x->src_mask, x->iniface, x->iniface_mask,
	    x->dst_ip, x->dst_mask, x->outiface, x->outiface_mask,
	    (unsigned long long)x->packets, (unsigned long long)x->bytes);
	return add(arg, t);
}

static int
on_chain(void *arg, const struct iptp_chain *c)
{
	char t[ROW_TEXT];

	snprintf(t, sizeof(t), "chain %s|%s|%llu|%llu", c->name, c->policy,
	    (unsigned long long)c->packets, (unsigned long long)c->bytes);
	return add(arg, t);
}

static unsigned char *
blob(const char *name, size_t *len)
{
	return (unsigned char *)fixture_load("iptables", name, len);
}

static const char *const filter_rows[] = {
	"INPUT|ACCEPT|hostqltest|0|no|||0.0.0.0/0.0.0.0|all/|"
	    "0.0.0.0/0.0.0.0|all/|7|700",
	"INPUT|ACCEPT|ACCEPT|6|yes|1:1023|0:65535|0.0.0.0/0.0.0.0|all/|"
	    "0.0.0.0/0.0.0.0|all/|0|0",
	"chain INPUT|ACCEPT|0|0",
	"chain FORWARD|DROP|0|0",
	"OUTPUT|ACCEPT|DROP|0|no|||0.0.0.0/0.0.0.0|all/|"
	    "127.0.0.0/255.0.0.0|!lo/FFFFFF|0|0",
	"chain OUTPUT|ACCEPT|0|0",
	"chain hostqlempty||0|0",
	"hostqltest||ACCEPT|6|yes|0:65535|2222:2222|"
	    "10.1.2.0/255.255.255.0|all/|0.0.0.0/0.0.0.0|all/|5|500",
	"hostqltest||DROP|17|yes|53:53|0:65535|0.0.0.0/0.0.0.0|"
	    "eth0/FFFFFFFFFF|192.168.7.7/255.255.255.255|all/|0|0",
	"hostqltest||REJECT|6|yes|0:65535|!1000:2000|!10.9.0.0/255.255.0.0|"
	    "all/|0.0.0.0/0.0.0.0|eth+/FFFFFF|0|0",
	"hostqltest||LOG|1|no|||0.0.0.0/0.0.0.0|all/|0.0.0.0/0.0.0.0|all/|"
	    "0|0",
	/* A comment match and no target: falls through. */
	"hostqltest|||0|yes|||0.0.0.0/0.0.0.0|all/|0.0.0.0/0.0.0.0|all/|"
	    "0|0",
	"hostqltest||RETURN|!17|no|||0.0.0.0/0.0.0.0|all/|0.0.0.0/0.0.0.0|"
	    "all/|0|0",
	"hostqltest||hostqlempty|0|no|||0.0.0.0/0.0.0.0|all/|"
	    "0.0.0.0/0.0.0.0|all/|0|0",
	"chain hostqltest||0|0",
};

START_TEST(filter_rules)
{
	struct rows r;
	unsigned char *b;
	size_t len, i;

	memset(&r, 0, sizeof(r));
	b = blob("filter.bin", &len);
	ck_assert_int_eq(iptp_walk(b, len, on_rule, on_chain, &r), 0);
	ck_assert_uint_eq(r.n, sizeof(filter_rows) / sizeof(filter_rows[0]));
	for (i = 0; i < r.n; i++)
		ck_assert_str_eq(r.v[i], filter_rows[i]);
	free(b);
}
END_TEST

START_TEST(filter_empty)
{
	struct rows r;
	unsigned char *b;
	size_t len;

	memset(&r, 0, sizeof(r));
	b = blob("filter-empty.bin", &len);
	ck_assert_int_eq(iptp_walk(b, len, on_rule, on_chain, &r), 0);
	ck_assert_uint_eq(r.n, 3);
	ck_assert_str_eq(r.v[0], "chain INPUT|ACCEPT|270|17820");
	ck_assert_str_eq(r.v[1], "chain FORWARD|ACCEPT|0|0");
	ck_assert_str_eq(r.v[2], "chain OUTPUT|ACCEPT|270|17820");
	free(b);
}
END_TEST

START_TEST(callback_stops)
{
	struct rows r;
	unsigned char *b;
	size_t len;

	memset(&r, 0, sizeof(r));
	r.stop_after = 3;
	b = blob("filter.bin", &len);
	ck_assert_int_eq(iptp_walk(b, len, on_rule, on_chain, &r), -1234);
	ck_assert_uint_eq(r.n, 3);
	free(b);
}
END_TEST

/* A walk that must fail without reporting a single row. */
static void
expect_bad(const unsigned char *b, size_t len, const char *what)
{
	struct rows r;

	memset(&r, 0, sizeof(r));
	ck_assert_msg(iptp_walk(b, len, on_rule, on_chain, &r) == -EBADMSG,
	    "%s: accepted", what);
	ck_assert_msg(r.n == 0, "%s: %zu rows", what, r.n);
}

START_TEST(truncated)
{
	unsigned char *b, *cut;
	size_t len, n;

	b = blob("filter.bin", &len);
	for (n = 0; n < len; n++) {
		/* Exactly n bytes, so reading past them is caught. */
		cut = malloc(n > 0 ? n : 1);
		ck_assert_ptr_nonnull(cut);
		memcpy(cut, b, n);
		expect_bad(cut, n, "truncated");
		free(cut);
	}
	expect_bad(NULL, 0, "NULL");
	free(b);
}
END_TEST

START_TEST(longer_than_said)
{
	unsigned char *b, *big;
	size_t len;

	b = blob("filter.bin", &len);
	big = calloc(1, len + 8);
	ck_assert_ptr_nonnull(big);
	memcpy(big, b, len);
	expect_bad(big, len + 8, "trailing bytes");
	free(big);
	free(b);
}
END_TEST

/* The first entry of filter.bin, for the tests that corrupt it. */
static void
first_entry(unsigned char *b, struct ipt_entry *e)
{
	memcpy(e, b + ENTRIES_AT, sizeof(*e));
}

static void
put_first_entry(unsigned char *b, const struct ipt_entry *e)
{
	memcpy(b + ENTRIES_AT, e, sizeof(*e));
}

START_TEST(entry_offsets)
{
	static const unsigned int next[] = { 0, 1, 111, 112, 143, 0xffff };
	static const unsigned int target[] = { 0, 1, 111, 0xfff0, 0xffff };
	struct ipt_entry e, orig;
	unsigned char *b;
	size_t len, i;

	b = blob("filter.bin", &len);
	first_entry(b, &orig);
	for (i = 0; i < sizeof(next) / sizeof(next[0]); i++) {
		e = orig;
		e.next_offset = (uint16_t)next[i];
		put_first_entry(b, &e);
		expect_bad(b, len, "next_offset");
	}
	for (i = 0; i < sizeof(target) / sizeof(target[0]); i++) {
		e = orig;
		e.target_offset = (uint16_t)target[i];
		put_first_entry(b, &e);
		expect_bad(b, len, "target_offset");
	}
	free(b);
}
END_TEST

START_TEST(target_and_match_sizes)
{
	static const unsigned int sizes[] = { 0, 1, 31, 0x7fff, 0xffff };
	struct ipt_entry e;
	struct xt_entry_target t;
	struct xt_entry_match m;
	unsigned char *b;
	size_t len, i, at;

	b = blob("filter.bin", &len);
	first_entry(b, &e);
	at = ENTRIES_AT + e.target_offset;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memcpy(&t, b + at, sizeof(t));
		t.u.user.target_size = (uint16_t)sizes[i];
		memcpy(b + at, &t, sizeof(t));
		expect_bad(b, len, "target_size");
	}
	free(b);

	/* The second rule of INPUT has a tcp match right after it. */
	b = blob("filter.bin", &len);
	first_entry(b, &e);
	at = ENTRIES_AT + e.next_offset + sizeof(struct ipt_entry);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memcpy(&m, b + at, sizeof(m));
		ck_assert_str_eq(m.u.user.name, "tcp");
		m.u.user.match_size = (uint16_t)sizes[i];
		memcpy(b + at, &m, sizeof(m));
		expect_bad(b, len, "match_size");
	}
	free(b);
}
END_TEST

START_TEST(header_lies)
{
	struct ipt_getinfo info, orig;
	unsigned char *b;
	size_t len;
	int h;

	b = blob("filter.bin", &len);
	memcpy(&orig, b, sizeof(orig));

	info = orig;
	info.num_entries++;
	memcpy(b, &info, sizeof(info));
	expect_bad(b, len, "num_entries + 1");

	info = orig;
	info.size += 8;
	memcpy(b, &info, sizeof(info));
	expect_bad(b, len, "size");

	/* A valid hook whose offsets are not an entry's. */
	for (h = 0; h < NF_INET_NUMHOOKS; h++) {
		if (!(orig.valid_hooks & (1u << h)))
			continue;
		info = orig;
		info.hook_entry[h] += 4;
		memcpy(b, &info, sizeof(info));
		expect_bad(b, len, "hook_entry");
		info = orig;
		info.underflow[h] = 0xfffffff0;
		memcpy(b, &info, sizeof(info));
		expect_bad(b, len, "underflow");
	}

	/* INPUT's policy placed at the start of FORWARD: outside INPUT. */
	info = orig;
	info.underflow[NF_INET_LOCAL_IN] = orig.hook_entry[NF_INET_FORWARD];
	memcpy(b, &info, sizeof(info));
	expect_bad(b, len, "underflow outside its chain");
	free(b);
}
END_TEST

/* Any byte of the blob set to anything: an error or rows, never a
 * read out of bounds (the sanitizer build watches). */
START_TEST(flipped_bytes)
{
	static const unsigned char values[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
	struct rows r;
	unsigned char *b, keep;
	size_t len, i, v;
	int rc;

	b = blob("filter.bin", &len);
	for (i = 0; i < len; i++) {
		keep = b[i];
		for (v = 0; v < sizeof(values); v++) {
			b[i] = values[v];
			memset(&r, 0, sizeof(r));
			rc = iptp_walk(b, len, on_rule, on_chain, &r);
			ck_assert(rc == 0 || rc == -EBADMSG);
			if (rc == -EBADMSG)
				ck_assert_uint_eq(r.n, 0);
		}
		b[i] = keep;
	}
	free(b);
}
END_TEST

Suite *
suite_iptables(void)
{
	Suite *s = suite_create("iptables");
	TCase *tc = tcase_create("walk");

	tcase_add_test(tc, filter_rules);
	tcase_add_test(tc, filter_empty);
	tcase_add_test(tc, callback_stops);
	tcase_add_test(tc, truncated);
	tcase_add_test(tc, longer_than_said);
	tcase_add_test(tc, entry_offsets);
	tcase_add_test(tc, target_and_match_sizes);
	tcase_add_test(tc, header_lies);
	tcase_add_test(tc, flipped_bytes);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
