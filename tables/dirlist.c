/*
 * Sorted directory listings through privd.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "pathglob.h"

struct listing {
	struct dirlist		*dl;
	dirlist_filter_fn	 keep;
};

static int
add_name(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct listing *l = arg;
	struct dirlist *dl = l->dl;
	struct dirent_name *v;
	size_t cap;

	(void)ino;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    *name == '\0' || strchr(name, '/') != NULL)
		return 0;
	if (l->keep != NULL && !l->keep(name, d_type))
		return 0;
	if (dl->n == dl->cap) {
		cap = dl->cap ? dl->cap * 2 : 32;
		if ((v = reallocarray(dl->v, cap, sizeof(*v))) == NULL)
			goto nomem;
		dl->v = v;
		dl->cap = cap;
	}
	if ((dl->v[dl->n].name = strdup(name)) == NULL)
		goto nomem;
	dl->v[dl->n].d_type = d_type;
	dl->n++;
	return 0;
nomem:
	dl->nomem = 1;
	return 1;
}

static int
name_cmp(const void *a, const void *b)
{
	const struct dirent_name *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int
dirlist_read(struct collect *c, const char *dir, dirlist_filter_fn keep,
    struct dirlist *dl)
{
	struct listing l = { dl, keep };
	char real[PATHGLOB_PATH_MAX];
	int dir_only, rc;

	memset(dl, 0, sizeof(*dl));
	if (pathglob_canonical(dir, real, sizeof(real), &dir_only) == -1)
		return -EINVAL;
	rc = collect_list_dir(c, real, add_name, &l);
	if (rc == 0 && dl->nomem)
		rc = -ENOMEM;
	if (rc < 0) {
		dirlist_free(dl);
		return rc;
	}
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), name_cmp);
	return 0;
}

void
dirlist_free(struct dirlist *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		free(dl->v[i].name);
	free(dl->v);
	memset(dl, 0, sizeof(*dl));
}

int
dirlist_has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}

int
dirlist_path(const char *dir, const char *name, char *buf, size_t len)
{
	char joined[PATHGLOB_PATH_MAX];
	int dir_only;

	if (pathglob_join(dir, name, joined, sizeof(joined)) == -1)
		return -1;
	return pathglob_canonical(joined, buf, len, &dir_only);
}

int
dirlist_is_regular(struct collect *c, const char *path)
{
	struct hq_stat st;

	return collect_stat(c, path, 1, &st) == 0 && S_ISREG(st.mode);
}
