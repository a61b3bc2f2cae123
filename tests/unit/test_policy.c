/*
 * The policy: the shipped default parses and says what it means, every
 * syntax error names its line, patterns match as documented, deny wins
 * whatever the order, only canonical paths are considered, and what
 * policy_print() writes parses back to the same decisions.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../ipc/catalogue.h"
#include "../../policy/policy.h"

static struct policy *
parse(const char *text)
{
	char err[256] = "";
	struct policy *pol;

	pol = policy_parse(text, strlen(text), err, sizeof(err));
	ck_assert_msg(pol != NULL, "policy did not parse: %s", err);
	return pol;
}

/* Parsing fails and the message contains want. */
static void
parse_fails(const char *text, const char *want)
{
	char err[256] = "";
	struct policy *pol;

	pol = policy_parse(text, strlen(text), err, sizeof(err));
	ck_assert_msg(pol == NULL, "policy parsed: %s", text);
	ck_assert_msg(strstr(err, want) != NULL, "error '%s' lacks '%s'",
	    err, want);
}

static int
allows(const struct policy *pol, enum pol_prim prim, const char *path)
{
	const char *root = NULL;
	int r;

	r = policy_allows_path(pol, prim, path, &root);
	if (r)
		ck_assert_ptr_nonnull(root);
	return r;
}

static const char *
root_of(const struct policy *pol, enum pol_prim prim, const char *path)
{
	const char *root = NULL;

	ck_assert_msg(policy_allows_path(pol, prim, path, &root) == 1,
	    "%s not allowed", path);
	return root;
}

START_TEST(policy_default_parses)
{
	struct policy *pol;
	uint32_t proc;

	ck_assert_uint_gt(policy_default_len, 0);
	ck_assert_uint_eq(strlen(policy_default_text), policy_default_len);
	pol = policy_parse(policy_default_text, policy_default_len, NULL, 0);
	ck_assert_ptr_nonnull(pol);

	ck_assert(allows(pol, POL_READ, "/etc/passwd"));
	ck_assert(allows(pol, POL_READ, "/etc/os-release"));
	ck_assert(allows(pol, POL_READ, "/proc/cpuinfo"));
	ck_assert(allows(pol, POL_READ, "/proc/sys/kernel/hostname"));
	ck_assert(!allows(pol, POL_READ,
	    "/proc/sys/net/ipv6/conf/eth0/stable_secret"));
	ck_assert(allows(pol, POL_READ, "/etc/shadow"));
	ck_assert(!allows(pol, POL_READ, "/etc/gshadow-"));
	ck_assert(!allows(pol, POL_READ, "/etc/ssh/ssh_host_ed25519_key"));
	ck_assert(allows(pol, POL_READ, "/etc/ssh/ssh_host_ed25519_key.pub"));
	ck_assert(!allows(pol, POL_READ, "/etc/ssl/private/x.pem"));
	ck_assert(!allows(pol, POL_READ, "/etc/ssl/private"));
	ck_assert(allows(pol, POL_READ, "/root/.ssh/id_rsa"));
	ck_assert(!allows(pol, POL_READ, "/home/alice/.gnupg/secring.gpg"));
	ck_assert(!allows(pol, POL_READ, "/home/alice/.bash_history"));
	ck_assert(allows(pol, POL_READ, "/home/alice/.bashrc"));
	ck_assert(!allows(pol, POL_READ, "/var/log/syslog"));
	ck_assert(!allows(pol, POL_READ, "/proc/1/environ"));
	ck_assert(allows(pol, POL_STAT, "/"));
	ck_assert(allows(pol, POL_STAT, "/etc/shadow"));
	ck_assert(allows(pol, POL_LIST, "/var/log"));
	ck_assert_str_eq(root_of(pol, POL_READ, "/etc/passwd"), "/etc");
	ck_assert_str_eq(root_of(pol, POL_READ, "/proc/cpuinfo"), "/proc");
	ck_assert_str_eq(root_of(pol, POL_READ, "/proc/sys/kernel/ostype"),
	    "/proc/sys");
	ck_assert_str_eq(root_of(pol, POL_STAT, "/etc"), "/");

	proc = policy_proc_kinds(pol);
	ck_assert(proc & PROC_KIND_BIT(PROC_STAT));
	ck_assert(proc & PROC_KIND_BIT(PROC_CMDLINE));
	ck_assert(!(proc & PROC_KIND_BIT(PROC_ENVIRON)));
	ck_assert_uint_eq(policy_netlink_kinds(pol), (1u << NL_KIND_MAX) - 1);
	ck_assert_uint_eq(policy_iptables_tables(pol),
	    (1u << IPT_TABLE_MAX) - 1);
	policy_free(pol);
}
END_TEST

