/*
 * Network functions: inet_aton, in_cidr_block (IPv4 and IPv6 blocks, the
 * host range osquery's boost gives a v4 block, scopes, malformed
 * blocks) and community_id_v1 against the Community ID spec's published
 * baselines (TCP, UDP, SCTP, ICMP, ICMPv6, port-less, IPv4 and IPv6,
 * seeds 0 and 1) and osquery's own tests, through SQLite; then the pure
 * parsers beneath them.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../worker/communityid.h"
#include "../../worker/netaddr.h"
#include "sqlq.h"

#define EXPECT(q, sql, want)	ck_assert_str_eq(sqlq(q, sql), want)
#define EXPECT_ERROR(q, sql, msg) do {					\
	const char *got_ = sqlq(q, sql);				\
	ck_assert_msg(strstr(got_, "ERROR: " msg) == got_,		\
	    "%s: got '%s', want the error '%s'", sql, got_, msg);	\
} while (0)

START_TEST(inet_aton_values)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT inet_aton('1.0.1.5')", "16777477");
	ck_assert_int_eq(q.type, SQLITE_INTEGER);
	EXPECT(&q, "SELECT inet_aton('0.0.0.0')", "0");
	EXPECT(&q, "SELECT inet_aton('255.255.255.255')", "4294967295");
	EXPECT(&q, "SELECT inet_aton('10.0.0.1')", "167772161");
	/* IPv6 (even v4-mapped) and anything not a dotted quad: NULL. */
	EXPECT(&q, "SELECT inet_aton('::1')", "NULL");
	EXPECT(&q, "SELECT inet_aton('::ffff:1.2.3.4')", "NULL");
	EXPECT(&q, "SELECT inet_aton('1.2.3')", "NULL");
	EXPECT(&q, "SELECT inet_aton('1.2.3.4.5')", "NULL");
	EXPECT(&q, "SELECT inet_aton('01.2.3.4')", "NULL");
	EXPECT(&q, "SELECT inet_aton('256.0.0.1')", "NULL");
	EXPECT(&q, "SELECT inet_aton(' 1.2.3.4')", "NULL");
	EXPECT(&q, "SELECT inet_aton('')", "NULL");
	EXPECT(&q, "SELECT inet_aton('abc')", "NULL");
	EXPECT(&q, "SELECT inet_aton(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(cidr_documented)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/26', '10.0.0.24')", "1");
	EXPECT(&q, "SELECT in_cidr_block('198.51.100.14/24', "
	    "'198.51.100.14')", "1");
	EXPECT(&q, "SELECT in_cidr_block("
	    "'2a00:a040:019e:f12a:0000:0000:0000:0000/64', "
	    "'2a00:a040:19e:f12a:658b:3589:b2ba:71a3')", "1");
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/48', "
	    "'2001:db8:0:ffff:ffff:ffff:ffff:ffff')", "1");
	sqlq_close(&q);
}
END_TEST

START_TEST(cidr_ipv4_hosts)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/8', '10.200.3.4')", "1");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/8', '11.0.0.1')", "0");
	/* A v4 block holds its hosts: not its network nor broadcast. */
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/24', '10.0.0.1')", "1");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/24', '10.0.0.254')", "1");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/24', '10.0.0.0')", "0");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/24', '10.0.0.255')", "0");
	/* Host bits in the block do not matter. */
	EXPECT(&q, "SELECT in_cidr_block('198.51.100.14/24', "
	    "'198.51.100.200')", "1");
	/* A /32 holds its one address, a /31 none. */
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.5/32', '10.0.0.5')", "1");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.5/32', '10.0.0.6')", "0");
	EXPECT(&q, "SELECT in_cidr_block('255.255.255.255/32', "
	    "'255.255.255.255')", "1");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/31', '10.0.0.0')", "0");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/31', '10.0.0.1')", "0");
	EXPECT(&q, "SELECT in_cidr_block('0.0.0.0/0', '8.8.8.8')", "1");
	EXPECT(&q, "SELECT in_cidr_block('0.0.0.0/0', '0.0.0.0')", "0");
	EXPECT(&q, "SELECT in_cidr_block('10.0.0.0/008', '10.1.1.1')", "1");
	sqlq_close(&q);
}
END_TEST

