/*
 * The payload encoding: every type goes out and comes back unchanged, the
 * encoder stops at the wire's limits, and the decoder refuses short,
 * over-long, unterminated and left-over input without moving its cursor
 * past a field it refused.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../ipc/wire.h"

/* A reader over raw bytes built by hand, for the malformed cases. */
static void
rd_raw(struct rd *r, const void *p, size_t n)
{
	rd_init(r, p, n);
}

START_TEST(wire_roundtrip_integers)
{
	struct wr w;
	struct rd r;
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	int32_t i32;
	int64_t i64;

	wr_init(&w);
	wr_u8(&w, 0xfe);
	wr_u16(&w, 0xbeef);
	wr_u32(&w, 0xdeadbeefu);
	wr_u64(&w, 0x0123456789abcdefull);
	wr_i32(&w, -2);
	wr_i64(&w, INT64_MIN);
	wr_u8(&w, 0);
	wr_u64(&w, UINT64_MAX);
	wr_i32(&w, INT32_MAX);
	ck_assert_int_eq(wr_ok(&w), 0);
	ck_assert_uint_eq(w.len, 1 + 2 + 4 + 8 + 4 + 8 + 1 + 8 + 4);

	rd_init(&r, w.buf, w.len);
	ck_assert_int_eq(rd_u8(&r, &u8), 0);
	ck_assert_uint_eq(u8, 0xfe);
	ck_assert_int_eq(rd_u16(&r, &u16), 0);
	ck_assert_uint_eq(u16, 0xbeef);
	ck_assert_int_eq(rd_u32(&r, &u32), 0);
	ck_assert_uint_eq(u32, 0xdeadbeefu);
	ck_assert_int_eq(rd_u64(&r, &u64), 0);
	ck_assert(u64 == 0x0123456789abcdefull);
	ck_assert_int_eq(rd_i32(&r, &i32), 0);
	ck_assert_int_eq(i32, -2);
	ck_assert_int_eq(rd_i64(&r, &i64), 0);
	ck_assert(i64 == INT64_MIN);
	ck_assert_int_eq(rd_u8(&r, &u8), 0);
	ck_assert_uint_eq(u8, 0);
	ck_assert_int_eq(rd_u64(&r, &u64), 0);
	ck_assert(u64 == UINT64_MAX);
	ck_assert_int_eq(rd_i32(&r, &i32), 0);
	ck_assert_int_eq(i32, INT32_MAX);
	ck_assert_int_eq(rd_end(&r), 0);
}
END_TEST

/* Integers are little-endian on the wire whatever the host. */
START_TEST(wire_little_endian)
{
	static const uint8_t want[] = {
		0x34, 0x12,
		0x78, 0x56, 0x34, 0x12,
		0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
		0xff, 0xff, 0xff, 0xff,
	};
	struct wr w;

	wr_init(&w);
	wr_u16(&w, 0x1234);
	wr_u32(&w, 0x12345678);
	wr_u64(&w, 0x0102030405060708ull);
	wr_i32(&w, -1);
	ck_assert_uint_eq(w.len, sizeof(want));
	ck_assert(memcmp(w.buf, want, sizeof(want)) == 0);
}
END_TEST

START_TEST(wire_roundtrip_str_and_bytes)
{
	static const uint8_t blob[] = { 0, 1, 2, 0, 0xff };
	struct wr w;
	struct rd r;
	const char *s;
	const void *p;
	size_t n;

	wr_init(&w);
	wr_str(&w, "/etc/passwd");
	wr_str(&w, "");
	wr_strn(&w, "abcdef", 3);
	wr_bytes(&w, blob, sizeof(blob));
	wr_bytes(&w, NULL, 0);
	ck_assert_int_eq(wr_ok(&w), 0);
	/* u16 length, bytes, NUL; u32 length, bytes. */
	ck_assert_uint_eq(w.len, (2 + 11 + 1) + (2 + 0 + 1) + (2 + 3 + 1) +
	    (4 + 5) + 4);

	rd_init(&r, w.buf, w.len);
	ck_assert_int_eq(rd_str(&r, &s, 4095), 0);
	ck_assert_str_eq(s, "/etc/passwd");
	ck_assert_int_eq(rd_str(&r, &s, 0), 0);
	ck_assert_str_eq(s, "");
	ck_assert_int_eq(rd_str(&r, &s, 3), 0);
	ck_assert_str_eq(s, "abc");
	ck_assert_int_eq(rd_bytes(&r, &p, &n, sizeof(blob)), 0);
	ck_assert_uint_eq(n, sizeof(blob));
	ck_assert(memcmp(p, blob, sizeof(blob)) == 0);
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 0), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(rd_end(&r), 0);
}
END_TEST