static struct pol_terms
terms_of(const struct policy *pol, const char *path)
{
	struct pol_terms t = { 0, 0 };

	policy_read_terms(pol, path, &t);
	return t;
}

/* The default policy lets shadow and private keys out only on terms. */
START_TEST(policy_default_terms)
{
	struct policy *pol;
	struct pol_terms t;

	pol = policy_parse(policy_default_text, policy_default_len, NULL, 0);
	ck_assert_ptr_nonnull(pol);
	t = terms_of(pol, "/etc/shadow");
	ck_assert_uint_eq(t.crypt_field, 2);
	ck_assert_uint_eq(t.limit, 0);
	ck_assert_uint_eq(terms_of(pol, "/etc/shadow-").crypt_field, 2);
	ck_assert_uint_eq(terms_of(pol, "/root/.ssh/id_ed25519").limit, 40);
	ck_assert_uint_eq(terms_of(pol, "/home/a/.ssh/id_rsa").limit, 40);
	t = terms_of(pol, "/etc/passwd");
	ck_assert(t.limit == 0 && t.crypt_field == 0);
	ck_assert_int_eq(policy_read_terms(pol, "/etc/passwd", &t), 0);
	policy_free(pol);
}
END_TEST

/* Terms: only on allow read, numbers in range, the smaller limit wins,
 * and they belong to the line's own patterns. */
START_TEST(policy_terms)
{
	struct policy *pol;
	struct pol_terms t;

	parse_fails("allow read /x limit\n", "expected 'limit BYTES'");
	parse_fails("allow read /x limit 0\n", "expected 'limit BYTES'");
	parse_fails("allow read /x limit -3\n", "expected 'limit BYTES'");
	parse_fails("allow read /x limit 12k\n", "expected 'limit BYTES'");
	parse_fails("allow read /x limit 99999999999\n", "'limit BYTES'");
	parse_fails("allow read /x crypt-field 65\n", "'crypt-field N'");
	parse_fails("allow read /x limit 5 /y\n", "not '/y '");
	parse_fails("deny read /x limit 5\n", "allow read rules only");
	parse_fails("allow stat /x limit 5\n", "allow read rules only");
	parse_fails("allow read limit 5\n", "names nothing");

	pol = parse("allow read /a/** limit 500\n"
	    "allow read /a/b /c crypt-field 3 limit 100\nallow read /d\n");
	t = terms_of(pol, "/a/b");
	ck_assert_uint_eq(t.limit, 100);
	ck_assert_uint_eq(t.crypt_field, 3);
	t = terms_of(pol, "/a/x");
	ck_assert_uint_eq(t.limit, 500);
	ck_assert_uint_eq(t.crypt_field, 0);
	ck_assert_uint_eq(terms_of(pol, "/c").crypt_field, 3);
	ck_assert_uint_eq(terms_of(pol, "/d").limit, 0);
	policy_free(pol);

	pol = parse("allow iptables filter nat\ndeny iptables nat\n");
	ck_assert_uint_eq(policy_iptables_tables(pol), 1u << IPT_FILTER);
	policy_free(pol);
	parse_fails("allow iptables broute\n", "unknown iptables kind");
}
END_TEST

