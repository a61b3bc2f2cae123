/*
 * The shell's output: escaping of one value (CSV, JSON, terminal), widths
 * of UTF-8 text, and the whole text of each mode for a small result.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../worker/printer.h"

/* The formatter's output for s, as a NUL-terminated string to free. */
static char *
fmt(int (*f)(struct outbuf *, const char *, size_t), const char *s,
    size_t len)
{
	struct outbuf b;
	char *r;

	outbuf_init(&b);
	ck_assert_int_eq(f(&b, s, len), 0);
	outbuf_addc(&b, '\0');
	ck_assert(!b.failed);
	r = strdup(b.data);
	outbuf_free(&b);
	return r;
}

static char *
csv(const char *s, const char *sep)
{
	struct outbuf b;
	char *r;

	outbuf_init(&b);
	ck_assert_int_eq(fmt_csv_field(&b, s, strlen(s), sep), 0);
	outbuf_addc(&b, '\0');
	r = strdup(b.data);
	outbuf_free(&b);
	return r;
}

#define CHECK_CSV(in, sep, want) do {				\
	char *got_ = csv(in, sep);				\
	ck_assert_str_eq(got_, want);				\
	free(got_);						\
} while (0)

#define CHECK_JSON(in, len, want) do {				\
	char *got_ = fmt(fmt_json_string, in, len);		\
	ck_assert_str_eq(got_, want);				\
	free(got_);						\
} while (0)

#define CHECK_DISPLAY(in, want) do {				\
	char *got_ = fmt(fmt_display, in, strlen(in));		\
	ck_assert_str_eq(got_, want);				\
	free(got_);						\
} while (0)

START_TEST(csv_plain_fields_stay_bare)
{
	CHECK_CSV("abc", ",", "abc");
	CHECK_CSV("", ",", "");
	CHECK_CSV("a|b", ",", "a|b");
	CHECK_CSV("a'b", ",", "a'b");
	CHECK_CSV("a b", ",", "a b");
}
END_TEST

START_TEST(csv_quotes_what_rfc4180_asks)
{
	CHECK_CSV("a,b", ",", "\"a,b\"");
	CHECK_CSV("say \"hi\"", ",", "\"say \"\"hi\"\"\"");
	CHECK_CSV("\"", ",", "\"\"\"\"");
	CHECK_CSV("line1\nline2", ",", "\"line1\nline2\"");
	CHECK_CSV("cr\r", ",", "\"cr\r\"");
	/* Blanks are part of a field; they need no quotes. */
	CHECK_CSV(" lead", ",", " lead");
	CHECK_CSV("trail ", ",", "trail ");
}
END_TEST

START_TEST(csv_quotes_the_separator_in_force)
{
	CHECK_CSV("a,b", "|", "a,b");
	CHECK_CSV("a|b", "|", "\"a|b\"");
	CHECK_CSV("a::b", "::", "\"a::b\"");
	CHECK_CSV("a:b", "::", "a:b");
}
END_TEST

START_TEST(json_escapes_quotes_and_backslashes)
{
	CHECK_JSON("plain", 5, "\"plain\"");
	CHECK_JSON("", 0, "\"\"");
	CHECK_JSON("a\"b", 3, "\"a\\\"b\"");
	CHECK_JSON("C:\\dir", 6, "\"C:\\\\dir\"");
	CHECK_JSON("/etc/passwd", 11, "\"/etc/passwd\"");
}
END_TEST

START_TEST(json_escapes_control_characters)
{
	CHECK_JSON("a\nb\tc\rd", 7, "\"a\\nb\\tc\\rd\"");
	CHECK_JSON("\b\f", 2, "\"\\b\\f\"");
	CHECK_JSON("\x01\x1f", 2, "\"\\u0001\\u001f\"");
	CHECK_JSON("\x1b[0m", 4, "\"\\u001b[0m\"");
	/* A NUL inside a value (a BLOB) is kept, escaped. */
	CHECK_JSON("a\0b", 3, "\"a\\u0000b\"");
	/* DEL is allowed raw in JSON. */
	CHECK_JSON("\x7f", 1, "\"\x7f\"");
}
END_TEST

START_TEST(json_keeps_valid_utf8)
{
	CHECK_JSON("\xc3\xa9t\xc3\xa9", 5, "\"\xc3\xa9t\xc3\xa9\"");
	CHECK_JSON("\xe6\x97\xa5", 3, "\"\xe6\x97\xa5\"");
	CHECK_JSON("\xf0\x9f\x90\x8c", 4, "\"\xf0\x9f\x90\x8c\"");
}
END_TEST

