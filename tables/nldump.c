/* The state of one netlink dump; see nldump.h. */
#include <errno.h>
#include <string.h>

#include "netlink_parse.h"
#include "nldump.h"

void
nldump_start(struct nldump *d)
{
	d->done = 0;
	d->parse_err = 0;
}

int
nldump_wants(const struct nldump *d)
{
	return !d->done && d->parse_err == 0 && d->row_err == 0;
}

void
nldump_note(struct nldump *d, int walk_rc)
{
	if (walk_rc == NLP_DONE)
		d->done = 1;
	else if (walk_rc < 0 && d->row_err == 0)
		d->parse_err = walk_rc;
}

int
nldump_finish(const struct nldump *d, struct gen_ctx *ctx, int dump_rc,
    const char *what)
{
	if (d->row_err != 0) {
		gen_error(ctx, "%s: %s", what, strerror(-d->row_err));
		return -1;
	}
	if (dump_rc != 0)
		gen_warn(ctx, "%s: %s", what, strerror(-dump_rc));
	else if (d->parse_err != 0)
		gen_warn(ctx, "%s: %s", what, d->parse_err == -EBADMSG ?
		    "malformed netlink reply" : strerror(-d->parse_err));
	return 0;
}
