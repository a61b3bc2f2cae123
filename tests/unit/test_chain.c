/*
 * The hash chain: links as chain.h defines them (checked against values
 * computed elsewhere and against the formula written out here), the form
 * chain_append gives a line on disk and chain_parse_line takes apart, and
 * batch signatures that verify with their key and no other.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../../logger/chain.h"
#include "../../logger/streams.h"
#include "../../worker/verify_lines.h"

static void
setup(void)
{
	ck_assert_int_ne(sodium_init(), -1);
}

static void
hex(const unsigned char *b, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, b, n);
}

/* BLAKE2b-256 of prev, u64le(seq), line, in one buffer. */
static void
link_by_hand(const unsigned char prev[CHAIN_LINK_LEN], uint64_t seq,
    const char *line, unsigned char out[CHAIN_LINK_LEN])
{
	unsigned char buf[512];
	size_t len = strlen(line), i;

	ck_assert_uint_le(CHAIN_LINK_LEN + 8 + len, sizeof(buf));
	memcpy(buf, prev, CHAIN_LINK_LEN);
	for (i = 0; i < 8; i++)
		buf[CHAIN_LINK_LEN + i] = (unsigned char)(seq >> (8 * i));
	memcpy(buf + CHAIN_LINK_LEN + 8, line, len);
	crypto_generichash(out, CHAIN_LINK_LEN, buf, CHAIN_LINK_LEN + 8 + len,
	    NULL, 0);
}

/* Values from another BLAKE2b implementation (Python's hashlib). */
START_TEST(chain_link_known_values)
{
	static const unsigned char zero[CHAIN_LINK_LEN];
	unsigned char l1[CHAIN_LINK_LEN], l2[CHAIN_LINK_LEN];
	char h[2 * CHAIN_LINK_LEN + 1];

	chain_link(zero, 1, "{\"a\":1}", 7, l1);
	hex(l1, sizeof(l1), h);
	ck_assert_str_eq(h, "a921896f1f538ef8bf606147a6a52497"
	    "bee575e403b7a80540af9be3cc9e5abc");
	chain_link(l1, 2, "{\"b\":\"x\"}", 9, l2);
	hex(l2, sizeof(l2), h);
	ck_assert_str_eq(h, "ae26891d3b3411c0c09ff1d7e33b8bbb"
	    "33705b2974f29201fffe15c34997cad5");
}
END_TEST

START_TEST(chain_link_formula)
{
	unsigned char prev[CHAIN_LINK_LEN], a[CHAIN_LINK_LEN],
	    b[CHAIN_LINK_LEN];
	static const uint64_t seqs[] = { 0, 1, 255, 256, 0x0102030405060708ull,
	    UINT64_MAX };
	size_t i;

	memset(prev, 0xa5, sizeof(prev));
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		chain_link(prev, seqs[i], "{\"x\":\"y\"}", 9, a);
		link_by_hand(prev, seqs[i], "{\"x\":\"y\"}", b);
		ck_assert_mem_eq(a, b, CHAIN_LINK_LEN);
	}
	/* Each input counts: the number, the previous link, the line. */
	chain_link(prev, 7, "{}", 2, a);
	chain_link(prev, 8, "{}", 2, b);
	ck_assert_int_ne(memcmp(a, b, CHAIN_LINK_LEN), 0);
	prev[31] ^= 1;
	chain_link(prev, 7, "{}", 2, b);
	ck_assert_int_ne(memcmp(a, b, CHAIN_LINK_LEN), 0);
	prev[31] ^= 1;
	chain_link(prev, 7, "{ }", 3, b);
	ck_assert_int_ne(memcmp(a, b, CHAIN_LINK_LEN), 0);
}
END_TEST

START_TEST(chain_append_form)
{
	static const char *lines[] = { "{\"name\":\"q\",\"counter\":0}",
	    "{\"a\":\"b\"}", "{\"c\":[1,2,{\"d\":null}]}" };
	struct chain c;
	unsigned char prev[CHAIN_LINK_LEN], link[CHAIN_LINK_LEN];
	char want[512], h[2 * CHAIN_LINK_LEN + 1], *out;
	size_t i, len, n;

	memset(&c, 0, sizeof(c));
	memset(prev, 0, sizeof(prev));
	for (i = 0; i < 3; i++) {
		n = strlen(lines[i]);
		ck_assert_int_eq(chain_append(&c, lines[i], n, &out, &len), 0);
		link_by_hand(prev, i + 1, lines[i], link);
		hex(link, sizeof(link), h);
		snprintf(want, sizeof(want), "%.*s,\"hostql\":{\"seq\":%zu,"
		    "\"link\":\"%s\"}}", (int)(n - 1), lines[i], i + 1, h);
		ck_assert_str_eq(out, want);
		ck_assert_uint_eq(len, strlen(want));
		ck_assert(c.seq == i + 1);
		ck_assert_mem_eq(c.link, link, CHAIN_LINK_LEN);
		memcpy(prev, link, sizeof(prev));
		free(out);
	}
}
END_TEST