START_TEST(json_replaces_invalid_utf8)
{
	CHECK_JSON("\xff", 1, "\"\\ufffd\"");
	CHECK_JSON("a\xfe" "b", 3, "\"a\\ufffdb\"");
	/* Cut short at the end of the value. */
	CHECK_JSON("x\xc3", 2, "\"x\\ufffd\"");
	CHECK_JSON("\xe6\x97", 2, "\"\\ufffd\\ufffd\"");
	/* A lone continuation byte. */
	CHECK_JSON("\x80", 1, "\"\\ufffd\"");
	/* Overlong '/' and NUL. */
	CHECK_JSON("\xc0\xaf", 2, "\"\\ufffd\\ufffd\"");
	CHECK_JSON("\xe0\x80\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	/* A UTF-16 surrogate, and beyond U+10FFFF. */
	CHECK_JSON("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	CHECK_JSON("\xf4\x90\x80\x80", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* A valid character right after a bad byte survives. */
	CHECK_JSON("\xff\xc3\xa9", 3, "\"\\ufffd\xc3\xa9\"");
}
END_TEST

START_TEST(display_shows_control_characters)
{
	CHECK_DISPLAY("plain", "plain");
	CHECK_DISPLAY("a\nb", "a\\nb");
	CHECK_DISPLAY("tab\there", "tab\\there");
	CHECK_DISPLAY("\x1b[31mred", "\\x1b[31mred");
	CHECK_DISPLAY("del\x7f", "del\\x7f");
	CHECK_DISPLAY("\xc3\xa9", "\xc3\xa9");
}
END_TEST

START_TEST(width_counts_code_points)
{
	ck_assert_uint_eq(text_width("", 0), 0);
	ck_assert_uint_eq(text_width("abc", 3), 3);
	/* osquery's own test: "Àlex Smith" is 10 wide, 11 bytes. */
	ck_assert_uint_eq(text_width("\xc3\x80lex Smith", 11), 10);
	/* Wide characters take two columns, combining marks none. */
	ck_assert_uint_eq(text_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	ck_assert_uint_eq(text_width("e\xcc\x81", 3), 1);
	/* Bytes that are not UTF-8 count one each. */
	ck_assert_uint_eq(text_width("\xff\xfe", 2), 2);
	ck_assert_uint_eq(text_width("a\xc3", 2), 2);
}
END_TEST

START_TEST(mode_names_round_trip)
{
	enum print_mode m;
	int i;

	for (i = PRINT_PRETTY; i <= PRINT_JSON_PRETTY; i++) {
		ck_assert_int_eq(print_mode_parse(print_mode_name(
		    (enum print_mode)i), &m), 0);
		ck_assert_int_eq(m, i);
	}
	ck_assert_int_eq(print_mode_parse("lines", &m), 0);
	ck_assert_int_eq(m, PRINT_LINE);
	ck_assert_int_eq(print_mode_parse("column", &m), -1);
}
END_TEST

START_TEST(separator_defaults_per_mode)
{
	struct print_opts o;

	memset(&o, 0, sizeof(o));
	o.mode = PRINT_LIST;
	ck_assert_str_eq(print_separator(&o), "|");
	o.mode = PRINT_CSV;
	ck_assert_str_eq(print_separator(&o), ",");
	snprintf(o.separator, sizeof(o.separator), "\t");
	ck_assert_str_eq(print_separator(&o), "\t");
}
END_TEST

/*
 * Whole results.
 */

struct result {
	int		 ncols;
	const char	*names[4];
	int		 nrows;
	const char	*rows[4][4];	/* NULL: SQL NULL */
};

/* osquery's printer test data, with a NULL and a UTF-8 name. */
static const struct result people = {
	3, { "name", "age", "food" },
	3, {
		{ "Mike Jones", "39", "mac and cheese" },
		{ "\xc3\x80lex Smith", "44", NULL },
		{ "Doctor Who", "2000", "fish sticks and custard" },
	},
};

static const struct result literals = {
	2, { "a", "b" },
	1, { { "1", NULL } },
};

static const struct result nothing = {
	2, { "a", "b" },
	0, { { NULL } },
};

static char *
print_result(const struct result *r, enum print_mode mode, int header,
    const char *sep, const char *nullvalue)
{
	struct print_opts o;
	struct printer *p;
	size_t lens[4], size;
	char *text;
	FILE *f;
	int i, j;

	memset(&o, 0, sizeof(o));
	o.mode = mode;
	o.header = header;
	snprintf(o.separator, sizeof(o.separator), "%s", sep);
	snprintf(o.nullvalue, sizeof(o.nullvalue), "%s", nullvalue);
	ck_assert((f = open_memstream(&text, &size)) != NULL);
	ck_assert((p = printer_new(f, &o)) != NULL);
	ck_assert_int_eq(printer_begin(p, r->ncols, r->names), 0);
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncols; j++)
			lens[j] = r->rows[i][j] != NULL ?
			    strlen(r->rows[i][j]) : 0;
		ck_assert_int_eq(printer_row(p, r->rows[i], lens), 0);
	}
	ck_assert_int_eq(printer_end(p), 0);
	printer_free(p);
	fclose(f);
	return text;
}

#define CHECK_PRINT(r, mode, header, sep, nullv, want) do {	\
	char *got_ = print_result(r, mode, header, sep, nullv);	\
	ck_assert_str_eq(got_, want);				\
	free(got_);						\
} while (0)

