/* Loading the captured fixtures the unit tests parse. */
#ifndef HOSTQL_TESTS_FIXTURE_H
#define HOSTQL_TESTS_FIXTURE_H

#include <stddef.h>

/* The whole of tests/fixtures/<dir>/<name>, NUL-terminated (malloc'd);
 * the test fails if it cannot be read. */
char	*fixture_load(const char *dir, const char *name, size_t *len);

#endif
