/*
 * PROC_READ: the same files of many processes in one batch.  privd builds
 * every path itself, /proc/<pid>/<file> from the fixed list of kinds, so
 * the worker never names a path under a process.  Records are packed into
 * as few messages as fit; a large file is split across records.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

/* A process file bigger than this is cut (maps of huge processes). */
#define PROC_FILE_CAP	(8u << 20)
#define RECORD_OVERHEAD	(4 + 1 + 4 + 1 + 4)

/* The file of a kind under /proc/<pid>: its policy name, but for the
 * descriptor directory. */
static const char *
kind_file(unsigned int kind)
{
	return kind == PROC_FDS ? "fd" : proc_kind_name(kind);
}

struct batch {
	struct child	*c;
	uint32_t	 id;
	struct wr	 w;
	uint64_t	 records;
	int32_t		 pids[IPC_MAX_PIDS];
	char		 buf[65536];	/* one file or link list at a time */
};

static int
batch_flush(struct batch *b)
{
	if (b->w.len == 0)
		return 0;
	if (reply_send(b->c, MSG_PROC_DATA, b->id, &b->w, -1) == -1)
		return -1;
	wr_init(&b->w);
	return 0;
}

/* Add one record, or several with more = 1 when it does not fit. */
static int
batch_add(struct batch *b, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len, int more)
{
	size_t room, part;

	do {
		if (wr_room(&b->w) < RECORD_OVERHEAD + 64 &&
		    batch_flush(b) == -1)
			return -1;
		room = wr_room(&b->w) - RECORD_OVERHEAD;
		part = len < room ? len : room;
		wr_i32(&b->w, pid);
		wr_u8(&b->w, (uint8_t)kind);
		wr_i32(&b->w, err);
		wr_u8(&b->w, (uint8_t)(part < len || more));
		wr_bytes(&b->w, data, part);
		b->records++;
		if (part > 0)
			data += part;
		len -= part;
	} while (len > 0);
	return 0;
}

/* Stream one per-process file into records, without a size limit of our
 * buffer: each full buffer goes out as a record with more = 1. */
static int
add_file(struct batch *b, int pidfd, int32_t pid, unsigned int kind)
{
	size_t total = 0, have = 0;
	ssize_t n;
	int fd;

	fd = openat(pidfd, kind_file(kind), O_RDONLY | O_CLOEXEC |
	    O_NOFOLLOW | O_NONBLOCK);
	if (fd == -1)
		return batch_add(b, pid, kind, errno, NULL, 0, 0);
	for (;;) {
		n = read(fd, b->buf + have, sizeof(b->buf) - have);
		if (n <= 0 || total + (size_t)n >= PROC_FILE_CAP)
			break;
		have += (size_t)n;
		total += (size_t)n;
		if (have == sizeof(b->buf)) {
			if (batch_add(b, pid, kind, 0, b->buf, have, 1) == -1)
				goto fail;
			have = 0;
		}
	}
	if (n == -1 && total == 0) {
		close(fd);
		return batch_add(b, pid, kind, errno, NULL, 0, 0);
	}
	close(fd);
	return batch_add(b, pid, kind, 0, b->buf, have, 0);
fail:
	close(fd);
	return -1;
}

static int
add_link(struct batch *b, int pidfd, int32_t pid, unsigned int kind)
{
	ssize_t n;

	n = readlinkat(pidfd, kind_file(kind), b->buf, sizeof(b->buf));
	if (n == -1)
		return batch_add(b, pid, kind, errno, NULL, 0, 0);
	return batch_add(b, pid, kind, 0, b->buf, (size_t)n, 0);
}

/* The links of a directory (fd/, ns/) as a sequence of (name or number,
 * target), encoded with the wire's own field functions. */