START_TEST(pretty_aligns_utf8_and_null)
{
	CHECK_PRINT(&people, PRINT_PRETTY, 1, "", "",
	    "+------------+------+-------------------------+\n"
	    "| name       | age  | food                    |\n"
	    "+------------+------+-------------------------+\n"
	    "| Mike Jones | 39   | mac and cheese          |\n"
	    "| \xc3\x80lex Smith | 44   |                         |\n"
	    "| Doctor Who | 2000 | fish sticks and custard |\n"
	    "+------------+------+-------------------------+\n");
}
END_TEST

START_TEST(pretty_widens_for_names_and_nullvalue)
{
	CHECK_PRINT(&literals, PRINT_PRETTY, 1, "", "NULL",
	    "+---+------+\n"
	    "| a | b    |\n"
	    "+---+------+\n"
	    "| 1 | NULL |\n"
	    "+---+------+\n");
}
END_TEST

START_TEST(pretty_without_header)
{
	/* Without names the values alone set the widths. */
	CHECK_PRINT(&literals, PRINT_PRETTY, 0, "", "",
	    "+---+--+\n"
	    "| 1 |  |\n"
	    "+---+--+\n");
}
END_TEST

START_TEST(pretty_escapes_control_characters)
{
	static const struct result r = {
		1, { "v" }, 1, { { "a\nb" } },
	};

	CHECK_PRINT(&r, PRINT_PRETTY, 1, "", "",
	    "+------+\n"
	    "| v    |\n"
	    "+------+\n"
	    "| a\\nb |\n"
	    "+------+\n");
}
END_TEST

START_TEST(empty_results)
{
	CHECK_PRINT(&nothing, PRINT_PRETTY, 1, "", "", "");
	CHECK_PRINT(&nothing, PRINT_LINE, 1, "", "", "");
	CHECK_PRINT(&nothing, PRINT_LIST, 1, "", "", "a|b\n");
	CHECK_PRINT(&nothing, PRINT_CSV, 1, "", "", "a,b\n");
	CHECK_PRINT(&nothing, PRINT_JSON, 1, "", "", "[]\n");
	CHECK_PRINT(&nothing, PRINT_JSON_PRETTY, 1, "", "", "[]\n");
}
END_TEST

START_TEST(line_mode)
{
	CHECK_PRINT(&people, PRINT_LINE, 1, "", "-",
	    " name = Mike Jones\n"
	    "  age = 39\n"
	    " food = mac and cheese\n"
	    "\n"
	    " name = \xc3\x80lex Smith\n"
	    "  age = 44\n"
	    " food = -\n"
	    "\n"
	    " name = Doctor Who\n"
	    "  age = 2000\n"
	    " food = fish sticks and custard\n");
}
END_TEST

START_TEST(list_mode)
{
	CHECK_PRINT(&literals, PRINT_LIST, 1, "", "",
	    "a|b\n"
	    "1|\n");
	CHECK_PRINT(&literals, PRINT_LIST, 0, "\t", "NULL",
	    "1\tNULL\n");
}
END_TEST

