/*
 * Digests of a stream in one pass.
 *
 * Two libraries can do the hashing.  libcrypto (OpenSSL) uses the CPU's
 * SHA instructions and hashes several times faster than libmd, so it is
 * the one to build with (HOSTQL_DIGEST_LIBCRYPTO).  Only its low-level
 * SHA256_Init() family is used: the EVP interface reads openssl.cnf on
 * first use, and the worker, chrooted and without open(2), must never
 * try to.  Those functions are marked deprecated in OpenSSL 3 but are
 * kept there; the deprecation warnings are turned off for this file only.
 * libmd is the fallback, slower but small and always there.
 */
#ifdef HOSTQL_DIGEST_LIBCRYPTO
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/md5.h>
#include <openssl/sha.h>
#else
#include <sys/types.h>
#include <md5.h>
#include <sha1.h>
#include <sha2.h>
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"

#ifdef HOSTQL_DIGEST_LIBCRYPTO
typedef MD5_CTX		md5_ctx;
typedef SHA_CTX		sha1_ctx;
typedef SHA256_CTX	sha256_ctx;
#define md5_init(c)		MD5_Init(c)
#define md5_update(c, p, n)	MD5_Update(c, p, n)
#define md5_final(c, out)	MD5_Final(out, c)
#define sha1_init(c)		SHA1_Init(c)
#define sha1_update(c, p, n)	SHA1_Update(c, p, n)
#define sha1_final(c, out)	SHA1_Final(out, c)
#define sha256_init(c)		SHA256_Init(c)
#define sha256_update(c, p, n)	SHA256_Update(c, p, n)
#define sha256_final(c, out)	SHA256_Final(out, c)
#define BACKEND			"libcrypto"
#else
typedef MD5_CTX		md5_ctx;
typedef SHA1_CTX	sha1_ctx;
typedef SHA2_CTX	sha256_ctx;
#define md5_init(c)		MD5Init(c)
#define md5_update(c, p, n)	MD5Update(c, p, n)
#define md5_final(c, out)	MD5Final(out, c)
#define sha1_init(c)		SHA1Init(c)
#define sha1_update(c, p, n)	SHA1Update(c, p, n)
#define sha1_final(c, out)	SHA1Final(out, c)
#define sha256_init(c)		SHA256Init(c)
#define sha256_update(c, p, n)	SHA256Update(c, p, n)
#define sha256_final(c, out)	SHA256Final(out, c)
#define BACKEND			"libmd"
#endif

struct digest {
	unsigned int	which;
	md5_ctx		md5;
	sha1_ctx	sha1;
	sha256_ctx	sha256;
};

const char *
digest_backend(void)
{
	return BACKEND;
}

struct digest *
digest_new(unsigned int which)
{
	struct digest *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->which = which & DIGEST_ALL;
	if (d->which & DIGEST_MD5)
		md5_init(&d->md5);
	if (d->which & DIGEST_SHA1)
		sha1_init(&d->sha1);
	if (d->which & DIGEST_SHA256)
		sha256_init(&d->sha256);
	return d;
}

void
digest_update(struct digest *d, const void *p, size_t len)
{
	if (len == 0)
		return;
	if (d->which & DIGEST_MD5)
		md5_update(&d->md5, p, len);
	if (d->which & DIGEST_SHA1)
		sha1_update(&d->sha1, p, len);
	if (d->which & DIGEST_SHA256)
		sha256_update(&d->sha256, p, len);
}

static void
to_hex(const unsigned char *bin, size_t len, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		hex[2 * i] = digits[bin[i] >> 4];
		hex[2 * i + 1] = digits[bin[i] & 0x0f];
	}
	hex[2 * len] = '\0';
}

void
digest_final(struct digest *d, struct digest_hex *out)
{
	unsigned char bin[32];

	memset(out, 0, sizeof(*out));
	if (d->which & DIGEST_MD5) {
		md5_final(&d->md5, bin);
		to_hex(bin, 16, out->md5);
	}
	if (d->which & DIGEST_SHA1) {
		sha1_final(&d->sha1, bin);
		to_hex(bin, 20, out->sha1);
	}
	if (d->which & DIGEST_SHA256) {
		sha256_final(&d->sha256, bin);
		to_hex(bin, 32, out->sha256);
	}
	digest_free(d);
}

void
digest_free(struct digest *d)
{
	if (d == NULL)
		return;
	/* The contexts hold what was hashed, in part: do not leave it. */
	explicit_bzero(d, sizeof(*d));
	free(d);
}

int
digest_buf(const void *p, size_t len, unsigned int which,
    struct digest_hex *out)
{
	struct digest *d;

	if ((d = digest_new(which)) == NULL)
		return -ENOMEM;
	digest_update(d, p, len);
	digest_final(d, out);
	return 0;
}

/* Read the whole of fd into d; 0 or a negative errno. */
static int
digest_read_all(struct digest *d, int fd, unsigned char *buf,
    uint64_t *total)
{
	ssize_t n;

	for (;;) {
		n = read(fd, buf, DIGEST_CHUNK);
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		digest_update(d, buf, (size_t)n);
		*total += (uint64_t)n;
	}
}

int
digest_fd(int fd, unsigned int which, struct digest_hex *out,
    uint64_t *total)
{
	struct digest *d;
	unsigned char *buf;
	uint64_t n = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((buf = malloc(DIGEST_CHUNK)) == NULL)
		return -ENOMEM;
	if ((d = digest_new(which)) == NULL) {
		free(buf);
		return -ENOMEM;
	}
	rc = digest_read_all(d, fd, buf, &n);
	free(buf);
	if (rc != 0) {
		digest_free(d);
		return rc;
	}
	digest_final(d, out);
	if (total != NULL)
		*total = n;
	return 0;
}