/* The longest string the u16 length allows fits; one more byte does not. */
START_TEST(wire_str_limits)
{
	struct wr *w = malloc(sizeof(*w));
	char *big = malloc(UINT16_MAX + 2);
	struct rd r;
	const char *s;

	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_nonnull(big);
	memset(big, 'a', UINT16_MAX + 1);
	big[UINT16_MAX + 1] = '\0';

	/* 65535 is a legal length but 2 + 65535 + 1 bytes exceed the
	 * payload: the writer says so instead of cutting. */
	wr_init(w);
	wr_strn(w, big, UINT16_MAX);
	ck_assert_int_eq(wr_ok(w), -1);
	ck_assert_uint_eq(wr_room(w), 0);

	/* 65536 is past the u16 length. */
	wr_init(w);
	wr_strn(w, big, UINT16_MAX + 1);
	ck_assert_int_eq(wr_ok(w), -1);
	ck_assert_uint_eq(w->len, 0);

	/* The largest string that fits the payload, exactly. */
	wr_init(w);
	wr_strn(w, big, IPC_MAX_PAYLOAD - 3);
	ck_assert_int_eq(wr_ok(w), 0);
	ck_assert_uint_eq(w->len, IPC_MAX_PAYLOAD);
	ck_assert_uint_eq(wr_room(w), 0);
	rd_init(&r, w->buf, w->len);
	ck_assert_int_eq(rd_str(&r, &s, IPC_MAX_PAYLOAD), 0);
	ck_assert_uint_eq(strlen(s), IPC_MAX_PAYLOAD - 3);
	ck_assert_int_eq(rd_end(&r), 0);

	/* One byte more overflows, and so does anything after it. */
	wr_init(w);
	wr_strn(w, big, IPC_MAX_PAYLOAD - 2);
	ck_assert_int_eq(wr_ok(w), -1);
	wr_u8(w, 1);
	ck_assert_int_eq(wr_ok(w), -1);

	free(big);
	free(w);
}
END_TEST

/* A string with a NUL inside cannot be written. */
START_TEST(wire_str_embedded_nul_not_written)
{
	struct wr w;

	wr_init(&w);
	wr_strn(&w, "ab\0cd", 5);
	ck_assert_int_eq(wr_ok(&w), -1);
}
END_TEST

/* The payload fills up exactly, then overflows and stays overflowed. */
START_TEST(wire_payload_full)
{
	struct wr *w = malloc(sizeof(*w));
	static uint8_t blob[IPC_MAX_PAYLOAD];
	size_t i;

	ck_assert_ptr_nonnull(w);
	wr_init(w);
	ck_assert_uint_eq(wr_room(w), IPC_MAX_PAYLOAD);
	for (i = 0; i < IPC_MAX_PAYLOAD / 8; i++)
		wr_u64(w, i);
	ck_assert_int_eq(wr_ok(w), 0);
	ck_assert_uint_eq(wr_room(w), 0);
	wr_u8(w, 0);
	ck_assert_int_eq(wr_ok(w), -1);
	ck_assert_uint_eq(w->len, IPC_MAX_PAYLOAD);

	/* A byte block with its length word: 4 bytes of room short. */
	wr_init(w);
	wr_bytes(w, blob, IPC_MAX_PAYLOAD - 4);
	ck_assert_int_eq(wr_ok(w), 0);
	wr_init(w);
	wr_bytes(w, blob, IPC_MAX_PAYLOAD - 3);
	ck_assert_int_eq(wr_ok(w), -1);

	/* A partial integer is never written. */
	wr_init(w);
	for (i = 0; i < IPC_MAX_PAYLOAD - 3; i++)
		wr_u8(w, 0);
	wr_u32(w, 7);
	ck_assert_int_eq(wr_ok(w), -1);
	ck_assert_uint_eq(w->len, IPC_MAX_PAYLOAD - 3);
	free(w);
}
END_TEST

