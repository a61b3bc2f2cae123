/*
 * RPM header blobs: checked on open, looked up by tag.
 */
#include <string.h>

#include "rpmheader.h"

#define ENTRY_SIZE	16

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

int
rpmhdr_open(const void *blob, size_t len, struct rpmhdr *h)
{
	const unsigned char *b = blob;
	uint64_t need;

	if (blob == NULL || len < 8)
		return -1;
	h->il = be32(b);
	h->dl = be32(b + 4);
	if (h->il < 1 || h->il > RPMHDR_MAX_ENTRIES ||
	    h->dl > RPMHDR_MAX_DATA)
		return -1;
	need = 8 + (uint64_t)h->il * ENTRY_SIZE + h->dl;
	if (need > len)
		return -1;
	h->index = b + 8;
	h->data = h->index + (size_t)h->il * ENTRY_SIZE;
	return 0;
}

static int
number_width(uint32_t type)
{
	switch (type) {
	case RPM_CHAR_TYPE:
	case RPM_INT8_TYPE:
	case RPM_BIN_TYPE:
		return 1;
	case RPM_INT16_TYPE:
		return 2;
	case RPM_INT32_TYPE:
		return 4;
	case RPM_INT64_TYPE:
		return 8;
	default:
		return 0;
	}
}

static int
is_string(uint32_t type)
{
	return type == RPM_STRING_TYPE || type == RPM_STRING_ARRAY_TYPE ||
	    type == RPM_I18NSTRING_TYPE;
}

/* Where count NUL-terminated strings from p end; -1 past left bytes. */
static int
strings_len(const unsigned char *p, size_t left, uint32_t count, size_t *len)
{
	const unsigned char *nul;
	size_t used = 0;
	uint32_t i;

	for (i = 0; i < count; i++) {
		nul = memchr(p + used, '\0', left - used);
		if (nul == NULL)
			return -1;
		used = (size_t)(nul - p) + 1;
	}
	*len = used;
	return 0;
}

static int
check_value(const struct rpmhdr *h, uint32_t offset, struct rpmhdr_value *v)
{
	size_t left;
	int width;

	if (v->count == 0 || offset >= h->dl)
		return -1;
	left = h->dl - offset;
	v->p = h->data + offset;
	if (is_string(v->type)) {
		if (v->type == RPM_STRING_TYPE && v->count != 1)
			return -1;
		/* Each string takes a byte at least. */
		if (v->count > left)
			return -1;
		return strings_len(v->p, left, v->count, &v->len);
	}
	if ((width = number_width(v->type)) == 0)
		return -1;
	if ((uint64_t)v->count * (uint64_t)width > left)
		return -1;
	v->len = (size_t)v->count * (size_t)width;
	return 0;
}

int
rpmhdr_get(const struct rpmhdr *h, uint32_t tag, struct rpmhdr_value *v)
{
	const unsigned char *e;
	uint32_t i;

	for (i = 0; i < h->il; i++) {
		e = h->index + (size_t)i * ENTRY_SIZE;
		if (be32(e) != tag)
			continue;
		memset(v, 0, sizeof(*v));
		v->type = be32(e + 4);
		v->count = be32(e + 12);
		return check_value(h, be32(e + 8), v);
	}
	return -1;
}

int
rpmhdr_strings(const struct rpmhdr_value *v, struct rpmhdr_strings *s)
{
	if (!is_string(v->type))
		return -1;
	s->p = (const char *)v->p;
	s->left = v->len;
	s->remaining = v->count;
	return 0;
}

int
rpmhdr_strings_next(struct rpmhdr_strings *s, struct span *out)
{
	const char *nul;

	if (s->remaining == 0 || s->left == 0)
		return 0;
	if ((nul = memchr(s->p, '\0', s->left)) == NULL)
		return 0;
	out->p = s->p;
	out->len = (size_t)(nul - s->p);
	s->left -= out->len + 1;
	s->p = nul + 1;
	s->remaining--;
	return 1;
}

int
rpmhdr_string(const struct rpmhdr *h, uint32_t tag, struct span *out)
{
	struct rpmhdr_value v;
	struct rpmhdr_strings s;

	if (rpmhdr_get(h, tag, &v) == -1 || rpmhdr_strings(&v, &s) == -1)
		return -1;
	return rpmhdr_strings_next(&s, out) ? 0 : -1;
}

int
rpmhdr_is_number(const struct rpmhdr_value *v)
{
	return v->type == RPM_INT8_TYPE || v->type == RPM_INT16_TYPE ||
	    v->type == RPM_INT32_TYPE || v->type == RPM_INT64_TYPE;
}

uint64_t
rpmhdr_value_number(const struct rpmhdr_value *v, uint32_t i)
{
	const unsigned char *p;
	int width = number_width(v->type);

	if (!rpmhdr_is_number(v) || i >= v->count)
		return 0;
	p = v->p + (size_t)i * (size_t)width;
	switch (width) {
	case 1:
		return p[0];
	case 2:
		return (uint64_t)p[0] << 8 | p[1];
	case 4:
		return be32(p);
	default:
		return (uint64_t)be32(p) << 32 | be32(p + 4);
	}
}

int
rpmhdr_number(const struct rpmhdr *h, uint32_t tag, uint64_t *out)
{
	struct rpmhdr_value v;

	if (rpmhdr_get(h, tag, &v) == -1 || !rpmhdr_is_number(&v))
		return -1;
	*out = rpmhdr_value_number(&v, 0);
	return 0;
}