static int
add_link_dir(struct batch *b, int pidfd, int32_t pid, unsigned int kind)
{
	char target[PATH_MAX];
	struct dirent *de;
	struct wr list;
	DIR *d;
	ssize_t n;
	int fd;

	fd = openat(pidfd, kind_file(kind), O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return batch_add(b, pid, kind, errno, NULL, 0, 0);
	}
	wr_init(&list);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		n = readlinkat(dirfd(d), de->d_name, target,
		    sizeof(target) - 1);
		if (n == -1)
			continue;	/* closed meanwhile */
		if (wr_room(&list) < (size_t)n + 16) {
			if (batch_add(b, pid, kind, 0, (char *)list.buf,
			    list.len, 1) == -1)
				goto fail;
			wr_init(&list);
		}
		if (kind == PROC_FDS)
			wr_u32(&list, (uint32_t)strtoul(de->d_name, NULL, 10));
		else
			wr_str(&list, de->d_name);
		wr_strn(&list, target, (size_t)n);
	}
	closedir(d);
	return batch_add(b, pid, kind, 0, (char *)list.buf, list.len, 0);
fail:
	closedir(d);
	return -1;
}

static int
add_pid(struct batch *b, int procfd, int32_t pid, uint32_t kinds)
{
	char name[16];
	unsigned int k;
	int pidfd, rc = 0;

	snprintf(name, sizeof(name), "%d", (int)pid);
	pidfd = openat(procfd, name, O_PATH | O_DIRECTORY | O_CLOEXEC);
	for (k = 0; k < PROC_KIND_MAX && rc == 0; k++) {
		if (!(kinds & PROC_KIND_BIT(k)))
			continue;
		if (pidfd == -1)
			rc = batch_add(b, pid, k, errno, NULL, 0, 0);
		else if (k == PROC_EXE || k == PROC_CWD || k == PROC_ROOT)
			rc = add_link(b, pidfd, pid, k);
		else if (k == PROC_FDS || k == PROC_NS)
			rc = add_link_dir(b, pidfd, pid, k);
		else
			rc = add_file(b, pidfd, pid, k);
	}
	if (pidfd != -1)
		close(pidfd);
	return rc;
}

static int
all_pids(struct batch *b, int procfd, uint32_t kinds)
{
	struct dirent *de;
	DIR *d;
	int fd, rc = 0;

	if ((fd = dup(procfd)) == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return errno;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		rc = add_pid(b, procfd, (int32_t)atoi(de->d_name), kinds);
	}
	closedir(d);
	return rc;
}

static int
decode_proc_read(const struct msg *m, uint32_t *kinds, int32_t *pids,
    uint32_t *npids)
{
	struct rd r;
	uint32_t i;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u32(&r, kinds) == -1 || rd_u32(&r, npids) == -1 ||
	    *npids > IPC_MAX_PIDS || *kinds == 0 ||
	    (*kinds >> PROC_KIND_MAX) != 0)
		return -1;
	for (i = 0; i < *npids; i++)
		if (rd_i32(&r, &pids[i]) == -1 || pids[i] <= 0)
			return -1;
	return rd_end(&r);
}

int
serve_proc_read(struct child *c, const struct msg *m)
{
	struct batch *b;
	uint32_t kinds, npids, i, allowed;
	int procfd, rc = 0;

	if ((b = calloc(1, sizeof(*b))) == NULL)
		fatal("proc batch");
	if (decode_proc_read(m, &kinds, b->pids, &npids) == -1) {
		free(b);
		return -1;
	}
	allowed = policy_proc_kinds(c->pd->policy);
	if ((kinds & ~allowed) != 0) {
		refuse_log(c, m, "of a kind", "not allowed by the policy");
		free(b);
		reply_end(c, m->hdr.id, EACCES, 0);
		return 0;
	}
	if ((procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		free(b);
		reply_end(c, m->hdr.id, errno, 0);
		return 0;
	}
	b->c = c;
	b->id = m->hdr.id;
	wr_init(&b->w);
	if (npids == 0)
		rc = all_pids(b, procfd, kinds);
	for (i = 0; i < npids && rc == 0; i++)
		rc = add_pid(b, procfd, b->pids[i], kinds);
	close(procfd);
	if (rc == 0 && batch_flush(b) == -1)
		rc = -1;
	if (rc != -1)
		reply_end(c, m->hdr.id, rc, b->records);
	free(b);
	return 0;
}
