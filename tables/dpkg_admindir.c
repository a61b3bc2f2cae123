/* The admindirs of the deb tables; see dpkg_admindir.h. */
#include "dirlist.h"
#include "dpkg_admindir.h"

int
dpkg_admindir_each(struct gen_ctx *ctx, int col, dpkg_admindir_fn fn)
{
	const char *dir;
	int i, n, rc = 0;

	n = gen_count(ctx, col, GEN_EQ);
	if (n == 0)
		rc = fn(ctx, DPKG_ADMINDIR);
	for (i = 0; i < n && rc == 0; i++)
		if ((dir = gen_text(ctx, col, GEN_EQ, i)) != NULL)
			rc = fn(ctx, dir);
	if (rc == -1)
		gen_error(ctx, "out of memory");
	return rc;
}

int
dpkg_admindir_path(struct gen_ctx *ctx, const char *admindir,
    const char *name, char *buf, size_t len)
{
	if (dirlist_path(admindir, name, buf, len) == -1) {
		gen_warn(ctx, "admindir '%s' is not an absolute path",
		    admindir);
		return -1;
	}
	return 0;
}
