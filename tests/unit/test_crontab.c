/*
 * crontab(5) lines: Debian's /etc/crontab and a file of /etc/cron.d as
 * shipped, and a user crontab with the edge cases (settings with and
 * without spaces around '=', @events, a line that ends before its
 * command, tabs, a carriage return).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/crontab_parse.h"
#include "fixture.h"

struct want {
	const char	*event;
	const char	*minute, *hour, *dom, *month, *dow;
	const char	*command;
};

static void
check_span(struct span s, const char *want)
{
	char got[512];

	if (want == NULL) {
		ck_assert_ptr_null(s.p);
		return;
	}
	snprintf(got, sizeof(got), "%.*s", (int)s.len, s.p);
	ck_assert_str_eq(got, want);
}

static void
check_file(const char *name, const struct want *w, size_t nwant)
{
	struct cron_line c;
	struct span line;
	size_t len, off = 0, n = 0;
	char *buf = fixture_load("crontab", name, &len);

	while (txt_next_line(buf, len, &off, &line)) {
		if (crontab_parse_line(line, &c) == -1)
			continue;
		ck_assert_uint_lt(n, nwant);
		check_span(c.event, w[n].event);
		check_span(c.minute, w[n].minute);
		check_span(c.hour, w[n].hour);
		check_span(c.day_of_month, w[n].dom);
		check_span(c.month, w[n].month);
		check_span(c.day_of_week, w[n].dow);
		check_span(c.command, w[n].command);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	free(buf);
}

START_TEST(system_crontab)
{
	static const struct want w[] = {
		{ NULL, "17", "*", "*", "*", "*",
		    "root\tcd / && run-parts --report /etc/cron.hourly" },
		{ NULL, "25", "6", "*", "*", "*",
		    "root\ttest -x /usr/sbin/anacron || { cd / && run-parts "
		    "--report /etc/cron.daily; }" },
		{ NULL, "47", "6", "*", "*", "7",
		    "root\ttest -x /usr/sbin/anacron || { cd / && run-parts "
		    "--report /etc/cron.weekly; }" },
		{ NULL, "52", "6", "1", "*", "*",
		    "root\ttest -x /usr/sbin/anacron || { cd / && run-parts "
		    "--report /etc/cron.monthly; }" },
	};

	check_file("crontab", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(cron_d)
{
	static const struct want w[] = {
		{ NULL, "30", "3", "*", "*", "0", "root test -e "
		    "/run/systemd/system || SERVICE_MODE=1 "
		    "/usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron" },
		{ NULL, "10", "3", "*", "*", "*", "root test -e "
		    "/run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all "
		    "-A -r" },
	};

	check_file("e2scrub_all", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(user_edge)
{
	static const struct want w[] = {
		{ NULL, "*/5", "*", "*", "*", "*",
		    "/usr/local/bin/poll --quiet  >/dev/null 2>&1" },
		{ "@reboot", NULL, NULL, NULL, NULL, NULL,
		    "/usr/bin/start-thing  --now" },
		{ NULL, "0", "3", "*", "*", "1-5", "echo \"a  b\" % tail" },
		{ NULL, "30", "2", "*", "*", "*", "tabbed\tcommand" },
		{ NULL, "0", "0", "*", "*", "*", "crlf" },
	};

	check_file("user-edge", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(not_jobs)
{
	static const char *const lines[] = {
		"", "   ", "# 1 2 3 4 5 comment", "A=1 2 3 4 5 6",
		"NAME = 1 2 3 4 5 6", "1 2 3 4", "1 2 3 4 5", "1 2 3 4 5 \t",
		"@hourly", "@hourly   ",
	};
	struct cron_line c;
	struct span s;
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		s.p = lines[i];
		s.len = strlen(lines[i]);
		ck_assert_msg(crontab_parse_line(s, &c) == -1, "%s", lines[i]);
	}
}
END_TEST

Suite	*suite_crontab(void);

Suite *
suite_crontab(void)
{
	Suite *s = suite_create("crontab");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, system_crontab);
	tcase_add_test(tc, cron_d);
	tcase_add_test(tc, user_edge);
	tcase_add_test(tc, not_jobs);
	suite_add_tcase(s, tc);
	return s;
}
