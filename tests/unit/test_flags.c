/*
 * The daemon's flags: --name=value and --name value, bare booleans,
 * unknown names and values out of range refused with a message naming
 * them, flagfiles with comments and blank lines, and the command line
 * winning over the flagfile whatever the order they are read in.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../ipc/flags.h"

#define ARGV(...)	((char *[]){ "hostqld", __VA_ARGS__, NULL })
#define ARGC(...)	((int)(sizeof((char *[]){ "hostqld", __VA_ARGS__ }) / \
			    sizeof(char *)))
#define PARSE(fv, err, ...) \
	dflags_parse_argv((fv), ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), (err), \
	    sizeof(err))

static int
parse_text(struct dflag_values *fv, const char *text, char *err,
    size_t errlen)
{
	return dflags_parse_file(fv, text, strlen(text), err, errlen);
}

START_TEST(flags_defaults)
{
	struct dflag_values fv;
	char err[256];
	int i, j;

	dflags_init(&fv);
	ck_assert_str_eq(dflag_str(&fv, DF_LOGGER_PATH), "/var/log/hostql");
	ck_assert_int_eq(dflag_int(&fv, DF_SCHEDULE_SPLAY_PERCENT), 10);
	ck_assert_int_eq(dflag_int(&fv, DF_LOGGER_MODE), 0640);
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 0);
	ck_assert_int_eq(dflag_bool(&fv, DF_LOGGER_EVENT_TYPE), 1);
	/* Every default fits its own flag, and every name is unique. */
	for (i = 0; i < DF_COUNT; i++) {
		ck_assert_ptr_nonnull(dflags[i].name);
		ck_assert_ptr_nonnull(dflags[i].description);
		ck_assert_msg(dflags_set(&fv, dflags[i].name, dflags[i].dflt, 0,
		    err, sizeof(err)) == 0, "default of --%s: %s",
		    dflags[i].name, err);
		ck_assert_int_eq(dflags_lookup(dflags[i].name), i);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(dflags[i].name, dflags[j].name);
	}
	ck_assert_int_eq(dflags_lookup("no_such_flag"), -1);
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_equals_and_separate)
{
	struct dflag_values fv;
	char err[256];

	dflags_init(&fv);
	ck_assert_int_eq(PARSE(&fv, err, "--logger_path=/tmp/a",
	    "--database_path", "/tmp/b", "--host_identifier=",
	    "--pidfile=/x=y"), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_LOGGER_PATH), "/tmp/a");
	ck_assert_str_eq(dflag_str(&fv, DF_DATABASE_PATH), "/tmp/b");
	ck_assert_str_eq(dflag_str(&fv, DF_HOST_IDENTIFIER), "");
	ck_assert_str_eq(dflag_str(&fv, DF_PIDFILE), "/x=y");
	/* A value that looks like a flag is still the value. */
	ck_assert_int_eq(PARSE(&fv, err, "--config_path", "--daemonize"), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_CONFIG_PATH), "--daemonize");
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 0);
	/* The later of two settings wins. */
	ck_assert_int_eq(PARSE(&fv, err, "--logger_path=/1",
	    "--logger_path=/2"), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_LOGGER_PATH), "/2");
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_booleans)
{
	struct dflag_values fv;
	char err[256];

	dflags_init(&fv);
	ck_assert_int_eq(PARSE(&fv, err, "--daemonize", "--config_check",
	    "--logger_event_type=false", "--verbose=1",
	    "--disable_watchdog=yes"), 0);
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 1);
	ck_assert_int_eq(dflag_bool(&fv, DF_CONFIG_CHECK), 1);
	ck_assert_int_eq(dflag_bool(&fv, DF_LOGGER_EVENT_TYPE), 0);
	ck_assert_int_eq(dflag_bool(&fv, DF_VERBOSE), 1);
	ck_assert_int_eq(dflag_bool(&fv, DF_DISABLE_WATCHDOG), 1);
	ck_assert_int_eq(PARSE(&fv, err, "--daemonize=no", "--verbose=0"), 0);
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 0);
	ck_assert_int_eq(dflag_bool(&fv, DF_VERBOSE), 0);
	/* A bare boolean takes no value: the next word is an argument. */
	ck_assert_int_eq(PARSE(&fv, err, "--daemonize", "false"), -1);
	ck_assert_str_eq(err, "unexpected argument 'false'");
	ck_assert_int_eq(PARSE(&fv, err, "--daemonize=maybe"), -1);
	ck_assert_str_eq(err, "--daemonize: 'maybe' is not true or false");
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_unknown)
{
	struct dflag_values fv;
	char err[256], long_name[300];

	dflags_init(&fv);
	ck_assert_int_eq(PARSE(&fv, err, "--no_such_flag=1"), -1);
	ck_assert_str_eq(err, "unknown flag --no_such_flag");
	ck_assert_int_eq(PARSE(&fv, err, "--no_such_flag", "1"), -1);
	ck_assert_str_eq(err, "unknown flag --no_such_flag");
	ck_assert_int_eq(PARSE(&fv, err, "--=1"), -1);
	ck_assert_str_eq(err, "unknown flag --");
	ck_assert_int_eq(PARSE(&fv, err, "-daemonize"), -1);
	ck_assert_str_eq(err, "unexpected argument '-daemonize'");
	ck_assert_int_eq(PARSE(&fv, err, "SELECT 1"), -1);
	ck_assert_int_eq(PARSE(&fv, err, "--logger_path"), -1);
	ck_assert_str_eq(err, "--logger_path needs a value");
	/* Case matters, as in osquery. */
	ck_assert_int_eq(PARSE(&fv, err, "--Logger_Path=/x"), -1);
	memset(long_name, 'a', sizeof(long_name));
	memcpy(long_name, "--", 2);
	long_name[sizeof(long_name) - 1] = '\0';
	ck_assert_int_eq(PARSE(&fv, err, long_name), -1);
	ck_assert_ptr_nonnull(strstr(err, "unknown flag --aaaa"));
	ck_assert_uint_lt(strlen(err), 80);
	/* Nothing was set by the refused words. */
	ck_assert_ptr_null(fv.v[DF_LOGGER_PATH]);
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_ranges)
{
	static const char *bad[] = {
		"--schedule_splay_percent=101",
		"--schedule_splay_percent=-1",
		"--schedule_splay_percent=",
		"--schedule_splay_percent=ten",
		"--schedule_splay_percent=5x",
		"--schedule_splay_percent=1.5",
		"--schedule_default_interval=0",
		"--schedule_default_interval=604801",
		"--logger_rotate_size=1023",
		"--logger_rotate_max_files=0",
		"--logger_mode=01000",
		"--watchdog_level=2",
		"--watchdog_level=-2",
		"--schedule_epoch=9223372036854775808",
		"--schedule_epoch=99999999999999999999",
		"--watchdog_memory_limit=-0x1",
	};
	struct dflag_values fv;
	char err[256];
	size_t i;

	dflags_init(&fv);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(PARSE(&fv, err, (char *)bad[i]) == -1,
		    "taken: %s", bad[i]);
		ck_assert_msg(strstr(err, "is not a number from") != NULL,
		    "%s: %s", bad[i], err);
	}
	ck_assert_int_eq(PARSE(&fv, err, "--schedule_splay_percent=foo"), -1);
	ck_assert_str_eq(err, "--schedule_splay_percent: 'foo' is not a number "
	    "from 0 to 100");
	/* Nothing out of range was kept. */
	for (i = 0; i < DF_COUNT; i++)
		ck_assert_ptr_null(fv.v[i]);

	ck_assert_int_eq(PARSE(&fv, err, "--schedule_splay_percent=100",
	    "--logger_rotate_size=1024", "--logger_mode=0600",
	    "--watchdog_level=-1", "--schedule_epoch=9223372036854775807"), 0);
	ck_assert_int_eq(dflag_int(&fv, DF_SCHEDULE_SPLAY_PERCENT), 100);
	ck_assert_int_eq(dflag_int(&fv, DF_LOGGER_ROTATE_SIZE), 1024);
	ck_assert_int_eq(dflag_int(&fv, DF_LOGGER_MODE), 0600);
	ck_assert_int_eq(dflag_int(&fv, DF_WATCHDOG_LEVEL), -1);
	ck_assert(dflag_int(&fv, DF_SCHEDULE_EPOCH) == 9223372036854775807LL);
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_file)
{
	static const char text[] =
	    "# hostqld flags\n"
	    "\n"
	    "--logger_path=/var/log/x\n"
	    "   --database_path=/var/lib/x   \n"
	    "\t# an indented comment\n"
	    "--daemonize\r\n"
	    "   \t \n"
	    "--host_identifier=#not a comment\n"
	    "--schedule_splay_percent=20";
	struct dflag_values fv;
	char err[256];

	dflags_init(&fv);
	ck_assert_int_eq(parse_text(&fv, text, err, sizeof(err)), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_LOGGER_PATH), "/var/log/x");
	ck_assert_str_eq(dflag_str(&fv, DF_DATABASE_PATH), "/var/lib/x");
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 1);
	ck_assert_str_eq(dflag_str(&fv, DF_HOST_IDENTIFIER), "#not a comment");
	ck_assert_int_eq(dflag_int(&fv, DF_SCHEDULE_SPLAY_PERCENT), 20);
	ck_assert_int_eq(fv.from_cli[DF_LOGGER_PATH], 0);
	dflags_free(&fv);

	/* Empty files and files of comments set nothing. */
	dflags_init(&fv);
	ck_assert_int_eq(parse_text(&fv, "", err, sizeof(err)), 0);
	ck_assert_int_eq(parse_text(&fv, "\n\n# x\n#--daemonize\n", err,
	    sizeof(err)), 0);
	ck_assert_ptr_null(fv.v[DF_DAEMONIZE]);
	dflags_free(&fv);
}
END_TEST

