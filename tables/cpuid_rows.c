/*
 * cpuid rows, with osquery's feature names (its spellings kept, "mmz"
 * and "clfsh" among them, so that its queries run), registers and bits.
 */
#include <stdio.h>
#include <string.h>

#include "cpuid_rows.h"

#define LEAF_VENDOR	0x00000000u
#define LEAF_FEATURES	0x00000001u
#define LEAF_SERIAL	0x00000003u
#define LEAF_EXTENDED	0x00000007u
#define LEAF_SGX	0x00000012u
#define LEAF_HYPERVISOR	0x40000000u
#define LEAF_EXT_MAX	0x80000000u
#define LEAF_EXT_FEAT	0x80000001u
#define LEAF_BRAND	0x80000002u	/* to 0x80000004 */

enum reg { EAX, EBX, ECX, EDX };

struct feature {
	const char	*name;
	enum reg	 reg;
	int		 bit;
};

static const struct feature leaf1[] = {
	{ "pae", EDX, 6 }, { "msr", EDX, 5 }, { "sep", EDX, 11 },
	{ "mtrr", EDX, 12 }, { "pge", EDX, 13 }, { "mca", EDX, 14 },
	{ "pat", EDX, 16 }, { "clfsh", EDX, 19 }, { "acpi", EDX, 22 },
	{ "mmz", EDX, 23 }, { "sse", EDX, 25 }, { "sse2", EDX, 26 },
	{ "ss", EDX, 27 }, { "htt", EDX, 28 }, { "ia64", EDX, 30 },
	{ "sse3", ECX, 0 }, { "vmx", ECX, 5 }, { "smx", ECX, 6 },
	{ "ssse3", ECX, 9 }, { "sdbg", ECX, 11 }, { "pdcm", ECX, 15 },
	{ "pcid", ECX, 17 }, { "dca", ECX, 18 }, { "sse4.1", ECX, 19 },
	{ "sse4.2", ECX, 20 }, { "aes", ECX, 25 }, { "avx", ECX, 28 },
	{ "hypervisor", ECX, 31 },
};

static const struct feature leaf7[] = {
	{ "sgx", EBX, 2 }, { "hle", EBX, 4 }, { "avx2", EBX, 5 },
	{ "smep", EBX, 7 }, { "bmi2", EBX, 8 }, { "erms", EBX, 9 },
	{ "invpcid", EBX, 10 }, { "rtm", EBX, 11 }, { "pqm", EBX, 12 },
	{ "mpx", EBX, 14 }, { "pqe", EBX, 15 }, { "avx512f", EBX, 16 },
	{ "avx512dq", EBX, 17 }, { "rdseed", EBX, 18 }, { "adx", EBX, 19 },
	{ "smap", EBX, 20 }, { "intel_pt", EBX, 25 }, { "sha", EBX, 29 },
	{ "umip", ECX, 2 }, { "pku", ECX, 3 }, { "ospke", ECX, 4 },
	{ "gfni", ECX, 8 }, { "vaes", ECX, 9 }, { "sgx_lc", ECX, 30 },
	{ "spec_ctrl", EDX, 26 },
};

static const struct feature leaf_ext1[] = {
	{ "lahfsahf", ECX, 0 }, { "svm", ECX, 2 },
	{ "3dnowprefetch", ECX, 8 }, { "ibs", ECX, 10 },
	{ "skinit", ECX, 12 }, { "lwp", ECX, 15 },
	{ "nx", EDX, 20 }, { "page1gb", EDX, 26 }, { "lm", EDX, 29 },
};

static const char *const reg_names[] = { "eax", "ebx", "ecx", "edx" };

struct cpuid_ctx {
	cpuid_query_fn	 query;
	void		*qarg;
	cpuid_row_fn	 row;
	void		*rarg;
	uint32_t	 max_basic;
	uint32_t	 max_ext;
};

/* A leaf the processor has, or zeros. */
static void
leaf(const struct cpuid_ctx *c, uint32_t eax, uint32_t ecx,
    struct cpuid_regs *r)
{
	uint32_t max = eax >= LEAF_EXT_MAX ? c->max_ext : c->max_basic;

	memset(r, 0, sizeof(*r));
	if (eax <= max)
		c->query(c->qarg, eax, ecx, r);
}

static uint32_t
reg_value(const struct cpuid_regs *r, enum reg reg)
{
	switch (reg) {
	case EAX:
		return r->eax;
	case EBX:
		return r->ebx;
	case ECX:
		return r->ecx;
	default:
		return r->edx;
	}
}

static int
emit(const struct cpuid_ctx *c, const char *feature, const char *value,
    const char *regs, int bit, const char *input)
{
	struct cpuid_row r = { feature, value, regs, bit, input };

	return c->row(c->rarg, &r);
}

/* A register's four bytes as the text they hold, in memory order. */
static size_t
reg_text(uint32_t v, char *out)
{
	int i;

	for (i = 0; i < 4; i++)
		out[i] = (char)(v >> (8 * i));
	return 4;
}

/* Text cut at its first NUL, spaces trimmed from both ends. */
static void
tidy_text(char *s, size_t len)
{
	size_t start = 0, end = strnlen(s, len);

	while (end > 0 && s[end - 1] == ' ')
		end--;
	while (start < end && s[start] == ' ')
		start++;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
}

