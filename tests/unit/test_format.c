/*
 * osquery's log lines: every line type is one JSON object that jansson
 * reads back, with osquery's members in osquery's order, calendarTime in
 * osquery's form, values as strings (or numbers with numerics), the
 * decorations nested or at the top level, and a value that is not UTF-8
 * kept, not the line lost.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../logger/format.h"

#define HEAD "name,hostIdentifier,calendarTime,unixTime,epoch,counter," \
	     "numerics"

static json_t *
parse(char *line)
{
	json_error_t err;
	json_t *j;

	ck_assert_ptr_nonnull(line);
	ck_assert_ptr_null(strchr(line, '\n'));
	j = json_loads(line, JSON_REJECT_DUPLICATES, &err);
	ck_assert_msg(j != NULL, "not JSON (%s): %s", err.text, line);
	ck_assert(json_is_object(j));
	free(line);
	return j;
}

/* The object's member names in order, comma-separated (static). */
static const char *
keys(const json_t *o)
{
	static char buf[1024];
	void *it;
	size_t len = 0;

	buf[0] = '\0';
	for (it = json_object_iter((json_t *)o); it != NULL;
	    it = json_object_iter_next((json_t *)o, it))
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    len ? "," : "", json_object_iter_key(it));
	return buf;
}

static const char *
str_member(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	ck_assert_msg(json_is_string(v), "%s is not a string", key);
	return json_string_value(v);
}

static char *cols[] = { "pid", "name", "path" };
static const char *cells[] = {
	"1", "init", NULL,
	"4242", "caf\xc3\xa9", "/usr/bin/x",
};

static void
make_set(struct rset *rs)
{
	char **row;
	size_t r;
	uint32_t k;

	rset_init(rs);
	ck_assert_int_eq(rset_set_columns(rs, cols, 3), 0);
	for (r = 0; r < 2; r++) {
		ck_assert_ptr_nonnull(row = rset_add_row(rs));
		for (k = 0; k < 3; k++)
			row[k] = cells[r * 3 + k] ? strdup(cells[r * 3 + k]) :
			    NULL;
	}
}

static void
meta(struct line_meta *m)
{
	memset(m, 0, sizeof(*m));
	m->name = "pack_x_y";
	m->host = "host.example";
	m->unix_time = 1462228052;
	m->epoch = 3;
	m->counter = 7;
}

static void
assert_head(const json_t *o, int numerics)
{
	ck_assert_str_eq(str_member(o, "name"), "pack_x_y");
	ck_assert_str_eq(str_member(o, "hostIdentifier"), "host.example");
	ck_assert_str_eq(str_member(o, "calendarTime"),
	    "Mon May  2 22:27:32 2016 UTC");
	ck_assert(json_is_integer(json_object_get(o, "unixTime")));
	ck_assert_int_eq(json_integer_value(json_object_get(o, "unixTime")),
	    1462228052);
	ck_assert_int_eq(json_integer_value(json_object_get(o, "epoch")), 3);
	ck_assert_int_eq(json_integer_value(json_object_get(o, "counter")), 7);
	ck_assert(json_is_boolean(json_object_get(o, "numerics")));
	ck_assert_int_eq(json_is_true(json_object_get(o, "numerics")),
	    numerics);
}

START_TEST(format_event_line)
{
	struct line_meta m;
	struct rset rs;
	json_t *o, *c;

	meta(&m);
	make_set(&rs);
	o = parse(format_event(&m, &rs, 0, "added"));
	ck_assert_str_eq(keys(o), HEAD ",columns,action");
	assert_head(o, 0);
	ck_assert_str_eq(str_member(o, "action"), "added");
	c = json_object_get(o, "columns");
	ck_assert_str_eq(keys(c), "pid,name,path");
	ck_assert_str_eq(str_member(c, "pid"), "1");
	ck_assert_str_eq(str_member(c, "name"), "init");
	/* NULL is logged as the empty string, as osquery does. */
	ck_assert_str_eq(str_member(c, "path"), "");
	json_decref(o);

	o = parse(format_event(&m, &rs, 1, "removed"));
	ck_assert_str_eq(str_member(o, "action"), "removed");
	c = json_object_get(o, "columns");
	ck_assert_str_eq(str_member(c, "name"), "caf\xc3\xa9");
	json_decref(o);
	rset_free(&rs);
}
END_TEST

