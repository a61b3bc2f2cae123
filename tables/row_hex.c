/* "0x" and an address's digits as one column; see row_hex.h. */
#include <string.h>

#include "row_hex.h"

#define DIGITS_MAX	16

void
row_hex_digits(struct gen_ctx *ctx, int col, struct span digits)
{
	char buf[2 + DIGITS_MAX];

	if (digits.len > DIGITS_MAX)
		return;
	memcpy(buf, "0x", 2);
	memcpy(buf + 2, digits.p, digits.len);
	row_textn(ctx, col, buf, 2 + digits.len);
}
