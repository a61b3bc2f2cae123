/*
 * /etc/hosts, /etc/services and /etc/protocols lines: this system's
 * files, compared entry by entry with what glibc made of them (getent's
 * output, captured beside them), a hosts file with comments, tabs and
 * CRLF, and lines glibc would not take.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/netdb_parse.h"
#include "fixture.h"

Suite	*suite_netdb(void);

static struct span
sp(const char *s)
{
	struct span v = { s, strlen(s) };

	return v;
}

static char *
fixture(const char *name, size_t *len)
{
	return fixture_load("netdb", name, len);
}

/* A getent line with its blanks made single spaces. */
static void
normalize(struct span line, char *out, size_t outsz)
{
	netdb_join_words(line, out, outsz);
}

START_TEST(services_as_getent)
{
	struct services_line sv;
	struct span line, gline;
	char *buf, *gbuf, mine[1024], theirs[1024], aliases[512];
	size_t len, glen, off = 0, goff = 0;
	int entries = 0;

	buf = fixture("services", &len);
	gbuf = fixture("services.getent", &glen);
	while (txt_next_line(buf, len, &off, &line)) {
		int kind = services_parse_line(line, &sv);

		ck_assert_int_ne(kind, NETDB_BAD);
		if (kind != NETDB_ENTRY)
			continue;
		netdb_join_words(sv.aliases, aliases, sizeof(aliases));
		snprintf(mine, sizeof(mine), "%.*s %u/%.*s%s%s",
		    (int)sv.name.len, sv.name.p, sv.port,
		    (int)sv.protocol.len, sv.protocol.p,
		    aliases[0] ? " " : "", aliases);
		ck_assert(txt_next_line(gbuf, glen, &goff, &gline));
		normalize(gline, theirs, sizeof(theirs));
		ck_assert_str_eq(mine, theirs);
		entries++;
	}
	ck_assert(!txt_next_line(gbuf, glen, &goff, &gline));
	ck_assert_int_gt(entries, 300);
	free(buf);
	free(gbuf);
}
END_TEST

START_TEST(services_fields)
{
	struct services_line sv;

	ck_assert_int_eq(services_parse_line(sp("ssh\t\t22/tcp\t\t\t\t"
	    "# SSH Remote Login Protocol"), &sv), NETDB_ENTRY);
	ck_assert(txt_eq(sv.name, "ssh"));
	ck_assert_uint_eq(sv.port, 22);
	ck_assert(txt_eq(sv.protocol, "tcp"));
	ck_assert_uint_eq(sv.aliases.len, 0);
	ck_assert(txt_eq(sv.comment, "SSH Remote Login Protocol"));

	ck_assert_int_eq(services_parse_line(sp("  smtp 25/tcp mail  relay "
	    "#  a # b  \r"), &sv), NETDB_ENTRY);
	ck_assert(txt_eq(sv.aliases, "mail  relay"));
	ck_assert(txt_eq(sv.comment, "a # b"));

	ck_assert_int_eq(services_parse_line(sp("x 0/udp #"), &sv),
	    NETDB_ENTRY);
	ck_assert_uint_eq(sv.port, 0);
	ck_assert_uint_eq(sv.comment.len, 0);
	ck_assert_int_eq(services_parse_line(sp("x 65535/tcp"), &sv),
	    NETDB_ENTRY);
	ck_assert_uint_eq(sv.port, 65535);
}
END_TEST

START_TEST(services_malformed)
{
	static const char *const bad[] = {
		"name", "name    # 22/tcp", "name 22", "name x/tcp",
		"name 65536/tcp", "name 99999999999999999999999/tcp",
		"name 22/", "name /tcp", "name 22/tcp/x", "name -1/tcp",
		"name +22/tcp", "name 22 /tcp",
	};
	static const char *const blank[] = {
		"", "   ", "\t\r", "# comment", "   # comment 1/tcp", "#",
	};
	struct services_line sv;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(services_parse_line(sp(bad[i]), &sv) ==
		    NETDB_BAD, "%s", bad[i]);
	for (i = 0; i < sizeof(blank) / sizeof(blank[0]); i++)
		ck_assert_msg(services_parse_line(sp(blank[i]), &sv) ==
		    NETDB_BLANK, "%s", blank[i]);
}
END_TEST

START_TEST(protocols_as_getent)
{
	struct protocols_line pr;
	struct span line, gline, w, rest;
	char *buf, *gbuf, mine[512], theirs[512];
	size_t len, glen, off = 0, goff = 0;
	int entries = 0;

	buf = fixture("protocols", &len);
	gbuf = fixture("protocols.getent", &glen);
	while (txt_next_line(buf, len, &off, &line)) {
		int kind = protocols_parse_line(line, &pr);

		ck_assert_int_ne(kind, NETDB_BAD);
		if (kind != NETDB_ENTRY)
			continue;
		snprintf(mine, sizeof(mine), "%.*s %u%s%.*s",
		    (int)pr.name.len, pr.name.p, pr.number,
		    pr.alias.len ? " " : "", (int)pr.alias.len, pr.alias.p);
		/* getent prints every alias; the table keeps the first. */
		ck_assert(txt_next_line(gbuf, glen, &goff, &gline));
		rest = gline;
		normalize(rest, theirs, sizeof(theirs));
		rest = sp(theirs);
		ck_assert(txt_next_field(&rest, ' ', &w));
		ck_assert(txt_next_field(&rest, ' ', &w));
		if (txt_next_field(&rest, ' ', &w))
			theirs[w.p - theirs + w.len] = '\0';
		ck_assert_str_eq(mine, theirs);
		entries++;
	}
	ck_assert(!txt_next_line(gbuf, glen, &goff, &gline));
	ck_assert_int_gt(entries, 50);
	free(buf);
	free(gbuf);
}
END_TEST