/* Members not ASCII are escaped, so the line is ASCII on disk. */
START_TEST(format_line_is_ascii)
{
	struct line_meta m;
	struct rset rs;
	char *line;
	size_t i;

	meta(&m);
	make_set(&rs);
	ck_assert_ptr_nonnull(line = format_event(&m, &rs, 1, "added"));
	for (i = 0; line[i] != '\0'; i++)
		ck_assert_int_lt((unsigned char)line[i], 0x80);
	ck_assert_ptr_nonnull(strcasestr(line, "\"caf\\u00e9\""));
	free(line);
	rset_free(&rs);
}
END_TEST

START_TEST(format_snapshot_line)
{
	struct line_meta m;
	struct rset rs;
	json_t *o, *a;

	meta(&m);
	make_set(&rs);
	o = parse(format_snapshot(&m, &rs));
	ck_assert_str_eq(keys(o), "snapshot,action," HEAD);
	assert_head(o, 0);
	ck_assert_str_eq(str_member(o, "action"), "snapshot");
	a = json_object_get(o, "snapshot");
	ck_assert(json_is_array(a));
	ck_assert_uint_eq(json_array_size(a), 2);
	ck_assert_str_eq(keys(json_array_get(a, 1)), "pid,name,path");
	ck_assert_str_eq(str_member(json_array_get(a, 1), "pid"), "4242");
	json_decref(o);
	rset_free(&rs);

	/* An empty set is an empty array, still a line. */
	rset_init(&rs);
	o = parse(format_snapshot(&m, &rs));
	ck_assert_uint_eq(json_array_size(json_object_get(o, "snapshot")), 0);
	json_decref(o);
}
END_TEST

START_TEST(format_batch_line)
{
	struct line_meta m;
	struct rset old, new;
	struct rset_diff d;
	json_t *o, *diff;

	meta(&m);
	make_set(&new);
	rset_init(&old);
	ck_assert_int_eq(rset_set_columns(&old, cols, 3), 0);
	ck_assert_int_eq(rset_diff(&old, &new, &d), 0);
	o = parse(format_batch(&m, &old, &new, &d));
	ck_assert_str_eq(keys(o), "diffResults," HEAD);
	assert_head(o, 0);
	diff = json_object_get(o, "diffResults");
	ck_assert_str_eq(keys(diff), "removed,added");
	ck_assert_uint_eq(json_array_size(json_object_get(diff, "removed")), 0);
	ck_assert_uint_eq(json_array_size(json_object_get(diff, "added")), 2);
	json_decref(o);
	rset_diff_free(&d);
	rset_free(&old);
	rset_free(&new);
}
END_TEST

START_TEST(format_status_line)
{
	static const struct decoration dec[] = { { "hostname", "h1" } };
	json_t *o;

	o = parse(format_status("host.example", 1700000000, 2, "a \"quoted\" "
	    "message\nwith a newline", NULL, 0));
	ck_assert_str_eq(keys(o), "hostIdentifier,calendarTime,unixTime,"
	    "severity,filename,line,message,version");
	ck_assert_str_eq(str_member(o, "calendarTime"),
	    "Tue Nov 14 22:13:20 2023 UTC");
	ck_assert_int_eq(json_integer_value(json_object_get(o, "severity")), 2);
	ck_assert(json_is_integer(json_object_get(o, "line")));
	ck_assert_str_eq(str_member(o, "message"),
	    "a \"quoted\" message\nwith a newline");
	ck_assert_str_eq(str_member(o, "version"), HOSTQL_VERSION);
	json_decref(o);

	o = parse(format_status("h", 0, 0, "m", dec, 1));
	ck_assert_str_eq(keys(o), "hostIdentifier,calendarTime,unixTime,"
	    "severity,filename,line,message,version,decorations");
	ck_assert_str_eq(str_member(json_object_get(o, "decorations"),
	    "hostname"), "h1");
	json_decref(o);
}
END_TEST

