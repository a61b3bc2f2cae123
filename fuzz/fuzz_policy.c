/*
 * Policy text of any shape, and the paths asked of it.
 *
 * The input is the policy text up to its first NUL; after the NUL come
 * paths, one per line, asked of every primitive together with a few
 * fixed ones.  A policy that parses is printed, parsed again, and must
 * give the same answers: what an operator is shown is what is in force.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/catalogue.h"
#include "../policy/policy.h"
#include "fuzz.h"

#define MAX_PATHS	16

static const char *const fixed_paths[] = {
	"/", "/etc", "/etc/passwd", "/etc/shadow", "/proc/cpuinfo",
	"/home/a/.ssh/id_rsa", "/a/b/c/d/e/f", "/etc/../etc/shadow",
	"etc/passwd", "/etc/", "",
};

/* Ask pol about path for every primitive; compare with other. */
static void
ask(const struct policy *pol, const struct policy *other, const char *path)
{
	const char *root, *root2;
	enum pol_prim prim;
	int yes, yes2;

	for (prim = POL_READ; prim <= POL_STAT; prim++) {
		root = NULL;
		yes = policy_allows_path(pol, prim, path, &root);
		if (yes) {
			/* Allowed only canonical, never denied, and the
			 * root is a prefix of the path. */
			CHECK(policy_path_canonical(path));
			CHECK(!policy_denies_path(pol, prim, path));
			CHECK(root != NULL && root[0] == '/');
			CHECK(strcmp(root, "/") == 0 ||
			    (strncmp(path, root, strlen(root)) == 0 &&
			    (path[strlen(root)] == '/' ||
			    path[strlen(root)] == '\0')));
		}
		if (other == NULL)
			continue;
		root2 = NULL;
		yes2 = policy_allows_path(other, prim, path, &root2);
		CHECK(yes == yes2);
		if (yes)
			CHECK(strcmp(root, root2) == 0);
	}
}

static struct policy *
reparse_printed(const struct policy *pol)
{
	struct policy *again;
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	policy_print(pol, fp);
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	again = policy_parse(buf, len, err, sizeof(err));
	/* What policy_print() wrote always parses. */
	CHECK(again != NULL);
	free(buf);
	return again;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul;
	struct policy *pol, *again;
	char err[256], *paths = NULL, *line, *save = NULL;
	size_t tlen, i, n = 0;

	nul = memchr(text, '\0', size);
	tlen = nul != NULL ? (size_t)(nul - text) : size;
	err[0] = '\0';
	pol = policy_parse(text, tlen, err, sizeof(err));
	if (pol == NULL) {
		/* A refusal always says why. */
		CHECK(err[0] != '\0' && memchr(err, '\0', sizeof(err)));
		return 0;
	}
	(void)policy_proc_kinds(pol);
	(void)policy_netlink_kinds(pol);
	again = reparse_printed(pol);
	if (again != NULL) {
		CHECK(policy_proc_kinds(pol) == policy_proc_kinds(again));
		CHECK(policy_netlink_kinds(pol) ==
		    policy_netlink_kinds(again));
	}
	for (i = 0; i < sizeof(fixed_paths) / sizeof(fixed_paths[0]); i++)
		ask(pol, again, fixed_paths[i]);
	if (nul != NULL &&
	    (paths = strndup(nul + 1, size - tlen - 1)) != NULL) {
		for (line = strtok_r(paths, "\n", &save);
		    line != NULL && n < MAX_PATHS;
		    line = strtok_r(NULL, "\n", &save), n++)
			ask(pol, again, line);
		free(paths);
	}
	policy_free(again);
	policy_free(pol);
	return 0;
}
