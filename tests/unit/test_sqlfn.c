/*
 * osquery's string, regex, digest, base64 and math functions, run
 * through a real SQLite: the examples osquery documents, NULL in every
 * position, indexes out of range and negative, empty strings, bad
 * base64, invalid and runaway regexes.  The network functions are in
 * test_sqlfn_net.c, the versions in test_vercmp.c.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "sqlq.h"

#define EXPECT(q, sql, want)	ck_assert_str_eq(sqlq(q, sql), want)
#define EXPECT_TYPED(q, sql, want, t) do {				\
	ck_assert_str_eq(sqlq(q, sql), want);				\
	ck_assert_int_eq((q)->type, t);					\
} while (0)
#define EXPECT_ERROR(q, sql, msg) do {					\
	const char *got_ = sqlq(q, sql);				\
	ck_assert_msg(strstr(got_, "ERROR: " msg) == got_,		\
	    "%s: got '%s', want the error '%s'", sql, got_, msg);	\
} while (0)

START_TEST(split_documented)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT_TYPED(&q, "SELECT split('192.168.0.1', '.', 1)", "168",
	    SQLITE_TEXT);
	/* Every character of the tokens splits. */
	EXPECT(&q, "SELECT split('192.168.0.1', '.0', 0)", "192");
	EXPECT(&q, "SELECT split('192.168.0.1', '.0', 2)", "1");
	/* Numbers are split as their text. */
	EXPECT(&q, "SELECT split(1001, 1, 0)", "00");
	EXPECT(&q, "SELECT split(500, 1, 0)", "500");
	sqlq_close(&q);
}
END_TEST

START_TEST(split_pieces)
{
	struct sqlq q;

	sqlq_open(&q);
	/* Empty pieces are dropped, the rest trimmed. */
	EXPECT(&q, "SELECT split(' a , b ,,c ', ',', 0)", "a");
	EXPECT(&q, "SELECT split(' a , b ,,c ', ',', 1)", "b");
	EXPECT(&q, "SELECT split(' a , b ,,c ', ',', 2)", "c");
	EXPECT(&q, "SELECT split(',,a', ',', 0)", "a");
	/* A piece of blanks is not empty before it is trimmed. */
	EXPECT_TYPED(&q, "SELECT split('a, ,b', ',', 1)", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT split('a, ,b', ',', 2)", "b");
	EXPECT(&q, "SELECT split('a' || char(9) || 'b', char(9), 1)", "b");
	EXPECT(&q, "SELECT split('abc', ',', 0)", "abc");
	sqlq_close(&q);
}
END_TEST

START_TEST(split_out_of_range_and_null)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT split('a,b', ',', 2)", "NULL");
	EXPECT(&q, "SELECT split('a,b', ',', -1)", "NULL");
	EXPECT(&q, "SELECT split('a,b', ',', 4294967296)", "NULL");
	EXPECT(&q, "SELECT split('', ',', 0)", "NULL");
	EXPECT(&q, "SELECT split(',,,', ',', 0)", "NULL");
	EXPECT(&q, "SELECT split(NULL, ',', 0)", "NULL");
	EXPECT(&q, "SELECT split('a,b', NULL, 0)", "NULL");
	EXPECT(&q, "SELECT split('a,b', ',', NULL)", "NULL");
	EXPECT_ERROR(&q, "SELECT split('a,b', '', 0)",
	    "Invalid input to split function");
	EXPECT_ERROR(&q, "SELECT split('a,b', ',')", "wrong number");
	sqlq_close(&q);
}
END_TEST

START_TEST(concat_skips_null)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT concat('hello', NULL, ' ', 'world')",
	    "hello world");
	EXPECT(&q, "SELECT concat(1, 2.5, 'x')", "12.5x");
	EXPECT_TYPED(&q, "SELECT concat(NULL, NULL)", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT concat()", "NULL");
	EXPECT(&q, "SELECT length(CAST(concat('a', x'00', 'b') AS BLOB))",
	    "3");
	sqlq_close(&q);
}
END_TEST