START_TEST(format_calendar_times)
{
	static const struct {
		int64_t		 t;
		const char	*want;
	} cases[] = {
		{ 1462228052, "Mon May  2 22:27:32 2016 UTC" },
		{ 0, "Thu Jan  1 00:00:00 1970 UTC" },
		{ 1700000000, "Tue Nov 14 22:13:20 2023 UTC" },
		{ -1, "Wed Dec 31 23:59:59 1969 UTC" },
		{ 253402300799, "Fri Dec 31 23:59:59 9999 UTC" },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		format_calendar_time(cases[i].t, buf, sizeof(buf));
		ck_assert_str_eq(buf, cases[i].want);
	}
	/* A buffer too small gets a mark, never half a date. */
	format_calendar_time(0, buf, 8);
	ck_assert_str_eq(buf, "?");
}
END_TEST

/* numerics: numbers where the text is one, text everywhere else, and
 * never a value lost or changed. */
START_TEST(format_numerics)
{
	static char *ncols[] = { "i", "neg", "d", "s", "empty", "null",
	    "big", "nan", "inf", "huge" };
	static const char *ncells[] = { "42", "-3", "1.5", "12abc", "",
	    NULL, "99999999999999999999", "nan", "inf", "1e999" };
	struct line_meta m;
	struct rset rs;
	json_t *o, *c, *v;
	char **row;
	uint32_t k;

	meta(&m);
	m.numerics = 1;
	rset_init(&rs);
	ck_assert_int_eq(rset_set_columns(&rs, ncols, 10), 0);
	ck_assert_ptr_nonnull(row = rset_add_row(&rs));
	for (k = 0; k < 10; k++)
		row[k] = ncells[k] ? strdup(ncells[k]) : NULL;
	o = parse(format_event(&m, &rs, 0, "added"));
	assert_head(o, 1);
	c = json_object_get(o, "columns");
	ck_assert_str_eq(keys(c), "i,neg,d,s,empty,null,big,nan,inf,huge");
	ck_assert(json_is_integer(json_object_get(c, "i")));
	ck_assert_int_eq(json_integer_value(json_object_get(c, "i")), 42);
	ck_assert_int_eq(json_integer_value(json_object_get(c, "neg")), -3);
	ck_assert(json_is_real(json_object_get(c, "d")));
	ck_assert(json_real_value(json_object_get(c, "d")) == 1.5);
	ck_assert_str_eq(str_member(c, "s"), "12abc");
	ck_assert_str_eq(str_member(c, "empty"), "");
	ck_assert_str_eq(str_member(c, "null"), "");
	/* Beyond 64 bits: not clamped to the largest integer. */
	v = json_object_get(c, "big");
	ck_assert(!json_is_integer(v));
	ck_assert(json_is_string(v) || (json_is_real(v) &&
	    json_real_value(v) == 1e20));
	/* Text that strtod takes but JSON has no number for stays text. */
	ck_assert_str_eq(str_member(c, "nan"), "nan");
	ck_assert_str_eq(str_member(c, "inf"), "inf");
	ck_assert_str_eq(str_member(c, "huge"), "1e999");
	json_decref(o);
	rset_free(&rs);

	/* Without numerics everything is a string. */
	m.numerics = 0;
	make_set(&rs);
	o = parse(format_event(&m, &rs, 0, "added"));
	ck_assert_str_eq(str_member(json_object_get(o, "columns"), "pid"),
	    "1");
	json_decref(o);
	rset_free(&rs);
}
END_TEST

