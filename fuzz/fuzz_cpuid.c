/*
 * The cpuid rows (tables/cpuid_rows.h) for a processor made of the
 * input: each leaf answers with registers taken from it, so every
 * maximum, vendor and brand string, and feature word comes up.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/cpuid_rows.h"
#include "fuzz.h"

struct input {
	const uint8_t	*p;
	size_t		 n;
};

static void
query(void *arg, uint32_t leaf, uint32_t subleaf, struct cpuid_regs *r)
{
	const struct input *in = arg;
	uint32_t v[4];
	size_t i, at;

	memset(v, 0, sizeof(v));
	for (i = 0; i < sizeof(v) && in->n > 0; i++) {
		at = ((size_t)(leaf ^ (leaf >> 16)) * 16 + subleaf * 4 + i) %
		    in->n;
		((uint8_t *)v)[i] = in->p[at];
	}
	r->eax = v[0];
	r->ebx = v[1];
	r->ecx = v[2];
	r->edx = v[3];
}

static int
row(void *arg, const struct cpuid_row *r)
{
	size_t *n = arg;

	CHECK(r->feature != NULL && r->value != NULL);
	CHECK(r->output_register != NULL && r->input_eax != NULL);
	CHECK(strlen(r->value) <= 48 && r->output_bit >= 0 &&
	    r->output_bit < 32);
	(*n)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	size_t n = 0;
	int rc;

	rc = cpuid_rows(query, &in, row, &n);
	CHECK(rc == -1 ? n == 0 : (rc == 0 && (n == 68 || n == 69)));
	return 0;
}