START_TEST(concat_ws_separator)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT concat_ws(' ', 'hello', NULL, 'world')",
	    "hello world");
	EXPECT(&q, "SELECT concat_ws('-', 'a', 'b', 'c')", "a-b-c");
	EXPECT(&q, "SELECT concat_ws(', ', 1, 2)", "1, 2");
	/* osquery puts the separator after every argument but the last,
	 * so a trailing NULL leaves one. */
	EXPECT(&q, "SELECT concat_ws('-', 'a', NULL)", "a-");
	EXPECT(&q, "SELECT concat_ws(NULL, 'a', 'b')", "ab");
	EXPECT(&q, "SELECT concat_ws('-')", "NULL");
	EXPECT(&q, "SELECT concat_ws('-', NULL)", "");
	EXPECT_ERROR(&q, "SELECT concat_ws()",
	    "Missing separator to concat_ws");
	sqlq_close(&q);
}
END_TEST

START_TEST(parent_directory_paths)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT parent_directory('/usr/bin/ls')", "/usr/bin");
	EXPECT(&q, "SELECT parent_directory('/a/b/')", "/a/b");
	EXPECT_TYPED(&q, "SELECT parent_directory('/etc')", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT parent_directory('file')", "NULL");
	EXPECT(&q, "SELECT parent_directory('')", "NULL");
	EXPECT_ERROR(&q, "SELECT parent_directory(NULL)",
	    "Invalid inputs to parent_directory");
	EXPECT_ERROR(&q, "SELECT parent_directory(42)",
	    "Invalid inputs to parent_directory");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_match_groups)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT regex_match('hello world. Goodbye', "
	    "'(\\w+) \\w+', 0)", "hello world");
	EXPECT(&q, "SELECT regex_match('hello world. Goodbye', "
	    "'(\\w+) \\w+', 1)", "hello");
	/* Past the last group, or negative: NULL. */
	EXPECT(&q, "SELECT regex_match('abc', '(b)', 2)", "NULL");
	EXPECT(&q, "SELECT regex_match('abc', '(b)', -1)", "NULL");
	/* A group that took no part is empty, as std::smatch has it. */
	EXPECT_TYPED(&q, "SELECT regex_match('ac', 'a(b)?c', 1)", "",
	    SQLITE_TEXT);
	EXPECT(&q, "SELECT regex_match('abc', 'x', 0)", "NULL");
	EXPECT(&q, "SELECT regex_match('', '^$', 0)", "");
	EXPECT(&q, "SELECT regex_match('v=12;', '=(\\d+)', 1)", "12");
	EXPECT(&q, "SELECT regex_match(NULL, 'a', 0)", "NULL");
	EXPECT(&q, "SELECT regex_match('a', NULL, 0)", "NULL");
	EXPECT(&q, "SELECT regex_match('a', 'a', NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_ecmascript_points)
{
	struct sqlq q;

	sqlq_open(&q);
	/* '$' is the end only, not before a final newline. */
	EXPECT(&q, "SELECT regex_match('abc' || char(10), 'c$', 0)", "NULL");
	EXPECT(&q, "SELECT regex_match('abc', 'c$', 0)", "c");
	/* '.' takes neither '\n' nor '\r'. */
	EXPECT(&q, "SELECT regex_match('a' || char(13) || 'b', 'a.b', 0)",
	    "NULL");
	EXPECT(&q, "SELECT regex_match('a' || char(10) || 'b', 'a.b', 0)",
	    "NULL");
	/* UTF-8 is matched by character. */
	EXPECT(&q, "SELECT regex_match('h\xc3\xa9llo', 'h.l', 0)",
	    "h\xc3\xa9l");
	/* Invalid UTF-8 is matched where it is valid, not refused. */
	EXPECT(&q, "SELECT regex_match(CAST(x'61ff2c62' AS TEXT), ',(.)', 1)",
	    "b");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_errors)
{
	struct sqlq q;
	char sql[600];

	sqlq_open(&q);
	EXPECT_ERROR(&q, "SELECT regex_match('x', '(', 0)",
	    "Invalid regex: missing closing parenthesis");
	EXPECT_ERROR(&q, "SELECT regex_split('x', '[a', 0)", "Invalid regex");
	EXPECT_ERROR(&q, "SELECT regex_match('x', 'a{2,1}', 0)",
	    "Invalid regex");
	/* osquery's limit on the size of a pattern. */
	snprintf(sql, sizeof(sql), "SELECT regex_match('x', '%0257d', 0)", 0);
	EXPECT_ERROR(&q, sql, "Invalid regex: too big, max size is 256");
	snprintf(sql, sizeof(sql), "SELECT regex_match('0', '%0256d', 0)", 0);
	EXPECT(&q, sql, "NULL");
	/* A pattern that backtracks without end fails instead of hanging. */
	EXPECT_ERROR(&q, "SELECT regex_match(printf('%.40c', 'a') || 'b', "
	    "'^(a|a)*$', 0)", "regex too costly");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_pattern_per_row)
{
	struct sqlq q;

	sqlq_open(&q);
	/* A constant pattern, compiled once and kept for the rows. */
	EXPECT(&q, "SELECT group_concat(regex_match(column1, '(\\d+)', 1), "
	    "'|') FROM (VALUES ('a1'), ('b22'), ('c'), ('333'))",
	    "1|22|333");
	/* A pattern that changes from row to row. */
	EXPECT(&q, "SELECT group_concat(regex_match(column1, column2, 0), "
	    "'|') FROM (VALUES ('a1', '\\d'), ('bb', 'b+'), ('c', '('))",
	    "ERROR: Invalid regex: missing closing parenthesis at offset 1");
	EXPECT(&q, "SELECT group_concat(regex_match(column1, column2, 0), "
	    "'|') FROM (VALUES ('a1', '\\d'), ('bb', 'b+'))", "1|bb");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_split_pieces)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT regex_split('192.168.0.1', '\\.', 1)", "168");
	EXPECT(&q, "SELECT regex_split('192.168.0.1', '\\.0', 0)",
	    "192.168");
	EXPECT(&q, "SELECT regex_split('192.168.0.1', '\\.0', 1)", ".1");
	/* Empty pieces stay, but not a trailing one. */
	EXPECT_TYPED(&q, "SELECT regex_split('a,,b', ',', 1)", "",
	    SQLITE_TEXT);
	EXPECT(&q, "SELECT regex_split('a,,b', ',', 2)", "b");
	EXPECT(&q, "SELECT regex_split(',a', ',', 0)", "");
	EXPECT(&q, "SELECT regex_split('a,', ',', 0)", "a");
	EXPECT(&q, "SELECT regex_split('a,', ',', 1)", "NULL");
	/* Without a match the text is the one piece, even when empty. */
	EXPECT(&q, "SELECT regex_split('abc', 'x', 0)", "abc");
	EXPECT(&q, "SELECT regex_split('abc', 'x', 1)", "NULL");
	EXPECT_TYPED(&q, "SELECT regex_split('', 'x', 0)", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT regex_split('a  b', '\\s+', 1)", "b");
	EXPECT(&q, "SELECT regex_split('h\xc3\xa9llo w\xc3\xb6rld', '\\s', 1)",
	    "w\xc3\xb6rld");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_split_empty_matches)
{
	struct sqlq q;

	sqlq_open(&q);
	/* As std::regex_token_iterator: "", "a", "b", "c". */
	EXPECT(&q, "SELECT regex_split('abc', 'x*', 0)", "");
	EXPECT(&q, "SELECT regex_split('abc', 'x*', 1)", "a");
	EXPECT(&q, "SELECT regex_split('abc', 'x*', 3)", "c");
	EXPECT(&q, "SELECT regex_split('abc', 'x*', 4)", "NULL");
	EXPECT(&q, "SELECT regex_split('axb', 'x*', 1)", "a");
	EXPECT(&q, "SELECT regex_split('axb', 'x*', 2)", "");
	EXPECT(&q, "SELECT regex_split('axb', 'x*', 3)", "b");
	/* One character at a time, not one byte. */
	EXPECT(&q, "SELECT regex_split('\xc3\xa9', 'x*', 1)", "\xc3\xa9");
	sqlq_close(&q);
}
END_TEST

START_TEST(regex_split_null_and_index)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT regex_split(NULL, ',', 0)", "NULL");
	EXPECT(&q, "SELECT regex_split('a', NULL, 0)", "NULL");
	EXPECT(&q, "SELECT regex_split('a', ',', NULL)", "NULL");
	EXPECT(&q, "SELECT regex_split('a,b', ',', -1)", "NULL");
	EXPECT(&q, "SELECT regex_split('a,b', ',', 99)", "NULL");
	EXPECT_ERROR(&q, "SELECT regex_split('a,b', '', 0)",
	    "Invalid input to split function");
	sqlq_close(&q);
}
END_TEST

