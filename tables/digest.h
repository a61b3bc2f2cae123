/*
 * Message digests of a stream: md5, sha1 and sha256 computed together in
 * one pass, only those asked for, and given back as lowercase hex.
 *
 * The hash table feeds it a descriptor privd opened; the tests feed it
 * bytes.  Nothing here opens a file or knows about tables.
 */
#ifndef HOSTQL_TABLES_DIGEST_H
#define HOSTQL_TABLES_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_MD5	0x01
#define DIGEST_SHA1	0x02
#define DIGEST_SHA256	0x04
#define DIGEST_ALL	(DIGEST_MD5 | DIGEST_SHA1 | DIGEST_SHA256)

/* The size of the reads digest_fd() makes: large enough that the
 * system calls cost nothing beside the hashing. */
#define DIGEST_CHUNK	(256 * 1024)

/* Hex digests with their NUL; a digest not asked for is "". */
struct digest_hex {
	char	md5[16 * 2 + 1];
	char	sha1[20 * 2 + 1];
	char	sha256[32 * 2 + 1];
};

struct digest;

/* A digest of the kinds in the mask which; NULL when out of memory. */
struct digest	*digest_new(unsigned int which);
void		 digest_update(struct digest *, const void *, size_t);
/* Finish, write the hex digests and free the digest. */
void		 digest_final(struct digest *, struct digest_hex *);
/* Free without finishing (an error half way). */
void		 digest_free(struct digest *);

/*
 * Read fd to its end and digest what was read.  Returns 0, or a negative
 * errno (-ENOMEM, or what read(2) met, -EINTR excepted).  *total, when
 * not NULL, gets the number of bytes read.  The descriptor is not closed.
 */
int	digest_fd(int fd, unsigned int which, struct digest_hex *,
	    uint64_t *total);

/* The same over a buffer in memory. */
int	digest_buf(const void *, size_t, unsigned int which,
	    struct digest_hex *);

/* Which library computes the digests, for the version output. */
const char	*digest_backend(void);

#endif
