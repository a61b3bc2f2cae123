/*
 * Strict number parsing and line splitting for the pure parsers.  Kept
 * apart so that every parser bounds its reads the same way.
 */
#include <string.h>

#include "textparse.h"

int
txt_u64_prefix(const char *s, size_t len, uint64_t *out, size_t *used)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		unsigned int d = (unsigned int)(s[i] - '0');

		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	if (i == 0)
		return -1;
	*out = v;
	if (used != NULL)
		*used = i;
	return 0;
}

int
txt_u64(const char *s, size_t len, uint64_t *out)
{
	size_t used;

	if (txt_u64_prefix(s, len, out, &used) == -1 || used != len)
		return -1;
	return 0;
}

int
txt_i64(const char *s, size_t len, int64_t *out)
{
	uint64_t v;

	if (len > 0 && s[0] == '-') {
		if (txt_u64(s + 1, len - 1, &v) == -1 ||
		    v > (uint64_t)INT64_MAX + 1)
			return -1;
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
		return 0;
	}
	if (txt_u64(s, len, &v) == -1 || v > (uint64_t)INT64_MAX)
		return -1;
	*out = (int64_t)v;
	return 0;
}

int
txt_version3(const char *s, size_t len, int64_t parts[3])
{
	uint64_t v;
	size_t used, off = 0;
	int n;

	parts[0] = parts[1] = parts[2] = 0;
	for (n = 0; n < 3; n++) {
		if (txt_u64_prefix(s + off, len - off, &v, &used) == -1 ||
		    v > (uint64_t)INT64_MAX)
			break;
		parts[n] = (int64_t)v;
		off += used;
		if (off >= len || s[off] != '.')
			return n + 1;
		off++;
	}
	return n;
}

int
txt_next_line(const char *buf, size_t len, size_t *off, struct span *line)
{
	const char *nl;
	size_t start = *off;

	if (buf == NULL || start >= len)
		return 0;
	nl = memchr(buf + start, '\n', len - start);
	line->p = buf + start;
	if (nl == NULL) {
		line->len = len - start;
		*off = len;
	} else {
		line->len = (size_t)(nl - line->p);
		*off = start + line->len + 1;
	}
	return 1;
}

int
txt_next_field(struct span *s, char sep, struct span *field)
{
	const char *end;

	if (s->p == NULL)
		return 0;
	end = memchr(s->p, sep, s->len);
	field->p = s->p;
	if (end == NULL) {
		field->len = s->len;
		s->p = NULL;
		s->len = 0;
	} else {
		field->len = (size_t)(end - s->p);
		s->len -= field->len + 1;
		s->p = end + 1;
	}
	return 1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct span
txt_trim(struct span s)
{
	while (s.len > 0 && is_blank(s.p[0])) {
		s.p++;
		s.len--;
	}
	while (s.len > 0 && is_blank(s.p[s.len - 1]))
		s.len--;
	return s;
}

int
txt_eq(struct span s, const char *str)
{
	size_t n = strlen(str);

	return s.len == n && (n == 0 || memcmp(s.p, str, n) == 0);
}
