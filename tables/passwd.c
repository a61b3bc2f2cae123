/*
 * /etc/passwd and /etc/group, the files the "files" NSS module reads.
 * A line that does not parse is skipped, as the C library skips it.
 */
#include <string.h>

#include "passwd.h"

static int
parse_id(struct span f, uint32_t *id)
{
	uint64_t v;

	if (txt_u64(f.p, f.len, &v) == -1 || v > UINT32_MAX)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

/* Split line into exactly n fields on ':'; -1 for any other count. */
static int
split_fields(struct span line, struct span *f, int n)
{
	int i;

	if (line.len > 0 && line.p[line.len - 1] == '\r')
		line.len--;
	if (line.len == 0 || line.p[0] == '#' || line.p[0] == '+' ||
	    line.p[0] == '-')
		return -1;
	for (i = 0; i < n; i++)
		if (!txt_next_field(&line, ':', &f[i]))
			return -1;
	if (line.p != NULL)		/* more fields than expected */
		return -1;
	return f[0].len > 0 ? 0 : -1;
}

int
passwd_parse_line(struct span line, struct passwd_line *pw)
{
	struct span f[7];

	if (split_fields(line, f, 7) == -1 ||
	    parse_id(f[2], &pw->uid) == -1 ||
	    parse_id(f[3], &pw->gid) == -1)
		return -1;
	pw->name = f[0];
	pw->passwd = f[1];
	pw->gecos = f[4];
	pw->dir = f[5];
	pw->shell = f[6];
	return 0;
}

int
group_parse_line(struct span line, struct group_line *gr)
{
	struct span f[4];

	if (split_fields(line, f, 4) == -1 ||
	    parse_id(f[2], &gr->gid) == -1)
		return -1;
	gr->name = f[0];
	gr->passwd = f[1];
	gr->members = f[3];
	return 0;
}