START_TEST(policy_syntax_errors)
{
	parse_fails("allow read /etc/**\npermit read /x\n", "line 2");
	parse_fails("permit read /x\n", "'allow' or 'deny'");
	parse_fails("\n\n# comment\nallow write /x\n", "line 4");
	parse_fails("allow write /x\n", "unknown primitive 'write'");
	parse_fails("allow\n", "missing primitive");
	parse_fails("allow proc stat bogus\n", "unknown proc kind 'bogus'");
	parse_fails("allow proc\n", "names nothing");
	parse_fails("allow netlink inet_diag xfrm\n",
	    "unknown netlink kind 'xfrm'");
	parse_fails("allow proc inet_diag\n", "unknown proc kind");
	parse_fails("allow netlink stat\n", "unknown netlink kind");
	parse_fails("allow read etc/passwd\n", "bad path pattern");
	parse_fails("allow read /etc/x\nallow read *\n", "line 2");
	parse_fails("allow read /etc/**x\n", "bad path pattern");
	parse_fails("allow read /etc/x**\n", "bad path pattern");
	parse_fails("allow read /etc/***\n", "bad path pattern");
	parse_fails("allow read /etc/**/x**/y\n", "bad path pattern");
	parse_fails("allow read /etc//x\n", "bad path pattern");
	parse_fails("allow read /etc/../x\n", "bad path pattern");
	parse_fails("allow read /etc/./x\n", "bad path pattern");
	parse_fails("deny read # all of it\n", "names nothing");
	parse_fails("deny list\n", "line 1: 'deny list' names nothing");
	{
		static const char nul[] = "allow read /a\nallow read /x\0y\n";
		char err[128] = "";

		ck_assert_ptr_null(policy_parse(nul, sizeof(nul) - 1, err,
		    sizeof(err)));
		ck_assert(strstr(err, "line 2") != NULL);
	}
}
END_TEST

/* A ".." or "." segment at the end of a pattern is refused as in the
 * middle: the message promises it, and the root computed from such a
 * pattern would name a directory the pattern does not. */
START_TEST(policy_dot_segment_at_end)
{
	parse_fails("allow read /etc/..\n", "bad path pattern");
	parse_fails("allow read /etc/.\n", "bad path pattern");
	parse_fails("allow read /..\n", "bad path pattern");
	parse_fails("allow read /etc/\n", "bad path pattern");
}
END_TEST

/* A line too long for the parser is an error, not a silent cut. */
START_TEST(policy_long_line)
{
	size_t n = 5000;
	char *text = malloc(n + 2);
	char err[128];

	ck_assert_ptr_nonnull(text);
	memcpy(text, "allow read /", 12);
	memset(text + 12, 'a', n - 12);
	text[n] = '\n';
	text[n + 1] = '\0';
	ck_assert_ptr_null(policy_parse(text, n + 1, err, sizeof(err)));
	ck_assert(strstr(err, "line 1") != NULL);
	free(text);
}
END_TEST

START_TEST(policy_blank_and_comments)
{
	struct policy *pol = parse("# nothing\n\n   \t\r\nallow read /a # x\n"
	    "allow read /b");	/* no newline at the end */

	ck_assert(allows(pol, POL_READ, "/a"));
	ck_assert(allows(pol, POL_READ, "/b"));
	ck_assert(!allows(pol, POL_READ, "/c"));
	ck_assert(!allows(pol, POL_LIST, "/a"));
	policy_free(pol);

	pol = parse("");
	ck_assert(!allows(pol, POL_READ, "/"));
	ck_assert_uint_eq(policy_proc_kinds(pol), 0);
	policy_free(pol);
}
END_TEST

