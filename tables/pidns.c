/* pid_with_namespace constraints; see pidns.h. */
#include "pidns.h"

int
pidns_other_asked(struct gen_ctx *ctx, int col)
{
	int i, n = gen_count(ctx, col, GEN_EQ);

	for (i = 0; i < n; i++)
		if (gen_int(ctx, col, GEN_EQ, i) != 0) {
			gen_warn(ctx, "pid_with_namespace is not supported");
			return 1;
		}
	return 0;
}
