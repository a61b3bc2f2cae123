/* The hash chain and the batch signatures; see chain.h. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "chain.h"
#include "streams.h"

#define MEMBER_PREFIX	",\"hostql\":{\"seq\":"

static void
u64le(uint64_t v, unsigned char out[8])
{
	int i;

	for (i = 0; i < 8; i++)
		out[i] = (unsigned char)(v >> (8 * i));
}

void
chain_link(const unsigned char prev[CHAIN_LINK_LEN], uint64_t seq,
    const char *line, size_t len, unsigned char out[CHAIN_LINK_LEN])
{
	crypto_generichash_state st;
	unsigned char n[8];

	u64le(seq, n);
	crypto_generichash_init(&st, NULL, 0, CHAIN_LINK_LEN);
	crypto_generichash_update(&st, prev, CHAIN_LINK_LEN);
	crypto_generichash_update(&st, n, sizeof(n));
	crypto_generichash_update(&st, (const unsigned char *)line, len);
	crypto_generichash_final(&st, out, CHAIN_LINK_LEN);
}

int
chain_append(struct chain *c, const char *line, size_t len, char **out,
    size_t *outlen)
{
	char hex[2 * CHAIN_LINK_LEN + 1], tail[128];
	unsigned char link[CHAIN_LINK_LEN];
	uint64_t seq = c->seq + 1;
	int n;

	/* A line is a non-empty object: the member follows a comma. */
	if (len < 3 || line[0] != '{' || line[len - 1] != '}')
		return -1;
	chain_link(c->link, seq, line, len, link);
	sodium_bin2hex(hex, sizeof(hex), link, sizeof(link));
	n = snprintf(tail, sizeof(tail), MEMBER_PREFIX "%" PRIu64
	    ",\"link\":\"%s\"}}", seq, hex);
	if ((*out = malloc(len - 1 + (size_t)n + 1)) == NULL)
		return -1;
	memcpy(*out, line, len - 1);
	memcpy(*out + len - 1, tail, (size_t)n + 1);
	*outlen = len - 1 + (size_t)n;
	c->seq = seq;
	memcpy(c->link, link, sizeof(link));
	return 0;
}

void
chain_signed_message(uint64_t first, uint64_t last, unsigned int stream,
    const unsigned char prev[CHAIN_LINK_LEN],
    const unsigned char head[CHAIN_LINK_LEN],
    unsigned char msg[CHAIN_SIGNED_LEN])
{
	memcpy(msg, "hostql-chain-v1", 15);
	u64le(first, msg + 15);
	u64le(last, msg + 23);
	memcpy(msg + 31, prev, CHAIN_LINK_LEN);
	memcpy(msg + 31 + CHAIN_LINK_LEN, head, CHAIN_LINK_LEN);
	msg[31 + 2 * CHAIN_LINK_LEN] = (unsigned char)stream;
}

int
chain_sign_batch(const unsigned char sk[CHAIN_SK_LEN], uint64_t first,
    uint64_t last, unsigned int stream,
    const unsigned char prev[CHAIN_LINK_LEN],
    const unsigned char head[CHAIN_LINK_LEN], char **line)
{
	unsigned char msg[CHAIN_SIGNED_LEN], sig[CHAIN_SIG_LEN];
	char hprev[2 * CHAIN_LINK_LEN + 1], hhead[2 * CHAIN_LINK_LEN + 1];
	char b64[sodium_base64_ENCODED_LEN(CHAIN_SIG_LEN,
	    sodium_base64_VARIANT_ORIGINAL)];

	chain_signed_message(first, last, stream, prev, head, msg);
	crypto_sign_detached(sig, NULL, msg, sizeof(msg), sk);
	sodium_bin2hex(hprev, sizeof(hprev), prev, CHAIN_LINK_LEN);
	sodium_bin2hex(hhead, sizeof(hhead), head, CHAIN_LINK_LEN);
	sodium_bin2base64(b64, sizeof(b64), sig, sizeof(sig),
	    sodium_base64_VARIANT_ORIGINAL);
	return asprintf(line, "{\"first\":%" PRIu64 ",\"last\":%" PRIu64
	    ",\"stream\":\"%s\",\"prev\":\"%s\",\"head\":\"%s\","
	    "\"sig\":\"%s\"}", first, last, stream_name((enum stream)stream),
	    hprev, hhead, b64) == -1 ? -1 : 0;
}

/* The chain member is the last thing on the line: find its start from
 * the end, so that nothing inside the object can be mistaken for it. */
int
chain_parse_line(const char *line, size_t len, size_t *objlen,
    uint64_t *seq, unsigned char link[CHAIN_LINK_LEN])
{
	static const char link_key[] = ",\"link\":\"";
	const char *m = NULL, *p, *num, *end;
	size_t plen = strlen(MEMBER_PREFIX), hexpos;

	for (p = line + len; p > line + 1; p--)
		if (p[-1] == ',' && (size_t)(line + len - p + 1) >= plen &&
		    memcmp(p - 1, MEMBER_PREFIX, plen) == 0) {
			m = p - 1;
			break;
		}
	if (m == NULL)
		return -1;
	/* The number as chain_append writes it, read within the line. */
	num = m + plen;
	for (end = num, *seq = 0; end < line + len && *end >= '0' &&
	    *end <= '9'; end++) {
		if (*seq > (UINT64_MAX - (uint64_t)(*end - '0')) / 10)
			return -1;
		*seq = *seq * 10 + (uint64_t)(*end - '0');
	}
	if (end == num || (*num == '0' && end - num > 1))
		return -1;
	if ((size_t)(line + len - end) !=
	    sizeof(link_key) - 1 + 2 * CHAIN_LINK_LEN + 3 ||
	    memcmp(end, link_key, sizeof(link_key) - 1) != 0)
		return -1;
	hexpos = (size_t)(end - line) + sizeof(link_key) - 1;
	if (memcmp(line + hexpos + 2 * CHAIN_LINK_LEN, "\"}}", 3) != 0 ||
	    sodium_hex2bin(link, CHAIN_LINK_LEN, line + hexpos,
	    2 * CHAIN_LINK_LEN, NULL, NULL, NULL) != 0)
		return -1;
	/* The object as hashed is the line up to the member, closed by
	 * the '}' the member took over. */
	*objlen = (size_t)(m - line);
	return 0;
}
