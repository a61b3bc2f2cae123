/*
 * Pure parsers for the mounts table: lines of /proc/mounts (fstab(5)
 * fields, with the kernel's octal escapes for blanks and backslashes),
 * and the lexical joining of a symlink's target to the link's directory.
 */
#ifndef HOSTQL_TABLES_MOUNTPARSE_H
#define HOSTQL_TABLES_MOUNTPARSE_H

#include <stddef.h>

#include "textparse.h"

/* The four fields the table shows, still escaped. */
struct mount_line {
	struct span	device;
	struct span	path;
	struct span	type;
	struct span	options;
};

/* 0, or -1 for a line with fewer than four fields. */
int	mount_parse_line(struct span, struct mount_line *);

/*
 * Undo the kernel's escapes ("\040" for a space, "\011", "\012",
 * "\134"): out gets at most s.len bytes and a NUL, so room for s.len + 1
 * always does.  A backslash not followed by three octal digits is kept.
 * A decoded NUL byte (never written by the kernel) ends the text there.
 * Returns the length written.
 */
size_t	mount_unescape(struct span s, char *out);

/*
 * Where a symlink at link_path pointing at target leads, with "." and
 * ".." segments folded by their letters, written to out.  -1 when link_path
 * is not absolute or the result does not fit.
 */
int	mount_link_target(const char *link_path, const char *target,
	    char *out, size_t outsz);

#endif