/* What is not a non-empty object is refused and takes no number. */
START_TEST(chain_append_refuses)
{
	static const char *bad[] = { "", "{", "{}", "[1,2]", "{\"a\":1",
	    "\"a\":1}", "x" };
	struct chain c;
	char *out;
	size_t len, i;

	memset(&c, 0, sizeof(c));
	c.seq = 41;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(chain_append(&c, bad[i], strlen(bad[i]), &out,
		    &len), -1);
		ck_assert(c.seq == 41);
	}
}
END_TEST

/* A line on disk comes apart into the object as hashed and its member. */
static void
assert_parses_back(const char *obj, uint64_t seq0)
{
	struct chain c;
	unsigned char link[CHAIN_LINK_LEN], again[CHAIN_LINK_LEN];
	char *out, *copy;
	size_t len, objlen;
	uint64_t seq;

	memset(&c, 0, sizeof(c));
	c.seq = seq0;
	ck_assert_int_eq(chain_append(&c, obj, strlen(obj), &out, &len), 0);
	/* An exact copy, so that a read beyond the line is seen. */
	ck_assert_ptr_nonnull(copy = malloc(len));
	memcpy(copy, out, len);
	ck_assert_int_eq(chain_parse_line(copy, len, &objlen, &seq, link), 0);
	ck_assert(seq == seq0 + 1);
	ck_assert_uint_eq(objlen + 1, strlen(obj));
	ck_assert_mem_eq(copy, obj, objlen);
	ck_assert_mem_eq(link, c.link, CHAIN_LINK_LEN);
	chain_link((unsigned char[CHAIN_LINK_LEN]){ 0 }, seq, obj,
	    strlen(obj), again);
	ck_assert_mem_eq(again, c.link, CHAIN_LINK_LEN);
	free(copy);
	free(out);
}

START_TEST(chain_parse_good)
{
	assert_parses_back("{\"a\":1}", 0);
	assert_parses_back("{\"name\":\"x\",\"columns\":{\"k\":\"v\"}}", 99);
	assert_parses_back("{\"a\":1}", UINT64_MAX - 1);
}
END_TEST

/*
 * A "hostql" member inside the object, even one shaped like the chain's
 * own, is part of the object: only the last member on the line is the
 * chain's.
 */
START_TEST(chain_parse_inner_hostql)
{
	char fake[256];

	assert_parses_back("{\"hostql\":{\"seq\":5,\"link\":\"00\"},\"a\":1}",
	    0);
	assert_parses_back("{\"columns\":{\"hostql\":\"1\"},\"x\":\","
	    "\\\"hostql\\\":{\\\"seq\\\":3\"}", 7);
	snprintf(fake, sizeof(fake), "{\"a\":1,\"hostql\":{\"seq\":9,"
	    "\"link\":\"%064d\"}}", 0);
	assert_parses_back(fake, 2);
}
END_TEST

/* Parse a NUL-free line held in a buffer of exactly its length. */
static int
parse_exact(const char *line)
{
	unsigned char link[CHAIN_LINK_LEN];
	size_t len = strlen(line), objlen;
	uint64_t seq;
	char *copy;
	int rc;

	ck_assert_ptr_nonnull(copy = malloc(len ? len : 1));
	memcpy(copy, line, len);
	rc = chain_parse_line(copy, len, &objlen, &seq, link);
	free(copy);
	return rc;
}

#define H64 "00112233445566778899aabbccddeeff" \
	    "00112233445566778899aabbccddeeff"

