/*
 * The cpuid rows from registers captured on this machine's processor (an
 * AMD EPYC guest under KVM), checked against the flags the kernel shows
 * in /proc/cpuinfo for the same processor, and from processors that
 * report fewer leaves than asked for.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/cpuid_rows.h"
#include "fixture.h"

#define MAX_LEAVES	64

struct leaf {
	uint32_t		leaf, subleaf;
	struct cpuid_regs	r;
};

/* A processor made of captured leaves; others answer with junk, which
 * the rows must never show. */
struct fake_cpu {
	struct leaf	v[MAX_LEAVES];
	size_t		n;
};

static void
fake_query(void *arg, uint32_t leaf, uint32_t subleaf, struct cpuid_regs *r)
{
	const struct fake_cpu *cpu = arg;
	size_t i;

	for (i = 0; i < cpu->n; i++)
		if (cpu->v[i].leaf == leaf && cpu->v[i].subleaf == subleaf) {
			*r = cpu->v[i].r;
			return;
		}
	memset(r, 0xee, sizeof(*r));
}

static void
load_cpu(struct fake_cpu *cpu, const char *name)
{
	char *buf, *line, *save = NULL;
	struct leaf *l;
	size_t len;

	memset(cpu, 0, sizeof(*cpu));
	buf = fixture_load("cpuid", name, &len);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		ck_assert_uint_lt(cpu->n, MAX_LEAVES);
		l = &cpu->v[cpu->n++];
		ck_assert_int_eq(sscanf(line, "%x %u %x %x %x %x", &l->leaf,
		    &l->subleaf, &l->r.eax, &l->r.ebx, &l->r.ecx, &l->r.edx), 6);
	}
	free(buf);
}

struct row_copy {
	char	feature[32];
	char	value[64];
	char	reg[32];
	int	bit;
	char	input[16];
};

struct rows {
	struct row_copy	v[128];
	size_t		n;
	size_t		stop_at;	/* 0: never */
};

static int
take_row(void *arg, const struct cpuid_row *r)
{
	struct rows *rows = arg;
	struct row_copy *c;

	ck_assert_uint_lt(rows->n, 128);
	c = &rows->v[rows->n++];
	snprintf(c->feature, sizeof(c->feature), "%s", r->feature);
	snprintf(c->value, sizeof(c->value), "%s", r->value);
	snprintf(c->reg, sizeof(c->reg), "%s", r->output_register);
	c->bit = r->output_bit;
	snprintf(c->input, sizeof(c->input), "%s", r->input_eax);
	return rows->stop_at != 0 && rows->n == rows->stop_at ? 7 : 0;
}

static const struct row_copy *
find(const struct rows *rows, const char *feature)
{
	size_t i;

	for (i = 0; i < rows->n; i++)
		if (strcmp(rows->v[i].feature, feature) == 0)
			return &rows->v[i];
	ck_abort_msg("no row %s", feature);
	return NULL;
}

