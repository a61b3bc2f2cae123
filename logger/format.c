/* osquery's log line formats, with jansson; see format.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "format.h"

#define DUMP_FLAGS	(JSON_COMPACT | JSON_PRESERVE_ORDER | \
			 JSON_ENSURE_ASCII)

void
format_calendar_time(int64_t unix_time, char *buf, size_t len)
{
	time_t t = (time_t)unix_time;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%a %b %e %H:%M:%S %Y UTC", &tm) == 0)
		snprintf(buf, len, "?");
}

/* Valid UTF-8 as it is; other bytes become '?', so that one odd byte
 * in a process name cannot lose its whole line. */
static json_t *
text_value(const char *s)
{
	json_t *j = json_string(s);
	char *copy;
	size_t i;

	if (j != NULL || (copy = strdup(s)) == NULL)
		return j;
	for (i = 0; copy[i] != '\0'; i++)
		if ((unsigned char)copy[i] >= 0x80)
			copy[i] = '?';
	j = json_string(copy);
	free(copy);
	return j;
}

/* A cell as osquery logs it: text, or with --logger_numerics a number
 * where the text is one; NULL is the empty string.  Text a number would
 * change (beyond 64 bits, or "nan", "inf", which JSON cannot hold) stays
 * text. */
static json_t *
cell_value(const char *s, int numerics)
{
	char *end;
	long long i;
	double d;

	if (s == NULL)
		return json_string("");
	if (numerics && *s != '\0') {
		errno = 0;
		i = strtoll(s, &end, 10);
		if (*end == '\0' && errno == 0)
			return json_integer(i);
		errno = 0;
		d = strtod(s, &end);
		if (*end == '\0' && errno == 0 && isfinite(d))
			return json_real(d);
	}
	return text_value(s);
}

static json_t *
row_object(const struct rset *rs, size_t row, int numerics)
{
	json_t *o = json_object();
	uint32_t k;

	for (k = 0; o != NULL && k < rs->ncols; k++)
		json_object_set_new(o, rs->cols[k],
		    cell_value(rset_cell(rs, row, k), numerics));
	return o;
}

static json_t *
decorations(const struct decoration *d, size_t n)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o != NULL && i < n; i++)
		json_object_set_new(o, d[i].key, text_value(d[i].value));
	return o;
}

static void
add_decorations(json_t *o, const struct line_meta *m)
{
	size_t i;

	if (m->ndecorations == 0)
		return;
	if (!m->decorations_top_level) {
		json_object_set_new(o, "decorations",
		    decorations(m->decorations, m->ndecorations));
		return;
	}
	for (i = 0; i < m->ndecorations; i++)
		json_object_set_new(o, m->decorations[i].key,
		    text_value(m->decorations[i].value));
}

/* The members every result and snapshot line has: first on an event
 * line, after the rows on a snapshot or batch line, as osquery has them. */
static json_t *
add_head(json_t *o, const struct line_meta *m)
{
	char cal[64];

	if (o == NULL)
		return NULL;
	if (m->calendar == NULL)
		format_calendar_time(m->unix_time, cal, sizeof(cal));
	json_object_set_new(o, "name", json_string(m->name));
	json_object_set_new(o, "hostIdentifier", json_string(m->host));
	json_object_set_new(o, "calendarTime", json_string(m->calendar != NULL ?
	    m->calendar : cal));
	json_object_set_new(o, "unixTime", json_integer(m->unix_time));
	json_object_set_new(o, "epoch", json_integer((json_int_t)m->epoch));
	json_object_set_new(o, "counter",
	    json_integer((json_int_t)m->counter));
	json_object_set_new(o, "numerics", json_boolean(m->numerics));
	add_decorations(o, m);
	return o;
}

static char *
dump(json_t *o)
{
	char *s = o != NULL ? json_dumps(o, DUMP_FLAGS) : NULL;

	json_decref(o);
	return s;
}

char *
format_event(const struct line_meta *m, const struct rset *rs, size_t row,
    const char *action)
{
	json_t *o = add_head(json_object(), m);

	if (o == NULL)
		return NULL;
	json_object_set_new(o, "columns", row_object(rs, row, m->numerics));
	json_object_set_new(o, "action", json_string(action));
	return dump(o);
}

static json_t *
rows_array(const struct rset *rs, const size_t *rows, size_t n,
    int numerics)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a != NULL && i < n; i++)
		json_array_append_new(a, row_object(rs, rows != NULL ? rows[i] :
		    i, numerics));
	return a;
}

char *
format_batch(const struct line_meta *m, const struct rset *old,
    const struct rset *new, const struct rset_diff *d)
{
	json_t *o = json_object(), *diff = json_object();

	if (o == NULL || diff == NULL) {
		json_decref(o);
		json_decref(diff);
		return NULL;
	}
	json_object_set_new(diff, "removed", rows_array(old, d->removed,
	    d->nremoved, m->numerics));
	json_object_set_new(diff, "added", rows_array(new, d->added,
	    d->nadded, m->numerics));
	json_object_set_new(o, "diffResults", diff);
	return dump(add_head(o, m));
}

char *
format_snapshot(const struct line_meta *m, const struct rset *rs)
{
	json_t *o = json_object();

	if (o == NULL)
		return NULL;
	json_object_set_new(o, "snapshot", rows_array(rs, NULL, rs->nrows,
	    m->numerics));
	json_object_set_new(o, "action", json_string("snapshot"));
	return dump(add_head(o, m));
}

char *
format_status(const char *host, int64_t unix_time, int severity,
    const char *text, const struct decoration *dec, size_t ndec)
{
	char cal[64];
	json_t *o = json_object();

	if (o == NULL)
		return NULL;
	format_calendar_time(unix_time, cal, sizeof(cal));
	json_object_set_new(o, "hostIdentifier", json_string(host));
	json_object_set_new(o, "calendarTime", json_string(cal));
	json_object_set_new(o, "unixTime", json_integer(unix_time));
	json_object_set_new(o, "severity", json_integer(severity));
	json_object_set_new(o, "filename", json_string("hostqld"));
	json_object_set_new(o, "line", json_integer(0));
	json_object_set_new(o, "message", text_value(text));
	json_object_set_new(o, "version", json_string(HOSTQL_VERSION));
	if (ndec > 0)
		json_object_set_new(o, "decorations", decorations(dec, ndec));
	return dump(o);
}