START_TEST(chain_parse_bad)
{
	static const char *bad[] = {
		"",
		"{\"a\":1}",
		"{\"a\":1,\"hostql\":{\"seq\":",
		"{\"a\":1,\"hostql\":{\"seq\":1",
		"{\"a\":1,\"hostql\":{\"seq\":12345",
		"{\"a\":1,\"hostql\":{\"seq\":x,\"link\":\"" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":-1,\"link\":\"" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"link\":\"" H64 "\"}",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"link\":\"" H64 "\"}} ",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"link\":\"" H64 "0\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"link\":\"0" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"link\":\""
		    "00112233445566778899aabbccddeeff"
		    "00112233445566778899aabbccddeefg\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":1,\"lonk\":\"" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":1 ,\"link\":\"" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"link\":\"" H64 "\",\"seq\":1}}",
		"{\"a\":1,\"hostqL\":{\"seq\":1,\"link\":\"" H64 "\"}}",
		",\"hostql\":{\"seq\":1,\"link\":\"" H64 "\"}}",
		/* Numbers the chain never writes. */
		"{\"a\":1,\"hostql\":{\"seq\":01,\"link\":\"" H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":18446744073709551616,\"link\":\""
		    H64 "\"}}",
		"{\"a\":1,\"hostql\":{\"seq\":99999999999999999999999,"
		    "\"link\":\"" H64 "\"}}",
	};
	size_t i;

	ck_assert_int_eq(parse_exact("{\"a\":1,\"hostql\":{\"seq\":1,"
	    "\"link\":\"" H64 "\"}}"), 0);
	ck_assert_int_eq(parse_exact("{\"a\":1,\"hostql\":{\"seq\":"
	    "18446744073709551615,\"link\":\"" H64 "\"}}"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(parse_exact(bad[i]) == -1, "taken: %s", bad[i]);
}
END_TEST

/* Every prefix of a good line is refused, read within its bounds. */
START_TEST(chain_parse_prefixes)
{
	static const char line[] = "{\"a\":1,\"hostql\":{\"seq\":123,"
	    "\"link\":\"" H64 "\"}}";
	unsigned char link[CHAIN_LINK_LEN];
	size_t n, objlen;
	uint64_t seq;
	char *copy;

	for (n = 0; n < sizeof(line) - 1; n++) {
		ck_assert_ptr_nonnull(copy = malloc(n ? n : 1));
		memcpy(copy, line, n);
		ck_assert_msg(chain_parse_line(copy, n, &objlen, &seq, link) ==
		    -1, "prefix of %zu bytes taken", n);
		free(copy);
	}
}
END_TEST

START_TEST(chain_signed_message_layout)
{
	unsigned char prev[CHAIN_LINK_LEN], head[CHAIN_LINK_LEN];
	unsigned char msg[CHAIN_SIGNED_LEN];

	ck_assert_uint_eq(CHAIN_SIGNED_LEN, 96);
	memset(prev, 0x11, sizeof(prev));
	memset(head, 0x22, sizeof(head));
	chain_signed_message(0x0102030405060708ull, 9, STREAM_STATUS, prev,
	    head, msg);
	ck_assert_mem_eq(msg, "hostql-chain-v1", 15);
	ck_assert_mem_eq(msg + 15, "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
	ck_assert_mem_eq(msg + 23, "\x09\0\0\0\0\0\0\0", 8);
	ck_assert_mem_eq(msg + 31, prev, CHAIN_LINK_LEN);
	ck_assert_mem_eq(msg + 63, head, CHAIN_LINK_LEN);
	ck_assert_uint_eq(msg[95], STREAM_STATUS);
}
END_TEST

/* A signature line holds what it says and verifies with its key only. */
START_TEST(chain_signature_verifies)
{
	unsigned char pk[CHAIN_PK_LEN], sk[CHAIN_SK_LEN];
	unsigned char pk2[CHAIN_PK_LEN], sk2[CHAIN_SK_LEN];
	unsigned char prev[CHAIN_LINK_LEN], head[CHAIN_LINK_LEN];
	unsigned char msg[CHAIN_SIGNED_LEN];
	char want[256], hp[65], hh[65], *line;
	struct vsig s;

	crypto_sign_keypair(pk, sk);
	crypto_sign_keypair(pk2, sk2);
	randombytes_buf(prev, sizeof(prev));
	randombytes_buf(head, sizeof(head));
	ck_assert_int_eq(chain_sign_batch(sk, 5, 9, STREAM_RESULTS, prev, head,
	    &line), 0);
	hex(prev, sizeof(prev), hp);
	hex(head, sizeof(head), hh);
	snprintf(want, sizeof(want), "{\"first\":5,\"last\":9,"
	    "\"stream\":\"results\",\"prev\":\"%s\",\"head\":\"%s\","
	    "\"sig\":\"", hp, hh);
	ck_assert_int_eq(strncmp(line, want, strlen(want)), 0);
	ck_assert_int_eq(line[strlen(line) - 1], '}');

	memset(&s, 0, sizeof(s));
	vsig_parse(&s, line, strlen(line));
	ck_assert_int_eq(s.parsed, 1);
	ck_assert(s.first == 5 && s.last == 9);
	ck_assert_mem_eq(s.prev, prev, CHAIN_LINK_LEN);
	ck_assert_mem_eq(s.head, head, CHAIN_LINK_LEN);
	ck_assert_int_eq(s.stream, STREAM_RESULTS);
	chain_signed_message(5, 9, STREAM_RESULTS, prev, head, msg);
	ck_assert_int_eq(crypto_sign_verify_detached(s.sig, msg, sizeof(msg),
	    pk), 0);
	ck_assert_int_eq(crypto_sign_verify_detached(s.sig, msg, sizeof(msg),
	    pk2), -1);
	/* Another range or head under the same signature does not verify. */
	chain_signed_message(5, 10, STREAM_RESULTS, prev, head, msg);
	ck_assert_int_eq(crypto_sign_verify_detached(s.sig, msg, sizeof(msg),
	    pk), -1);
	/* Nor the same batch said to be of another stream. */
	chain_signed_message(5, 9, STREAM_STATUS, prev, head, msg);
	ck_assert_int_eq(crypto_sign_verify_detached(s.sig, msg, sizeof(msg),
	    pk), -1);
	head[0] ^= 1;
	chain_signed_message(5, 9, STREAM_RESULTS, prev, head, msg);
	ck_assert_int_eq(crypto_sign_verify_detached(s.sig, msg, sizeof(msg),
	    pk), -1);
	free(line);
}
END_TEST

static int
sig_parses(const char *text)
{
	struct vsig s;
	char *copy;
	size_t len = strlen(text);

	ck_assert_ptr_nonnull(copy = malloc(len ? len : 1));
	memcpy(copy, text, len);
	memset(&s, 0, sizeof(s));
	vsig_parse(&s, copy, len);
	free(copy);
	return s.parsed;
}

#define SIG88 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" \
	      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="

START_TEST(chain_signature_lines_bad)
{
	static const char *bad[] = {
		"",
		"{}",
		"{\"first\":",
		"{\"first\":1,\"last\":",
		"{\"first\":0,\"last\":1,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88 "\"}",
		"{\"first\":3,\"last\":2,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88 "\"}",
		"{\"first\":1,\"last\":2,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"AAAA\"}",
		"{\"first\":1,\"last\":2,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88,
		"{\"first\":1,\"last\":2,\"prev\":\"00\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88 "\"}",
		"{\"first\":1,\"last\":2,\"prev\":\"" H64 "\",\"sig\":\"" SIG88
		    "\"}",
		"{\"first\":x,\"last\":2,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88 "\"}",
		/* No stream, or one there is not. */
		"{\"first\":1,\"last\":2,\"prev\":\"" H64 "\",\"head\":\"" H64
		    "\",\"sig\":\"" SIG88 "\"}",
		"{\"first\":1,\"last\":2,\"stream\":\"resultz\",\"prev\":\""
		    H64 "\",\"head\":\"" H64 "\",\"sig\":\"" SIG88 "\"}",
		/* A number's key last on the line, with nothing after it. */
		"{\"sig\":\"" SIG88 "\",\"prev\":\"" H64 "\",\"head\":\""
		    H64 "\",\"last\":2,\"first\":",
		"{\"sig\":\"" SIG88 "\",\"prev\":\"" H64 "\",\"head\":\""
		    H64 "\",\"first\":1,\"last\":",
	};
	size_t i;

	ck_assert_int_eq(sig_parses("{\"first\":1,\"last\":2,\"stream\":"
	    "\"results\",\"prev\":\"" H64 "\",\"head\":\"" H64 "\",\"sig\":\""
	    SIG88 "\"}"), 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(sig_parses(bad[i]) == 0, "taken: %s", bad[i]);
}
END_TEST

/* Digits that run to the end of the buffer are read within it. */
START_TEST(chain_signature_number_at_end)
{
	static const char text[] = "{\"sig\":\"" SIG88 "\",\"prev\":\"" H64
	    "\",\"head\":\"" H64 "\",\"last\":2,\"first\":1";
	struct vsig s;
	char *copy;

	ck_assert_ptr_nonnull(copy = malloc(sizeof(text) - 1));
	memcpy(copy, text, sizeof(text) - 1);
	memset(&s, 0, sizeof(s));
	vsig_parse(&s, copy, sizeof(text) - 1);
	ck_assert(!s.parsed || (s.first == 1 && s.last == 2));
	free(copy);
}
END_TEST

Suite	*suite_chain(void);

Suite *
suite_chain(void)
{
	Suite *s = suite_create("chain");
	TCase *tc = tcase_create("chain");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, chain_link_known_values);
	tcase_add_test(tc, chain_link_formula);
	tcase_add_test(tc, chain_append_form);
	tcase_add_test(tc, chain_append_refuses);
	tcase_add_test(tc, chain_parse_good);
	tcase_add_test(tc, chain_parse_inner_hostql);
	tcase_add_test(tc, chain_parse_bad);
	tcase_add_test(tc, chain_parse_prefixes);
	tcase_add_test(tc, chain_signed_message_layout);
	tcase_add_test(tc, chain_signature_verifies);
	tcase_add_test(tc, chain_signature_lines_bad);
	tcase_add_test(tc, chain_signature_number_at_end);
	suite_add_tcase(s, tc);
	return s;
}
