/*
 * Version ordering (worker/vercmp.h), all four orders, on versions cut
 * from the input at its NUL bytes: every result is -1, 0 or 1, a
 * version equals itself, swapping the two negates the result, and for
 * the orders that promise it (generic, dpkg, rpm) a <= b <= c gives
 * a <= c.  The lengths are exact, so a read past a version is caught.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../worker/vercmp.h"
#include "fuzz.h"

/* Each piece in a buffer of its own size, for ASan to bound. */
static char *
piece(const uint8_t *data, size_t size, size_t *off, size_t *len)
{
	const uint8_t *end = memchr(data + *off, '\0', size - *off);
	char *p;

	*len = end != NULL ? (size_t)(end - (data + *off)) : size - *off;
	if ((p = malloc(*len > 0 ? *len : 1)) == NULL)
		abort();
	memcpy(p, data + *off, *len);
	*off += *len + (end != NULL);
	return p;
}

static void
check_order(enum vercmp_kind kind, char *v[3], size_t len[3])
{
	int ab, ba, bc, ac;

	ab = vercmp(kind, v[0], len[0], v[1], len[1]);
	ba = vercmp(kind, v[1], len[1], v[0], len[0]);
	CHECK(ab >= -1 && ab <= 1);
	CHECK(ab == -ba);
	CHECK(vercmp(kind, v[0], len[0], v[0], len[0]) == 0);
	if (kind == VERCMP_ARCH)
		return;
	bc = vercmp(kind, v[1], len[1], v[2], len[2]);
	ac = vercmp(kind, v[0], len[0], v[2], len[2]);
	if (ab <= 0 && bc <= 0)
		CHECK(ac <= 0);
	if (ab >= 0 && bc >= 0)
		CHECK(ac >= 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum vercmp_kind kinds[] = {
		VERCMP_GENERIC, VERCMP_DPKG, VERCMP_RPM, VERCMP_ARCH,
	};
	size_t off = 0, len[3], i;
	char *v[3];

	for (i = 0; i < 3; i++)
		v[i] = piece(data, size, &off, &len[i]);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		check_order(kinds[i], v, len);
	for (i = 0; i < 3; i++)
		free(v[i]);
	return 0;
}
