/*
 * Runs every check suite, or only those named on the command line.
 * Each tests/unit/test_NAME.c defines Suite *suite_NAME(void); the build
 * lists them in unit_suites.h, so adding a file adds its suite.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#define SUITE(name) Suite *suite_##name(void);
#include "unit_suites.h"
#undef SUITE

struct suite_entry {
	const char	*name;
	Suite		*(*make)(void);
};

static const struct suite_entry suites[] = {
#define SUITE(name) { #name, suite_##name },
#include "unit_suites.h"
#undef SUITE
};

static int
wanted(const char *name, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	SRunner *sr = NULL;
	size_t i;
	int failed;

	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		if (!wanted(suites[i].name, argc, argv))
			continue;
		if (sr == NULL)
			sr = srunner_create(suites[i].make());
		else
			srunner_add_suite(sr, suites[i].make());
	}
	if (sr == NULL)
		return 2;
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
