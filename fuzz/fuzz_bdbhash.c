/*
 * Berkeley DB hash files (tables/bdbhash.h): the input is a whole file,
 * its pages read from memory; every pair a walk gives must lie in the
 * file or in the walk's own buffer, and be no longer than asked.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/bdbhash.h"
#include "fuzz.h"

#define MAX_VALUE	(1u << 16)

struct file {
	const uint8_t	*buf;
	size_t		 len;
};

static int
read_page(void *arg, uint32_t pgno, unsigned char *buf, size_t pagesize)
{
	const struct file *f = arg;

	if ((uint64_t)pgno * pagesize + pagesize > f->len)
		return -1;
	memcpy(buf, f->buf + (size_t)pgno * pagesize, pagesize);
	return 0;
}

static int
pair(void *arg, const unsigned char *key, size_t klen,
    const unsigned char *value, size_t vlen)
{
	volatile unsigned char sink = 0;
	size_t i;

	(void)arg;
	CHECK(vlen <= MAX_VALUE);
	/* Touch every byte, for the sanitizers to see. */
	for (i = 0; i < klen; i++)
		sink ^= key[i];
	for (i = 0; i < vlen; i++)
		sink ^= value[i];
	(void)sink;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct file f = { data, size };
	struct bdbhash_stats st;
	struct bdbhash h;
	const char *why;

	if (bdbhash_open(data, size, size, &h, &why) == -1) {
		CHECK(why != NULL);
		return 0;
	}
	CHECK(h.pagesize >= 512 && (uint64_t)h.npages * h.pagesize <= size);
	(void)bdbhash_walk(&h, read_page, &f, MAX_VALUE, pair, NULL, &st);
	CHECK(st.nomem == 0);
	return 0;
}
