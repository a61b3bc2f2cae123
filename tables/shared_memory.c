/*
 * shared_memory: the System V shared memory segments of privd's IPC
 * namespace, from /proc/sysvipc/shm (what ipcs -m shows).  permissions
 * is the octal mode ("0600"); the SHM_DEST and SHM_LOCKED flags the
 * kernel keeps in the same word are in status and locked instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysvipc.h"
#include "table.h"

#define SHM_FILE	"/proc/sysvipc/shm"
#define SHM_FILE_CAP	(16u << 20)

enum {
	C_SHMID, C_OWNER_UID, C_CREATOR_UID, C_PID, C_CREATOR_PID, C_ATIME,
	C_DTIME, C_CTIME, C_PERMISSIONS, C_SIZE, C_ATTACHED, C_STATUS,
	C_LOCKED,
};

static const struct column columns[] = {
	[C_SHMID] = { "shmid", COL_INTEGER, 0, NULL,
	    "Shared memory segment ID" },
	[C_OWNER_UID] = { "owner_uid", COL_BIGINT, 0, NULL,
	    "User ID of owning process" },
	[C_CREATOR_UID] = { "creator_uid", COL_BIGINT, 0, NULL,
	    "User ID of creator process" },
	[C_PID] = { "pid", COL_BIGINT, 0, NULL,
	    "Process ID to last use the segment" },
	[C_CREATOR_PID] = { "creator_pid", COL_BIGINT, 0, NULL,
	    "Process ID that created the segment" },
	[C_ATIME] = { "atime", COL_BIGINT, 0, NULL,
	    "Attached time" },
	[C_DTIME] = { "dtime", COL_BIGINT, 0, NULL,
	    "Detached time" },
	[C_CTIME] = { "ctime", COL_BIGINT, 0, NULL,
	    "Changed time" },
	[C_PERMISSIONS] = { "permissions", COL_TEXT, 0, NULL,
	    "Memory segment permissions" },
	[C_SIZE] = { "size", COL_BIGINT, 0, NULL, "Size in bytes" },
	[C_ATTACHED] = { "attached", COL_INTEGER, 0, NULL,
	    "Number of attached processes" },
	[C_STATUS] = { "status", COL_TEXT, 0, NULL,
	    "Destination/attach status" },
	[C_LOCKED] = { "locked", COL_INTEGER, 0, NULL,
	    "1 if segment is locked else 0" },
};

static int64_t
clamp_u64(uint64_t v)
{
	return v <= INT64_MAX ? (int64_t)v : INT64_MAX;
}

static int
segment_row(struct gen_ctx *ctx, const struct sysvipc_shm *s)
{
	char perms[8];

	snprintf(perms, sizeof(perms), "%04o", (unsigned int)(s->mode & 0777));
	row_begin(ctx);
	row_int(ctx, C_SHMID, s->shmid);
	row_int(ctx, C_OWNER_UID, s->uid);
	row_int(ctx, C_CREATOR_UID, s->cuid);
	row_int(ctx, C_PID, s->lpid);
	row_int(ctx, C_CREATOR_PID, s->cpid);
	row_int(ctx, C_ATIME, s->atime);
	row_int(ctx, C_DTIME, s->dtime);
	row_int(ctx, C_CTIME, s->ctime);
	row_text(ctx, C_PERMISSIONS, perms);
	row_int(ctx, C_SIZE, clamp_u64(s->size));
	row_int(ctx, C_ATTACHED, clamp_u64(s->nattch));
	row_text(ctx, C_STATUS, s->mode & SYSVIPC_SHM_DEST ? "dest" : "");
	row_int(ctx, C_LOCKED, (s->mode & SYSVIPC_SHM_LOCKED) != 0);
	return row_end(ctx);
}

static int
shared_memory_generate(struct gen_ctx *ctx)
{
	struct sysvipc_shm s;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc, malformed = 0;

	rc = collect_read_file(gen_collect(ctx), SHM_FILE, SHM_FILE_CAP,
	    &data, &len);
	if (rc < 0) {
		/* A kernel without System V IPC has no such file. */
		gen_warn(ctx, "%s: %s", SHM_FILE, strerror(-rc));
		return 0;
	}
	while ((rc = sysvipc_shm_next(data, len, &off, &s)) != 0) {
		if (rc == -1) {
			malformed++;
			continue;
		}
		if (segment_row(ctx, &s) == -1) {
			free(data);
			gen_error(ctx, "shared_memory: out of memory");
			return -1;
		}
	}
	free(data);
	if (malformed > 0)
		gen_warn(ctx, "%d malformed lines in %s", malformed, SHM_FILE);
	return 0;
}

const struct table table_shared_memory = {
	.name = "shared_memory",
	.description = "OS shared memory regions (System V segments of the "
	    "IPC namespace hostql runs in).",
	.example = "SELECT shmid, owner_uid, size, attached, permissions "
	    "FROM shared_memory",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = shared_memory_generate,
};