/* Every getter refuses input one byte short and leaves the reader as it
 * was. */
START_TEST(wire_short_input)
{
	static const uint8_t b[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct rd r;
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	int32_t i32;
	int64_t i64;
	const char *s;
	const void *p;
	size_t n;

	rd_raw(&r, b, 0);
	ck_assert_int_eq(rd_u8(&r, &u8), -1);
	rd_raw(&r, b, 1);
	ck_assert_int_eq(rd_u16(&r, &u16), -1);
	ck_assert_uint_eq(r.left, 1);
	rd_raw(&r, b, 3);
	ck_assert_int_eq(rd_u32(&r, &u32), -1);
	ck_assert_int_eq(rd_i32(&r, &i32), -1);
	ck_assert_uint_eq(r.left, 3);
	ck_assert_ptr_eq(r.p, b);
	rd_raw(&r, b, 7);
	ck_assert_int_eq(rd_u64(&r, &u64), -1);
	ck_assert_int_eq(rd_i64(&r, &i64), -1);
	ck_assert_uint_eq(r.left, 7);
	rd_raw(&r, b, 1);
	ck_assert_int_eq(rd_str(&r, &s, 100), -1);
	ck_assert_uint_eq(r.left, 1);
	rd_raw(&r, b, 3);
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 100), -1);
	ck_assert_uint_eq(r.left, 3);
	ck_assert_ptr_eq(r.p, b);
}
END_TEST

START_TEST(wire_str_rejections)
{
	/* length 3 "abc" NUL: fine for max >= 3 */
	static const uint8_t ok[] = { 3, 0, 'a', 'b', 'c', 0 };
	/* length 3 but the byte after is not a NUL */
	static const uint8_t unterminated[] = { 3, 0, 'a', 'b', 'c', 'd' };
	/* length 3 and no room for the NUL */
	static const uint8_t cut[] = { 3, 0, 'a', 'b', 'c' };
	/* length 3 with a NUL inside */
	static const uint8_t embedded[] = { 3, 0, 'a', 0, 'c', 0 };
	/* length says more than there is */
	static const uint8_t lies[] = { 0xff, 0xff, 'a', 0 };
	struct rd r;
	const char *s = NULL;

	rd_raw(&r, ok, sizeof(ok));
	ck_assert_int_eq(rd_str(&r, &s, 2), -1);	/* longer than max */
	ck_assert_ptr_eq(r.p, ok);
	ck_assert_uint_eq(r.left, sizeof(ok));
	ck_assert_ptr_null(s);
	ck_assert_int_eq(rd_str(&r, &s, 3), 0);
	ck_assert_str_eq(s, "abc");
	ck_assert_int_eq(rd_end(&r), 0);

	rd_raw(&r, unterminated, sizeof(unterminated));
	ck_assert_int_eq(rd_str(&r, &s, 100), -1);
	ck_assert_uint_eq(r.left, sizeof(unterminated));
	ck_assert_ptr_eq(r.p, unterminated);

	rd_raw(&r, cut, sizeof(cut));
	ck_assert_int_eq(rd_str(&r, &s, 100), -1);
	ck_assert_uint_eq(r.left, sizeof(cut));

	rd_raw(&r, embedded, sizeof(embedded));
	ck_assert_int_eq(rd_str(&r, &s, 100), -1);
	ck_assert_uint_eq(r.left, sizeof(embedded));
	ck_assert_ptr_eq(r.p, embedded);

	rd_raw(&r, lies, sizeof(lies));
	ck_assert_int_eq(rd_str(&r, &s, 65535), -1);
	ck_assert_uint_eq(r.left, sizeof(lies));
}
END_TEST

