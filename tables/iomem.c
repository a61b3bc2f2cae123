/*
 * Parser of /proc/iomem lines: indentation, "start-end", " : ", name.
 * The name is everything after the separator; it may hold spaces and
 * colons ("PCI Bus 0000:00").
 */
#include <string.h>

#include "iomem.h"

#define IOMEM_ADDR_MAX	16	/* hex digits of a 64-bit address */

static size_t
hex_run(const char *p, size_t len)
{
	size_t n = 0;

	while (n < len && ((p[n] >= '0' && p[n] <= '9') ||
	    (p[n] >= 'a' && p[n] <= 'f') || (p[n] >= 'A' && p[n] <= 'F')))
		n++;
	return n;
}

static int
parse_line(struct span s, struct iomem_region *r)
{
	size_t indent = 0, n;

	while (indent < s.len && s.p[indent] == ' ')
		indent++;
	s.p += indent;
	s.len -= indent;
	r->depth = (int)(indent / 2);
	if ((n = hex_run(s.p, s.len)) == 0 || n > IOMEM_ADDR_MAX ||
	    n >= s.len || s.p[n] != '-')
		return -1;
	r->start.p = s.p;
	r->start.len = n;
	s.p += n + 1;
	s.len -= n + 1;
	if ((n = hex_run(s.p, s.len)) == 0 || n > IOMEM_ADDR_MAX)
		return -1;
	r->end.p = s.p;
	r->end.len = n;
	s.p += n;
	s.len -= n;
	/* " : name"; a region may have an empty name (" : "). */
	if (s.len < 2 || memcmp(s.p, " :", 2) != 0)
		return -1;
	s.p += 2;
	s.len -= 2;
	if (s.len > 0 && s.p[0] == ' ') {
		s.p++;
		s.len--;
	}
	r->name = s;
	return 0;
}

int
iomem_next(const char *buf, size_t len, size_t *off, struct iomem_region *r)
{
	struct span line;

	memset(r, 0, sizeof(*r));
	do {
		if (!txt_next_line(buf, len, off, &line))
			return 0;
	} while (line.len == 0);
	if (parse_line(line, r) == -1) {
		memset(r, 0, sizeof(*r));
		return -1;
	}
	return 1;
}

int
iomem_zero(struct span addr)
{
	size_t i;

	for (i = 0; i < addr.len; i++)
		if (addr.p[i] != '0')
			return 0;
	return addr.len > 0;
}
