/*
 * A directory tree in memory for the tests of code that reads files
 * through callbacks (the configuration's packs): files are added with
 * their whole path, directories are the prefixes of those paths.
 */
#ifndef HOSTQL_TESTS_MEMFS_H
#define HOSTQL_TESTS_MEMFS_H

#include <stddef.h>

#define MEMFS_MAX	256

struct memfs {
	char	*path[MEMFS_MAX];
	char	*text[MEMFS_MAX];
	size_t	 len[MEMFS_MAX];
	size_t	 n;
	size_t	 reads;		/* calls of memfs_read */
};

/* Add a file (a copy of text), or one loaded from the fixtures. */
void	memfs_add(struct memfs *, const char *path, const char *text,
	    size_t len);
void	memfs_add_fixture(struct memfs *, const char *path, const char *dir,
	    const char *name);
void	memfs_free(struct memfs *);

/* The callbacks of struct config_io; arg is the struct memfs. */
int	memfs_read(void *arg, const char *path, char **text, size_t *len);
int	memfs_list(void *arg, const char *dir,
	    int (*each)(void *, const char *), void *each_arg);

#endif
