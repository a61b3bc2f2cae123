/*
 * APT's sources (tables/aptsource.h): every line of the input read as a
 * one-line source, every stanza as a deb822 one, and the whole as a
 * Release file; the names made of each source must fit their buffers,
 * small ones included.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/aptsource.h"
#include "../tables/deb822.h"
#include "fuzz.h"

struct input {
	const char	*buf;
	size_t		 len;
};

static int
names(void *arg, const struct apt_source *src)
{
	const struct input *in = arg;
	char big[512], small[9];
	struct span base;

	fuzz_check_span(src->uri, in->buf, in->len);
	fuzz_check_span(src->suite, in->buf, in->len);
	CHECK(src->uri.len > 0 && src->suite.len > 0);
	base = apt_base_uri(src);
	fuzz_check_span(base, in->buf, in->len);
	if (apt_source_name(src, big, sizeof(big)) == 0)
		CHECK(strlen(big) < sizeof(big));
	if (apt_lists_prefix(src, big, sizeof(big)) == 0)
		CHECK(strlen(big) < sizeof(big) && strchr(big, '/') == NULL);
	if (apt_source_name(src, small, sizeof(small)) == 0)
		CHECK(strlen(small) < sizeof(small));
	if (apt_lists_prefix(src, small, sizeof(small)) == 0)
		CHECK(strlen(small) < sizeof(small));
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { (const char *)data, size };
	struct apt_source src;
	struct apt_release rel;
	struct span line, st;
	size_t off = 0;

	while (txt_next_line(in.buf, size, &off, &line))
		if (apt_parse_line(line, &src) == 0)
			(void)names(&in, &src);
	off = 0;
	while (deb822_next_stanza(in.buf, size, &off, &st))
		CHECK(apt_parse_stanza(st, names, &in) == 0);
	if (apt_parse_release(in.buf, size, &rel) == 0) {
		fuzz_check_span(rel.origin, in.buf, size);
		fuzz_check_span(rel.codename, in.buf, size);
		fuzz_check_span(rel.version, in.buf, size);
		fuzz_check_span(rel.components, in.buf, size);
		fuzz_check_span(rel.architectures, in.buf, size);
	}
	return 0;
}
