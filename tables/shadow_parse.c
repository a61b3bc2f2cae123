/*
 * /etc/shadow lines without their hashes; see shadow_parse.h.
 */
#include <string.h>

#include "shadow_parse.h"

#define SHADOW_FIELDS	9

/* A number field: empty is -1, as getspent() has it. */
static int
number_field(struct span f, int64_t *v)
{
	if (f.len == 0) {
		*v = -1;
		return 0;
	}
	return txt_i64(f.p, f.len, v);
}

/* The method of a crypt string: the word between the first two '$' of
 * "$id$...", made of the characters crypt(3) ids use. */
static struct span
method_of(const char *p, size_t len)
{
	struct span id = { p, 0 };
	size_t i;

	if (len < 3 || p[0] != '$')
		return id;
	for (i = 1; i < len && p[i] != '$'; i++) {
		char c = p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_'))
			return id;
	}
	if (i == len || i == 1)
		return id;
	id.p = p + 1;
	id.len = i - 1;
	return id;
}

/* Status and method of the password field; see shadow_parse.h. */
static void
read_password(struct span f, struct shadow_line *sp)
{
	size_t run = 0;

	while (run < f.len && (f.p[run] == '!' || f.p[run] == '*'))
		run++;
	sp->hash_alg = method_of(f.p + run, f.len - run);
	if (f.len == 0)
		sp->status = SHADOW_EMPTY;
	else if (txt_eq(f, "!!"))
		sp->status = SHADOW_NOT_SET;
	else if (run > 0)
		sp->status = SHADOW_LOCKED;
	else
		sp->status = SHADOW_ACTIVE;
}

static int
split(struct span line, struct span *f, int *n)
{
	if (line.len > 0 && line.p[line.len - 1] == '\r')
		line.len--;
	if (line.len == 0 || line.p[0] == '#' || line.p[0] == '+' ||
	    line.p[0] == '-')
		return -1;
	for (*n = 0; *n < SHADOW_FIELDS && txt_next_field(&line, ':',
	    &f[*n]); (*n)++)
		;
	if (line.p != NULL)		/* more fields than there are */
		return -1;
	return (*n == 2 || *n == SHADOW_FIELDS) && f[0].len > 0 ? 0 : -1;
}

int
shadow_parse_line(struct span line, struct shadow_line *sp)
{
	struct span f[SHADOW_FIELDS];
	int64_t *num[] = { &sp->last_change, &sp->min, &sp->max,
	    &sp->warning, &sp->inactive, &sp->expire, &sp->flag };
	int i, n;

	if (split(line, f, &n) == -1)
		return -1;
	for (i = 0; i < SHADOW_FIELDS - 2; i++) {
		if (n == 2)
			*num[i] = -1;
		else if (number_field(f[i + 2], num[i]) == -1)
			return -1;
	}
	sp->name = f[0];
	read_password(f[1], sp);
	return 0;
}

const char *
shadow_status_name(enum shadow_status s)
{
	switch (s) {
	case SHADOW_ACTIVE:
		return "active";
	case SHADOW_LOCKED:
		return "locked";
	case SHADOW_NOT_SET:
		return "not_set";
	case SHADOW_EMPTY:
		return "empty";
	}
	return "";
}
