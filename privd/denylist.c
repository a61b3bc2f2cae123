/*
 * The watchdog's denylist, kept across hostqld's restarts as osquery
 * keeps it in its database: without it, the query that took the worker
 * down would run again as soon as hostqld is back (systemd after the
 * crash budget, a reboot) and take it down again.
 *
 * The file "denylist" in the state directory, root's and 0600, holds one
 * line per entry, "<until> <name>\n", until in unix seconds.  It is
 * written whole at every change (a temporary file, fsync, rename, so that
 * a crash leaves the old list or the new one, never half of one) and
 * read once at start.  privd reads no file but its own here, and trusts
 * even that no further than its shape: a file out of shape is rejected
 * whole, with a warning, and hostqld goes on with an empty list.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "daemon.h"

#define DENYLIST_TMP	"denylist.tmp"
/* A line's time has at most as many digits as INT64_MAX. */
#define UNTIL_DIGITS	19

/* A name a line can hold: not empty, shorter than struct denied's room,
 * and without a control character (a newline would make two lines). */
static int
name_fits(const char *name, size_t len, size_t room)
{
	size_t i;

	if (len == 0 || len >= room)
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	return 1;
}

/* Digits only, no sign, no leading zero, at most UNTIL_DIGITS of them
 * (so that the sum cannot overflow); *p moves past them. */
static int
parse_until(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;
	size_t n = 0;

	*v = 0;
	while (s + n < end && s[n] >= '0' && s[n] <= '9') {
		if (n == UNTIL_DIGITS)
			return -1;
		*v = *v * 10 + (uint64_t)(s[n] - '0');
		n++;
	}
	if (n == 0 || (n > 1 && s[0] == '0'))
		return -1;
	*p = s + n;
	return 0;
}

static int __attribute__((format(printf, 4, 5)))
reject(size_t *n, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	*n = 0;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * The entries of a file's text still in force at now, in out[0..*n).
 * An entry more than a day ahead is brought back to a day (a clock set
 * back must not stretch it).  0, or -1 with *n = 0 and the reason in err.
 */
int
denylist_parse(const char *buf, size_t len, time_t now, struct denied *out,
    size_t max, size_t *n, char *err, size_t errlen)
{
	const char *p = buf, *end = buf + len, *nl;
	uint64_t until, t = now > 0 ? (uint64_t)now : 0;
	size_t line = 0, nlen;

	*n = 0;
	if (len > DENYLIST_FILE_MAX)
		return reject(n, err, errlen, "larger than %zu bytes",
		    (size_t)DENYLIST_FILE_MAX);
	while (p < end) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return reject(n, err, errlen, "line %zu does not end "
			    "in a newline", line);
		if (parse_until(&p, nl, &until) == -1)
			return reject(n, err, errlen, "line %zu does not start "
			    "with a time in seconds", line);
		if (p == nl || *p++ != ' ')
			return reject(n, err, errlen, "line %zu has no space "
			    "after its time", line);
		nlen = (size_t)(nl - p);
		if (!name_fits(p, nlen, sizeof(out->name)))
			return reject(n, err, errlen, "line %zu has no query "
			    "name, or one too long or with control characters",
			    line);
		if (until > t) {
			if (*n == max)
				return reject(n, err, errlen, "more than %zu "
				    "entries in force", max);
			memcpy(out[*n].name, p, nlen);
			out[*n].name[nlen] = '\0';
			out[*n].until = (time_t)(until - t < DENYLIST_SECONDS ?
			    until : t + DENYLIST_SECONDS);
			(*n)++;
		}
		p = nl + 1;
	}
	return 0;
}

/*
 * The file's text: one line for each entry still in force at now whose
 * name a line can hold.  0 with the length in *len, or -1 when size is
 * too small.
 */
