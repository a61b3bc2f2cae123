/*
 * The iptables blob walker (tables/iptables_parse.h) on arbitrary bytes,
 * as privd forwards whatever the kernel's getsockopt returned.  Every
 * text it reports must be a terminated string inside its field, and a
 * walk that fails must have reported nothing.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/iptables_parse.h"
#include "fuzz.h"

static void
check_text(const char *s, size_t room)
{
	CHECK(memchr(s, '\0', room) != NULL);
}

static int
on_rule(void *arg, const struct iptp_rule *r)
{
	size_t *rows = arg;

	check_text(r->chain->name, sizeof(r->chain->name));
	check_text(r->target, sizeof(r->target));
	check_text(r->src_port, sizeof(r->src_port));
	check_text(r->dst_port, sizeof(r->dst_port));
	check_text(r->src_ip, sizeof(r->src_ip));
	check_text(r->src_mask, sizeof(r->src_mask));
	check_text(r->dst_ip, sizeof(r->dst_ip));
	check_text(r->dst_mask, sizeof(r->dst_mask));
	check_text(r->iniface, sizeof(r->iniface));
	check_text(r->iniface_mask, sizeof(r->iniface_mask));
	check_text(r->outiface, sizeof(r->outiface));
	check_text(r->outiface_mask, sizeof(r->outiface_mask));
	(*rows)++;
	return 0;
}

static int
on_chain(void *arg, const struct iptp_chain *c)
{
	size_t *rows = arg;

	check_text(c->name, sizeof(c->name));
	check_text(c->policy, sizeof(c->policy));
	(*rows)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf;
	size_t rows = 0;
	int rc;

	/* Exactly the input's size, so that reading past it is caught. */
	if ((buf = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	rc = iptp_walk(buf, size, on_rule, on_chain, &rows);
	CHECK(rc == 0 || rc == -EBADMSG || rc == -ENOMEM);
	if (rc != 0)
		CHECK(rows == 0);
	free(buf);
	return 0;
}