START_TEST(protocols_fields)
{
	struct protocols_line pr;

	ck_assert_int_eq(protocols_parse_line(sp("ip\t0\tIP\t\t# internet "
	    "protocol, pseudo protocol number"), &pr), NETDB_ENTRY);
	ck_assert(txt_eq(pr.name, "ip"));
	ck_assert_uint_eq(pr.number, 0);
	ck_assert(txt_eq(pr.alias, "IP"));
	ck_assert(txt_eq(pr.comment, "internet protocol, pseudo protocol "
	    "number"));
	ck_assert_int_eq(protocols_parse_line(sp("x 200 A B C"), &pr),
	    NETDB_ENTRY);
	ck_assert(txt_eq(pr.alias, "A"));
	ck_assert_uint_eq(pr.comment.len, 0);
	ck_assert_int_eq(protocols_parse_line(sp("x 7"), &pr), NETDB_ENTRY);
	ck_assert_uint_eq(pr.alias.len, 0);

	ck_assert_int_eq(protocols_parse_line(sp("x"), &pr), NETDB_BAD);
	ck_assert_int_eq(protocols_parse_line(sp("x y Y"), &pr), NETDB_BAD);
	ck_assert_int_eq(protocols_parse_line(sp("x 4294967296"), &pr),
	    NETDB_BAD);
	ck_assert_int_eq(protocols_parse_line(sp("x #7"), &pr), NETDB_BAD);
	ck_assert_int_eq(protocols_parse_line(sp(" # x 7"), &pr),
	    NETDB_BLANK);
}
END_TEST

static const char *const hosts_rows[][2] = {
	{ "127.0.0.1", "localhost" },
	{ "127.0.1.1", "vm.example.org vm" },
	{ "::1", "localhost ip6-localhost ip6-loopback" },
	{ "ff02::1", "ip6-allnodes" },
	{ "ff02::2", "ip6-allrouters" },
	{ "10.0.0.5", "db db.internal" },
	{ "10.0.0.6", "cache" },
	{ "192.0.2.10", "tabs and spaces" },
};

START_TEST(hosts_file)
{
	struct hosts_line h;
	struct span line;
	char *buf, names[256];
	size_t len, off = 0, n = 0;

	buf = fixture("hosts", &len);
	while (txt_next_line(buf, len, &off, &line)) {
		if (hosts_parse_line(line, &h) != NETDB_ENTRY)
			continue;
		ck_assert_uint_lt(n, sizeof(hosts_rows) / sizeof(hosts_rows[0]));
		ck_assert(txt_eq(h.address, hosts_rows[n][0]));
		netdb_join_words(h.names, names, sizeof(names));
		ck_assert_str_eq(names, hosts_rows[n][1]);
		n++;
	}
	ck_assert_uint_eq(n, sizeof(hosts_rows) / sizeof(hosts_rows[0]));
	free(buf);
}
END_TEST

START_TEST(hosts_lines)
{
	struct hosts_line h;

	ck_assert_int_eq(hosts_parse_line(sp("10.0.0.1"), &h), NETDB_ENTRY);
	ck_assert(txt_eq(h.address, "10.0.0.1"));
	ck_assert_uint_eq(h.names.len, 0);
	ck_assert_int_eq(hosts_parse_line(sp("10.0.0.1 # no names"), &h),
	    NETDB_ENTRY);
	ck_assert_uint_eq(h.names.len, 0);
	ck_assert_int_eq(hosts_parse_line(sp("#10.0.0.1 a"), &h),
	    NETDB_BLANK);
	ck_assert_int_eq(hosts_parse_line(sp(" \t # x"), &h), NETDB_BLANK);
	ck_assert_int_eq(hosts_parse_line(sp(""), &h), NETDB_BLANK);
}
END_TEST

START_TEST(join_words)
{
	char out[16];

	ck_assert_uint_eq(netdb_join_words(sp("  a \t b  c "), out,
	    sizeof(out)), 5);
	ck_assert_str_eq(out, "a b c");
	ck_assert_uint_eq(netdb_join_words(sp(""), out, sizeof(out)), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(netdb_join_words(sp("abcdefgh ijklmnop"), out,
	    sizeof(out)), 15);
	ck_assert_str_eq(out, "abcdefgh ijklmn");
	/* No room for a word after the space: no space either. */
	ck_assert_uint_eq(netdb_join_words(sp("abc def"), out, 5), 3);
	ck_assert_str_eq(out, "abc");
	ck_assert_uint_eq(netdb_join_words(sp("abc def"), out, 6), 5);
	ck_assert_str_eq(out, "abc d");
	ck_assert_uint_eq(netdb_join_words(sp("abc def"), out, 4), 3);
	ck_assert_str_eq(out, "abc");
	ck_assert_uint_eq(netdb_join_words(sp("abc"), out, 1), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *
suite_netdb(void)
{
	Suite *s = suite_create("netdb");
	TCase *tc = tcase_create("lines");

	tcase_add_test(tc, services_as_getent);
	tcase_add_test(tc, services_fields);
	tcase_add_test(tc, services_malformed);
	tcase_add_test(tc, protocols_as_getent);
	tcase_add_test(tc, protocols_fields);
	tcase_add_test(tc, hosts_file);
	tcase_add_test(tc, hosts_lines);
	tcase_add_test(tc, join_words);
	suite_add_tcase(s, tc);
	return s;
}