START_TEST(policy_star_within_segment)
{
	ck_assert(policy_pattern_match("/etc/*", "/etc/passwd"));
	ck_assert(!policy_pattern_match("/etc/*", "/etc/ssh/sshd_config"));
	ck_assert(!policy_pattern_match("/etc/*", "/etc"));
	ck_assert(policy_pattern_match("/etc/*.conf", "/etc/a.conf"));
	ck_assert(policy_pattern_match("/etc/*.conf", "/etc/.conf"));
	ck_assert(!policy_pattern_match("/etc/*.conf", "/etc/a/b.conf"));
	ck_assert(policy_pattern_match("/home/*/.ssh/id_*",
	    "/home/bob/.ssh/id_ed25519"));
	ck_assert(!policy_pattern_match("/home/*/.ssh/id_*",
	    "/home/bob/x/.ssh/id_ed25519"));
	ck_assert(policy_pattern_match("/a*b*c", "/abc"));
	ck_assert(policy_pattern_match("/a*b*c", "/aXbYc"));
	ck_assert(!policy_pattern_match("/a*b*c", "/aXbYcZ"));
	ck_assert(policy_pattern_match("/*", "/x"));
	ck_assert(!policy_pattern_match("/*", "/"));
	ck_assert(!policy_pattern_match("/etc/passwd", "/etc/passwd2"));
	ck_assert(!policy_pattern_match("/etc/passwd2", "/etc/passwd"));
	ck_assert(!policy_pattern_match("/etc/passwd", "/etc"));
	ck_assert(!policy_pattern_match("/etc", "/etc/passwd"));
	ck_assert(!policy_pattern_match("etc/*", "/etc/x"));
	ck_assert(!policy_pattern_match("/etc/*", "etc/x"));
}
END_TEST

/* Matching is not exponential in the number of '*': privd matches every
 * path the worker names, and a segment may be 4095 bytes long.  Before
 * the matcher kept a single backtracking point, this pair took minutes
 * (the test times out). */
START_TEST(policy_star_no_blowup)
{
	char *path = malloc(IPC_MAX_PATH + 1);

	ck_assert_ptr_nonnull(path);
	path[0] = '/';
	memset(path + 1, 'a', IPC_MAX_PATH - 1);
	path[IPC_MAX_PATH] = '\0';
	ck_assert(!policy_pattern_match("/*a*a*a*a*a*a*a*a*a*a*b", path));
	ck_assert(policy_pattern_match("/*a*a*a*a*a*a*a*a*a*a*", path));
	path[IPC_MAX_PATH - 1] = 'b';
	ck_assert(policy_pattern_match("/*a*a*a*a*a*a*a*a*a*a*b", path));
	ck_assert(!policy_pattern_match("/*a*a*a*a*a*a*a*a*a*a*bc", path));
	free(path);
}
END_TEST

/* The same for '**' over segments: several of them in one pattern and a
 * path of two thousand segments. */
START_TEST(policy_double_star_no_blowup)
{
	char *path = malloc(IPC_MAX_PATH + 1);
	size_t i;

	ck_assert_ptr_nonnull(path);
	for (i = 0; i + 2 <= IPC_MAX_PATH; i += 2) {
		path[i] = '/';
		path[i + 1] = 'a';
	}
	path[i] = '\0';
	ck_assert(policy_path_canonical(path));
	ck_assert(!policy_pattern_match("/**/a/**/a/**/a/**/b", path));
	ck_assert(policy_pattern_match("/**/a/**/a/**/a/**/a", path));
	path[i - 1] = 'b';
	ck_assert(policy_pattern_match("/**/a/**/a/**/a/**/b", path));
	ck_assert(!policy_pattern_match("/**/a/**/a/**/a/**/b/**/c", path));
	/* Consecutive '**' are each zero or more segments. */
	ck_assert(policy_pattern_match("/b/**/**", "/b"));
	ck_assert(policy_pattern_match("/b/**/**/c", "/b/c"));
	free(path);
}
END_TEST

