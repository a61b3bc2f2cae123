/* Boolean EFI variables (tables/efivar.h) of any size and content. */
#include <stdint.h>

#include "../tables/efivar.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int v = 7;

	if (efivar_bool((const char *)data, size, &v) == 0)
		CHECK(size == 5 && v >= -1 && v <= 1);
	else
		CHECK(size != 5 && v == -1);
	return 0;
}
