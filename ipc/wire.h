/*
 * Field-by-field encoding of message payloads.
 *
 * The encoder appends fixed-width little-endian integers, strings and byte
 * blocks to a bounded buffer.  The decoder reads them back with typed
 * getters that each return 0 on success and -1 on short, over-long or
 * malformed input; a caller checks every call and finishes with
 * rd_end(), which fails when bytes are left over.
 */
#ifndef HOSTQL_IPC_WIRE_H
#define HOSTQL_IPC_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

struct wr {
	uint8_t	 buf[IPC_MAX_PAYLOAD];
	size_t	 len;
	int	 overflow;	/* set once a put did not fit */
};

struct rd {
	const uint8_t	*p;
	size_t		 left;
};

void	wr_init(struct wr *);
void	wr_u8(struct wr *, uint8_t);
void	wr_u16(struct wr *, uint16_t);
void	wr_u32(struct wr *, uint32_t);
void	wr_u64(struct wr *, uint64_t);
void	wr_i32(struct wr *, int32_t);
void	wr_i64(struct wr *, int64_t);
void	wr_str(struct wr *, const char *);
void	wr_strn(struct wr *, const char *, size_t);
void	wr_bytes(struct wr *, const void *, size_t);
size_t	wr_room(const struct wr *);	/* bytes still free */
int	wr_ok(const struct wr *);	/* 0 if everything fit, else -1 */

void	rd_init(struct rd *, const void *, size_t);
int	rd_u8(struct rd *, uint8_t *);
int	rd_u16(struct rd *, uint16_t *);
int	rd_u32(struct rd *, uint32_t *);
int	rd_u64(struct rd *, uint64_t *);
int	rd_i32(struct rd *, int32_t *);
int	rd_i64(struct rd *, int64_t *);
/* A string of at most max bytes; *s points into the payload, NUL-ended. */
int	rd_str(struct rd *, const char **s, size_t max);
/* A byte block of at most max bytes; *p points into the payload. */
int	rd_bytes(struct rd *, const void **p, size_t *len, size_t max);
/* 0 when every byte was consumed, -1 on leftovers. */
int	rd_end(const struct rd *);

#endif
