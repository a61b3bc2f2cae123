/*
 * The text helpers every parser stands on (tables/textparse.h): numbers,
 * versions, lines, fields and trimming, on arbitrary bytes.  The numbers
 * are checked against a slow reference: exactly the digit strings whose
 * value fits are accepted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/textparse.h"
#include "fuzz.h"

static int
ref_u64(const char *s, size_t n, uint64_t *v)
{
	size_t i;

	if (n == 0)
		return -1;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (*v > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		*v = *v * 10 + (uint64_t)(s[i] - '0');
	}
	return 0;
}

static void
numbers(const char *buf, size_t len)
{
	uint64_t u, r;
	int64_t i, parts[3];
	size_t used;
	int got;

	got = txt_u64(buf, len, &u);
	CHECK(got == ref_u64(buf, len, &r));
	if (got == 0)
		CHECK(u == r);
	if (txt_i64(buf, len, &i) == 0 && len > 0 && buf[0] != '-')
		CHECK(ref_u64(buf, len, &r) == 0 && (uint64_t)i == r);
	if (txt_u64_prefix(buf, len, &u, &used) == 0)
		CHECK(used >= 1 && used <= len);
	got = txt_version3(buf, len, parts);
	CHECK(got >= 0 && got <= 3);
}

static void
lines_and_fields(const char *buf, size_t len)
{
	struct span line, s, field, t;
	size_t off = 0, prev = 0, nfields;

	while (txt_next_line(buf, len, &off, &line)) {
		CHECK(off > prev && off <= len);
		CHECK(line.p >= buf && line.p + line.len <= buf + len);
		CHECK(memchr(line.p, '\n', line.len) == NULL);
		prev = off;
		s = line;
		nfields = 0;
		while (txt_next_field(&s, ':', &field)) {
			CHECK(field.p >= line.p &&
			    field.p + field.len <= line.p + line.len);
			CHECK(++nfields <= line.len + 1);
			t = txt_trim(field);
			CHECK(t.len <= field.len);
			if (t.len > 0)
				CHECK(t.p >= field.p &&
				    t.p + t.len <= field.p + field.len);
			(void)txt_eq(t, "key");
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;

	numbers(buf, size);
	lines_and_fields(buf, size);
	return 0;
}
