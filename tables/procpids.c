/*
 * Pid push-down for the tables made from /proc/<pid> files.  The pids
 * are sorted and each kept once, so an IN list that names a process
 * twice reads it once and its rows come out once, in pid order as the
 * unconstrained scan gives them.
 */
#include <errno.h>
#include <stdlib.h>

#include "proclinks.h"
#include "procpids.h"

static int
cmp_pid(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* The valid pids among the n equalities of col, sorted, each once. */
static int32_t *
constrained_pids(struct gen_ctx *ctx, int col, int n, size_t *npids)
{
	int32_t *pids;
	size_t m = 0, i, j;
	int64_t v;
	int k;

	if ((pids = calloc((size_t)n, sizeof(*pids))) == NULL)
		return NULL;
	for (k = 0; k < n; k++) {
		v = gen_int(ctx, col, GEN_EQ, k);
		if (v > 0 && v <= INT32_MAX)
			pids[m++] = (int32_t)v;
	}
	qsort(pids, m, sizeof(*pids), cmp_pid);
	for (i = j = 0; i < m; i++)
		if (j == 0 || pids[j - 1] != pids[i])
			pids[j++] = pids[i];
	*npids = j;
	return pids;
}

int
procpids_read(struct gen_ctx *ctx, int col, uint32_t kinds,
    collect_proc_fn cb, void *arg)
{
	struct collect *c = gen_collect(ctx);
	int32_t *pids;
	size_t npids = 0;
	int neq, rc = 0;

	neq = gen_count(ctx, col, GEN_EQ);
	if (neq <= 0)
		return collect_proc_read(c, NULL, 0, kinds, cb, arg);
	if ((pids = constrained_pids(ctx, col, neq, &npids)) == NULL)
		return -ENOMEM;
	/* No pid asked for can exist: nothing to read. */
	if (npids > 0)
		rc = collect_proc_read(c, pids, npids, kinds, cb, arg);
	free(pids);
	return rc;
}

int
procpids_fds(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct procpids_fds *w = arg;
	struct proclinks c;
	struct span target;
	uint32_t fd;
	int rc;

	if (err != 0 || kind != PROC_FDS)
		return 0;
	proclinks_init(&c, data, len);
	while ((rc = proclinks_next_fd(&c, &fd, &target)) == 1)
		if ((w->stopped = w->fn(w->arg, pid, fd, target)) != 0)
			return 1;
	if (rc == -1)
		w->malformed++;
	return 0;
}
