/*
 * The chain member of a log line and the signature log's lines, over any
 * bytes, and the whole verification over the input cut into lines.
 *
 * A line chain_parse_line takes comes apart at a comma, and the object
 * before it, chained again with the same number, gives a line of the
 * same length with the same object.  A signature line vsig_parse takes
 * has a range that starts at 1 or later and does not run backwards.
 * verify_lines (the key is made from a fixed seed, so that a seed log can
 * carry good signatures) says all is well only when every line has a
 * chain member, its link holds and a signature that verifies covers it;
 * its ranges run forward and do not touch.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../logger/chain.h"
#include "../worker/verify_lines.h"
#include "fuzz.h"

#define MAX_LINES	256

static void
check_line(const char *line, size_t len)
{
	unsigned char link[CHAIN_LINK_LEN];
	struct chain c;
	size_t objlen, outlen;
	uint64_t seq;
	char *obj, *out;

	if (chain_parse_line(line, len, &objlen, &seq, link) == -1)
		return;
	CHECK(objlen >= 1 && objlen < len && line[objlen] == ',');
	if (seq == 0 || line[0] != '{')
		return;
	obj = malloc(objlen + 1);
	CHECK(obj != NULL);
	memcpy(obj, line, objlen);
	obj[objlen] = '}';
	memset(&c, 0, sizeof(c));
	c.seq = seq - 1;
	if (chain_append(&c, obj, objlen + 1, &out, &outlen) == 0) {
		CHECK(c.seq == seq && outlen == len);
		CHECK(memcmp(out, line, objlen) == 0);
		free(out);
	}
	free(obj);
}

static void
check_sig(const char *text, size_t len)
{
	struct vsig s;

	memset(&s, 0, sizeof(s));
	vsig_parse(&s, text, len);
	CHECK(!s.parsed || (s.first >= 1 && s.first <= s.last));
}

static void
check_verify(const char *text, size_t len)
{
	static unsigned char pk[CHAIN_PK_LEN], sk[CHAIN_SK_LEN];
	static const unsigned char seed[crypto_sign_SEEDBYTES];
	struct vline lines[MAX_LINES];
	struct vsig sigs[MAX_LINES];
	struct vresult r;
	size_t nl = 0, ns = 0, start = 0, end, i;

	if (pk[0] == 0 && pk[1] == 0)
		crypto_sign_seed_keypair(pk, sk, seed);
	memset(lines, 0, sizeof(lines));
	memset(sigs, 0, sizeof(sigs));
	while (start < len && nl < MAX_LINES && ns < MAX_LINES) {
		for (end = start; end < len && text[end] != '\n'; end++)
			;
		if (end - start > 9 && memcmp(text + start, "{\"first\":",
		    9) == 0) {
			sigs[ns].file = "hostqld.signatures.log";
			sigs[ns].lineno = ns + 1;
			vsig_parse(&sigs[ns++], text + start, end - start);
		} else {
			lines[nl].file = nl % 2 ? "b" : "a";
			lines[nl].lineno = nl + 1;
			lines[nl].text = text + start;
			lines[nl].len = end - start;
			vline_parse(&lines[nl++]);
		}
		start = end + 1;
	}
	CHECK(verify_lines(lines, nl, sigs, ns, pk, &r) == 0);
	CHECK(r.nlines <= nl && r.nproblems <= 100);
	for (i = 0; i < r.nproblems; i++)
		CHECK(memchr(r.problems[i].text, '\0',
		    sizeof(r.problems[i].text)) != NULL);
	for (i = 0; i < r.nranges; i++) {
		CHECK(r.ranges[i][0] >= 1 && r.ranges[i][0] <= r.ranges[i][1]);
		CHECK(i == 0 || r.ranges[i][0] > r.ranges[i - 1][1] + 1);
	}
	for (i = 0; i < nl; i++) {
		CHECK(!lines[i].signed_ok || lines[i].ok);
		if (r.nproblems == 0)
			CHECK(lines[i].chained && lines[i].ok &&
			    lines[i].signed_ok);
	}
	vresult_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;

	if (sodium_init() == -1)
		return 0;
	check_line(text, size);
	check_sig(text, size);
	check_verify(text, size);
	return 0;
}
