/* Fixture files for the unit tests; see fixture.h. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

char *
fixture_load(const char *dir, const char *name, size_t *len)
{
	char path[256], *buf;
	FILE *f;
	long n;

	/* The tests run from tests/. */
	snprintf(path, sizeof(path), "fixtures/%s%s%s", dir, *dir ? "/" : "",
	    name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "missing fixture %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}
