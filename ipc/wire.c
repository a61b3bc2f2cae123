/* Field-by-field payload encoding; see wire.h. */
#include <string.h>

#include "wire.h"

void
wr_init(struct wr *w)
{
	w->len = 0;
	w->overflow = 0;
}

static void
wr_put(struct wr *w, const void *p, size_t n)
{
	if (w->overflow || n > sizeof(w->buf) - w->len) {
		w->overflow = 1;
		return;
	}
	if (n > 0)
		memcpy(w->buf + w->len, p, n);
	w->len += n;
}

/* Integers go out little-endian byte by byte, whatever the host order. */
static void
wr_le(struct wr *w, uint64_t v, size_t width)
{
	uint8_t b[8];
	size_t i;

	for (i = 0; i < width; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	wr_put(w, b, width);
}

void wr_u8(struct wr *w, uint8_t v) { wr_le(w, v, 1); }
void wr_u16(struct wr *w, uint16_t v) { wr_le(w, v, 2); }
void wr_u32(struct wr *w, uint32_t v) { wr_le(w, v, 4); }
void wr_u64(struct wr *w, uint64_t v) { wr_le(w, v, 8); }
void wr_i32(struct wr *w, int32_t v) { wr_le(w, (uint32_t)v, 4); }
void wr_i64(struct wr *w, int64_t v) { wr_le(w, (uint64_t)v, 8); }

void
wr_strn(struct wr *w, const char *s, size_t n)
{
	if (n > UINT16_MAX || memchr(s, '\0', n) != NULL) {
		w->overflow = 1;
		return;
	}
	wr_u16(w, (uint16_t)n);
	wr_put(w, s, n);
	wr_u8(w, 0);
}

void
wr_str(struct wr *w, const char *s)
{
	wr_strn(w, s, strlen(s));
}

void
wr_bytes(struct wr *w, const void *p, size_t n)
{
	if (n > UINT32_MAX) {
		w->overflow = 1;
		return;
	}
	wr_u32(w, (uint32_t)n);
	wr_put(w, p, n);
}

size_t
wr_room(const struct wr *w)
{
	return w->overflow ? 0 : sizeof(w->buf) - w->len;
}

int
wr_ok(const struct wr *w)
{
	return w->overflow ? -1 : 0;
}

void
rd_init(struct rd *r, const void *p, size_t n)
{
	r->p = p;
	r->left = n;
}

static int
rd_le(struct rd *r, uint64_t *v, size_t width)
{
	size_t i;

	if (r->left < width)
		return -1;
	*v = 0;
	for (i = 0; i < width; i++)
		*v |= (uint64_t)r->p[i] << (8 * i);
	r->p += width;
	r->left -= width;
	return 0;
}

int
rd_u8(struct rd *r, uint8_t *v)
{
	uint64_t x;

	if (rd_le(r, &x, 1) == -1)
		return -1;
	*v = (uint8_t)x;
	return 0;
}

int
rd_u16(struct rd *r, uint16_t *v)
{
	uint64_t x;

	if (rd_le(r, &x, 2) == -1)
		return -1;
	*v = (uint16_t)x;
	return 0;
}

int
rd_u32(struct rd *r, uint32_t *v)
{
	uint64_t x;

	if (rd_le(r, &x, 4) == -1)
		return -1;
	*v = (uint32_t)x;
	return 0;
}

int
rd_u64(struct rd *r, uint64_t *v)
{
	return rd_le(r, v, 8);
}

int
rd_i32(struct rd *r, int32_t *v)
{
	uint32_t x;

	if (rd_u32(r, &x) == -1)
		return -1;
	*v = (int32_t)x;
	return 0;
}

int
rd_i64(struct rd *r, int64_t *v)
{
	uint64_t x;

	if (rd_u64(r, &x) == -1)
		return -1;
	*v = (int64_t)x;
	return 0;
}

int
rd_str(struct rd *r, const char **s, size_t max)
{
	uint16_t n;
	struct rd save = *r;

	if (rd_u16(r, &n) == -1 || n > max || r->left < (size_t)n + 1)
		goto bad;
	if (r->p[n] != '\0' || memchr(r->p, '\0', n) != NULL)
		goto bad;
	*s = (const char *)r->p;
	r->p += (size_t)n + 1;
	r->left -= (size_t)n + 1;
	return 0;
bad:
	*r = save;
	return -1;
}

int
rd_bytes(struct rd *r, const void **p, size_t *len, size_t max)
{
	uint32_t n;
	struct rd save = *r;

	if (rd_u32(r, &n) == -1 || n > max || r->left < n) {
		*r = save;
		return -1;
	}
	*p = r->p;
	*len = n;
	r->p += n;
	r->left -= n;
	return 0;
}

int
rd_end(const struct rd *r)
{
	return r->left == 0 ? 0 : -1;
}
