/*
 * What the per-user tables share (authorized_keys, known_hosts,
 * ssh_configs, shell_history, user_ssh_keys, user_groups): the accounts
 * of /etc/passwd a query asks about, and the reading of a file in an
 * account's home, where a file that is not there is no news and a file
 * the policy keeps back is worth a warning.
 */
#ifndef HOSTQL_TABLES_USERFILES_H
#define HOSTQL_TABLES_USERFILES_H

#include <stddef.h>
#include <stdint.h>

#include "table.h"
#include "dirlist.h"
#include "passwd.h"

/* One account, with its home as a string to build paths from (NULL
 * when the home is empty or not an absolute path). */
struct user {
	uint32_t		 uid;
	uint32_t		 gid;
	const struct passwd_line *pw;	/* spans into the passwd buffer */
	const char		*home;
};

/* The warnings of one query, capped so that a policy refusing a file in
 * every home says so a few times and then counts. */
#define USERFILES_MAX_WARN	10

struct userfiles {
	struct gen_ctx	*ctx;
	unsigned int	 nwarn;		/* warnings given */
	unsigned int	 nleft;		/* warnings left out */
	unsigned int	 nrefused;	/* files the policy refused */
	int		 count_refusals;	/* count them, do not warn */
};

void	userfiles_init(struct userfiles *, struct gen_ctx *);
void	userfiles_warn(struct userfiles *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Say how many warnings were left out. */
void	userfiles_end(struct userfiles *);

/*
 * Call fn for each account of /etc/passwd that the query's equality
 * constraints on column col_uid let through (col_uid -1: every account),
 * in file order.  With once, an account whose uid came before is skipped
 * (osquery's user_groups lists each uid once).  fn returns 0 to go on,
 * -1 when out of memory.  Returns 0, or -1 after gen_error().
 */
typedef int (*user_fn)(struct userfiles *, const struct user *, void *arg);
int	userfiles_each_user(struct userfiles *, int col_uid, int once,
	    user_fn fn, void *arg);

/* May the query want uid, given the equalities on col_uid? */
int	userfiles_uid_wanted(struct gen_ctx *, int col_uid, uint32_t uid);

/*
 * Read a file of an account (at most cap bytes).  Returns 1 with *data
 * (malloc'd, NUL-terminated) and *len; 0 when there is nothing to read:
 * the file is absent (silently), or refused or unreadable (a warning).
 * *truncated, when not NULL, says the file was longer than cap.
 */
int	userfiles_read(struct userfiles *, const char *path, size_t cap,
	    char **data, size_t *len, int *truncated);

/*
 * Call fn with the path of each name that keep lets through in the
 * directory rel of the account's home, in name order, until fn returns
 * non-zero.  A directory that is not there is no news, one that cannot be
 * listed a warning.  Returns fn's last value, or -1 when out of memory.
 */
typedef int (*userfile_fn)(struct userfiles *, uint32_t uid,
    const char *path);
int	userfiles_each_in_dir(struct userfiles *, const struct user *,
	    const char *rel, dirlist_filter_fn keep, userfile_fn fn);

/* home + "/" + rel into buf; -1 when it does not fit or home is not an
 * absolute path. */
int	userfiles_path(const char *home, const char *rel, char *buf,
	    size_t len);

#endif
