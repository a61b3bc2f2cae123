/*
 * Small system files hold one value and a newline.  Read them capped, so
 * a file that is not what it should be cannot cost more than a page.
 */
#include <stdlib.h>
#include <string.h>

#include "sysvalue.h"
#include "textparse.h"

#define SYSVALUE_CAP	4096

int
sysvalue_read(struct gen_ctx *ctx, const char *path, char *out,
    size_t outsz)
{
	struct span line = { "", 0 };
	char *data = NULL;
	size_t len = 0, off = 0, n;
	int rc;

	if (outsz == 0)
		return -1;
	out[0] = '\0';
	rc = collect_read_file(gen_collect(ctx), path, SYSVALUE_CAP, &data,
	    &len);
	if (rc < 0)
		return rc;
	if (txt_next_line(data, len, &off, &line))
		line = txt_trim(line);
	n = line.len < outsz - 1 ? line.len : outsz - 1;
	memcpy(out, line.p, n);
	out[n] = '\0';
	free(data);
	return 0;
}