START_TEST(csv_mode)
{
	static const struct result r = {
		2, { "a,b", "c" }, 2, {
			{ "x,y", "say \"hi\"" },
			{ NULL, "two\nlines" },
		},
	};

	CHECK_PRINT(&r, PRINT_CSV, 1, "", "",
	    "\"a,b\",c\n"
	    "\"x,y\",\"say \"\"hi\"\"\"\n"
	    ",\"two\nlines\"\n");
	CHECK_PRINT(&r, PRINT_CSV, 0, ";", "",
	    "x,y;\"say \"\"hi\"\"\"\n"
	    ";\"two\nlines\"\n");
}
END_TEST

START_TEST(json_mode)
{
	CHECK_PRINT(&literals, PRINT_JSON, 1, "", "",
	    "[\n"
	    "  {\"a\":\"1\",\"b\":\"\"}\n"
	    "]\n");
	CHECK_PRINT(&people, PRINT_JSON, 1, "", "",
	    "[\n"
	    "  {\"name\":\"Mike Jones\",\"age\":\"39\","
	    "\"food\":\"mac and cheese\"},\n"
	    "  {\"name\":\"\xc3\x80lex Smith\",\"age\":\"44\",\"food\":\"\"},\n"
	    "  {\"name\":\"Doctor Who\",\"age\":\"2000\","
	    "\"food\":\"fish sticks and custard\"}\n"
	    "]\n");
}
END_TEST

START_TEST(json_pretty_mode)
{
	CHECK_PRINT(&literals, PRINT_JSON_PRETTY, 1, "", "",
	    "[\n"
	    "  {\n"
	    "    \"a\": \"1\",\n"
	    "    \"b\": \"\"\n"
	    "  }\n"
	    "]\n");
}
END_TEST

START_TEST(many_rows)
{
	struct print_opts o;
	struct printer *p;
	const char *names[] = { "pid", "name" };
	const char *vals[2];
	size_t lens[2], size, lines = 0, i;
	char num[32], *text;
	FILE *f;

	memset(&o, 0, sizeof(o));
	o.mode = PRINT_PRETTY;
	o.header = 1;
	ck_assert((f = open_memstream(&text, &size)) != NULL);
	ck_assert((p = printer_new(f, &o)) != NULL);
	ck_assert_int_eq(printer_begin(p, 2, names), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(num, sizeof(num), "%zu", i);
		vals[0] = num;
		vals[1] = "kworker/0:1";
		lens[0] = strlen(num);
		lens[1] = strlen(vals[1]);
		ck_assert_int_eq(printer_row(p, vals, lens), 0);
	}
	ck_assert_int_eq(printer_end(p), 0);
	printer_free(p);
	fclose(f);
	for (i = 0; i < size; i++)
		lines += text[i] == '\n';
	ck_assert_uint_eq(lines, 5000 + 4);
	ck_assert(strstr(text, "| 4999 | kworker/0:1 |\n") != NULL);
	free(text);
}
END_TEST

Suite	*suite_printer(void);

Suite *
suite_printer(void)
{
	Suite *s = suite_create("printer");
	TCase *tc;

	tc = tcase_create("values");
	tcase_add_test(tc, csv_plain_fields_stay_bare);
	tcase_add_test(tc, csv_quotes_what_rfc4180_asks);
	tcase_add_test(tc, csv_quotes_the_separator_in_force);
	tcase_add_test(tc, json_escapes_quotes_and_backslashes);
	tcase_add_test(tc, json_escapes_control_characters);
	tcase_add_test(tc, json_keeps_valid_utf8);
	tcase_add_test(tc, json_replaces_invalid_utf8);
	tcase_add_test(tc, display_shows_control_characters);
	tcase_add_test(tc, width_counts_code_points);
	tcase_add_test(tc, mode_names_round_trip);
	tcase_add_test(tc, separator_defaults_per_mode);
	suite_add_tcase(s, tc);

	tc = tcase_create("modes");
	tcase_add_test(tc, pretty_aligns_utf8_and_null);
	tcase_add_test(tc, pretty_widens_for_names_and_nullvalue);
	tcase_add_test(tc, pretty_without_header);
	tcase_add_test(tc, pretty_escapes_control_characters);
	tcase_add_test(tc, empty_results);
	tcase_add_test(tc, line_mode);
	tcase_add_test(tc, list_mode);
	tcase_add_test(tc, csv_mode);
	tcase_add_test(tc, json_mode);
	tcase_add_test(tc, json_pretty_mode);
	tcase_add_test(tc, many_rows);
	suite_add_tcase(s, tc);
	return s;
}
