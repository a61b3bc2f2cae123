/*
 * The text files of ~/.ssh: authorized_keys lines (options with quoted
 * blanks and quotes, comments, a z/OS key ring, lines that are no key)
 * and ssh_config lines (Debian's /etc/ssh/ssh_config, '=' separators,
 * quoted arguments, Host/Match/Include).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/authkeys_parse.h"
#include "../../tables/sshconfig_parse.h"
#include "fixture.h"

static void
check_span(struct span s, const char *want)
{
	char got[1024];

	if (want == NULL) {
		ck_assert_ptr_null(s.p);
		return;
	}
	ck_assert_ptr_nonnull(s.p);
	snprintf(got, sizeof(got), "%.*s", (int)s.len, s.p);
	ck_assert_str_eq(got, want);
}

START_TEST(authorized_keys)
{
	static const struct {
		const char	*options, *algorithm, *key_start, *comment;
	} w[] = {
		{ NULL, "ssh-rsa", "AAAAB3NzaC1yc2E", "test" },
		{ "command=\"echo hi\",no-pty,from=\"10.0.0.1,host \\\"x "
		    "y\\\"\"", "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5",
		    "my  comment here" },
		{ NULL, "ecdsa-sha2-nistp256", "AAAAE2VjZHNh", NULL },
		{ "restrict,zos-key-ring-label=\"KeyRing01 ssh-key\"", NULL,
		    NULL, NULL },
		{ "cert-authority,principals=\"a,b\"",
		    "sk-ssh-ed25519@openssh.com", "AAAAGnNrLXNz", "yubikey" },
	};
	struct authkey_line k;
	struct span line;
	size_t len, off = 0, n = 0;
	char *buf = fixture_load("ssh", "authorized_keys", &len);

	while (txt_next_line(buf, len, &off, &line)) {
		if (authkeys_parse_line(line, &k) == -1)
			continue;
		ck_assert_uint_lt(n, sizeof(w) / sizeof(w[0]));
		check_span(k.options, w[n].options);
		check_span(k.algorithm, w[n].algorithm);
		check_span(k.comment, w[n].comment);
		if (w[n].key_start == NULL)
			ck_assert_ptr_null(k.key.p);
		else {
			ck_assert_uint_ge(k.key.len, strlen(w[n].key_start));
			ck_assert(memcmp(k.key.p, w[n].key_start,
			    strlen(w[n].key_start)) == 0);
			ck_assert_ptr_null(memchr(k.key.p, ' ', k.key.len));
		}
		n++;
	}
	ck_assert_uint_eq(n, sizeof(w) / sizeof(w[0]));
	free(buf);
}
END_TEST

START_TEST(key_types)
{
	struct span s;

	s.p = "ssh-ed25519-cert-v01@openssh.com";
	s.len = strlen(s.p);
	ck_assert(authkeys_is_key_type(s));
	s.len = 7;	/* "ssh-ed2" */
	ck_assert(!authkeys_is_key_type(s));
	s.p = "SSH-RSA";
	s.len = 7;
	ck_assert(!authkeys_is_key_type(s));
}
END_TEST

struct conf_want {
	enum sshconfig_kind	 kind;
	const char		*keyword;
	const char		*args;
};

static void
check_config(const char *name, const struct conf_want *w, size_t nwant)
{
	struct sshconfig_line c;
	struct span line;
	size_t len, off = 0, n = 0;
	char *buf = fixture_load("ssh", name, &len);

	while (txt_next_line(buf, len, &off, &line)) {
		if (sshconfig_parse_line(line, &c) == -1)
			continue;
		ck_assert_uint_lt(n, nwant);
		ck_assert_int_eq(c.kind, w[n].kind);
		check_span(c.keyword, w[n].keyword);
		check_span(c.args, w[n].args);
		ck_assert(c.keyword.p == c.text.p);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	free(buf);
}

START_TEST(debian_ssh_config)
{
	static const struct conf_want w[] = {
		{ SSHCONFIG_INCLUDE, "Include", "/etc/ssh/ssh_config.d/*.conf" },
		{ SSHCONFIG_BLOCK, "Host", "*" },
		{ SSHCONFIG_OPTION, "SendEnv", "LANG LC_*" },
		{ SSHCONFIG_OPTION, "HashKnownHosts", "yes" },
		{ SSHCONFIG_OPTION, "GSSAPIAuthentication", "yes" },
	};

	check_config("ssh_config", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(config_edge)
{
	static const struct conf_want w[] = {
		{ SSHCONFIG_BLOCK, "Host", "github.com" },
		{ SSHCONFIG_OPTION, "IdentityFile", "~/.ssh/GitHub_Key" },
		{ SSHCONFIG_OPTION, "User", "git" },
		{ SSHCONFIG_BLOCK, "Host", "*.Example.org  bastion" },
		{ SSHCONFIG_OPTION, "ProxyJump", "bastion.example.org" },
		{ SSHCONFIG_BLOCK, "Match", "host \"a b\" exec \"test -f /x\"" },
		{ SSHCONFIG_OPTION, "ForwardAgent", "yes" },
		{ SSHCONFIG_INCLUDE, "Include", "conf.d/*.conf ~/.ssh/extra "
		    "\"/etc/ssh/with space\"" },
		{ SSHCONFIG_OPTION, "StrictHostKeyChecking", "accept-new" },
	};

	check_config("config-edge", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(config_args)
{
	static const char *const want[] = { "conf.d/*.conf", "~/.ssh/extra",
	    "/etc/ssh/with space", "unclosed quote" };
	struct span args, arg;
	size_t n = 0;
	char got[64];

	args.p = " conf.d/*.conf\t~/.ssh/extra \"/etc/ssh/with space\" "
	    "\"unclosed quote";
	args.len = strlen(args.p);
	while (sshconfig_next_arg(&args, &arg)) {
		ck_assert_uint_lt(n, 4);
		snprintf(got, sizeof(got), "%.*s", (int)arg.len, arg.p);
		ck_assert_str_eq(got, want[n]);
		n++;
	}
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(args.len, 0);
}
END_TEST

Suite	*suite_sshfiles(void);

Suite *
suite_sshfiles(void)
{
	Suite *s = suite_create("sshfiles");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, authorized_keys);
	tcase_add_test(tc, key_types);
	tcase_add_test(tc, debian_ssh_config);
	tcase_add_test(tc, config_edge);
	tcase_add_test(tc, config_args);
	suite_add_tcase(s, tc);
	return s;
}
