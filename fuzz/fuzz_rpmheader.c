/*
 * RPM header blobs (tables/rpmheader.h): the input is a header as the
 * RPM database stores it.  Every tag the tables read is looked up, as a
 * string, as a number and as an array; whatever a lookup returns must
 * lie inside the blob.
 */
#include <stdint.h>

#include "../tables/rpmheader.h"
#include "fuzz.h"

static const uint32_t tags[] = {
	RPMTAG_SHA1HEADER, RPMTAG_NAME, RPMTAG_VERSION, RPMTAG_RELEASE,
	RPMTAG_EPOCH, RPMTAG_INSTALLTIME, RPMTAG_SIZE, RPMTAG_VENDOR,
	RPMTAG_GROUP, RPMTAG_ARCH, RPMTAG_OLDFILENAMES, RPMTAG_FILESIZES,
	RPMTAG_FILEMODES, RPMTAG_FILEDIGESTS, RPMTAG_FILEUSERNAME,
	RPMTAG_FILEGROUPNAME, RPMTAG_SOURCERPM, RPMTAG_DIRINDEXES,
	RPMTAG_BASENAMES, RPMTAG_DIRNAMES, RPMTAG_LONGFILESIZES,
	RPMTAG_LONGSIZE, RPMTAG_FILEDIGESTALGO,
};

static void
walk(const struct rpmhdr *h, uint32_t tag, const char *buf, size_t len)
{
	struct rpmhdr_value v;
	struct rpmhdr_strings s;
	struct span str;
	uint64_t n;
	uint32_t i;

	if (rpmhdr_string(h, tag, &str) == 0)
		fuzz_check_span(str, buf, len);
	(void)rpmhdr_number(h, tag, &n);
	if (rpmhdr_get(h, tag, &v) == -1)
		return;
	CHECK(v.count > 0);
	CHECK(v.p >= (const unsigned char *)buf && v.len <= len &&
	    (size_t)(v.p - (const unsigned char *)buf) <= len - v.len);
	if (rpmhdr_strings(&v, &s) == 0) {
		for (i = 0; rpmhdr_strings_next(&s, &str); i++)
			fuzz_check_span(str, buf, len);
		CHECK(i == v.count);
	}
	if (rpmhdr_is_number(&v))
		for (i = 0; i < v.count && i < 64; i++)
			(void)rpmhdr_value_number(&v, i);
	(void)rpmhdr_value_number(&v, v.count);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct rpmhdr h;
	size_t i;

	if (rpmhdr_open(buf, size, &h) == -1)
		return 0;
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		walk(&h, tags[i], buf, size);
	return 0;
}
