/*
 * privd's crypt-field redaction (privd/redact.c): the first input byte
 * picks the field, the rest is the file.  The output may only shrink, and
 * keeps exactly the input's line count.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../privd/privd.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int field;
	size_t len, before = 0, after = 0, i;
	char *buf;

	if (size == 0)
		return 0;
	field = 1 + data[0] % 8;
	len = size - 1;
	if ((buf = malloc(len + 1)) == NULL)
		return 0;
	memcpy(buf, data + 1, len);
	for (i = 0; i < len; i++)
		before += buf[i] == '\n';
	len = redact_crypt_field(buf, len, field);
	CHECK(len <= size - 1);
	for (i = 0; i < len; i++)
		after += buf[i] == '\n';
	CHECK(before == after);
	free(buf);
	return 0;
}
