/*
 * Digests: the published vectors for "" and "abc", a 1 MiB stream read
 * through a descriptor in several chunks, and the mask of digests asked.
 */
#include <sys/mman.h>

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../tables/digest.h"

#define FIXTURE_LEN	(1024 * 1024)

/* The fixture's digests, from md5sum, sha1sum and sha256sum. */
#define FIXTURE_MD5	"12c2101f8af09f25173d0c983461cfdd"
#define FIXTURE_SHA1	"88a63da3db01c182056db853e74acd35b7089609"
#define FIXTURE_SHA256	\
	"1536b576ded8fc55b76d38571fef4cb3da8054ca5b967eec02dd60a71a2b914c"

static unsigned char *
fixture(void)
{
	unsigned char *buf;
	size_t i;

	buf = malloc(FIXTURE_LEN);
	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < FIXTURE_LEN; i++)
		buf[i] = (unsigned char)((i * 7 + (i >> 10)) & 0xff);
	return buf;
}

/* A descriptor with the fixture in it, at offset 0. */
static int
fixture_fd(void)
{
	unsigned char *buf = fixture();
	size_t off = 0;
	ssize_t n;
	int fd;

	fd = memfd_create("digest-fixture", MFD_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	while (off < FIXTURE_LEN) {
		n = write(fd, buf + off, FIXTURE_LEN - off);
		ck_assert_int_gt(n, 0);
		off += (size_t)n;
	}
	free(buf);
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

START_TEST(test_empty)
{
	struct digest_hex h;

	ck_assert_int_eq(digest_buf("", 0, DIGEST_ALL, &h), 0);
	ck_assert_str_eq(h.md5, "d41d8cd98f00b204e9800998ecf8427e");
	ck_assert_str_eq(h.sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	ck_assert_str_eq(h.sha256, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}
END_TEST

START_TEST(test_abc)
{
	struct digest_hex h;

	ck_assert_int_eq(digest_buf("abc", 3, DIGEST_ALL, &h), 0);
	ck_assert_str_eq(h.md5, "900150983cd24fb0d6963f7d28e17f72");
	ck_assert_str_eq(h.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
	ck_assert_str_eq(h.sha256, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(test_only_asked)
{
	struct digest_hex h;

	memset(&h, 'x', sizeof(h));
	ck_assert_int_eq(digest_buf("abc", 3, DIGEST_SHA256, &h), 0);
	ck_assert_str_eq(h.md5, "");
	ck_assert_str_eq(h.sha1, "");
	ck_assert_str_eq(h.sha256, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(digest_buf("abc", 3, DIGEST_MD5 | DIGEST_SHA1, &h),
	    0);
	ck_assert_str_eq(h.md5, "900150983cd24fb0d6963f7d28e17f72");
	ck_assert_str_eq(h.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
	ck_assert_str_eq(h.sha256, "");
	/* Nothing asked: nothing computed, nothing written. */
	ck_assert_int_eq(digest_buf("abc", 3, 0, &h), 0);
	ck_assert_str_eq(h.md5, "");
	ck_assert_str_eq(h.sha256, "");
}
END_TEST

START_TEST(test_fixture_fd)
{
	struct digest_hex h;
	uint64_t total = 0;
	int fd = fixture_fd();

	ck_assert_int_eq(digest_fd(fd, DIGEST_ALL, &h, &total), 0);
	ck_assert_uint_eq(total, FIXTURE_LEN);
	ck_assert_str_eq(h.md5, FIXTURE_MD5);
	ck_assert_str_eq(h.sha1, FIXTURE_SHA1);
	ck_assert_str_eq(h.sha256, FIXTURE_SHA256);
	/* At the end already: what is left is nothing. */
	ck_assert_int_eq(digest_fd(fd, DIGEST_MD5, &h, &total), 0);
	ck_assert_uint_eq(total, 0);
	ck_assert_str_eq(h.md5, "d41d8cd98f00b204e9800998ecf8427e");
	close(fd);
}
END_TEST

/* Fed in pieces that do not line up with any block size, the stream
 * gives the digests of the whole. */
START_TEST(test_fixture_pieces)
{
	unsigned char *buf = fixture();
	struct digest_hex h;
	struct digest *d;
	size_t off = 0, step = 1;

	d = digest_new(DIGEST_ALL);
	ck_assert_ptr_nonnull(d);
	while (off < FIXTURE_LEN) {
		if (step > FIXTURE_LEN - off)
			step = FIXTURE_LEN - off;
		digest_update(d, buf + off, step);
		off += step;
		step = step * 3 + 1;
	}
	digest_final(d, &h);
	ck_assert_str_eq(h.md5, FIXTURE_MD5);
	ck_assert_str_eq(h.sha1, FIXTURE_SHA1);
	ck_assert_str_eq(h.sha256, FIXTURE_SHA256);
	free(buf);
}
END_TEST

START_TEST(test_bad_fd)
{
	struct digest_hex h;
	int p[2];

	ck_assert_int_eq(digest_fd(-1, DIGEST_ALL, &h, NULL), -EBADF);
	ck_assert_str_eq(h.sha256, "");
	/* A descriptor open for writing only cannot be read. */
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(digest_fd(p[1], DIGEST_SHA1, &h, NULL), -EBADF);
	close(p[0]);
	close(p[1]);
}
END_TEST

START_TEST(test_backend)
{
	const char *b = digest_backend();

	ck_assert(strcmp(b, "libcrypto") == 0 || strcmp(b, "libmd") == 0);
}
END_TEST

Suite	*suite_digest(void);

Suite *
suite_digest(void)
{
	Suite *s = suite_create("digest");
	TCase *tc = tcase_create("digest");

	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_abc);
	tcase_add_test(tc, test_only_asked);
	tcase_add_test(tc, test_fixture_fd);
	tcase_add_test(tc, test_fixture_pieces);
	tcase_add_test(tc, test_bad_fd);
	tcase_add_test(tc, test_backend);
	suite_add_tcase(s, tc);
	return s;
}
