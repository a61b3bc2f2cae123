/*
 * The file primitives: read a file, open one for reading, list a
 * directory, stat, statfs, read a link.  Each decodes its request exactly, checks
 * the path and the policy (resolve.c), does the one system call it is
 * about and sends back what the kernel said, unparsed.
 */
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

/* Decode "str path" plus nothing else; -1 on a malformed request. */
static int
decode_path(const struct msg *m, struct rd *r, const char **path)
{
	rd_init(r, m->payload, m->hdr.len);
	if (rd_str(r, path, IPC_MAX_PATH) == -1)
		return -1;
	/* A path no honest worker sends: relative, "..", "//", NUL. */
	return policy_path_canonical(*path) ? 0 : -1;
}

/* Open for a request, logging a refusal; 0, or the errno replied. */
static int
open_for(struct child *c, const struct msg *m, enum pol_prim prim,
    const char *path, int oflags, int *fd, struct pol_terms *terms)
{
	int err = open_beneath(c, prim, path, oflags, fd, terms);

	if (err == EACCES)
		refuse_log(c, m, path, "not allowed by the policy");
	return err;
}

static int
require_regular(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == -1)
		return errno;
	return S_ISREG(st.st_mode) ? 0 : EINVAL;
}

static int
send_file_data(struct child *c, uint32_t id, int fd, uint64_t cap,
    uint64_t *total)
{
	char buf[REPLY_DATA_CHUNK];
	ssize_t n;
	size_t want;

	*total = 0;
	while (*total < cap) {
		want = cap - *total < sizeof(buf) ? cap - *total : sizeof(buf);
		if ((n = read(fd, buf, want)) == -1) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (n == 0)
			break;
		if (reply_data(c, id, buf, (size_t)n) == -1)
			return -1;
		*total += (uint64_t)n;
	}
	return 0;
}

/* The whole file, up to cap bytes, in memory. */
static int
slurp(int fd, uint64_t cap, char **buf, size_t *len)
{
	size_t size = 0, room = 0;
	char *p = NULL, *bigger;
	ssize_t n;

	for (;;) {
		if (size == room) {
			room = room == 0 ? 8192 : room * 2;
			if ((bigger = realloc(p, room)) == NULL) {
				free(p);
				return ENOMEM;
			}
			p = bigger;
		}
		if ((n = read(fd, p + size, room - size)) == -1) {
			if (errno == EINTR)
				continue;
			free(p);
			return errno;
		}
		if (n == 0 || (size += (size_t)n) >= cap)
			break;
	}
	*buf = p;
	*len = size < cap ? size : cap;
	return 0;
}

/* A file with a crypt field: redacted in memory before a byte leaves. */
static int
send_redacted(struct child *c, uint32_t id, int fd, uint64_t cap,
    unsigned int field, uint64_t *total)
{
	char *buf = NULL;
	size_t len = 0;
	int err;

	*total = 0;
	if ((err = slurp(fd, cap, &buf, &len)) != 0)
		return err;
	len = redact_crypt_field(buf, len, field);
	err = reply_data(c, id, buf, len);
	free(buf);
	*total = len;
	return err;
}

/* The bytes of an open regular file, on the policy's terms. */
static int
send_on_terms(struct child *c, uint32_t id, int fd, uint64_t cap,
    const struct pol_terms *terms, uint64_t *total)
{
	int err;

	if ((err = require_regular(fd)) != 0)
		return err;
	if (terms->limit != 0 && cap > terms->limit)
		cap = terms->limit;
	if (terms->crypt_field != 0)
		return send_redacted(c, id, fd, cap, terms->crypt_field,
		    total);
	return send_file_data(c, id, fd, cap, total);
}

int
serve_read_file(struct child *c, const struct msg *m)
{
	struct rd r;
	struct pol_terms terms;
	const char *path;
	uint64_t cap, total = 0;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_u64(&r, &cap) == -1 ||
	    rd_end(&r) == -1 || cap > IPC_MAX_READ_CAP)
		return -1;
	/* O_NONBLOCK: a FIFO or a file like /proc/kmsg must not hang us. */
	err = open_for(c, m, POL_READ, path, O_RDONLY | O_NONBLOCK |
	    O_NOCTTY, &fd, &terms);
	if (err == 0) {
		err = send_on_terms(c, m->hdr.id, fd, cap, &terms, &total);
		close(fd);
		if (err == -1)
			return 0;	/* the child is gone already */
	}
	reply_end(c, m->hdr.id, err, total);
	return 0;
}

int
serve_open_file(struct child *c, const struct msg *m)
{
	struct rd r;
	struct pol_terms terms;
	const char *path;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_end(&r) == -1)
		return -1;
	err = open_for(c, m, POL_READ, path, O_RDONLY | O_NONBLOCK |
	    O_NOCTTY, &fd, &terms);
	/* A descriptor would hand over the whole file: a file with terms
	 * is only read, through READ_FILE. */
	if (err == 0 && (terms.limit != 0 || terms.crypt_field != 0)) {
		close(fd);
		refuse_log(c, m, path, "readable only on the policy's terms");
		err = EACCES;
	}
	if (err == 0) {
		if ((err = require_regular(fd)) == 0 &&
		    fcntl(fd, F_SETFL, 0) == -1)
			err = errno;
		if (err == 0 &&
		    reply_send(c, MSG_FD, m->hdr.id, NULL, fd) == -1) {
			close(fd);
			return 0;
		}
		close(fd);
	}
	reply_end(c, m->hdr.id, err, 0);
	return 0;
}

