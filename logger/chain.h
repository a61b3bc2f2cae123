/*
 * The hash chain that binds every log line, and the signatures over it.
 *
 *	link(n) = BLAKE2b-256(link(n-1) || u64le(n) || line)	link(0) = 0
 *
 * where line is the osquery JSON object exactly as osquery writes it.  On
 * disk the object gains one last member, "hostql":{"seq":n,"link":"hex"},
 * so existing log pipelines read the line as they always did.  Each batch
 * of lines is signed with Ed25519 over
 *
 *	"hostql-chain-v1" || u64le(first) || u64le(last) || link(first-1)
 *	    || link(last)
 *
 *	    || u8 stream
 *
 * and the signature is a line of its own in the signature log.  A batch
 * is of one stream (one result set, or status lines), which its
 * signature names: lines of a batch rotated away with their stream's
 * oldest files are then told apart from lines removed from the middle.
 */
#ifndef HOSTQL_LOGGER_CHAIN_H
#define HOSTQL_LOGGER_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#define CHAIN_LINK_LEN	32
#define CHAIN_SIG_LEN	64
#define CHAIN_PK_LEN	32
#define CHAIN_SK_LEN	64

struct chain {
	uint64_t	seq;			/* of the last line */
	unsigned char	link[CHAIN_LINK_LEN];	/* its link */
};

/* The link of line number seq after prev. */
void	chain_link(const unsigned char prev[CHAIN_LINK_LEN], uint64_t seq,
	    const char *line, size_t len, unsigned char out[CHAIN_LINK_LEN]);

/* Take the next number for line (a JSON object) and return its form on
 * disk (malloc'd, no newline); -1 when line is not an object or out of
 * memory. */
int	chain_append(struct chain *, const char *line, size_t len,
	    char **out, size_t *outlen);

/* The message a batch signature covers. */
#define CHAIN_SIGNED_LEN	(15 + 8 + 8 + 2 * CHAIN_LINK_LEN + 1)
void	chain_signed_message(uint64_t first, uint64_t last,
	    unsigned int stream, const unsigned char prev[CHAIN_LINK_LEN],
	    const unsigned char head[CHAIN_LINK_LEN],
	    unsigned char msg[CHAIN_SIGNED_LEN]);

/* The signature line of a batch of stream (enum stream) (malloc'd JSON,
 * no newline). */
int	chain_sign_batch(const unsigned char sk[CHAIN_SK_LEN], uint64_t first,
	    uint64_t last, unsigned int stream,
	    const unsigned char prev[CHAIN_LINK_LEN],
	    const unsigned char head[CHAIN_LINK_LEN], char **line);

/* Split a line on disk into the osquery object and its chain member:
 * the object as hashed is the first *objlen bytes of the line followed
 * by one '}'.  -1 when the line ends in no well-formed chain member. */
int	chain_parse_line(const char *line, size_t len, size_t *objlen,
	    uint64_t *seq, unsigned char link[CHAIN_LINK_LEN]);

#endif
