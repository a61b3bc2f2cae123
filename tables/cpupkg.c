/*
 * /proc/cpuinfo is a block of "key : value" lines per logical
 * processor, blocks separated by blank lines.  Blocks are grouped by
 * "physical id"; a block without one (most non-x86 kernels) goes with
 * the others that have none.  Only the first block of a package gives
 * its strings, as every block of a package repeats them.
 */
#include <string.h>

#include "cpupkg.h"
#include "keyvalue.h"

struct block {
	int64_t		processor;
	int64_t		physical_id;
	int		have_core;
	uint64_t	core_id;
	struct span	vendor, model_name, mhz, flags;
	int64_t		cores, siblings;
	int		any;
};

static void
block_reset(struct block *b)
{
	memset(b, 0, sizeof(*b));
	b->processor = b->physical_id = b->cores = b->siblings = -1;
}

static int64_t
span_int(struct span v)
{
	uint64_t u;

	if (txt_u64(v.p, v.len, &u) == -1 || u > INT64_MAX)
		return -1;
	return (int64_t)u;
}

/* Does the space-separated flag list hold word? */
static int
has_flag(struct span flags, const char *word)
{
	struct span s = flags, f;

	while (txt_next_field(&s, ' ', &f))
		if (txt_eq(f, word))
			return 1;
	return 0;
}

static void
block_line(struct block *b, struct span k, struct span v)
{
	uint64_t u;

	b->any = 1;
	if (txt_eq(k, "processor"))
		b->processor = span_int(v);
	else if (txt_eq(k, "physical id"))
		b->physical_id = span_int(v);
	else if (txt_eq(k, "core id") && txt_u64(v.p, v.len, &u) == 0) {
		b->core_id = u;
		b->have_core = 1;
	} else if (txt_eq(k, "vendor_id"))
		b->vendor = v;
	else if (txt_eq(k, "model name"))
		b->model_name = v;
	else if (txt_eq(k, "cpu MHz"))
		b->mhz = v;
	else if (txt_eq(k, "flags"))
		b->flags = v;
	else if (txt_eq(k, "cpu cores"))
		b->cores = span_int(v);
	else if (txt_eq(k, "siblings"))
		b->siblings = span_int(v);
}

static struct cpu_package *
package_for(struct cpu_package *pk, int *n, int max, int64_t id)
{
	int i;

	for (i = 0; i < *n; i++)
		if (pk[i].physical_id == id)
			return &pk[i];
	if (*n == max)
		return NULL;
	memset(&pk[*n], 0, sizeof(pk[*n]));
	pk[*n].physical_id = id;
	pk[*n].cores = pk[*n].siblings = -1;
	pk[*n].first_cpu = -1;
	return &pk[(*n)++];
}

static void
remember_core(struct cpu_package *p, uint64_t core)
{
	int i;

	for (i = 0; i < p->ncore_ids; i++)
		if (p->core_ids[i] == core)
			return;
	if (p->ncore_ids < (int)(sizeof(p->core_ids) /
	    sizeof(p->core_ids[0])))
		p->core_ids[p->ncore_ids++] = core;
}

static void
block_end(struct block *b, struct cpu_package *pk, int *n, int max)
{
	struct cpu_package *p;

	if (!b->any || b->processor < 0)
		goto out;
	if ((p = package_for(pk, n, max, b->physical_id)) == NULL)
		goto out;
	if (p->nlogical++ == 0) {
		p->first_cpu = b->processor;
		p->vendor = b->vendor;
		p->model_name = b->model_name;
		p->mhz = b->mhz;
		p->cores = b->cores;
		p->siblings = b->siblings;
		if (b->flags.p != NULL)
			p->address_width = has_flag(b->flags, "lm") ? 64 : 32;
	}
	if (b->have_core)
		remember_core(p, b->core_id);
out:
	block_reset(b);
}

/* Where the kernel gave no counts, use what was seen. */
static void
fill_counts(struct cpu_package *pk, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (pk[i].siblings < 0)
			pk[i].siblings = pk[i].nlogical;
		if (pk[i].cores < 0)
			pk[i].cores = pk[i].ncore_ids > 0 ? pk[i].ncore_ids :
			    pk[i].nlogical;
	}
}

int
cpupkg_parse(const char *buf, size_t len, struct cpu_package *pk, int max)
{
	struct block b;
	struct span line, k, v;
	size_t off = 0;
	int n = 0;

	block_reset(&b);
	while (txt_next_line(buf, len, &off, &line)) {
		if (txt_trim(line).len == 0) {
			block_end(&b, pk, &n, max);
			continue;
		}
		if (kv_colon_split(line, &k, &v) == -1)
			continue;
		/* A new "processor" without a blank line before it. */
		if (txt_eq(k, "processor") && b.processor >= 0)
			block_end(&b, pk, &n, max);
		block_line(&b, k, v);
	}
	block_end(&b, pk, &n, max);
	fill_counts(pk, n);
	return n;
}

int64_t
cpupkg_mhz(struct span v)
{
	uint64_t whole;
	size_t used;

	if (txt_u64_prefix(v.p, v.len, &whole, &used) == -1 ||
	    whole > INT64_MAX)
		return -1;
	if (used < v.len && v.p[used] != '.')
		return -1;
	return (int64_t)whole;
}
