/*
 * The start of a private key file (tables/sshkey_parse.h): what privd
 * hands over is at most a few hundred bytes of anything; and the same
 * bytes read as a .pub line.  Whatever the parser says must be one of
 * the values it knows.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/sshkey_parse.h"
#include "fuzz.h"

static void
check_info(const struct sshkey_info *k)
{
	CHECK(k->encrypted >= -1 && k->encrypted <= 1);
	CHECK(k->type != NULL && k->group != NULL);
	CHECK(k->bits >= -1 && k->security_bits >= -1);
	CHECK(k->security_bits <= 1200);
	CHECK(*k->group == '\0' || strcmp(k->type, "ec") == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sshkey_info k;

	if (sshkey_parse_prefix((const char *)data, size, &k) == 0)
		check_info(&k);
	if (sshkey_parse_public((const char *)data, size, &k) == 0) {
		check_info(&k);
		CHECK(k.encrypted == -1 && *k.type != '\0');
	}
	return 0;
}
