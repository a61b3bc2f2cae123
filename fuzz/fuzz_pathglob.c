/*
 * Path patterns (tables/pathglob.h): the input's first part, up to a
 * NUL, is a pattern as a query's `path LIKE` gives it; the rest is a list
 * of names, one per line, that every directory of a fake tree holds (a
 * name ending in '/' is a directory).  The pattern is compiled, walked
 * over the tree within tight limits, and matched against each name; the
 * path helpers get the pattern and the names too.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/pathglob.h"
#include "fuzz.h"

#define MAX_NAMES	8

struct tree {
	char		*names[MAX_NAMES];
	unsigned int	 types[MAX_NAMES];
	size_t		 n;
	size_t		 emitted;
};

static int
tree_list(void *arg, const char *dir, pathglob_entry_fn fn, void *fnarg)
{
	struct tree *t = arg;
	size_t i;
	int rc;

	CHECK(dir[0] == '/' && strlen(dir) < PATHGLOB_PATH_MAX);
	if ((rc = fn(fnarg, ".", DT_DIR, 1)) != 0)
		return 0;
	if ((rc = fn(fnarg, "..", DT_DIR, 2)) != 0)
		return 0;
	for (i = 0; i < t->n; i++)
		if (fn(fnarg, t->names[i], t->types[i], i + 3) != 0)
			break;
	return 0;
}

static int
tree_emit(void *arg, const char *path, unsigned int d_type)
{
	struct tree *t = arg;

	(void)d_type;
	CHECK(path[0] == '/' && strlen(path) < PATHGLOB_PATH_MAX);
	return ++t->emitted >= 5000;
}

static void
tree_parse(struct tree *t, char *rest)
{
	char *line, *save = NULL;
	size_t len;

	for (line = strtok_r(rest, "\n", &save);
	    line != NULL && t->n < MAX_NAMES;
	    line = strtok_r(NULL, "\n", &save)) {
		len = strlen(line);
		t->types[t->n] = DT_REG;
		if (len > 1 && line[len - 1] == '/') {
			line[len - 1] = '\0';
			t->types[t->n] = DT_DIR;
		}
		/* A name holds no '/', as a directory entry's never does. */
		if (strchr(line, '/') != NULL)
			continue;
		t->names[t->n++] = line;
	}
}

static void
helpers(const char *s)
{
	char buf[PATHGLOB_PATH_MAX], small[8];
	int dir_only;

	(void)pathglob_is_wild(s);
	if (pathglob_dirname(s, buf, sizeof(buf)) == 0)
		CHECK(strlen(buf) < sizeof(buf));
	(void)pathglob_dirname(s, small, sizeof(small));
	if (pathglob_basename(s, buf, sizeof(buf)) == 0)
		CHECK(strlen(buf) < sizeof(buf));
	(void)pathglob_basename(s, small, sizeof(small));
	if (pathglob_canonical(s, buf, sizeof(buf), &dir_only) == 0)
		CHECK(buf[0] == '/' && strlen(buf) < sizeof(buf));
	(void)pathglob_canonical(s, small, sizeof(small), &dir_only);
	if (pathglob_join(s, "name", buf, sizeof(buf)) == 0)
		CHECK(strlen(buf) < sizeof(buf));
	(void)pathglob_join("/", s, small, sizeof(small));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tree t;
	struct pathglob g;
	struct pathglob_limits lim;
	struct pathglob_ops ops = { tree_list, tree_emit, &t };
	const char *why = NULL, *nul;
	char *pattern, *rest = NULL;
	size_t plen, i;

	memset(&t, 0, sizeof(t));
	nul = memchr(data, '\0', size);
	plen = nul != NULL ? (size_t)(nul - (const char *)data) : size;
	if ((pattern = strndup((const char *)data, plen)) == NULL)
		return 0;
	if (nul != NULL &&
	    (rest = strndup(nul + 1, size - plen - 1)) != NULL)
		tree_parse(&t, rest);

	helpers(pattern);
	for (i = 0; i < t.n; i++) {
		(void)pathglob_match(pattern, t.names[i]);
		(void)pathglob_match(t.names[i], pattern);
		helpers(t.names[i]);
	}
	if (pathglob_compile(pattern, &g, &why) == 0) {
		/* The root is the empty base: the walk adds the '/'. */
		CHECK(g.base != NULL &&
		    (g.base[0] == '/' || g.base[0] == '\0'));
		for (i = 0; i < g.nsegs; i++)
			CHECK(g.segs[i] != NULL);
		pathglob_limits_init(&lim);
		lim.max_depth = 4;
		lim.max_entries = 2000;
		(void)pathglob_walk(&g, 0, &ops, &lim);
		CHECK(lim.entries <= lim.max_entries + MAX_NAMES + 2);
		t.emitted = 0;
		pathglob_limits_init(&lim);
		lim.max_depth = 3;
		lim.max_entries = 500;
		(void)pathglob_walk(&g, PATHGLOB_DIRS, &ops, &lim);
		pathglob_free(&g);
	} else
		CHECK(why != NULL);
	free(rest);
	free(pattern);
	return 0;
}
