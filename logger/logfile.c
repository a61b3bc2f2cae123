/* The log files and their rotation; see logfile.h. */
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain.h"
#include "logfile.h"

#define TAIL_MAX	(1 << 20)	/* the longest last line looked at */


int
logfile_line_key(enum stream s, const char *line, size_t len, uint64_t *key)
{
	unsigned char link[CHAIN_LINK_LEN];
	const char *p;
	size_t objlen;
	char *end;

	if (!stream_is_signatures(s))
		return chain_parse_line(line, len, &objlen, key, link);
	if (len < 9 || memcmp(line, "{\"first\":", 9) != 0 ||
	    (p = memchr(line, ',', len)) == NULL ||
	    (size_t)(line + len - p) < 8 || memcmp(p, ",\"last\":", 8) != 0)
		return -1;
	*key = strtoull(p + 8, &end, 10);
	return end == p + 8 ? -1 : 0;
}

/* The last whole line of an open file; a half line after it is cut. */
static int
last_line_key(int fd, enum stream s, uint64_t *size, uint64_t *key)
{
	struct stat st;
	size_t n, i;
	char *buf;
	ssize_t got;
	off_t from;

	*key = 0;
	if (fstat(fd, &st) == -1)
		return -1;
	n = st.st_size < TAIL_MAX ? (size_t)st.st_size : TAIL_MAX;
	from = st.st_size - (off_t)n;
	if (n == 0 || (buf = malloc(n)) == NULL) {
		*size = (uint64_t)st.st_size;
		return n == 0 ? 0 : -1;
	}
	got = pread(fd, buf, n, from);
	n = got > 0 ? (size_t)got : 0;
	/* Cut what follows the last newline: a write a crash broke. */
	for (i = n; i > 0 && buf[i - 1] != '\n'; i--)
		;
	if (i < n && ftruncate(fd, from + (off_t)i) == -1) {
		free(buf);
		return -1;
	}
	*size = (uint64_t)(from + (off_t)i);
	if (i > 0) {
		size_t end = i - 1, start = end;

		while (start > 0 && buf[start - 1] != '\n')
			start--;
		logfile_line_key(s, buf + start, end - start, key);
	}
	free(buf);
	return 0;
}

static int
open_stream(struct logfiles *lf, enum stream s)
{
	lf->fd[s] = openat(lf->dirfd, stream_file(s), O_WRONLY | O_APPEND |
	    O_CREAT | O_CLOEXEC | O_NOFOLLOW, (mode_t)lf->mode);
	if (lf->fd[s] == -1)
		return -1;
	return last_line_key(lf->fd[s], s, &lf->size[s], &lf->written[s]);
}

/* After a crash between a rotation and the first write, the live file
 * is empty: the last key is in x.log.1. */
static void
key_from_rotated(struct logfiles *lf, enum stream s)
{
	char name[256];
	uint64_t size, key;
	int fd;

	snprintf(name, sizeof(name), "%s.1", stream_file(s));
	if ((fd = openat(lf->dirfd, name, O_RDWR | O_CLOEXEC |
	    O_NOFOLLOW)) == -1)
		return;
	if (last_line_key(fd, s, &size, &key) == 0)
		lf->written[s] = key;
	close(fd);
}

int
logfiles_open(struct logfiles *lf)
{
	int s;

	for (s = 0; s < STREAM_MAX; s++)
		lf->fd[s] = -1;
	for (s = 0; s < STREAM_MAX; s++) {
		if (open_stream(lf, (enum stream)s) == -1)
			return -1;
		if (lf->size[s] == 0)
			key_from_rotated(lf, (enum stream)s);
	}
	return 0;
}

void
logfiles_close(struct logfiles *lf)
{
	int s;

	for (s = 0; s < STREAM_MAX; s++)
		if (lf->fd[s] != -1) {
			close(lf->fd[s]);
			lf->fd[s] = -1;
		}
}

static int
rotated_name(char *buf, size_t len, enum stream s, uint32_t n)
{
	if (n == 0)
		return snprintf(buf, len, "%s", stream_file(s));
	return snprintf(buf, len, "%s.%u", stream_file(s), n);
}

/* x.log -> x.log.1 -> ... ; the oldest beyond max_files goes. */
static int
rotate_one(struct logfiles *lf, enum stream s)
{
	char from[256], to[256];
	uint32_t n;

	if (fdatasync(lf->fd[s]) == -1)
		return -1;
	rotated_name(to, sizeof(to), s, lf->max_files - 1);
	if (lf->max_files > 1)
		unlinkat(lf->dirfd, to, 0);
	for (n = lf->max_files - 1; n > 0; n--) {
		rotated_name(from, sizeof(from), s, n - 1);
		rotated_name(to, sizeof(to), s, n);
		if (renameat(lf->dirfd, from, lf->dirfd, to) == -1 &&
		    errno != ENOENT)
			return -1;
	}
	if (lf->max_files <= 1)
		unlinkat(lf->dirfd, stream_file(s), 0);
	close(lf->fd[s]);
	lf->fd[s] = openat(lf->dirfd, stream_file(s), O_WRONLY | O_APPEND |
	    O_CREAT | O_CLOEXEC | O_NOFOLLOW, (mode_t)lf->mode);
	lf->size[s] = 0;
	return lf->fd[s] == -1 ? -1 : 0;
}

/* A stream of lines and its signatures, so that file N of one holds the
 * signatures of file N of the other. */
static int
rotate(struct logfiles *lf, enum stream s)
{
	if (rotate_one(lf, stream_signatures(s)) == -1)
		return -1;
	return rotate_one(lf, s);
}

static int
rotation_due(const struct logfiles *lf, enum stream s, size_t len)
{
	return lf->rotate && !stream_is_signatures(s) && !lf->open_batch[s] &&
	    lf->size[s] > 0 && lf->size[s] + len + 1 > lf->rotate_size;
}

int
logfiles_append(struct logfiles *lf, enum stream s, uint64_t key,
    const char *line, size_t len)
{
	struct iovec iov[2] = {
		{ (void *)(uintptr_t)line, len }, { (void *)"\n", 1 }
	};
	ssize_t n;
	int err;

	if (lf->fd[s] == -1)
		return -EBADF;
	if (rotation_due(lf, s, len) && rotate(lf, s) == -1)
		return -errno;
	n = writev(lf->fd[s], iov, 2);
	if (n == (ssize_t)len + 1) {
		lf->size[s] += (uint64_t)n;
		lf->written[s] = key;
		lf->dirty[s] = 1;
		if (stream_is_signatures(s))
			lf->open_batch[stream_signed(s)] = 0;
		else
			lf->open_batch[s] = 1;
		return 0;
	}
	err = n == -1 ? errno : ENOSPC;
	/* Undo half a line: the file stays whole lines. */
	if (ftruncate(lf->fd[s], (off_t)lf->size[s]) == -1)
		err = errno;
	return -err;
}

int
logfiles_sync(struct logfiles *lf)
{
	int s, rc = 0;

	for (s = 0; s < STREAM_MAX; s++) {
		if (!lf->dirty[s])
			continue;
		if (fdatasync(lf->fd[s]) == -1)
			rc = -errno;
		else
			lf->dirty[s] = 0;
	}
	return rc;
}