/* Entries go out in as few DIRENTS messages as fit. */
static int
send_dirents(struct child *c, uint32_t id, DIR *d, uint64_t *count)
{
	struct dirent *de;
	struct wr w;
	size_t need;

	wr_init(&w);
	*count = 0;
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		need = 2 + strlen(de->d_name) + 1 + 1 + 8;
		if (wr_room(&w) < need) {
			if (reply_send(c, MSG_DIRENTS, id, &w, -1) == -1)
				return -1;
			wr_init(&w);
		}
		wr_str(&w, de->d_name);
		wr_u8(&w, de->d_type);
		wr_u64(&w, de->d_ino);
		(*count)++;
	}
	if (errno != 0)
		return errno;
	if (w.len > 0 && reply_send(c, MSG_DIRENTS, id, &w, -1) == -1)
		return -1;
	return 0;
}

int
serve_list_dir(struct child *c, const struct msg *m)
{
	struct rd r;
	const char *path;
	uint64_t count = 0;
	DIR *d;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_end(&r) == -1)
		return -1;
	err = open_for(c, m, POL_LIST, path, O_RDONLY | O_DIRECTORY, &fd,
	    NULL);
	if (err == 0) {
		if ((d = fdopendir(fd)) == NULL) {
			err = errno;
			close(fd);
		} else {
			err = send_dirents(c, m->hdr.id, d, &count);
			closedir(d);
			if (err == -1)
				return 0;
		}
	}
	reply_end(c, m->hdr.id, err, count);
	return 0;
}

static void
encode_statx(struct wr *w, const struct statx *sx)
{
	wr_u64(w, makedev(sx->stx_dev_major, sx->stx_dev_minor));
	wr_u64(w, sx->stx_ino);
	wr_u32(w, sx->stx_mode);
	wr_u32(w, sx->stx_nlink);
	wr_u32(w, sx->stx_uid);
	wr_u32(w, sx->stx_gid);
	wr_u64(w, makedev(sx->stx_rdev_major, sx->stx_rdev_minor));
	wr_i64(w, (int64_t)sx->stx_size);
	wr_i64(w, sx->stx_blksize);
	wr_i64(w, (int64_t)sx->stx_blocks);
	wr_i64(w, sx->stx_atime.tv_sec);
	wr_i64(w, sx->stx_mtime.tv_sec);
	wr_i64(w, sx->stx_ctime.tv_sec);
	wr_i64(w, (sx->stx_mask & STATX_BTIME) ? sx->stx_btime.tv_sec : -1);
}

int
serve_stat(struct child *c, const struct msg *m)
{
	struct rd r;
	struct statx sx;
	struct wr w;
	const char *path;
	uint8_t follow;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_u8(&r, &follow) == -1 ||
	    rd_end(&r) == -1 || follow > 1)
		return -1;
	err = open_for(c, m, POL_STAT, path, O_PATH |
	    (follow ? 0 : O_NOFOLLOW), &fd, NULL);
	if (err == 0) {
		if (statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW,
		    STATX_BASIC_STATS | STATX_BTIME, &sx) == -1)
			err = errno;
		close(fd);
	}
	if (err == 0) {
		wr_init(&w);
		encode_statx(&w, &sx);
		if (reply_send(c, MSG_STAT_INFO, m->hdr.id, &w, -1) == -1)
			return 0;
	}
	reply_end(c, m->hdr.id, err, 0);
	return 0;
}

int
serve_readlink(struct child *c, const struct msg *m)
{
	struct rd r;
	struct wr w;
	const char *path;
	char target[PATH_MAX];
	ssize_t n = -1;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_end(&r) == -1)
		return -1;
	err = open_for(c, m, POL_STAT, path, O_PATH | O_NOFOLLOW, &fd, NULL);
	if (err == 0) {
		if ((n = readlinkat(fd, "", target, sizeof(target) - 1)) == -1)
			err = errno;
		close(fd);
	}
	if (err == 0) {
		wr_init(&w);
		wr_strn(&w, target, (size_t)n);
		if (reply_send(c, MSG_LINK, m->hdr.id, &w, -1) == -1)
			return 0;
	}
	reply_end(c, m->hdr.id, err, 0);
	return 0;
}

static void
encode_statfs(struct wr *w, const struct statfs *sf)
{
	wr_u64(w, (uint64_t)sf->f_type);
	wr_u64(w, (uint64_t)sf->f_bsize);
	wr_u64(w, sf->f_blocks);
	wr_u64(w, sf->f_bfree);
	wr_u64(w, sf->f_bavail);
	wr_u64(w, sf->f_files);
	wr_u64(w, sf->f_ffree);
	wr_u64(w, (uint64_t)sf->f_flags);
	wr_u64(w, (uint64_t)sf->f_namelen);
}

/* The filesystem a path is on, under the policy's stat rules. */
int
serve_statfs(struct child *c, const struct msg *m)
{
	struct rd r;
	struct wr w;
	struct statfs sf;
	const char *path;
	int fd, err;

	if (decode_path(m, &r, &path) == -1 || rd_end(&r) == -1)
		return -1;
	err = open_for(c, m, POL_STAT, path, O_PATH, &fd, NULL);
	if (err == 0) {
		if (fstatfs(fd, &sf) == -1)
			err = errno;
		close(fd);
	}
	if (err == 0) {
		wr_init(&w);
		encode_statfs(&w, &sf);
		if (reply_send(c, MSG_STATFS_INFO, m->hdr.id, &w, -1) == -1)
			return 0;
	}
	reply_end(c, m->hdr.id, err, 0);
	return 0;
}