START_TEST(format_decorations)
{
	static struct decoration dec[] = { { "hostname", "h1" },
	    { "uuid", "u-1" } };
	struct line_meta m;
	struct rset rs;
	json_t *o, *d;

	meta(&m);
	m.decorations = dec;
	m.ndecorations = 2;
	make_set(&rs);

	o = parse(format_event(&m, &rs, 0, "added"));
	ck_assert_str_eq(keys(o), HEAD ",decorations,columns,action");
	d = json_object_get(o, "decorations");
	ck_assert_str_eq(keys(d), "hostname,uuid");
	ck_assert_str_eq(str_member(d, "uuid"), "u-1");
	json_decref(o);

	o = parse(format_snapshot(&m, &rs));
	ck_assert_str_eq(keys(o), "snapshot,action," HEAD ",decorations");
	json_decref(o);

	m.decorations_top_level = 1;
	o = parse(format_event(&m, &rs, 0, "added"));
	ck_assert_str_eq(keys(o), HEAD ",hostname,uuid,columns,action");
	ck_assert_str_eq(str_member(o, "hostname"), "h1");
	json_decref(o);
	rset_free(&rs);
}
END_TEST

/* A byte that is not UTF-8, in a cell, a decoration or a status message,
 * becomes '?' and the line is still written whole. */
START_TEST(format_invalid_utf8)
{
	static char *c1[] = { "name", "cmdline" };
	static struct decoration dec[] = { { "host", "bad\xc3(" } };
	struct line_meta m;
	struct rset rs;
	json_t *o, *c;
	char **row;

	meta(&m);
	m.decorations = dec;
	m.ndecorations = 1;
	rset_init(&rs);
	ck_assert_int_eq(rset_set_columns(&rs, c1, 2), 0);
	ck_assert_ptr_nonnull(row = rset_add_row(&rs));
	row[0] = strdup("proc\xff\xfe");
	row[1] = strdup("ok");
	o = parse(format_event(&m, &rs, 0, "added"));
	c = json_object_get(o, "columns");
	ck_assert_str_eq(keys(c), "name,cmdline");
	ck_assert_str_eq(str_member(c, "name"), "proc??");
	ck_assert_str_eq(str_member(c, "cmdline"), "ok");
	ck_assert_str_eq(str_member(json_object_get(o, "decorations"),
	    "host"), "bad?(");
	ck_assert_str_eq(str_member(o, "action"), "added");
	json_decref(o);

	m.numerics = 1;
	o = parse(format_event(&m, &rs, 0, "added"));
	ck_assert_str_eq(str_member(json_object_get(o, "columns"), "name"),
	    "proc??");
	json_decref(o);

	o = parse(format_snapshot(&m, &rs));
	ck_assert_str_eq(str_member(json_array_get(json_object_get(o,
	    "snapshot"), 0), "name"), "proc??");
	json_decref(o);
	rset_free(&rs);

	o = parse(format_status("h", 0, 1, "read \xe2\x82 failed", NULL, 0));
	ck_assert_str_eq(str_member(o, "message"), "read ?? failed");
	json_decref(o);
}
END_TEST

Suite	*suite_format(void);

Suite *
suite_format(void)
{
	Suite *s = suite_create("format");
	TCase *tc = tcase_create("format");

	tcase_add_test(tc, format_event_line);
	tcase_add_test(tc, format_line_is_ascii);
	tcase_add_test(tc, format_snapshot_line);
	tcase_add_test(tc, format_batch_line);
	tcase_add_test(tc, format_status_line);
	tcase_add_test(tc, format_calendar_times);
	tcase_add_test(tc, format_numerics);
	tcase_add_test(tc, format_decorations);
	tcase_add_test(tc, format_invalid_utf8);
	suite_add_tcase(s, tc);
	return s;
}