int
denylist_format(const struct denied *e, size_t n, time_t now, char *buf,
    size_t size, size_t *len)
{
	size_t i;
	int w;

	*len = 0;
	for (i = 0; i < n; i++) {
		if (e[i].until <= now ||
		    !name_fits(e[i].name, strlen(e[i].name), sizeof(e[i].name)))
			continue;
		w = snprintf(buf + *len, size - *len, "%lld %s\n",
		    (long long)e[i].until, e[i].name);
		if (w < 0 || (size_t)w >= size - *len)
			return -1;
		*len += (size_t)w;
	}
	return 0;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The list replaces the file in dirfd at once: 0, or -1 with errno (the
 * old file then stays as it was). */
int
denylist_write(int dirfd, const struct denied *e, size_t n, time_t now)
{
	char buf[DENYLIST_FILE_MAX];
	size_t len;
	int fd, saved;

	if (denylist_format(e, n, now, buf, sizeof(buf), &len) == -1) {
		errno = EOVERFLOW;
		return -1;
	}
	if ((fd = openat(dirfd, DENYLIST_TMP, O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC | O_NOFOLLOW, 0600)) == -1)
		return -1;
	/* A temporary file a crash left behind may have another mode. */
	if (fchmod(fd, 0600) == -1 || write_all(fd, buf, len) == -1 ||
	    fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlinkat(dirfd, DENYLIST_TMP, 0);
		errno = saved;
		return -1;
	}
	if (close(fd) == -1 || renameat(dirfd, DENYLIST_TMP, dirfd,
	    DENYLIST_FILE) == -1) {
		saved = errno;
		unlinkat(dirfd, DENYLIST_TMP, 0);
		errno = saved;
		return -1;
	}
	/* The rename itself must reach the disk. */
	return fsync(dirfd);
}

/*
 * The entries in force in dirfd's file, read as denylist_parse() does,
 * from a regular file of privd's own that no one else can write.  No
 * file is no entry.  0, or -1 with *n = 0 and the reason in err.
 */
int
denylist_read(int dirfd, time_t now, struct denied *out, size_t max,
    size_t *n, char *err, size_t errlen)
{
	char buf[DENYLIST_FILE_MAX + 1];
	struct stat st;
	size_t len = 0;
	ssize_t r;
	int fd;

	*n = 0;
	/* Non-blocking, so that a FIFO in its place cannot hang privd. */
	if ((fd = openat(dirfd, DENYLIST_FILE, O_RDONLY | O_CLOEXEC |
	    O_NOFOLLOW | O_NONBLOCK)) == -1) {
		if (errno == ENOENT)
			return 0;
		return reject(n, err, errlen, "%s", strerror(errno));
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 022) != 0) {
		close(fd);
		return reject(n, err, errlen, "not a regular file that only "
		    "its owner, hostqld's user, can write");
	}
	while (len < sizeof(buf) &&
	    (r = read(fd, buf + len, sizeof(buf) - len)) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			close(fd);
			return reject(n, err, errlen, "%s", strerror(errno));
		}
		len += (size_t)r;
	}
	close(fd);
	return denylist_parse(buf, len, now, out, max, n, err, errlen);
}

static int
open_state(const struct daemon *d)
{
	return open(dflag_str(&d->flags, DF_DATABASE_PATH), O_RDONLY |
	    O_DIRECTORY | O_CLOEXEC);
}

/* At start: the entries a previous hostqld left in force. */
void
denylist_load(struct daemon *d)
{
	const char *state = dflag_str(&d->flags, DF_DATABASE_PATH);
	time_t now = time(NULL);
	char err[128];
	size_t i;
	int dirfd;

	if ((dirfd = open_state(d)) == -1) {
		log_warn("%s", state);
		return;
	}
	if (denylist_read(dirfd, now, d->denied, DENYLIST_MAX, &d->ndenied,
	    err, sizeof(err)) == -1)
		log_warnx("%s/%s: %s; hostqld goes on without it", state,
		    DENYLIST_FILE, err);
	close(dirfd);
	for (i = 0; i < d->ndenied; i++)
		log_warnx("scheduled query %s stays denylisted for %lld s: the "
		    "worker died in it before hostqld restarted",
		    d->denied[i].name, (long long)(d->denied[i].until - now));
}

/* After a change: the list on disk, for the next hostqld. */
void
denylist_save(struct daemon *d)
{
	const char *state = dflag_str(&d->flags, DF_DATABASE_PATH);
	time_t now = time(NULL);
	size_t i;
	int dirfd;

	/* A name no line can hold stays out of the file, and out of the
	 * warning too, which would print its control characters. */
	for (i = 0; i < d->ndenied; i++)
		if (d->denied[i].until > now && !name_fits(d->denied[i].name,
		    strlen(d->denied[i].name), sizeof(d->denied[i].name)))
			log_warnx("a scheduled query whose name has control "
			    "characters stays denylisted only until hostqld "
			    "restarts");
	if ((dirfd = open_state(d)) == -1 ||
	    denylist_write(dirfd, d->denied, d->ndenied, now) == -1)
		log_warn("%s/%s: the denylist is not kept across restarts",
		    state, DENYLIST_FILE);
	if (dirfd != -1)
		close(dirfd);
}
