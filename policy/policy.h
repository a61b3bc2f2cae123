/*
 * The policy: what privd will read, list, stat, open or dump for the
 * worker.  A short text file of rules, one per line:
 *
 *	allow|deny  read|list|stat  PATTERN...
 *	allow|deny  proc     KIND...	(stat status cmdline environ ...)
 *	allow|deny  netlink  KIND...	(inet_diag unix_diag links ...)
 *	allow|deny  iptables TABLE...	(filter nat mangle raw security)
 *
 * An allow read rule may end with terms on what privd hands over:
 * "limit N" sends at most the first N bytes (and never a descriptor),
 * "crypt-field N" replaces the crypt(3) hash in the N-th colon-separated
 * field of every line by its method ("$6$"), so a file such as
 * /etc/shadow can be read without its hashes.  Terms hold whichever
 * allow rule a path matches, for the name asked and the file it resolved
 * to alike.
 *
 * Deny wins over allow, whatever the order.  In a pattern '*' matches
 * within one path segment and '**' any number of whole segments.  The
 * literal directory a pattern starts with is the root its paths are
 * resolved beneath: a symlink may not lead out of it.
 */
#ifndef HOSTQL_POLICY_H
#define HOSTQL_POLICY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum pol_prim {
	POL_READ,	/* READ_FILE, OPEN_FILE */
	POL_LIST,	/* LIST_DIR */
	POL_STAT,	/* STAT, READLINK */
	POL_PROC,	/* PROC_READ kinds */
	POL_NETLINK,	/* NETLINK_DUMP kinds */
	POL_IPTABLES,	/* IPTABLES_DUMP tables */
	POL_PRIM_MAX
};

/* The terms allow read rules put on a file; see above. */
struct pol_terms {
	uint64_t	limit;		/* bytes at most; 0: the whole file */
	unsigned int	crypt_field;	/* 1-based field; 0: none */
};

struct policy;

/* Parse policy text; on error NULL and a message naming the line. */
struct policy	*policy_parse(const char *text, size_t len, char *err,
		    size_t errlen);
void		 policy_free(struct policy *);

/* The compiled-in default (policy/default.policy). */
extern const char policy_default_text[];
extern const size_t policy_default_len;

/*
 * May privd do prim on path?  1 yes, with *root set to the directory to
 * resolve beneath (points into the policy); 0 no.  path must be canonical
 * (policy_path_canonical()).
 */
int	policy_allows_path(const struct policy *, enum pol_prim,
	    const char *path, const char **root);
/* Is path denied outright (used again on the path a name resolved to)? */
int	policy_denies_path(const struct policy *, enum pol_prim,
	    const char *path);
/* Add the terms of every allow read rule path matches to *terms (the
 * smaller limit wins); 1 when there are any. */
int	policy_read_terms(const struct policy *, const char *path,
	    struct pol_terms *terms);
/* Masks of the proc kinds, netlink kinds and iptables tables allowed. */
uint32_t policy_proc_kinds(const struct policy *);
uint32_t policy_netlink_kinds(const struct policy *);
uint32_t policy_iptables_tables(const struct policy *);

/* Write the rules in force, one per line, in the file's own syntax. */
void	policy_print(const struct policy *, FILE *);

/* An absolute path without "//", "." or ".." segments, or a trailing
 * slash, of at most IPC_MAX_PATH bytes. */
int	policy_path_canonical(const char *path);
/* Match a pattern against a canonical path. */
int	policy_pattern_match(const char *pattern, const char *path);

const char *pol_prim_name(enum pol_prim);

#endif