START_TEST(digests)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT md5('abc')", "900150983cd24fb0d6963f7d28e17f72");
	EXPECT(&q, "SELECT sha1('abc')",
	    "a9993e364706816aba3e25717850c26c9cd0d89d");
	EXPECT(&q, "SELECT sha256('abc')",
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	EXPECT(&q, "SELECT md5('')", "d41d8cd98f00b204e9800998ecf8427e");
	/* osquery's documented sha1 example; its md5 and sha256 ones
	 * are not the digests of 'Guest' (Python's hashlib agrees). */
	EXPECT(&q, "SELECT sha1('Guest')",
	    "face83ee3014bdc8f98203cc94e2e89222452e90");
	EXPECT(&q, "SELECT md5('Guest')", "adb831a7fdd83dd1e2a309ce7591dff8");
	EXPECT(&q, "SELECT md5(123) = md5('123')", "1");
	/* Every byte counts, a NUL included. */
	EXPECT(&q, "SELECT md5(x'610062') = md5('a')", "0");
	EXPECT(&q, "SELECT md5(NULL)", "NULL");
	EXPECT(&q, "SELECT sha1(NULL)", "NULL");
	EXPECT(&q, "SELECT sha256(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(base64_encode)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT to_base64('CPU0')", "Q1BVMA==");
	EXPECT(&q, "SELECT to_base64('a')", "YQ==");
	EXPECT(&q, "SELECT to_base64('ab')", "YWI=");
	EXPECT(&q, "SELECT to_base64('abc')", "YWJj");
	EXPECT(&q, "SELECT to_base64(x'00ff10fb')", "AP8Q+w==");
	EXPECT_TYPED(&q, "SELECT to_base64('')", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT to_base64(NULL)", "NULL");
	EXPECT(&q, "SELECT conditional_to_base64('CPU0')", "CPU0");
	EXPECT(&q, "SELECT conditional_to_base64('CPU0' || char(183))",
	    "Q1BVMMK3");
	EXPECT(&q, "SELECT conditional_to_base64('a' || char(10))", "YQo=");
	EXPECT(&q, "SELECT conditional_to_base64('~ !')", "~ !");
	EXPECT(&q, "SELECT conditional_to_base64('')", "");
	EXPECT(&q, "SELECT conditional_to_base64(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(base64_decode)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT(&q, "SELECT from_base64('Q1BVMA==')", "CPU0");
	EXPECT(&q, "SELECT from_base64(to_base64('hello world'))",
	    "hello world");
	/* Padding is optional, line breaks are dropped. */
	EXPECT(&q, "SELECT from_base64('Q1BVMA')", "CPU0");
	EXPECT(&q, "SELECT from_base64('Q1BV' || char(13, 10) || 'MA==' || "
	    "char(10))", "CPU0");
	EXPECT(&q, "SELECT hex(from_base64('AP8Q+w=='))", "00FF10FB");
	/* Not base64: the empty string. */
	EXPECT_TYPED(&q, "SELECT from_base64('Q1B*')", "", SQLITE_TEXT);
	EXPECT(&q, "SELECT from_base64('Q')", "");
	EXPECT(&q, "SELECT from_base64('Q1 BVMA==')", "");
	EXPECT(&q, "SELECT from_base64('Q1BV' || char(13) || 'MA==')", "");
	EXPECT(&q, "SELECT from_base64('Q1=BVMA')", "");
	EXPECT(&q, "SELECT from_base64('AP8Q-w==')", "");
	EXPECT(&q, "SELECT from_base64('')", "");
	EXPECT(&q, "SELECT from_base64('====')", "");
	EXPECT(&q, "SELECT from_base64(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(math_documented)
{
	struct sqlq q;

	sqlq_open(&q);
	/* osquery's log is the natural logarithm, not SQLite's base 10. */
	EXPECT_TYPED(&q, "SELECT log(100)", "4.60517018598809", SQLITE_FLOAT);
	EXPECT(&q, "SELECT log(107372805120)", "25.3995727757846");
	EXPECT(&q, "SELECT log10(107372805120)", "11.0308942992233");
	EXPECT(&q, "SELECT sqrt(107372805120)", "327677.898430761");
	EXPECT(&q, "SELECT pi() * 107372805120", "337321615760.32");
	EXPECT(&q, "SELECT sin(30)", "-0.988031624092862");
	EXPECT(&q, "SELECT cos(30)", "0.154251449887584");
	EXPECT(&q, "SELECT tan(30)", "-6.40533119664628");
	EXPECT(&q, "SELECT cot(30)", "-0.156119952161659");
	EXPECT(&q, "SELECT asin(.5)", "0.523598775598299");
	EXPECT(&q, "SELECT acos(.5)", "1.0471975511966");
	EXPECT(&q, "SELECT atan(.5)", "0.463647609000806");
	EXPECT(&q, "SELECT radians(60)", "1.0471975511966");
	EXPECT(&q, "SELECT degrees(1.3)", "74.484513367007");
	EXPECT(&q, "SELECT exp(1)", "2.71828182845905");
	EXPECT(&q, "SELECT power(2, 10)", "1024.0");
	EXPECT(&q, "SELECT pi()", "3.14159265358979");
	/* SQLite's two-argument log is left alone. */
	EXPECT(&q, "SELECT log(2, 8)", "3.0");
	sqlq_close(&q);
}
END_TEST

START_TEST(math_ceil_floor)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT_TYPED(&q, "SELECT ceil(1.2)", "2", SQLITE_INTEGER);
	EXPECT_TYPED(&q, "SELECT floor(1.8)", "1", SQLITE_INTEGER);
	EXPECT(&q, "SELECT ceil(-1.5)", "-1");
	EXPECT(&q, "SELECT floor(-1.5)", "-2");
	EXPECT_TYPED(&q, "SELECT ceil(107372805120)", "107372805120",
	    SQLITE_INTEGER);
	EXPECT(&q, "SELECT floor(9223372036854775807)",
	    "9223372036854775807");
	EXPECT(&q, "SELECT floor('2.7')", "2");
	/* Too large for an integer: the REAL stays. */
	EXPECT_TYPED(&q, "SELECT ceil(1e300)", "1.0e+300", SQLITE_FLOAT);
	EXPECT_TYPED(&q, "SELECT floor(-1e19)", "-1.0e+19", SQLITE_FLOAT);
	EXPECT(&q, "SELECT ceil(NULL)", "NULL");
	EXPECT(&q, "SELECT floor(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

START_TEST(math_errors_and_null)
{
	struct sqlq q;

	sqlq_open(&q);
	EXPECT_ERROR(&q, "SELECT sqrt(-1)", "Numerical argument out of domain");
	EXPECT_ERROR(&q, "SELECT log(-1)", "Numerical argument out of domain");
	EXPECT_ERROR(&q, "SELECT log(0)", "Numerical result out of range");
	EXPECT_ERROR(&q, "SELECT acos(2)", "Numerical argument out of domain");
	EXPECT_ERROR(&q, "SELECT power(0, -1)",
	    "Numerical result out of range");
	/* exp in long double, as osquery: no error, the double's end. */
	EXPECT(&q, "SELECT exp(1000)", "Inf");
	EXPECT(&q, "SELECT exp(-1000)", "0.0");
	/* Text that is not a number is 0. */
	EXPECT(&q, "SELECT sqrt('abc')", "0.0");
	EXPECT(&q, "SELECT sqrt(NULL)", "NULL");
	EXPECT(&q, "SELECT log(NULL)", "NULL");
	EXPECT(&q, "SELECT power(NULL, 2)", "NULL");
	EXPECT(&q, "SELECT power(2, NULL)", "NULL");
	EXPECT(&q, "SELECT degrees(NULL)", "NULL");
	sqlq_close(&q);
}
END_TEST

Suite	*suite_sqlfn(void);

Suite *
suite_sqlfn(void)
{
	Suite *s = suite_create("sqlfn");
	TCase *tc = tcase_create("string");

	tcase_add_test(tc, split_documented);
	tcase_add_test(tc, split_pieces);
	tcase_add_test(tc, split_out_of_range_and_null);
	tcase_add_test(tc, concat_skips_null);
	tcase_add_test(tc, concat_ws_separator);
	tcase_add_test(tc, parent_directory_paths);
	suite_add_tcase(s, tc);

	tc = tcase_create("regex");
	tcase_add_test(tc, regex_match_groups);
	tcase_add_test(tc, regex_ecmascript_points);
	tcase_add_test(tc, regex_errors);
	tcase_add_test(tc, regex_pattern_per_row);
	tcase_add_test(tc, regex_split_pieces);
	tcase_add_test(tc, regex_split_empty_matches);
	tcase_add_test(tc, regex_split_null_and_index);
	suite_add_tcase(s, tc);

	tc = tcase_create("encode");
	tcase_add_test(tc, digests);
	tcase_add_test(tc, base64_encode);
	tcase_add_test(tc, base64_decode);
	suite_add_tcase(s, tc);

	tc = tcase_create("math");
	tcase_add_test(tc, math_documented);
	tcase_add_test(tc, math_ceil_floor);
	tcase_add_test(tc, math_errors_and_null);
	suite_add_tcase(s, tc);
	return s;
}
