/*
 * efivarfs prefixes every variable with its 32-bit attributes; a
 * boolean variable is then one byte.  A file of another size is not the
 * variable we asked for, so it gives no value rather than a guess.
 */
#include "efivar.h"

#define EFIVAR_ATTR_LEN	4

int
efivar_bool(const char *buf, size_t len, int *value)
{
	unsigned char b;

	*value = -1;
	if (buf == NULL || len != EFIVAR_ATTR_LEN + 1)
		return -1;
	b = (unsigned char)buf[EFIVAR_ATTR_LEN];
	*value = b <= 1 ? b : -1;
	return 0;
}
