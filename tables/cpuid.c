/*
 * cpuid: what the processor says of itself through the cpuid instruction.
 * The worker runs the instruction itself (it is not a system call, and
 * the sandbox has nothing to say about it); on other architectures the
 * table is empty, with a warning.
 */
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define HAVE_CPUID	1
#endif

#include "cpuid_rows.h"
#include "table.h"

enum {
	C_FEATURE,
	C_VALUE,
	C_OUTPUT_REGISTER,
	C_OUTPUT_BIT,
	C_INPUT_EAX,
};

static const struct column cpuid_columns[] = {
	[C_FEATURE] = { "feature", COL_TEXT, 0, NULL,
	    "Present feature flags" },
	[C_VALUE] = { "value", COL_TEXT, 0, NULL,
	    "Bit value or string" },
	[C_OUTPUT_REGISTER] = { "output_register", COL_TEXT, 0, NULL,
	    "Register used for the feature value" },
	[C_OUTPUT_BIT] = { "output_bit", COL_INTEGER, 0, NULL,
	    "Bit in register value for feature value" },
	[C_INPUT_EAX] = { "input_eax", COL_TEXT, 0, NULL,
	    "Value of EAX used" },
};

#ifdef HAVE_CPUID
static void
run_cpuid(void *arg, uint32_t leaf, uint32_t subleaf, struct cpuid_regs *r)
{
	unsigned int a, b, c, d;

	(void)arg;
	__cpuid_count(leaf, subleaf, a, b, c, d);
	r->eax = a;
	r->ebx = b;
	r->ecx = c;
	r->edx = d;
}
#endif

static int
give_row(void *arg, const struct cpuid_row *r)
{
	struct gen_ctx *ctx = arg;

	row_begin(ctx);
	row_text(ctx, C_FEATURE, r->feature);
	row_text(ctx, C_VALUE, r->value);
	row_text(ctx, C_OUTPUT_REGISTER, r->output_register);
	row_int(ctx, C_OUTPUT_BIT, r->output_bit);
	row_text(ctx, C_INPUT_EAX, r->input_eax);
	return row_end(ctx) == -1 ? 1 : 0;
}

static int
cpuid_generate(struct gen_ctx *ctx)
{
#ifdef HAVE_CPUID
	int rc = cpuid_rows(run_cpuid, NULL, give_row, ctx);

	if (rc == 1) {
		gen_error(ctx, "cpuid: out of memory");
		return -1;
	}
	if (rc == -1)
		gen_warn(ctx, "the processor has no cpuid leaf 1");
#else
	gen_warn(ctx, "not an x86 processor: no cpuid instruction");
#endif
	return 0;
}

const struct table table_cpuid = {
	.name = "cpuid",
	.description = "Useful CPU features from the cpuid ASM call.",
	.example = "SELECT feature, value FROM cpuid WHERE feature IN "
	    "('vendor', 'product_name', 'avx2')",
	.columns = cpuid_columns,
	.ncolumns = NCOLUMNS(cpuid_columns),
	.generate = cpuid_generate,
};