START_TEST(policy_double_star)
{
	ck_assert(policy_pattern_match("/etc/**", "/etc"));
	ck_assert(policy_pattern_match("/etc/**", "/etc/passwd"));
	ck_assert(policy_pattern_match("/etc/**", "/etc/a/b/c"));
	ck_assert(!policy_pattern_match("/etc/**", "/etcetera"));
	ck_assert(!policy_pattern_match("/etc/**", "/"));
	ck_assert(policy_pattern_match("/**", "/"));
	ck_assert(policy_pattern_match("/**", "/a/b"));
	ck_assert(!policy_pattern_match("/", "/a"));
	ck_assert(policy_pattern_match("/", "/"));
	/* Zero or more whole segments in the middle. */
	ck_assert(policy_pattern_match("/a/**/z", "/a/z"));
	ck_assert(policy_pattern_match("/a/**/z", "/a/b/z"));
	ck_assert(policy_pattern_match("/a/**/z", "/a/b/c/d/z"));
	ck_assert(!policy_pattern_match("/a/**/z", "/a/b/c/d/zz"));
	ck_assert(!policy_pattern_match("/a/**/z", "/a"));
	ck_assert(!policy_pattern_match("/a/**/z", "/a/z/y"));
	ck_assert(policy_pattern_match("/**/z", "/z"));
	ck_assert(policy_pattern_match("/**/z", "/x/y/z"));
	ck_assert(!policy_pattern_match("/**/z", "/"));
	ck_assert(policy_pattern_match("/a/**/*.key", "/a/b/c.key"));
	ck_assert(policy_pattern_match("/a/**/*.key", "/a/c.key"));
	ck_assert(!policy_pattern_match("/a/**/*.key", "/a/c.pub"));
	ck_assert(policy_pattern_match("/home/*/.gnupg/**",
	    "/home/u/.gnupg"));
	ck_assert(policy_pattern_match("/home/*/.gnupg/**",
	    "/home/u/.gnupg/private-keys-v1.d/x.key"));
	ck_assert(!policy_pattern_match("/home/*/.gnupg/**", "/home/u"));
}
END_TEST

START_TEST(policy_deny_wins)
{
	const char *const texts[] = {
		"allow read /etc/**\ndeny read /etc/shadow\n",
		"deny read /etc/shadow\nallow read /etc/**\n",
		"deny read /etc/shadow\nallow read /etc/shadow /etc/**\n",
	};
	struct policy *pol;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		pol = parse(texts[i]);
		ck_assert(!allows(pol, POL_READ, "/etc/shadow"));
		ck_assert(policy_denies_path(pol, POL_READ, "/etc/shadow"));
		ck_assert(allows(pol, POL_READ, "/etc/passwd"));
		ck_assert(!policy_denies_path(pol, POL_READ, "/etc/passwd"));
		/* A deny of one primitive says nothing of another. */
		ck_assert(!policy_denies_path(pol, POL_STAT, "/etc/shadow"));
		policy_free(pol);
	}

	/* The same for the kind masks. */
	pol = parse("deny proc environ\nallow proc stat environ\n"
	    "allow netlink links addrs\ndeny netlink addrs\n");
	ck_assert_uint_eq(policy_proc_kinds(pol), PROC_KIND_BIT(PROC_STAT));
	ck_assert_uint_eq(policy_netlink_kinds(pol), 1u << NL_LINKS);
	policy_free(pol);
}
END_TEST

START_TEST(policy_canonical)
{
	char *big = malloc(IPC_MAX_PATH + 2);

	ck_assert_ptr_nonnull(big);
	ck_assert(policy_path_canonical("/"));
	ck_assert(policy_path_canonical("/etc"));
	ck_assert(policy_path_canonical("/etc/ssh/sshd_config"));
	ck_assert(policy_path_canonical("/etc/.hidden"));
	ck_assert(policy_path_canonical("/etc/...")); /* just a name */
	ck_assert(policy_path_canonical("/etc/..x"));
	ck_assert(!policy_path_canonical(""));
	ck_assert(!policy_path_canonical("etc/x"));
	ck_assert(!policy_path_canonical("/etc/../shadow"));
	ck_assert(!policy_path_canonical("/etc/./x"));
	ck_assert(!policy_path_canonical("/etc/.."));
	ck_assert(!policy_path_canonical("/etc/."));
	ck_assert(!policy_path_canonical("/.."));
	ck_assert(!policy_path_canonical("//etc"));
	ck_assert(!policy_path_canonical("/etc//x"));
	ck_assert(!policy_path_canonical("/etc/"));
	ck_assert(!policy_path_canonical("//"));

	big[0] = '/';
	memset(big + 1, 'a', IPC_MAX_PATH);
	big[IPC_MAX_PATH + 1] = '\0';		/* IPC_MAX_PATH + 1 bytes */
	ck_assert(!policy_path_canonical(big));
	big[IPC_MAX_PATH] = '\0';		/* exactly IPC_MAX_PATH */
	ck_assert(policy_path_canonical(big));
	free(big);
}
END_TEST

