/*
 * Splitting an environ file.  A process may have rewritten its
 * environment area with anything, so a string is whatever lies between
 * two NULs (or the end of what was read), and the key may be empty
 * ("=value") or the whole string (no '=').
 */
#include <string.h>

#include "procenv.h"

int
procenv_next(const char *buf, size_t len, size_t *off, struct span *key,
    struct span *value)
{
	const char *start, *nul, *eq;
	size_t n;

	while (buf != NULL && *off < len) {
		start = buf + *off;
		nul = memchr(start, '\0', len - *off);
		n = nul != NULL ? (size_t)(nul - start) : len - *off;
		*off += n + (nul != NULL);
		if (n == 0)
			continue;
		key->p = start;
		eq = memchr(start, '=', n);
		if (eq == NULL) {
			key->len = n;
			value->p = start + n;
			value->len = 0;
		} else {
			key->len = (size_t)(eq - start);
			value->p = eq + 1;
			value->len = n - key->len - 1;
		}
		return 1;
	}
	return 0;
}