static int
vendor_row(const struct cpuid_ctx *c, const struct cpuid_regs *r0)
{
	char s[13];
	size_t n = 0;

	n += reg_text(r0->ebx, s + n);
	n += reg_text(r0->edx, s + n);
	n += reg_text(r0->ecx, s + n);
	tidy_text(s, n);
	return emit(c, "vendor", s, "ebx,edx,ecx", 0, "0");
}

static int
brand_row(const struct cpuid_ctx *c)
{
	struct cpuid_regs r;
	char s[49];
	size_t n = 0;
	uint32_t i;

	for (i = 0; i < 3; i++) {
		leaf(c, LEAF_BRAND + i, 0, &r);
		n += reg_text(r.eax, s + n);
		n += reg_text(r.ebx, s + n);
		n += reg_text(r.ecx, s + n);
		n += reg_text(r.edx, s + n);
	}
	tidy_text(s, n);
	return emit(c, "product_name", s, "eax,ebx,ecx,edx", 0, "0x80000002");
}

/* Only a processor under a hypervisor has the hypervisor leaves; the
 * signature is in ebx, ecx and edx. */
static int
hypervisor_row(const struct cpuid_ctx *c, const struct cpuid_regs *r1)
{
	struct cpuid_regs r;
	char s[32];

	if (!(r1->ecx & (1u << 31)))
		return 0;
	c->query(c->qarg, LEAF_HYPERVISOR, 0, &r);
	snprintf(s, sizeof(s), "%08x%08x%08x", r.ebx, r.ecx, r.edx);
	return emit(c, "hypervisor_id", s, "ebx,ecx,edx", 0, "0x40000000");
}

/* The processor serial number: the signature in leaf 1's eax, then
 * leaf 3's edx and ecx (zeros where there is no serial number). */
static int
serial_row(const struct cpuid_ctx *c, const struct cpuid_regs *r1)
{
	struct cpuid_regs r3;
	char s[32];

	leaf(c, LEAF_SERIAL, 0, &r3);
	snprintf(s, sizeof(s), "%08x%08x%08x", r1->eax, r3.edx, r3.ecx);
	return emit(c, "serial", s, "eax,edx,ecx", 0, "1,3");
}

/* The base family bits of the signature, as osquery shows them. */
static int
family_row(const struct cpuid_ctx *c, const struct cpuid_regs *r1)
{
	char s[8];

	snprintf(s, sizeof(s), "%04x", r1->eax & 0xf00);
	return emit(c, "family", s, "eax", 0, "1");
}

static int
feature_rows(const struct cpuid_ctx *c, uint32_t eax,
    const struct feature *f, size_t n)
{
	struct cpuid_regs r;
	char input[16];
	size_t i;
	int rc;

	leaf(c, eax, 0, &r);
	snprintf(input, sizeof(input), "%u", eax);
	for (i = 0; i < n; i++) {
		rc = emit(c, f[i].name, (reg_value(&r, f[i].reg) >>
		    f[i].bit) & 1 ? "1" : "0", reg_names[f[i].reg],
		    f[i].bit, input);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
sgx_row(const struct cpuid_ctx *c, const char *feature, uint32_t subleaf,
    const char *input)
{
	struct cpuid_regs r;
	char s[40];

	leaf(c, LEAF_SGX, subleaf, &r);
	snprintf(s, sizeof(s), "%08x%08x%08x%08x", r.eax, r.ebx, r.ecx,
	    r.edx);
	return emit(c, feature, s, "eax,ebx,ecx,edx", 0, input);
}

#define N(a)	(sizeof(a) / sizeof((a)[0]))

int
cpuid_rows(cpuid_query_fn query, void *qarg, cpuid_row_fn row, void *rarg)
{
	struct cpuid_ctx c = { query, qarg, row, rarg, 0, 0 };
	struct cpuid_regs r0, r1, rx;
	int rc;

	query(qarg, LEAF_VENDOR, 0, &r0);
	if (r0.eax < LEAF_FEATURES)
		return -1;
	c.max_basic = r0.eax;
	query(qarg, LEAF_EXT_MAX, 0, &rx);
	c.max_ext = rx.eax >= LEAF_EXT_MAX ? rx.eax : 0;
	query(qarg, LEAF_FEATURES, 0, &r1);
	if ((rc = vendor_row(&c, &r0)) != 0 ||
	    (rc = brand_row(&c)) != 0 ||
	    (rc = hypervisor_row(&c, &r1)) != 0 ||
	    (rc = serial_row(&c, &r1)) != 0 ||
	    (rc = family_row(&c, &r1)) != 0 ||
	    (rc = feature_rows(&c, LEAF_FEATURES, leaf1, N(leaf1))) != 0 ||
	    (rc = feature_rows(&c, LEAF_EXTENDED, leaf7, N(leaf7))) != 0 ||
	    (rc = feature_rows(&c, LEAF_EXT_FEAT, leaf_ext1,
	    N(leaf_ext1))) != 0 ||
	    (rc = sgx_row(&c, "sgx0", 0, "18")) != 0)
		return rc;
	return sgx_row(&c, "sgx1", 1, "18,1");
}
