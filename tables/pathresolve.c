/* A link's target as an absolute path; see pathresolve.h. */
#include <string.h>

#include "pathresolve.h"
#include "textparse.h"

/* Append "/comp" to the path of length *n in out; -1 when full. */
static int
path_push(char *out, size_t outsz, size_t *n, struct span comp)
{
	if (outsz - *n < comp.len + 2)
		return -1;
	out[(*n)++] = '/';
	memcpy(out + *n, comp.p, comp.len);
	*n += comp.len;
	out[*n] = '\0';
	return 0;
}

/* Drop the last component; -1 at the root. */
static int
path_pop(char *out, size_t *n)
{
	if (*n == 0)
		return -1;
	while (*n > 0 && out[*n - 1] != '/')
		(*n)--;
	(*n)--;			/* the slash itself */
	out[*n] = '\0';
	return 0;
}

/* Walk the components of s onto the path in out. */
static int
path_walk(const char *s, char *out, size_t outsz, size_t *n)
{
	struct span rest = { s, strlen(s) }, comp;

	while (txt_next_field(&rest, '/', &comp)) {
		if (comp.len == 0 || txt_eq(comp, "."))
			continue;
		if (txt_eq(comp, "..")) {
			if (path_pop(out, n) == -1)
				return -1;
		} else if (path_push(out, outsz, n, comp) == -1)
			return -1;
	}
	return 0;
}

int
path_resolve(const char *dir, const char *target, char *out, size_t outsz)
{
	size_t n = 0;

	if (outsz < 2 || dir[0] != '/')
		return -1;
	out[0] = '\0';
	if (target[0] != '/' && path_walk(dir, out, outsz, &n) == -1)
		return -1;
	if (path_walk(target, out, outsz, &n) == -1)
		return -1;
	if (n == 0) {
		out[0] = '/';
		out[1] = '\0';
	}
	return 0;
}
