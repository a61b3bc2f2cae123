/*
 * utmp(5) records (tables/utmp_parse.h): the input read as the logins
 * tables read a file, record after record, then its tail as a record cut
 * short.
 */
#include <stdint.h>

#include "../tables/utmp_parse.h"
#include "fuzz.h"

static void
check_record(const struct utmp_rec *r, const char *rec)
{
	fuzz_check_span(r->line, rec, UTMP_RECORD_SIZE);
	fuzz_check_span(r->id, rec, UTMP_RECORD_SIZE);
	fuzz_check_span(r->user, rec, UTMP_RECORD_SIZE);
	fuzz_check_span(r->host, rec, UTMP_RECORD_SIZE);
	CHECK(r->line.len <= 32 && r->id.len <= 4 && r->user.len <= 32 &&
	    r->host.len <= 256);
	CHECK(utmp_type_name(r->type) != NULL);
	CHECK(utmp_last_type_name(r->type) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct utmp_rec r;
	size_t off = 0;

	while (utmp_parse_record(buf + off, size - off, &r) == 0) {
		check_record(&r, buf + off);
		off += UTMP_RECORD_SIZE;
	}
	CHECK(size - off < UTMP_RECORD_SIZE);
	return 0;
}