START_TEST(flags_file_errors)
{
	struct dflag_values fv;
	char err[256], *big;
	size_t n = 5000;

	dflags_init(&fv);
	ck_assert_int_eq(parse_text(&fv, "# a\n--daemonize\n--nope=1\n", err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown flag --nope (line 3)");
	ck_assert_int_eq(parse_text(&fv, "\n--schedule_splay_percent=200\n",
	    err, sizeof(err)), -1);
	ck_assert_str_eq(err, "--schedule_splay_percent: '200' is not a number "
	    "from 0 to 100 (line 2)");
	ck_assert_int_eq(parse_text(&fv, "logger_path=/x\n", err, sizeof(err)),
	    -1);
	ck_assert_str_eq(err, "unexpected argument 'logger_path=/x' (line 1)");
	/* One flag a line: a value after a space is not taken apart. */
	ck_assert_int_eq(parse_text(&fv, "--logger_path /x\n", err,
	    sizeof(err)), -1);
	ck_assert_int_eq(parse_text(&fv, "--logger_path\n", err, sizeof(err)),
	    -1);
	ck_assert_str_eq(err, "--logger_path needs a value (line 1)");
	ck_assert_int_eq(dflags_parse_file(&fv, "--verbose\0\n", 11, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "line 1: too long or has a NUL");
	ck_assert_ptr_nonnull(big = malloc(n));
	memset(big, 'a', n);
	memcpy(big, "--logger_path=/", 15);
	ck_assert_int_eq(dflags_parse_file(&fv, big, n, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "line 1: too long or has a NUL");
	free(big);
	/* A message too long for the buffer is cut, not overrun. */
	ck_assert_int_eq(parse_text(&fv, "--nope_nope_nope=1\n", err, 12), -1);
	ck_assert_uint_eq(strlen(err), 11);
	dflags_free(&fv);
}
END_TEST

/* The command line is read first, the flagfile it names after: the
 * command line still wins, flag by flag. */
START_TEST(flags_command_line_wins)
{
	struct dflag_values fv;
	char err[256];

	dflags_init(&fv);
	ck_assert_int_eq(PARSE(&fv, err, "--logger_path=/cli",
	    "--flagfile=/etc/hostql/flags", "--daemonize=false"), 0);
	ck_assert_int_eq(parse_text(&fv, "--logger_path=/file\n"
	    "--database_path=/file-db\n--daemonize\n", err, sizeof(err)), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_LOGGER_PATH), "/cli");
	ck_assert_str_eq(dflag_str(&fv, DF_DATABASE_PATH), "/file-db");
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 0);
	ck_assert_int_eq(fv.from_cli[DF_LOGGER_PATH], 1);
	ck_assert_int_eq(fv.from_cli[DF_DATABASE_PATH], 0);
	/* A later command line still overrides the file. */
	ck_assert_int_eq(PARSE(&fv, err, "--database_path=/cli-db"), 0);
	ck_assert_str_eq(dflag_str(&fv, DF_DATABASE_PATH), "/cli-db");
	/* A bad value in the file is refused even for a flag the command
	 * line set. */
	ck_assert_int_eq(parse_text(&fv, "--daemonize=perhaps\n", err,
	    sizeof(err)), -1);
	ck_assert_int_eq(dflag_bool(&fv, DF_DAEMONIZE), 0);
	dflags_free(&fv);
}
END_TEST

Suite	*suite_flags(void);

Suite *
suite_flags(void)
{
	Suite *s = suite_create("flags");
	TCase *tc = tcase_create("flags");

	tcase_add_test(tc, flags_defaults);
	tcase_add_test(tc, flags_equals_and_separate);
	tcase_add_test(tc, flags_booleans);
	tcase_add_test(tc, flags_unknown);
	tcase_add_test(tc, flags_ranges);
	tcase_add_test(tc, flags_file);
	tcase_add_test(tc, flags_file_errors);
	tcase_add_test(tc, flags_command_line_wins);
	suite_add_tcase(s, tc);
	return s;
}
