/*
 * Path patterns: what `path LIKE '...'` names on disk, with osquery's
 * meaning.
 *
 * A pattern is an absolute path whose segments may hold SQL wildcards:
 * '%' matches any run of characters within one segment and '_' exactly
 * one character, so `/etc/%` lists /etc and `/home/%/.ssh/%` looks into
 * every home.  A last segment that ends in "%%" also takes everything
 * below the directories it matches: `/etc/%%` is /etc, recursively.  A
 * pattern that ends in '/' names directories only, and its paths keep the
 * '/'.  Every path found is the pattern with its wildcards filled in, so
 * it still matches the pattern as SQLite's LIKE reads it.
 *
 * pathglob_compile() is pure: it splits a pattern into the literal
 * directory to start from and the segments to match below it.  The walk
 * lists directories through a function it is given (privd's LIST_DIR in
 * the tables, a table in memory in the tests), one listing at a time,
 * and is bounded in depth and in entries.
 */
#ifndef HOSTQL_TABLES_PATHGLOB_H
#define HOSTQL_TABLES_PATHGLOB_H

#include <stddef.h>
#include <stdint.h>

/* Longest pattern, and longest path the walk builds. */
#define PATHGLOB_PATH_MAX	4096
/* Levels below a recursive "%%" (osquery stops at 64 too). */
#define PATHGLOB_MAX_DEPTH	64
/* Directory entries a walk may look at, over every pattern of a query. */
#define PATHGLOB_MAX_ENTRIES	100000

struct pathglob {
	char		*base;		/* literal directory to start from,
					 * or the whole path when literal */
	char		**segs;		/* segments to match below base */
	size_t		 nsegs;
	int		 literal;	/* no wildcard: base is the path */
	int		 recursive;	/* last segment ended in "%%" */
	int		 dirs_only;	/* how many '/' ended the pattern */
};

/*
 * Split pattern into *g.  Returns 0, or -1 with *why set to a sentence
 * saying why the pattern cannot be used (empty, relative, too long, out
 * of memory).  pathglob_free() releases a compiled pattern.
 */
int	pathglob_compile(const char *pattern, struct pathglob *g,
	    const char **why);
void	pathglob_free(struct pathglob *g);

/* Does a directory entry's name match one segment of a pattern?  '%' is
 * any run, '_' one UTF-8 character, everything else itself (bytes,
 * case-sensitive, as names on disk are). */
int	pathglob_match(const char *seg, const char *name);

/* Does the segment hold a wildcard at all? */
int	pathglob_is_wild(const char *seg);

/*
 * The walk.  list() lists dir and calls fn for each entry ("." and ".."
 * may be given; they are skipped); it returns 0 or a negative errno
 * (the walk goes on past a directory it cannot list: warning about a
 * refusal is list()'s business).  emit() gets each path found with the
 * entry's d_type (DT_UNKNOWN for a literal path nothing has looked at);
 * it returns 0 to go on, non-zero to stop the walk.
 */
typedef int (*pathglob_entry_fn)(void *arg, const char *name,
    unsigned int d_type, uint64_t ino);

struct pathglob_ops {
	int	(*list)(void *arg, const char *dir, pathglob_entry_fn,
		    void *fnarg);
	int	(*emit)(void *arg, const char *path, unsigned int d_type);
	void	 *arg;
};

/* Bounds of a walk, shared by the walks of one query. */
struct pathglob_limits {
	int		max_depth;	/* PATHGLOB_MAX_DEPTH */
	uint64_t	max_entries;	/* PATHGLOB_MAX_ENTRIES */
	uint64_t	entries;	/* looked at so far */
};

#define PATHGLOB_CUT_DEPTH	0x01	/* a "%%" walk stopped at max_depth */
#define PATHGLOB_CUT_ENTRIES	0x02	/* stopped at max_entries */
#define PATHGLOB_CUT_LENGTH	0x04	/* a path grew past PATH_MAX */
#define PATHGLOB_STOPPED	0x08	/* emit() asked to stop */
#define PATHGLOB_NOMEM		0x10

/* Only directories (and what may be one: links, unknown types) are
 * emitted, without a '/' added; for `directory LIKE '...'`. */
#define PATHGLOB_DIRS		0x01

/* Walk g; returns a mask of PATHGLOB_CUT_* and the like, 0 when the walk
 * went through. */
int	pathglob_walk(const struct pathglob *g, unsigned int flags,
	    const struct pathglob_ops *, struct pathglob_limits *);

void	pathglob_limits_init(struct pathglob_limits *);

/*
 * The directory a path sits in, as osquery's `directory` column has it:
 * "/etc/passwd" -> "/etc", "/etc" -> "/", "/etc/ssh/" -> "/etc",
 * "/" -> "/".  The filename: "passwd", "etc", "ssh", "/".  Both write at
 * most len bytes with a NUL; they return -1 when it does not fit.
 */
int	pathglob_dirname(const char *path, char *buf, size_t len);
int	pathglob_basename(const char *path, char *buf, size_t len);

/*
 * The form of path privd takes: absolute, no empty or "." segment, no
 * '/' at the end ("/etc//ssh/./" -> "/etc/ssh").  *dir_only is set when
 * a '/' ended it, as the kernel then wants a directory.  Returns -1 for a
 * relative path, a ".." segment (resolving it by the letters would be
 * wrong across links) or a path that does not fit len.
 */
int	pathglob_canonical(const char *path, char *buf, size_t len,
	    int *dir_only);

/* dir + "/" + name, without doubling a '/' that ends dir; -1 when it
 * does not fit. */
int	pathglob_join(const char *dir, const char *name, char *buf,
	    size_t len);

#endif