START_TEST(cidr_ipv6)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/32', "
	    "'2001:db8:ffff::1')", "1");
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/32', '2001:db9::1')",
	    "0");
	/* A v6 block holds every address under it, its first included. */
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/32', '2001:db8::')",
	    "1");
	EXPECT(&q, "SELECT in_cidr_block('::/0', '::')", "1");
	EXPECT(&q, "SELECT in_cidr_block('::/0', "
	    "'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')", "1");
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::1/128', '2001:db8::1')",
	    "1");
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::1/128', '2001:db8::2')",
	    "0");
	/* A prefix that ends inside a byte. */
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/33', "
	    "'2001:db8:7fff::1')", "1");
	EXPECT(&q, "SELECT in_cidr_block('2001:db8::/33', "
	    "'2001:db8:8000::1')", "0");
	/* A scope is allowed and does not count. */
	EXPECT(&q, "SELECT in_cidr_block('fe80::/10', 'fe80::1%eth0')", "1");
	EXPECT(&q, "SELECT in_cidr_block('fe80::%2/64', 'fe80::9')", "1");
	/* v4-mapped addresses are IPv6. */
	EXPECT(&q, "SELECT in_cidr_block('::ffff:0:0/96', '::ffff:1.2.3.4')",
	    "1");
	sqlq_close(&q);
}
END_TEST

START_TEST(cidr_errors)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT_ERROR(&q, "SELECT in_cidr_block(NULL, '10.0.0.1')",
	    "CIDR must be a string");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', NULL)",
	    "IP address must be a string");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', 167772161)",
	    "IP address must be a string");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', 'x')",
	    "IP address cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', '10.0.0.1 ')",
	    "IP address cannot be parsed");
	/* The block must be of the address's family. */
	EXPECT_ERROR(&q, "SELECT in_cidr_block('2001:db8::/32', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', '::1')",
	    "CIDR for IP address v6 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8', "
	    "'::ffff:10.0.0.1')", "CIDR for IP address v6 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/33', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/-1', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0.0/8/8', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('10.0.0/8', '10.0.0.1')",
	    "CIDR for IP address v4 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block('2001:db8::/129', '::1')",
	    "CIDR for IP address v6 cannot be parsed");
	EXPECT_ERROR(&q, "SELECT in_cidr_block("
	    "'2001:db8::/99999999999999999999', '::1')",
	    "CIDR for IP address v6 cannot be parsed");
	sqlq_close(&q);
}
END_TEST

/* A flow and its Community ID; seed -1 is "not given", NULL ports are
 * given as -1. */
struct cid_vector {
	const char	*saddr, *daddr;
	int		 sport, dport, proto, seed;
	const char	*id;
};

/* The spec's baseline/baseline_deflt.json and baseline_seed1.json (the
 * ICMP ports there are Zeek's port equivalents), its README's tables
 * (ICMP type and code as sent), osquery's tests and documentation. */