/* Does the kernel's flags line list flag? */
static int
has_flag(const char *flags, const char *flag)
{
	size_t n = strlen(flag);
	const char *p;

	for (p = flags; (p = strstr(p, flag)) != NULL; p += n)
		if ((p == flags || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

START_TEST(epyc)
{
	struct fake_cpu cpu;
	struct rows rows;

	load_cpu(&cpu, "epyc-kvm.txt");
	memset(&rows, 0, sizeof(rows));
	ck_assert_int_eq(cpuid_rows(fake_query, &cpu, take_row, &rows), 0);
	ck_assert_uint_eq(rows.n, 69);
	ck_assert_str_eq(rows.v[0].feature, "vendor");
	ck_assert_str_eq(rows.v[0].value, "AuthenticAMD");
	ck_assert_str_eq(rows.v[0].reg, "ebx,edx,ecx");
	ck_assert_str_eq(find(&rows, "product_name")->value, "AMD EPYC");
	ck_assert_str_eq(find(&rows, "hypervisor_id")->value,
	    "4b4d564b564b4d560000004d");
	ck_assert_str_eq(find(&rows, "serial")->value,
	    "00a10f110000000000000000");
	ck_assert_str_eq(find(&rows, "family")->value, "0f00");
	ck_assert_str_eq(find(&rows, "sse2")->value, "1");
	ck_assert_str_eq(find(&rows, "sse2")->reg, "edx");
	ck_assert_int_eq(find(&rows, "sse2")->bit, 26);
	ck_assert_str_eq(find(&rows, "sse2")->input, "1");
	ck_assert_str_eq(find(&rows, "avx512f")->input, "7");
	ck_assert_str_eq(find(&rows, "lm")->input, "2147483649");
	ck_assert_str_eq(find(&rows, "sgx0")->value,
	    "00000000000000000000000000000000");
	ck_assert_str_eq(find(&rows, "sgx1")->input, "18,1");
	ck_assert_str_eq(rows.v[rows.n - 1].feature, "sgx1");
}
END_TEST

/* osquery's names against the kernel's, for the same processor. */
START_TEST(epyc_flags)
{
	static const char *pairs[][2] = {
		{ "pae", "pae" }, { "msr", "msr" }, { "sep", "sep" },
		{ "mtrr", "mtrr" }, { "pge", "pge" }, { "mca", "mca" },
		{ "pat", "pat" }, { "clfsh", "clflush" }, { "mmz", "mmx" },
		{ "sse", "sse" }, { "sse2", "sse2" }, { "htt", "ht" },
		{ "sse3", "pni" }, { "ssse3", "ssse3" }, { "pcid", "pcid" },
		{ "sse4.1", "sse4_1" }, { "sse4.2", "sse4_2" },
		{ "aes", "aes" }, { "avx", "avx" },
		{ "hypervisor", "hypervisor" }, { "avx2", "avx2" },
		{ "smep", "smep" }, { "bmi2", "bmi2" }, { "erms", "erms" },
		{ "invpcid", "invpcid" }, { "avx512f", "avx512f" },
		{ "avx512dq", "avx512dq" }, { "rdseed", "rdseed" },
		{ "adx", "adx" }, { "smap", "smap" }, { "sha", "sha_ni" },
		{ "umip", "umip" }, { "gfni", "gfni" }, { "vaes", "vaes" },
		{ "lahfsahf", "lahf_lm" }, { "svm", "svm" },
		{ "3dnowprefetch", "3dnowprefetch" }, { "nx", "nx" },
		{ "page1gb", "pdpe1gb" }, { "lm", "lm" },
	};
	struct fake_cpu cpu;
	struct rows rows;
	size_t len, i;
	char *flags;

	load_cpu(&cpu, "epyc-kvm.txt");
	flags = fixture_load("cpuid", "epyc-kvm.flags", &len);
	memset(&rows, 0, sizeof(rows));
	ck_assert_int_eq(cpuid_rows(fake_query, &cpu, take_row, &rows), 0);
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		ck_assert_msg(strcmp(find(&rows, pairs[i][0])->value,
		    has_flag(flags, pairs[i][1]) ? "1" : "0") == 0,
		    "%s against %s", pairs[i][0], pairs[i][1]);
	free(flags);
}
END_TEST

/* A processor whose highest leaf is 1 and that has no extended or
 * hypervisor leaves: the rest reads as zeros, whatever it answers. */
START_TEST(few_leaves)
{
	struct fake_cpu cpu;
	struct rows rows;

	memset(&cpu, 0, sizeof(cpu));
	cpu.v[0].leaf = 0;
	cpu.v[0].r.eax = 1;
	cpu.v[0].r.ebx = 0x756e6547;	/* "GenuineIntel" */
	cpu.v[0].r.edx = 0x49656e69;
	cpu.v[0].r.ecx = 0x6c65746e;
	cpu.v[1].leaf = 1;
	cpu.v[1].r.eax = 0x00000633;
	cpu.v[1].r.edx = 1u << 26;
	cpu.v[2].leaf = 0x80000000;
	cpu.v[2].r.eax = 0x12345678;	/* not an extended maximum */
	cpu.n = 3;
	memset(&rows, 0, sizeof(rows));
	ck_assert_int_eq(cpuid_rows(fake_query, &cpu, take_row, &rows), 0);
	ck_assert_str_eq(find(&rows, "vendor")->value, "GenuineIntel");
	ck_assert_str_eq(find(&rows, "product_name")->value, "");
	ck_assert_str_eq(find(&rows, "family")->value, "0600");
	ck_assert_str_eq(find(&rows, "sse2")->value, "1");
	ck_assert_str_eq(find(&rows, "avx2")->value, "0");
	ck_assert_str_eq(find(&rows, "lm")->value, "0");
	ck_assert_str_eq(find(&rows, "serial")->value,
	    "000006330000000000000000");
	ck_assert_str_eq(find(&rows, "sgx0")->value,
	    "00000000000000000000000000000000");
	/* Without the hypervisor bit there is no hypervisor row. */
	ck_assert_uint_eq(rows.n, 68);
}
END_TEST

START_TEST(no_leaf_1)
{
	struct fake_cpu cpu;
	struct rows rows;

	memset(&cpu, 0, sizeof(cpu));
	cpu.n = 1;
	memset(&rows, 0, sizeof(rows));
	ck_assert_int_eq(cpuid_rows(fake_query, &cpu, take_row, &rows), -1);
	ck_assert_uint_eq(rows.n, 0);
}
END_TEST

/* What the row callback returns stops the walk and comes back. */
START_TEST(stopped)
{
	struct fake_cpu cpu;
	struct rows rows;

	load_cpu(&cpu, "epyc-kvm.txt");
	memset(&rows, 0, sizeof(rows));
	rows.stop_at = 10;
	ck_assert_int_eq(cpuid_rows(fake_query, &cpu, take_row, &rows), 7);
	ck_assert_uint_eq(rows.n, 10);
}
END_TEST

Suite	*suite_cpuid(void);

Suite *
suite_cpuid(void)
{
	Suite *s = suite_create("cpuid");
	TCase *tc = tcase_create("rows");

	tcase_add_test(tc, epyc);
	tcase_add_test(tc, epyc_flags);
	tcase_add_test(tc, few_leaves);
	tcase_add_test(tc, no_leaf_1);
	tcase_add_test(tc, stopped);
	suite_add_tcase(s, tc);
	return s;
}