START_TEST(wire_bytes_rejections)
{
	static const uint8_t ok[] = { 2, 0, 0, 0, 0xaa, 0xbb };
	static const uint8_t lies[] = { 3, 0, 0, 0, 0xaa, 0xbb };
	static const uint8_t huge[] = { 0xff, 0xff, 0xff, 0xff, 0xaa };
	struct rd r;
	const void *p = NULL;
	size_t n = 99;

	rd_raw(&r, ok, sizeof(ok));
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 1), -1);	/* longer than max */
	ck_assert_ptr_eq(r.p, ok);
	ck_assert_uint_eq(r.left, sizeof(ok));
	ck_assert_ptr_null(p);
	ck_assert_uint_eq(n, 99);
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 2), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_ptr_eq(p, ok + 4);
	ck_assert_int_eq(rd_end(&r), 0);

	rd_raw(&r, lies, sizeof(lies));			/* longer than left */
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 100), -1);
	ck_assert_ptr_eq(r.p, lies);
	ck_assert_uint_eq(r.left, sizeof(lies));

	rd_raw(&r, huge, sizeof(huge));
	ck_assert_int_eq(rd_bytes(&r, &p, &n, SIZE_MAX), -1);
	ck_assert_uint_eq(r.left, sizeof(huge));
}
END_TEST

/* A payload with bytes after its last field is malformed. */
START_TEST(wire_leftovers)
{
	struct wr w;
	struct rd r;
	uint32_t u32;
	uint8_t u8;

	wr_init(&w);
	wr_u32(&w, 5);
	wr_u8(&w, 9);
	rd_init(&r, w.buf, w.len);
	ck_assert_int_eq(rd_end(&r), -1);
	ck_assert_int_eq(rd_u32(&r, &u32), 0);
	ck_assert_int_eq(rd_end(&r), -1);
	ck_assert_int_eq(rd_u8(&r, &u8), 0);
	ck_assert_int_eq(rd_end(&r), 0);
	/* Reading past the end fails and keeps the reader at the end. */
	ck_assert_int_eq(rd_u8(&r, &u8), -1);
	ck_assert_int_eq(rd_end(&r), 0);

	rd_init(&r, w.buf, 0);
	ck_assert_int_eq(rd_end(&r), 0);
}
END_TEST

/* After a refused field the next getter reads the same bytes again, so a
 * caller that tries another reading does not skip anything. */
START_TEST(wire_failed_read_keeps_position)
{
	struct wr w;
	struct rd r;
	const char *s;
	const void *p;
	size_t n;
	uint16_t u16;

	wr_init(&w);
	wr_str(&w, "hello");
	rd_init(&r, w.buf, w.len);
	ck_assert_int_eq(rd_str(&r, &s, 4), -1);
	ck_assert_int_eq(rd_bytes(&r, &p, &n, 100), -1);  /* 4+len > left */
	ck_assert_int_eq(rd_u16(&r, &u16), 0);
	ck_assert_uint_eq(u16, 5);
	rd_init(&r, w.buf, w.len);
	ck_assert_int_eq(rd_str(&r, &s, 5), 0);
	ck_assert_str_eq(s, "hello");
	ck_assert_int_eq(rd_end(&r), 0);
}
END_TEST

Suite	*suite_wire(void);

Suite *
suite_wire(void)
{
	Suite *s = suite_create("wire");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, wire_roundtrip_integers);
	tcase_add_test(tc, wire_little_endian);
	tcase_add_test(tc, wire_roundtrip_str_and_bytes);
	tcase_add_test(tc, wire_str_limits);
	tcase_add_test(tc, wire_str_embedded_nul_not_written);
	tcase_add_test(tc, wire_payload_full);
	tcase_add_test(tc, wire_short_input);
	tcase_add_test(tc, wire_str_rejections);
	tcase_add_test(tc, wire_bytes_rejections);
	tcase_add_test(tc, wire_leftovers);
	tcase_add_test(tc, wire_failed_read_keeps_position);
	suite_add_tcase(s, tc);
	return s;
}