/* A path that is not canonical is never allowed, even when every path
 * is. */
START_TEST(policy_allows_only_canonical)
{
	struct policy *pol = parse("allow read /**\n");

	ck_assert(allows(pol, POL_READ, "/etc/passwd"));
	ck_assert(!allows(pol, POL_READ, "/etc/../etc/shadow"));
	ck_assert(!allows(pol, POL_READ, "etc/passwd"));
	ck_assert(!allows(pol, POL_READ, "/etc/"));
	ck_assert(!allows(pol, POL_READ, ""));
	policy_free(pol);
}
END_TEST

START_TEST(policy_deepest_root)
{
	struct policy *pol = parse(
	    "allow read /**\n"
	    "allow read /var/lib/dpkg/**\n"
	    "allow read /var/*/dpkg/status\n"
	    "allow read /proc/sys/kernel/*\n"
	    "allow read /proc/**\n");

	ck_assert_str_eq(root_of(pol, POL_READ, "/etc/passwd"), "/");
	ck_assert_str_eq(root_of(pol, POL_READ, "/var/lib/dpkg/status"),
	    "/var/lib/dpkg");
	ck_assert_str_eq(root_of(pol, POL_READ, "/var/lib/dpkg"),
	    "/var/lib/dpkg");
	ck_assert_str_eq(root_of(pol, POL_READ, "/var/x/dpkg/status"),
	    "/var");
	ck_assert_str_eq(root_of(pol, POL_READ, "/proc/sys/kernel/ostype"),
	    "/proc/sys/kernel");
	ck_assert_str_eq(root_of(pol, POL_READ, "/proc/sys/vm/swappiness"),
	    "/proc");
	policy_free(pol);

	/* Order does not matter either. */
	pol = parse("allow read /var/lib/dpkg/**\nallow read /**\n");
	ck_assert_str_eq(root_of(pol, POL_READ, "/var/lib/dpkg/status"),
	    "/var/lib/dpkg");
	policy_free(pol);
}
END_TEST

START_TEST(policy_kind_masks)
{
	struct policy *pol = parse(
	    "allow proc stat status\n"
	    "allow proc cmdline limits\n"
	    "allow netlink inet_diag\tunix_diag\n");

	ck_assert_uint_eq(policy_proc_kinds(pol), PROC_KIND_BIT(PROC_STAT) |
	    PROC_KIND_BIT(PROC_STATUS) | PROC_KIND_BIT(PROC_CMDLINE) |
	    PROC_KIND_BIT(PROC_LIMITS));
	ck_assert_uint_eq(policy_netlink_kinds(pol), (1u << NL_INET_DIAG) |
	    (1u << NL_UNIX_DIAG));
	/* Kinds are not paths: no path rule came out of them. */
	ck_assert(!allows(pol, POL_READ, "/proc/1/stat"));
	policy_free(pol);
}
END_TEST

