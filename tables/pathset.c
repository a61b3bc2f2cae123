/*
 * The string set: an array of entries whose bytes live in one arena,
 * and an open-addressing table of entry indexes kept at most half full.
 * Strings are never removed, so there are no tombstones.
 */
#include <stdlib.h>
#include <string.h>

#include "pathset.h"

static uint32_t
hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* The capacity, doubled from first, that holds need items of size. */
static int
new_cap(size_t cap, size_t need, size_t size, size_t first, size_t *out)
{
	size_t n = cap > 0 ? cap : first;

	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			return -1;
		n *= 2;
	}
	*out = n;
	return 0;
}

static int
reserve_bytes(struct pathset *ps, size_t need)
{
	size_t cap;
	char *p;

	if (need <= ps->bcap)
		return 0;
	if (new_cap(ps->bcap, need, 1, 4096, &cap) == -1 ||
	    (p = realloc(ps->bytes, cap)) == NULL)
		return -1;
	ps->bytes = p;
	ps->bcap = cap;
	return 0;
}

static int
reserve_entries(struct pathset *ps, size_t need)
{
	struct pathset_entry *v;
	size_t cap;

	if (need <= ps->cap)
		return 0;
	if (new_cap(ps->cap, need, sizeof(*v), 64, &cap) == -1 ||
	    (v = realloc(ps->v, cap * sizeof(*v))) == NULL)
		return -1;
	ps->v = v;
	ps->cap = cap;
	return 0;
}

static void
slot_put(uint32_t *slots, size_t nslots, uint32_t hash, uint32_t value)
{
	size_t i = hash & (nslots - 1);

	while (slots[i] != 0)
		i = (i + 1) & (nslots - 1);
	slots[i] = value;
}

/* Double the slot table and put every entry back. */
static int
rehash(struct pathset *ps)
{
	size_t n = ps->nslots > 0 ? ps->nslots * 2 : 64, i;
	uint32_t *slots;

	if (n > SIZE_MAX / sizeof(*slots) ||
	    (slots = calloc(n, sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < ps->n; i++)
		slot_put(slots, n, ps->v[i].hash, (uint32_t)(i + 1));
	free(ps->slots);
	ps->slots = slots;
	ps->nslots = n;
	return 0;
}

static int64_t
find(const struct pathset *ps, const char *s, size_t len, uint32_t h)
{
	const struct pathset_entry *e;
	size_t i;

	if (ps->nslots == 0)
		return -1;
	for (i = h & (ps->nslots - 1); ps->slots[i] != 0;
	    i = (i + 1) & (ps->nslots - 1)) {
		e = &ps->v[ps->slots[i] - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(ps->bytes + e->off, s, len) == 0)
			return (int64_t)(ps->slots[i] - 1);
	}
	return -1;
}

int64_t
pathset_add(struct pathset *ps, const char *s, size_t len)
{
	uint32_t h = hash_bytes(s, len);
	int64_t idx;

	if ((idx = find(ps, s, len, h)) != -1)
		return idx;
	if (ps->n >= UINT32_MAX - 1 || len >= SIZE_MAX - ps->blen - 1)
		return -1;
	if ((ps->n + 1) * 2 > ps->nslots && rehash(ps) == -1)
		return -1;
	if (reserve_bytes(ps, ps->blen + len + 1) == -1 ||
	    reserve_entries(ps, ps->n + 1) == -1)
		return -1;
	memcpy(ps->bytes + ps->blen, s, len);
	ps->bytes[ps->blen + len] = '\0';
	ps->v[ps->n].off = ps->blen;
	ps->v[ps->n].len = len;
	ps->v[ps->n].hash = h;
	ps->blen += len + 1;
	slot_put(ps->slots, ps->nslots, h, (uint32_t)(ps->n + 1));
	return (int64_t)ps->n++;
}

const char *
pathset_get(const struct pathset *ps, size_t idx)
{
	return idx < ps->n ? ps->bytes + ps->v[idx].off : NULL;
}

void
pathset_free(struct pathset *ps)
{
	free(ps->bytes);
	free(ps->v);
	free(ps->slots);
	memset(ps, 0, sizeof(*ps));
}
