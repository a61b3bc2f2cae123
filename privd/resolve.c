/*
 * Opening a path for the worker: the policy first, then openat2 beneath
 * the directory the allowing rule names (no "..", no symlink out of it,
 * no magic links), then the deny rules once more against the path the
 * name actually resolved to, so a symlink inside an allowed tree cannot
 * lead to a denied file.
 */
#include <sys/syscall.h>

#include <linux/openat2.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

#define OPENAT2_TRIES	4

/* Beneath the whole tree, an absolute symlink means what it says. */
static int
openat2_beneath(int dirfd, const char *rel, int oflags, int whole_tree)
{
	struct open_how how;

	memset(&how, 0, sizeof(how));
	how.flags = (uint64_t)(oflags | O_CLOEXEC);
	how.resolve = (whole_tree ? RESOLVE_IN_ROOT : RESOLVE_BENEATH) |
	    RESOLVE_NO_MAGICLINKS;
	return (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
}

/* The path an open descriptor really names. */
static int
resolved_path(int fd, char *buf, size_t len)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, buf, len - 1)) == -1)
		return -1;
	buf[n] = '\0';
	return 0;
}

/*
 * 0 with *fd open, or a positive errno (EACCES when refused).  terms, when
 * not NULL, gets the read terms of the name asked for and of the file it
 * resolved to: a link to /etc/shadow is read on /etc/shadow's terms.
 */
int
open_beneath(struct child *c, enum pol_prim prim, const char *path,
    int oflags, int *fd, struct pol_terms *terms)
{
	const char *root, *rel;
	char real[PATH_MAX];
	int rootfd, err, tries;

	*fd = -1;
	if (!policy_allows_path(c->pd->policy, prim, path, &root))
		return EACCES;
	if ((rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1)
		return errno;
	rel = path + strlen(root);
	while (*rel == '/')
		rel++;
	/* EAGAIN: a mount or rename raced the walk; openat2(2) says to try
	 * again. */
	for (tries = 0; tries < OPENAT2_TRIES; tries++) {
		*fd = openat2_beneath(rootfd, *rel == '\0' ? "." : rel, oflags,
		    strcmp(root, "/") == 0);
		if (*fd != -1 || errno != EAGAIN)
			break;
	}
	err = errno;
	close(rootfd);
	if (*fd == -1)
		return err == EXDEV ? EACCES : err;
	if (resolved_path(*fd, real, sizeof(real)) == -1 ||
	    policy_denies_path(c->pd->policy, prim, real)) {
		close(*fd);
		*fd = -1;
		return EACCES;
	}
	if (terms != NULL) {
		memset(terms, 0, sizeof(*terms));
		policy_read_terms(c->pd->policy, path, terms);
		policy_read_terms(c->pd->policy, real, terms);
	}
	return 0;
}
