/* A directory tree in memory; see memfs.h. */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "memfs.h"

void
memfs_add(struct memfs *fs, const char *path, const char *text, size_t len)
{
	ck_assert_uint_lt(fs->n, MEMFS_MAX);
	fs->path[fs->n] = strdup(path);
	fs->text[fs->n] = malloc(len + 1);
	ck_assert_ptr_nonnull(fs->path[fs->n]);
	ck_assert_ptr_nonnull(fs->text[fs->n]);
	memcpy(fs->text[fs->n], text, len);
	fs->text[fs->n][len] = '\0';
	fs->len[fs->n] = len;
	fs->n++;
}

void
memfs_add_fixture(struct memfs *fs, const char *path, const char *dir,
    const char *name)
{
	size_t len;
	char *text;

	text = fixture_load(dir, name, &len);
	memfs_add(fs, path, text, len);
	free(text);
}

void
memfs_free(struct memfs *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->path[i]);
		free(fs->text[i]);
	}
	memset(fs, 0, sizeof(*fs));
}

/* Does path name a directory: the prefix of a file's path? */
static int
is_dir(const struct memfs *fs, const char *path)
{
	size_t i, n = strlen(path);

	for (i = 0; i < fs->n; i++)
		if (strncmp(fs->path[i], path, n) == 0 &&
		    (fs->path[i][n] == '/' || strcmp(path, "/") == 0))
			return 1;
	return 0;
}

int
memfs_read(void *arg, const char *path, char **text, size_t *len)
{
	struct memfs *fs = arg;
	size_t i;

	fs->reads++;
	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->path[i], path) != 0)
			continue;
		if ((*text = malloc(fs->len[i] + 1)) == NULL)
			return -ENOMEM;
		memcpy(*text, fs->text[i], fs->len[i] + 1);
		*len = fs->len[i];
		return 0;
	}
	return is_dir(fs, path) ? -EISDIR : -ENOENT;
}

int
memfs_list(void *arg, const char *dir, int (*each)(void *, const char *),
    void *each_arg)
{
	struct memfs *fs = arg;
	char name[256];
	const char *rest;
	size_t i, j, n = strlen(dir), k;
	int rc, seen;

	if (!is_dir(fs, dir))
		return -ENOENT;
	for (i = 0; i < fs->n; i++) {
		if (strcmp(dir, "/") == 0)
			rest = fs->path[i] + 1;
		else if (strncmp(fs->path[i], dir, n) == 0 &&
		    fs->path[i][n] == '/')
			rest = fs->path[i] + n + 1;
		else
			continue;
		k = strcspn(rest, "/");
		if (k == 0 || k >= sizeof(name))
			continue;
		memcpy(name, rest, k);
		name[k] = '\0';
		/* Each entry once, though several files lie under it. */
		for (seen = 0, j = 0; j < i && !seen; j++) {
			const char *r2 = strcmp(dir, "/") == 0 ?
			    fs->path[j] + 1 : fs->path[j] + n + 1;

			if (strncmp(fs->path[j], dir, n) == 0 &&
			    (strcmp(dir, "/") == 0 || fs->path[j][n] == '/') &&
			    strncmp(r2, name, k) == 0 &&
			    (r2[k] == '/' || r2[k] == '\0'))
				seen = 1;
		}
		if (!seen && (rc = each(each_arg, name)) != 0)
			return rc;
	}
	return 0;
}