static const struct cid_vector cid_vectors[] = {
	{ "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 135, 136,
	    58, -1, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=" },
	{ "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 136, 135,
	    58, -1, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=" },
	{ "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 135, 136,
	    58, -1, "1:zavyT/cezQr1fmImYCwYnMXbgck=" },
	{ "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 136, 135,
	    58, -1, "1:zavyT/cezQr1fmImYCwYnMXbgck=" },
	{ "3ffe:501:1800:2345::2", "3ffe:507:0:1:200:86ff:fe05:80da", 3, 0,
	    58, -1, "1:2ObVBgIn28oZvibYZhZMBgh7WdQ=" },
	{ "3ffe:501:410:0:2c0:dfff:fe47:33e", "3ffe:507:0:1:200:86ff:fe05:80da",
	    1, 4, 58, -1, "1:hLZd0XGWojozrvxqE0dWB1iM6R0=" },
	{ "3ffe:507:0:1:200:86ff:fe05:80da", "3ffe:501:0:1001::2", 128, 129,
	    58, -1, "1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=" },
	{ "3ffe:501:0:1001::2", "3ffe:507:0:1:200:86ff:fe05:80da", 129, 128,
	    58, -1, "1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=" },
	{ "fe80::200:86ff:fe05:80da", "ff02::2", 133, 134, 58, -1,
	    "1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=" },
	{ "fe80::260:97ff:fe07:69ea", "ff02::1", 134, 133, 58, -1,
	    "1:pkvHqCL88/tg1k4cPigmZXUtL00=" },
	{ "192.168.0.89", "192.168.0.1", 8, 0, 1, -1,
	    "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=" },
	{ "192.168.0.1", "192.168.0.89", 0, 8, 1, -1,
	    "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=" },
	{ "10.0.0.1", "10.0.0.2", 11, 0, 1, -1,
	    "1:YHxtAirCG//0OzkcVAukqKQN9xM=" },
	{ "2001:470:e5bf:dead:4957:2174:e82c:4887", "2607:f8b0:400c:c03::1a",
	    63943, 25, 6, -1, "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=" },
	{ "2607:f8b0:400c:c03::1a", "2001:470:e5bf:dead:4957:2174:e82c:4887",
	    25, 63943, 6, -1, "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=" },
	{ "192.168.170.8", "192.168.170.56", 7, 7, 132, -1,
	    "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=" },
	{ "192.168.170.56", "192.168.170.8", 7, 7, 132, -1,
	    "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=" },
	{ "128.232.110.120", "66.35.250.204", 34855, 80, 6, -1,
	    "1:LQU9qZlK+B5F3KDmev6m5PMibrg=" },
	{ "66.35.250.204", "128.232.110.120", 80, 34855, 6, -1,
	    "1:LQU9qZlK+B5F3KDmev6m5PMibrg=" },
	{ "192.168.1.52", "8.8.8.8", 54585, 53, 17, -1,
	    "1:d/FP5EW3wiY1vCndhwleRRKHowQ=" },
	{ "8.8.8.8", "192.168.1.52", 53, 54585, 17, -1,
	    "1:d/FP5EW3wiY1vCndhwleRRKHowQ=" },
	{ "10.1.12.1", "10.1.12.2", -1, -1, 46, -1,
	    "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=" },
	{ "10.1.12.2", "10.1.12.1", -1, -1, 46, -1,
	    "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=" },
	/* baseline_seed1.json */
	{ "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 135, 136,
	    58, 1, "1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=" },
	{ "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 135, 136,
	    58, 1, "1:2hSqmsDZ2kdcY9kbiUzOEBic0iM=" },
	{ "3ffe:501:1800:2345::2", "3ffe:507:0:1:200:86ff:fe05:80da", 3, 0,
	    58, 1, "1:lVEtCZpYu84Xqaa++3lXFyuu2n4=" },
	{ "3ffe:501:410:0:2c0:dfff:fe47:33e", "3ffe:507:0:1:200:86ff:fe05:80da",
	    1, 4, 58, 1, "1:W8MHwXpWzpoSTD+cGcaJr4u0ys8=" },
	{ "3ffe:501:0:1001::2", "3ffe:507:0:1:200:86ff:fe05:80da", 129, 128,
	    58, 1, "1:GfZxjAkDk2MkegpBYHV6tadtFXQ=" },
	{ "fe80::200:86ff:fe05:80da", "ff02::2", 133, 134, 58, 1,
	    "1:L7Ka0ZMYu+J3bL4ulW2PrqyXNo8=" },
	{ "fe80::260:97ff:fe07:69ea", "ff02::1", 134, 133, 58, 1,
	    "1:K/ee5UCqAMAQXDorP5nSa2CGLjc=" },
	{ "192.168.0.1", "192.168.0.89", 0, 8, 1, 1,
	    "1:03g6IloqVBdcZlPyX8r0hgoE7kA=" },
	{ "10.0.0.1", "10.0.0.2", 11, 0, 1, 1,
	    "1:XjUibYHaafLQ3pxQeiMI8g25q20=" },
	{ "2607:f8b0:400c:c03::1a", "2001:470:e5bf:dead:4957:2174:e82c:4887",
	    25, 63943, 6, 1, "1:eJYTW6AOzFLlSUoESovMjnu7rMw=" },
	{ "192.168.170.56", "192.168.170.8", 7, 7, 132, 1,
	    "1:5w3ZRjeKBzqT3zsaEECDGjUbYeg=" },
	{ "66.35.250.204", "128.232.110.120", 80, 34855, 6, 1,
	    "1:3V71V58M3Ksw/yuFALMcW0LAHvc=" },
	{ "8.8.8.8", "192.168.1.52", 53, 54585, 17, 1,
	    "1:Q9We8WO3piVF8yEQBNJF4uiSVrI=" },
	{ "10.1.12.2", "10.1.12.1", -1, -1, 46, 1,
	    "1:rYir8gphR31noO9iDRQmF/BteEI=" },
	/* The README's tables: ICMP type and code as sent. */
	{ "1.2.3.4", "5.6.7.8", 1122, 3344, 6, 0,
	    "1:wCb3OG7yAFWelaUydu0D+125CLM=" },
	{ "5.6.7.8", "1.2.3.4", 3344, 1122, 6, 0,
	    "1:wCb3OG7yAFWelaUydu0D+125CLM=" },
	{ "1.2.3.4", "5.6.7.8", 1122, 3344, 17, 0,
	    "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=" },
	{ "1.2.3.4", "5.6.7.8", 1122, 3344, 132, 0,
	    "1:EKt4MsxuyaE6mL+hmrEkQ9csDD8=" },
	{ "1.2.3.4", "5.6.7.8", 8, 0, 1, 0,
	    "1:crodRHL2FEsHjbv3UkRrfbs4bZ0=" },
	{ "5.6.7.8", "1.2.3.4", 0, 0, 1, 0,
	    "1:crodRHL2FEsHjbv3UkRrfbs4bZ0=" },
	{ "1.2.3.4", "5.6.7.8", 11, 0, 1, 0,
	    "1:f/YiSyWqczrTgfUCZlBUnvHRcPk=" },
	{ "fe80:0001:0203:0405:0607:0809:0A0B:0C0D",
	    "fe80:1011:1213:1415:1617:1819:1A1B:1C1D", 128, 0, 58, 0,
	    "1:0bf7hyMJUwt3fMED7z8LIfRpBeo=" },
	{ "fe80:1011:1213:1415:1617:1819:1A1B:1C1D",
	    "fe80:0001:0203:0405:0607:0809:0A0B:0C0D", 129, 0, 58, 0,
	    "1:0bf7hyMJUwt3fMED7z8LIfRpBeo=" },
	{ "fe80:0001:0203:0405:0607:0809:0A0B:0C0D",
	    "fe80:1011:1213:1415:1617:1819:1A1B:1C1D", 146, 0, 58, 0,
	    "1:fYC8+pz24E+EhANP1EZhpX0Dw10=" },
	{ "1.2.3.4", "5.6.7.8", -1, -1, 46, 0,
	    "1:ikv3kmf89luf73WPz1jOs49S768=" },
	{ "5.6.7.8", "1.2.3.4", -1, -1, 46, 0,
	    "1:ikv3kmf89luf73WPz1jOs49S768=" },
	{ "fe80:0001:0203:0405:0607:0809:0A0B:0C0D",
	    "fe80:1011:1213:1415:1617:1819:1A1B:1C1D", -1, -1, 46, 0,
	    "1:wQ/2mwrnXP4lmJcHdGL5ePjR+e0=" },
	{ "1.2.3.4", "5.6.7.8", 1122, 3344, 6, 1,
	    "1:HhA1B+6CoLbiKPEs5nhNYN4XWfk=" },
	{ "1.2.3.4", "5.6.7.8", 1122, 3344, 17, 1,
	    "1:OShq+iKDAMVouh/4bMxB9Sz4amw=" },
	{ "5.6.7.8", "1.2.3.4", 3344, 1122, 132, 1,
	    "1:uitchpn5MMGAQKBJh7bIr/bAr7s=" },
	{ "5.6.7.8", "1.2.3.4", 0, 0, 1, 1,
	    "1:9pr4ZGTICiuZoIh90RRYE2RyXpU=" },
	{ "1.2.3.4", "5.6.7.8", 11, 0, 1, 1,
	    "1:1DD7cWGC/Yg91YGsQeni8du3pIA=" },
	{ "fe80:1011:1213:1415:1617:1819:1A1B:1C1D",
	    "fe80:0001:0203:0405:0607:0809:0A0B:0C0D", 129, 0, 58, 1,
	    "1:IO27GQzPuCtNnwFvjWALMHu5tJE=" },
	{ "fe80:0001:0203:0405:0607:0809:0A0B:0C0D",
	    "fe80:1011:1213:1415:1617:1819:1A1B:1C1D", 146, 0, 58, 1,
	    "1:Cv4IKJe56BNkF0MBW2YxQ3Nwc3s=" },
	{ "5.6.7.8", "1.2.3.4", -1, -1, 46, 1,
	    "1:/buhqeOmaRCopOZFy9HnoJd5XW8=" },
	{ "fe80:1011:1213:1415:1617:1819:1A1B:1C1D",
	    "fe80:0001:0203:0405:0607:0809:0A0B:0C0D", -1, -1, 46, 1,
	    "1:j6EyyfBzL4vWKHFXgUqb5Az3OxM=" },
	/* osquery's tests and documentation, a v4-v6 pair among them. */
	{ "127.0.0.1", "fe80::14b0:de4a:f8e8:522f", 64, 10, 6, -1,
	    "1:Jww+Ua4pSUNl9TvSUwvSHL4n93w=" },
	{ "fe80::14b0:de4a:f8e8:522f", "127.0.0.1", 10, 64, 6, 0,
	    "1:Jww+Ua4pSUNl9TvSUwvSHL4n93w=" },
	{ "192.168.170.8", "192.168.170.56", 7, 80, 132, 0,
	    "1:jQgCxbku+pNGw8WPbEc/TS/uTpQ=" },
	{ "192.168.170.56", "192.168.170.8", 80, 7, 132, 1,
	    "1:Y1/0jQg6e+I3ZwZZ9LP65DNbTXU=" },
	{ "66.35.250.204", "2001:0:3238:DFE1:63::FEFB", 80, 2347, 6, -1,
	    "1:rxU6O+b2d9kbSWjRmVDoBbowx6g=" },
	{ "66.35.250.204", "2001:0:3238:DFE1:63::FEFB", 80, 2347, 6, 37,
	    "1:jmJ2ORP31di4mtsQPIKzyoEb3yo=" },
};

static void
port_sql(char *buf, size_t len, int port)
{
	if (port < 0)
		snprintf(buf, len, "NULL");
	else
		snprintf(buf, len, "%d", port);
}

START_TEST(community_id_vectors)
{
	const struct cid_vector *v = &cid_vectors[_i];
	char sql[512], sport[16], dport[16], seed[16];
	struct sqlq q;

	sqlq_open(&q);
	port_sql(sport, sizeof(sport), v->sport);
	port_sql(dport, sizeof(dport), v->dport);
	seed[0] = '\0';
	if (v->seed >= 0)
		snprintf(seed, sizeof(seed), ", %d", v->seed);
	snprintf(sql, sizeof(sql), "SELECT community_id_v1('%s', '%s', %s, "
	    "%s, %d%s)", v->saddr, v->daddr, sport, dport, v->proto, seed);
	EXPECT(&q, sql, v->id);
	snprintf(sql, sizeof(sql), "SELECT community_id_v1_strict('%s', '%s', "
	    "%s, %s, %d%s)", v->saddr, v->daddr, sport, dport, v->proto, seed);
	EXPECT(&q, sql, v->id);
	sqlq_close(&q);
}
END_TEST

START_TEST(community_id_bad_arguments)
{
	static const char *const bad[] = {
		"'192.168.1.52', 'foo', 10, 53, 17, 0",
		"'192.168.1.52', '192.168.1.1', 10, 53, 17, 100000000",
		"'192.168.1.52', '192.168.1.1', 10, 53, 17, -32769",
		"'192.168.1.52', '192.168.1.1', 10, 53, 17, 65536",
		"'192.168.1.52', '192.168.1.1', 10, 53, 17, '1'",
		"'192.168.1.52', '192.168.1.1', '10', 53, 17",
		"'192.168.1.52', '192.168.1.1', 10, 65536, 17",
		"'192.168.1.52', '192.168.1.1', -1, 53, 17",
		"'192.168.1.52', '192.168.1.1', 10, 53, 256",
		"'192.168.1.52', '192.168.1.1', 10, 53, -1",
		"'192.168.1.52', '192.168.1.1', 10, 53, NULL",
		"'192.168.1.52', '192.168.1.1', NULL, NULL, 6",
		"'192.168.1.52', '192.168.1.1', NULL, 53, 46",
		"NULL, '192.168.1.1', 10, 53, 6",
		"'', '192.168.1.1', 10, 53, 6",
		"3232235828, '192.168.1.1', 10, 53, 6",
	};
	char sql[256];
	struct sqlq q;
	size_t i;

	sqlq_open(&q);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* NULL and a warning, or with _strict the query fails. */
		snprintf(sql, sizeof(sql), "SELECT community_id_v1(%s)",
		    bad[i]);
		EXPECT(&q, sql, "NULL");
		snprintf(sql, sizeof(sql), "SELECT community_id_v1_strict(%s)",
		    bad[i]);
		EXPECT_ERROR(&q, sql, "Community ID");
	}
	EXPECT_ERROR(&q, "SELECT community_id_v1_strict('1.2.3.4', 'x', 1, 2, "
	    "6)", "Community ID daddr cannot be parsed as IP");
	EXPECT_ERROR(&q, "SELECT community_id_v1('1.2.3.4', '5.6.7.8', 1, 2)",
	    "wrong number");
	sqlq_close(&q);
}
END_TEST

START_TEST(community_id_seed_range)
{
	struct sqlq q;

	sqlq_open(&q);
	/* A negative seed is its 16-bit two's complement. */
	EXPECT(&q, "SELECT community_id_v1('1.2.3.4', '5.6.7.8', 1, 2, 6, -1) "
	    "= community_id_v1('1.2.3.4', '5.6.7.8', 1, 2, 6, 65535)", "1");
	EXPECT(&q, "SELECT community_id_v1('1.2.3.4', '5.6.7.8', 1, 2, 6, 0) "
	    "= community_id_v1('1.2.3.4', '5.6.7.8', 1, 2, 6)", "1");
	sqlq_close(&q);
}
END_TEST

START_TEST(netaddr_forms)
{
	struct netaddr a;

	ck_assert_int_eq(netaddr_parse("10.1.2.3", 8, &a), 0);
	ck_assert_int_eq(a.family, NETADDR_V4);
	ck_assert_uint_eq(netaddr_v4_value(&a), 0x0a010203);
	/* The length counts, not a NUL. */
	ck_assert_int_eq(netaddr_parse("10.1.2.3x", 8, &a), 0);
	ck_assert_int_eq(netaddr_parse("10.1.2.30", 8, &a), 0);
	ck_assert_uint_eq(netaddr_v4_value(&a), 0x0a010203);
	ck_assert_int_eq(netaddr_parse("10.1.2.3", 7, &a), -1);
	ck_assert_int_eq(netaddr_parse("10.1.2\0.3", 9, &a), -1);
	ck_assert_int_eq(netaddr_parse("::1", 3, &a), 0);
	ck_assert_int_eq(a.family, NETADDR_V6);
	ck_assert_int_eq(a.bytes[15], 1);
	ck_assert_int_eq(netaddr_parse("fe80::1%", 8, &a), 0);
	ck_assert_int_eq(netaddr_parse_v4("::1", 3, &a), -1);
	ck_assert_int_eq(netaddr_parse_v6("1.2.3.4", 7, &a), -1);
	ck_assert_int_eq(netaddr_parse_v4("1.2.3.4%1", 9, &a), -1);
	ck_assert_int_eq(netaddr_parse("", 0, &a), -1);
	ck_assert_int_eq(netaddr_parse("1111:2222:3333:4444:5555:6666:"
	    "7777:8888:9999:0000:1111:2222:3333:4444", 69, &a), -1);
}
END_TEST

START_TEST(netblock_forms)
{
	struct netblock b;
	struct netaddr a;

	ck_assert_int_eq(netblock_parse("10.0.0.0/8", 10, NETADDR_V4, &b), 0);
	ck_assert_uint_eq(b.prefix, 8);
	ck_assert_int_eq(netblock_parse("10.0.0.0/8", 10, NETADDR_V6, &b),
	    -1);
	ck_assert_int_eq(netblock_parse("::/0", 4, NETADDR_V6, &b), 0);
	ck_assert_int_eq(netblock_parse("::/128", 6, NETADDR_V6, &b), 0);
	ck_assert_int_eq(netblock_parse("::/1280", 7, NETADDR_V6, &b), -1);
	ck_assert_int_eq(netblock_parse("/8", 2, NETADDR_V4, &b), -1);
	ck_assert_int_eq(netblock_parse("10.0.0.0/ 8", 11, NETADDR_V4, &b),
	    -1);
	ck_assert_int_eq(netblock_parse("10.0.0.0/8", 10, 0, &b), -1);
	/* Another family is never inside. */
	ck_assert_int_eq(netblock_parse("0.0.0.0/0", 9, NETADDR_V4, &b), 0);
	ck_assert_int_eq(netaddr_parse("::1", 3, &a), 0);
	ck_assert_int_eq(netblock_holds(&b, &a), 0);
}
END_TEST

START_TEST(communityid_layout)
{
	static const uint8_t want[] = {
		0x00, 0x01,			/* seed */
		1, 2, 3, 4, 5, 6, 7, 8,		/* smaller one first */
		6, 0,				/* proto, padding */
		0x0d, 0x80, 0x04, 0x62,		/* 3456, 1122 */
	};
	uint8_t out[COMMUNITYID_INPUT_MAX];
	struct flow f;

	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(netaddr_parse("5.6.7.8", 7, &f.saddr), 0);
	ck_assert_int_eq(netaddr_parse("1.2.3.4", 7, &f.daddr), 0);
	f.seed = 1;
	f.proto = 6;
	f.has_ports = 1;
	f.sport = 1122;
	f.dport = 3456;
	ck_assert_uint_eq(communityid_input(&f, out), sizeof(want));
	ck_assert_mem_eq(out, want, sizeof(want));
	/* Without ports the input ends at the padding. */
	f.has_ports = 0;
	f.proto = 46;
	ck_assert_uint_eq(communityid_input(&f, out), 12);
	/* IPv6 both ends: the longest input. */
	ck_assert_int_eq(netaddr_parse("::2", 3, &f.saddr), 0);
	ck_assert_int_eq(netaddr_parse("::1", 3, &f.daddr), 0);
	f.has_ports = 1;
	ck_assert_uint_eq(communityid_input(&f, out), COMMUNITYID_INPUT_MAX);
	ck_assert_int_eq(out[17], 1);
	ck_assert_int_eq(out[33], 2);
}
END_TEST

Suite	*suite_sqlfn_net(void);

Suite *
suite_sqlfn_net(void)
{
	Suite *s = suite_create("sqlfn_net");
	TCase *tc = tcase_create("sql");

	tcase_add_test(tc, inet_aton_values);
	tcase_add_test(tc, cidr_documented);
	tcase_add_test(tc, cidr_ipv4_hosts);
	tcase_add_test(tc, cidr_ipv6);
	tcase_add_test(tc, cidr_errors);
	tcase_add_loop_test(tc, community_id_vectors, 0,
	    sizeof(cid_vectors) / sizeof(cid_vectors[0]));
	tcase_add_test(tc, community_id_bad_arguments);
	tcase_add_test(tc, community_id_seed_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("pure");
	tcase_add_test(tc, netaddr_forms);
	tcase_add_test(tc, netblock_forms);
	tcase_add_test(tc, communityid_layout);
	suite_add_tcase(s, tc);
	return s;
}
