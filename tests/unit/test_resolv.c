/*
 * resolv.conf as glibc reads it: each tests/fixtures/resolv/rcN.conf
 * against what glibc's res_init made of it on this system (rcN.glibc,
 * see the README there), and the lines glibc itself cannot get through.
 */
#include <sys/socket.h>

#include <resolv.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/resolv_parse.h"
#include "fixture.h"

Suite	*suite_resolv(void);

#define HOSTNAME	"host.dom.example"
#define DEFAULT_OPTIONS	(RES_INIT | RES_DEFAULT)

static void
parse_str(const char *text, struct resolv_conf *c)
{
	resolv_parse(text, strlen(text), c);
}

/* The rows resinfo prints, from conf. */
static void
conf_text(const struct resolv_conf *c, char *out, size_t outsz)
{
	char addr[16];
	size_t i, n = 0;
	int bits;

	out[0] = '\0';
	for (i = 0; i < c->nns; i++)
		n += (size_t)snprintf(out + n, outsz - n,
		    "%zu,nameserver,%s,%s,%llu\n", i, c->ns[i].text,
		    c->ns[i].family == AF_INET6 ? "128" : "32",
		    (unsigned long long)c->options);
	for (i = 0; i < c->nsort; i++) {
		const uint8_t *a = c->sort[i].addr, *m = c->sort[i].mask;

		n += (size_t)snprintf(out + n, outsz - n, "%zu,sortlist,"
		    "%u.%u.%u.%u,", i, a[0], a[1], a[2], a[3]);
		if ((bits = resolv_mask_bits(m)) >= 0)
			snprintf(addr, sizeof(addr), "%d", bits);
		else
			snprintf(addr, sizeof(addr), "%u.%u.%u.%u", m[0], m[1],
			    m[2], m[3]);
		n += (size_t)snprintf(out + n, outsz - n, "%s,%llu\n", addr,
		    (unsigned long long)c->options);
	}
	for (i = 0; i < c->nsearch; i++)
		n += (size_t)snprintf(out + n, outsz - n,
		    "%zu,search,%.*s,,%llu\n", i, (int)c->search[i].len,
		    c->search[i].p, (unsigned long long)c->options);
}

START_TEST(as_glibc)
{
	struct resolv_conf c;
	char name[32], *conf, *want, got[8192];
	size_t clen, wlen;

	snprintf(name, sizeof(name), "rc%d.conf", _i);
	conf = fixture_load("resolv", name, &clen);
	snprintf(name, sizeof(name), "rc%d.glibc", _i);
	want = fixture_load("resolv", name, &wlen);
	resolv_parse(conf, clen, &c);
	resolv_default_search(&c, HOSTNAME, strlen(HOSTNAME));
	conf_text(&c, got, sizeof(got));
	ck_assert_str_eq(got, want);
	free(conf);
	free(want);
}
END_TEST

START_TEST(defaults)
{
	struct resolv_conf c;

	resolv_parse(NULL, 0, &c);
	ck_assert_uint_eq(c.nns, 1);
	ck_assert_str_eq(c.ns[0].text, "127.0.0.1");
	ck_assert_uint_eq(c.options, DEFAULT_OPTIONS);
	ck_assert_uint_eq(c.nsearch, 0);
	resolv_default_search(&c, "nodots", 6);
	ck_assert_uint_eq(c.nsearch, 0);
	/* glibc searches the empty domain after a trailing dot. */
	resolv_default_search(&c, "host.", 5);
	ck_assert_uint_eq(c.nsearch, 1);
	ck_assert_uint_eq(c.search[0].len, 0);
}
END_TEST

START_TEST(search_and_domain)
{
	struct resolv_conf c;

	parse_str("search a b\ndomain d.example x\n", &c);
	ck_assert_uint_eq(c.nsearch, 1);
	ck_assert(txt_eq(c.search[0], "d.example"));
	parse_str("domain d\nsearch a\tb\n", &c);
	ck_assert_uint_eq(c.nsearch, 2);
	ck_assert(txt_eq(c.search[1], "b"));
	/* A line with no names leaves the list alone. */
	parse_str("search a\nsearch  \t\ndomain\t\n", &c);
	ck_assert_uint_eq(c.nsearch, 1);
	ck_assert(txt_eq(c.search[0], "a"));
	/* The keyword must be followed by a blank. */
	parse_str("searchx a\n search b\nsearch\n", &c);
	ck_assert_uint_eq(c.nsearch, 0);
	ck_assert(!c.search_set);
	resolv_default_search(&c, HOSTNAME, strlen(HOSTNAME));
	ck_assert(txt_eq(c.search[0], "dom.example"));
	/* A list was set: the host's domain does not replace it. */
	parse_str("search a\n", &c);
	resolv_default_search(&c, HOSTNAME, strlen(HOSTNAME));
	ck_assert(txt_eq(c.search[0], "a"));
}
END_TEST