/* Decisions of two policies over a set of paths and kinds. */
static void
same_decisions(const struct policy *a, const struct policy *b)
{
	static const char *const paths[] = {
		"/", "/etc", "/etc/passwd", "/etc/shadow", "/etc/gshadow-",
		"/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_rsa_key.pub",
		"/etc/ssl/private/k", "/home/a/.ssh/id_rsa", "/home/a/.x",
		"/home/a/.zsh_history", "/root/.gnupg/x", "/proc/cpuinfo",
		"/proc/sys/kernel/hostname", "/proc/1/environ", "/var/log/x",
		"/var/lib/dpkg/status", "/sys/class/dmi/id/product_name",
		"/usr/bin/ls", "/boot/vmlinuz",
	};
	const char *ra, *rb;
	size_t i;
	enum pol_prim prim;
	int x, y;

	for (prim = POL_READ; prim <= POL_STAT; prim++) {
		for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
			ra = rb = NULL;
			x = policy_allows_path(a, prim, paths[i], &ra);
			y = policy_allows_path(b, prim, paths[i], &rb);
			ck_assert_msg(x == y, "%s %s differs",
			    pol_prim_name(prim), paths[i]);
			if (x)
				ck_assert_str_eq(ra, rb);
		}
	}
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct pol_terms ta = { 0, 0 }, tb = { 0, 0 };

		policy_read_terms(a, paths[i], &ta);
		policy_read_terms(b, paths[i], &tb);
		ck_assert_uint_eq(ta.limit, tb.limit);
		ck_assert_uint_eq(ta.crypt_field, tb.crypt_field);
	}
	ck_assert_uint_eq(policy_proc_kinds(a), policy_proc_kinds(b));
	ck_assert_uint_eq(policy_netlink_kinds(a), policy_netlink_kinds(b));
	ck_assert_uint_eq(policy_iptables_tables(a),
	    policy_iptables_tables(b));
}

static struct policy *
reparse_printed(const struct policy *pol)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct policy *again;

	ck_assert_ptr_nonnull(fp);
	policy_print(pol, fp);
	ck_assert_int_eq(fclose(fp), 0);
	again = parse(buf);
	free(buf);
	return again;
}

START_TEST(policy_print_reparses)
{
	struct policy *pol, *again, *third;

	pol = policy_parse(policy_default_text, policy_default_len, NULL, 0);
	ck_assert_ptr_nonnull(pol);
	again = reparse_printed(pol);
	same_decisions(pol, again);
	/* Printing is a fixed point after one round. */
	third = reparse_printed(again);
	same_decisions(again, third);
	policy_free(third);
	policy_free(again);
	policy_free(pol);

	pol = parse("deny proc stat\nallow proc stat io\n"
	    "deny netlink links\n");
	again = reparse_printed(pol);
	same_decisions(pol, again);
	policy_free(again);
	policy_free(pol);
}
END_TEST

START_TEST(policy_rule_limit)
{
	size_t i, cap = 600 * 32;
	char *text = malloc(cap), *p = text;
	char err[128];
	struct policy *pol;

	ck_assert_ptr_nonnull(text);
	for (i = 0; i < 600; i++)
		p += snprintf(p, cap - (size_t)(p - text),
		    "allow read /r%zu\n", i);
	pol = policy_parse(text, strlen(text), err, sizeof(err));
	ck_assert_ptr_null(pol);
	ck_assert(strstr(err, "line 513") != NULL);
	free(text);
}
END_TEST

Suite	*suite_policy(void);

Suite *
suite_policy(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, policy_default_parses);
	tcase_add_test(tc, policy_default_terms);
	tcase_add_test(tc, policy_terms);
	tcase_add_test(tc, policy_syntax_errors);
	tcase_add_test(tc, policy_dot_segment_at_end);
	tcase_add_test(tc, policy_long_line);
	tcase_add_test(tc, policy_blank_and_comments);
	tcase_add_test(tc, policy_star_within_segment);
	tcase_add_test(tc, policy_star_no_blowup);
	tcase_add_test(tc, policy_double_star);
	tcase_add_test(tc, policy_double_star_no_blowup);
	tcase_add_test(tc, policy_deny_wins);
	tcase_add_test(tc, policy_canonical);
	tcase_add_test(tc, policy_allows_only_canonical);
	tcase_add_test(tc, policy_deepest_root);
	tcase_add_test(tc, policy_kind_masks);
	tcase_add_test(tc, policy_print_reparses);
	tcase_add_test(tc, policy_rule_limit);
	suite_add_tcase(s, tc);
	return s;
}