START_TEST(nameservers)
{
	static const char bad_ns[] = "nameserver 1.2.3.4x\n"
	    "nameserver 1.2.3.4\r\nnameserver \nnameserver 1.2.3.4.5\n"
	    "nameserver 1.2\0.3.4\n";
	struct resolv_conf c;

	parse_str("nameserver fe80::1%eth0\nnameserver 0x7f.1\n"
	    "nameserver ::ffff:1.2.3.4 more\nnameserver 5.6.7.8\n", &c);
	ck_assert_uint_eq(c.nns, 3);
	ck_assert_int_eq(c.ns[0].family, AF_INET6);
	ck_assert_str_eq(c.ns[0].text, "fe80::1%eth0");
	ck_assert_str_eq(c.ns[1].text, "127.0.0.1");
	ck_assert_str_eq(c.ns[2].text, "::ffff:1.2.3.4");

	/* Junk, a carriage return: not addresses glibc takes.  A NUL ends
	 * the line for glibc, leaving "1.2": 1.0.0.2 to inet_aton. */
	resolv_parse(bad_ns, sizeof(bad_ns) - 1, &c);
	ck_assert_uint_eq(c.nns, 1);
	ck_assert_str_eq(c.ns[0].text, "1.0.0.2");
}
END_TEST

START_TEST(sortlists)
{
	struct resolv_conf c;

	parse_str("sortlist 10.1.0.0/garbage 172.16.0.0 200.1.2.3&255.255.0.0;"
	    "1.1.1.1\n", &c);
	ck_assert_uint_eq(c.nsort, 3);
	ck_assert_int_eq(resolv_mask_bits(c.sort[0].mask), 8);
	ck_assert_int_eq(resolv_mask_bits(c.sort[1].mask), 16);
	ck_assert_int_eq(resolv_mask_bits(c.sort[2].mask), 16);

	/* Where glibc loops for ever, the line ends. */
	parse_str("sortlist 1.2.3.4 bad/1 5.6.7.8\n", &c);
	ck_assert_uint_eq(c.nsort, 1);
	parse_str("sortlist 1.2.3.4 \xc3\xa9 5.6.7.8\n", &c);
	ck_assert_uint_eq(c.nsort, 1);
	parse_str("sortlist 1.2.3.4/255.0.0.0\r 5.6.7.8\n", &c);
	ck_assert_uint_eq(c.nsort, 1);
	parse_str("sortlist /8\n", &c);
	ck_assert_uint_eq(c.nsort, 0);
}
END_TEST

START_TEST(options)
{
	struct resolv_conf c;

	parse_str("options ndots:2 rotatefoo edns0 debug inet6 no-tld-query "
	    "single-request\noptions\ttrust-ad\noptionsx use-vc\n", &c);
	ck_assert_uint_eq(c.options, DEFAULT_OPTIONS | RES_ROTATE |
	    RES_USE_EDNS0 | RES_NOTLDQUERY | RES_SNGLKUP | RES_TRUSTAD);
	parse_str("options single-request-reopen no_tld_query no-reload "
	    "no-aaaa use-vc\n", &c);
	ck_assert_uint_eq(c.options, DEFAULT_OPTIONS | RES_SNGLKUPREOP |
	    RES_NOTLDQUERY | RES_NORELOAD | RES_NOAAAA | RES_USEVC);
}
END_TEST

START_TEST(mask_bits)
{
	static const struct {
		uint8_t	m[4];
		int	bits;
	} cases[] = {
		{ { 0, 0, 0, 0 }, 0 }, { { 255, 255, 255, 255 }, 32 },
		{ { 255, 255, 240, 0 }, 20 }, { { 128, 0, 0, 0 }, 1 },
		{ { 255, 0, 255, 0 }, -1 }, { { 0, 0, 0, 1 }, -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_int_eq(resolv_mask_bits(cases[i].m), cases[i].bits);
}
END_TEST

Suite *
suite_resolv(void)
{
	Suite *s = suite_create("resolv");
	TCase *tc = tcase_create("resolv.conf");

	tcase_add_loop_test(tc, as_glibc, 1, 7);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, search_and_domain);
	tcase_add_test(tc, nameservers);
	tcase_add_test(tc, sortlists);
	tcase_add_test(tc, options);
	tcase_add_test(tc, mask_bits);
	suite_add_tcase(s, tc);
	return s;
}
